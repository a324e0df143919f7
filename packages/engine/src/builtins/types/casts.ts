/**
 * Conversions: to_number (strings parsed with Go's strconv.ParseFloat syntax, kept exact for
 * large integers) and the deprecated cast_* family.
 */
import { builtinError, operandError, type BuiltinDecl } from '../define.js';
import { T, type BType } from '../signature.js';
import { decimalToRational } from '../numbers/big-float.js';
import { normNumber, type Num } from '../../value/number.js';
import { RSet, isObject, type Value } from '../../value/types.js';

const DECIMAL = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const HEX = /^([+-]?)0[xX]((?:[0-9a-fA-F]+(?:\.[0-9a-fA-F]*)?|\.[0-9a-fA-F]+))[pP]([+-]?[0-9]+)$/;

/** Go's rule for `_` in number literals: only between digits, or after a base prefix. */
function underscoresOK(s: string): boolean {
  let t = s.replace(/^[+-]/, '');
  let saw = '^';
  let hex = false;
  if (/^0[xXbBoO]/.test(t)) {
    hex = /^0[xX]/.test(t);
    saw = '0';
    t = t.slice(2);
  }
  for (const c of t) {
    if (/[0-9]/.test(c) || (hex && /[0-9a-fA-F]/.test(c))) saw = '0';
    else if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
    } else {
      if (saw === '_') return false;
      saw = '!';
    }
  }
  return saw !== '_';
}

function parseError(s: string, why: string): Error {
  return builtinError(`strconv.ParseFloat: parsing ${JSON.stringify(s)}: ${why}`);
}

function hexValue(sign: string, mant: string, exp: string): number {
  const [int, frac = ''] = mant.split('.');
  const digits = BigInt('0x' + ((int + frac).replace(/^0+(?=.)/, '') || '0'));
  const e = Number(exp) - 4 * frac.length;
  const v = Number(digits) * 2 ** e;
  return sign === '-' ? -v : v;
}

/** The number denoted by a string, as `to_number` reads it; throws OPA's error otherwise. */
export function parseGoFloat(s: string): Num {
  const bare = s.includes('_') ? (underscoresOK(s) ? s.replaceAll('_', '') : undefined) : s;
  let value: number;
  if (bare !== undefined && DECIMAL.test(bare)) {
    value = Number(bare);
  } else if (bare !== undefined && HEX.test(bare)) {
    const m = HEX.exec(bare)!;
    value = hexValue(m[1], m[2], m[3]);
  } else {
    throw parseError(s, 'invalid syntax');
  }
  if (!Number.isFinite(value)) throw parseError(s, 'value out of range');
  if (Number.isInteger(value) && !Number.isSafeInteger(value) && DECIMAL.test(bare!)) {
    // Large integers keep their exact decimal value, as OPA keeps the literal text.
    const r = decimalToRational(bare!);
    if (r && r.num % r.den === 0n) return normNumber(r.num / r.den);
  }
  return Object.is(value, -0) ? 0 : value;
}

function cast(
  name: string,
  type: BType,
  result: BType,
  check: (v: Value) => Value | undefined,
  expected: string[],
  description: string,
): BuiltinDecl {
  return {
    name,
    params: [{ name: 'x', type, description: 'the value to convert' }],
    result,
    category: 'casts',
    description,
    deprecated: true,
    impl(args) {
      const out = check(args[0]);
      if (out === undefined) throw operandError(1, args[0], ...expected);
      return out;
    },
  };
}

export const castsBuiltins: BuiltinDecl[] = [
  {
    name: 'to_number',
    params: [{ name: 'x', type: T.union(T.null, T.boolean, T.number, T.string), description: 'the value to convert' }],
    result: T.number,
    category: 'casts',
    description: 'Converts a value to a number: null is 0, booleans are 0 or 1, strings are parsed as decimal numbers.',
    impl(args) {
      const v = args[0];
      if (v === null) return 0;
      if (typeof v === 'boolean') return v ? 1 : 0;
      if (typeof v === 'number' || typeof v === 'bigint') return v;
      if (typeof v === 'string') {
        const word = v.replace(/^[+-]+/, '').toLowerCase();
        if (word === 'inf' || word === 'infinity' || word === 'nan') throw operandError(1, v, 'valid number string');
        return parseGoFloat(v);
      }
      throw operandError(1, v, 'null', 'boolean', 'number', 'string');
    },
  },
  cast(
    'cast_array',
    T.union(T.array(), T.set()),
    T.array(),
    (v) => (Array.isArray(v) ? v : v instanceof RSet ? [...v.sorted()] : undefined),
    ['array', 'set'],
    'Deprecated: converts a set to an array (arrays are returned unchanged).',
  ),
  cast(
    'cast_set',
    T.union(T.array(), T.set()),
    T.set(),
    (v) => (v instanceof RSet ? v : Array.isArray(v) ? new RSet(v) : undefined),
    ['array', 'set'],
    'Deprecated: converts an array to a set (sets are returned unchanged).',
  ),
  cast('cast_string', T.string, T.string, (v) => (typeof v === 'string' ? v : undefined), ['string'], 'Deprecated: returns a string unchanged.'),
  cast('cast_boolean', T.boolean, T.boolean, (v) => (typeof v === 'boolean' ? v : undefined), ['boolean'], 'Deprecated: returns a boolean unchanged.'),
  cast('cast_null', T.null, T.null, (v) => (v === null ? v : undefined), ['null'], 'Deprecated: returns null unchanged.'),
  cast('cast_object', T.object(), T.object(), (v) => (isObject(v) ? v : undefined), ['object'], 'Deprecated: returns an object unchanged.'),
];
