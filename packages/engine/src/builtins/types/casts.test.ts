import { describe, expect, it } from 'vitest';

import { caller, failure } from '../test-support.js';
import { castsBuiltins } from './casts.js';
import { RSet } from '../../value/types.js';

const call = caller(castsBuiltins);
const fails = failure(castsBuiltins);

describe('to_number', () => {
  it('converts scalars', () => {
    expect(call('to_number', null)).toBe(0);
    expect(call('to_number', false)).toBe(0);
    expect(call('to_number', true)).toBe(1);
    expect(call('to_number', 100.1)).toBe(100.1);
    expect(call('to_number', '-42.0')).toBe(-42);
  });
  it('reads strings with Go ParseFloat syntax, exactly for big integers', () => {
    expect(call('to_number', '.5')).toBe(0.5);
    expect(call('to_number', '5.')).toBe(5);
    expect(call('to_number', '+3')).toBe(3);
    expect(call('to_number', '1e3')).toBe(1000);
    expect(call('to_number', '1_000')).toBe(1000);
    expect(call('to_number', '0x1p-2')).toBe(0.25);
    expect(call('to_number', '12345678901234567890')).toBe(12345678901234567890n);
    expect(call('to_number', '1e20')).toBe(100000000000000000000n);
  });
  it('reports OPA errors', () => {
    expect(fails('to_number', 'broken')).toBe('eval_builtin_error: strconv.ParseFloat: parsing "broken": invalid syntax');
    expect(fails('to_number', '1e400')).toBe('eval_builtin_error: strconv.ParseFloat: parsing "1e400": value out of range');
    expect(fails('to_number', '1__0')).toBe('eval_builtin_error: strconv.ParseFloat: parsing "1__0": invalid syntax');
    for (const s of ['nan', 'inf', '-inf', 'Infinity', '-Infinity', '-nan', '-NaN', 'iNf']) {
      expect(fails('to_number', s)).toBe('eval_type_error: operand 1 must be valid number string but got string');
    }
    expect(fails('to_number', [1])).toBe('eval_type_error: operand 1 must be one of {null, boolean, number, string} but got array');
  });
});

describe('deprecated casts', () => {
  it('convert or reject', () => {
    expect(call('cast_array', new RSet([2, 1]))).toEqual([1, 2]);
    expect((call('cast_set', [1, 1, 2]) as RSet).size).toBe(2);
    expect(call('cast_string', 's')).toBe('s');
    expect(call('cast_null', null)).toBe(null);
    expect(fails('cast_boolean', 1)).toBe('eval_type_error: operand 1 must be boolean but got number');
    expect(fails('cast_array', 'x')).toBe('eval_type_error: operand 1 must be one of {array, set} but got string');
  });
});
