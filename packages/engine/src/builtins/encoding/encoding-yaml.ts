/**
 * `yaml.marshal`, `yaml.unmarshal`, `yaml.is_valid`.
 *
 * OPA goes through sigs.k8s.io/yaml, i.e. go-yaml v2: YAML 1.1 scalars (`yes`/`on` are booleans,
 * `0777` is octal, timestamps stay strings), merge keys, duplicate keys allowed (last wins),
 * only the first document read, map keys turned into strings. Parsing uses the `yaml` package
 * with those rules and a bounded alias expansion; errors are worded like go-yaml's where the
 * cause is recognisable (`yaml: line 1: did not find expected ',' or ']'`).
 */
import { Document, Scalar, isScalar, parseAllDocuments, visit, type DocumentOptions, type ParseOptions, type SchemaOptions, type ToJSOptions } from 'yaml';
import { builtinError, type BuiltinDecl } from '../define.js';
import { argString } from '../args.js';
import { T } from '../signature.js';
import { toJSONValue } from '../../value/json.js';
import { normNumber, parseNumberText } from '../../value/number.js';
import { objectEntries, type ObjectValue, type PlainObject, type Value } from '../../value/types.js';
import { MAX_YAML_ALIASES } from '../../limits.js';


/** Tags go-yaml v2 does not resolve into distinct values when decoding into `interface{}`. */
const DROPPED_TAGS = new Set(['tag:yaml.org,2002:timestamp', 'tag:yaml.org,2002:omap', 'tag:yaml.org,2002:pairs', 'tag:yaml.org,2002:set']);

/**
 * Scalars go-yaml v2 reads differently from the `yaml` package's YAML 1.1 schema. go-yaml tries
 * Go's `strconv.ParseInt(s, 0, 64)` first, which also takes `0o17`/`0O17` and `0B101`; a float
 * that overflows float64 (`1e400`) is not a float there, so it stays a string.
 */
const GO_INT_PREFIXED = {
  identify: (v: unknown) => typeof v === 'bigint',
  default: true,
  tag: 'tag:yaml.org,2002:int',
  format: 'GO-PREFIXED',
  test: /^[-+]?0(?:[oO][0-7_]+|B[01_]+)$/,
  resolve: (str: string) => {
    const neg = str.startsWith('-');
    const body = str.replace(/^[-+]/, '').replace(/_/g, '');
    const n = BigInt(body[1] === 'B' ? '0b' + body.slice(2) : '0o' + body.slice(2));
    return neg ? -n : n;
  },
};

const GO_FLOAT_OVERFLOW = {
  identify: () => false,
  default: true,
  tag: 'tag:yaml.org,2002:float',
  format: 'GO-OVERFLOW',
  test: /^[-+]?(?:\.[0-9_]+|[0-9][0-9_]*(?:\.[0-9_]*)?)[eE][-+]?[0-9]+$/,
  resolve: (str: string) => {
    const f = parseFloat(str.replace(/_/g, ''));
    return Number.isFinite(f) ? f : new Scalar(str);
  },
};

const PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  intAsBigInt: true,
  uniqueKeys: false,
  merge: true,
  prettyErrors: false,
  customTags: (tags) => [
    GO_INT_PREFIXED,
    GO_FLOAT_OVERFLOW,
    ...tags.filter((t) => {
      const tag = t as { tag?: string; format?: string };
      return !DROPPED_TAGS.has(tag.tag ?? '') && tag.format !== 'TIME';
    }),
  ],
};

const TO_JS: ToJSOptions = { mapAsMap: true, maxAliasCount: MAX_YAML_ALIASES };

class YAMLDecodeError {
  constructor(readonly message: string) {}
}

/**
 * go-yaml's wording for the parse errors whose cause we can recognise. go-yaml numbers lines
 * 1-based for scanner errors but reports the 0-based line of the offending token for parser
 * errors (the stream end sits on a line of its own when the text lacks a final newline).
 */
function goYamlError(text: string, code: string, message: string, pos: number): string {
  const first = message.split(' at line ')[0];
  let msg: string;
  let scanner = false;
  if (/flow sequence/i.test(first)) msg = "did not find expected ',' or ']'";
  else if (/flow map/i.test(first)) msg = "did not find expected ',' or '}'";
  else if (/closing .*quote/i.test(first)) {
    msg = 'found unexpected end of stream';
    scanner = true;
  } else if (code === 'TAB_AS_INDENT') {
    msg = 'found character that cannot start any token';
    scanner = true;
  } else if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY') {
    msg = 'mapping values are not allowed in this context';
    scanner = true;
  } else if (code === 'BAD_INDENT' || code === 'UNEXPECTED_TOKEN') msg = 'did not find expected key';
  else msg = first.charAt(0).toLowerCase() + first.slice(1);
  const at = Math.min(pos, text.length);
  let line = 0;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
  if (scanner) line++;
  else if (pos >= text.length && text.length > 0 && !text.endsWith('\n')) line++;
  return line > 0 ? `yaml: line ${line}: ${msg}` : `yaml: ${msg}`;
}

/** Go's strconv.FormatFloat(f, 'g', -1, 64), as go-yaml writes floats. */
export function goFormatFloatG(f: number): string {
  if (Number.isNaN(f)) return '.nan';
  if (!Number.isFinite(f)) return f > 0 ? '.inf' : '-.inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mant, expText] = f.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const e = Math.abs(exp).toString().padStart(2, '0');
    return `${mant}e${exp < 0 ? '-' : '+'}${e}`;
  }
  return String(f);
}

/** Go's encoding/json text of a float64 ('f' below 1e21, else shortest 'e'), in JSON number syntax. */
function goFloatJSONText(f: number): string {
  const a = Math.abs(f);
  if (a !== 0 && (a < 1e-6 || a >= 1e21)) return f.toExponential();
  return String(f);
}

function keyText(k: unknown): string {
  switch (typeof k) {
    case 'string':
      return k;
    case 'bigint':
      return k.toString();
    case 'number':
      return goFormatFloatG(k);
    case 'boolean':
      return k ? 'true' : 'false';
  }
  throw new YAMLDecodeError(`unsupported map key: ${k === null ? '<nil>' : typeof k}`);
}

/** Converts the `yaml` package's JS output (Maps for mappings) into a Value. */
function toValue(x: unknown): Value {
  if (x === null || x === undefined) return null;
  switch (typeof x) {
    case 'string':
    case 'boolean':
      return x;
    case 'bigint':
      // Beyond int64 and uint64 go-yaml falls back to float64, and the JSON hop keeps its shortest text.
      if (x < -(2n ** 63n) || x >= 2n ** 64n) return parseNumberText(goFloatJSONText(Number(x))) ?? Number(x);
      return normNumber(x);
    case 'number':
      if (!Number.isFinite(x)) throw new YAMLDecodeError(`json: unsupported value: ${Number.isNaN(x) ? 'NaN' : x > 0 ? '+Inf' : '-Inf'}`);
      return x;
  }
  if (Array.isArray(x)) return x.map(toValue);
  // `!!binary`: go-yaml decodes the base64 into a Go string of those bytes.
  if (x instanceof Uint8Array) return new TextDecoder().decode(x);
  if (x instanceof Map) {
    const out: PlainObject = Object.create(null);
    for (const [k, v] of x) out[keyText(k)] = toValue(v);
    return out;
  }
  return String(x);
}

/** Parses the first YAML document of `text`, or returns the go-yaml-shaped error text. */
export function parseYAMLValue(text: string): { value: Value } | { error: string } {
  let doc;
  try {
    doc = parseAllDocuments(text, PARSE_OPTIONS);
  } catch (e) {
    return { error: `yaml: ${(e as Error).message}` };
  }
  if (!Array.isArray(doc)) return { value: null }; // empty stream
  const first = doc[0];
  if (!first) return { value: null };
  if (first.errors.length > 0) {
    const err = first.errors[0];
    return { error: goYamlError(text, err.code, err.message, err.pos[0]) };
  }
  try {
    return { value: toValue(first.toJS(TO_JS)) };
  } catch (e) {
    if (e instanceof YAMLDecodeError) return { error: e.message };
    // A self-referencing anchor recurses without end; go-yaml rejects it up front.
    if (e instanceof RangeError) return { error: 'yaml: anchor value contains itself' };
    const msg = (e as Error).message ?? String(e);
    return { error: /alias/i.test(msg) ? 'yaml: document contains excessive aliasing' : `yaml: ${msg}` };
  }
}

// ---- marshal -------------------------------------------------------------------------------

/**
 * go-yaml v2's map key order: runs of digits compare numerically, letters sort after
 * non-letters, otherwise by code point.
 */
export function goYamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  const isLetter = (c: string) => /\p{L}/u.test(c);
  const isDigit = (c: string | undefined) => c !== undefined && /\p{Nd}/u.test(c);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10n + BigInt(ar[ai].charCodeAt(0) - 48);
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10n + BigInt(br[bi].charCodeAt(0) - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
  }
  return ar.length < br.length;
}

/** Strings go-yaml v2 double-quotes because, written plain, they would read back as another type. */
const NON_STRING_PLAIN = [
  /^(?:~|null|Null|NULL)?$/,
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^[-+]?\.(?:inf|Inf|INF)$/,
  /^\.(?:nan|NaN|NAN)$/,
  /^<<$/,
  /^[-+]?(?:0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[0-9]+)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/,
  /^[-+]?[0-9]+(?::[0-5]?[0-9])+(?:\.[0-9]*)?$/,
  /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]|[ \t]+)\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d{1,2}(?::\d{2})?))?)?$/,
];

function needsDoubleQuotes(s: string): boolean {
  const plain = s.includes('_') && /^[-+]?[0-9.]/.test(s) ? s.replace(/_/g, '') : s;
  return NON_STRING_PLAIN.some((re) => re.test(plain));
}

/** A float written with Go's formatting (the `yaml` package would use JS's). */
class GoFloat {
  constructor(readonly value: number) {}
}

const goFloatTag = {
  identify: (v: unknown) => v instanceof GoFloat,
  default: true,
  tag: 'tag:yaml.org,2002:float',
  resolve: (s: string) => Number(s),
  stringify: (item: Scalar) => goFormatFloatG((item.value as GoFloat).value),
};

/** The JS shape handed to the `yaml` stringifier: Maps keep go-yaml's key order. */
function toYamlJS(v: Value): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'bigint') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? v : new GoFloat(v);
  if (Array.isArray(v)) return v.map(toYamlJS);
  const entries = objectEntries(v as ObjectValue) as [string, Value][];
  entries.sort((a, b) => (goYamlKeyLess(a[0], b[0]) ? -1 : goYamlKeyLess(b[0], a[0]) ? 1 : 0));
  return new Map(entries.map(([k, x]) => [k, toYamlJS(x)]));
}

export function goYamlMarshal(v: Value): string {
  const doc = new Document(toYamlJS(toJSONValue(v)), { customTags: [goFloatTag] });
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && !node.value.includes('\n') && needsDoubleQuotes(node.value)) {
        node.type = Scalar.QUOTE_DOUBLE;
      }
    },
  });
  return doc.toString({ indentSeq: false, lineWidth: 0, singleQuote: true, doubleQuotedMinMultiLineLength: Infinity });
}

export const yamlBuiltins: BuiltinDecl[] = [
  {
    name: 'yaml.marshal',
    params: [{ name: 'x', type: T.any, description: 'value to serialize' }],
    result: T.string,
    category: 'encoding',
    description: 'Serializes a value to YAML text laid out as go-yaml writes it.',
    impl: (args) => goYamlMarshal(args[0]),
  },
  {
    name: 'yaml.unmarshal',
    params: [{ name: 'x', type: T.string, description: 'YAML text' }],
    result: T.any,
    category: 'encoding',
    description: 'Parses the first document of YAML text into a value (YAML 1.1 scalars, merge keys).',
    impl: (args) => {
      const r = parseYAMLValue(argString(args, 0));
      if ('error' in r) throw builtinError(r.error);
      return r.value;
    },
  },
  {
    name: 'yaml.is_valid',
    params: [{ name: 'x', type: T.string, description: 'text to check' }],
    result: T.boolean,
    category: 'encoding',
    description: 'Reports whether a string parses as YAML; non-strings do not.',
    impl: (args) => typeof args[0] === 'string' && !('error' in parseYAMLValue(args[0])),
  },
];
