/**
 * The hooks of .pre-commit-hooks.yaml run by the real pre-commit (Debian's package; `.ci/run`
 * installs it) through `pre-commit try-repo`, in a throwaway git repository, against staged files.
 * The hooks run the `palisade` on PATH; here that is a shim to this checkout's build.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baseEnv, BIN, ensureBuilt, ROOT } from '../cli/scan-helpers.js';

const found = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const missing = found.error || found.status !== 0 ? 'pre-commit is not installed (apt-get install pre-commit)' : undefined;
if (missing) console.warn(`pre-commit.test: skipped, ${missing}`);
else ensureBuilt();

const work = mkdtempSync(join(tmpdir(), 'palisade-precommit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const bin = join(work, 'bin');
const hooks = join(work, 'hooks');
const env = () => baseEnv({ PATH: `${bin}:${process.env.PATH ?? ''}`, PRE_COMMIT_HOME: join(work, 'cache'), NO_COLOR: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' });
const git = (cwd: string, ...args: string[]) => {
  const r = spawnSync('git', args, { cwd, env: env(), encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
};

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(work, 'repo-'));
  git(dir, 'init', '-q');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  git(dir, 'add', '-A');
  return dir;
}

function tryHook(id: string, cwd: string) {
  const r = spawnSync('pre-commit', ['try-repo', hooks, id, '--all-files', '--color', 'never'], { cwd, env: env(), encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe.skipIf(!!missing)('.pre-commit-hooks.yaml', () => {
  it('sets up: a palisade shim on PATH and a hooks repository holding the hooks file', () => {
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'palisade'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(join(bin, 'palisade'), 0o755);
    mkdirSync(hooks);
    git(hooks, 'init', '-q');
    copyFileSync(join(ROOT, '.pre-commit-hooks.yaml'), join(hooks, '.pre-commit-hooks.yaml'));
    git(hooks, 'add', '-A');
    git(hooks, 'commit', '-qm', 'hooks');
  });

  it('palisade-scan fails a commit with a bad Dockerfile or manifest and passes a clean one', () => {
    const bad = project({ 'Dockerfile': 'FROM node:latest\nUSER root\n', 'README.md': '# not scanned\n' });
    const r = tryHook('palisade-scan', bad);
    expect(r.code, r.out).toBe(1);
    expect(r.out).toMatch(/palisade scan\.+Failed/);
    expect(r.out).toMatch(/DF-\d+/);
    expect(r.out).not.toContain('README.md');

    const manifest = project({ 'k8s/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx\n      securityContext:\n        privileged: true\n' });
    const k = tryHook('palisade-scan', manifest);
    expect(k.code, k.out).toBe(1);
    expect(k.out).toMatch(/privileged/i);

    const clean = project({ 'Dockerfile': readFileSync(join(ROOT, 'Dockerfile'), 'utf8'), '.dockerignore': readFileSync(join(ROOT, '.dockerignore'), 'utf8') });
    const c = tryHook('palisade-scan', clean);
    expect(c.code, c.out).toBe(0);
    expect(c.out).toMatch(/palisade scan\.+Passed/);
  });

  it('palisade-fmt rewrites an unformatted policy and stops the commit; palisade-check reports a compile error', () => {
    const dir = project({ 'policy/deny.rego': 'package main\ndeny contains msg if { input.x==1; msg:="x" }\n' });
    const f = tryHook('palisade-fmt', dir);
    expect(f.code, f.out).toBe(1);
    expect(f.out).toMatch(/files were modified by this hook/);
    expect(readFileSync(join(dir, 'policy/deny.rego'), 'utf8')).toContain('input.x == 1');

    const broken = project({ 'policy/deny.rego': 'package main\n\ndeny contains msg if {\n  msg := unknown_function(input)\n}\n' });
    const c = tryHook('palisade-check', broken);
    expect(c.code, c.out).not.toBe(0);
    expect(c.out).toMatch(/deny\.rego:4/);
    expect(c.out).toMatch(/undefined function/);
  });
});
