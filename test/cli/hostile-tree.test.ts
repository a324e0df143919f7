/**
 * `palisade scan`, `check`, `test` and `fmt` on trees a pull request could contain: link loops,
 * links out of the scanned and policy directories, FIFOs and devices, unreadable directories,
 * stdin beyond the size limit. Each ends, follows nothing out of the roots and names what it skipped.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, baseEnv, ensureBuilt, palisade } from './scan-helpers.js';

beforeAll(() => ensureBuilt(), 300_000);

const POLICY = 'package main\nimport rego.v1\ndeny contains "own policy" if { input[_].Cmd == "from" }\n';
const TEST = 'package main_test\nimport rego.v1\ntest_ok if { true }\n';
const EVIL = 'package main\nimport rego.v1\ndeny contains "policy from outside the directory" if { true }\n';

/** base/{repo, outside}: the repo has loops and links leading out of it, in the inputs and the policies. */
function hostileRepo(): { base: string; repo: string } {
  const base = mkdtempSync(join(tmpdir(), 'palisade-hostile-'));
  const repo = join(base, 'repo');
  const outside = join(base, 'outside');
  mkdirSync(join(repo, 'app/sub'), { recursive: true });
  mkdirSync(join(repo, 'policy'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(outside, 'Dockerfile'), 'FROM outside\n');
  writeFileSync(join(outside, 'evil.rego'), EVIL);
  writeFileSync(join(repo, 'app/Dockerfile'), 'FROM alpine:3.20\nUSER app\n');
  writeFileSync(join(repo, 'policy/main.rego'), POLICY);
  writeFileSync(join(repo, 'policy/main_test.rego'), TEST);
  for (const dir of ['app', 'policy']) {
    symlinkSync('.', join(repo, dir, 'self'));
    symlinkSync('..', join(repo, dir, 'up'));
    symlinkSync(outside, join(repo, dir, 'out'));
  }
  symlinkSync('..', join(repo, 'app/sub/up'));
  symlinkSync(join(outside, 'Dockerfile'), join(repo, 'app/Dockerfile.out'));
  symlinkSync(join(outside, 'evil.rego'), join(repo, 'policy/evil.rego'));
  return { base, repo };
}

const spawnOpts = { timeout: 60_000 };

describe('hostile trees', () => {
  it('scan: loops end, links out of the root are named and not followed, in inputs and in -p', () => {
    const { repo } = hostileRepo();
    const r = palisade(['scan', 'app', '-p', 'policy', '--format', 'json'], { cwd: repo });
    expect(r.stderr).toContain('palisade: skipped app/out: symbolic link to a path outside the directory scanned, not followed');
    expect(r.stderr).toContain('palisade: skipped app/Dockerfile.out: symbolic link to a path outside the directory scanned');
    expect(r.stderr).toContain('palisade: skipped app/self: symbolic link to a directory, not followed');
    const report = JSON.parse(r.stdout) as { findings: { file: string; message: string }[] };
    expect(new Set(report.findings.map((f) => f.file))).toEqual(new Set(['app/Dockerfile']));
    expect(report.findings.map((f) => f.message)).toContain('own policy');
    expect(report.findings.map((f) => f.message)).not.toContain('policy from outside the directory');
  });

  it.each([['check'], ['fmt', '--list'], ['test']])('%s: ends on a policy directory with loops and reads nothing from outside it', (...cmd) => {
    const { repo } = hostileRepo();
    const r = palisade([...cmd, 'policy'], { cwd: repo });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('palisade: skipped policy/out: symbolic link to a path outside the directory scanned, not followed');
    expect(r.stderr).toContain('palisade: skipped policy/evil.rego: symbolic link to a path outside the directory scanned');
    expect(r.stdout + r.stderr).not.toContain('outside/evil.rego');
  });

  it('scan: a FIFO or a device named on the command line is an error for that path, never a blocked read', () => {
    const { repo } = hostileRepo();
    execFileSync('mkfifo', [join(repo, 'app/pipe.yaml')]);
    const r = palisade(['scan', 'app/pipe.yaml', '/dev/zero', 'app/Dockerfile', '--format', 'json'], { cwd: repo });
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as { errors: { path: string; code: string; message: string }[]; findings: unknown[] };
    expect(report.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'app/pipe.yaml', code: 'read_error', message: 'cannot read a FIFO: only regular files are read' }),
        expect.objectContaining({ path: '/dev/zero', code: 'read_error', message: 'cannot read a device: only regular files are read' }),
      ]),
    );
    expect(report.findings.length).toBeGreaterThan(0);
  });

  it('scan -: stdin beyond the size limit is refused while reading', () => {
    const r = spawnSync(process.execPath, [BIN, 'scan', '-', '--format', 'json'], { ...spawnOpts, env: baseEnv(), input: Buffer.alloc(51 * 1024 * 1024, 'a'), encoding: 'utf8' });
    expect(r.status).toBe(2);
    const report = JSON.parse(r.stdout) as { errors: { path: string; code: string }[] };
    expect(report.errors).toEqual([expect.objectContaining({ path: 'stdin', code: 'input_too_large' })]);
  });

  it('scan: an unreadable directory is an error for its path; the rest is scanned', (ctx) => {
    // Root reads every directory whatever its mode; as root the CLI runs as nobody (setpriv) instead.
    const asNobody = process.getuid?.() === 0;
    if (asNobody && spawnSync('setpriv', ['--version']).status !== 0) {
      console.log('skipped: running as root (directories are always readable) and setpriv is missing to run as another user');
      ctx.skip();
    }
    const { base, repo } = hostileRepo();
    mkdirSync(join(repo, 'app/locked'));
    writeFileSync(join(repo, 'app/locked/Dockerfile'), 'FROM locked\n');
    chmodSync(join(repo, 'app/locked'), 0);
    for (const d of [base, repo]) chmodSync(d, 0o755);
    const cmd = asNobody ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
    const r = spawnSync(cmd[0]!, [...cmd.slice(1), BIN, 'scan', 'app', '--format', 'json'], { ...spawnOpts, cwd: repo, env: baseEnv(), encoding: 'utf8' });
    chmodSync(join(repo, 'app/locked'), 0o755);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.status).toBe(2);
    const report = JSON.parse(r.stdout) as { errors: { path: string; code: string; message: string }[]; findings: { file: string }[] };
    expect(report.errors).toEqual([{ path: 'app/locked', code: 'read_error', message: 'cannot read directory: EACCES' }]);
    expect(report.findings.map((f) => f.file)).toContain('app/Dockerfile');
  });
});
