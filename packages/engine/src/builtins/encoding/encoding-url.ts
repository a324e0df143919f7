/**
 * `urlquery.*` builtins with Go's `net/url` query semantics (QueryEscape / QueryUnescape /
 * ParseQuery / Values.Encode), working on UTF-8 bytes as Go does.
 */
import { builtinError, typeErrorText, type BuiltinDecl } from '../define.js';
import { argObject, argString } from '../args.js';
import { T } from '../signature.js';
import { utf8Decode, utf8Encode } from '../bytes.js';
import { toJSONValue } from '../../value/json.js';
import { compareStrings, makeObject, objectEntries, type Value } from '../../value/types.js';

const HEX_UPPER = '0123456789ABCDEF';

function isUnreserved(b: number): boolean {
  return (
    (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || (b >= 0x30 && b <= 0x39) || b === 0x2d || b === 0x5f || b === 0x2e || b === 0x7e
  );
}

/** Go's `url.QueryEscape`: unreserved bytes stay, space becomes `+`, the rest `%XX`. */
export function queryEscape(s: string): string {
  let out = '';
  for (const b of utf8Encode(s)) {
    if (isUnreserved(b)) out += String.fromCharCode(b);
    else if (b === 0x20) out += '+';
    else out += '%' + HEX_UPPER[b >> 4] + HEX_UPPER[b & 15];
  }
  return out;
}

function hexDigit(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x61 && b <= 0x66) return b - 0x61 + 10;
  if (b >= 0x41 && b <= 0x46) return b - 0x41 + 10;
  return -1;
}

/** Go's strconv.Quote for the short escape texts that appear in error messages. */
function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** Go's `url.QueryUnescape`; returns the text or Go's `EscapeError` message. */
export function queryUnescape(s: string): { ok: string } | { error: string } {
  const src = utf8Encode(s);
  const out: number[] = [];
  for (let i = 0; i < src.length; ) {
    const b = src[i];
    if (b === 0x25) {
      if (i + 2 >= src.length || hexDigit(src[i + 1]) < 0 || hexDigit(src[i + 2]) < 0) {
        const bad = utf8Decode(src.subarray(i, Math.min(i + 3, src.length)));
        return { error: `invalid URL escape ${goQuote(bad)}` };
      }
      out.push((hexDigit(src[i + 1]) << 4) | hexDigit(src[i + 2]));
      i += 3;
    } else {
      out.push(b === 0x2b ? 0x20 : b);
      i++;
    }
  }
  return { ok: utf8Decode(new Uint8Array(out)) };
}

/** Go's `url.ParseQuery`: pairs keep their order per key; the first error wins but parsing goes on. */
export function parseQuery(query: string): { values: Map<string, string[]>; error?: string } {
  const values = new Map<string, string[]>();
  let error: string | undefined;
  for (const part of query.split('&')) {
    if (part.includes(';')) {
      error ??= 'invalid semicolon separator in query';
      continue;
    }
    if (part === '') continue;
    const eq = part.indexOf('=');
    const k = queryUnescape(eq < 0 ? part : part.slice(0, eq));
    if ('error' in k) {
      error ??= k.error;
      continue;
    }
    const v = queryUnescape(eq < 0 ? '' : part.slice(eq + 1));
    if ('error' in v) {
      error ??= v.error;
      continue;
    }
    const list = values.get(k.ok);
    if (list) list.push(v.ok);
    else values.set(k.ok, [v.ok]);
  }
  return { values, error };
}

function encodeObject(obj: Value): string {
  const pairs: [string, string[]][] = [];
  for (const [k, v] of objectEntries(toJSONValue(obj) as Record<string, Value>)) {
    const key = k as string;
    if (typeof v === 'string') pairs.push([key, [v]]);
    else if (Array.isArray(v)) {
      const list: string[] = [];
      for (const e of v) {
        if (typeof e !== 'string') throw typeErrorText('operand 1 only array of strings supported');
        list.push(e);
      }
      pairs.push([key, list]);
    } else throw typeErrorText('operand 1 only strings, arrays of strings, or sets of strings supported');
  }
  pairs.sort((a, b) => compareStrings(a[0], b[0]));
  const parts: string[] = [];
  for (const [k, list] of pairs) for (const v of list) parts.push(queryEscape(k) + '=' + queryEscape(v));
  return parts.join('&');
}

export const urlqueryBuiltins: BuiltinDecl[] = [
  {
    name: 'urlquery.encode',
    params: [{ name: 'x', type: T.string, description: 'string to escape' }],
    result: T.string,
    category: 'encoding',
    description: 'Escapes a string for safe use as a URL query component.',
    impl: (args) => queryEscape(argString(args, 0)),
  },
  {
    name: 'urlquery.decode',
    params: [{ name: 'x', type: T.string, description: 'escaped query component' }],
    result: T.string,
    category: 'encoding',
    description: 'Reverses URL query escaping (`%XX` sequences and `+` for space).',
    impl: (args) => {
      const r = queryUnescape(argString(args, 0));
      if ('error' in r) throw builtinError(r.error);
      return r.ok;
    },
  },
  {
    name: 'urlquery.encode_object',
    params: [
      {
        name: 'object',
        type: T.object(T.string, T.union(T.string, T.array(T.string), T.set(T.string))),
        description: 'parameters: strings, or arrays or sets of strings',
      },
    ],
    result: T.string,
    category: 'encoding',
    description: 'Builds a URL query string from an object of parameters, keys in sorted order.',
    impl: (args) => encodeObject(argObject(args, 0)),
  },
  {
    name: 'urlquery.decode_object',
    params: [{ name: 'x', type: T.string, description: 'query string' }],
    result: T.object(T.string, T.array(T.string)),
    category: 'encoding',
    description: 'Parses a URL query string into an object mapping each key to the list of its values.',
    impl: (args) => {
      const { values, error } = parseQuery(argString(args, 0));
      if (error !== undefined) throw builtinError(error);
      return makeObject([...values].map(([k, v]) => [k, v] as [Value, Value]));
    },
  },
];
