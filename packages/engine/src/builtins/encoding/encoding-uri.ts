/**
 * `uri.parse` and `uri.is_valid`: URL parsing with Go's `net/url.Parse` rules (scheme, authority,
 * IP-literal hosts, path unescaping with the escaped form kept as `raw_path`, query and
 * fragment). Empty parts are left out of the result object.
 */
import { builtinError, type BuiltinDecl } from '../define.js';
import { argString } from '../args.js';
import { T } from '../signature.js';
import { utf8Decode, utf8Encode } from '../bytes.js';
import { makeObject, type Value } from '../../value/types.js';

type Mode = 'path' | 'host' | 'zone' | 'fragment';

class URLError {
  constructor(readonly message: string) {}
}

const isAlnum = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
const hexVal = (c: number) => (c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 87 : c >= 0x41 && c <= 0x46 ? c - 55 : -1);

/** Go's `shouldEscape` for the modes URL parsing needs. */
function shouldEscape(c: number, mode: Mode): boolean {
  if (isAlnum(c)) return false;
  const ch = String.fromCharCode(c);
  if ((mode === 'host' || mode === 'zone') && `!$&'()*+,;=:[]<>"`.includes(ch)) return false;
  if ('-_.~'.includes(ch)) return false;
  if ('$&+,/:;=?@'.includes(ch)) return mode === 'path' ? ch === '?' : mode !== 'fragment';
  if (mode === 'fragment' && '!()*'.includes(ch)) return false;
  return true;
}

function escape(s: string, mode: Mode): string {
  let out = '';
  for (const b of utf8Encode(s)) {
    out += shouldEscape(b, mode) ? '%' + b.toString(16).toUpperCase().padStart(2, '0') : String.fromCharCode(b);
  }
  return out;
}

const goQuote = (s: string) => JSON.stringify(s);

/** Go's `unescape` (no `+` → space outside query components). */
function unescape(s: string, mode: Mode): string {
  const src = utf8Encode(s);
  const out: number[] = [];
  for (let i = 0; i < src.length; ) {
    const c = src[i];
    if (c === 0x25) {
      if (i + 2 >= src.length || hexVal(src[i + 1]) < 0 || hexVal(src[i + 2]) < 0) {
        throw new URLError(`invalid URL escape ${goQuote(utf8Decode(src.subarray(i, Math.min(i + 3, src.length))))}`);
      }
      // Percent-encoding in hosts may only encode non-ASCII bytes (and %25 in zones).
      if (mode === 'host' && hexVal(src[i + 1]) < 8 && !(src[i + 1] === 0x32 && src[i + 2] === 0x35)) {
        throw new URLError(`invalid URL escape ${goQuote(utf8Decode(src.subarray(i, i + 3)))}`);
      }
      out.push((hexVal(src[i + 1]) << 4) | hexVal(src[i + 2]));
      i += 3;
      continue;
    }
    if ((mode === 'host' || mode === 'zone') && c < 0x80 && shouldEscape(c, mode)) {
      throw new URLError(`invalid character ${goQuote(String.fromCharCode(c))} in host name`);
    }
    out.push(c);
    i++;
  }
  return utf8Decode(new Uint8Array(out));
}

function validOptionalPort(port: string): boolean {
  return port === '' || (port[0] === ':' && /^[0-9]*$/.test(port.slice(1)));
}

function parseHost(host: string): string {
  if (host.startsWith('[')) {
    const i = host.lastIndexOf(']');
    if (i < 0) throw new URLError("missing ']' in host");
    const colonPort = host.slice(i + 1);
    if (!validOptionalPort(colonPort)) throw new URLError(`invalid port ${goQuote(colonPort)} after host`);
    const zone = host.slice(0, i).indexOf('%25');
    if (zone >= 0) return unescape(host.slice(0, zone), 'host') + unescape(host.slice(zone, i), 'zone') + unescape(host.slice(i), 'host');
  } else {
    const i = host.lastIndexOf(':');
    if (i >= 0 && !validOptionalPort(host.slice(i))) throw new URLError(`invalid port ${goQuote(host.slice(i))} after host`);
  }
  return unescape(host, 'host');
}

function splitHostPort(hostPort: string): [string, string] {
  let host = hostPort;
  let port = '';
  const colon = host.lastIndexOf(':');
  if (colon >= 0 && validOptionalPort(host.slice(colon))) {
    port = host.slice(colon + 1);
    host = host.slice(0, colon);
  }
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  return [host, port];
}

function getScheme(raw: string): [string, string] {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) continue;
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
      if (i === 0) return ['', raw];
      continue;
    }
    if (c === 0x3a) {
      if (i === 0) throw new URLError('missing protocol scheme');
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    return ['', raw];
  }
  return ['', raw];
}

interface ParsedURL {
  scheme: string;
  host: string;
  path: string;
  rawPath: string;
  rawQuery: string;
  fragment: string;
}

/** Go's `url.Parse`; throws URLError with Go's message (without the `parse "…":` wrapper). */
function parseURL(rawURL: string): ParsedURL {
  const hash = rawURL.indexOf('#');
  const main = hash < 0 ? rawURL : rawURL.slice(0, hash);
  const frag = hash < 0 ? '' : rawURL.slice(hash + 1);
  const u: ParsedURL = { scheme: '', host: '', path: '', rawPath: '', rawQuery: '', fragment: '' };
  if (/[\x00-\x1f\x7f]/.test(main)) throw new URLError('net/url: invalid control character in URL');
  if (main === '*') {
    u.path = '*';
  } else {
    let rest: string;
    [u.scheme, rest] = getScheme(main);
    u.scheme = u.scheme.toLowerCase();
    if (rest.endsWith('?') && rest.split('?').length === 2) rest = rest.slice(0, -1);
    else {
      const q = rest.indexOf('?');
      if (q >= 0) {
        u.rawQuery = rest.slice(q + 1);
        rest = rest.slice(0, q);
      }
    }
    if (!rest.startsWith('/')) {
      // Rootless paths after a scheme are opaque (mailto:…), which the result does not expose.
      if (u.scheme !== '') rest = '';
      else if (rest.split('/')[0].includes(':')) throw new URLError('first path segment in URL cannot contain colon');
    }
    if (rest.startsWith('//') && (u.scheme !== '' || !rest.startsWith('///'))) {
      let authority = rest.slice(2);
      rest = '';
      const slash = authority.indexOf('/');
      if (slash >= 0) {
        rest = authority.slice(slash);
        authority = authority.slice(0, slash);
      }
      const at = authority.lastIndexOf('@');
      u.host = parseHost(at < 0 ? authority : authority.slice(at + 1));
    }
    u.path = unescape(rest, 'path');
    u.rawPath = escape(u.path, 'path') === rest ? '' : rest;
  }
  if (frag !== '') u.fragment = unescape(frag, 'fragment');
  return u;
}

/** Go's `URL.EscapedPath`. */
function escapedPath(u: ParsedURL): string {
  if (u.rawPath !== '') {
    try {
      if (unescape(u.rawPath, 'path') === u.path) return u.rawPath;
    } catch {
      // fall through to the default encoding
    }
  }
  return u.path === '*' ? '*' : escape(u.path, 'path');
}

function uriObject(text: string): Value {
  let u: ParsedURL;
  try {
    u = parseURL(text);
  } catch (e) {
    if (e instanceof URLError) throw builtinError(`parse ${goQuote(text)}: ${e.message}`);
    throw e;
  }
  const [hostname, port] = splitHostPort(u.host);
  const fields: [string, string][] = [
    ['scheme', u.scheme],
    ['hostname', hostname],
    ['port', port],
    ['path', u.path],
    ['raw_path', escapedPath(u)],
    ['raw_query', u.rawQuery],
    ['fragment', u.fragment],
  ];
  return makeObject(fields.filter(([, v]) => v !== ''));
}

export const uriBuiltins: BuiltinDecl[] = [
  {
    name: 'uri.parse',
    params: [{ name: 'uri', type: T.string, description: 'URI to parse' }],
    result: T.object(T.string, T.string),
    category: 'encoding',
    description: 'Splits a URI into scheme, hostname, port, path, raw_path, raw_query and fragment (empty parts omitted).',
    impl: (args) => uriObject(argString(args, 0)),
  },
  {
    name: 'uri.is_valid',
    params: [{ name: 'uri', type: T.string, description: 'text to check' }],
    result: T.boolean,
    category: 'encoding',
    description: 'Reports whether a string is a non-empty URI that parses.',
    impl: (args) => {
      const text = args[0];
      if (typeof text !== 'string' || text === '') return false;
      try {
        parseURL(text);
        return true;
      } catch (e) {
        if (e instanceof URLError) return false;
        throw e;
      }
    },
  },
];
