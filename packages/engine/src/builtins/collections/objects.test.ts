import { describe, expect, it } from 'vitest';
import type { Value } from '../../value/types.js';

import { caller, failure } from '../test-support.js';
import { objectsBuiltins } from './objects.js';
import { RSet, makeObject } from '../../value/types.js';
import { toJSONText } from '../../value/json.js';

const call = caller(objectsBuiltins);
const fails = failure(objectsBuiltins);
const json = (v: Value | undefined) => (v === undefined ? 'undefined' : toJSONText(v));

describe('object.get', () => {
  it('looks up keys and paths with a default', () => {
    expect(call('object.get', { a: 'b' }, 'a', 'c')).toBe('b');
    expect(call('object.get', { a: 'b' }, 'c', 'c')).toBe('c');
    expect(call('object.get', makeObject([[1, 2]]), 1, 3)).toBe(2);
    expect(json(call('object.get', { a: 1 }, [], 2))).toBe('{"a":1}');
    expect(call('object.get', { a: { b: { c: 1 } } }, ['a', 'b', 'c'], 2)).toBe(1);
    expect(call('object.get', { a: { b: [{ c: 1 }] } }, ['a', 'b', 0, 'c'], 2)).toBe(1);
    expect(call('object.get', { a: { b: [1, 2, 3] } }, ['a', 'b', 'a'], 2)).toBe(2);
    expect(call('object.get', makeObject([[1, makeObject([['b', makeObject([[[1, 2, 3], 1]])]])]]), [1, 'b', [1, 2, 3]], 2)).toBe(1);
    expect(call('object.get', { s: new RSet(['x']) }, ['s', 'x'], 0)).toBe('x');
  });
  it('requires an object', () => {
    expect(fails('object.get', 'object', ['a'], 2)).toBe('eval_type_error: operand 1 must be object but got string');
  });
});

describe('object.keys, object.remove, object.filter', () => {
  it('keys is a set of keys of any type', () => {
    expect((call('object.keys', makeObject([[{ a: 1 }, 1], [{ b: 2 }, 2]])) as RSet).sorted()).toEqual([{ a: 1 }, { b: 2 }]);
    expect((call('object.keys', {}) as RSet).size).toBe(0);
  });
  it('remove and filter accept arrays, sets and objects of keys', () => {
    const o = { a: 1, b: { c: 3 }, d: 4 };
    expect(json(call('object.remove', o, new RSet(['b', 'd'])))).toBe('{"a":1}');
    expect(json(call('object.remove', o, ['d', 'b']))).toBe('{"a":1}');
    expect(json(call('object.remove', o, { b: 1, d: '' }))).toBe('{"a":1}');
    expect(json(call('object.filter', o, ['a', 'd', 'zz']))).toBe('{"a":1,"d":4}');
    expect(json(call('object.filter', o, {}))).toBe('{}');
    expect(json(call('object.filter', makeObject([['a', 1], [[[7]], 2]]), new RSet([[[7]]])))).toBe('{"[[7]]":2}');
    expect(json(call('object.remove', makeObject([['a', 1], [[[7]], 2]]), new RSet([[[7]]])))).toBe('{"a":1}');
    expect(o).toEqual({ a: 1, b: { c: 3 }, d: 4 });
  });
  it('report OPA operand errors', () => {
    expect(fails('object.remove', ['a'], new RSet(['a']))).toBe('eval_type_error: operand 1 must be object but got array');
    expect(fails('object.filter', { a: 1 }, 'foo')).toBe('eval_type_error: operand 2 must be one of {object, set, array} but got string');
  });
});

describe('object.union and object.union_n', () => {
  it('merge recursively with the right side winning', () => {
    expect(json(call('object.union', { a: { b: { c: 1 } }, e: 1 }, { a: { b: 'foo', b1: 'bar' }, d: 7, e: 17 }))).toBe('{"a":{"b":"foo","b1":"bar"},"d":7,"e":17}');
    expect(json(call('object.union', { a: { x: 1 } }, { a: { y: 2 } }))).toBe('{"a":{"x":1,"y":2}}');
    expect(json(call('object.union', { a: 1 }, { a: { b: { c: 1 } }, d: 7 }))).toBe('{"a":{"b":{"c":1}},"d":7}');
  });
  it('union_n folds left to right', () => {
    expect(json(call('object.union_n', [{ a: 1, b: 2, c: 3 }, { foo: 'baz', a: 'a', b: 2, d: 4 }, { a: 'final A!', e: 5 }]))).toBe(
      '{"a":"final A!","b":2,"c":3,"d":4,"e":5,"foo":"baz"}',
    );
    expect(json(call('object.union_n', [{ a: { b: 2 } }, { a: 4 }, { a: { c: 3 } }]))).toBe('{"a":{"c":3}}');
    expect(json(call('object.union_n', []))).toBe('{}');
    expect(fails('object.union_n', [{ foo: 1 }, 'baz'])).toBe('eval_type_error: operand 1 must be array of objects but got array containing string');
  });
});

describe('object.subset', () => {
  it('recurses into objects, compares sets and arrays flatly', () => {
    const a = { a: 5, b: 7, nested: { x: 10, set1: new RSet([1, 2, 3, 4]), arr1: [6, 7, 8, 9] } };
    expect(call('object.subset', a, { nested: { set1: new RSet([4, 1]), arr1: [6, 7] } })).toBe(true);
    expect(call('object.subset', a, { nested: { arr1: [6, 8] } })).toBe(false);
    expect(call('object.subset', { a: 5 }, a)).toBe(false);
    expect(call('object.subset', new RSet([1, 2, 3, new RSet(['a', 'b', 'c'])]), new RSet([3, new RSet(['a', 'b'])]))).toBe(false);
  });
  it('treats arrays as contiguous runs and accepts a set inside an array', () => {
    expect(call('object.subset', [1, 2, 3, 4, 5, 6], [3, 4, 5])).toBe(true);
    expect(call('object.subset', [1, 2, 3, 4, 5, 6], [4, 5, 6, 8])).toBe(false);
    expect(call('object.subset', [1, 2, 1, 2, 3], [1, 2, 3])).toBe(true);
    expect(call('object.subset', [1, 2, 3], [])).toBe(true);
    expect(call('object.subset', [1, 2, 3, 4, 5, 6], new RSet([4, 3, 2]))).toBe(true);
    expect(call('object.subset', [1, 2, 3, 4, 5, 6], new RSet([9, 8, 7]))).toBe(false);
  });
  it('rejects a set containing an array and other mixes', () => {
    expect(fails('object.subset', new RSet([1]), [1])).toBe('eval_type_error: both arguments object.subset must be of the same type or array and set');
  });
});

describe('object.get with null values', () => {
  const get = objectsBuiltins.find((d) => d.name === 'object.get')!;
  const ctx = {} as never;
  it('returns a present null instead of the default', () => {
    expect(get.impl([{ a: null }, 'a', 'x'], ctx)).toBe(null);
    expect(get.impl([{ a: null }, ['a'], 'x'], ctx)).toBe(null);
    expect(get.impl([{ a: { b: null } }, ['a', 'b'], 'x'], ctx)).toBe(null);
    expect(get.impl([{}, 'a', 'x'], ctx)).toBe('x');
  });
});
