import { describe, expect, it } from 'vitest';
import { Engine } from '../api.js';
import { BuiltinRegistry } from '../builtins/registry.js';
import { defaultBuiltins } from '../builtins/catalog.js';
import { parseModule } from '../syntax/parse.js';
import { compileModules } from './compiler.js';
import type { RuleDependencies } from './rule-types.js';

const MODULE = `package t

per_doc := [c | some c in input.containers]

# Over every document of the inventory, each read as the input: not input-dependent.
all_containers := [c | some d in data.inv; cs := per_doc with input as d; some c in cs]

# Reads the caller's input next to a replaced one: input-dependent.
mixed := [count(input.containers), n] if {
	cs := per_doc with input as {"containers": []}
	n := count(cs)
}

# Only part of the input replaced: the rest is the caller's.
partial := cs if cs := per_doc with input.extra as 1

# The replacement itself reads input.
from_input := cs if cs := per_doc with input as input.nested
`;

function deps(): Map<string, RuleDependencies> {
  const { module } = parseModule('t.rego', MODULE);
  const { policy, errors } = compileModules([module!], new BuiltinRegistry(defaultBuiltins));
  expect(errors).toEqual([]);
  return new Map(policy.ruleSets.map((rs) => [rs.path.join('.'), rs.dependencies!]));
}

describe('analyze-dependencies: with input as …', () => {
  it('a rule that reads input only under `with input as v` (the whole input replaced) does not depend on input', () => {
    const d = deps();
    expect(d.get('t.per_doc')!.input).toBe(true);
    expect(d.get('t.all_containers')!.input).toBe(false);
    expect(d.get('t.all_containers')!.dataReads).toContainEqual(['inv']);
    expect(d.get('t.mixed')!.input).toBe(true);
    expect(d.get('t.partial')!.input).toBe(true);
    expect(d.get('t.from_input')!.input).toBe(true);
  });

  it('values shared across evaluations stay right for every input, the replaced one and the caller input', () => {
    const e = new Engine();
    e.addModule('t.rego', MODULE);
    const q = e.prepare('x := [data.t.all_containers, data.t.mixed, data.t.partial, data.t.from_input]').query!;
    const inv = [{ containers: ['a'] }, { containers: ['b', 'c'] }];
    const run = (input: unknown) => q.evaluate(input, { dataOverrides: [{ path: ['inv'], value: inv }], immutableInput: true }).rows[0]!['x'];
    const one = { containers: [1], nested: { containers: [9] } };
    const two = { containers: [1, 2, 3], nested: { containers: [8, 7] } };
    expect(run(one)).toEqual([['a', 'b', 'c'], [1, 0], [1], [9]]);
    expect(run(two)).toEqual([['a', 'b', 'c'], [3, 0], [1, 2, 3], [8, 7]]);
    expect(run(one)).toEqual([['a', 'b', 'c'], [1, 0], [1], [9]]);
  });
});
