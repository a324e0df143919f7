/**
 * Operand accessors for builtin implementations: each returns the typed value or throws the
 * OPA-shaped `operand N must be …` type error. `i` is the 0-based argument index.
 */
import { operandError } from './define.js';
import { RSet, isObject, type ObjectValue, type Value } from '../value/types.js';
import { isInteger, type Num } from '../value/number.js';

export function argString(args: Value[], i: number): string {
  const v = args[i];
  if (typeof v !== 'string') throw operandError(i + 1, v, 'string');
  return v;
}

export function argNumber(args: Value[], i: number): Num {
  const v = args[i];
  if (typeof v !== 'number' && typeof v !== 'bigint') throw operandError(i + 1, v, 'number');
  return v;
}

/** An integral number as a JS number (throws the operand error for non-numbers). */
export function argInt(args: Value[], i: number): number | undefined {
  const n = argNumber(args, i);
  return isInteger(n) ? Number(n) : undefined;
}

export function argBoolean(args: Value[], i: number): boolean {
  const v = args[i];
  if (typeof v !== 'boolean') throw operandError(i + 1, v, 'boolean');
  return v;
}

export function argArray(args: Value[], i: number): Value[] {
  const v = args[i];
  if (!Array.isArray(v)) throw operandError(i + 1, v, 'array');
  return v;
}

export function argSet(args: Value[], i: number): RSet {
  const v = args[i];
  if (!(v instanceof RSet)) throw operandError(i + 1, v, 'set');
  return v;
}

export function argObject(args: Value[], i: number): ObjectValue {
  const v = args[i];
  if (!isObject(v)) throw operandError(i + 1, v, 'object');
  return v;
}

/** Elements of an array or set operand (`one of {array, set}` otherwise). */
export function argCollection(args: Value[], i: number): Value[] {
  const v = args[i];
  if (Array.isArray(v)) return v;
  if (v instanceof RSet) return [...v];
  throw operandError(i + 1, v, 'array', 'set');
}
