/**
 * Go's `time.ParseDuration`: `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+`, units ns us µs μs ms s m h,
 * int64 nanoseconds, with Go's error texts.
 */
import { goTimeQuote } from './time-layout.js';

const UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  'µs': 1_000n, // U+00B5 micro sign
  'μs': 1_000n, // U+03BC Greek mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

/** OPA's `time.parse_duration_ns` also takes days, weeks and 365-day years. */
const LONG_UNITS: Record<string, bigint> = {
  ...UNITS,
  d: 86_400_000_000_000n,
  w: 604_800_000_000_000n,
  y: 31_536_000_000_000_000n,
};

const LIMIT = 1n << 63n;

/**
 * OPA's duration reading: text with a `d`, `w` or `y` goes through the parser with those units and
 * any failure is "invalid duration" (`1day`, `1yr`); other text is Go's `time.ParseDuration`.
 */
export function parseLongDuration(text: string): bigint | { error: string } {
  if (!/[dwy]/.test(text)) return parseDuration(text);
  const r = parseDuration(text, LONG_UNITS);
  return typeof r === 'bigint' ? r : { error: `time: invalid duration ${goTimeQuote(text)}` };
}

/** Nanoseconds of a Go duration string, or Go's error text. */
export function parseDuration(text: string, units: Record<string, bigint> = UNITS): bigint | { error: string } {
  const invalid = { error: `time: invalid duration ${goTimeQuote(text)}` };
  let s = text;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') return invalid;
  let d = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || (s[0] >= '0' && s[0] <= '9'))) return invalid;
    const intPart = /^[0-9]*/.exec(s)![0];
    let v = 0n;
    for (const c of intPart) {
      v = v * 10n + BigInt(c.charCodeAt(0) - 48);
      if (v > LIMIT) return invalid;
    }
    s = s.slice(intPart.length);
    const pre = intPart.length > 0;
    let post = false;
    let f = 0n;
    let scale = 1;
    if (s[0] === '.') {
      s = s.slice(1);
      const frac = /^[0-9]*/.exec(s)![0];
      post = frac.length > 0;
      let overflow = false;
      for (const c of frac) {
        if (overflow) continue;
        const y = f * 10n + BigInt(c.charCodeAt(0) - 48);
        if (f > (LIMIT - 1n) / 10n || y > LIMIT) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      s = s.slice(frac.length);
    }
    if (!pre && !post) return invalid;
    const unitText = /^[^0-9.]*/.exec(s)![0];
    if (unitText === '') return { error: `time: missing unit in duration ${goTimeQuote(text)}` };
    s = s.slice(unitText.length);
    const unit = units[unitText];
    if (unit === undefined) return { error: `time: unknown unit ${goTimeQuote(unitText)} in duration ${goTimeQuote(text)}` };
    if (v > LIMIT / unit) return invalid;
    v *= unit;
    if (f > 0n) {
      // Go computes the fractional part in float64.
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > LIMIT) return invalid;
    }
    d += v;
    if (d > LIMIT) return invalid;
  }
  if (neg) return -d;
  if (d > LIMIT - 1n) return invalid;
  return d;
}
