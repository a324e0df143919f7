/**
 * Operand helpers shared by the string, regex, glob and template families, with OPA's exact
 * error texts for the cases `args.ts` does not cover.
 */
import { operandError, typeErrorText } from './define.js';
import { RSet, typeName, type Value } from '../value/types.js';
import type { PalisadeError } from '../errors.js';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * OPA's `IntOperand`: an integral number that fits Go's `int`; otherwise
 * `operand N must be integer number but got floating-point number`.
 */
export function intOperand(args: Value[], i: number): number {
  const v = args[i];
  if (typeof v === 'number') {
    if (Number.isInteger(v) && Math.abs(v) < 2 ** 63) return v;
  } else if (typeof v === 'bigint') {
    if (v >= INT64_MIN && v <= INT64_MAX) return Number(v);
  } else {
    throw operandError(i + 1, v, 'number');
  }
  throw typeErrorText(`operand ${i + 1} must be integer number but got floating-point number`);
}

/** `operand N must be array of strings but got array containing number`. */
export function elementError(pos: number, composite: Value, elem: Value, expected: string): PalisadeError {
  const kind = typeName(composite);
  return typeErrorText(`operand ${pos} must be ${kind} of ${expected}s but got ${kind} containing ${typeName(elem)}`);
}

/** Strings of an array or set operand whose elements must all be strings (`StringSliceOperand`). */
export function stringElements(v: Value, pos: number): string[] {
  const items = Array.isArray(v) ? v : v instanceof RSet ? v.sorted() : undefined;
  if (!items) throw operandError(pos, v, 'array', 'set');
  const out: string[] = [];
  for (const x of items) {
    if (typeof x !== 'string') throw elementError(pos, v, x, 'string');
    out.push(x);
  }
  return out;
}

/** Code points of a string (Go's `[]rune(s)`). */
export function runes(s: string): string[] {
  return Array.from(s);
}

/** True when every UTF-16 unit is ASCII (lets callers skip code point handling). */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}
