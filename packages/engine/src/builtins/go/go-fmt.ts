/**
 * Go `fmt` value formatting (the `pp`/`fmt` printer state) for the argument kinds OPA's
 * `sprintf` and the template engine pass: Go `int`, `*big.Int`, `float64`, `string`, `bool`,
 * and pre-rendered composites. The format-string walk is in go-printf.ts.
 */
import { formatFloat } from './go-float.js';
import { canBackquote, goQuote, goQuoteRune, isGoPrint } from './go-quote.js';

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

export function typeNameOf(a: GoArg): string {
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

export function clearFlags(): Flags {
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

function runeCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

/** One formatting run, mirroring Go's `pp` + `fmt` state. */
export class Printer {
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
      if (!(cp >= 0xd800 && cp <= 0xdfff) && isGoPrint(cp)) out += " '" + String.fromCodePoint(cp) + "'";
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
