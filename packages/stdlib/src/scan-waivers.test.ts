import { describe, expect, it } from 'vitest';
import { loadFiles } from './loaders/index.js';
import { scan, type ScanOptions } from './scan.js';
import { matchGlob } from './scan-glob.js';
import { parseInlineWaivers } from './waivers.js';

const DOCKERFILE = [
  'FROM alpine:3.20', //                               1
  '# palisade:ignore T-ROOT, T-OTHER accepted for the demo', // 2
  'USER root', //                                       3
  'RUN apk add curl # palisade:ignore T-RUN', //        4
  '# palisade:ignore T-ROOT', //                        5
  '# a second comment line', //                         6
  'USER root', //                                       7
  'USER root', //                                       8
].join('\n');

const POLICY = `# METADATA
# custom:
#   id: T-ROOT
#   input:
#     selector: [{type: dockerfile}]
package main
import rego.v1
deny contains result.new("root", cmd) if {
  some stage in input.Stages
  some cmd in stage.Commands
  cmd.Cmd == "user"
}
`;
const RUN_POLICY = `# METADATA
# custom:
#   id: T-RUN
#   input:
#     selector: [{type: dockerfile}]
package run
import rego.v1
warn contains result.new("run", cmd) if {
  some stage in input.Stages
  some cmd in stage.Commands
  cmd.Cmd == "run"
}
`;

function run(options: ScanOptions = {}, text = DOCKERFILE, path = 'svc/Dockerfile') {
  const { documents } = loadFiles([{ path, text }]);
  return scan(documents, {
    policies: [
      { file: 'p.rego', source: POLICY },
      { file: 'r.rego', source: RUN_POLICY },
    ],
    allNamespaces: true,
    sources: { [path]: text },
    now: new Date('2025-06-15T12:00:00Z'),
    ...options,
  });
}

describe('inline waivers', () => {
  it('parses ids and reasons', () => {
    const w = parseInlineWaivers(['x', '# palisade:ignore A,B  - because', 'y: 1 # palisade:ignore C']);
    expect(w.get(2)).toEqual({ ids: ['A', 'B'], reason: 'because' });
    expect(w.get(3)).toEqual({ ids: ['C'] });
    expect(w.has(1)).toBe(false);
  });

  it('applies on the same line and on the comment lines directly above', () => {
    const r = run();
    const status = r.findings.map((f) => [f.startLine, f.policyId, f.status]);
    expect(status).toEqual([
      [3, 'T-ROOT', 'waived'],
      [4, 'T-RUN', 'waived'],
      [7, 'T-ROOT', 'waived'],
      [8, 'T-ROOT', 'fail'],
    ]);
    expect(r.findings[0]!.waiver).toEqual({ source: 'inline', reason: 'accepted for the demo' });
    expect(r.summary).toMatchObject({ failures: 1, warnings: 0, waived: 3 });
    expect(r.summary.bySeverity.HIGH).toBe(1);
  });

  it('works in YAML and can be turned off', () => {
    const yaml = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  hostNetwork: true # palisade:ignore main.deny trusted'].join('\n');
    const { documents } = loadFiles([{ path: 'p.yaml', text: yaml }]);
    const policies = [{ file: 'k.rego', source: 'package main\nimport rego.v1\ndeny contains {"msg": "host", "path": ["spec", "hostNetwork"]} if input.spec.hostNetwork\n' }];
    const r = scan(documents, { policies, sources: { 'p.yaml': yaml } });
    expect(r.findings[0]).toMatchObject({ startLine: 6, status: 'waived', waiver: { source: 'inline', reason: 'trusted' } });
    const off = scan(documents, { policies, sources: { 'p.yaml': yaml }, inlineWaivers: false });
    expect(off.findings[0]!.status).toBe('fail');
  });

  // A finding on a container spans the container block: the comment goes on the line that
  // carries the problem (after `privileged: true`), or on the resource's first line.
  const PODS = [
    'apiVersion: v1', //                           1
    'kind: Pod', //                                2
    'metadata: {name: a}', //                      3
    'spec:', //                                    4
    '  containers:', //                            5
    '    - name: app', //                          6
    '      image: x:1', //                         7
    '      securityContext:', //                   8
    '        privileged: true # palisade:ignore main.deny debugging pod', // 9
    '    - name: side', //                         10
    '      securityContext: {privileged: true}', // 11
    '---', //                                      12
    '# palisade:ignore main.deny lab cluster', //  13
    'apiVersion: v1', //                           14
    'kind: Pod', //                                15
    'metadata: {name: b}', //                      16
    'spec:', //                                    17
    '  containers:', //                            18
    '    - name: app', //                          19
    '      securityContext: {privileged: true}', // 20
    '---', //                                      21
    'apiVersion: v1', //                           22
    'kind: Pod # palisade:ignore other.id', //     23
    'metadata: {name: c}', //                      24
    'spec:', //                                    25
    '  containers:', //                            26
    '    - name: app', //                          27
    '      securityContext: {privileged: true}', // 28
  ].join('\n');
  const PRIVILEGED = 'package main\nimport rego.v1\ndeny contains result.new("privileged", c) if {\n  some c in input.spec.containers\n  c.securityContext.privileged\n}\n';

  it('applies on the offending line inside the finding and on the resource first line', () => {
    const { documents } = loadFiles([{ path: 'pods.yaml', text: PODS }]);
    const r = scan(documents, { policies: [{ file: 'k.rego', source: PRIVILEGED }], sources: { 'pods.yaml': PODS } });
    const got = r.findings.map((f) => [f.startLine, f.status, f.waiver?.reason]);
    expect(got).toEqual([
      [6, 'waived', 'debugging pod'], // comment on `privileged: true` inside the container block
      [10, 'fail', undefined], //        the other container of the same pod is not covered
      [19, 'waived', 'lab cluster'], //  comment above the resource's first line
      [27, 'fail', undefined], //        a waiver for another id on the first line does not apply
    ]);
  });

  it('applies to every finding of a compose service from its key line, and to a Dockerfile stage from its FROM', () => {
    const compose = ['services:', '  web: # palisade:ignore main.deny', '    image: x:1', '    privileged: true', '  db:', '    image: y:1', '    privileged: true'].join('\n');
    const policy = 'package main\nimport rego.v1\ndeny contains {"msg": name, "path": ["services", name, "privileged"]} if {\n  some name, s in input.services\n  s.privileged\n}\n';
    const { documents } = loadFiles([{ path: 'compose.yaml', text: compose }]);
    const r = scan(documents, { policies: [{ file: 'c.rego', source: policy }], sources: { 'compose.yaml': compose } });
    expect(r.findings.map((f) => [f.message, f.status])).toEqual([
      ['web', 'waived'],
      ['db', 'fail'],
    ]);
    // Dockerfile comments are whole lines: the stage's waiver goes on the line above its FROM.
    const df = ['# palisade:ignore T-ROOT', 'FROM alpine:3.20 AS a', 'RUN true', 'USER root', 'FROM alpine:3.20 AS b', 'USER root'].join('\n');
    const d = run({}, df);
    expect(d.findings.filter((f) => f.policyId === 'T-ROOT').map((f) => [f.startLine, f.status])).toEqual([
      [4, 'waived'],
      [6, 'fail'],
    ]);
  });
});

describe('config waivers', () => {
  const plain = DOCKERFILE.replace(/# palisade:ignore.*$/gm, '# nothing');

  it('match by id glob, path glob and resource; expired ones stop applying and are reported', () => {
    const r = run(
      {
        waivers: [
          { id: 't-run', path: 'svc/*', reason: 'tooling image', expires: '2025-06-15' },
          { id: 'T-ROOT', path: 'other/**', reason: 'wrong path' },
          { id: 'T-*', resource: 'nomatch', reason: 'wrong resource' },
          { id: 'T-ROOT', reason: 'old', expires: '2025-06-14' },
        ],
      },
      plain,
    );
    expect(r.findings.filter((f) => f.status === 'waived').map((f) => [f.policyId, f.waiver])).toEqual([
      ['T-RUN', { source: 'config', reason: 'tooling image', expires: '2025-06-15' }],
    ]);
    expect(r.expiredWaivers).toEqual([{ id: 'T-ROOT', reason: 'old', expires: '2025-06-14' }]);
  });

  it('matches the Dockerfile stage or the Kubernetes kind/namespace/name', () => {
    const r = run({ waivers: [{ id: 'T-ROOT', resource: 'alpine:*' }] }, plain);
    expect(r.findings.filter((f) => f.policyId === 'T-ROOT').every((f) => f.status === 'waived')).toBe(true);
  });
});

describe('globs', () => {
  it('matches paths gitignore-style and names across dots', () => {
    expect(matchGlob('k8s/*.yaml', 'k8s/a.yaml', 'path')).toBe(true);
    expect(matchGlob('k8s/*.yaml', 'k8s/x/a.yaml', 'path')).toBe(false);
    expect(matchGlob('k8s/**/*.yaml', 'k8s/x/y/a.yaml', 'path')).toBe(true);
    expect(matchGlob('Dockerfile*', 'svc/Dockerfile.prod', 'path')).toBe(true);
    expect(matchGlob('{a,b}.yaml', './b.yaml', 'path')).toBe(true);
    expect(matchGlob('palisade.kubernetes.*', 'palisade.kubernetes.x.y', 'name')).toBe(true);
    expect(matchGlob('main', 'main_x', 'name')).toBe(false);
  });
});
