import { describe, expect, it } from 'vitest';
import type { Value } from '../../value/types.js';

import { caller, failure } from '../test-support.js';
import { jsonBuiltins } from './objects-json.js';
import { RSet } from '../../value/types.js';
import { toJSONText } from '../../value/json.js';

const call = caller(jsonBuiltins);
const fails = failure(jsonBuiltins);
const json = (v: Value | undefined) => (v === undefined ? 'undefined' : toJSONText(v));

describe('json.filter', () => {
  it('keeps the selected paths, strings or segment arrays', () => {
    const doc = { a: { b: { c: 7, d: 8 } }, e: 9 };
    expect(json(call('json.filter', doc, new RSet(['a/b/c', 'e'])))).toBe('{"a":{"b":{"c":7}},"e":9}');
    expect(json(call('json.filter', doc, new RSet([['a', 'b', 'c'], ['e']])))).toBe('{"a":{"b":{"c":7}},"e":9}');
    expect(json(call('json.filter', { a: { b: 7 } }, new RSet(['a', 'a/b'])))).toBe('{"a":{"b":7}}');
    expect(json(call('json.filter', { a: [{ b: 7, c: 8 }, { d: 9 }] }, new RSet(['a/0/b', 'a/1'])))).toBe('{"a":[{"b":7},{"d":9}]}');
    expect(json(call('json.filter', { 'a/b': 1, '~': 2, c: 3 }, ['a~1b', '~0']))).toBe('{"a/b":1,"~":2}');
    expect(json(call('json.filter', { a: 7 }, new RSet()))).toBe('{}');
  });
});

describe('json.remove', () => {
  it('drops the selected paths and closes array gaps', () => {
    expect(json(call('json.remove', { a: { b: { c: 7, d: 8 } }, e: 9 }, new RSet(['a/b/c', 'e'])))).toBe('{"a":{"b":{"d":8}}}');
    expect(json(call('json.remove', { a: [{ b: 7, c: 8 }, { d: 9 }] }, new RSet(['a/0/b', 'a/1'])))).toBe('{"a":[{"c":8}]}');
    expect(json(call('json.remove', { a: { b: 7 }, c: 1 }, new RSet(['a/b', 'c'])))).toBe('{"a":{}}');
    expect(json(call('json.remove', { a: [{ 1: ['b', 'c', 'd'] }, { x: 'y' }] }, new RSet(['a/0/1/2'])))).toBe('{"a":[{"1":["b","c"]},{"x":"y"}]}');
  });
  it('reports OPA type errors', () => {
    expect(fails('json.remove', 'foo', new RSet(['a']))).toBe('eval_type_error: operand 1 must be object but got string');
    expect(fails('json.remove', {}, { y: 1 })).toBe('eval_type_error: operand 2 must be one of {set, array} but got object');
    expect(fails('json.remove', {}, ['a', 1])).toBe(
      'eval_type_error: operand 2 must be one of {set, array} containing string paths or array of path segments but got number',
    );
  });
});

describe('json.patch', () => {
  const patch = (doc: Value, ...ops: Value[]) => json(call('json.patch', doc, ops));
  it('applies RFC 6902 operations', () => {
    expect(patch({ foo: 'bar' }, { op: 'add', path: '/baz', value: 'qux' })).toBe('{"baz":"qux","foo":"bar"}');
    expect(patch({ foo: ['bar', 'baz'] }, { op: 'add', path: '/foo/1', value: 'qux' })).toBe('{"foo":["bar","qux","baz"]}');
    expect(patch({ foo: ['bar'] }, { op: 'add', path: '/foo/-', value: ['abc'] })).toBe('{"foo":["bar",["abc"]]}');
    expect(patch({ baz: 'qux', foo: 'bar' }, { op: 'remove', path: '/baz' })).toBe('{"foo":"bar"}');
    expect(patch({ baz: 'qux' }, { op: 'replace', path: '/baz', value: 'boo' })).toBe('{"baz":"boo"}');
    expect(patch({ foo: { waldo: 'fred' }, qux: {} }, { op: 'move', from: '/foo/waldo', path: '/qux/thud' })).toBe('{"foo":{},"qux":{"thud":"fred"}}');
    expect(patch({ foo: ['all', 'grass', 'cows', 'eat'] }, { op: 'move', from: '/foo/1', path: '/foo/3' })).toBe('{"foo":["all","cows","eat","grass"]}');
    expect(patch({ baz: [{ qux: 'hello' }] }, { op: 'copy', from: '/baz/0', path: '/boo' })).toBe('{"baz":[{"qux":"hello"}],"boo":{"qux":"hello"}}');
    expect(patch({ '/': 9, '~1': 10 }, { op: 'test', path: '/~01', value: 10 })).toBe('{"/":9,"~1":10}');
    expect(patch({}, { op: 'add', path: '/', value: 1 })).toBe('{"":1}');
    expect(patch({ foo: 'bar' }, { op: 'replace', path: '', value: { baz: 'qux' } })).toBe('{"baz":"qux"}');
  });
  it('is undefined when an operation fails', () => {
    expect(patch({ q: { bar: 2 } }, { op: 'add', path: '/a/b', value: 1 })).toBe('undefined');
    expect(patch({ baz: 'qux' }, { op: 'test', path: '/baz', value: 'bar' })).toBe('undefined');
    expect(patch({ bar: [1, 2] }, { op: 'add', path: '/bar/8', value: '5' })).toBe('undefined');
    expect(patch(['foo', 'bar'], { op: 'test', path: '/01', value: 'bar' })).toBe('undefined');
    expect(patch(['foo', 'bar'], { op: 'test', path: '/1e0', value: 'bar' })).toBe('undefined');
    expect(patch({ foo: 1 }, { op: 'spam', path: '/foo', value: 1 })).toBe('undefined');
    expect(patch({}, { op: 'add', path: null, value: 'bar' })).toBe('undefined');
    expect(patch([1], { op: 'add', path: '/-' })).toBe('undefined');
    expect(patch([1, 2, 3], { op: 'add', path: '1.2', value: 'foo' })).toBe('undefined');
  });
  it('works on sets, whose members are their own keys', () => {
    expect(patch({ foo: new RSet(['a', 'b', 'c']) }, { op: 'remove', path: 'foo/b' })).toBe('{"foo":["a","c"]}');
    expect(patch({ foo: new RSet(['a', 'b', 'c']) }, { op: 'add', path: 'foo/d', value: 'd' })).toBe('{"foo":["a","b","c","d"]}');
    expect(patch({ foo: new RSet(['a']) }, { op: 'add', path: 'foo/d', value: 'e' })).toBe('undefined');
    expect(patch({ foo: new RSet(['a', 'b']), bar: new RSet(['c']) }, { op: 'move', from: 'foo/a', path: 'bar/a' })).toBe('{"bar":["a","c"],"foo":["b"]}');
    expect(patch(new RSet([[1]]), { op: 'add', path: [[1], 1], value: 2 })).toBe('[[1,2]]');
  });
  it('requires an array of operations', () => {
    expect(fails('json.patch', {}, {})).toBe('eval_type_error: operand 2 must be array but got object');
  });
});
