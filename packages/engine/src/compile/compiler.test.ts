import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Engine } from '../api.js';
import type { Diagnostic } from '../errors.js';

function compileErrors(src: string): Diagnostic[] {
  const e = new Engine();
  const parse = e.addModule('m.rego', src);
  return parse.length ? parse : e.compile();
}

describe('compiler stages', () => {
  it('reports unsafe variables with their location', () => {
    const [err] = compileErrors('package t\np if {\n\tx > 1\n}');
    expect(err).toMatchObject({ code: 'rego_unsafe_var_error', message: 'var x is unsafe' });
    expect(err.location).toMatchObject({ file: 'm.rego', row: 3 });
    expect(err.frame).toContain('x > 1');
  });

  it('reorders body expressions so bindings come first', () => {
    const e = new Engine();
    e.addModule('m.rego', 'package t\np := y if {\n\ty > 1\n\ty = x + 1\n\tx = 5\n}');
    expect(e.compile()).toEqual([]);
    expect(e.prepare('x = data.t.p').query!.evaluate().rows).toEqual([{ x: 6 }]);
  });

  it('rejects unknown functions and wrong arity with rego_type_error', () => {
    expect(compileErrors('package t\np := nope(1)')[0]).toMatchObject({ code: 'rego_type_error', message: 'undefined function nope' });
    const [arity] = compileErrors('package t\np := count([1], [2], [3])');
    expect(arity.code).toBe('rego_type_error');
    expect(arity.message).toMatch(/^count: arity mismatch/);
  });

  it('rejects calls to builtins deprecated before OPA 1.0, unless allowed; same-named functions are fine', () => {
    const [err] = compileErrors('package t\np := any([true, false])');
    expect(err).toMatchObject({ code: 'rego_type_error', message: 'deprecated built-in function calls in expression: any' });
    expect(err.location).toMatchObject({ row: 2, col: 6 });
    for (const call of ['all([true])', 're_match("a", "a")', 'set_diff({1}, {2})', 'net.cidr_overlap("10.0.0.0/8", "10.1.1.1")', 'cast_array({1})']) {
      expect(compileErrors(`package t\np := ${call}`).map((e) => e.message)).toEqual([`deprecated built-in function calls in expression: ${call.slice(0, call.indexOf('('))}`]);
    }
    expect(compileErrors('package t\nall(xs) := count([x | some x in xs; x]) == count(xs)\np := all([true])')).toEqual([]);
    const e = new Engine({ allowDeprecatedBuiltins: true });
    e.addModule('m.rego', 'package t\np := any([false, true])\nq := set_diff({1, 2}, {2})');
    expect(e.compile()).toEqual([]);
    expect(e.prepare('x := [data.t.p, count(data.t.q)]').query!.evaluate().rows).toEqual([{ x: [true, 1] }]);
    // Queries are checked like modules.
    expect(new Engine().prepare('x := any([true])').errors[0]?.message).toBe('deprecated built-in function calls in expression: any');
  });

  it('checks constant arguments against declared types', () => {
    const [err] = compileErrors('package t\np := count(1)');
    expect(err.code).toBe('rego_type_error');
    expect(err.message).toContain('have: argument 1 number');
    expect(err.message).toContain('want: collection');
  });

  it('detects recursion', () => {
    const [err] = compileErrors('package t\np if q\nq if p');
    expect(err.code).toBe('rego_recursion_error');
    expect(err.message).toMatch(/data\.t\.p -> data\.t\.q -> data\.t\.p|data\.t\.q -> data\.t\.p -> data\.t\.q/);
  });

  it('rejects conflicting rule kinds and multiple defaults (rego_type_error, as OPA)', () => {
    expect(compileErrors('package t\np := 1\np contains 2')[0]).toMatchObject({ code: 'rego_type_error', message: 'conflicting rules data.t.p found' });
    expect(compileErrors('package t\ndefault p := 1\ndefault p := 2')[0]).toMatchObject({ code: 'rego_type_error', message: 'multiple default rules data.t.p found at m.rego:2, m.rego:3' });
  });

  it('reports rule conflicts after local-variable and `with` errors, before undefined functions (OPA\'s stage order)', () => {
    const codes = (src: string) => compileErrors(src).map((e) => `${e.code}: ${e.message.split('\n')[0]}`);
    expect(codes('package t\ns contains 1\ns := 2\nq if { some a }')).toEqual(['rego_compile_error: declared var a unused']);
    expect(codes('package t\ndefault d := 1\ndefault d := 2\nq if { x := 1; x := 2 }')).toEqual(['rego_compile_error: var x assigned above']);
    expect(codes('package t\ns contains 1\ns := 2\nq if { x := 1 with foo as 2 }')).toEqual([
      'rego_type_error: with keyword target must reference existing input, data, or a function',
    ]);
    expect(codes('package t\ns contains 1\ns := 2\nq if { undefined_fn(1) }')).toEqual(['rego_type_error: conflicting rules data.t.s found']);
  });

  it('stops at the first failing stage, as OPA does', () => {
    const codes = (src: string) => compileErrors(src).map((e) => `${e.code}: ${e.message.split('\n')[0]}`);
    // A bad `with` target hides the unsafe value; wrong arity comes before safety and recursion.
    expect(codes('package t\np if { true with f2 as f2 }')).toEqual(['rego_type_error: with keyword target must reference existing input, data, or a function']);
    expect(codes('package t\np if { count(x, 1, 2) }')).toEqual(['rego_type_error: count: arity mismatch']);
    expect(codes('package t\nf(a) := 1\np if { f(x, 1, 2) }')).toEqual(['rego_type_error: function data.t.f has arity 1, got 3 arguments']);
    expect(codes('package t\np if { nope(1); count(1, 2, 3) }')).toEqual(['rego_type_error: undefined function nope', 'rego_type_error: count: arity mismatch']);
    // Recursion hides type errors of the rules involved.
    expect(codes('package t\np := count(0) if q\nq if p').every((c) => c.startsWith('rego_recursion_error'))).toBe(true);
    // Queries too: arity before safety, safety before types.
    expect(new Engine().prepare('count(x, 1, 2)').errors.map((e) => e.message.split('\n')[0])).toEqual(['count: arity mismatch']);
    expect(new Engine().prepare('x := count(0); y > 1').errors.map((e) => e.code)).toEqual(['rego_unsafe_var_error']);
  });

  it('rejects redeclaring a variable with :=', () => {
    expect(compileErrors('package t\np if {\n\tx := 1\n\tx := 2\n}')[0]).toMatchObject({ code: 'rego_compile_error', message: 'var x assigned above' });
  });
});

// Property: whatever the module text, parsing + compiling never throws and every error is coded
// and located. Mutations of a realistic module reach deep into the compiler.
const SEED = `package t
import rego.v1
default allow := false
allow if { some x in input.items; x.kind == "Pod"; not bad[x.name] }
bad contains n if { some c in input.items[_].spec.containers; n := c.name; startswith(c.image, "x") }
f(a, b) := a + b if a > 0
m[k] := v if { some k, v in input.labels; v != "" }
s := [y | some y in numbers.range(1, 3)]
`;
const TOKENS = ['{', '}', '(', ')', '[', ']', ':=', '=', 'if', 'not', 'some', 'in', 'every', 'x', 'input', 'data', '"s"', '1', ',', ';', '\n', 'contains', 'else', 'with', 'as', '|', 'default'];

describe('compiler robustness (property)', () => {
  it('never throws and reports only coded, located errors on mutated modules', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(SEED.length), fc.nat(8), fc.constantFrom(...TOKENS)), { maxLength: 6 }), (edits) => {
        let src = SEED;
        for (const [pos, del, tok] of edits) src = src.slice(0, pos) + ' ' + tok + ' ' + src.slice(Math.min(src.length, pos + del));
        const errs = compileErrors(src);
        for (const e of errs) {
          expect(e.code).toMatch(/^rego_(parse|compile|type|unsafe_var|recursion)_error$/);
          expect(e.location?.row ?? 0).toBeGreaterThan(0);
        }
        if (errs.length === 0) {
          const e = new Engine();
          e.addModule('m.rego', src);
          e.compile();
          const r = e.prepare('x = data.t').query?.evaluate({ items: [{ kind: 'Pod', name: 'a', spec: { containers: [{ name: 'c', image: 'xy' }] } }], labels: { a: 'b' } }, { maxSteps: 100_000 });
          if (r?.error) expect(r.error.code).toMatch(/^eval_/);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('operator calls are not shadowed by rule names', () => {
  it('keeps `in` working in a package with a rule named internal', () => {
    const e = new Engine();
    e.addModule('m.rego', 'package r\ninternal := 1\np if 1 in {1}');
    expect(e.compile()).toEqual([]);
    expect(e.prepare('x = data.r.p').query!.evaluate().rows).toEqual([{ x: true }]);
  });
});

describe('error reporting', () => {
  it('reports an unknown function once, without follow-on type errors', () => {
    const errs = compileErrors('package t\np := object.union(nope.new("x"), {"a": 1})');
    expect(errs.map((e) => e.message)).toEqual(['undefined function nope.new']);
  });
});

describe('allowedBuiltins (OPA capabilities)', () => {
  const src = 'package p\nimport rego.v1\n\nok if count([1]) == 1\n\nbad if {\n\tr := http.send({"url": "x", "method": "GET"})\n\tprint(r)\n}\n';
  it('makes calls to builtins left out undefined functions, each with its location', () => {
    const e = new Engine({ allowedBuiltins: { names: ['count', 'equal', 'eq'] } });
    e.addModule('p.rego', src);
    expect(e.compile().map((d) => `${d.location?.row}:${d.location?.col} ${d.code}: ${d.message}`)).toEqual([
      '7:7 rego_type_error: undefined function http.send',
      '8:2 rego_type_error: undefined function print',
    ]);
  });
  it('accepts the listed builtins (print through internal.print) and spares modules appliesTo leaves out', () => {
    const all = new Engine({ allowedBuiltins: { names: ['count', 'equal', 'http.send', 'internal.print'] } });
    all.addModule('p.rego', src);
    expect(all.compile()).toEqual([]);
    const spared = new Engine({ allowedBuiltins: { names: ['count'], appliesTo: (f) => f !== 'p.rego' } });
    spared.addModule('p.rego', src);
    expect(spared.compile()).toEqual([]);
  });
});
