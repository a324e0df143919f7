import type { Evaluator } from './jsonnet-eval.js';
import { ArrV, ObjV, fail, typeOf, type V } from './jsonnet-values.js';
import type { Pos } from './jsonnet-syntax.js';

/**
 * `fmt % values` (std.format): Python-style codes rendered as Jsonnet's std.jsonnet renders them —
 * its own decimal rounding (add 0.5 at the last digit, then floor), `%g` choosing between `%e` and
 * `%f` by the exponent and dropping trailing zeros, `%s` as std.toString.
 */

interface Code {
  key?: string;
  flags: string;
  width?: number | '*';
  prec?: number | '*';
  conv: string;
}

function parse(fmt: string, at: Pos): (string | Code)[] {
  const out: (string | Code)[] = [];
  const re = /%(?:\(([^)]*)\))?([#0\- +]*)(\*|[0-9]+)?(?:\.(\*|[0-9]*))?[hlL]?(.)?/gs;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(fmt))) {
    if (m.index > last) out.push(fmt.slice(last, m.index));
    last = re.lastIndex;
    const conv = m[5];
    if (conv === undefined) fail('format string ends in the middle of a % code', at);
    if (!'diuoxXeEfFgGcrs%'.includes(conv)) fail(`unknown format code %${conv}`, at);
    const code: Code = { flags: m[2] ?? '', conv };
    if (m[1] !== undefined) code.key = m[1];
    if (m[3] !== undefined) code.width = m[3] === '*' ? '*' : Number(m[3]);
    if (m[4] !== undefined) code.prec = m[4] === '*' ? '*' : Number(m[4] || '0');
    out.push(code);
  }
  if (last < fmt.length) out.push(fmt.slice(last));
  return out;
}

/**
 * `n` (non-negative) with `prec` decimals as std.jsonnet rounds: add 0.5 at the last digit and
 * floor, carrying into the whole part. `trailing` keeps trailing zeros (and the point when the
 * fraction is zero); `%f` and `%e` keep them, `%g` only with `#`.
 */
function fixed(n: number, prec: number, alt: boolean, trailing = true): string {
  const den = Math.pow(10, prec);
  const numerator = n * den + 0.5;
  const whole = Math.floor(numerator / den).toFixed(0);
  if (prec === 0) return alt ? `${whole}.` : whole;
  const frac = Math.floor(numerator) % den;
  if (!trailing && frac === 0) return alt ? `${whole}.` : whole;
  const digits = String(frac).padStart(prec, '0');
  return `${whole}.${trailing ? digits : digits.replace(/0+$/, '')}`;
}

function exponent(n: number): number {
  return n === 0 ? 0 : Math.floor(Math.log(n) / Math.log(10));
}

/** `%e`: the mantissa is not renormalised when it rounds up to 10, as in std.jsonnet. */
function sci(n: number, prec: number, alt: boolean, upper: boolean, trailing = true): string {
  const e = exponent(n);
  const mant = e === -324 ? (n * 10) / Math.pow(10, e + 1) : n / Math.pow(10, e);
  const exp = `${upper ? 'E' : 'e'}${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  return fixed(mant, prec, alt, trailing) + exp;
}

function general(n: number, prec: number, alt: boolean, upper: boolean): string {
  const e = exponent(n);
  if (e < -4 || e >= prec) return sci(n, prec - 1, alt, upper, alt);
  // At least one digit counts as before the point: %.10g of 1/3 has 9 decimals.
  return fixed(n, prec - Math.max(1, e + 1), alt, alt);
}

function pad(body: string, sign: string, c: Code, width: number, numeric: boolean): string {
  const len = sign.length + [...body].length;
  if (len >= width) return sign + body;
  if (c.flags.includes('-')) return sign + body + ' '.repeat(width - len);
  if (numeric && c.flags.includes('0')) return sign + '0'.repeat(width - len) + body;
  return ' '.repeat(width - len) + sign + body;
}

function render(ev: Evaluator, c: Code, v: V, width: number, prec: number | undefined, at: Pos): string {
  if (c.conv === 's' || c.conv === 'r') return pad(ev.toStr(v, at), '', c, width, false);
  if (c.conv === 'c') {
    if (typeof v === 'number') return pad(String.fromCodePoint(v), '', c, width, false);
    if (typeof v === 'string' && [...v].length === 1) return pad(v, '', c, width, false);
    return fail(`%c expects a number or a one-character string, got ${typeOf(v)}`, at);
  }
  if (typeof v !== 'number') return fail(`format code %${c.conv} expects a number, got ${typeOf(v)}`, at);
  // Integer codes print the magnitude's floor, so -0.5 is "0"; %x floors the value first (-3.5 is "-4").
  const integral = 'diuo'.includes(c.conv);
  const neg = integral ? v <= -1 : v < 0;
  const n = c.conv === 'x' || c.conv === 'X' ? Math.abs(Math.floor(v)) : Math.abs(v);
  const sign = neg ? '-' : c.flags.includes('+') ? '+' : c.flags.includes(' ') ? ' ' : '';
  const alt = c.flags.includes('#');
  let body: string;
  switch (c.conv) {
    case 'd':
    case 'i':
    case 'u':
      body = Math.floor(n).toFixed(0);
      if (prec !== undefined) body = body.padStart(prec, '0');
      break;
    case 'o':
      body = (alt ? '0' : '') + Math.floor(n).toString(8);
      break;
    case 'x':
    case 'X':
      body = Math.floor(n).toString(16);
      if (c.conv === 'X') body = body.toUpperCase();
      if (alt) body = (c.conv === 'X' ? '0X' : '0x') + body;
      break;
    case 'f':
    case 'F':
      body = fixed(n, prec ?? 6, alt);
      break;
    case 'e':
    case 'E':
      body = sci(n, prec ?? 6, alt, c.conv === 'E');
      break;
    default:
      body = general(n, prec ?? 6, alt, c.conv === 'G');
  }
  return pad(body, sign, c, width, true);
}

/** An object of values is used by `%(name)` keys only; anything else is the list of values (one value alone a list of one). */
export function format(ev: Evaluator, fmt: string, values: V, at: Pos): string {
  const codes = parse(fmt, at);
  const byKey = values instanceof ObjV;
  const positional = values instanceof ArrV ? values.items.map((t) => t.get(ev)) : byKey ? [] : [values];
  let i = 0;
  const next = (): V => (i < positional.length ? positional[i++]! : fail('too few values to format', at));
  let out = '';
  for (const c of codes) {
    if (typeof c === 'string') {
      out += c;
      continue;
    }
    if (c.conv === '%') {
      out += '%';
      continue;
    }
    if (byKey && (c.width === '*' || c.prec === '*')) fail('cannot use * widths or precisions with an object of values', at);
    const width = c.width === '*' ? (next() as number) : (c.width ?? 0);
    const prec = c.prec === '*' ? (next() as number) : c.prec;
    let v: V;
    if (byKey) {
      if (c.key === undefined) fail('mapping keys required: an object of values is read by %(name) codes', at);
      if ((values as ObjV).find(c.key) < 0) fail(`no such field: ${c.key}`, at);
      v = ev.field(values as ObjV, c.key, at);
    } else v = next();
    out += render(ev, c, v, width, prec, at);
  }
  if (!byKey && i < positional.length) fail(`too many values to format: ${positional.length} given, ${i} used`, at);
  return out;
}
