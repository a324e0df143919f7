import { describe, expect, it } from 'vitest';
import * as bf from './big-float.js';

describe('big-float (64-bit mantissa)', () => {
  it('rounds rationals to nearest even', () => {
    const third = bf.fromRational(1n, 3n);
    expect(third.mant < 1n << 64n && third.mant >= 1n << 63n).toBe(true);
    // 2^64 + 1 needs 65 bits: the tie rounds to the even neighbour 2^64.
    expect(bf.truncToBigInt(bf.fromRational((1n << 64n) + 1n, 1n))).toBe(1n << 64n);
    expect(bf.truncToBigInt(bf.fromRational((1n << 64n) + 3n, 1n))).toBe((1n << 64n) + 4n);
  });
  it('prints the shortest decimal at 64-bit precision', () => {
    expect(bf.toNum(bf.add(bf.fromNum(0.1), bf.fromNum(0.2)))).toBe(0.3);
    expect(bf.toNum(bf.mul(bf.fromNum(1.5), bf.fromNum(2)))).toBe(3);
    expect(bf.toNum(bf.fromNum(-2.75))).toBe(-2.75);
    expect(bf.toNum(bf.fromNum(12345678901234567890n))).toBe(12345678901234567890n);
  });
  it('parses decimal literals exactly', () => {
    expect(bf.decimalToRational('1.5e3')).toEqual({ num: 1500n, den: 1n });
    expect(bf.decimalToRational('-.25')).toEqual({ num: -25n, den: 100n });
    expect(bf.decimalToRational('.')).toBeUndefined();
    expect(bf.decimalToRational('1e')).toBeUndefined();
  });
});
