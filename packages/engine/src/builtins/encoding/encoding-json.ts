/**
 * `json.marshal`, `json.marshal_with_options`, `json.unmarshal`, `json.is_valid`.
 * Output follows Go's encoding/json as OPA uses it: keys sorted, HTML-sensitive characters
 * escaped, `MarshalIndent` layout for the pretty form. Parse errors use Go's wording.
 */
import { builtinError, operandError, typeErrorText, type BuiltinDecl } from '../define.js';
import { argObject, argString } from '../args.js';
import { T } from '../signature.js';
import { goJSONSyntaxError } from '../go/go-json-errors.js';
import { parseJSONExact, scalarText, toJSONValue, toRegoText } from '../../value/json.js';
import { compare, compareStrings, objectEntries, type ObjectValue, type Value } from '../../value/types.js';

const SHORT_ESCAPES: Record<number, string> = { 0x08: '\\b', 0x09: '\\t', 0x0a: '\\n', 0x0c: '\\f', 0x0d: '\\r', 0x22: '\\"', 0x5c: '\\\\' };

/** A JSON string literal as Go's encoding/json writes it (HTML escaping on). */
export function goJSONString(s: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c < 0x20 || c === 0x22 || c === 0x5c) rep = SHORT_ESCAPES[c] ?? '\\u00' + c.toString(16).padStart(2, '0');
    else if (c === 0x3c || c === 0x3e || c === 0x26 || c === 0x2028 || c === 0x2029) rep = '\\u' + c.toString(16).padStart(4, '0');
    else if (c >= 0xd800 && c <= 0xdfff) {
      const pair = c <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff;
      if (pair) {
        i++;
        continue;
      }
      rep = '\\ufffd';
    }
    if (rep !== undefined) {
      out += s.slice(start, i) + rep;
      start = i + 1;
    }
  }
  return out + s.slice(start) + '"';
}

/**
 * Go's `json.Marshal` (indent === undefined) or `json.MarshalIndent(v, prefix, indent)` of a
 * value after OPA's JSON conversion (sets → sorted arrays, non-string keys → their JSON text).
 */
export function goMarshal(v: Value, prefix?: string, indent?: string): string {
  return write(toJSONValue(v), indent === undefined ? undefined : { prefix: prefix ?? '', indent }, 0);
}

function write(v: Value, pretty: { prefix: string; indent: string } | undefined, depth: number): string {
  const scalar = scalarText(v, goJSONString);
  if (scalar !== undefined) return scalar;
  const nl = (d: number) => (pretty ? '\n' + pretty.prefix + pretty.indent.repeat(d) : '');
  const colon = pretty ? ': ' : ':';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return '[' + v.map((x) => nl(depth + 1) + write(x, pretty, depth + 1)).join(',') + nl(depth) + ']';
  }
  const entries = objectEntries(v as ObjectValue) as [string, Value][];
  if (entries.length === 0) return '{}';
  entries.sort((a, b) => compareStrings(a[0], b[0]));
  return '{' + entries.map(([k, x]) => nl(depth + 1) + goJSONString(k) + colon + write(x, pretty, depth + 1)).join(',') + nl(depth) + '}';
}

interface MarshalOptions {
  prefix: string;
  indent: string;
  pretty: boolean;
}

/** Reads `json.marshal_with_options` options with OPA's rules: prefix/indent imply pretty unless `pretty` is given. */
function marshalOptions(opts: ObjectValue): MarshalOptions {
  const out: MarshalOptions = { prefix: '', indent: '\t', pretty: false };
  let implicit = false;
  let explicit: boolean | undefined;
  const entries = objectEntries(opts).sort((a, b) => compare(a[0], b[0]));
  entries.forEach(([k, v], idx) => {
    if (typeof k !== 'string') {
      throw typeErrorText(`operand 2 failed to stringify key ${toRegoText(k)} at index ${idx}: ${operandError(idx, k, 'string').message}`);
    }
    const expect = (kind: 'string' | 'boolean', cast: string): void => {
      if (typeof v !== kind) {
        throw typeErrorText(`operand 2 key ${k} failed cast to ${cast}: ${operandError(idx, v, kind).message}`);
      }
    };
    switch (k) {
      case 'prefix':
        expect('string', 'string');
        out.prefix = v as string;
        implicit = true;
        break;
      case 'indent':
        expect('string', 'string');
        out.indent = v as string;
        implicit = true;
        break;
      case 'pretty':
        expect('boolean', 'bool');
        explicit = v as boolean;
        break;
      default:
        throw typeErrorText(`operand 2 object contained unknown key ${toRegoText(k)}`);
    }
  });
  out.pretty = explicit ?? implicit;
  return out;
}

export const jsonBuiltins: BuiltinDecl[] = [
  {
    name: 'json.marshal',
    params: [{ name: 'x', type: T.any, description: 'value to serialize' }],
    result: T.string,
    category: 'encoding',
    description: 'Serializes a value to compact JSON text (sets become sorted arrays).',
    impl: (args) => goMarshal(args[0]),
  },
  {
    name: 'json.marshal_with_options',
    params: [
      { name: 'x', type: T.any, description: 'value to serialize' },
      {
        name: 'opts',
        type: T.object(T.string, T.union(T.boolean, T.string)),
        description: 'options: `pretty` (boolean), `prefix` and `indent` (strings)',
      },
    ],
    result: T.string,
    category: 'encoding',
    description: 'Serializes a value to JSON text, optionally indented and with a prefix on every line.',
    impl: (args) => {
      const opts = marshalOptions(argObject(args, 1));
      if (!opts.pretty) return goMarshal(args[0]);
      // Go's MarshalIndent does not prefix the first line; OPA adds it.
      return opts.prefix + goMarshal(args[0], opts.prefix, opts.indent);
    },
  },
  {
    name: 'json.unmarshal',
    params: [{ name: 'x', type: T.string, description: 'JSON text' }],
    result: T.any,
    category: 'encoding',
    description: 'Parses JSON text into a value, keeping large integers exact.',
    impl: (args) => {
      const text = argString(args, 0);
      try {
        return parseJSONExact(text);
      } catch {
        throw builtinError(goJSONSyntaxError(text));
      }
    },
  },
  {
    name: 'json.is_valid',
    params: [{ name: 'x', type: T.string, description: 'text to check' }],
    result: T.boolean,
    category: 'encoding',
    description: 'Reports whether a string is valid JSON text; non-strings are not.',
    impl: (args) => {
      const text = args[0];
      if (typeof text !== 'string') return false;
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    },
  },
];
