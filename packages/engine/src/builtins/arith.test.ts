import { describe, expect, it } from 'vitest';
import { opaAdd, opaDiv, opaMul, opaSub } from './arith.js';

// Expected values are OPA v1.17.1's (`opa eval --format raw '<expr>'`).
describe('arithmetic with OPA precision', () => {
  it('rounds decimals through a 64-bit big.Float', () => {
    expect(opaAdd(0.1, 0.2)).toBe(0.3);
    expect(opaMul(0.1, 3)).toBe(0.3);
    expect(opaSub(2, 1.1)).toBe(0.9);
    expect(opaMul(1.1, 1.1)).toBe(1.21);
    expect(opaDiv(10, 4)).toBe(2.5);
  });
  it('rounds big integers as OPA does', () => {
    expect(opaMul(12345678901234567890n, 98765432109876543210n)).toBe(1219326311370217952200000000000000000000n);
    expect(opaAdd(10n ** 21n, 1)).toBe(10n ** 21n);
    expect(opaDiv(99999999999999999999n, 3)).toBe(33333333333333333334n);
    expect(opaAdd(9007199254740993n, 1)).toBe(9007199254740994n);
    expect(opaMul(10n ** 400n, 10n ** 400n)).toBe(10000000000000000001n * 10n ** 781n);
  });
  it('is exact on safe integers and leaves division by zero to the caller', () => {
    expect(opaAdd(9007199254740990, 1)).toBe(9007199254740991);
    expect(opaMul(-3, 7)).toBe(-21);
    expect(opaDiv(1, 0)).toBeUndefined();
  });
});
