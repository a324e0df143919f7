/**
 * The arithmetic operators as OPA computes them. Integers are exact at any size (OPA's compliance
 * suite, v1.19, pins `18446744073709551617 + 1` to `18446744073709551618`). Any other operand goes
 * through a 64-bit-mantissa big.Float read from the operands' decimal text and is turned back into
 * a number the way OPA's `FloatToNumber` does, so `0.1 + 0.2` is `0.3` and `2 - 1.1` is `0.9`.
 */
import * as bf from './big-float.js';
import { add, div, isInteger, mul, sub, type Num } from '../../value/number.js';

const ints = (a: Num, b: Num): boolean => isInteger(a) && isInteger(b);

function viaFloat(a: Num, b: Num, op: (x: bf.BigFloat, y: bf.BigFloat) => bf.BigFloat): Num {
  return bf.toNum(op(bf.fromNum(a), bf.fromNum(b)));
}

export function opaAdd(a: Num, b: Num): Num {
  return ints(a, b) ? add(a, b) : viaFloat(a, b, bf.add);
}

export function opaSub(a: Num, b: Num): Num {
  return ints(a, b) ? sub(a, b) : viaFloat(a, b, (x, y) => bf.add(x, { ...y, neg: !y.neg }));
}

export function opaMul(a: Num, b: Num): Num {
  return ints(a, b) ? mul(a, b) : viaFloat(a, b, bf.mul);
}

/** Quotient, exact when an integer divides an integer; `undefined` when dividing by zero. */
export function opaDiv(a: Num, b: Num): Num | undefined {
  if (b == 0) return undefined;
  if (ints(a, b)) {
    const exact = div(a, b);
    if (exact !== undefined && isInteger(exact)) return exact;
  }
  return viaFloat(a, b, bf.quo);
}
