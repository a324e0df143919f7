/**
 * The GitHub Action (action.yml + integrations/github/scan.sh) run the way a runner runs it: the
 * step's script with INPUT_* variables, GITHUB_ACTION_PATH pointing at this checkout and a
 * GITHUB_OUTPUT file, against real files. `actions/setup-node` is GitHub's and is not run here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { baseEnv, ensureBuilt, ROOT } from '../cli/scan-helpers.js';

ensureBuilt();
const work = mkdtempSync(join(tmpdir(), 'palisade-action-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Step {
  uses?: string;
  run?: string;
  env?: Record<string, string>;
}
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
};
const scanStep = action.runs.steps.find((s) => s.run?.includes('integrations/github/scan.sh'))!;

function runAction(inputs: Record<string, string>, cwd = ROOT) {
  const output = join(work, `output-${Math.random().toString(36).slice(2)}`);
  writeFileSync(output, '');
  // Defaults first, as the runner fills them in; then the step's env mapping, input by input.
  const values: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) values[name] = inputs[name] ?? spec.default ?? '';
  const env: Record<string, string> = { GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: output, NO_COLOR: '1' };
  for (const [k, v] of Object.entries(scanStep.env ?? {})) {
    env[k] = v.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => values[name] ?? '');
  }
  const r = spawnSync('bash', [join(ROOT, 'integrations/github/scan.sh')], { cwd, env: baseEnv(env), encoding: 'utf8', timeout: 120_000 });
  const outputs = Object.fromEntries(
    readFileSync(output, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, outputs };
}

describe('action.yml', () => {
  it('is a composite action whose scan step receives every input and defines the outputs it sets', () => {
    expect(action.runs.using).toBe('composite');
    const passed = new Set(Object.values(scanStep.env ?? {}).flatMap((v) => [...v.matchAll(/inputs\.([\w-]+)/g)].map((m) => m[1])));
    expect([...passed].sort()).toEqual(Object.keys(action.inputs).sort());
    for (const spec of Object.values(action.inputs)) expect(spec.description.length).toBeGreaterThan(10);
    expect(Object.keys(action.outputs).sort()).toEqual(['exit-code', 'sarif']);
    // The runner substitutes ${{ }} into `run:` text; inputs must only ever reach the script via env.
    expect(scanStep.run).not.toMatch(/\$\{\{/);
  });

  it('fails on findings, annotates the log with workflow commands and writes SARIF', () => {
    const sarif = join(work, 'out.sarif');
    const r = runAction({ path: 'examples/dockerfiles', sarif });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^::error file=examples\/dockerfiles\/[^,]+,line=\d+/m);
    const report = JSON.parse(readFileSync(sarif, 'utf8')) as { runs: { results: unknown[] }[] };
    expect(report.runs[0]!.results.length).toBeGreaterThan(0);
    expect(r.outputs).toEqual({ 'exit-code': '1', sarif });
  });

  it('fail-on raises the threshold, and `none` reports without failing', () => {
    const dir = mkdtempSync(join(work, 'low-'));
    // Only a LOW finding (no HEALTHCHECK) and nothing above it.
    writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine:3.20@sha256:' + 'a'.repeat(64) + '\nUSER 10001\nCMD ["true"]\n');
    const all = runAction({ path: dir, sarif: '' });
    const critical = runAction({ path: dir, sarif: '', 'fail-on': 'CRITICAL' });
    expect(critical.code, critical.stdout).toBe(0);
    expect(all.code, 'the LOW finding fails by default').toBe(1);
    expect(all.outputs['exit-code']).toBe('1');
    const none = runAction({ path: 'examples/dockerfiles', sarif: '', 'fail-on': 'none' });
    expect(none.code, none.stderr).toBe(0);
    expect(none.stdout).toMatch(/^::error /m);
    expect(none.outputs).toEqual({ 'exit-code': '0', sarif: '' });
  });

  it('treats inputs as data: no shell expansion, no globbing, a missing path is an error', () => {
    const cwd = mkdtempSync(join(work, 'hostile-'));
    const r = runAction({ path: '$(touch pwned) `touch pwned2` *', sarif: '' }, cwd);
    expect(r.code).toBe(2);
    expect(existsSync(join(cwd, 'pwned'))).toBe(false);
    expect(existsSync(join(cwd, 'pwned2'))).toBe(false);
    expect(r.outputs['exit-code']).toBe('2');
  });

  it('runs the user policies given as `policy`, with the stdlib only when asked', () => {
    const dir = mkdtempSync(join(work, 'policy-'));
    writeFileSync(join(dir, 'deny.rego'), 'package main\n\n# conftest\'s Dockerfile shape: a flat array of instructions.\ndeny contains "no latest" if {\n  some i in input\n  i.Cmd == "from"\n  endswith(i.Value[0], ":latest")\n}\n');
    writeFileSync(join(dir, 'Dockerfile'), 'FROM node:latest\n');
    const own = runAction({ path: join(dir, 'Dockerfile'), policy: join(dir, 'deny.rego'), sarif: '' });
    expect(own.code, own.stdout + own.stderr).toBe(1);
    expect(own.stdout).toContain('no latest');
    expect(own.stdout).not.toMatch(/DF-\d+/);
    const both = runAction({ path: join(dir, 'Dockerfile'), policy: join(dir, 'deny.rego'), stdlib: 'true', sarif: '' });
    expect(both.stdout).toMatch(/DF-\d+/);
  });
});
