import { describe, expect, it } from 'vitest';
import { Engine } from '@palisade/engine';
import { stdlibPolicySources } from './policies.js';
import { discoverPolicies } from './policy-set.js';
import { stdlibBuiltins } from './result-builtin.js';

describe('discoverPolicies', () => {
  const user = [
    // Trivy's layout: id and severity under custom, input kinds through selectors.
    {
      file: 'trivy.rego',
      source:
        '# METADATA\n# title: T\n# custom:\n#   id: USR-1\n#   severity: LOW\n#   input:\n#     selector:\n#     - type: kubernetes\npackage user.trivy\nimport rego.v1\ndeny contains "x" if input.bad\n',
    },
    // No package METADATA; a rule-scope block must not be taken for the policy's.
    { file: 'plain.rego', source: 'package main\nimport rego.v1\n\n# METADATA\n# title: rule only\nwarn_thing contains "y" if input.meh\n' },
    // Subpackages scope counts as the package's.
    { file: 'sub.rego', source: '# METADATA\n# scope: subpackages\n# title: S\npackage user.sub\nimport rego.v1\nviolation contains "z" if input.no\n' },
  ];
  const engine = new Engine({ builtins: stdlibBuiltins });
  const stdlibFiles = new Set<string>();
  for (const p of stdlibPolicySources()) {
    engine.addModule(p.file, p.source);
    stdlibFiles.add(p.file);
  }
  for (const p of user) engine.addModule(p.file, p.source);

  it("reads METADATA from the engine's parsed annotations exactly as from the modules' YAML", () => {
    expect(engine.compile()).toEqual([]);
    const fromYaml = discoverPolicies(engine.modules(), stdlibFiles);
    const fromEngine = discoverPolicies(engine.modules(), stdlibFiles, engine.annotations());
    expect(fromEngine).toEqual(fromYaml);
    const byNs = new Map(fromEngine.map((p) => [p.namespace, p]));
    expect(byNs.get('user.trivy')?.metadata).toMatchObject({ id: 'USR-1', severity: 'LOW', title: 'T' });
    expect(byNs.get('main')?.metadata).toBeUndefined();
    expect(byNs.get('user.sub')?.metadata).toMatchObject({ title: 'S' });
    expect(fromEngine.filter((p) => p.stdlib && !p.metadata)).toEqual([]);
  });
});
