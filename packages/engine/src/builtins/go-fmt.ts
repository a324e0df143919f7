/**
 * A Go `fmt.Sprintf` for the argument kinds OPA's `sprintf` passes: Go `int`, `*big.Int`,
 * `float64` and `string` (every other Rego value arrives as its Rego text). Flags, width,
 * precision, `*`, explicit argument indexes and Go's error annotations (`%!d(string=x)`,
 * `%!v(MISSING)`, `%!(EXTRA …)`, `%!(NOVERB)`, `%!(BADINDEX)`, …) follow Go.
 */
import { formatFloat } from './go-float.js';
import { canBackquote, goQuote, goQuoteRune } from './go-quote.js';

export type GoArg =
  | { t: 'int'; v: bigint }
  | { t: 'big'; v: bigint }
  | { t: 'float'; v: number }
  | { t: 'string'; v: string; type?: string }
  | { t: 'bool'; v: boolean }
  /** Any other Go value, printed as `text` by %v and %s (composites in templates). */
  | { t: 'other'; text: string; type: string };

const TYPE_NAMES: Record<GoArg['t'], string> = {
  int: 'int',
  big: '*big.Int',
  float: 'float64',
  string: 'string',
  bool: 'bool',
  other: 'interface {}',
};

function typeNameOf(a: GoArg): string {
  return a.t === 'other' ? a.type : a.t === 'string' && a.type ? a.type : TYPE_NAMES[a.t];
}

interface Flags {
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  plusV: boolean;
  sharpV: boolean;
  wid: number;
  widPresent: boolean;
  prec: number;
  precPresent: boolean;
}

function clearFlags(): Flags {
  return {
    plus: false,
    minus: false,
    sharp: false,
    space: false,
    zero: false,
    plusV: false,
    sharpV: false,
    wid: 0,
    widPresent: false,
    prec: 0,
    precPresent: false,
  };
}

const MAX_NUM = 1e6;

function runeCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

/** One formatting run, mirroring Go's `pp` + `fmt` state. */
class Printer {
  buf = '';
  f: Flags = clearFlags();

  private padding(n: number): string {
    if (n <= 0) return '';
    return (this.f.zero && !this.f.minus ? '0' : ' ').repeat(n);
  }

  pad(s: string): void {
    if (!this.f.widPresent || this.f.wid === 0) {
      this.buf += s;
      return;
    }
    const width = this.f.wid - runeCount(s);
    if (!this.f.minus) this.buf += this.padding(width) + s;
    else this.buf += s + this.padding(width);
  }

  /** `pad` with zero padding disabled (Go does this for integers and strings' precision cases). */
  private padNoZero(s: string): void {
    const z = this.f.zero;
    this.f.zero = false;
    this.pad(s);
    this.f.zero = z;
  }

  private truncate(s: string): string {
    if (!this.f.precPresent) return s;
    return Array.from(s).slice(0, this.f.prec).join('');
  }

  fmtS(s: string): void {
    this.pad(this.truncate(s));
  }

  fmtQ(s: string): void {
    s = this.truncate(s);
    if (this.f.sharp && canBackquote(s)) this.pad('`' + s + '`');
    else this.pad(goQuote(s, this.f.plus));
  }

  fmtSx(s: string, upper: boolean): void {
    const bytes = new TextEncoder().encode(s);
    const digits = upper ? '0123456789ABCDEF' : '0123456789abcdef';
    let length = bytes.length;
    if (this.f.precPresent && this.f.prec < length) length = this.f.prec;
    let out = '';
    for (let i = 0; i < length; i++) {
      if (this.f.space && i > 0) out += ' ';
      if (this.f.sharp && (this.f.space || i === 0)) out += upper ? '0X' : '0x';
      out += digits[bytes[i] >> 4] + digits[bytes[i] & 15];
    }
    this.pad(out);
  }

  fmtInteger(value: bigint, base: number, verb: string, upper: boolean): void {
    const f = this.f;
    const negative = value < 0n;
    const u = negative ? -value : value;
    let prec = 0;
    if (f.precPresent) {
      prec = f.prec;
      if (prec === 0 && u === 0n) {
        const z = f.zero;
        f.zero = false;
        this.buf += this.padding(f.wid);
        f.zero = z;
        return;
      }
    } else if (f.zero && !f.minus && f.widPresent) {
      prec = f.wid;
      if (negative || f.plus || f.space) prec--;
    }
    let digits = u.toString(base);
    if (upper) digits = digits.toUpperCase();
    if (digits.length < prec) digits = '0'.repeat(prec - digits.length) + digits;
    if (f.sharp) {
      if (base === 2) digits = '0b' + digits;
      else if (base === 8 && digits[0] !== '0') digits = '0' + digits;
      else if (base === 16) digits = (upper ? '0X' : '0x') + digits;
    }
    if (verb === 'O') digits = '0o' + digits;
    if (negative) digits = '-' + digits;
    else if (f.plus) digits = '+' + digits;
    else if (f.space) digits = ' ' + digits;
    this.padNoZero(digits);
  }

  /** `*big.Int`'s own Format method. */
  fmtBig(x: bigint, verb: string): void {
    let base: number;
    switch (verb) {
      case 'b':
        base = 2;
        break;
      case 'o':
      case 'O':
        base = 8;
        break;
      case 'd':
      case 's':
      case 'v':
        base = 10;
        break;
      case 'x':
      case 'X':
        base = 16;
        break;
      default:
        this.buf += `%!${verb}(big.Int=${x.toString()})`;
        return;
    }
    const f = this.f;
    const plus = f.plus || f.plusV;
    const sharp = f.sharp || f.sharpV;
    const sign = x < 0n ? '-' : plus ? '+' : f.space ? ' ' : '';
    let prefix = '';
    if (sharp) prefix = verb === 'b' ? '0b' : verb === 'o' ? '0' : verb === 'x' ? '0x' : verb === 'X' ? '0X' : '';
    if (verb === 'O') prefix = '0o';
    let digits = (x < 0n ? -x : x).toString(base);
    if (verb === 'X') digits = digits.toUpperCase();
    let left = 0;
    let zeros = 0;
    let right = 0;
    if (f.precPresent) {
      if (digits.length < f.prec) zeros = f.prec - digits.length;
      else if (digits === '0' && f.prec === 0) return;
    }
    const length = sign.length + prefix.length + zeros + digits.length;
    if (f.widPresent && length < f.wid) {
      const d = f.wid - length;
      if (f.minus) right = d;
      else if (f.zero && !f.precPresent) zeros = d;
      else left = d;
    }
    this.buf += ' '.repeat(left) + sign + prefix + '0'.repeat(zeros) + digits + ' '.repeat(right);
  }

  fmtFloat(v: number, verb: string, defPrec: number): void {
    const f = this.f;
    const prec = f.precPresent ? f.prec : defPrec;
    let num = formatFloat(v, verb === 'F' ? 'f' : verb, prec);
    if (num[0] !== '-' && num[0] !== '+') num = '+' + num;
    if (f.space && num[0] === '+' && !f.plus) num = ' ' + num.slice(1);
    if (num[1] === 'I' || num[1] === 'N') {
      const z = f.zero;
      f.zero = false;
      if (num[1] === 'N' && !f.space && !f.plus) num = num.slice(1);
      this.pad(num);
      f.zero = z;
      return;
    }
    if (f.sharp && verb !== 'b') num = sharpFloat(num, verb, prec);
    if (f.plus || num[0] !== '+') {
      if (f.zero && !f.minus && f.widPresent && f.wid > num.length) {
        this.buf += num[0] + this.padding(f.wid - num.length) + num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  fmtC(code: bigint): void {
    let cp = code > 0x10ffffn || code < 0n ? 0xfffd : Number(code);
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    this.padNoZero(String.fromCodePoint(cp));
  }

  fmtQc(code: bigint): void {
    const cp = code > 0x10ffffn || code < 0n ? 0xfffd : Number(code);
    this.padNoZero(goQuoteRune(cp, this.f.plus));
  }

  fmtUnicode(code: bigint): void {
    const f = this.f;
    let hex = (code < 0n ? -code : code).toString(16).toUpperCase();
    if (code < 0n) hex = (2n ** 64n + code).toString(16).toUpperCase();
    const prec = f.precPresent && f.prec > 4 ? f.prec : 4;
    if (hex.length < prec) hex = '0'.repeat(prec - hex.length) + hex;
    let out = 'U+' + hex;
    if (f.sharp && code >= 0n && code <= 0x10ffffn) {
      const cp = Number(code);
      if (!(cp >= 0xd800 && cp <= 0xdfff) && isPrintRune(cp)) out += " '" + String.fromCodePoint(cp) + "'";
    }
    this.padNoZero(out);
  }

  badVerb(verb: string, arg: GoArg | undefined): void {
    this.buf += '%!' + verb + '(';
    if (arg) {
      this.buf += typeNameOf(arg) + '=';
      this.printArg(arg, 'v');
    } else this.buf += '<nil>';
    this.buf += ')';
  }

  printArg(arg: GoArg, verb: string): void {
    if (verb === 'T') {
      this.fmtS(typeNameOf(arg));
      return;
    }
    if (verb === 'p') {
      this.badVerb(verb, arg);
      return;
    }
    switch (arg.t) {
      case 'float':
        switch (verb) {
          case 'v':
            this.fmtFloat(arg.v, 'g', -1);
            return;
          case 'b':
          case 'g':
          case 'G':
          case 'x':
          case 'X':
            this.fmtFloat(arg.v, verb, -1);
            return;
          case 'f':
          case 'e':
          case 'E':
          case 'F':
            this.fmtFloat(arg.v, verb, 6);
            return;
        }
        this.badVerb(verb, arg);
        return;
      case 'int':
        switch (verb) {
          case 'v':
          case 'd':
            this.fmtInteger(arg.v, 10, verb, false);
            return;
          case 'b':
            this.fmtInteger(arg.v, 2, verb, false);
            return;
          case 'o':
          case 'O':
            this.fmtInteger(arg.v, 8, verb, false);
            return;
          case 'x':
          case 'X':
            this.fmtInteger(arg.v, 16, verb, verb === 'X');
            return;
          case 'c':
            this.fmtC(arg.v);
            return;
          case 'q':
            this.fmtQc(arg.v);
            return;
          case 'U':
            this.fmtUnicode(arg.v);
            return;
        }
        this.badVerb(verb, arg);
        return;
      case 'string':
        switch (verb) {
          case 'v':
            if (this.f.sharpV) this.fmtQ(arg.v);
            else this.fmtS(arg.v);
            return;
          case 's':
            this.fmtS(arg.v);
            return;
          case 'x':
          case 'X':
            this.fmtSx(arg.v, verb === 'X');
            return;
          case 'q':
            this.fmtQ(arg.v);
            return;
        }
        this.badVerb(verb, arg);
        return;
      case 'big':
        this.fmtBig(arg.v, verb);
        return;
      case 'bool':
        if (verb === 't' || verb === 'v') this.pad(arg.v ? 'true' : 'false');
        else this.badVerb(verb, arg);
        return;
      case 'other':
        if (verb === 'v' || verb === 's') this.pad(arg.text);
        else this.badVerb(verb, arg);
        return;
    }
  }
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
function isPrintRune(cp: number): boolean {
  return cp === 0x20 || (cp > 0x20 && cp !== 0x7f && (cp < 0x7f || PRINTABLE.test(String.fromCodePoint(cp))));
}

/** The `#` flag on floats: always a decimal point; %g/%x keep trailing zeros (Go's rules). */
function sharpFloat(num: string, verb: string, prec: number): string {
  let digits = 0;
  if (verb === 'v' || verb === 'g' || verb === 'G' || verb === 'x') digits = prec === -1 ? 6 : prec;
  let tail = '';
  let hasPoint = false;
  let sawNonzero = false;
  for (let i = 1; i < num.length; i++) {
    const c = num[i];
    if (c === '.') hasPoint = true;
    else if (c === 'p' || c === 'P' || ((c === 'e' || c === 'E') && verb !== 'x' && verb !== 'X')) {
      tail = num.slice(i);
      num = num.slice(0, i);
      break;
    } else {
      if (c !== '0') sawNonzero = true;
      if (sawNonzero) digits--;
    }
  }
  if (!hasPoint) {
    if (num.length === 2 && num[1] === '0') digits--;
    num += '.';
  }
  if (digits > 0) num += '0'.repeat(digits);
  return num + tail;
}

function parseNum(s: string, start: number, end: number): { num: number; ok: boolean; next: number } {
  if (start >= end) return { num: 0, ok: false, next: end };
  let num = 0;
  let ok = false;
  let i = start;
  for (; i < end && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57; i++) {
    if (num > MAX_NUM) return { num: 0, ok: false, next: end };
    num = num * 10 + (s.charCodeAt(i) - 48);
    ok = true;
  }
  return { num, ok, next: i };
}

function intFromArg(args: GoArg[], argNum: number): { num: number; ok: boolean; next: number } {
  if (argNum >= args.length) return { num: 0, ok: false, next: argNum };
  const a = args[argNum];
  let num = 0;
  let ok = false;
  if (a.t === 'int') {
    num = Number(a.v);
    ok = true;
  }
  if (num > MAX_NUM || num < -MAX_NUM) return { num: 0, ok: false, next: argNum + 1 };
  return { num, ok, next: argNum + 1 };
}

/** Go's `fmt.Sprintf(format, args...)`. */
export function goSprintf(format: string, args: GoArg[]): string {
  const p = new Printer();
  let argNum = 0;
  let reordered = false;
  let i = 0;
  const end = format.length;

  /** `[n]` argument index at `i`; updates reordered / goodArgNum. */
  const argNumber = (cur: number, at: number, st: { good: boolean }): { arg: number; next: number; found: boolean } => {
    if (at >= end || format[at] !== '[') return { arg: cur, next: at, found: false };
    reordered = true;
    let close = -1;
    if (end - at >= 3) for (let j = at + 1; j < end; j++) if (format[j] === ']') {
      close = j;
      break;
    }
    if (close < 0) {
      st.good = false;
      return { arg: cur, next: at + 1, found: false };
    }
    const n = parseNum(format, at + 1, close);
    if (!n.ok || n.next !== close) {
      st.good = false;
      return { arg: cur, next: close + 1, found: false };
    }
    const index = n.num - 1;
    if (index >= 0 && index < args.length) return { arg: index, next: close + 1, found: true };
    st.good = false;
    return { arg: cur, next: close + 1, found: true };
  };

  while (i < end) {
    const st = { good: true };
    const lasti = i;
    while (i < end && format[i] !== '%') i++;
    if (i > lasti) p.buf += format.slice(lasti, i);
    if (i >= end) break;
    i++;
    p.f = clearFlags();
    let simple = false;
    for (; i < end; i++) {
      const c = format[i];
      if (c === '#') p.f.sharp = true;
      else if (c === '0') p.f.zero = true;
      else if (c === '+') p.f.plus = true;
      else if (c === '-') p.f.minus = true;
      else if (c === ' ') p.f.space = true;
      else {
        if (c >= 'a' && c <= 'z' && argNum < args.length) {
          if (c === 'v') {
            p.f.sharpV = p.f.sharp;
            p.f.sharp = false;
            p.f.plusV = p.f.plus;
            p.f.plus = false;
          }
          p.printArg(args[argNum], c);
          argNum++;
          i++;
          simple = true;
        }
        break;
      }
    }
    if (simple) continue;

    let r = argNumber(argNum, i, st);
    argNum = r.arg;
    i = r.next;
    let afterIndex = r.found;

    if (i < end && format[i] === '*') {
      i++;
      const w = intFromArg(args, argNum);
      p.f.wid = w.num;
      p.f.widPresent = w.ok;
      argNum = w.next;
      if (!w.ok) p.buf += '%!(BADWIDTH)';
      if (p.f.wid < 0) {
        p.f.wid = -p.f.wid;
        p.f.minus = true;
        p.f.zero = false;
      }
      afterIndex = false;
    } else {
      const w = parseNum(format, i, end);
      p.f.wid = w.num;
      p.f.widPresent = w.ok;
      i = w.next;
      if (afterIndex && p.f.widPresent) st.good = false;
    }

    if (i + 1 < end && format[i] === '.') {
      i++;
      if (afterIndex) st.good = false;
      r = argNumber(argNum, i, st);
      argNum = r.arg;
      i = r.next;
      afterIndex = r.found;
      if (i < end && format[i] === '*') {
        i++;
        const w = intFromArg(args, argNum);
        p.f.prec = w.num;
        p.f.precPresent = w.ok;
        argNum = w.next;
        if (p.f.prec < 0) {
          p.f.prec = 0;
          p.f.precPresent = false;
        }
        if (!w.ok) p.buf += '%!(BADPREC)';
        afterIndex = false;
      } else {
        const w = parseNum(format, i, end);
        p.f.prec = w.num;
        p.f.precPresent = w.ok;
        i = w.next;
        if (!p.f.precPresent) {
          p.f.prec = 0;
          p.f.precPresent = true;
        }
      }
    }

    if (!afterIndex) {
      r = argNumber(argNum, i, st);
      argNum = r.arg;
      i = r.next;
      afterIndex = r.found;
    }

    if (i >= end) {
      p.buf += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === '%') p.buf += '%';
    else if (!st.good) p.buf += `%!${verb}(BADINDEX)`;
    else if (argNum >= args.length) p.buf += `%!${verb}(MISSING)`;
    else {
      if (verb === 'v') {
        p.f.sharpV = p.f.sharp;
        p.f.sharp = false;
        p.f.plusV = p.f.plus;
        p.f.plus = false;
      }
      p.printArg(args[argNum], verb);
      argNum++;
    }
  }

  if (!reordered && argNum < args.length) {
    p.f = clearFlags();
    p.buf += '%!(EXTRA ';
    for (let k = argNum; k < args.length; k++) {
      if (k > argNum) p.buf += ', ';
      p.buf += typeNameOf(args[k]) + '=';
      p.printArg(args[k], 'v');
    }
    p.buf += ')';
  }
  return p.buf;
}
