import { describe, expect, it } from 'vitest';
import { run, TRUE } from './test-support.js';

// Expected values are OPA 1.17.1's (../shared/bin/opa).
describe('declared variables', () => {
  const unused = (name: string) => [`rego_compile_error: declared var ${name} unused`];

  it('a some or every variable nothing uses is a compile error', () => {
    expect(run('p if { some x; true }')).toEqual(unused('x'));
    expect(run('p if { some x, y; x = 1 }')).toEqual(unused('y'));
    expect(run('p if { every x in [1] { true } }')).toEqual(unused('x'));
    expect(run('p if { every k, v in [1] { v > 0 } }')).toEqual(unused('k'));
    expect(run('p := [1 | some x; true]')).toEqual(unused('x'));
    expect(run('p := 1 if { true } else := 2 if { some z; true }')).toEqual(unused('z'));
    expect(run('', undefined, 'some x; true')).toEqual(unused('x'));
  });

  it('uses count in the head and in nested closures; every\'s _ is not declared', () => {
    expect(run('p[x] := 1 if { some x; x = "a" }')).toEqual([{ x: { a: 1 } }]);
    expect(run('p if { every _, v in [1] { v > 0 } }')).toEqual(TRUE);
  });

  it('a comprehension that redeclares the name leaves the outer declaration unused', () => {
    expect(run('p := y if { some i; y := [i | i := 1] }')).toEqual(unused('i'));
  });

  it('a variable used before its := or some declaration is a compile error', () => {
    expect(run('p if { not input.a[x]; x := 1 }', {})).toEqual(['rego_compile_error: var x referenced above']);
    expect(run('p if { y := x + 1; x := lower("A") }')).toEqual(['rego_compile_error: var x referenced above']);
  });

  it('a `some` redeclaring a variable of its body is an error, named after the first declaration (as OPA)', () => {
    expect(run('p if { a := 1; some a in input.xs; a }')).toEqual(['rego_compile_error: var a assigned above']);
    expect(run('p if { a := 1; some k, a in input.xs; a }')).toEqual(['rego_compile_error: var a assigned above']);
    expect(run('p if { some a; a := 1 }')).toEqual(['rego_compile_error: var a declared above']);
    expect(run('f(a) if { some a in input; a }')).toEqual(['rego_compile_error: arg a redeclared']);
    expect(run('p if { a := 1; [a | some a in input] }')).toEqual([{ x: true }]);
  });

  it('only the local-variable errors are reported when there are any (OPA stops there)', () => {
    expect(run('p if { some x; true }\nq if { not y == 1 }')).toEqual(unused('x'));
    expect(run('p if { x := 1; x := 2 }\nq if { nope(1) }')).toEqual(['rego_compile_error: var x assigned above']);
  });
});
