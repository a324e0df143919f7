import { describe, expect, it } from 'vitest';
import { Engine } from '../api.js';
import type { Diagnostic } from '../errors.js';
import { T } from '../builtins/signature.js';
import { RSet } from '../value/types.js';
import { fits, typeOfValue } from './type-lattice.js';

function compileErrors(src: string): Diagnostic[] {
  const e = new Engine();
  const parse = e.addModule('m.rego', src);
  return parse.length ? parse : e.compile();
}

/** Compiles `package t` + `body`; returns the errors. */
function errorsOf(body: string): Diagnostic[] {
  return compileErrors(`package t\n\n${body}\n`);
}

function messages(body: string): string[] {
  return errorsOf(body).map((e) => e.message);
}

const invalid = (name: string, n: number, have: string, want: string) => `${name}: invalid argument(s)\n\thave: argument ${n} ${have}\n\twant: ${want}`;

describe('check-types: unifications and iteration (OPA\'s match errors and undefined refs)', () => {
  const codes = (body: string) => errorsOf(body).map((e) => `${e.location?.row}: ${e.message}`);
  it('reports unifications (and == in modules) of types that cannot meet, at the expression', () => {
    expect(codes('p if {\n\t0 == ""\n}')).toEqual(['4: match error']);
    expect(codes('p if {\n\tnot 0 == ""\n}')).toEqual(['4: match error']);
    expect(codes('p if {\n\tx := 1\n\tx = "a"\n}')).toEqual(['5: match error']);
    expect(codes('p if {\n\tcount(input.x) == "a"\n}')).toEqual(['4: match error']);
    expect(codes('p if {\n\t[a, 1] = ["x", "y"]\n}')).toEqual(['4: match error']);
    expect(codes('p if {\n\t[1] == [1, 2]\n}')).toEqual(['4: match error']);
    expect(codes('p if {\n\t{} == set()\n}')).toEqual(['4: match error']);
    expect(codes('p := [1 | 0 == ""]')).toEqual(['3: match error']);
    expect(codes('p if {\n\tx := {"a": 1}\n\tx.a == "s"\n}')).toEqual(['5: match error']);
    expect(new Engine().prepare('x := 1; x = "a"').errors.map((e) => e.message)).toEqual(['match error']);
  });
  it('accepts unifications that may hold', () => {
    for (const b of ['x := 1\n\tx == 1.5', 'input.a == 1', '[a, b] := [1, "s"]', '[1] == [2]']) {
      expect(codes(`p if {\n\t${b}\n}`)).toEqual([]);
    }
  });
  it('reports iteration over scalars and refs into scalar locals', () => {
    expect(codes('p if {\n\tsome x in 1\n}')).toEqual(['4: match error']);
    expect(codes('p if {\n\tsome k, v in ""\n\tk == v\n}')).toEqual(['4: match error']);
    expect(codes('p if {\n\ty := "s"\n\tsome x in y\n\tx\n}')).toEqual(['5: undefined ref: y[_]']);
    expect(codes('p if {\n\ty := 2\n\ty[_]\n}')).toEqual(['5: undefined ref: y[_]']);
    expect(codes('p if {\n\tx := [1]\n\tx[0][1]\n}')).toEqual(['5: undefined ref: x[0][1]']);
    expect(codes('p if {\n\tx := 1\n\tx.foo\n}')).toEqual(['5: undefined ref: x.foo']);
    // Not OPA's errors: `every` over a scalar, input of unknown type, a literal ref head.
    for (const b of ['every x in 5 { x > 0 }', 'some x in input.n\n\tx']) expect(codes(`p if {\n\t${b}\n}`)).toEqual([]);
  });
});

describe('check-types: inferred argument types (errors)', () => {
  it('reports a string local added to a number, at the argument', () => {
    const errs = errorsOf('p if {\n\tx := "a"\n\ty := x + 1\n}');
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ code: 'rego_type_error', message: invalid('plus', 1, 'string', 'x: number') });
    expect(errs[0].location).toMatchObject({ file: 'm.rego', row: 5, col: 7 });
  });

  it('types builtin results: lower() is a string, count() a number', () => {
    expect(messages('r if {\n\ts := lower(input.name)\n\ts > 1\n\tt := s * 2\n}')).toEqual([invalid('mul', 1, 'string', 'x: number')]);
    expect(messages('r if {\n\tn := count(input.xs)\n\tupper(n) == "X"\n}')).toEqual([invalid('upper', 1, 'number', 'x: string')]);
    // Nested calls need no variable.
    expect(messages('r := lower(count(input.xs))')).toEqual([invalid('lower', 1, 'number', 'x: string')]);
  });

  it('types composite literals with their element types', () => {
    expect(messages('r if {\n\ta := 1\n\txs := [a, 2]\n\tconcat(",", xs) != ""\n}')).toEqual([
      invalid('concat', 2, 'array[number]', 'collection: any<array[string], set[string]>'),
    ]);
    expect(messages('r if {\n\tv := count(input.a)\n\tstrings.replace_n({"a": v}, "abc") != ""\n}')).toEqual([
      invalid('strings.replace_n', 1, 'object[string: number]', 'patterns: object[string: string]'),
    ]);
  });

  it('types comprehensions as collections of their term types', () => {
    expect(messages('r if {\n\txs := [x | some x in input.a]\n\tlower(xs) == ""\n}')).toEqual([invalid('lower', 1, 'array[any]', 'x: string')]);
    expect(messages('r if {\n\ts := {x | some x in input.a}\n\ts + 1 > 0\n}')).toEqual([invalid('plus', 1, 'set[any]', 'x: number')]);
    expect(messages('r if {\n\to := {k: 1 | some k in input.a}\n\tabs(o) > 0\n}')).toEqual([invalid('abs', 1, 'object[any: number]', 'x: number')]);
    expect(errorsOf('r if {\n\t[0 | a := 0] == [""]\n}').map((e) => e.message)).toEqual(['match error']);
    expect(errorsOf('r if {\n\t[x | some x in input.a] == [""]\n}')).toEqual([]);
  });

  it('types union results (minus is number or set)', () => {
    expect(messages('r if {\n\td := input.a - input.b\n\tlower(d) == ""\n}')).toEqual([invalid('lower', 1, 'any<number, set[any]>', 'x: string')]);
  });

  it('types loop variables over collections of known element type, in some … in and every', () => {
    expect(messages('r if {\n\tsome x in ["a", "b"]\n\tx * 2 > 0\n}')).toEqual([invalid('mul', 1, 'string', 'x: number')]);
    expect(messages('r if {\n\tsome i, x in split(input.s, ",")\n\tupper(i) == x\n}')).toEqual([invalid('upper', 1, 'number', 'x: string')]);
    // OPA's type checker does not look inside `every` bodies (only at comprehensions there).
    expect(messages('r if {\n\tevery x in split(input.s, ",") {\n\t\tabs(x) > 0\n\t}\n}')).toEqual([]);
    // There the loop variables are untyped.
    expect(messages('r if {\n\tevery x in split(input.s, ",") {\n\t\tys := [1 | abs(x) > 0]\n\t\tcount(ys) > 0\n\t}\n}')).toEqual([]);
  });

  it('lets types flow into comprehension bodies (also inside every), and not', () => {
    expect(messages('r if {\n\ts := "a"\n\txs := [y | some y in input.a; z := s / y]\n\tcount(xs) > 0\n}')).toEqual([invalid('div', 1, 'string', 'x: number')]);
    expect(messages('r if {\n\ts := "a"\n\tevery y in input.a {\n\t\ty > s - 1\n\t}\n}')).toEqual([]);
    expect(messages('r if {\n\ts := "a"\n\tevery y in input.a {\n\t\tzs := [z | z := s - 1]\n\t\tcount(zs) > y\n\t}\n}')).toEqual([invalid('minus', 1, 'string', 'x: any<number, set[any]>')]);
    expect(messages('r if {\n\ts := "a"\n\tnot s * 2 == 4\n}')).toEqual([invalid('mul', 1, 'string', 'x: number')]);
  });

  it('checks rule heads, function bodies and else clauses', () => {
    expect(messages('p := x + 1 if {\n\tx := "a"\n}')).toEqual([invalid('plus', 1, 'string', 'x: number')]);
    expect(messages('f(a) := r if {\n\ts := sprintf("%v", [a])\n\tr := s - 1\n}')).toEqual([invalid('minus', 1, 'string', 'x: any<number, set[any]>')]);
    expect(messages('p := 1 if {\n\tinput.a\n} else := y if {\n\tx := "s"\n\ty := x * 2\n}')).toEqual([invalid('mul', 1, 'string', 'x: number')]);
    expect(messages('p[k] := 1 if {\n\tk := upper(input.a)\n\tk % 2 == 0\n}')).toEqual([invalid('rem', 1, 'string', 'x: number')]);
  });

  it('types output arguments, destructuring, and refs into typed locals', () => {
    expect(messages('r if {\n\tplus(1, input.a, n)\n\tlower(n) == ""\n}')).toEqual([invalid('lower', 1, 'number', 'x: string')]);
    expect(messages('r if {\n\t[a, b] := [1, lower(input.x)]\n\tb * a > 0\n}')).toEqual([invalid('mul', 1, 'string', 'x: number')]);
    expect(messages('r if {\n\t{"k": v} := {"k": upper(input.x)}\n\tv - 1 > 0\n}')).toEqual([invalid('minus', 1, 'string', 'x: any<number, set[any]>')]);
    expect(messages('r if {\n\t[a, b] := [1, "s"]\n\tlower(a) == b\n}')).toEqual([invalid('lower', 1, 'number', 'x: string')]);
    expect(messages('r if {\n\tparts := split(input.s, ".")\n\tparts[0] + 1 > 0\n}')).toEqual([invalid('plus', 1, 'string', 'x: number')]);
    expect(messages('r if {\n\tx := "a"\n\ty := x\n\tz := [y]\n\tz[0] + 1 > 0\n}')).toEqual([invalid('plus', 1, 'string', 'x: number')]);
  });

  it('types template strings as strings and booleans/null constants as themselves', () => {
    expect(messages('r if {\n\ts := $"{input.a}!"\n\tabs(s) > 0\n}')).toEqual([invalid('abs', 1, 'string', 'x: number')]);
    expect(messages('r if {\n\tb := startswith(input.a, "x")\n\tb + 1 > 0\n}')).toEqual([invalid('plus', 1, 'boolean', 'x: number')]);
    expect(messages('r if {\n\tn := null\n\tcount(n) > 0\n}')).toEqual([invalid('count', 1, 'null', 'collection: any<string, array[any], object[any: any], set[any]>')]);
  });

  it('reports each bad argument once, and never a call check-calls already rejected', () => {
    // check-calls reports the constant second argument; the inferred first one is not added.
    const errs = messages('r if {\n\tx := "a"\n\ty := plus(x, "b")\n}');
    expect(errs).toEqual([invalid('plus', 2, 'string', 'y: number')]);
    // Two bad arguments of one call; a call inside a comprehension inside a head is checked once.
    expect(messages('r if {\n\tx := "a"\n\ty := x * x\n}')).toEqual([invalid('mul', 1, 'string', 'x: number'), invalid('mul', 2, 'string', 'y: number')]);
    expect(messages('p := [y | y := s + 1] if {\n\ts := "a"\n}')).toEqual([invalid('plus', 1, 'string', 'x: number')]);
  });

  it('checks queries', () => {
    const { errors } = new Engine().prepare('x := "a"; y := x + 1');
    expect(errors.map((e) => e.message)).toEqual([invalid('plus', 1, 'string', 'x: number')]);
    expect(new Engine().prepare('x := input.a; y := x + 1').errors).toEqual([]);
  });
});

describe('check-types: what must not be reported', () => {
  const clean = (body: string) => expect(errorsOf(body)).toEqual([]);

  it('values from input, data, non-constant rule values and function results are unknown', () => {
    clean('p if {\n\tx := input.a\n\ty := x + 1\n\tlower(x) == "a"\n}');
    clean('p if {\n\tx := data.cfg.name\n\ty := x * 2\n}');
    clean('q := y if {\n\ty := input.s\n}\np if {\n\tx := q\n\ty := x + 1\n}');
    // A rule whose every value is a constant is typed by them, as OPA types rules.
    expect(messages('q := "s"\np if {\n\tx := q\n\ty := x + 1\n}')).toEqual([invalid('plus', 1, 'string', 'x: number')]);
    expect(messages('p0 := "p0"\nr if {\n\tsome x in p0\n\tx\n}')).toEqual(['undefined ref: data.t.p0[_]']);
    expect(messages('default n := 0\nn := 1 if input.a\nr if {\n\tn == "a"\n}')).toEqual(['match error']);
    expect(messages('n := 0 if input.a\nn := [1] if input.b\nr if {\n\tn[0]\n}')).toEqual([]);
    expect(new Engine().prepare('data.x.s0[k]').errors).toEqual([]);
    clean('f(x) := x\np if {\n\ty := f("a") + 1\n}');
    // OPA types the argument from its use in `plus`: a string argument is rejected.
    expect(messages('f(x) := y if {\n\ty := x + 1\n}\np := f("a")')).toEqual(['data.t.f: invalid argument(s)']);
    clean('p if {\n\tsome x in input.xs\n\tx + 1 > lower(x)\n}');
    clean('p if {\n\tsome k, v in input.m\n\tk + v > 0\n}');
  });

  it('a binding after an unknown one does not refine the type (first binding wins)', () => {
    clean('p if {\n\tx = input.a\n\tx = "s"\n\ty := x + 1\n}');
    clean('p if {\n\tinput.a[i] = "s"\n\ti = "k"\n\tupper(i) == "K"\n}');
    clean('p if {\n\tx := input.a\n\t[x, y] = ["s", 1]\n\tx + y > 0\n}');
  });

  it('leaves scoping errors to other stages', () => {
    expect(messages('p if {\n\tx := 1\n\tx := 2\n\ty := x + 1\n}')).toEqual(['var x assigned above']);
    expect(messages('p if {\n\tx := 1\n\tx := "a"\n\ty := x + 1\n}')).toEqual(['var x assigned above']);
    expect(messages('p if {\n\ty := x + 1\n\tx := lower(z)\n}')).toEqual(['var x referenced above']);
    const unsafe = errorsOf('p if {\n\ty := x + 1\n\tx = lower(z)\n}');
    expect(unsafe.length).toBeGreaterThan(0);
    expect(unsafe.every((e) => e.code === 'rego_unsafe_var_error')).toBe(true);
  });

  it('accepts numbers of any size, strings for count, sets for concat, any arguments for sprintf', () => {
    clean('p if {\n\tx := 18446744073709551616\n\ty := x + 1\n\tz := bits.lsh(x, 2)\n}');
    clean('p if {\n\ts := lower(input.a)\n\tcount(s) > 1\n}');
    clean('p if {\n\ts := {lower(input.a), "b"}\n\tconcat(",", s) != ""\n}');
    clean('p if {\n\tn := 1\n\tsprintf("%v %v %v", [n, "a", {n}]) != ""\n}');
    clean('p if {\n\tn := 1\n\tprint(n, "a", [n])\n}');
    clean('p if {\n\tx := [1, "a"]\n\tconcat(",", x) != ""\n}');
  });

  it('comparisons and membership accept any types', () => {
    clean('p if {\n\ts := "a"\n\ts < 1\n\ts != [1]\n\t{s} > 2\n\ts in [1, 2]\n\t1, s in {1: "a"}\n\tx := (s == 1)\n}');
    // Queries keep `==` a comparison (OPA rewrites it to `=` only in modules).
    expect(new Engine().prepare('s := "a"; s == 1').errors).toEqual([]);
  });

  it('set operators: unknowns, {} (an empty object read as a set) and set differences', () => {
    clean('p if {\n\tx := input.a | input.b\n\ty := input.a & {1}\n}');
    clean('p if {\n\to := {}\n\ts := o | {1}\n\tcount(o) == 0\n}');
    clean('p if {\n\ta := {1}\n\tb := {lower(input.x)}\n\tc := a - b\n\tcount(c) > 0\n}');
    clean('p if {\n\tn := 5 - count(input.a)\n\tn + 1 > 0\n}');
  });

  it('separate bodies, else clauses, comprehensions and every do not share types', () => {
    clean('p := y if {\n\tinput.a\n\tx := "a"\n\ty := x\n} else := y if {\n\tx := 1\n\ty := x + 1\n}');
    clean('p if {\n\tx := "a"\n}\np if {\n\tx := 1\n\tx + 1 > 0\n}');
    clean('p if {\n\tx := "a"\n\tys := [y | some x in [1, 2]; y := x + 1]\n\tcount(ys) > 0\n}');
    clean('p if {\n\tx := "a"\n\tevery x in [1, 2] {\n\t\tx + 1 > 0\n\t}\n}');
    clean('p if {\n\tnot q\n\tx := 1\n\tx + 1 > 0\n}\nq if {\n\tx := "a"\n\tupper(x) == "A"\n}');
  });

  it('results the catalog declares as any are unknown (object.get, max, json.unmarshal, walk)', () => {
    clean('p if {\n\tv := object.get({"a": 1}, "a", 0)\n\tlower(v) == ""\n}');
    clean('p if {\n\tm := max([1, 2])\n\tupper(m) == ""\n}');
    clean('p if {\n\tv := json.unmarshal("1")\n\tv + 1 > 0\n\tupper(v) == ""\n}');
    clean('p if {\n\twalk(input, [path, v])\n\tlower(v) == ""\n\tcount(path) > 0\n}');
  });

  it('builtin results OPA declares as any are any (object.remove, object.filter, object.subset)', () => {
    clean('p if {\n\tx := object.remove({}, [])\n\tlower(x)\n}');
    clean('q := lower(object.filter({}, []))');
    clean('p0 := startswith("a", object.subset({}, {}))');
  });

  it('does not blame keys of composite key types', () => {
    clean('s0 contains b[b] if {\n\tb := {{0: ""}: 0 | a := 0}\n}');
  });

  it('mocked builtins and functions keep their declared types (as OPA)', () => {
    expect(messages('mock_count(_) := "s"\np if {\n\ty := count(input.a) with count as mock_count\n\tupper(y) == "S"\n}')).toEqual([invalid('upper', 1, 'number', 'x: string')]);
    expect(messages('f(x) := x\np if {\n\ty := lower(input.a) with lower as f\n\ty + 1 > 0\n}')).toEqual([invalid('plus', 1, 'string', 'x: number')]);
    clean('p if {\n\ty := lower(input.a) with input.a as 1\n\tcount(y) > 0\n}');
  });

  it('experimental and/or: types flow into operands, operand bindings stay unknown', () => {
    const e = new Engine({ experimentalLogic: true });
    e.addModule(
      'm.rego',
      'package t\nimport future.keywords.or\np if {\n\ts := "a"\n\ts * 2 > 0 or true\n}\n' +
        'q if {\n\t{ y := "s"; count(y) > 0 } or { y := 1; y + 1 > 0 }\n}\nr if {\n\tx := input.a\n\tx = "s" or x = 1\n\tx + 1 > 0\n}\n',
    );
    expect(e.compile().map((d) => [d.message, d.location?.row])).toEqual([[invalid('mul', 1, 'string', 'x: number'), 5]]);
  });

  it('function arguments used only as values, or not at all, take any argument', () => {
    clean('f(x) := x\ng(x, y) := 1 if y > 0\np := f("a") + g("b", [])');
  });
});

describe('check-types: type helpers', () => {
  it('fits: any and unions are lenient, kinds and element kinds must agree', () => {
    expect(fits(T.string, T.any)).toBe(true);
    expect(fits(T.any, T.number)).toBe(true);
    expect(fits(T.union(T.number, T.string), T.string)).toBe(true);
    expect(fits(T.string, T.union(T.array(T.string), T.set(T.string)))).toBe(false);
    expect(fits(T.array(T.number), T.union(T.array(T.string), T.set(T.string)))).toBe(false);
    expect(fits(T.array(T.any), T.array(T.string))).toBe(true);
    expect(fits(T.set(T.number), T.array(T.number))).toBe(false);
    expect(fits(T.object(T.string, T.number), T.object(T.string, T.any))).toBe(true);
    expect(fits(T.object(T.number, T.string), T.object(T.string, T.string))).toBe(true);
    expect(fits(T.object(T.string, T.number), T.object(T.string, T.string))).toBe(false);
  });

  it('typeOfValue: element unions, limited depth and size, lenient empty object', () => {
    expect(typeOfValue([1, 'a'], 2)).toEqual(T.array(T.union(T.number, T.string)));
    expect(typeOfValue(new RSet([1n]), 2)).toEqual(T.set(T.number));
    // Two levels of elements are enumerated; below that only the kind is kept.
    expect(typeOfValue([[[1]]], 2)).toEqual(T.array(T.array(T.array(T.any))));
    expect(typeOfValue(Array.from({ length: 100 }, (_, i) => i), 2)).toEqual(T.array(T.any));
    expect(fits(typeOfValue({}, 2), T.set())).toBe(true);
    expect(fits(typeOfValue({}, 2), T.object())).toBe(true);
  });
});

describe('check-types: rule and function types (OPA\'s types of rules, in dependency order)', () => {
  const codes = (body: string) => errorsOf(body).map((e) => `${e.location?.row}: ${e.message}`);
  it('types a complete rule from the value its body computes, joining its definitions', () => {
    expect(codes('n := c if {\n\tc := count(input.xs)\n}\np if n.a')).toEqual(['6: undefined ref: data.t.n.a']);
    expect(codes('n := count(input.xs)\np if {\n\tupper(n)\n}')).toEqual([`5: ${invalid('upper', 1, 'number', 'x: string')}`]);
    // One definition of unknown type makes the whole rule unknown.
    expect(codes('n := count(input.xs)\nn := input.y\np if n.a')).toEqual([]);
  });
  it('types partial sets by their members and object rules by their key and value', () => {
    expect(codes('s contains "a"\np if {\n\tnull == s[_]\n}')).toEqual(['5: match error']);
    expect(codes('s contains "a"\np if s[0]')).toEqual(['4: undefined ref: data.t.s[0]']);
    expect(codes('s contains "a"\np := k[k] if s[k]')).toEqual(['4: undefined ref: k[k]']);
    expect(codes('o[k] := 1 if some k in ["a"]\np if o[1]')).toEqual(['4: undefined ref: data.t.o[1]']);
    // A scalar constant key is a path to OPA, not an object type; a composite one is a key type.
    expect(codes('o[0] := 1\np if o[1]')).toEqual([]);
    expect(codes('o[[]] := ""\nq := o[null]')).toEqual(['4: undefined ref: data.t.o[null]']);
  });
  it('types functions by their arguments\' use and their values, joining definitions position by position', () => {
    expect(codes('f("a") := 0\np := f([])')).toEqual(['4: data.t.f: invalid argument(s)']);
    expect(codes('f(x) := [x]\np := 0 + f("")')).toEqual([`4: ${invalid('plus', 2, 'array[any]', 'y: number')}`]);
    expect(codes('f(x) := 0 if upper(x)\nf(x) := 1 if abs(x)\np := f(1) + f("a")')).toEqual([]);
    expect(codes('f(x, y) := 1 if {\n\tx == ""\n}\np := f(1, 2)')).toEqual(['6: data.t.f: invalid argument(s)']);
    expect(new Engine().addModule('m.rego', 'package t\nf(x) := 0 if upper(x)\n').length).toBe(0);
  });
  it('types a document with rules below it as an object (of any values: base data may add keys)', () => {
    expect(codes('r.z := 0\nq if {\n\t0 == r\n}')).toEqual(['5: match error']);
    expect(codes('o.k := "o"\nq := a[_] if o[a]')).toEqual(['4: undefined ref: a[_]']);
    expect(codes('o.k := "o"\nq := product(data.t.o)')).toEqual([`4: ${invalid('product', 1, 'object[string: any]', 'collection: any<array[number], set[number]>')}`]);
    expect(codes('r.z := 0\nr.y := "a"\nq if {\n\tx := r[k]\n\tx == null\n}')).toEqual([]);
    expect(codes('r.z := 0\nq if {\n\tx := data.t.r\n\tx.y == ""\n\tr[0]\n}')).toEqual([]);
  });
  it('object literals unify only with the same keys (an empty object with any)', () => {
    expect(codes('q if {\n\t{"a": 1} == {"a": 1, "b": 2}\n}')).toEqual(['4: match error']);
    expect(codes('q if {\n\tnot {0: 0} == {0: 0, "": null}\n}')).toEqual(['4: match error']);
    expect(codes('q if {\n\t{"a": 1} == {"a": "s"}\n}')).toEqual(['4: match error']);
    expect(codes('q if {\n\t{} == {"a": 1}\n\t{"a": 2} == {"a": 1}\n}')).toEqual([]);
  });
  it('a function replacing a builtin or function under `with` must take as many arguments of types that meet', () => {
    expect(codes('f1(x, y, z) := 0\np if {\n\t"" == "" with concat as f1\n}')).toEqual(['5: concat: arity mismatch']);
    expect(codes('f1(x, 1) := 0\np if {\n\t"" == "" with concat as f1\n}')).toEqual(['5: concat: arity mismatch']);
    expect(codes('g(x) := 1 if abs(x)\np if {\n\t"" == "" with g as upper\n}')).toEqual(['5: data.t.g: arity mismatch']);
    expect(codes('f1(x) := 0 if upper(x)\np if {\n\t"" == "" with count as f1\n}')).toEqual([]);
  });
  it('a rule or function with a type error in its body is unknown to its users', () => {
    expect(codes('f(x) := 1 if {\n\tupper(x)\n\t1 == ""\n}\np := f(1)')).toEqual(['5: match error']);
  });
  it('types rules in dependency order without nesting (a chain of 3,000 rules)', () => {
    const chain = Array.from({ length: 3000 }, (_, i) => `r${i} := r${i + 1}`).join('\n');
    expect(messages(`${chain}\nr3000 := "s"\np := r0 + 1`)).toEqual([invalid('plus', 1, 'string', 'x: number')]);
  });
  it('queries read the rule types of their modules', () => {
    const e = new Engine();
    e.addModule('m.rego', 'package t\nf(x) := 0 if upper(x)\ns contains "a"\n');
    expect(e.compile()).toEqual([]);
    expect(e.prepare('x := data.t.f(1)').errors?.map((d) => d.message)).toEqual(['data.t.f: invalid argument(s)']);
    expect(e.prepare('data.t.s[0]').errors?.map((d) => d.message)).toEqual(['undefined ref: data.t.s[0]']);
  });
});
