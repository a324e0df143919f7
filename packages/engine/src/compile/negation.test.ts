import { describe, expect, it } from 'vitest';
import { run, TRUE } from './test-support.js';

// Expected values are OPA 1.17.1's (../shared/bin/opa).
describe('negation evaluates some operands first (as OPA)', () => {
  it('an undefined call argument makes the negation undefined', () => {
    expect(run('x := []\np if not regex.match("a", x[0][1])')).toEqual([]);
    expect(run('f(a, b) if a == b\np if not f(1, input.nothing)', {})).toEqual([]);
    expect(run('p if not is_string(input.missing)', {})).toEqual([]);
    expect(run('p if not input.missing != 1', {})).toEqual([]);
    expect(run('p if not 1 in input.missing', {})).toEqual([]);
  });

  it('an undefined ref segment makes the negation undefined', () => {
    expect(run('names := {"a"}\np if not names[input.missing]', {})).toEqual([]);
    expect(run('p if not input.a.b[input.c]', { a: {} })).toEqual([]);
    expect(run('p if not [input.missing]', {})).toEqual([]);
  });

  it('nested calls move out too: a call undefined inside another makes the negation undefined', () => {
    expect(run('p if not startswith(upper(input.missing), "A")', {})).toEqual([]);
    expect(run('p if not input.a[count(input.missing)]', { a: {} })).toEqual([]);
  });

  it('the negated expression\'s own ref, call and unification stay inside', () => {
    expect(run('p if not input.a', {})).toEqual(TRUE);
    expect(run('p if not input.a = 1', {})).toEqual(TRUE);
    expect(run('g(x) := input.missing\np if not g(1)', {})).toEqual(TRUE);
    expect(run('p if { some n in [5]; not input.xs[n] }', { xs: [0] })).toEqual(TRUE);
  });

  it('== in a module is a unification (its sides stay inside); in a query it is a call', () => {
    expect(run('p if not input.a == 1', {})).toEqual(TRUE);
    expect(run('p if not input.a[input.b] == 1', { a: {} })).toEqual([]);
    expect(run('', {}, 'not input.a == 1')).toEqual([]);
    expect(run('', {}, 'not input.a = 1')).toEqual([{}]);
  });

  it('a hoisted call binds its variables outside the negation', () => {
    expect(run('p if not count(input.xs[_]) == 0', { xs: [[1], []] }, 'x := [1 | data.t.p]')).toEqual([{ x: [1] }]);
  });

  it('the hoisted parts see the expression\'s with modifiers', () => {
    expect(run('p if { not upper(input.a) with input as {"a": "x"} }', {})).toEqual([]);
    expect(run('p if { not input.a[input.k] with input as {"a": {}, "k": "z"} }', {})).toEqual(TRUE);
  });

  it('import future.keywords.not negates the whole expression; not { … } keeps its variables', () => {
    const imp = 'import future.keywords.not\n';
    expect(run(`${imp}names := {"a"}\np if not names[input.missing]`, {})).toEqual(TRUE);
    expect(run(`${imp}p if { not { input.xs[_] == 3 } }`, { xs: [1] })).toEqual(TRUE);
    expect(run(`${imp}p if { not input.xs[_] == 3 }`, { xs: [1] })).toEqual(['rego_unsafe_var_error: var _ is unsafe']);
  });
});

describe('safety of negated expressions', () => {
  it('every variable of a negated expression must be bound elsewhere', () => {
    expect(run('p if not x == 1')).toEqual(['rego_unsafe_var_error: var x is unsafe']);
    expect(run('p if not input.xs[_] == 3', { xs: [1] })).toEqual(['rego_unsafe_var_error: var _ is unsafe']);
    expect(run('p if not input.xs[_]', { xs: [1] })).toEqual(['rego_unsafe_var_error: var _ is unsafe']);
    expect(run('p if { some x; not input.a[x] }', {})).toEqual(['rego_unsafe_var_error: var x is unsafe']);
    expect(run('p if { not input.a[x]; x := 1 }', {})).toEqual(['rego_compile_error: var x referenced above']);
  });
});
