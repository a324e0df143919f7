import { describe, expect, it } from 'vitest';
import { run } from './test-support.js';

// Expected values are OPA 1.17.1's (../shared/bin/opa).
describe('closures and variables declared around them', () => {
  it('a some variable mentioned only inside a closure belongs to the closure', () => {
    expect(run('p := y if { some i; y := [x | x := input.xs[i]] }', { xs: [1, 2] })).toEqual([{ x: [1, 2] }]);
    expect(run('p := y if { some i; y := [z | z := [x | x := input.xs[i]]] }', { xs: [1, 2] })).toEqual([{ x: [[1, 2]] }]);
    expect(run('p if { some i; every x in [1] { x == i } }')).toEqual(['rego_unsafe_var_error: var i is unsafe']);
    expect(run('p := y if { some i; y := [x | x := input.xs[i]]; i = 0 }', { xs: [1, 2] })).toEqual([{ x: [1] }]);
  });

  it('closures in rule heads are checked and ordered like body closures', () => {
    expect(run('p := [x | x = y]')).toEqual(['rego_unsafe_var_error: var x is unsafe', 'rego_unsafe_var_error: var y is unsafe']);
    expect(run('p := [x | x = y[_]; y = input.a]', { a: [1] })).toEqual([{ x: [1] }]);
  });
});

describe('compilation stops at unsafe variables', () => {
  it('reports no type errors once a rule has unsafe variables (as OPA)', () => {
    expect(run('p if { not input.xs[_] != 10 }\nq := 1 - [1]', { xs: [1] })).toEqual(['rego_unsafe_var_error: var _ is unsafe']);
    expect(run('', {}, 'not x == 1; y := 1 - [1]')).toEqual(['rego_unsafe_var_error: var x is unsafe']);
  });
});
