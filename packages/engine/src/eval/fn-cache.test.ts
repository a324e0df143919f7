import { describe, expect, it } from 'vitest';
import { Engine } from '../api.js';
import { UNDEF } from './context.js';
import { FnResults } from './fn-cache.js';

describe('function results cache (FnResults)', () => {
  it('keeps argument types apart: "1", 1, true and null are four keys', () => {
    const c = new FnResults();
    c.set(['1'], 'string');
    c.set([1], 'number');
    c.set([true], 'boolean');
    c.set([null], 'null');
    expect([c.get(['1']), c.get([1]), c.get([true]), c.get([null])]).toEqual(['string', 'number', 'boolean', 'null']);
    expect(c.size).toBe(4);
  });

  it('treats 0 and -0 as one number, and an integral float beyond 2^53 as the equal bigint', () => {
    const c = new FnResults();
    c.set([0], 'zero');
    expect(c.get([-0])).toBe('zero');
    c.set([2 ** 60], 'big');
    expect(c.get([2n ** 60n])).toBe('big');
  });

  it('keys composite arguments by identity, and argument lists by position', () => {
    const c = new FnResults();
    const a = { x: 1 };
    c.set([a], UNDEF);
    expect(c.get([a])).toBe(UNDEF);
    expect(c.get([{ x: 1 }])).toBeUndefined();
    // One function has one arity: a cache holds argument lists of one length.
    const two = new FnResults();
    two.set([a, 'k'], 1);
    expect(two.get([a, 'k'])).toBe(1);
    expect(two.get(['k', a])).toBeUndefined();
    expect(two.get([a, 'j'])).toBeUndefined();
  });
});

describe('function calls', () => {
  const src = `package f
import rego.v1
kind("curl", c) := "tls" if c > 1
kind("wget", c) := "dl" if c > 1
kind(1, c) := "number one" if c > 1
kind(x, c) := "other" if { not x in {"curl", "wget", 1}; c > 1 }
out := [kind("curl", 2), kind("wget", 2), kind(1, 2), kind(1.0, 2), kind("1", 2), kind("zsh", 2)]
hits := [k | some x in ["curl", "wget", "curl"]; k := kind(x, 5)]
`;
  const e = new Engine();
  e.addModule('f.rego', src);

  it('selects definitions by their constant arguments exactly as unification does', () => {
    const q = e.prepare('x = data.f.out').query!;
    expect(q.evaluate(undefined).rows).toEqual([{ x: ['tls', 'dl', 'number one', 'number one', 'other', 'other'] }]);
  });

  it('gives the same answers with and without a tracer (which disables indexing)', () => {
    const q = e.prepare('x = data.f.hits').query!;
    const events: string[] = [];
    const traced = q.evaluate(undefined, { tracer: (op) => void events.push(op) });
    expect(traced.rows).toEqual(q.evaluate(undefined).rows);
    expect(traced.rows).toEqual([{ x: ['tls', 'dl', 'tls'] }]);
    // Traced, every definition of kind is entered for each distinct call.
    expect(events.filter((op) => op === 'enter').length).toBeGreaterThanOrEqual(8);
  });
});
