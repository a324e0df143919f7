/**
 * The arithmetic operators as OPA computes them: exact for integers in the safe range (where
 * OPA's int64 fast path and its big.Float agree), otherwise through a 64-bit-mantissa big.Float
 * read from the operands' decimal text and turned back into a number the way OPA's
 * `FloatToNumber` does. So `0.1 + 0.2` is `0.3` and big integer products round as OPA's do.
 */
import * as bf from './big-float.js';
import { type Num } from '../value/number.js';

const exactInt = (n: Num): n is number => typeof n === 'number' && Number.isSafeInteger(n);

function viaFloat(a: Num, b: Num, op: (x: bf.BigFloat, y: bf.BigFloat) => bf.BigFloat): Num {
  return bf.toNum(op(bf.fromNum(a), bf.fromNum(b)));
}

export function opaAdd(a: Num, b: Num): Num {
  if (exactInt(a) && exactInt(b)) {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  return viaFloat(a, b, bf.add);
}

export function opaSub(a: Num, b: Num): Num {
  if (exactInt(a) && exactInt(b)) {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r;
  }
  return viaFloat(a, b, (x, y) => bf.add(x, { ...y, neg: !y.neg }));
}

export function opaMul(a: Num, b: Num): Num {
  if (exactInt(a) && exactInt(b)) {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r;
  }
  return viaFloat(a, b, bf.mul);
}

/** Quotient; `undefined` when dividing by zero (callers raise the error). */
export function opaDiv(a: Num, b: Num): Num | undefined {
  if (b == 0) return undefined;
  if (exactInt(a) && exactInt(b) && a % b === 0) return a / b;
  return viaFloat(a, b, bf.quo);
}
