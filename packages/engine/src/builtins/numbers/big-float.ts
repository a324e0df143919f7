/**
 * Emulation of Go's `math/big.Float` at its default 64-bit mantissa precision, for the builtins
 * whose OPA results depend on that rounding (`sum`/`product` over non-integers,
 * `units.parse_bytes`). Values are sign × mant × 2^exp with `mant` below 2^prec, rounded to
 * nearest-even after every operation, exactly as big.Float does.
 *
 * Inputs that are JS doubles are read through their shortest decimal text, which is the number
 * literal OPA would have kept (`0.1`, not the binary expansion of the double).
 */
import { normNumber, type Num } from '../../value/number.js';

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

/** A decimal 0.mant × 10^exp, digits without trailing zeros (Go's math/big `decimal`). */
interface Decimal {
  mant: string;
  exp: number;
}

/** Exact decimal of m × 2^e (m > 0). */
function decimalOf(m: bigint, e: number): Decimal {
  const digits = e >= 0 ? (m << BigInt(e)).toString() : (m * 5n ** BigInt(-e)).toString();
  const point = e >= 0 ? digits.length : digits.length + e;
  let end = digits.length;
  while (end > 0 && digits.charCodeAt(end - 1) === 48) end--;
  return { mant: digits.slice(0, end), exp: point };
}

const digitAt = (d: Decimal, i: number): number => (i < d.mant.length ? d.mant.charCodeAt(i) : 48);

function roundDown(d: Decimal, n: number): void {
  if (n < 0 || n >= d.mant.length) return;
  let end = n;
  while (end > 0 && d.mant.charCodeAt(end - 1) === 48) end--;
  d.mant = d.mant.slice(0, end);
}

function roundUp(d: Decimal, n: number): void {
  if (n < 0 || n >= d.mant.length) return;
  let i = n - 1;
  while (i >= 0 && d.mant[i] === '9') i--;
  if (i < 0) {
    d.mant = '1';
    d.exp++;
    return;
  }
  d.mant = d.mant.slice(0, i) + String.fromCharCode(d.mant.charCodeAt(i) + 1);
}

function roundNearest(d: Decimal, n: number): void {
  if (n < 0 || n >= d.mant.length) return;
  const c = d.mant[n];
  const up = c === '5' && n + 1 === d.mant.length ? n > 0 && (d.mant.charCodeAt(n - 1) - 48) % 2 === 1 : c >= '5';
  if (up) roundUp(d, n);
  else roundDown(d, n);
}

/**
 * Go's math/big `roundShortest`: the fewest digits that still read back as `f`, judged against
 * the symmetric interval f ± ½ulp at `prec` bits (so just below a power of two it may pick a
 * decimal that strict round-to-nearest would not).
 */
function shortestDecimal(f: BigFloat, prec: number): Decimal {
  const d = decimalOf(f.mant, f.exp);
  // Normalise the mantissa to prec+1 bits so its lsb is half an ulp.
  const s = bitLength(f.mant) - (prec + 1);
  const half = s >= 0 ? f.mant >> BigInt(s) : f.mant << BigInt(-s);
  const exp = f.exp + s;
  const lower = decimalOf(half - 1n, exp);
  const upper = decimalOf(half + 1n, exp);
  const inclusive = (half & 2n) === 0n;
  for (let i = 0; i < d.mant.length; i++) {
    const m = d.mant.charCodeAt(i);
    const l = digitAt(lower, i);
    const u = digitAt(upper, i);
    const okdown = l !== m || (inclusive && i + 1 === lower.mant.length);
    const okup = m !== u && (inclusive || m + 1 < u || i + 1 < upper.mant.length);
    if (okdown && okup) {
      roundNearest(d, i + 1);
      return d;
    }
    if (okdown) {
      roundDown(d, i + 1);
      return d;
    }
    if (okup) {
      roundUp(d, i + 1);
      return d;
    }
  }
  return d;
}

/**
 * The number value OPA produces from a big.Float result (`FloatToNumber`, i.e. `Text('f'|'g', -1)`):
 * the shortest decimal that identifies the float at its precision; an integer when the float is one.
 */
export function toNum(f: BigFloat, prec = DEFAULT_PREC): Num {
  if (f.mant === 0n) return 0;
  const d = shortestDecimal(f, prec);
  if (isInt(f)) {
    const digits = BigInt(d.mant) * 10n ** BigInt(Math.max(0, d.exp - d.mant.length));
    return normNumber(f.neg ? -digits : digits);
  }
  return Number(`${f.neg ? '-' : ''}0.${d.mant}e${d.exp}`);
}

/** x / y rounded once (big.Float.Quo); `y` must not be zero. */
export function quo(x: BigFloat, y: BigFloat, prec = DEFAULT_PREC): BigFloat {
  if (x.mant === 0n) return ZERO;
  const num = signed(x) * (y.neg ? -1n : 1n);
  return roundRational(num, y.mant, x.exp - y.exp, prec);
}
