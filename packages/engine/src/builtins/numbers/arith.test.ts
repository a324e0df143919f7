import { describe, expect, it } from 'vitest';
import { opaAdd, opaDiv, opaMul, opaSub } from './arith.js';

describe('arithmetic as OPA', () => {
  // OPA v1.17.1's answers (`opa eval --format raw '<expr>'`).
  it('rounds decimals through a 64-bit big.Float', () => {
    expect(opaAdd(0.1, 0.2)).toBe(0.3);
    expect(opaMul(0.1, 3)).toBe(0.3);
    expect(opaSub(2, 1.1)).toBe(0.9);
    expect(opaMul(1.1, 1.1)).toBe(1.21);
    expect(opaDiv(10, 4)).toBe(2.5);
    expect(opaDiv(1, 3)).toBe(0.3333333333333333); // OPA: 0.33333333333333333334, a double here
  });
  // OPA's compliance suite (arithmetic/test-arithmetic-bignum.yaml, v1.19).
  it('is exact on integers of any size', () => {
    expect(opaAdd(18446744073709551617n, 1)).toBe(18446744073709551618n);
    expect(opaSub(-18446744073709551617n, 1)).toBe(-18446744073709551618n);
    expect(opaMul(18446744073709551617n, 2)).toBe(36893488147419103234n);
    expect(opaDiv(36893488147419103234n, 2)).toBe(18446744073709551617n);
    expect(opaDiv(1, 0)).toBeUndefined();
  });
});
