import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseConfig, type ScanResult } from '@palisade/stdlib';
import { copyFixture, ensureBuilt, FIXTURES, palisade, ROOT } from './scan-helpers.js';

const PROJECT = join(FIXTURES, 'project');
const POLICY_DIR = join(FIXTURES, 'policy');
const POLICY = ['-p', POLICY_DIR, '--all-namespaces'];

beforeAll(() => ensureBuilt(), 300_000);

function json(args: string[], opts: Parameters<typeof palisade>[1] = {}): { code: number; result: ScanResult; stderr: string } {
  const r = palisade(['scan', ...args, '-o', 'json'], { cwd: PROJECT, ...opts });
  return { code: r.code, result: JSON.parse(r.stdout) as ScanResult, stderr: r.stderr };
}

describe('file discovery', () => {
  it('honours .gitignore, .palisadeignore and --ignore, and skips node_modules and unknown files', () => {
    const dir = copyFixture('project');
    for (const sub of ['ignored', 'vendor', 'node_modules/pkg', 'nested/deep', 'extra']) mkdirSync(join(dir, sub), { recursive: true });
    const deploy = readFileSync(join(PROJECT, 'k8s/deploy.yaml'), 'utf8');
    for (const p of ['ignored/deploy.yaml', 'vendor/deploy.yaml', 'node_modules/pkg/deploy.yaml', 'nested/deep/deploy.yaml', 'extra/deploy.yaml']) writeFileSync(join(dir, p), deploy);
    writeFileSync(join(dir, 'nested/.gitignore'), 'deep/\n');
    const { result } = json([...POLICY, '.'], { cwd: dir });
    expect([...new Set(result.findings.map((f) => f.file))].sort()).toEqual(['Dockerfile', 'compose.yaml', 'extra/deploy.yaml', 'k8s/deploy.yaml']);
    const ignored = json([...POLICY, '--ignore', 'extra', '--ignore', '*.yaml', '.'], { cwd: dir });
    expect([...new Set(ignored.result.findings.map((f) => f.file))]).toEqual(['Dockerfile']);
  });

  it('skips unrendered Helm templates with a notice, and scans the rest of the chart', () => {
    const dir = copyFixture('project');
    mkdirSync(join(dir, 'charts/web/templates'), { recursive: true });
    writeFileSync(join(dir, 'charts/web/Chart.yaml'), 'apiVersion: v2\nname: web\nversion: 0.1.0\n');
    const deploy = readFileSync(join(PROJECT, 'k8s/deploy.yaml'), 'utf8');
    writeFileSync(join(dir, 'charts/web/templates/plain.yaml'), deploy);
    writeFileSync(join(dir, 'charts/web/templates/deploy.yaml'), deploy.replace(/name: .*/, 'name: {{ .Release.Name }}\n  {{- with .Values.labels }}\n  labels: {{ toYaml . | nindent 4 }}\n  {{- end }}'));
    const { result, stderr } = json([...POLICY, '.'], { cwd: dir });
    expect(result.errors).toEqual([]);
    expect([...new Set(result.findings.map((f) => f.file))].sort()).toEqual(['Dockerfile', 'charts/web/templates/plain.yaml', 'compose.yaml', 'k8s/deploy.yaml']);
    expect(stderr).toContain('skipped 1 unrendered Helm template of chart charts/web; scan the rendered manifests with: helm template charts/web | palisade scan --parser kubernetes -');
    // Named explicitly, a template is read like any file and its syntax errors are reported once per document.
    const explicit = json([...POLICY, 'charts/web/templates/deploy.yaml'], { cwd: dir });
    expect(explicit.result.errors).toHaveLength(1);
    expect(explicit.result.errors[0]).toMatchObject({ path: 'charts/web/templates/deploy.yaml', code: 'syntax_error' });
  });

  it('reads standard input with --parser', () => {
    const text = readFileSync(join(PROJECT, 'k8s/deploy.yaml'), 'utf8');
    const { code, result } = json([...POLICY, '--parser', 'kubernetes', '-'], { input: text });
    expect(code).toBe(1);
    expect(result.findings.map((f) => [f.file, f.policyId, f.startLine])).toEqual([['stdin', 'FX-001', 12]]);
  });
});

describe('configuration', () => {
  function project(config: string): string {
    const dir = copyFixture('project');
    writeFileSync(join(dir, 'palisade.yaml'), config);
    return dir;
  }

  it('reads palisade.yaml: policies, namespaces, waivers (expired ones reported)', () => {
    const dir = project(`policy: [${JSON.stringify(POLICY_DIR)}]
all-namespaces: true
waivers:
  - id: FX-001
    path: k8s/*.yaml
    resource: Deployment/prod/*
    reason: tracked in JIRA-1
    expires: 2999-12-31
  - id: main.*
    reason: stale
    expires: 2000-01-01
`);
    const { code, result } = json(['.'], { cwd: dir });
    expect(code).toBe(1);
    const fx1 = result.findings.find((f) => f.policyId === 'FX-001')!;
    expect(fx1).toMatchObject({ status: 'waived', waiver: { source: 'config', reason: 'tracked in JIRA-1', expires: '2999-12-31' } });
    expect(result.findings.find((f) => f.policyId === 'main.deny_compose_privileged')!.status).toBe('fail');
    expect(result.expiredWaivers).toEqual([{ id: 'main.*', reason: 'stale', expires: '2000-01-01' }]);
  });

  it('flags beat PALISADE_* variables, which beat the file', () => {
    const dir = project(`policy: ${JSON.stringify(POLICY_DIR)}\nall-namespaces: true\nfail-on: LOW\n`);
    expect(palisade(['scan', '.'], { cwd: dir }).code).toBe(1);
    expect(palisade(['scan', '.'], { cwd: dir, env: { PALISADE_NO_FAIL: 'true' } }).code).toBe(0);
    expect(palisade(['scan', '--fail-on', 'CRITICAL', 'Dockerfile'], { cwd: dir, env: { PALISADE_FAIL_ON: 'HIGH' } }).code).toBe(0);
    expect(palisade(['scan', 'Dockerfile'], { cwd: dir, env: { PALISADE_FAIL_ON: 'HIGH' } }).code).toBe(1);
  });

  it('rejects an invalid configuration with exit 2 and says where', () => {
    const dir = project('profile: strictest\nwaivers:\n  - reason: no id\n');
    const r = palisade(['scan', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/palisade\.yaml.*profile: must be one of/);
    expect(r.stderr).toMatch(/waivers\[0\]\.id/);
    const env = palisade(['scan', '.'], { cwd: PROJECT, env: { PALISADE_JOBS: 'many' } });
    expect(env.code).toBe(2);
    expect(env.stderr).toMatch(/PALISADE_JOBS/);
  });

  it('the published JSON Schema and the built-in validator agree', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'docs/schemas/palisade-config.schema.json'), 'utf8')) as object;
    const check = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    const samples = [
      'policy: p/\nfail-on: HIGH\nwaivers: [{id: X, expires: "2030-01-01"}]\n',
      'output: [text, json=out.json]\njobs: 2\ncolor: false\nconfig: {a: 1}\n',
      'unknown: 1\n',
      'jobs: 0\n',
      'waivers: [{reason: x}]\n',
      'dockerfile-shape: docker\n',
      'namespace: []\n',
      'baseline: .palisade-baseline.json\n',
      'baseline: ""\n',
    ];
    for (const text of samples) {
      const { issues } = parseConfig(text);
      expect([text, check(parseYaml(text))]).toEqual([text, issues.length === 0]);
    }
  });
});

describe('baseline files', () => {
  it('--write-baseline records the findings; --baseline waives them so only new findings fail', () => {
    const dir = copyFixture('project');
    const written = palisade(['scan', ...POLICY, '--write-baseline', 'base.json', '.'], { cwd: dir });
    expect(written.code).toBe(0);
    const recorded = /recorded (\d+) findings? in the baseline base\.json/.exec(written.stderr);
    expect(recorded, written.stderr).not.toBeNull();
    const base = JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8')) as { format: string; findings: { fingerprint: string; policyId: string; file: string }[] };
    expect(base.format).toBe('palisade-baseline/v1');
    const before = json([...POLICY, '.'], { cwd: dir });
    // Findings already waived (the fixture's inline waiver) are not recorded.
    const open = before.result.findings.filter((f) => f.status !== 'waived');
    expect(base.findings.map((f) => f.policyId).sort()).toEqual(open.map((f) => f.policyId).sort());

    const accepted = json([...POLICY, '--baseline', 'base.json', '.'], { cwd: dir });
    expect(accepted.code).toBe(0);
    expect(accepted.result.summary).toMatchObject({ failures: 0, warnings: 0, waived: before.result.findings.length });
    expect(accepted.result.findings.filter((f) => f.waiver?.source === 'baseline')).toHaveLength(open.length);
    expect(accepted.stderr).toContain(`${open.length} findings recorded in the baseline reported as waived`);
    // The write notice counts in the unit the next run reports: findings, not file entries.
    expect(Number(recorded![1])).toBe(open.length);

    // Lines shift above the recorded finding (still waived) and a second privileged container appears (new).
    const deploy = join(dir, 'k8s/deploy.yaml');
    const text = readFileSync(deploy, 'utf8');
    writeFileSync(deploy, '# moved down\n' + text.replace(/containers:\n/, 'containers:\n        - name: added\n          image: busybox\n          securityContext: {privileged: true}\n'));
    const next = json([...POLICY, '--baseline', 'base.json', '.'], { cwd: dir });
    expect(next.code).toBe(1);
    expect(next.result.findings.filter((f) => f.status === 'fail').map((f) => f.message)).toEqual(['container "added" is privileged']);

    // Refreshing keeps what the old baseline covered and adds the new finding.
    expect(palisade(['scan', ...POLICY, '--baseline', 'base.json', '--write-baseline', 'refreshed.json', '.'], { cwd: dir }).code).toBe(0);
    const refreshed = JSON.parse(readFileSync(join(dir, 'refreshed.json'), 'utf8')) as { findings: unknown[] };
    expect(refreshed.findings).toHaveLength(base.findings.length + 1);

    // Entries whose finding is gone are counted, so the file can be refreshed.
    writeFileSync(deploy, text.replace(/privileged: true/g, 'privileged: false'));
    const fixed = palisade(['scan', ...POLICY, '--baseline', 'base.json', '.'], { cwd: dir });
    expect(fixed.stderr).toMatch(/baseline entr(y matches|ies match) nothing any more/);
  });

  it('reads the baseline from palisade.yaml relative to the file, and rejects a file that is not a baseline', () => {
    const dir = copyFixture('project');
    expect(palisade(['scan', ...POLICY, '--write-baseline', 'ci/base.json', '.'], { cwd: dir }).code).toBe(2);
    mkdirSync(join(dir, 'ci'));
    expect(palisade(['scan', ...POLICY, '--write-baseline', 'ci/base.json', '.'], { cwd: dir }).code).toBe(0);
    writeFileSync(join(dir, 'ci/palisade.yaml'), `baseline: base.json\npolicy: [${JSON.stringify(POLICY_DIR)}]\nall-namespaces: true\n`);
    expect(palisade(['scan', '--config', 'ci/palisade.yaml', '.'], { cwd: dir }).code).toBe(0);
    writeFileSync(join(dir, 'ci/base.json'), '{"findings": []}');
    const bad = palisade(['scan', '--config', 'ci/palisade.yaml', '.'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not a Palisade baseline');
    const missing = palisade(['scan', ...POLICY, '--baseline', 'nope.json', '.'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read baseline');
  });
});

describe('evaluation options', () => {
  it('--jobs gives the same result as one thread', () => {
    const dir = copyFixture('project');
    const deploy = readFileSync(join(PROJECT, 'k8s/deploy.yaml'), 'utf8');
    mkdirSync(join(dir, 'many'));
    for (let i = 0; i < 30; i++) writeFileSync(join(dir, `many/d${String(i).padStart(2, '0')}.yaml`), deploy);
    const one = palisade(['scan', ...POLICY, '-j', '1', '-o', 'json', '.'], { cwd: dir });
    const four = palisade(['scan', ...POLICY, '-j', '4', '-o', 'json', '.'], { cwd: dir });
    expect(four.code).toBe(one.code);
    expect(four.stdout).toBe(one.stdout);
    expect((JSON.parse(four.stdout) as ScanResult).summary.documents).toBe(64);
    expect(four.stderr).not.toMatch(/parallel scan failed/);
  });

  it('--jobs: workers started before compiling stop when compiling fails or there is one document', () => {
    const dir = copyFixture('project');
    mkdirSync(join(dir, 'broken'));
    writeFileSync(join(dir, 'broken/bad.rego'), 'package main\ndeny contains msg if {\n');
    const failed = palisade(['scan', '-p', 'broken', '-j', '2', '-o', 'json', 'k8s'], { cwd: dir });
    expect(failed.code).toBe(2);
    expect(failed.stdout).toBe('');
    const single = mkdtempSync(join(tmpdir(), 'palisade-one-doc-'));
    writeFileSync(join(single, 'Dockerfile'), 'FROM alpine:3.20\nUSER 1000\n');
    // Two files, one document: the other does not load.
    writeFileSync(join(single, 'broken.yaml'), 'a: [\n');
    const one = palisade(['scan', '-j', '2', '-o', 'json', '.'], { cwd: single });
    const serial = palisade(['scan', '-j', '1', '-o', 'json', '.'], { cwd: single });
    rmSync(single, { recursive: true, force: true });
    expect(one.stdout).toBe(serial.stdout);
    expect(one.code).toBe(serial.code);
    expect(one.stderr).not.toMatch(/parallel scan failed/);
  });

  it('--combine gives user policies every file at once', () => {
    const dir = copyFixture('project');
    mkdirSync(join(dir, 'combine'));
    writeFileSync(
      join(dir, 'combine/count.rego'),
      'package main\nimport rego.v1\ndeny contains sprintf("%d entries, first %s, last %s", [count(input), input[0].path, input[count(input) - 1].path]) if true\n',
    );
    const r = json(['-p', 'combine', '--combine', '.'], { cwd: dir });
    // One entry per document, sorted by path, as conftest's CombineConfigurations: k8s/deploy.yaml holds two.
    expect(r.result.findings.map((f) => f.message)).toEqual(['4 entries, first Dockerfile, last k8s/deploy.yaml']);
  });
});

describe('terminal behaviour', () => {
  const ESC = '\u001b[';
  it('colour: --color / --no-color > NO_COLOR > FORCE_COLOR > TTY', () => {
    const args = ['scan', ...POLICY, 'k8s'];
    expect(palisade(args).stdout).not.toContain(ESC);
    expect(palisade(args, { env: { FORCE_COLOR: '1' } }).stdout).toContain(ESC);
    expect(palisade(args, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain(ESC);
    expect(palisade([...args, '--color'], { env: { NO_COLOR: '1' } }).stdout).toContain(ESC);
    expect(palisade([...args, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain(ESC);
  });

  it('prints no progress when stderr is not a terminal', () => {
    const r = palisade(['scan', ...POLICY, '.'], { cwd: PROJECT });
    expect(r.stderr).not.toMatch(/[\r\x1b]/);
    // Only the notice naming what was not scanned (every skip is counted and named).
    expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^palisade: not scanned: \d+ files of no known input kind \(.*README\.md/)]);
  });

  it('ui and --interactive fall back to the text report without a terminal', () => {
    for (const args of [['ui', ...POLICY, '.'], ['scan', '--interactive', ...POLICY, '.']]) {
      const r = palisade(args, { cwd: PROJECT });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/not starting the interactive UI: .*not a terminal/);
      expect(r.stdout).toContain('FX-001 [CRITICAL] Privileged container');
    }
  });
});
