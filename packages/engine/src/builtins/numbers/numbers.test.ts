import { describe, expect, it } from 'vitest';

import { caller, failure } from '../test-support.js';
import { numbersBuiltins } from './numbers.js';

const call = caller(numbersBuiltins);
const fails = failure(numbersBuiltins);

describe('rounding', () => {
  it('round goes half away from zero', () => {
    expect(call('round', 2.5)).toBe(3);
    expect(call('round', -2.5)).toBe(-3);
    expect(call('round', 0.49999999999999994)).toBe(0);
    expect(call('round', -0.4)).toBe(0);
    expect(Object.is(call('round', -0.4), -0)).toBe(false);
    expect(call('round', 12345678901234567890n)).toBe(12345678901234567890n);
  });
  it('ceil and floor match OPA, including its sign quirk in (-1, 0)', () => {
    expect(call('ceil', 1.01)).toBe(2);
    expect(call('ceil', -1.99999)).toBe(-1);
    expect(call('floor', 99.99999)).toBe(99);
    expect(call('floor', -1.001)).toBe(-2);
    expect(call('ceil', -0.5)).toBe(1);
    expect(call('floor', -0.5)).toBe(0);
  });
  it('abs keeps exact big integers', () => {
    expect(call('abs', -10)).toBe(10);
    expect(call('abs', -1.5)).toBe(1.5);
    expect(call('abs', -18446744073709551616n)).toBe(18446744073709551616n);
    expect(fails('abs', 'x')).toBe('eval_type_error: operand 1 must be number but got string');
  });
});

describe('numbers.range and numbers.range_step', () => {
  it('count up or down inclusively', () => {
    expect(call('numbers.range', -2, 3)).toEqual([-2, -1, 0, 1, 2, 3]);
    expect(call('numbers.range', 2, -3)).toEqual([2, 1, 0, -1, -2, -3]);
    expect(call('numbers.range', 0, 0)).toEqual([0]);
    expect(call('numbers.range', 49649733057, 49649733060)).toEqual([49649733057, 49649733058, 49649733059, 49649733060]);
    expect(call('numbers.range', 9007199254740991, 9007199254740992n)).toEqual([9007199254740991, 9007199254740992n]);
  });
  it('steps and stops at the bound', () => {
    expect(call('numbers.range_step', 0, 10, 2)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(call('numbers.range_step', 0, -10, 2)).toEqual([0, -2, -4, -6, -8, -10]);
    expect(call('numbers.range_step', 10, 3, 2)).toEqual([10, 8, 6, 4]);
    expect(call('numbers.range_step', 2, 5, 2)).toEqual([2, 4]);
    expect(call('numbers.range_step', 0, 10, 99999999999999999999n)).toEqual([0]);
  });
  it('reject non-integers and bad steps', () => {
    expect(fails('numbers.range', 3.14, 4)).toBe('eval_type_error: operand 1 must be integer number but got floating-point number');
    expect(fails('numbers.range', 3, 3.14)).toBe('eval_type_error: operand 2 must be integer number but got floating-point number');
    expect(fails('numbers.range_step', 0, 10, -2)).toBe('eval_builtin_error: step must be a positive integer');
    expect(fails('numbers.range_step', 0, 10, 0)).toBe('eval_builtin_error: step must be a positive integer');
  });
});
