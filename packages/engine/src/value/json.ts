import { parse as parseYaml } from 'yaml';
import { normNumber, numberText, parseNumberText } from './number.js';
import {
  RObject,
  RSet,
  compare,
  compareStrings,
  isObject,
  objectEntries,
  type ObjectValue,
  type PlainObject,
  type Value,
} from './types.js';

/** Replaces bigints in the safe range by numbers, in place (for freshly parsed documents only). */
export function normalizeParsed(v: unknown): Value {
  if (typeof v === 'bigint') return normNumber(v);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = normalizeParsed(v[i]);
    return v as Value[];
  }
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) o[k] = normalizeParsed(o[k]);
    return o as PlainObject;
  }
  return v as Value;
}

/** Number tokens a double cannot hold: long digit runs, three-digit exponents (`1e400`). */
const INEXACT_NUMBER = /[0-9]{16,}|[eE][-+]?[0-9]{3,}/;

/** JSON numbers read from their text, as OPA keeps them (`1e400` is a number, never Infinity). */
const EXACT_JSON_NUMBER = {
  identify: (v: unknown) => typeof v === 'number',
  default: true,
  tag: 'tag:yaml.org,2002:float',
  format: 'EXACT',
  test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
  resolve: (str: string) => parseNumberText(str) ?? parseFloat(str),
};

/**
 * Parses JSON keeping integers beyond 2^53 exact. The common case (no long digit run or big
 * exponent) is a plain `JSON.parse`; otherwise the text goes through `yaml` reading each number
 * from its text. Throws `SyntaxError` on malformed text.
 */
export function parseJSONExact(text: string): Value {
  const v = INEXACT_NUMBER.test(text) ? parseWithExactNumbers(text) : (JSON.parse(text) as Value);
  return SURROGATE_ESCAPE.test(text) ? wellFormed(v) : v;
}

function parseWithExactNumbers(text: string): Value {
  JSON.parse(text); // validates syntax with JSON's error messages
  return normalizeParsed(parseYaml(text, { intAsBigInt: true, schema: 'json', customTags: (tags) => [EXACT_JSON_NUMBER, ...tags] }));
}

/** A `\uD800`-`\uDFFF` escape, which may leave a lone surrogate in a string. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const toWellFormed = (s: string): string => s.replace(LONE_SURROGATE, '\uFFFD');

/** Go's JSON decoder turns a lone surrogate into U+FFFD; so does this, in place. */
function wellFormed(v: Value): Value {
  if (typeof v === 'string') return toWellFormed(v);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = wellFormed(v[i]);
    return v;
  }
  if (v !== null && typeof v === 'object') {
    const o = v as PlainObject;
    for (const k of Object.keys(o)) {
      const x = wellFormed(o[k]);
      const k2 = toWellFormed(k);
      if (k2 !== k) delete o[k];
      o[k2] = x;
    }
  }
  return v;
}

/** Plain JSON structure of a value: sets become sorted arrays, non-string keys their JSON text. */
export function toJSONValue(v: Value): Value {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(toJSONValue);
  if (v instanceof RSet) return v.sorted().map(toJSONValue);
  const out: PlainObject = {};
  for (const [k, x] of objectEntries(v)) out[typeof k === 'string' ? k : toJSONText(k)] = toJSONValue(x);
  return out;
}

/**
 * Compact JSON text; object keys sorted (as Go's encoding/json), sets as sorted arrays,
 * big integers exact.
 */
export function toJSONText(v: Value, indent = ''): string {
  return writeJSON(v, indent, '');
}

/**
 * Text of a scalar (null, boolean, number, string) with strings quoted by `quote`; undefined for
 * composites. Shared by the JSON, Go-JSON and Rego-term printers, which differ in string quoting.
 */
export function scalarText(v: Value, quote: (s: string) => string): string | undefined {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
    case 'bigint':
      return numberText(v);
    case 'string':
      return quote(v);
  }
  return undefined;
}

function writeJSON(v: Value, indent: string, cur: string): string {
  const scalar = scalarText(v, JSON.stringify);
  if (scalar !== undefined) return scalar;
  const next = cur + indent;
  const sep = indent ? ',\n' + next : ',';
  const open = (c: string) => (indent ? c + '\n' + next : c);
  const close = (c: string) => (indent ? '\n' + cur + c : c);
  if (Array.isArray(v) || v instanceof RSet) {
    const items = Array.isArray(v) ? v : v.sorted();
    if (items.length === 0) return '[]';
    return open('[') + items.map((x) => writeJSON(x, indent, next)).join(sep) + close(']');
  }
  const entries = objectEntries(v as ObjectValue).map(
    ([k, x]) => [typeof k === 'string' ? k : toJSONText(k), x] as [string, Value],
  );
  if (entries.length === 0) return '{}';
  entries.sort((a, b) => compareStrings(a[0], b[0]));
  const colon = indent ? ': ' : ':';
  return open('{') + entries.map(([k, x]) => JSON.stringify(k) + colon + writeJSON(x, indent, next)).join(sep) + close('}');
}

/** Rego term syntax of a value, as OPA prints it in messages and `sprintf("%v")`. */
export function toRegoText(v: Value): string {
  if (v === null || typeof v !== 'object') return writeJSON(v, '', '');
  if (Array.isArray(v)) return '[' + v.map(toRegoText).join(', ') + ']';
  if (v instanceof RSet) return v.size === 0 ? 'set()' : '{' + v.sorted().map(toRegoText).join(', ') + '}';
  const entries = objectEntries(v as ObjectValue).sort((a, b) => compare(a[0], b[0]));
  return '{' + entries.map(([k, x]) => toRegoText(k) + ': ' + toRegoText(x)).join(', ') + '}';
}

/** Deep-converts any JS value (e.g. from a YAML/JSON library) into a Value, or undefined. */
export function fromJS(x: unknown): Value | undefined {
  if (x === null || typeof x === 'string' || typeof x === 'boolean') return x;
  if (typeof x === 'number') return Number.isFinite(x) ? x : undefined;
  if (typeof x === 'bigint') return normNumber(x);
  if (Array.isArray(x)) {
    const out: Value[] = [];
    for (const e of x) {
      const v = fromJS(e);
      if (v === undefined) return undefined;
      out.push(v);
    }
    return out;
  }
  if (x instanceof RSet || x instanceof RObject) return x;
  if (x instanceof Map) {
    const o = new RObject();
    for (const [k, e] of x) {
      const kv = fromJS(k);
      const vv = fromJS(e);
      if (kv === undefined || vv === undefined) return undefined;
      o.set(kv, vv);
    }
    return isAllStringKeys(o) ? Object.fromEntries([...o.entries()].map(([k, e]) => [k as string, e])) : o;
  }
  if (typeof x === 'object') {
    const out: PlainObject = {};
    for (const [k, e] of Object.entries(x as object)) {
      const v = fromJS(e);
      if (v === undefined) return undefined;
      out[k] = v;
    }
    return out;
  }
  return undefined;
}

function isAllStringKeys(o: RObject): boolean {
  for (const [k] of o.entries()) if (typeof k !== 'string') return false;
  return true;
}

export { isObject };
