/**
 * Go's `fmt.Sprintf` format-string walk: flags, width, precision, `*`, explicit argument
 * indexes and Go's annotations (`%!v(MISSING)`, `%!(EXTRA …)`, `%!(NOVERB)`, `%!d(BADINDEX)`,
 * `%!(BADWIDTH)`, `%!(BADPREC)`). Values are formatted by go-fmt.ts.
 */
import { Printer, clearFlags, typeNameOf, type GoArg } from './go-fmt.js';

export type { GoArg } from './go-fmt.js';

/** Go's `tooLarge` bound on widths, precisions and argument indexes. */
const MAX_NUM = 1e6;

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
