/**
 * Exact number arithmetic over `number | bigint`.
 * Invariant kept by every function here: a bigint result is returned only when the integer is
 * outside the safe range, so `typeof n === 'number'` is the fast path everywhere else.
 */
export type Num = number | bigint;

export function normNumber(n: Num): Num {
  if (typeof n === 'bigint' && n >= -9007199254740991n && n <= 9007199254740991n) return Number(n);
  return n;
}

export function isInteger(n: Num): boolean {
  return typeof n === 'bigint' || Number.isInteger(n);
}

function big(n: Num): bigint {
  return typeof n === 'bigint' ? n : BigInt(n);
}

function bothIntegers(a: Num, b: Num): boolean {
  return isInteger(a) && isInteger(b) && (typeof a === 'bigint' || Number.isFinite(a)) && (typeof b === 'bigint' || Number.isFinite(b));
}

export function add(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isSafeInteger(r) || !Number.isInteger(a) || !Number.isInteger(b)) return r;
  }
  if (bothIntegers(a, b)) return normNumber(big(a) + big(b));
  return Number(a) + Number(b);
}

export function sub(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (Number.isSafeInteger(r) || !Number.isInteger(a) || !Number.isInteger(b)) return r;
  }
  if (bothIntegers(a, b)) return normNumber(big(a) - big(b));
  return Number(a) - Number(b);
}

export function mul(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (Number.isSafeInteger(r) || !Number.isInteger(a) || !Number.isInteger(b)) return r;
  }
  if (bothIntegers(a, b)) return normNumber(big(a) * big(b));
  return Number(a) * Number(b);
}

/** Division; `undefined` when dividing by zero (callers raise the error). */
export function div(a: Num, b: Num): Num | undefined {
  if (b == 0) return undefined;
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    const x = big(a as bigint);
    const y = big(b as bigint);
    if (isInteger(a) && isInteger(b) && x % y === 0n) return normNumber(x / y);
  }
  return Number(a) / Number(b);
}

/** Remainder for integers (sign of dividend, as Go); `undefined` on zero divisor. */
export function rem(a: Num, b: Num): Num | undefined {
  if (b == 0) return undefined;
  if (typeof a === 'number' && typeof b === 'number') return a % b;
  return normNumber(big(a) % big(b));
}

export function neg(a: Num): Num {
  return typeof a === 'bigint' ? normNumber(-a) : -a;
}

export function abs(a: Num): Num {
  return typeof a === 'bigint' ? (a < 0n ? -a : a) : Math.abs(a);
}

/** Largest decimal exponent of an integer literal kept exactly (as a bigint). */
export const MAX_INTEGER_EXPONENT = 10000;

/** Converts a decimal literal's exact text to a number value. */
export function parseNumberText(text: string): Num | undefined {
  if (!/^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(text)) return undefined;
  if (/^-?[0-9]+$/.test(text)) {
    const n = Number(text);
    if (Number.isSafeInteger(n)) return n;
    return normNumber(BigInt(text));
  }
  // Exponent forms that denote integers (e.g. 1e20) stay exact as bigints.
  const m = /^(-?)([0-9]+)(?:\.([0-9]+))?[eE]([+-]?[0-9]+)$/.exec(text);
  if (m) {
    const frac = m[3] ?? '';
    const exp = Number(m[4]);
    // Bounded so a literal like 1e999999999 cannot allocate a gigabyte-sized integer.
    if (exp >= frac.length && exp <= MAX_INTEGER_EXPONENT) {
      const digits = m[2] + frac + '0'.repeat(exp - frac.length);
      return normNumber(BigInt(m[1] + digits));
    }
  }
  return Number(text);
}

/** Text of a number as OPA prints it (JSON number syntax). */
export function numberText(n: Num): string {
  if (typeof n === 'bigint') return n.toString();
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(n);
}

/** Converts a number to a JS double (losing precision for huge bigints). */
export function toDouble(n: Num): number {
  return typeof n === 'number' ? n : Number(n);
}

/** Converts an integral number to bigint; `undefined` when it is not an integer. */
export function toBigInt(n: Num): bigint | undefined {
  if (typeof n === 'bigint') return n;
  return Number.isInteger(n) ? BigInt(n) : undefined;
}
