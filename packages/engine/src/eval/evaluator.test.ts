import { describe, expect, it } from 'vitest';
import { Engine } from '../api.js';
import { toJSONValue } from '../value/json.js';
import type { Value } from '../value/types.js';

function evalQuery(modules: Record<string, string>, query: string, input?: unknown, opts = {}) {
  const e = new Engine();
  for (const [f, s] of Object.entries(modules)) expect(e.addModule(f, s)).toEqual([]);
  const compileErrors = e.compile();
  if (compileErrors.length) return { compileErrors, rows: [] as Record<string, Value>[] };
  const p = e.prepare(query);
  if (!p.query) return { compileErrors: p.errors, rows: [] };
  const r = p.query.evaluate(input, opts);
  return { compileErrors: [], error: r.error, rows: r.rows.map((row) => toJSONValue(row as Value) as Record<string, Value>) };
}

const one = (src: string, query = 'x = data.t.p', input?: unknown) => {
  const r = evalQuery({ 't.rego': src }, query, input);
  expect(r.compileErrors).toEqual([]);
  expect(r.error).toBeUndefined();
  return r.rows.map((x) => x.x);
};

describe('rules', () => {
  it('complete rules, defaults and else chains', () => {
    expect(one('package t\ndefault p := 0\np := 1 if input.a')).toEqual([0]);
    expect(one('package t\ndefault p := 0\np := 1 if input.a', 'x = data.t.p', { a: true })).toEqual([1]);
    expect(one('package t\np := 1 if false\nelse := 2 if false\nelse := 3')).toEqual([3]);
  });
  it('partial sets and objects, including general ref heads', () => {
    expect(one('package t\np contains x if some x in [3, 1, 3]')).toEqual([[1, 3]]);
    expect(one('package t\np[k] := v if some k, v in {"a": 1, "b": 2}')).toEqual([{ a: 1, b: 2 }]);
    expect(one('package t\np.q[x].r := 1 if some x in ["a", "b"]')).toEqual([{ q: { a: { r: 1 }, b: { r: 1 } } }]);
  });
  it('functions with multiple definitions and pattern arguments', () => {
    const src = 'package t\nf(1) := "one"\nf(x) := "many" if x > 1\ng([a, b]) := a + b\np := [f(1), f(5), g([2, 3])]';
    expect(one(src)).toEqual([['one', 'many', 5]]);
  });
  it('mixes base documents and virtual documents under data', () => {
    const e = new Engine();
    e.addModule('t.rego', 'package a.b\nq := 2');
    e.addData({ a: { c: 1 } });
    expect(e.compile()).toEqual([]);
    const r = e.prepare('x = data.a').query!.evaluate();
    expect(toJSONValue(r.rows[0].x)).toEqual({ b: { q: 2 }, c: 1 });
  });
});

describe('expressions', () => {
  it('iterates refs with unbound variables and backtracks', () => {
    expect(one('package t\np contains [i, x] if { x := input.xs[i]; x > 1 }', 'x = data.t.p', { xs: [1, 2, 3] })).toEqual([[[1, 2], [2, 3]]]);
  });
  it('every, not and comprehensions', () => {
    expect(one('package t\np if every x in [1, 2] { x > 0 }')).toEqual([true]);
    expect(one('package t\nq if every x in [1, -2] { x > 0 }\np if not q')).toEqual([true]);
    expect(one('package t\np := {k: count(v) | some k, v in {"a": [1], "b": [1, 2]}}')).toEqual([{ a: 1, b: 2 }]);
  });
  it('unifies composite patterns in both directions', () => {
    expect(one('package t\np := [a, b] if [a, 2] = [1, b]')).toEqual([[1, 2]]);
    expect(one('package t\np := y if {"k": [y]} = {"k": [7]}')).toEqual([7]);
  });
  it('replaces input, data and functions with `with`', () => {
    const src = 'package t\nq := input.v\nr := data.cfg.x\nf(x) := x + 1\nm(x) := 100\np := [q, r, f(1)] if true\ns := [a, b, c] if { a := q with input.v as 5; b := r with data.cfg.x as 6; c := f(1) with f as m }';
    expect(one(src, 'x = data.t.s')).toEqual([[5, 6, 100]]);
  });
  it('keeps integers beyond 2^53 exact', () => {
    expect(one('package t\np := 9007199254740993 + 1')).toEqual([9007199254740994n]);
  });
});

describe('errors', () => {
  it('reports conflicting complete rule values as eval_conflict_error', () => {
    const r = evalQuery({ 't.rego': 'package t\np := 1\np := 2 if true' }, 'x = data.t.p');
    expect(r.error?.code).toBe('eval_conflict_error');
    expect(r.error?.location?.file).toBe('t.rego');
  });
  it('makes failing builtins undefined unless strict', () => {
    const lenient = evalQuery({ 't.rego': 'package t\np := 1 / 0' }, 'x = data.t.p');
    expect(lenient.rows).toEqual([]);
    const strict = evalQuery({ 't.rego': 'package t\np := 1 / 0' }, 'x = data.t.p', undefined, { strictBuiltinErrors: true });
    expect(strict.error).toMatchObject({ code: 'eval_builtin_error', message: 'div: divide by zero' });
  });
});

describe('limits', () => {
  it('stops infinite recursion through functions with eval_cancel_error', () => {
    // Recursion through a dynamic call chain the compiler cannot see: f calls itself via data.
    const e = new Engine();
    e.addModule('t.rego', 'package t\nf(n) := y if { y := data.t.g(n + 1) }\ng(n) := y if { y := data.t.f(n + 1) }');
    const errs = e.compile();
    // The compiler rejects the cycle statically, which is the first line of defence.
    expect(errs[0]?.code).toBe('rego_recursion_error');
  });
  it('ends huge comprehensions at the step limit', () => {
    const r = evalQuery({ 't.rego': 'package t\np := count([x | some x in numbers.range(1, 1000000); x > 0])' }, 'x = data.t.p', undefined, { maxSteps: 10_000 });
    expect(r.error?.code).toBe('eval_cancel_error');
    expect(r.error?.message).toMatch(/step limit/);
  });
  it('honours an AbortSignal', () => {
    const ac = new AbortController();
    ac.abort();
    const r = evalQuery({ 't.rego': 'package t\np := 1' }, 'x = data.t.p', undefined, { signal: ac.signal });
    expect(r.error?.code).toBe('eval_cancel_error');
  });
  it('honours a timeout', () => {
    const r = evalQuery({ 't.rego': 'package t\np := count([x | some x in numbers.range(1, 5000000)])' }, 'x = data.t.p', undefined, { timeoutMs: 20 });
    expect(r.error?.code).toBe('eval_cancel_error');
  });
  it('turns deep recursion of the JS stack into eval_cancel_error', () => {
    // A chain of 20,000 nested comprehensions' worth of depth via a long rule chain.
    const rules = Array.from({ length: 3000 }, (_, i) => `r${i} := r${i + 1} + 1`).join('\n');
    const r = evalQuery({ 't.rego': `package t\n${rules}\nr3000 := 0` }, 'x = data.t.r0', undefined, { maxDepth: 100 });
    expect(r.error?.code).toBe('eval_cancel_error');
  });
});

describe('print', () => {
  it('prints undefined arguments as <undefined> and never fails the expression', () => {
    const e = new Engine();
    e.addModule('t.rego', 'package t\np if { print("v:", input.nope, [1, "a"]) }');
    const out: string[] = [];
    const r = e.prepare('x = data.t.p').query!.evaluate({}, { print: (m) => out.push(m) });
    expect(r.rows).toEqual([{ x: true }]);
    expect(out).toEqual(['v: <undefined> [1, "a"]']);
  });
  it('tells the sink where the print call is', () => {
    const e = new Engine();
    e.addModule('t.rego', 'package t\np if {\n\tinput.a == 1\n\tprint("a is", input.a)\n}');
    const at: string[] = [];
    e.prepare('x = data.t.p').query!.evaluate({ a: 1 }, { print: (m, loc) => at.push(`${loc?.file}:${loc?.row}:${loc?.col}: ${m}`) });
    expect(at).toEqual(['t.rego:4:2: a is 1']);
  });
});

describe('else chains', () => {
  it('falls through to else when the head value is undefined', () => {
    expect(one('package t\nf(s) := to_number(s) if { true } else := 0\np := f("x")')).toEqual([0]);
    expect(one('package t\nh(s) := s.a if { true } else := 0\np := h({})')).toEqual([0]);
  });
});

describe('reuse across evaluations', () => {
  const src = 'package t\nimport rego.v1\nn := count(input.items)\np := n';
  it('recomputes input-dependent rules for a mutated input unless immutableInput is promised', () => {
    const e = new Engine();
    e.addModule('t.rego', src);
    const q = e.prepare('x = data.t.p').query!;
    const input = { items: [1, 2] };
    expect(q.evaluate(input).rows).toEqual([{ x: 2 }]);
    input.items.push(3);
    expect(q.evaluate(input).rows).toEqual([{ x: 3 }]);
    // With the promise, the same object is a cache key: a fresh object gets a fresh value.
    expect(q.evaluate(input, { immutableInput: true }).rows).toEqual([{ x: 3 }]);
    expect(q.evaluate({ items: [1] }, { immutableInput: true }).rows).toEqual([{ x: 1 }]);
  });
  it('shares input-independent rules between evaluations but not across data overrides', () => {
    const e = new Engine();
    e.addModule('t.rego', 'package t\nimport rego.v1\ncfg := data.cfg.v\np := [cfg, input.a]');
    const q = e.prepare('x = data.t.p').query!;
    expect(q.evaluate({ a: 1 }, { dataOverrides: [{ path: ['cfg'], value: { v: 'one' } }] }).rows).toEqual([{ x: ['one', 1] }]);
    expect(q.evaluate({ a: 2 }, { dataOverrides: [{ path: ['cfg'], value: { v: 'two' } }] }).rows).toEqual([{ x: ['two', 2] }]);
  });
});

describe('template strings', () => {
  it('evaluates embedded expressions with `with` modifiers', () => {
    expect(one('package t\na := input.a\np := $"v={a with input as {"a": 42}} n={count([1, 2])}"')).toEqual(['v=42 n=2']);
  });
});

describe('function arguments', () => {
  it('matches a template-string argument computed from body variables', () => {
    expect(one('package t\np := f("foo bar")\nf($"{x} {input.y}") := 42 if {\n\tx = "foo"\n}', 'x = data.t.p', { y: 'bar' })).toEqual([42]);
  });
});
