import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '@palisade/stdlib';
import { copyFixture, ensureBuilt, FIXTURES, palisade, ROOT } from './scan-helpers.js';

const PROJECT = join(FIXTURES, 'project');
const POLICY = ['-p', '../policy', '--all-namespaces'];
const SARIF_SCHEMA = '/work/shared/schemas/sarif-schema-2.1.0.json';
const sarifPresent = existsSync(SARIF_SCHEMA);
if (!sarifPresent) console.warn(`SARIF validation skipped: ${SARIF_SCHEMA} not found`);

beforeAll(() => ensureBuilt(), 300_000);

function jsonScan(args: string[], cwd = PROJECT): { code: number; result: ScanResult; stderr: string } {
  const r = palisade(['scan', ...args, '-o', 'json'], { cwd });
  return { code: r.code, result: JSON.parse(r.stdout) as ScanResult, stderr: r.stderr };
}

describe('palisade scan over a project', () => {
  it('finds what the policies deny, with lines, resources and waivers', () => {
    const { code, result } = jsonScan([...POLICY, '.']);
    expect(code).toBe(1);
    const rows = result.findings.map((f) => [f.file, f.startLine, f.endLine, f.policyId, f.status, f.severity]);
    expect(rows).toEqual([
      ['Dockerfile', 1, 10, 'main.warn_latest', 'warn', 'MEDIUM'],
      ['Dockerfile', 5, 5, 'FX-002', 'waived', 'HIGH'],
      ['Dockerfile', 9, 9, 'FX-002', 'fail', 'HIGH'],
      ['compose.yaml', 4, 4, 'main.deny_compose_privileged', 'fail', 'HIGH'],
      ['k8s/deploy.yaml', 12, 13, 'FX-001', 'fail', 'CRITICAL'],
    ]);
    const [, waived, root, compose, priv] = result.findings;
    expect(waived!.waiver).toEqual({ source: 'inline', reason: 'build stage only, never shipped' });
    expect(root!.resource).toEqual({ stage: 'alpine:3.20' });
    expect(compose!.resource).toEqual({ kind: 'service', name: 'web' });
    expect(priv).toMatchObject({
      resource: { kind: 'Deployment', namespace: 'prod', name: 'web' },
      remediation: 'Set securityContext.privileged to false.',
      related: ['KSV-0017'],
      message: 'container "app" is privileged',
    });
    expect(priv!.snippet).toMatchObject({ startLine: 10, highlightStart: 12, highlightEnd: 13 });
    expect(result.summary).toMatchObject({ files: 3, documents: 4, policies: 3, failures: 3, warnings: 1, waived: 1, errors: 0 });
    expect(result.errors).toEqual([]);
  });

  it('prints json that follows the published scan-result schema', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'docs/schemas/scan-result.schema.json'), 'utf8')) as object;
    const check = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    const { result } = jsonScan([...POLICY, '.']);
    check(result);
    expect(check.errors ?? []).toEqual([]);
  });

  it.skipIf(!sarifPresent)('writes SARIF 2.1.0 that validates against the official schema', () => {
    const r = palisade(['scan', ...POLICY, '-o', 'sarif', '.'], { cwd: PROJECT });
    expect(r.code).toBe(1);
    const ajv = new ajvDraft04.default({ allErrors: true, strict: false });
    ajvFormats.default(ajv);
    const check = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')) as object);
    const doc = JSON.parse(r.stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    check(doc);
    expect(check.errors ?? []).toEqual([]);
    const located = doc.runs[0]!.results.map((x) => [x.ruleId, x.locations[0]!.physicalLocation.region.startLine]);
    expect(located).toContainEqual(['FX-001', 12]);
    expect(located).toContainEqual(['FX-002', 9]);
  });

  it('writes well-formed JUnit with one test case per finding', () => {
    const r = palisade(['scan', ...POLICY, '-o', 'junit', '.'], { cwd: PROJECT });
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const xml = new XMLParser({ ignoreAttributes: false }).parse(r.stdout) as Record<string, unknown>;
    const text = JSON.stringify(xml);
    expect(text).toContain('FX-001');
    expect(text).toContain('k8s/deploy.yaml');
    expect((r.stdout.match(/<testcase\b/g) ?? []).length).toBeGreaterThanOrEqual(5);
  });

  it.each([
    ['github', /::error .*file=k8s\/deploy\.yaml,line=12/],
    ['tap', /^not ok \d+ .*FX-001/m],
    ['table', /FX-001\s+k8s\/deploy\.yaml:12-13/],
    ['azuredevops', /##vso\[task\.logissue type=error;sourcepath=k8s\/deploy\.yaml;linenumber=12/],
    ['html', /<!DOCTYPE html>[\s\S]*FX-001/i],
    ['text', /FX-001 \[CRITICAL\] Privileged container/],
  ])('renders the %s format', (format, pattern) => {
    const r = palisade(['scan', ...POLICY, '-o', format, '.'], { cwd: PROJECT });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(pattern);
  });

  it('writes several formats at once, to files and stdout', () => {
    const dir = copyFixture('project');
    rmSync(join(dir, 'out'), { recursive: true, force: true });
    const r = palisade(['scan', '-p', join(FIXTURES, 'policy'), '--all-namespaces', '-o', 'json=out/r.json', '-o', 'sarif=out/r.sarif', '-o', 'text', '.'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Summary');
    const json = JSON.parse(readFileSync(join(dir, 'out/r.json'), 'utf8')) as ScanResult;
    expect(json.summary.failures).toBe(3);
    expect(JSON.parse(readFileSync(join(dir, 'out/r.sarif'), 'utf8'))).toHaveProperty('version', '2.1.0');
  });
});

describe('exit codes', () => {
  it('0 for a clean scan, 1 for failing findings, and the threshold flags', () => {
    expect(palisade(['scan', ...POLICY, '../clean'], { cwd: PROJECT }).code).toBe(0);
    expect(palisade(['scan', ...POLICY, '.'], { cwd: PROJECT }).code).toBe(1);
    expect(palisade(['scan', ...POLICY, '--no-fail', '.'], { cwd: PROJECT }).code).toBe(0);
    expect(palisade(['scan', ...POLICY, '--fail-on', 'CRITICAL', 'Dockerfile', 'compose.yaml'], { cwd: PROJECT }).code).toBe(0);
    expect(palisade(['scan', ...POLICY, '--fail-on', 'critical', '.'], { cwd: PROJECT }).code).toBe(1);
  });

  it('warnings fail only with --fail-on-warn', () => {
    const onlyWarn = ['-p', '../policy', '-n', 'main', 'Dockerfile'];
    expect(palisade(['scan', ...onlyWarn], { cwd: PROJECT }).code).toBe(0);
    expect(palisade(['scan', ...onlyWarn, '--fail-on-warn'], { cwd: PROJECT }).code).toBe(1);
  });

  it('2 for usage errors: unknown format, bad severity, missing policy directory', () => {
    const bad = palisade(['scan', '-o', 'xml', '.'], { cwd: PROJECT });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown output format "xml"/);
    expect(palisade(['scan', '--fail-on', 'SEVERE', '.'], { cwd: PROJECT }).code).toBe(2);
    const missing = palisade(['scan', '-p', 'nope', '.'], { cwd: PROJECT });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope/);
  });

  it('2 for policy compile errors, printed with their location', () => {
    const r = palisade(['scan', '-p', '../broken-policy', '.'], { cwd: PROJECT });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.rego:6:\d+: rego_\w+_error/);
    expect(r.stdout).toBe('');
  });
});

describe('malformed inputs', () => {
  it('reports one clear error per broken file, keeps the rest, and exits 2', () => {
    const { code, result } = jsonScan([...POLICY, '.'], join(FIXTURES, 'malformed'));
    expect(code).toBe(2);
    const byFile = new Map<string, string[]>();
    for (const e of result.errors) byFile.set(e.path, [...(byFile.get(e.path) ?? []), e.code]);
    expect([...byFile.keys()].sort()).toEqual(['.dockerignore', 'Dockerfile', 'compose.yaml', 'data.json', 'grype.json', 'inspect.json', 'pod.yaml', 'trivy.json', 'values.yaml']);
    expect(byFile.get('Dockerfile')).toEqual(['dockerfile_error']);
    expect(byFile.get('trivy.json')).toEqual(['unsupported_schema_version']);
    expect(byFile.get('compose.yaml')).toEqual(['invalid_document']);
    for (const e of result.errors) expect(e.message.length).toBeGreaterThan(5);
    expect(result.errors.find((e) => e.path === 'pod.yaml')!.line).toBeGreaterThan(0);
    // The good file in the same directory is still scanned.
    expect(result.findings.map((f) => [f.file, f.policyId, f.startLine])).toEqual([['good.yaml', 'FX-001', 12]]);
  });

  it('shows load errors in the text report', () => {
    const r = palisade(['scan', ...POLICY, '.'], { cwd: join(FIXTURES, 'malformed') });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/Load errors \(\d+\)/);
    expect(r.stdout).toMatch(/Dockerfile:1:1 +dockerfile_error +Dockerfile: unknown instruction: FRMO/);
  });

  it('a missing path is an error of that path only', () => {
    const { code, result } = jsonScan([...POLICY, 'k8s', 'does-not-exist.yaml']);
    expect(code).toBe(2);
    expect(result.errors).toEqual([{ path: 'does-not-exist.yaml', code: 'not_found', message: 'no such file or directory' }]);
    expect(result.findings.map((f) => f.policyId)).toEqual(['FX-001']);
  });
});

describe('the standard library', () => {
  it('runs by default and produces a valid result', () => {
    const r = palisade(['scan', '-o', 'json', '.'], { cwd: PROJECT });
    expect([0, 1]).toContain(r.code);
    const result = JSON.parse(r.stdout) as ScanResult;
    expect(result.summary.documents).toBe(4);
    expect(result.findings.every((f) => f.namespace.startsWith('palisade.'))).toBe(true);
  });
});
