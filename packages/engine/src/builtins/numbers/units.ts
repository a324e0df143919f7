/**
 * units.parse (SI and binary-SI quantities, exact rationals) and units.parse_bytes (byte
 * amounts, truncated to an integer after OPA's 64-bit-mantissa float arithmetic).
 */
import { builtinError, type BuiltinDecl } from '../define.js';
import { argString } from '../args.js';
import { T } from '../signature.js';
import * as bf from './big-float.js';
import { normNumber, type Num } from '../../value/number.js';

/** OPA rejects scientific-notation exponents with more digits than this. */
const MAX_EXPONENT_DIGITS = 6;

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

class ExponentTooLarge extends Error {}

/**
 * Splits "10.5e3Ki" into ["10.5e3", "Ki"]: the number runs over digits, '.', signs and an
 * exponent marker that is followed by a digit or a sign.
 */
function splitNumberAndUnit(s: string): [string, string] {
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const numeric = isDigit(c) || c === '.' || c === '+' || c === '-';
    if (!numeric && c !== 'e' && c !== 'E') return [s.slice(0, i), s.slice(i)];
    if (c === 'e' || c === 'E') {
      const next = s[i + 1];
      if (!isDigit(next) && next !== '+' && next !== '-') return [s.slice(0, i), s.slice(i)];
      if (next === '+' || next === '-') i++;
      let end = i + 1;
      while (isDigit(s[end])) end++;
      if (end - (i + 1) > MAX_EXPONENT_DIGITS) throw new ExponentTooLarge();
    }
  }
  return [s, ''];
}

function split(s: string, tooLarge: string): [string, string] {
  try {
    return splitNumberAndUnit(s);
  } catch (e) {
    if (e instanceof ExponentTooLarge) throw builtinError(tooLarge);
    throw e;
  }
}

/** Exact rational of the decimal double 0.001 (OPA multiplies by that double, not by 1/1000). */
function doubleToRational(x: number): { num: bigint; den: bigint } {
  let den = 1n;
  let v = x;
  while (!Number.isInteger(v)) {
    v *= 2;
    den *= 2n;
  }
  return { num: BigInt(v), den };
}

const MILLI = doubleToRational(0.001);
const K = 1000n;
const SI: Record<string, bigint> = {
  k: K,
  K,
  M: K ** 2n,
  g: K ** 3n,
  G: K ** 3n,
  t: K ** 4n,
  T: K ** 4n,
  p: K ** 5n,
  P: K ** 5n,
  e: K ** 6n,
  E: K ** 6n,
};
const BINARY: Record<string, bigint> = { ki: 1n << 10n, mi: 1n << 20n, gi: 1n << 30n, ti: 1n << 40n, pi: 1n << 50n, ei: 1n << 60n };

function unitFactor(unit: string): { num: bigint; den: bigint } | undefined {
  if (unit === '') return { num: 1n, den: 1n };
  if (unit === 'm') return MILLI;
  if (Object.hasOwn(SI, unit)) return { num: SI[unit], den: 1n };
  const lower = unit.toLowerCase();
  if (unit.length === 2 && unit[1] === 'i' && Object.hasOwn(BINARY, lower)) return { num: BINARY[lower], den: 1n };
  return undefined;
}

/** Decimal text of num/den rounded to 10 fraction digits, halves away from zero (big.Rat.FloatString). */
function tenDigits(num: bigint, den: bigint): string {
  const neg = num < 0n;
  const a = neg ? -num : num;
  const scale = 10n ** 10n;
  let q = (a * scale) / den;
  const r = a * scale - q * den;
  if (2n * r >= den) q += 1n;
  const digits = q.toString().padStart(11, '0');
  return `${neg ? '-' : ''}${digits.slice(0, -10)}.${digits.slice(-10)}`;
}

const BYTE_UNITS: Record<string, bigint> = {
  '': 1n,
  k: K,
  kb: K,
  ki: 1n << 10n,
  kib: 1n << 10n,
  m: K ** 2n,
  mb: K ** 2n,
  mi: 1n << 20n,
  mib: 1n << 20n,
  g: K ** 3n,
  gb: K ** 3n,
  gi: 1n << 30n,
  gib: 1n << 30n,
  t: K ** 4n,
  tb: K ** 4n,
  ti: 1n << 40n,
  tib: 1n << 40n,
  p: K ** 5n,
  pb: K ** 5n,
  pi: 1n << 50n,
  pib: 1n << 50n,
  e: K ** 6n,
  eb: K ** 6n,
  ei: 1n << 60n,
  eib: 1n << 60n,
};

export function parseUnits(raw: string): Num {
  const s = raw.replaceAll('"', '');
  if (s.includes(' ')) throw builtinError('spaces not allowed in resource strings');
  const [num, rawUnit] = split(s, 'exponent too large');
  if (num === '') throw builtinError('no amount provided');
  // Only the letters after the first are case-insensitive, so that 'm' and 'M' stay apart.
  const unit = rawUnit.length > 1 ? rawUnit[0] + rawUnit.slice(1).toLowerCase() : rawUnit;
  const factor = unitFactor(unit);
  if (!factor) throw builtinError(`unit ${unit} not recognized`);
  const amount = bf.decimalToRational(num);
  if (!amount) throw builtinError('could not parse amount to a number');
  const p = amount.num * factor.num;
  const q = amount.den * factor.den;
  if (p % q === 0n) return normNumber(p / q);
  return Number(tenDigits(p, q));
}

export function parseBytes(raw: string): Num {
  const s = raw.toLowerCase().replaceAll('"', '');
  if (s.includes(' ')) throw builtinError('spaces not allowed in resource strings');
  const [num, unit] = split(s, 'exponent too large');
  if (num === '') throw builtinError('no byte amount provided');
  if (!Object.hasOwn(BYTE_UNITS, unit)) throw builtinError(`byte unit ${unit} not recognized`);
  const amount = bf.decimalToRational(num);
  if (!amount) throw builtinError('could not parse byte amount to a number');
  const x = bf.fromRational(amount.num, amount.den);
  const product = bf.mul(x, bf.fromRational(BYTE_UNITS[unit], 1n));
  return normNumber(bf.truncToBigInt(product));
}

export const unitsBuiltins: BuiltinDecl[] = [
  {
    name: 'units.parse',
    params: [{ name: 'x', type: T.string, description: 'a quantity such as "500m", "1.5K" or "2Gi"' }],
    result: T.number,
    category: 'units',
    description: 'Converts a quantity with an optional SI (m, K, M, G, T, P, E) or binary (Ki … Ei) suffix to a number.',
    impl(args) {
      return parseUnits(argString(args, 0));
    },
  },
  {
    name: 'units.parse_bytes',
    params: [{ name: 'x', type: T.string, description: 'a byte amount such as "10KB", "1.5GiB" or "300M"' }],
    result: T.number,
    category: 'units',
    description:
      'Converts a byte amount with an optional decimal (KB … EB) or binary (KiB … EiB) suffix, in any case, to an integer number of bytes.',
    impl(args) {
      return parseBytes(argString(args, 0));
    },
  },
];
