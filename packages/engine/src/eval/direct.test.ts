import { describe, expect, it } from 'vitest';
import { Engine } from '../api.js';
import { toJSONValue } from '../value/json.js';
import type { Value } from '../value/types.js';

// Terms read directly (eval/direct.ts) must mean what their continuation form means: argument
// order around generators, variable keys bound or not, missing keys, mixed object entries.
// Expected values are OPA 1.17.1's (../shared/bin/opa eval -d t.rego -i input.json data.t).
const MODULE = `package t

f(a, b) := [a, b]

g(a, b) if b > a + 15

gen_order := [i | g(i, input.xs[i])]

arr_bound := [[i, input.xs[i]] | some i in [0, 2]]

arr_var_key := [[i, input.xs[i], input.ys[i]] | some i in numbers.range(0, 3)]

obj_mixed := [{"k": i, "n": count([y | some y in input.ys; y > i]), "x": input.xs[i]} | some i in [0, 1, 5]]

unify_var_key := [x | some j in [0, 2, 7]; x := input.ys[j]]

nested := [v | some o in input.objs; v := o.a.b]

missing_key := [v | v := f(input.nope, 1)]

call_bound := [v | some i in [1, 9]; v := f(i, input.xs[i])]

call_unbound_gen := {i: x | x := concat("-", [input.names[i], "z"])}
`;

const INPUT = { xs: [10, 20, 30], ys: [1, 2, 3, 4], objs: [{ a: { b: 1 } }, { a: {} }, { a: { b: 'two' } }], names: ['p', 'q'] };

describe('direct reads', () => {
  it('give the values of the continuation form', () => {
    const e = new Engine();
    expect(e.addModule('t.rego', MODULE)).toEqual([]);
    expect(e.compile()).toEqual([]);
    const q = e.prepare('x := data.t');
    const r = q.query!.evaluate(INPUT);
    expect(r.error).toBeUndefined();
    expect(toJSONValue(r.rows[0]!['x'] as Value)).toEqual({
      arr_bound: [[0, 10], [2, 30]],
      arr_var_key: [[0, 10, 1], [1, 20, 2], [2, 30, 3]],
      call_bound: [[1, 20]],
      call_unbound_gen: { '0': 'p-z', '1': 'q-z' },
      gen_order: [1, 2],
      missing_key: [],
      nested: [1, 'two'],
      obj_mixed: [{ k: 0, n: 4, x: 10 }, { k: 1, n: 3, x: 20 }],
      unify_var_key: [1, 3],
    });
  });
});
