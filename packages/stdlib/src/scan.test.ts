import { describe, expect, it } from 'vitest';
import { loadFiles } from './loaders/index.js';
import type { Finding, ScanResult } from './model.js';
import { createScanner, scan, type ScanOptions, type StdlibBundle } from './scan.js';

const POD = [
  'apiVersion: v1', //                1
  'kind: Pod', //                     2
  'metadata:', //                     3
  '  name: web', //                   4
  '  namespace: prod', //             5
  'spec:', //                         6
  '  containers:', //                 7
  '    - name: app', //               8
  '      image: nginx:latest', //     9
  '      securityContext:', //        10
  '        privileged: true', //      11
  '    - name: sidecar', //           12
  '      image: busybox:1.36', //     13
].join('\n');

const DOCKERFILE = ['FROM golang:1.22 AS build', 'RUN go build ./...', 'FROM alpine:3.20', 'USER root', 'CMD ["/app"]'].join('\n');

const COMPOSE = ['services:', '  web:', '    image: nginx', '    privileged: true', '  db:', '    image: postgres:16'].join('\n');

function run(files: { path: string; text: string }[], options: ScanOptions): ScanResult {
  const { documents, errors } = loadFiles(files);
  return scan(documents, { sources: new Map(files.map((f) => [f.path, f.text])), loadErrors: errors, ...options });
}

const user = (source: string, file = 'policy/main.rego') => ({ policies: [{ file, source }] });

const byRule = (r: ScanResult, rule: string): Finding[] => r.findings.filter((f) => f.rule === rule);

describe('scan: findings and lines', () => {
  const policy = `package main
import rego.v1
deny contains result.new(sprintf("container %q is privileged", [c.name]), c.securityContext) if {
  some c in input.spec.containers
  c.securityContext.privileged
}
warn_image contains {"msg": sprintf("image %s", [c.image]), "path": ["spec", "containers", i, "image"]} if {
  some i, c in input.spec.containers
}
violation_string contains "no location" if input.kind == "Pod"
`;

  it('locates a result.new cause by identity, a JSON path, and falls back to the document', () => {
    const r = run([{ path: 'pod.yaml', text: POD }], user(policy));
    const [priv] = byRule(r, 'deny');
    expect(priv).toMatchObject({ message: 'container "app" is privileged', startLine: 10, endLine: 11, status: 'fail', severity: 'HIGH' });
    expect(priv!.resource).toEqual({ kind: 'Pod', namespace: 'prod', name: 'web' });
    expect(byRule(r, 'warn_image').map((f) => [f.startLine, f.status, f.severity])).toEqual([
      [9, 'warn', 'MEDIUM'],
      [13, 'warn', 'MEDIUM'],
    ]);
    const [whole] = byRule(r, 'violation_string');
    expect([whole!.startLine, whole!.endLine]).toEqual([1, 13]);
  });

  it('cuts a snippet with context and marks the offending lines', () => {
    const r = run([{ path: 'pod.yaml', text: POD }], user(policy));
    const snip = byRule(r, 'deny')[0]!.snippet!;
    expect(snip.startLine).toBe(8);
    expect(snip.lines[0]).toBe('    - name: app');
    expect([snip.highlightStart, snip.highlightEnd]).toEqual([10, 11]);
    expect(snip.lines.at(-1)).toBe('      image: busybox:1.36');
  });

  it('fills ids, titles and the summary; orders by file, line, id', () => {
    const r = run([{ path: 'pod.yaml', text: POD }, { path: 'a/pod.yaml', text: POD }], user(policy));
    expect(r.findings[0]!.file).toBe('a/pod.yaml');
    const lines = r.findings.filter((f) => f.file === 'pod.yaml').map((f) => f.startLine);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(r.findings[0]).toMatchObject({ namespace: 'main', references: [], related: [] });
    expect(byRule(r, 'deny')[0]!.policyId).toBe('main.deny');
    expect(r.summary).toMatchObject({ files: 2, documents: 2, policies: 1, failures: 4, warnings: 4, waived: 0, errors: 0 });
    expect(r.summary.bySeverity).toEqual({ CRITICAL: 0, HIGH: 4, MEDIUM: 4, LOW: 0, INFO: 0 });
  });

  it('uses METADATA for id, severity, title, remediation and input kinds', () => {
    const meta = `# METADATA
# title: Privileged container
# description: Privileged containers own the node.
# custom:
#   id: T-001
#   severity: critical
#   input: [kubernetes]
#   remediation: Drop it.
#   references: [https://example.com/a]
#   related: [KSV-0017]
package main
import rego.v1
deny contains "privileged" if input.spec.containers[_].securityContext.privileged
`;
    const r = run([{ path: 'pod.yaml', text: POD }, { path: 'Dockerfile', text: DOCKERFILE }], user(meta));
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({
      policyId: 'T-001',
      title: 'Privileged container',
      severity: 'CRITICAL',
      description: 'Privileged containers own the node.',
      remediation: 'Drop it.',
      references: ['https://example.com/a'],
      related: ['KSV-0017'],
    });
  });

  it('rejects a policy whose METADATA is not valid YAML, with its location (as OPA does)', () => {
    const bad = '# METADATA\n# custom:\n#   remediation: set it: now\npackage main\nimport rego.v1\ndeny contains "x" if true\n';
    const { scanner, errors } = createScanner(user(bad));
    expect(scanner).toBeUndefined();
    expect(errors[0]).toMatchObject({ code: 'rego_parse_error', location: { file: 'policy/main.rego' } });
  });

  it('honours a severity field in an object result', () => {
    const r = run([{ path: 'pod.yaml', text: POD }], user('package main\nimport rego.v1\ndeny contains {"msg": "x", "severity": "low"} if true\n'));
    expect(r.findings[0]!.severity).toBe('LOW');
  });

  it('names compose services and docker-inspect containers as resources', () => {
    const p = `package main
import rego.v1
deny contains result.new(sprintf("%s privileged", [name]), svc) if { some name, svc in input.services; svc.privileged }
`;
    const r = run([{ path: 'compose.yaml', text: COMPOSE }], user(p));
    expect(r.findings[0]).toMatchObject({ startLine: 2, endLine: 4, resource: { kind: 'service', name: 'web' } });
    const inspect = JSON.stringify([{ Id: 'abc', Name: '/web-1', Config: { User: '' }, State: { Running: true } }], null, 2);
    const r2 = run([{ path: 'inspect.json', text: inspect }], user('package main\nimport rego.v1\ndeny contains "root" if input.Config.User == ""\n'));
    expect(r2.findings[0]!.resource).toEqual({ kind: 'container', name: 'web-1' });
  });
});

describe('scan: Dockerfiles', () => {
  const trivyPolicy = `# METADATA
# custom:
#   id: DS-T
#   input:
#     selector:
#       - type: dockerfile
package user.trivy
import rego.v1
deny contains result.new("root user", cmd) if {
  some stage in input.Stages
  some cmd in stage.Commands
  cmd.Cmd == "user"
  cmd.Value[0] == "root"
}
`;
  const conftestPolicy = `package main
import rego.v1
deny contains msg if {
  some cmd in input
  cmd.Cmd == "user"
  msg := sprintf("user %s in stage %d", [cmd.Value[0], cmd.Stage])
}
`;

  it('gives Trivy-style policies the Trivy shape and locates the command and stage', () => {
    const r = run([{ path: 'Dockerfile', text: DOCKERFILE }], { policies: [{ file: 't.rego', source: trivyPolicy }], namespaces: ['user.*'] });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ policyId: 'DS-T', startLine: 4, endLine: 4, resource: { stage: 'alpine:3.20' } });
  });

  it('gives other user policies conftest\'s flat shape', () => {
    const r = run([{ path: 'Dockerfile', text: DOCKERFILE }], user(conftestPolicy));
    expect(r.findings.map((f) => f.message)).toEqual(['user root in stage 1']);
  });

  it('--dockerfile-shape forces a shape for user policies', () => {
    const r = run([{ path: 'Dockerfile', text: DOCKERFILE }], { ...user(conftestPolicy), dockerfileShape: 'trivy' });
    expect(r.findings).toEqual([]);
    const r2 = run([{ path: 'Dockerfile', text: DOCKERFILE }], { policies: [{ file: 't.rego', source: trivyPolicy }], namespaces: ['user.*'], dockerfileShape: 'conftest' });
    expect(r2.findings).toEqual([]);
  });

  it('uses StartLine/EndLine of a copied command when identity is lost', () => {
    const p = `package main
import rego.v1
deny contains {"msg": "copy", "cause": object.union(cmd, {"x": 1})} if {
  some stage in input.Stages
  some cmd in stage.Commands
  cmd.Cmd == "run"
}
`;
    const r = run([{ path: 'Dockerfile', text: DOCKERFILE }], { ...user(p), dockerfileShape: 'trivy' });
    expect(r.findings[0]).toMatchObject({ startLine: 2, endLine: 2, resource: { stage: 'build' } });
  });
});

describe('scan: conftest conventions', () => {
  it('runs only namespace main by default; --namespace globs and --all-namespaces widen it', () => {
    const files = [{ path: 'pod.yaml', text: POD }];
    const policies = [
      { file: 'a.rego', source: 'package main\nimport rego.v1\ndeny contains "main" if true\n' },
      { file: 'b.rego', source: 'package k8s.pods\nimport rego.v1\ndeny contains "pods" if true\n' },
      { file: 'c.rego', source: 'package other\nimport rego.v1\nwarn contains "other" if true\n' },
    ];
    const msgs = (o: ScanOptions) => run(files, { policies, ...o }).findings.map((f) => f.message).sort();
    expect(msgs({})).toEqual(['main']);
    expect(msgs({ namespaces: ['k8s.*'] })).toEqual(['pods']);
    expect(msgs({ allNamespaces: true })).toEqual(['main', 'other', 'pods']);
  });

  it('skips rules named by exception rules', () => {
    const p = `package main
import rego.v1
deny_root contains "root" if true
deny_latest contains "latest" if true
deny contains "plain" if true
exception contains ["root"] if input.metadata.name == "web"
exception contains ["deny"] if input.metadata.name == "web"
`;
    const r = run([{ path: 'pod.yaml', text: POD }], user(p));
    expect(r.findings.map((f) => f.message)).toEqual(['latest']);
  });

  it('exposes data.conftest.file, data.palisade.document and data.palisade.inventory', () => {
    const p = `package main
import rego.v1
deny contains sprintf("%s|%s|%s|%d|%d", [data.conftest.file.name, data.conftest.file.dir, data.palisade.document.kind, data.palisade.document.index, count(data.palisade.inventory)]) if true
`;
    const r = run([{ path: 'k8s/two.yaml', text: `${POD}\n---\n${POD}` }], { ...user(p), root: '/repo' });
    expect(r.findings.map((f) => f.message)).toEqual(['two.yaml|/repo/k8s|kubernetes|0|2', 'two.yaml|/repo/k8s|kubernetes|1|2']);
  });

  it('--combine gives one input of {path, contents} and attributes findings to files', () => {
    const p = `package main
import rego.v1
deny contains {"msg": sprintf("%d files", [count(input)]), "path": [1, "contents", "services", "web"]} if true
deny contains result.new("pod", input[0].contents.spec) if input[0].contents.kind == "Pod"
`;
    const r = run([{ path: 'a-pod.yaml', text: POD }, { path: 'compose.yaml', text: COMPOSE }], { ...user(p), combine: true });
    expect(r.findings.map((f) => [f.file, f.startLine, f.message])).toEqual([
      ['a-pod.yaml', 6, 'pod'],
      ['compose.yaml', 2, '2 files'],
    ]);
  });

  it('reports evaluation errors per document and keeps scanning', () => {
    const p = `package main
import rego.v1
deny contains x if { x := input.metadata.name }
deny contains "second" if input.kind == "Pod"
`;
    const r = run([{ path: 'pod.yaml', text: POD }], user(p));
    expect(r.errors).toHaveLength(0);
    const conflict = 'package main\nimport rego.v1\nname := input.metadata.name\nname := "other"\ndeny contains name if true\n';
    const r2 = run([{ path: 'pod.yaml', text: POD }, { path: 'Dockerfile', text: DOCKERFILE }], user(conflict));
    expect(r2.errors.map((e) => [e.path, e.code])).toEqual([['pod.yaml', 'eval_conflict_error']]);
    expect(r2.findings.map((f) => f.file)).toEqual(['Dockerfile']);
  });

  it('an evaluation error names the policy, where in its file, the cause and what was lost; other rules still report', () => {
    const p = 'package main\nimport rego.v1\nname := input.metadata.name\nname := "other"\ndeny contains name if true\nwarn contains "still checked" if true\n';
    const r = run([{ path: 'pod.yaml', text: POD }], user(p, 'policy/conflict.rego'));
    expect(r.errors).toEqual([
      {
        path: 'pod.yaml',
        code: 'eval_conflict_error',
        message: expect.stringMatching(/^main\.deny in policy\/conflict\.rego:\d+:\d+: .*multiple outputs; no deny results of main\.deny are reported for this input$/),
      },
    ]);
    expect(r.findings.map((f) => [f.policyId, f.message])).toEqual([['main.warn', 'still checked']]);
  });

  it('reports compile errors as errors of the policy file', () => {
    const r = run([{ path: 'pod.yaml', text: POD }], user('package main\ndeny contains x if { x := y }\n', 'bad.rego'));
    expect(r.findings).toEqual([]);
    expect(r.errors[0]).toMatchObject({ path: 'bad.rego', line: 2 });
    expect(r.errors[0]!.code).toMatch(/^rego_/);
  });

  it('passes load errors through and counts them', () => {
    const r = run([{ path: 'pod.yaml', text: POD }, { path: 'bad.yaml', text: 'a: [\n' }], user('package main\nimport rego.v1\ndeny contains "x" if true\n'));
    expect(r.errors.map((e) => e.path)).toEqual(['bad.yaml']);
    expect(r.summary).toMatchObject({ errors: 1, files: 2, documents: 1 });
  });
});

describe('scan: stdlib and profiles', () => {
  const meta = (id: string, profiles: string, kinds = '[kubernetes]') => `# METADATA
# title: ${id}
# custom:
#   id: ${id}
#   severity: LOW
#   input: ${kinds}
#   profiles: ${profiles}
package palisade.kubernetes.${id.toLowerCase().replace(/-/g, '_')}
import rego.v1
deny contains "${id}" if true
`;
  const bundle: StdlibBundle = {
    policies: [
      { file: 'policies/kubernetes/a.rego', source: meta('S-A', '[recommended, pss-baseline]') },
      { file: 'policies/kubernetes/b.rego', source: meta('S-B', '[pss-restricted]') },
      { file: 'policies/kubernetes/c.rego', source: meta('S-C', '[cis-docker]', '[dockerfile]') },
      { file: 'policies/kubernetes/d.rego', source: meta('S-D', '[]') },
      { file: 'policies/lib/x.rego', source: 'package palisade.lib.x\nimport rego.v1\nhelper := 1\n' },
    ],
    data: [{ palisade: { config: { limit: 1 } } }],
  };
  const ids = (o: ScanOptions) => run([{ path: 'pod.yaml', text: POD }, { path: 'Dockerfile', text: DOCKERFILE }], { stdlibBundle: bundle, ...o }).findings.map((f) => f.policyId).sort();

  it('selects stdlib policies by profile', () => {
    expect(ids({})).toEqual(['S-A']);
    expect(ids({ profile: 'pss-restricted' })).toEqual(['S-B']);
    expect(ids({ profile: 'cis-docker' })).toEqual(['S-C']);
    expect(ids({ profile: 'all' })).toEqual(['S-A', 'S-B', 'S-C', 'S-D']);
  });

  it('skips stdlib policies for document kinds the scan does not contain', () => {
    const { scanner } = createScanner({ stdlibBundle: bundle, profile: 'all', documentKinds: ['dockerfile'] });
    expect(scanner!.policies.map((p) => p.metadata?.id).sort()).toEqual(['S-C']);
    const all = createScanner({ stdlibBundle: bundle, profile: 'all' }).scanner!;
    expect(all.policies.length).toBe(4);
  });

  it('runs policies declaring `profiles: []` only under `all`', () => {
    expect(ids({})).not.toContain('S-D');
    expect(ids({ profile: 'all' })).toContain('S-D');
  });

  it('runs only user policies with -p, both with stdlib: true', () => {
    const p = { file: 'main.rego', source: 'package main\nimport rego.v1\ndeny contains "mine" if input.kind == "Pod"\n' };
    expect(ids({ policies: [p] })).toEqual(['main.deny']);
    expect(ids({ policies: [p], stdlib: true })).toEqual(['S-A', 'main.deny']);
  });

  it('gives stdlib policies data.palisade.config with overrides from the configuration', () => {
    const cfg = { ...bundle, policies: [{ file: 'p.rego', source: 'package palisade.kubernetes.cfg\nimport rego.v1\ndeny contains sprintf("%v", [data.palisade.config.limit]) if true\n' }] };
    const msg = (o: ScanOptions) => run([{ path: 'pod.yaml', text: POD }], { stdlibBundle: cfg, ...o }).findings[0]!.message;
    expect(msg({})).toBe('1');
    expect(msg({ config: { limit: 5 } })).toBe('5');
  });

  it('prepares each rule once, however many documents are scanned', () => {
    const { scanner } = createScanner({ stdlibBundle: bundle, profile: 'all' });
    expect(scanner!.preparedQueries).toBe(4);
    const many = Array.from({ length: 50 }, (_, i) => ({ path: `m/${i}.yaml`, text: POD }));
    const { documents } = loadFiles(many);
    const r = scanner!.scan(documents);
    expect(r.findings).toHaveLength(150);
    expect(r.summary.policies).toBe(4);
  });
});

describe('scan: print() output and tracing', () => {
  const printing = `package main
import rego.v1
deny contains msg if {
  print("checking", input.kind)
  count(input.kind) == 3
  msg := "pods are not allowed"
}
`;
  const files = [
    { path: 'b.yaml', text: 'kind: Service\nmetadata: {name: s}\n' },
    { path: 'a.yaml', text: POD },
  ];

  it('records each print with its document and the call position, in document order', () => {
    const r = run(files, user(printing));
    expect(r.prints).toEqual([
      { file: 'a.yaml', index: 0, policyFile: 'policy/main.rego', line: 4, message: 'checking Pod' },
      { file: 'b.yaml', index: 0, policyFile: 'policy/main.rego', line: 4, message: 'checking Service' },
    ]);
    expect(r.printsOmitted).toBeUndefined();
  });

  it('has no prints when no policy prints', () => {
    const r = run(files, user('package main\nimport rego.v1\ndeny contains "x" if input.kind == "Pod"\n'));
    expect(r.prints).toBeUndefined();
  });

  it('keeps at most MAX_PRINTS lines and counts the rest', () => {
    const r = run([{ path: 'a.json', text: JSON.stringify({ n: 10_050 }) }], user('package main\nimport rego.v1\ndeny contains "x" if {\n  some i in numbers.range(1, input.n)\n  print(i)\n  false\n}\n'));
    expect(r.prints).toHaveLength(10_000);
    expect(r.printsOmitted).toBe(50);
  });

  it('asks the trace hook for a tracer per evaluation, with the query and the document', () => {
    const asked: string[] = [];
    const entered: string[] = [];
    run(files, {
      ...user(printing),
      trace: (query, path) => {
        asked.push(`${path} ${query}`);
        return (op, _loc, _depth, detail) => {
          if (op === 'enter' && detail && 'rule' in detail) entered.push(detail.rule);
        };
      },
    });
    expect(asked).toEqual(['b.yaml data.main.deny', 'a.yaml data.main.deny']);
    expect(entered).toEqual(['data.main.deny', 'data.main.deny']);
  });
});
