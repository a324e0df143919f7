import { describe, expect, it } from 'vitest';
import { Engine } from '@palisade/engine';
import { loadFiles } from './loaders/index.js';
import { scan, type ScanOptions } from './scan.js';
import { applyTrivyBuiltins } from './trivy-builtins.js';
import { selectPolicies, discoverPolicies } from './policy-set.js';

const POD = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: a', '      image: x', '    - name: b', '      image: y'].join('\n');

const TRIVY_META = `# METADATA
# title: containers
# custom:
#   id: T-1
#   severity: HIGH
#   input:
#     selector:
#     - type: kubernetes
`;

const check = (pkg: string, meta = TRIVY_META) => `${meta}package ${pkg}

import rego.v1

deny contains res if {
	some c in input.spec.containers
	res := result.new("a container", c)
}
`;

function run(policy: string, options: ScanOptions = {}) {
  const files = [{ path: 'pod.yaml', text: POD }];
  const { documents } = loadFiles(files);
  return scan(documents, { policies: [{ file: 'p.rego', source: policy }], sources: new Map(files.map((f) => [f.path, f.text])), ...options });
}

describe('Trivy builtins on Trivy-style policy sets', () => {
  it('are on in auto mode only when a module has Trivy METADATA', () => {
    const trivy = new Engine();
    trivy.addModule('p.rego', `${TRIVY_META}package user.x\nimport rego.v1\nx := cidr.is_public("10.0.0.0/8")`);
    expect(applyTrivyBuiltins(trivy)).toBe(true);
    expect(trivy.compile()).toEqual([]);

    const plain = new Engine();
    plain.addModule('p.rego', 'package user.x\nimport rego.v1\nx := cidr.is_public("10.0.0.0/8")');
    expect(applyTrivyBuiltins(plain)).toBe(false);
    expect(plain.compile()[0]?.message).toMatch(/undefined function cidr.is_public/);
    expect(applyTrivyBuiltins(plain, 'on')).toBe(true);
    expect(plain.compile()).toEqual([]);
    expect(applyTrivyBuiltins(trivy, 'off')).toBe(false);
  });

  it("merge identical causes as Trivy does, and still locate each finding by its cause", () => {
    // Trivy's result.new keeps lines, not the value: two containers without line metadata give
    // one finding, as in Trivy. It is located at one of the containers (by identity).
    const merged = run(check('user.k8s.containers'));
    expect(merged.findings.map((f) => f.message)).toEqual(['a container']);
    expect([[7, 8], [9, 10]]).toContainEqual([merged.findings[0]!.startLine, merged.findings[0]!.endLine]);
    // Palisade's own result.new (no Trivy METADATA, --namespace needed) keeps both.
    const plain = run(check('user.k8s.containers', ''), { namespaces: ['user.*'] });
    expect(plain.findings.map((f) => [f.startLine, f.endLine])).toEqual([
      [7, 8],
      [9, 10],
    ]);
  });

  it('select Trivy-style builtin.* and user.* packages without --namespace, and nothing else', () => {
    expect(run(check('builtin.kubernetes.T1')).summary.policies).toBe(1);
    expect(run(check('custom.k8s')).summary.policies).toBe(0);
    expect(run(check('user.k8s', '')).summary.policies).toBe(0);
    expect(run(check('builtin.kubernetes.T1'), { namespaces: ['main'] }).summary.policies).toBe(0);
  });

  it('leave selectors to choose the input kinds', () => {
    const docker = TRIVY_META.replace('type: kubernetes', 'type: dockerfile');
    expect(run(check('builtin.dockerfile.T2', docker)).findings).toEqual([]);
    const engine = new Engine();
    engine.addModule('p.rego', check('builtin.dockerfile.T2', docker));
    expect(selectPolicies(discoverPolicies(engine.modules(), new Set()), {}).map((p) => p.metadata?.inputKinds)).toEqual([['dockerfile']]);
  });
});
