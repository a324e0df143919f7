import { describe, expect, it } from 'vitest';
import { Engine } from '../api.js';
import { toJSONValue } from '../value/json.js';
import { parseModule } from '../syntax/parse.js';
import type { Module } from '../syntax/ast.js';
import { buildAnnotationSet } from './scopes.js';
import { annotationObject } from './chain.js';

function mod(file: string, src: string): Module {
  const r = parseModule(file, src);
  if (!r.module) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.module;
}

function evalQuery(modules: Record<string, string>, query: string): unknown {
  const e = new Engine();
  for (const [f, s] of Object.entries(modules)) e.addModule(f, s);
  const p = e.prepare(query);
  expect(p.errors).toEqual([]);
  const r = p.query!.evaluate();
  expect(r.error).toBeUndefined();
  return toJSONValue(r.rows[0]?.x as never);
}

describe('METADATA parsing', () => {
  it('parses every field in OPA shape', () => {
    const m = mod('a.rego', `package a

# METADATA
# title: T
# description: D
# entrypoint: true
# organizations: [Acme]
# related_resources:
# - https://example.com/a
# - ref: https://example.com/b
#   description: B
# authors:
# - Jane Doe <jane@example.com>
# - name: Bob
# - email: x@example.com
# schemas:
# - input: schema.input
# - input.spec: {type: object}
# custom:
#   id: PAL-1
#   severity: HIGH
p := 1
`);
    const set = buildAnnotationSet([m]);
    expect(set.errors).toEqual([]);
    expect(annotationObject(set.entries[0].fields)).toEqual({
      scope: 'rule',
      title: 'T',
      description: 'D',
      entrypoint: true,
      organizations: ['Acme'],
      related_resources: [{ ref: 'https://example.com/a' }, { ref: 'https://example.com/b', description: 'B' }],
      authors: [{ name: 'Jane Doe', email: 'jane@example.com' }, { name: 'Bob' }, { email: 'x@example.com' }],
      schemas: [
        { path: ['input'], schema: ['schema', 'input'] },
        { path: ['input', 'spec'], definition: { type: 'object' } },
      ],
      custom: { id: 'PAL-1', severity: 'HIGH' },
    });
  });

  it('reports unknown keys without failing (as OPA ignores them)', () => {
    const set = buildAnnotationSet([mod('a.rego', 'package a\n\n# METADATA\n# titel: typo\np := 1\n')]);
    expect(set.errors).toEqual([]);
    expect(set.entries[0].unknownKeys.map((k) => [k.key, k.loc.row])).toEqual([['titel', 4]]);
  });

  it('keeps the whole block as plain data, unknown keys included', () => {
    const set = buildAnnotationSet([mod('a.rego', '# METADATA\n# title: T\n# custom:\n#   id: X-1\n#   tags: [a, b]\n# extra: {n: 1}\npackage a\n')]);
    expect(set.entries[0].value).toEqual({ title: 'T', custom: { id: 'X-1', tags: ['a', 'b'] }, extra: { n: 1 } });
  });

  it('rejects a block whose aliases would expand without bound', () => {
    const lines = ['# METADATA', '# custom:', '#   a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) lines.push(`#   a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const set = buildAnnotationSet([mod('a.rego', [...lines, 'package a', ''].join('\n'))]);
    expect(set.entries).toEqual([]);
    expect(set.errors[0]).toMatchObject({ code: 'rego_parse_error' });
    expect(set.errors[0].message).toMatch(/invalid METADATA block: .*alias/i);
  });

  it('rejects bad values, scopes and attachments with located parse errors', () => {
    const cases: [string, RegExp, number][] = [
      ['# METADATA\n# scope: rule\npackage a\n', /annotation scope 'rule' must be applied to rule \(have package\)/, 1],
      ['package a\n\n# METADATA\n# scope: package\np := 1\n', /annotation scope 'package' must be applied to package \(have rule\)/, 3],
      ['package a\n\n# METADATA\n# scope: everywhere\np := 1\n', /invalid annotation scope 'everywhere'/, 3],
      ['package a\n\n# METADATA\n# title: [a\np := 1\n', /invalid METADATA block/, 4],
      ['package a\n\n# METADATA\n# authors: [{}]\np := 1\n', /'name' and\/or 'email' values required/, 4],
      ['package a\n\n# METADATA\n# schemas:\n# - input: foo.bar\np := 1\n', /invalid schema reference/, 4],
      ['package a\n\n# METADATA\n# scope: document\n# entrypoint: true\np := 1\n', /entrypoint applied to non-rule or package scope 'document'/, 3],
      ['package a\n\n# METADATA\n# title: x\nimport data.b\n', /annotation scope 'import'/, 3],
    ];
    for (const [src, re, row] of cases) {
      const set = buildAnnotationSet([mod('a.rego', src)]);
      expect(set.errors.map((e) => e.message).join('\n')).toMatch(re);
      expect(set.errors[0].location?.row).toBe(row);
      expect(set.errors[0].code).toBe('rego_parse_error');
    }
  });

  it('rejects a second package annotation for the same package', () => {
    const set = buildAnnotationSet([mod('a.rego', '# METADATA\n# title: one\npackage a\n'), mod('b.rego', '# METADATA\n# title: two\npackage a\n')]);
    expect(set.errors[0]).toMatchObject({ code: 'rego_type_error', message: 'package annotation redeclared: a.rego:1' });
  });
});

describe('rego.metadata.chain / rule', () => {
  it('orders rule, document, package and subpackages scopes', () => {
    const x = evalQuery(
      {
        'root.rego': '# METADATA\n# scope: subpackages\n# title: root\npackage org\n',
        'a.rego': `# METADATA
# scope: subpackages
# title: org.team
package org.team

# METADATA
# scope: document
# title: doc
p := 0 if false

# METADATA
# title: own
p := x if {
	x := rego.metadata.chain()
}
`,
      },
      'x := data.org.team.p',
    );
    expect(x).toEqual([
      { path: ['org', 'team', 'p'], annotations: { scope: 'rule', title: 'own' } },
      { path: ['org', 'team', 'p'], annotations: { scope: 'document', title: 'doc' } },
      { path: ['org', 'team'], annotations: { scope: 'subpackages', title: 'org.team' } },
      { path: ['org'], annotations: { scope: 'subpackages', title: 'root' } },
    ]);
  });

  it('answers for the rule that contains the call, also inside functions', () => {
    const x = evalQuery(
      {
        'a.rego': `package a

# METADATA
# title: helper
f(_) := rego.metadata.rule()

# METADATA
# title: caller
p := [rego.metadata.rule().title, f(1).title]

q := rego.metadata.rule()
`,
      },
      'x := [data.a.p, data.a.q]',
    );
    expect(x).toEqual([['caller', 'helper'], {}]);
  });

  it('is exposed through Engine.annotations()', () => {
    const e = new Engine();
    e.addModule('a.rego', '# METADATA\n# title: pkg\n# custom: {id: X}\npackage a\n\n# METADATA\n# entrypoint: true\nallow := true\n');
    const set = e.annotations();
    expect(set.entries.map((x) => [x.fields.scope, x.path.join('.'), x.fields.entrypoint ?? false])).toEqual([
      ['package', 'a', false],
      ['rule', 'a.allow', true],
    ]);
  });
});
