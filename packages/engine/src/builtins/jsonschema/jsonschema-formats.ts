/**
 * The `format` checks gojsonschema (as vendored by OPA) applies, with its semantics rather than
 * the JSON Schema specification's: OPA accepts what Go's parsers accept (`time.Parse`,
 * `net.ParseIP`, `net/mail.ParseAddress`, `net/url.Parse`), e.g. a bare date is a valid
 * `date-time` and `Name <a@b.c>` a valid `email`. Formats gojsonschema does not know pass.
 *
 * Where the library's checker has the same semantics (date, ipv6, uuid, JSON pointers) it is
 * used; the others follow Go's parsers closely for the inputs policies meet. Known
 * approximations: `email` does not check the display-name grammar, and `uri*` check what
 * `url.Parse` rejects (control characters, bad escapes, bad host characters or port, a colon in
 * the first segment of a relative reference), not the full RFC 3986 grammar — neither does Go.
 */
import { format as libraryFormats } from '@cfworker/json-schema';
import { RE2JS } from 're2js';

type Check = (s: string) => boolean;

const lib = (name: string): Check => (s) => libraryFormats[name]!(s);

const TIME = /^(\d\d):(\d\d):(\d\d)(?:[.,]\d+)?(Z|[+-](\d\d):(\d\d))?$/;

/** Go `time.Parse` with "15:04:05" or "15:04:05Z07:00" (fractional seconds allowed). */
function goTime(s: string, zoneRequired: boolean): boolean {
  const m = TIME.exec(s);
  if (!m) return false;
  if (+m[1] > 23 || +m[2] > 59 || +m[3] > 59) return false;
  if (m[4] === undefined) return !zoneRequired;
  return m[5] === undefined || (+m[5] <= 24 && +m[6] <= 60);
}

function goDateTime(s: string): boolean {
  if (goTime(s, false) || libraryFormats.date!(s)) return true;
  const t = s.indexOf('T');
  return t === 10 && libraryFormats.date!(s.slice(0, t)) && goTime(s.slice(t + 1), true);
}

const HOST_LABEL = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]{0,61}[a-zA-Z0-9])';
const HOSTNAME = new RegExp(`^${HOST_LABEL}(?:\\.${HOST_LABEL})*$`);

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);

/** `net.ParseIP` succeeds and the text has a dot: dotted quads, also IPv6 with an embedded IPv4. */
function goIPv4(s: string): boolean {
  return IPV4.test(s) || (s.includes('.') && libraryFormats.ipv6!(s));
}

const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\u0080-\\uffff-]";
const DOT_ATOM = `${ATEXT}+(?:\\.${ATEXT}+)*`;
const QUOTED = '"(?:[^"\\\\\\r\\n]|\\\\.)*"';
const ADDR_SPEC = new RegExp(`^(?:${DOT_ATOM}|${QUOTED})@(?:${DOT_ATOM}|\\[[^\\[\\]\\\\]*\\])$`);
const NAME_ADDR = /^[^<>]*<([^<>]*)>$/;

/** `mail.ParseAddress`: an addr-spec, or one in angle brackets after a display name. */
function goEmail(s: string): boolean {
  const t = s.trim();
  const m = NAME_ADDR.exec(t);
  return ADDR_SPEC.test(m ? m[1].trim() : t);
}

interface GoURL {
  scheme: string;
  path: string;
}

const BAD_ESCAPE = /%(?![0-9A-Fa-f]{2})/;
const CTL = /[\x00-\x1f\x7f]/;
const USERINFO = /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/;
const HOST_CHARS = /^[A-Za-z0-9\-_.~!$&'()*+,;=:[\]<>"%\u0080-\uffff]*$/;
const PORT = /^(?::\d*)?$/;

/** What Go's `url.Parse` rejects; undefined for an error. Query and opaque parts go unchecked, as in Go. */
function goParseURL(s: string): GoURL | undefined {
  if (CTL.test(s)) return undefined;
  const hash = s.indexOf('#');
  if (hash >= 0 && BAD_ESCAPE.test(s.slice(hash + 1))) return undefined;
  let rest = hash >= 0 ? s.slice(0, hash) : s;
  if (rest.startsWith(':')) return undefined;
  const sm = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(rest);
  const scheme = sm ? sm[1] : '';
  if (sm) rest = rest.slice(sm[0].length);
  const q = rest.indexOf('?');
  if (q >= 0) rest = rest.slice(0, q);
  if (!rest.startsWith('/')) {
    if (scheme !== '') return { scheme, path: '' };
    const slash = rest.indexOf('/');
    if ((slash < 0 ? rest : rest.slice(0, slash)).includes(':')) return undefined;
  }
  if ((scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    const end = rest.indexOf('/', 2);
    const authority = end < 0 ? rest.slice(2) : rest.slice(2, end);
    rest = end < 0 ? '' : rest.slice(end);
    const at = authority.lastIndexOf('@');
    const userinfo = at >= 0 ? authority.slice(0, at) : '';
    if (!USERINFO.test(userinfo) || BAD_ESCAPE.test(userinfo)) return undefined;
    if (!goHost(at >= 0 ? authority.slice(at + 1) : authority)) return undefined;
  }
  if (BAD_ESCAPE.test(rest)) return undefined;
  return { scheme, path: rest };
}

function goHost(host: string): boolean {
  let port = '';
  if (host.startsWith('[')) {
    const close = host.lastIndexOf(']');
    if (close < 0) return false;
    port = host.slice(close + 1);
  } else {
    const colon = host.lastIndexOf(':');
    if (colon >= 0) port = host.slice(colon);
  }
  return PORT.test(port) && HOST_CHARS.test(host) && !BAD_ESCAPE.test(host);
}

const noBackslash = (s: string) => !s.includes('\\');

/** gojsonschema's URI template check: braces in the (unescaped) path pair up, unnested. */
function bracesPaired(path: string): boolean {
  let open = false;
  for (const ch of path.replace(/%7b/gi, '{').replace(/%7d/gi, '}')) {
    if (!open && ch === '{') open = true;
    else if (open && ch === '}') open = false;
  }
  return !open;
}

const uri: Check = (s) => noBackslash(s) && (goParseURL(s)?.scheme ?? '') !== '';
const uriReference: Check = (s) => noBackslash(s) && goParseURL(s) !== undefined;

/** The formats gojsonschema checks, by name. */
export const GO_FORMATS: ReadonlyMap<string, Check> = new Map<string, Check>([
  ['date', lib('date')],
  ['time', (s) => goTime(s, false)],
  ['date-time', goDateTime],
  ['hostname', (s) => s.length < 256 && HOSTNAME.test(s)],
  ['email', goEmail],
  ['idn-email', goEmail],
  ['ipv4', goIPv4],
  ['ipv6', lib('ipv6')],
  ['uri', uri],
  ['uri-reference', uriReference],
  ['iri', uri],
  ['iri-reference', uriReference],
  ['uri-template', (s) => noBackslash(s) && bracesPaired(goParseURL(s)?.path ?? '{')],
  ['uuid', lib('uuid')],
  ['regex', (s) => s === '' || compiles(s)],
  ['json-pointer', lib('json-pointer')],
  ['relative-json-pointer', lib('relative-json-pointer')],
]);

function compiles(re: string): boolean {
  try {
    RE2JS.compile(re);
    return true;
  } catch {
    return false;
  }
}
