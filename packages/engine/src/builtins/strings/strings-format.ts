/**
 * `sprintf` and `format_int`: Rego values converted to the Go argument kinds OPA hands to
 * `fmt.Sprintf`, then formatted by go-fmt.ts.
 */
import { goSprintf, type GoArg } from '../go/go-printf.js';
import { goQuote } from '../go/go-quote.js';
import { scalarText } from '../../value/json.js';
import { RSet, compare, objectEntries, type ObjectValue, type Value } from '../../value/types.js';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
/** Smallest magnitude a float64 cannot hold (2^1024). */
const FLOAT64_OVERFLOW = 2n ** 1024n;

/**
 * Rego term text as OPA's `Term.String()` prints it: strings Go-quoted, sets in canonical
 * order (`set()` when empty), object entries ordered by key.
 */
export function regoTermText(v: Value): string {
  const scalar = scalarText(v, goQuote);
  if (scalar !== undefined) return scalar;
  if (Array.isArray(v)) return '[' + v.map(regoTermText).join(', ') + ']';
  if (v instanceof RSet) return v.size === 0 ? 'set()' : '{' + v.sorted().map(regoTermText).join(', ') + '}';
  const entries = objectEntries(v as ObjectValue).sort((a, b) => compare(a[0], b[0]));
  return '{' + entries.map(([k, x]) => regoTermText(k) + ': ' + regoTermText(x)).join(', ') + '}';
}

/**
 * Exponent text of a huge integer, e.g. `2e308`. Integers beyond float64 range only arise from
 * exponent literals in practice; OPA keeps such a literal's text and, unable to read it as an
 * integer or a float, prints that text — the engine's value model keeps only the value, so
 * the shortest exponent form stands in for the literal.
 */
function exponentText(n: bigint): string {
  const neg = n < 0n;
  let digits = (neg ? -n : n).toString();
  let exp = 0;
  while (digits.length > 1 && digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    exp++;
  }
  const mant = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
  return `${neg ? '-' : ''}${mant}e${exp + digits.length - 1}`;
}

/** OPA's conversion of one `sprintf` argument to a Go value. */
export function toGoArg(v: Value): GoArg {
  if (typeof v === 'number') {
    if (Number.isInteger(v) && Math.abs(v) < 2 ** 63) return { t: 'int', v: BigInt(v) };
    return { t: 'float', v };
  }
  if (typeof v === 'bigint') {
    if (v >= INT64_MIN && v <= INT64_MAX) return { t: 'int', v };
    if ((v < 0n ? -v : v) < FLOAT64_OVERFLOW) return { t: 'big', v };
    return { t: 'string', v: exponentText(v) };
  }
  if (typeof v === 'string') return { t: 'string', v };
  return { t: 'string', v: regoTermText(v) };
}

export function sprintf(format: string, values: Value[]): string {
  return goSprintf(format, values.map(toGoArg));
}

/** `format_int`: the number truncated toward zero, in base 2, 8, 10 or 16 (lower-case). */
export function formatInt(n: number | bigint, base: number): string {
  const i = typeof n === 'bigint' ? n : BigInt(Math.trunc(n));
  return i.toString(base);
}
