import { describe, expect, it } from 'vitest';
import type { Value } from '../../value/types.js';

import { caller, failure } from '../test-support.js';
import { graphBuiltins } from './graph.js';
import { RSet } from '../../value/types.js';
import { toJSONText } from '../../value/json.js';

const call = caller(graphBuiltins);
const fails = failure(graphBuiltins);
const json = (v: Value | undefined) => (v === undefined ? 'undefined' : toJSONText(v));

describe('walk', () => {
  it('yields every node pre-order with its path', () => {
    expect(json(call('walk', 1))).toBe('[[[],1]]');
    expect(json(call('walk', { v2: 'goodbye', v1: 'hello' }))).toBe('[[[],{"v1":"hello","v2":"goodbye"}],[["v1"],"hello"],[["v2"],"goodbye"]]');
    expect(json(call('walk', new RSet([new RSet([1, 2])])))).toBe('[[[],[[1,2]]],[[[1,2]],[1,2]],[[[1,2],1],1],[[[1,2],2],2]]');
    expect(json(call('walk', [{ a: [true] }]))).toBe('[[[],[{"a":[true]}]],[[0],{"a":[true]}],[[0,"a"],[true]],[[0,"a",0],true]]');
  });
});

describe('graph.reachable and graph.reachable_paths', () => {
  const g = { a: new RSet(['b', 'c']), b: new RSet(['d']), c: new RSet(['d']), d: new RSet(), e: new RSet(['f']), f: new RSet(['e']), x: new RSet(['x']) };
  it('reachable collects vertices in the graph', () => {
    expect(json(call('graph.reachable', g, new RSet(['b', 'e'])))).toBe('["b","d","e","f"]');
    expect(json(call('graph.reachable', { a: ['b'], b: ['c'], c: ['a'] }, ['a']))).toBe('["a","b","c"]');
    expect(json(call('graph.reachable', { a: null }, ['a']))).toBe('["a"]');
    expect(json(call('graph.reachable', {}, new RSet(['a'])))).toBe('[]');
  });
  it('reachable_paths ends paths at leaves, cycles and unknown vertices', () => {
    expect(json(call('graph.reachable_paths', g, new RSet(['b', 'e'])))).toBe('[["b","d"],["e","f"]]');
    expect(json(call('graph.reachable_paths', { 1: [], 2: ['1'], 3: ['2'], 4: ['3', '2'], 5: ['4'] }, ['5']))).toBe(
      '[["5","4","2","1"],["5","4","3","2","1"]]',
    );
    expect(json(call('graph.reachable_paths', { a: ['b'], b: ['nonexistent'] }, new RSet(['a', 'b'])))).toBe('[["a","b"],["b"]]');
    expect(json(call('graph.reachable_paths', { a: null }, ['a']))).toBe('[["a"]]');
  });
  it('report operand errors', () => {
    expect(fails('graph.reachable', 1, [1])).toBe('eval_type_error: operand 1 must be object but got number');
    expect(fails('graph.reachable_paths', { a: [] }, 'a')).toBe('eval_type_error: operand 2 must be {array, set} but got string');
  });
});
