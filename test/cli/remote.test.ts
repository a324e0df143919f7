/**
 * `palisade pull` and `scan --update` end to end with https:// (a node:http server on 127.0.0.1,
 * where plain http is allowed) and git:: (a local bare repository) sources, as a user runs them;
 * usage errors of the remote options. (Archive hostility: packages/cli/src/remote/pull.test.ts;
 * OCI registries: registry.test.ts.)
 */
import { execFileSync, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, baseEnv, ensureBuilt } from './scan-helpers.js';

ensureBuilt();
const work = mkdtempSync(join(tmpdir(), 'palisade-remote-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function palisade(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: baseEnv({ HOME: join(work, 'home') }), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

const rule = (v: string) => `package main\n\ndeny contains msg if {\n\tinput.kind == "Pod"\n\tmsg := "pods are not allowed (${v})"\n}\n`;
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx\n';

function dir(name: string, files: Record<string, string> = {}): string {
  const d = join(work, name);
  mkdirSync(d, { recursive: true });
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(d, p, '..'), { recursive: true });
    writeFileSync(join(d, p), text);
  }
  return d;
}

/** A .tar.gz of `files` made by the system tar, as a release tarball is. */
function tarball(name: string, files: Record<string, string>): Buffer {
  const d = dir(`${name}-tree`, files);
  execFileSync('tar', ['-czf', join(work, `${name}.tar.gz`), '-C', d, '.']);
  return readFileSync(join(work, `${name}.tar.gz`));
}

let server: Server;
let base = '';
const served = new Map<string, Buffer>();
beforeAll(async () => {
  server = createServer((req, res) => {
    const body = served.get(req.url ?? '');
    if (body) res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('pull and scan --update from https:// sources', () => {
  it('pulls a tarball subdirectory into policy/ and a single file beside it', async () => {
    served.set('/release.tar.gz', tarball('release', { 'k8s/deny.rego': rule('tarball'), 'docs/README.md': 'x' }));
    served.set('/extra/warn.rego', Buffer.from('package main\n\nwarn contains "careful" if input.kind == "Pod"\n'));
    const cwd = dir('https-pull');
    const a = await palisade(['pull', `${base}/release.tar.gz//k8s`], cwd);
    expect(a.stderr).toContain(`pulled ${base}/release.tar.gz//k8s into policy: 1 file written`);
    expect(a.code).toBe(0);
    const b = await palisade(['pull', `${base}/extra/warn.rego`, '--policy', 'policy'], cwd);
    expect(b.code, b.stderr).toBe(0);
    expect(readdirSync(join(cwd, 'policy')).sort()).toEqual(['deny.rego', 'warn.rego']);
    const again = await palisade(['pull', `${base}/extra/warn.rego`], cwd);
    expect(again.stderr).toContain('0 files written, 1 already up to date');
  });

  it('scan --update pulls into the first --policy directory, replacing changed files, then scans', async () => {
    served.set('/p.tar.gz', tarball('p1', { 'deny.rego': rule('one') }));
    const cwd = dir('https-update', { 'pod.yaml': POD, 'rules/local.rego': 'package main\n\nwarn contains "local" if true\n' });
    const one = await palisade(['scan', '--update', `${base}/p.tar.gz`, '-p', 'rules', '-o', 'json', 'pod.yaml'], cwd);
    expect(one.code, one.stderr).toBe(1);
    expect(one.stderr).toContain(`updated rules from ${base}/p.tar.gz: 1 file written`);
    expect(one.stdout).toContain('pods are not allowed (one)');
    served.set('/p.tar.gz', tarball('p2', { 'deny.rego': rule('two') }));
    const two = await palisade(['scan', '--update', `${base}/p.tar.gz`, '-p', 'rules', '-o', 'json', 'pod.yaml'], cwd);
    expect(two.stdout).toContain('pods are not allowed (two)');
    expect(readdirSync(join(cwd, 'rules')).sort()).toEqual(['deny.rego', 'local.rego']);
  });

  it('usage and transport errors exit 2 with their codes and write nothing', async () => {
    const cwd = dir('https-errors');
    const plain = await palisade(['pull', 'http://example.com/policy.tar.gz'], cwd);
    expect(plain.stderr).toMatch(/error: remote_insecure_error: http:\/\/example\.com\/policy\.tar\.gz: plain http is only used for 127\.0\.0\.1\/localhost; .*--insecure/);
    const size = await palisade(['pull', '--max-size', 'lots', `${base}/p.tar.gz`], cwd);
    expect(size.stderr).toContain('--max-size: must be a positive number of MB, got "lots"');
    const timeout = await palisade(['pull', '--timeout', 'soon', `${base}/p.tar.gz`], cwd);
    expect(timeout.stderr).toContain('--timeout: must be a whole number of milliseconds');
    const unknown = await palisade(['pull', 'policies-somewhere'], cwd);
    expect(unknown.stderr).toMatch(/remote_source_error: policies-somewhere: unknown source; use https:\/\/…, git::…, or oci:\/\/host\/repo:tag/);
    const both = await palisade(['pull', `${base}/p.tar.gz`, 'a', '--policy', 'b'], cwd);
    expect(both.stderr).toContain('give the directory once');
    const update = await palisade(['scan', '--update', `${base}/missing.tar.gz`, '.'], cwd);
    expect(update.stderr).toMatch(/error: --update .*missing\.tar\.gz: remote_http_error: .*HTTP 404/);
    for (const r of [plain, size, timeout, unknown, both, update]) expect(r.code).toBe(2);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('pull from git:: sources', () => {
  it('clones a tag of a bare repository and takes the //subdirectory', async () => {
    const repo = dir('git-src', { 'policy/deny.rego': rule('git v1'), 'other/x.txt': 'x' });
    const git = (...a: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...a], { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'one');
    git('tag', 'v1');
    writeFileSync(join(repo, 'policy/deny.rego'), rule('git v2'));
    git('commit', '-q', '-am', 'two');
    const bare = join(work, 'policies.git');
    execFileSync('git', ['clone', '-q', '--bare', repo, bare]);
    const cwd = dir('git-pull', { 'pod.yaml': POD });
    const r = await palisade(['pull', `git::file://${bare}//policy?ref=v1`, 'p'], cwd);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(cwd, 'p'))).toEqual(['deny.rego']);
    expect(readFileSync(join(cwd, 'p/deny.rego'), 'utf8')).toContain('git v1');
    const scan = await palisade(['scan', '--update', `git::${bare}//policy`, '-o', 'json', 'pod.yaml'], cwd);
    expect(scan.code, scan.stderr).toBe(1);
    expect(scan.stdout).toContain('pods are not allowed (git v2)');
    expect(existsSync(join(cwd, 'policy/deny.rego'))).toBe(true);
  });
});
