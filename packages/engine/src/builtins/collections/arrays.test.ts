import { describe, expect, it } from 'vitest';
import type { Value } from '../../value/types.js';

import { caller, failure } from '../test-support.js';
import { arraysBuiltins } from './arrays.js';

const call = caller(arraysBuiltins);
const fails = failure(arraysBuiltins);

describe('array builtins', () => {
  it('concat and reverse build new arrays', () => {
    const a = [1, 2];
    expect(call('array.concat', a, [3, 4])).toEqual([1, 2, 3, 4]);
    expect(call('array.reverse', [1, 2, 3])).toEqual([3, 2, 1]);
    expect(a).toEqual([1, 2]);
    expect(fails('array.concat', { v: 1 } as Value, [])).toBe('eval_type_error: operand 1 must be array but got object');
    expect(fails('array.concat', [], 'x')).toBe('eval_type_error: operand 2 must be array but got string');
  });
  it('slice clamps indexes instead of failing', () => {
    expect(call('array.slice', [1, 2, 3, 4, 5], 1, 3)).toEqual([2, 3]);
    expect(call('array.slice', [1, 2, 3, 4, 5], -1, 2)).toEqual([1, 2]);
    expect(call('array.slice', [1, 2, 3, 4, 5], 3, 6)).toEqual([4, 5]);
    expect(call('array.slice', [1, 2, 3, 4, 5], 4, 1)).toEqual([]);
    expect(call('array.slice', [1, 2, 3, 4, 5], -4, -1)).toEqual([]);
    expect(call('array.slice', [1, 2, 3], 1000, 2000)).toEqual([]);
    expect(fails('array.slice', [1], 0.5, 1)).toBe('eval_type_error: operand 2 must be integer number but got floating-point number');
    expect(fails('array.slice', [1], 0, 'a')).toBe('eval_type_error: operand 3 must be number but got string');
  });
  it('flatten removes exactly one level of nesting', () => {
    expect(call('array.flatten', [[1, 2], 'string', [3, { a: 'b' }], 4.5, [6, [7, 8]]])).toEqual([1, 2, 'string', 3, { a: 'b' }, 4.5, 6, [7, 8]]);
    expect(call('array.flatten', [])).toEqual([]);
    expect(fails('array.flatten', 42)).toBe('eval_type_error: operand 1 must be array but got number');
  });
});
