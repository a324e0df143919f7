/**
 * Integer operand accessors with OPA's two flavours of error text:
 * `IntOperand` (machine int: number expected, non-integers and values beyond int64 are
 * "floating-point") and `BigIntOperand` (any integer; a non-number reads "must be integer").
 */
import { operandError, typeErrorText } from './define.js';
import type { Value } from '../value/types.js';

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

function floatError(pos: number): Error {
  return typeErrorText(`operand ${pos} must be integer number but got floating-point number`);
}

function integral(v: number | bigint): bigint | undefined {
  if (typeof v === 'bigint') return v;
  return Number.isInteger(v) ? BigInt(v) : undefined;
}

/** OPA's IntOperand: an integer that fits int64. `i` is the 0-based argument index. */
export function intOperand(args: Value[], i: number): bigint {
  const v = args[i];
  if (typeof v !== 'number' && typeof v !== 'bigint') throw operandError(i + 1, v, 'number');
  const n = integral(v);
  if (n === undefined || n < INT64_MIN || n > INT64_MAX) throw floatError(i + 1);
  return n;
}

/** OPA's BigIntOperand: any integer. */
export function bigIntOperand(args: Value[], i: number): bigint {
  const v = args[i];
  if (typeof v !== 'number' && typeof v !== 'bigint') throw operandError(i + 1, v, 'integer');
  const n = integral(v);
  if (n === undefined) throw floatError(i + 1);
  return n;
}
