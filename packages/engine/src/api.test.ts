import { describe, expect, it } from 'vitest';
import { Engine } from './api.js';
import { parseModule } from './syntax/parse.js';

const src = `package t

# METADATA
# title: P
p := x if {
	x := input.n + 1
}

q := 1
q := 2
`;

describe('Engine.addParsedModule', () => {
  it('compiles and evaluates a module parsed earlier and sent through JSON like a parsed source', () => {
    const { module } = parseModule('t.rego', src);
    const viaJson = JSON.parse(JSON.stringify(module));
    const parsed = new Engine();
    expect(parsed.addParsedModule(viaJson)).toEqual([]);
    const direct = new Engine();
    direct.addModule('t.rego', src);
    expect(parsed.compile()).toEqual([]);
    expect(direct.compile()).toEqual([]);
    expect(parsed.modules()).toEqual(direct.modules());
    expect(parsed.annotations().entries.map((a) => a.fields.title)).toEqual(['P']);
    const run = (e: Engine, q: string) => e.prepare(q).query!.evaluate({ n: 41 });
    expect(run(parsed, 'x = data.t.p').rows).toEqual([{ x: 42 }]);
    // Runtime errors point into the module's own source, as for a parsed file.
    const err = run(parsed, 'x = data.t.q').error!;
    expect(err).toEqual(run(direct, 'x = data.t.q').error);
    expect(err.code).toBe('eval_conflict_error');
    expect(err.location).toMatchObject({ file: 't.rego', row: 10 });
  });

  it('replaces a module added under the same file name', () => {
    const e = new Engine();
    e.addModule('t.rego', 'package t\np := 1\n');
    e.addParsedModule(parseModule('t.rego', 'package t\np := 2\n').module!);
    expect(e.modules()).toHaveLength(1);
    expect(e.prepare('x = data.t.p').query!.evaluate().rows).toEqual([{ x: 2 }]);
  });
});

describe('Engine.prepareRef', () => {
  const e = new Engine();
  e.addModule('t.rego', 'package a.b\nimport rego.v1\ndeny contains msg if { msg := sprintf("no %v", [input.x]) }\np["odd key"] := 3\n');

  it('gives the same rows as the equivalent query text', () => {
    for (const path of [['a', 'b', 'deny'], ['a', 'b', 'p', 'odd key'], ['a', 'b'], ['a', 'missing']]) {
      const text = `x := data${path.map((s) => `[${JSON.stringify(s)}]`).join('')}`;
      const byRef = e.prepareRef(path).query!;
      const byText = e.prepare(text).query!;
      expect(byRef.variables).toEqual(['x']);
      expect(byRef.evaluate({ x: 1 })).toEqual(byText.evaluate({ x: 1 }));
    }
    expect(e.prepareRef(['a', 'b', 'deny'], 'found').query!.evaluate({ x: 2 })).toEqual(e.prepare('found := data.a.b.deny').query!.evaluate({ x: 2 }));
    expect(e.prepareRef(['a', 'b', 'p', 'odd key']).query!.evaluate().rows).toEqual([{ x: 3 }]);
  });

  it('reports compile errors of the policy like prepare', () => {
    const bad = new Engine();
    bad.addModule('bad.rego', 'package p\nq := y\n');
    const r = bad.prepareRef(['p', 'q']);
    expect(r.query).toBeUndefined();
    expect(r.errors[0]!.code).toBe('rego_unsafe_var_error');
  });
});

describe('Engine.addParsedModule with values that are not parsed modules', () => {
  it('refuses a value without the outline of a module, with a coded error', () => {
    const e = new Engine();
    for (const bad of [null, 42, {}, { file: 'x.rego', source: '' }, { file: 'x.rego', source: '', package: { path: {} }, imports: [], rules: [{}], comments: [], annotations: [] }]) {
      const errs = e.addParsedModule(bad as never);
      expect(errs).toHaveLength(1);
      expect(errs[0]!.code).toBe('palisade_input_error');
      expect(errs[0]!.message).toMatch(/^addParsedModule: /);
    }
    expect(e.modules()).toEqual([]);
  });

  it('reports a doctored AST as a compile error instead of throwing', () => {
    const { module } = parseModule('t.rego', 'package t\np := 1 if { input.x }\n');
    const doctored = JSON.parse(JSON.stringify(module));
    doctored.rules[0].body[0].node = { kind: 'no-such-node' };
    const e = new Engine();
    expect(e.addParsedModule(doctored)).toEqual([]);
    const errs = e.compile();
    expect(errs.length).toBeGreaterThan(0);
    expect(errs[0]!.code).toMatch(/^rego_/);
  });
});
