import { describe, expect, it } from 'vitest';
import { loadFile } from '../load.js';
import { evaluateJsonnet } from './jsonnet.js';

const ev = (src: string) => evaluateJsonnet(src);

describe('Jsonnet, evaluated to the JSON conftest gives policies', () => {
  it('evaluates objects with late-bound self, super, +:, hidden and forced-visible fields', () => {
    expect(ev('local base = {x: 1, y: self.x * 2}; base + {x: 10}')).toEqual({ x: 10, y: 20 });
    expect(ev('{a: {b: 1}} + {a+: {c: 2}}')).toEqual({ a: { b: 1, c: 2 } });
    expect(ev('{a: 1} + {a: super.a + 1, h:: 5} + {h: 6}')).toEqual({ a: 2 });
    expect(ev('{a:: 1} + {a::: 2}')).toEqual({ a: 2 });
    expect(ev('{ local x = self.y, y: 1, z: x + 1, c: { d: $.y } }')).toEqual({ y: 1, z: 2, c: { d: 1 } });
    expect(ev('{f(x):: x * 2, r: self.f(4), "quoted key": 1, @"verb""atim": 3}')).toEqual({ r: 8, 'quoted key': 1, 'verb"atim': 3 });
  });

  it('manifests object fields sorted by name, as jsonnet does', () => {
    expect(Object.keys(ev('{b: 1, a: 2, c: 3}') as object)).toEqual(['a', 'b', 'c']);
  });

  it('evaluates functions, defaults, named arguments, comprehensions, conditionals and slices', () => {
    expect(ev('local f(x, y=2) = x + y; [f(1), f(1, 3), f(y=5, x=1)]')).toEqual([3, 4, 6]);
    expect(ev('[x * 2 for x in [1,2,3] if x != 2]')).toEqual([2, 6]);
    expect(ev('{[k]: std.length(k) for k in ["a", "bb"]}')).toEqual({ a: 1, bb: 2 });
    expect(ev('if 1 > 2 then "a"')).toBeNull();
    expect(ev('"hello"[1:3] + "|" + std.toString([1,2,3,4,5][::2])')).toBe('el|[1, 3, 5]');
    expect(ev('local fib(n) = if n < 2 then n else fib(n-1) + fib(n-2); fib(15)')).toBe(610);
    expect(ev('function(x=1) {v: x}')).toEqual({ v: 1 });
  });

  it('applies Jsonnet operators: concatenation with conversion, equality, bitwise on integers, modulo', () => {
    expect(ev("{s: '123' + 4, e1: 1 == '1', e2: [{}, {x: 3 - 1}] == [{}, {x: 2}], has: 'foo' in {foo: 1}}")).toEqual({ s: '1234', e1: false, e2: true, has: true });
    expect(loadFile('k.jsonnet', '{in: 1}').errors[0]!.message).toContain('keyword in cannot be a field name');
    expect(ev('[1 << 3, 17 >> 1, 6 & 3, 6 ^ 3, ~5, -7 % 3, 7 % -3, (1 + 2 * 3 / (4 + 5)) | 3]')).toEqual([8, 8, 2, 5, -6, -1, 1, 3]);
  });

  it('formats with % as std.format does (std.jsonnet rounding, %g trimming, mapping keys)', () => {
    expect(ev('"%5d|%-5d|%05d|%x|%X|%#o|%+d" % [42, 42, 42, 255, 255, 8, 3]')).toBe('   42|42   |00042|ff|FF|010|+3');
    expect(ev('"%e %E %.3e %g %g %g %G" % [12345.678, 0.00012, 1, 0.0001, 1e-5, 123456789, 1e20]')).toBe('1.234568e+04 1.200000E-04 1.000e+00 0.0001 1e-05 1.23457e+08 1E+20');
    expect(ev('"%.0f %.1f %#.0f %10.3f %-10.2f|" % [2.5, 0.05, 3, 3.14159, 2.71828]')).toBe('3 0.1 3.      3.142 2.72      |');
    expect(ev("'ex1=%(ex1)0.2f, ex2=%(ex2)0.2f' % {ex1: 5 / 3, ex2: 3}")).toBe('ex1=1.67, ex2=3.00');
    expect(ev('"%s and %s" % ["a", {x: [1, 2]}]')).toBe('a and {"x": [1, 2]}');
    expect(ev('|||\n  ex=%(a)d\n  two\n||| % {a: 1}')).toBe('ex=1\ntwo\n');
    // std.jsonnet's rules where C's printf differs: integer codes print the magnitude's floor, %g
    // counts one digit before the point, %e does not renormalise a mantissa rounded up to 10.
    expect(ev('"%d|%d|%x|%.10g|%.2e|%#g" % [-3.7, -0.5, -3.5, 1/3, 9.999, 1]')).toBe('-3|0|-4|0.333333333|10.00e+00|1.00000');
    expect(loadFile('f.jsonnet', '"%s" % {a: 1}').errors[0]!.message).toContain('mapping keys required');
  });

  it('writes numbers into strings as go-jsonnet does (%.17g), integers in full', () => {
    expect(ev('std.toString(1/3) + " " + std.toString(1e21) + " " + std.toString(0.1)')).toBe('0.33333333333333331 1000000000000000000000 0.10000000000000001');
  });

  it('has the standard library functions configuration files use', () => {
    expect(ev('std.map(function(x) x + 1, std.range(1, 3)) + std.sort([3, 1, 2]) + std.uniq([1, 1, 2]) + std.set([3, 1, 3])')).toEqual([2, 3, 4, 1, 2, 3, 1, 2, 1, 3]);
    expect(ev('local o = {a: 1, b:: 2}; [std.objectFields(o), std.objectFieldsAll(o), std.objectHas(o, "b"), std.objectHasAll(o, "b"), "b" in o]')).toEqual([['a'], ['a', 'b'], false, true, true]);
    expect(ev('std.mergePatch({a: 1, b: {c: 2}}, {a: null, b: {d: 3}})')).toEqual({ b: { c: 2, d: 3 } });
    expect(ev('[std.join(",", ["a", "b"]), std.split("a,,b", ","), std.strReplace("a-b", "-", "+"), std.asciiUpper("ab"), std.substr("hello", 1, 3)]')).toEqual(['a,b', ['a', '', 'b'], 'a+b', 'AB', 'ell']);
    expect(ev('std.foldl(function(acc, x) acc + x, [1, 2, 3], 0)')).toBe(6);
  });

  it('reads the conftest example (arith.jsonnet) as jsonnet evaluates it', () => {
    const src = "{ concat_array: [1, 2, 3] + [4], ex1: 1 + 2 * 3 / (4 + 5), ex2: self.ex1 | 3, ex3: self.ex1 % 2, ex4: (4 > 3) && (1 <= 3) || false, obj: { a: 1, b: 2 } + { b: 3, c: 4 }, str2: 'The value of self.ex2 is %g.' % self.ex2, str3: 'ex1=%0.2f, ex2=%0.2f' % [self.ex1, self.ex2] }";
    expect(ev(src)).toEqual({ concat_array: [1, 2, 3, 4], ex1: 1 + 6 / 9, ex2: 3, ex3: 1 + 6 / 9, ex4: true, obj: { a: 1, b: 3, c: 4 }, str2: 'The value of self.ex2 is 3.', str3: 'ex1=1.67, ex2=3.00' });
  });

  it('reports syntax and runtime errors with the file, line and column', () => {
    expect(loadFile('conf/app.jsonnet', '{a: 1,\n  b: }').errors[0]).toMatchObject({ code: 'syntax_error', path: 'conf/app.jsonnet', line: 2, column: 6 });
    expect(loadFile('app.jsonnet', '{a: 1,\n  b: error "boom"}').errors[0]).toMatchObject({ line: 2, column: 6, message: expect.stringContaining('RUNTIME ERROR: boom') });
    expect(loadFile('app.jsonnet', '{\n a: x }').errors[0]).toMatchObject({ line: 2, column: 5, message: expect.stringContaining('unknown variable: x') });
    expect(loadFile('app.jsonnet', '[1, 2][5]').errors[0]!.message).toContain('index 5 out of bounds');
    expect(loadFile('app.jsonnet', '{ assert self.a > 0 : "a must be positive", a: -1 }').errors[0]!.message).toContain('a must be positive');
  });

  it('names what it does not implement instead of guessing: imports, unknown std functions, external variables', () => {
    const imp = loadFile('app.jsonnet', 'local x = importstr "/etc/passwd"; x');
    expect(imp.documents).toEqual([]);
    expect(imp.errors[0]).toMatchObject({ line: 1, column: 11, message: expect.stringContaining('importstr is not supported') });
    expect(loadFile('app.jsonnet', '\n std.manifestYamlDoc({})').errors[0]).toMatchObject({ line: 2, message: expect.stringContaining('std.manifestYamlDoc is not supported') });
    expect(loadFile('app.jsonnet', 'std.extVar("env")').errors[0]!.message).toContain('external variable "env" is not defined');
  });

  it('bounds hostile input: recursion, self-reference, work, array and string sizes', () => {
    const msg = (src: string) => loadFile('x.jsonnet', src).errors[0]?.message ?? '';
    expect(msg('toString')).toContain('unknown variable: toString');
    expect(ev('local constructor = 1, __proto__ = 2; constructor + __proto__')).toBe(3);
    expect(msg('local f(x) = f(x + 1); f(0)')).toContain('max stack frames exceeded');
    expect(msg('local o = {a: self.b, b: self.a}; o.a')).toContain('infinite recursion');
    expect(msg('std.range(1, 100000000)')).toContain('array longer than 1000000 elements');
    expect(msg('local a = std.range(1, 1000); [x + y for x in a for y in a for z in a]')).toMatch(/exceeds 10000000 steps|array longer than/);
    expect(msg('local s = std.join("", std.makeArray(100000, function(i) "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")); s + s + s + s')).toContain('string longer than');
    expect(msg('['.repeat(300) + ']'.repeat(300))).toContain('deeper than 256 levels');
    expect(msg('-'.repeat(100_000) + '1')).toContain('deeper than 256 levels');
    // Whatever the bound that stops a run, the error is located.
    for (const src of ['local f(x) = f(x + 1); f(0)', 'local o = {a: self.b, b: self.a}; o.a', 'local f(n) = if n == 0 then 0 else 1 + f(n - 1); f(400)']) {
      const e = loadFile('x.jsonnet', src).errors;
      if (e.length) expect(e[0]!.line, src).toBeGreaterThanOrEqual(1);
    }
  });
});
