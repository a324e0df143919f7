import { describe, expect, it } from 'vitest';
import type { Value } from '../../value/types.js';

import { caller, failure } from '../test-support.js';
import { setsBuiltins } from './sets.js';
import { RSet } from '../../value/types.js';

const call = caller(setsBuiltins);
const fails = failure(setsBuiltins);
const items = (v: Value | undefined) => (v as RSet).sorted();

describe('set builtins', () => {
  it('intersection of a set of sets', () => {
    expect(items(call('intersection', new RSet()))).toEqual([]);
    expect(items(call('intersection', new RSet([new RSet([1, 2, 3]), new RSet([2])])))).toEqual([2]);
    expect(items(call('intersection', new RSet([new RSet(['a', 'b', 'c', 'd']), new RSet(['b', 'c', 'd']), new RSet(['d'])])))).toEqual(['d']);
    expect(items(call('intersection', new RSet([new RSet(), new RSet([1])])))).toEqual([]);
  });
  it('union of a set of sets', () => {
    expect(items(call('union', new RSet()))).toEqual([]);
    expect(items(call('union', new RSet([new RSet([1, 2, 3]), new RSet([2, 3, 4]), new RSet([4, 5, 6])])))).toEqual([1, 2, 3, 4, 5, 6]);
  });
  it('rejects members that are not sets', () => {
    expect(fails('union', new RSet([1]))).toBe('eval_type_error: operand 1 must be set but got number');
    expect(fails('intersection', [new RSet()])).toBe('eval_type_error: operand 1 must be set but got array');
  });
  it('set_diff subtracts', () => {
    expect(items(call('set_diff', new RSet([1, 2, 3]), new RSet([2])))).toEqual([1, 3]);
  });
});
