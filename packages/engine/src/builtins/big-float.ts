/**
 * Emulation of Go's `math/big.Float` at its default 64-bit mantissa precision, for the builtins
 * whose OPA results depend on that rounding (`sum`/`product` over non-integers,
 * `units.parse_bytes`). Values are sign × mant × 2^exp with `mant` below 2^prec, rounded to
 * nearest-even after every operation, exactly as big.Float does.
 *
 * Inputs that are JS doubles are read through their shortest decimal text, which is the number
 * literal OPA would have kept (`0.1`, not the binary expansion of the double).
 */
import { normNumber, type Num } from '../value/number.js';

export const DEFAULT_PREC = 64;

export interface BigFloat {
  neg: boolean;
  /** 0n for zero; otherwise below 2^prec. */
  mant: bigint;
  exp: number;
}

export const ZERO: BigFloat = { neg: false, mant: 0n, exp: 0 };

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/**
 * Rounds the exact value (num / den) × 2^exp2 to `prec` bits, nearest-even.
 * `den` must be positive.
 */
export function roundRational(num: bigint, den: bigint, exp2 = 0, prec = DEFAULT_PREC): BigFloat {
  if (num === 0n) return ZERO;
  const neg = num < 0n;
  const a = neg ? -num : num;
  // Choose s so that q = floor(a·2^s / den) has exactly prec bits.
  let s = prec - (bitLength(a) - bitLength(den));
  let q = s >= 0 ? (a << BigInt(s)) / den : a / (den << BigInt(-s));
  const limit = 1n << BigInt(prec);
  while (q >= limit) {
    s -= 1;
    q = s >= 0 ? (a << BigInt(s)) / den : a / (den << BigInt(-s));
  }
  while (q < limit >> 1n) {
    s += 1;
    q = s >= 0 ? (a << BigInt(s)) / den : a / (den << BigInt(-s));
  }
  const scaledNum = s >= 0 ? a << BigInt(s) : a;
  const scaledDen = s >= 0 ? den : den << BigInt(-s);
  const r = scaledNum - q * scaledDen;
  const twice = 2n * r;
  if (twice > scaledDen || (twice === scaledDen && (q & 1n) === 1n)) q += 1n;
  let exp = exp2 - s;
  if (q === limit) {
    q >>= 1n;
    exp += 1;
  }
  return { neg, mant: q, exp };
}

/** Exact rational of a decimal literal (`-1.5e3`, `.5`, `5.`); undefined when malformed. */
export function decimalToRational(text: string): { num: bigint; den: bigint } | undefined {
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/.exec(text);
  if (!m) return undefined;
  const int = m[2];
  const frac = m[3] ?? '';
  if (int === '' && frac === '') return undefined;
  let digits = BigInt((int + frac).replace(/^0+(?=.)/, '') || '0');
  if (m[1] === '-') digits = -digits;
  const exp10 = (m[4] ? Number(m[4]) : 0) - frac.length;
  if (exp10 >= 0) return { num: digits * 10n ** BigInt(exp10), den: 1n };
  return { num: digits, den: 10n ** BigInt(-exp10) };
}

export function fromRational(num: bigint, den: bigint, prec = DEFAULT_PREC): BigFloat {
  return roundRational(num, den, 0, prec);
}

/** big.Float of a number value as OPA holds it (decimal literal text). */
export function fromNum(n: Num, prec = DEFAULT_PREC): BigFloat {
  if (typeof n === 'bigint') return roundRational(n, 1n, 0, prec);
  if (Number.isSafeInteger(n)) return roundRational(BigInt(n), 1n, 0, prec);
  const r = decimalToRational(String(n));
  if (!r) throw new RangeError(`not a finite number: ${n}`);
  return roundRational(r.num, r.den, 0, prec);
}

function signed(f: BigFloat): bigint {
  return f.neg ? -f.mant : f.mant;
}

export function add(x: BigFloat, y: BigFloat, prec = DEFAULT_PREC): BigFloat {
  if (x.mant === 0n) return y.mant === 0n ? ZERO : roundRational(signed(y), 1n, y.exp, prec);
  if (y.mant === 0n) return roundRational(signed(x), 1n, x.exp, prec);
  const e = Math.min(x.exp, y.exp);
  const sum = (signed(x) << BigInt(x.exp - e)) + (signed(y) << BigInt(y.exp - e));
  return roundRational(sum, 1n, e, prec);
}

export function mul(x: BigFloat, y: BigFloat, prec = DEFAULT_PREC): BigFloat {
  if (x.mant === 0n || y.mant === 0n) return ZERO;
  return roundRational(signed(x) * signed(y), 1n, x.exp + y.exp, prec);
}

/** The value as an exact rational num / den (den a power of two). */
function toRational(f: BigFloat): { num: bigint; den: bigint } {
  if (f.exp >= 0) return { num: signed(f) << BigInt(f.exp), den: 1n };
  return { num: signed(f), den: 1n << BigInt(-f.exp) };
}

export function isInt(f: BigFloat): boolean {
  if (f.mant === 0n || f.exp >= 0) return true;
  const low = (1n << BigInt(-f.exp)) - 1n;
  return (f.mant & low) === 0n;
}

/** Integer part, truncated toward zero (big.Float.Int). */
export function truncToBigInt(f: BigFloat): bigint {
  if (f.mant === 0n) return 0n;
  const m = f.exp >= 0 ? f.mant << BigInt(f.exp) : f.mant >> BigInt(-f.exp);
  return f.neg ? -m : m;
}

/** Rounds |num|/den to `digits` significant decimal digits (half-even); returns [digits, exp10]. */
function roundDecimal(num: bigint, den: bigint, digits: number): [bigint, number] {
  // Find k with 10^(digits-1) ≤ num/den · 10^k < 10^digits.
  let k = digits - Math.ceil((bitLength(num) - bitLength(den)) * Math.LOG10E * Math.LN2) - 1;
  const scaled = (kk: number): [bigint, bigint] =>
    kk >= 0 ? [num * 10n ** BigInt(kk), den] : [num, den * 10n ** BigInt(-kk)];
  const lo = 10n ** BigInt(digits - 1);
  const hi = lo * 10n;
  for (;;) {
    const [n, d] = scaled(k);
    const q = n / d;
    if (q >= hi) {
      k -= 1;
      continue;
    }
    if (q < lo) {
      k += 1;
      continue;
    }
    const r2 = 2n * (n - q * d);
    let out = q;
    if (r2 > d || (r2 === d && (q & 1n) === 1n)) out += 1n;
    return [out, -k];
  }
}

/**
 * The number value OPA produces from a big.Float result (`FloatToNumber`): integers exactly,
 * otherwise the shortest decimal that identifies the float at its precision.
 */
export function toNum(f: BigFloat, prec = DEFAULT_PREC): Num {
  if (isInt(f)) return normNumber(truncToBigInt(f));
  const { num, den } = toRational(f);
  const a = num < 0n ? -num : num;
  for (let digits = 1; digits <= 40; digits++) {
    const [d, e10] = roundDecimal(a, den, digits);
    const back = e10 >= 0 ? roundRational(d * 10n ** BigInt(e10), 1n, 0, prec) : roundRational(d, 10n ** BigInt(-e10), 0, prec);
    if (back.mant === f.mant && back.exp === f.exp && !back.neg) {
      return Number(`${f.neg ? '-' : ''}${d}e${e10}`);
    }
  }
  return Number(num) / Number(den);
}

