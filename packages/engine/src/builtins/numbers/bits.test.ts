import { describe, expect, it } from 'vitest';

import { caller, failure } from '../test-support.js';
import { bitsBuiltins } from './bits.js';

const call = caller(bitsBuiltins);
const fails = failure(bitsBuiltins);

describe('bits builtins', () => {
  it('compute on integers of any size', () => {
    expect(call('bits.and', 7, 9)).toBe(1);
    expect(call('bits.or', 7, 9)).toBe(15);
    expect(call('bits.xor', 42, 3)).toBe(41);
    expect(call('bits.negate', 42)).toBe(-43);
    expect(call('bits.lsh', 1, 3)).toBe(8);
    expect(call('bits.rsh', 8, 3)).toBe(1);
    expect(call('bits.lsh', 2147483647, 1)).toBe(4294967294);
    expect(call('bits.lsh', 9223372036854775807n, 1)).toBe(18446744073709551614n);
    expect(call('bits.rsh', -9, 1)).toBe(-5);
    expect(call('bits.and', -1, 18446744073709551615n)).toBe(18446744073709551615n);
  });
  it('report OPA type errors', () => {
    expect(fails('bits.and', 7.2, 42)).toBe('eval_type_error: operand 1 must be integer number but got floating-point number');
    expect(fails('bits.negate', 7.2)).toBe('eval_type_error: operand 1 must be integer number but got floating-point number');
    expect(fails('bits.lsh', 7, -1)).toBe('eval_type_error: operand 2 must be an unsigned integer number but got a negative integer');
    expect(fails('bits.rsh', 7, -1)).toBe('eval_type_error: operand 2 must be an unsigned integer number but got a negative integer');
    expect(fails('bits.or', 'a', 1)).toBe('eval_type_error: operand 1 must be integer but got string');
  });
});
