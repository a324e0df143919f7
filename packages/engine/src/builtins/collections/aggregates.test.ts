import { describe, expect, it } from 'vitest';
import { aggregatesBuiltins } from './aggregates.js';
import { RSet, makeObject } from '../../value/types.js';
import { caller, failure } from '../test-support.js';

const call = caller(aggregatesBuiltins);
const fails = failure(aggregatesBuiltins);

describe('count', () => {
  it('counts collections and code points', () => {
    expect(call('count', [1, 2, 3])).toBe(3);
    expect(call('count', new RSet([1, 2, 2]))).toBe(2);
    expect(call('count', makeObject([[1, 'a'], ['b', 2]]))).toBe(2);
    expect(call('count', { a: 1 })).toBe(1);
    expect(call('count', 'åäö')).toBe(3);
    expect(call('count', 'a😀b')).toBe(3);
  });
  it('rejects other types with the OPA text', () => {
    expect(fails('count', null)).toBe('eval_type_error: operand 1 must be one of {array, object, set, string} but got null');
    expect(fails('count', 5)).toBe('eval_type_error: operand 1 must be one of {array, object, set, string} but got number');
  });
});

describe('sum and product', () => {
  it('are exact on integers of any size', () => {
    expect(call('sum', [1, 2, 3, 4])).toBe(10);
    expect(call('sum', new RSet([1, 2, 3, 4]))).toBe(10);
    expect(call('sum', [49649733057, 1])).toBe(49649733058);
    expect(call('sum', [18446744073709551617n, 1])).toBe(18446744073709551618n);
    expect(call('product', [18446744073709551617n, 2])).toBe(36893488147419103234n);
    expect(call('product', [])).toBe(1);
    expect(call('sum', [])).toBe(0);
    expect(call('sum', [9007199254740991, 1])).toBe(9007199254740992n);
  });
  it('use 64-bit big.Float arithmetic for non-integers', () => {
    expect(call('sum', [1.5, 2.5])).toBe(4);
    expect(call('sum', [1, 2.5])).toBe(3.5);
    expect(call('product', [1.5, 2])).toBe(3);
    // OPA adds the decimal literals in 64-bit precision, so 0.1 + 0.2 prints as 0.3.
    expect(call('sum', [0.1, 0.2])).toBe(0.3);
  });
  it('name the offending element type', () => {
    expect(fails('sum', [1, 'a'])).toBe('eval_type_error: operand 1 must be array of numbers but got array containing string');
    expect(fails('product', new RSet([1, null]))).toBe('eval_type_error: operand 1 must be set of numbers but got set containing null');
    expect(fails('sum', 'x')).toBe('eval_type_error: operand 1 must be one of {set, array} but got string');
  });
});

describe('max, min, sort', () => {
  it('follow the total order of values', () => {
    expect(call('max', [3, 2, 1, 4, 6, -7, 10])).toBe(10);
    expect(call('min', [3, 2, 1, 4, 6, -7, 10])).toBe(-7);
    expect(call('max', ['a', 1, null, [0]])).toEqual([0]);
    expect(call('min', new RSet(['b', 'a']))).toBe('a');
    expect(call('sort', [4, 'a', 1, null])).toEqual([null, 1, 4, 'a']);
    expect(call('sort', new RSet([3, 1, 2]))).toEqual([1, 2, 3]);
  });
  it('are undefined on empty collections', () => {
    expect(call('max', [])).toBeUndefined();
    expect(call('min', new RSet())).toBeUndefined();
  });
  it('does not mutate the input array', () => {
    const input = [3, 1, 2];
    call('sort', input);
    expect(input).toEqual([3, 1, 2]);
  });
});

describe('deprecated any/all', () => {
  it('test for true elements', () => {
    expect(call('all', [true, true])).toBe(true);
    expect(call('all', [true, 1])).toBe(false);
    expect(call('all', [])).toBe(true);
    expect(call('any', new RSet([false, true]))).toBe(true);
    expect(call('any', [])).toBe(false);
  });
});
