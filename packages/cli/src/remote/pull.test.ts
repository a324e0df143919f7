/**
 * Pulling from real servers on 127.0.0.1 (node:http) and real git repositories: what lands in the
 * destination, and that hostile or oversized archives, bad policies and unsafe destinations
 * change nothing at all (no half-written directory, nothing outside it, no staging left over).
 */
import { execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from '../opa-bundle/build.js';
import { readTarGz, writeTarGz } from '../opa-bundle/archive.js';
import { RemoteError, RemoteErrorCodes, type RemoteErrorCode } from './errors.js';
import { MB } from './limits.js';
import { pull, type PullOptions } from './pull.js';
import { parseSource } from './source.js';

const work = mkdtempSync(join(tmpdir(), 'palisade-pull-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Entry = { name: string; type?: 'file' | 'symlink' | 'link' | 'directory'; body?: string | Buffer; linkname?: string };

async function tar(entries: Entry[], gzip = true): Promise<Buffer> {
  const p = pack();
  const chunks: Buffer[] = [];
  p.on('data', (c) => chunks.push(c as Buffer));
  const done = new Promise<void>((r) => p.on('end', () => r()));
  for (const e of entries) p.entry({ name: e.name, type: e.type ?? 'file', ...(e.linkname ? { linkname: e.linkname } : {}) }, e.body ?? '');
  p.finalize();
  await done;
  const bytes = Buffer.concat(chunks);
  return gzip ? gzipSync(bytes) : bytes;
}

const routes = new Map<string, (req: IncomingMessage, res: ServerResponse) => void>();
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const route = routes.get(req.url ?? '');
    if (route) route(req, res);
    else res.writeHead(404).end('no such file');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address() as { port: number };
  base = `http://127.0.0.1:${addr.port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function serve(path: string, body: Buffer | string, headers: Record<string, string> = {}): string {
  routes.set(path, (_req, res) => res.writeHead(200, headers).end(body));
  return base + path;
}

const RULE = 'package main\n\ndeny contains "no" if input.kind == "Pod"\n';
let n = 0;
function dest(): { cwd: string; dir: string } {
  const cwd = join(work, `case-${++n}`);
  mkdirSync(cwd);
  return { cwd, dir: join(cwd, 'policy') };
}
const opts = (cwd: string, more: Partial<PullOptions> = {}): PullOptions => ({ cwd, env: {}, timeoutMs: 10_000, ...more });

async function rejection(p: Promise<unknown>): Promise<RemoteError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(RemoteError);
    return e as RemoteError;
  }
  throw new Error('expected the pull to fail');
}

async function fails(p: Promise<unknown>, code: RemoteErrorCode, message: RegExp): Promise<void> {
  const e = await rejection(p);
  expect(e.code).toBe(code);
  expect(e.message).toMatch(message);
}

/** Everything under `dir`, as relative paths. */
function listing(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[]).map(String).sort();
}

describe('https:// sources (plain http on 127.0.0.1)', () => {
  it('unpacks a tarball, or only its //subdirectory, into the destination', async () => {
    const url = serve('/p.tar.gz', await tar([{ name: 'repo/k8s/deny.rego', body: RULE }, { name: 'repo/k8s/lib/data.json', body: '{"a":1}' }, { name: 'repo/README.md', body: 'hi' }]));
    const a = dest();
    const r = await pull(url, 'policy', opts(a.cwd));
    expect(r.written.sort()).toEqual(['repo/README.md', 'repo/k8s/deny.rego', 'repo/k8s/lib/data.json']);
    expect(readFileSync(join(a.dir, 'repo/k8s/deny.rego'), 'utf8')).toBe(RULE);
    expect(statSync(a.dir).mode & 0o777).toBe(0o755);
    const b = dest();
    await pull(`${url}//repo/k8s`, 'policy', opts(b.cwd));
    expect(listing(b.dir)).toEqual(['deny.rego', 'lib', 'lib/data.json']);
    // Nothing but the destination was created beside it.
    expect(readdirSync(b.cwd)).toEqual(['policy']);
  });

  it('reads a plain (not gzipped) tarball and saves a single file under its name', async () => {
    const a = dest();
    await pull(serve('/plain.tar', await tar([{ name: 'x.rego', body: RULE }], false)), 'policy', opts(a.cwd));
    expect(listing(a.dir)).toEqual(['x.rego']);
    const b = dest();
    const r = await pull(serve('/files/deny.rego?raw=1', RULE), 'policy', opts(b.cwd));
    expect(r.written).toEqual(['deny.rego']);
    expect(readFileSync(join(b.dir, 'deny.rego'), 'utf8')).toBe(RULE);
  });

  it('adds to an existing directory, keeps identical files, and refuses to replace a different one unless told', async () => {
    const a = dest();
    mkdirSync(a.dir);
    writeFileSync(join(a.dir, 'mine.rego'), 'package mine\n');
    writeFileSync(join(a.dir, 'deny.rego'), 'package old\n');
    const url = serve('/deny.rego', RULE);
    await fails(pull(url, 'policy', opts(a.cwd)), RemoteErrorCodes.destination, /already has different file deny\.rego; nothing was changed/);
    expect(readFileSync(join(a.dir, 'deny.rego'), 'utf8')).toBe('package old\n');
    const r = await pull(url, 'policy', opts(a.cwd, { overwrite: true }));
    expect(r.written).toEqual(['deny.rego']);
    expect(listing(a.dir)).toEqual(['deny.rego', 'mine.rego']);
    expect(readFileSync(join(a.dir, 'deny.rego'), 'utf8')).toBe(RULE);
    expect((await pull(url, 'policy', opts(a.cwd))).unchanged).toEqual(['deny.rego']);
    expect(readdirSync(a.cwd)).toEqual(['policy']);
  });

  it('reports HTTP failures, timeouts and plain http to other hosts with their codes', async () => {
    const a = dest();
    await fails(pull(`${base}/missing.tar.gz`, 'policy', opts(a.cwd)), RemoteErrorCodes.http, /HTTP 404/);
    routes.set('/hang', () => undefined);
    await fails(pull(`${base}/hang`, 'policy', opts(a.cwd, { timeoutMs: 300 })), RemoteErrorCodes.http, /no answer within 300 ms/);
    // Refused before any connection is made.
    await fails(pull('http://example.com/policy.tar.gz', 'policy', opts(a.cwd)), RemoteErrorCodes.insecure, /--insecure/);
    routes.set('/redirect', (_req, res) => res.writeHead(302, { location: 'http://example.com/x.rego' }).end());
    await fails(pull(`${base}/redirect`, 'policy', opts(a.cwd)), RemoteErrorCodes.insecure, /example\.com/);
    expect(existsSync(a.dir)).toBe(false);
  });

  it('follows a redirect on this machine', async () => {
    serve('/real/deny.rego', RULE);
    routes.set('/moved/deny.rego', (_req, res) => res.writeHead(301, { location: '/real/deny.rego' }).end());
    const a = dest();
    expect((await pull(`${base}/moved/deny.rego`, 'policy', opts(a.cwd))).written).toEqual(['deny.rego']);
  });
});

describe('signed bundles (--verification-key)', () => {
  it('installs a bundle whose signature verifies, and refuses a bad key, a tampered file or no signature', async () => {
    const src = join(work, 'signed-src');
    mkdirSync(join(src, 'main'), { recursive: true });
    writeFileSync(join(src, 'main/deny.rego'), RULE);
    const built = await buildBundle([src], { revision: 'r1', signing: { key: 'top-secret', algorithm: 'HS256' } }, work);
    expect(built.archive).toBeDefined();
    const url = serve('/signed.tar.gz', built.archive!);
    const verification = { key: 'top-secret', algorithm: 'HS256' };
    const a = dest();
    const r = await pull(url, 'policy', opts(a.cwd, { verification }));
    expect(r.written.sort()).toEqual(['.manifest', '.signatures.json', 'data.json', 'main/deny.rego']);
    const b = dest();
    await fails(pull(url, 'policy', opts(b.cwd, { verification: { ...verification, key: 'wrong' } })), RemoteErrorCodes.verify, /signature/i);
    const files = await readTarGz(built.archive!);
    const tampered = await writeTarGz(files.map((f) => (f.path.endsWith('.rego') ? { ...f, data: Buffer.from(RULE + '\n# changed\n') } : f)));
    await fails(pull(serve('/tampered.tar.gz', tampered), 'policy', opts(b.cwd, { verification })), RemoteErrorCodes.verify, /main\/deny\.rego/);
    await fails(pull(serve('/unsigned.rego', RULE), 'policy', opts(b.cwd, { verification })), RemoteErrorCodes.verify, /not signed/);
    expect(readdirSync(b.cwd)).toEqual([]);
  });
});

describe('hostile and oversized archives change nothing', () => {
  const before = 'package keep\n';
  const existing = () => {
    const d = dest();
    mkdirSync(d.dir);
    writeFileSync(join(d.dir, 'keep.rego'), before);
    return d;
  };
  const untouched = (d: { cwd: string; dir: string }) => {
    expect(listing(d.dir)).toEqual(['keep.rego']);
    expect(readFileSync(join(d.dir, 'keep.rego'), 'utf8')).toBe(before);
    expect(readdirSync(d.cwd)).toEqual(['policy']);
    expect(existsSync(join(work, 'evil.rego'))).toBe(false);
  };

  it('refuses ../ entries, symbolic and hard links', async () => {
    const cases: [string, Entry[], RegExp][] = [
      ['/dotdot.tgz', [{ name: 'ok.rego', body: RULE }, { name: '../../../evil.rego', body: RULE }], /escapes the archive/],
      ['/inner-dotdot.tgz', [{ name: 'a/../../evil.rego', body: RULE }], /escapes the archive/],
      ['/symlink.tgz', [{ name: 'link.rego', type: 'symlink', linkname: '/etc/passwd' }], /symlink entries are not allowed/],
      ['/hardlink.tgz', [{ name: 'a.rego', body: RULE }, { name: 'b.rego', type: 'link', linkname: '/etc/passwd' }], /link entries are not allowed/],
      ['/dir-link.tgz', [{ name: 'lib', type: 'symlink', linkname: '..' }, { name: 'lib/evil.rego', body: RULE }], /symlink entries are not allowed/],
    ];
    for (const [path, entries, message] of cases) {
      const d = existing();
      await fails(pull(serve(path, await tar(entries)), 'policy', opts(d.cwd, { overwrite: true })), RemoteErrorCodes.archive, message);
      untouched(d);
    }
  });

  it('keeps absolute entry names inside the destination (OPA writes /path entries)', async () => {
    const d = dest();
    await pull(serve('/abs.tgz', await tar([{ name: '/etc/evil.rego', body: RULE }])), 'policy', opts(d.cwd));
    expect(listing(d.dir)).toEqual(['etc', 'etc/evil.rego']);
    expect(readFileSync('/etc/passwd', 'utf8')).not.toContain('deny');
  });

  it('stops a gzip bomb, a download past the limit and an archive of too many entries', async () => {
    const limits = { downloadBytes: 1 * MB, expandedBytes: 1 * MB, files: 100 };
    const bomb = await tar([{ name: 'big.json', body: Buffer.alloc(20 * MB, 0x20) }]);
    expect(bomb.length).toBeLessThan(MB);
    let d = existing();
    await fails(pull(serve('/bomb.tgz', bomb), 'policy', opts(d.cwd, { limits })), RemoteErrorCodes.limit, /more than 1048576 bytes/);
    untouched(d);
    d = existing();
    await fails(pull(serve('/huge.rego', Buffer.alloc(2 * MB, 0x20)), 'policy', opts(d.cwd, { limits })), RemoteErrorCodes.limit, /more than the limit of 1048576/);
    untouched(d);
    // No Content-Length: the body is counted while it arrives.
    routes.set('/stream.rego', (_req, res) => {
      res.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const more = () => {
        while (sent < 4 * MB) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
        res.end();
      };
      more();
      res.on('error', () => undefined);
    });
    await fails(pull(`${base}/stream.rego`, 'policy', opts(d.cwd, { limits })), RemoteErrorCodes.limit, /more than the limit/);
    untouched(d);
    const many = await tar(Array.from({ length: 150 }, (_, i) => ({ name: `f${i}.json`, body: '{}' })));
    await fails(pull(serve('/many.tgz', many), 'policy', opts(d.cwd, { limits })), RemoteErrorCodes.limit, /more than 100 entries/);
    untouched(d);
  });

  it('refuses corrupt archives, a file that is also a directory, and policies that do not parse', async () => {
    const d = existing();
    const corrupt = (await tar([{ name: 'a.rego', body: RULE.repeat(50) }])).subarray(0, 60);
    await fails(pull(serve('/corrupt.tgz', corrupt), 'policy', opts(d.cwd)), RemoteErrorCodes.archive, /gzip|tar/);
    await fails(pull(serve('/both.tgz', await tar([{ name: 'a', body: 'x' }, { name: 'a/b.rego', body: RULE }])), 'policy', opts(d.cwd)), RemoteErrorCodes.archive, /both a file and a directory/);
    await fails(pull(serve('/bad.tgz', await tar([{ name: 'ok.rego', body: RULE }, { name: 'bad.rego', body: 'package x\n\ndeny if {' }])), 'policy', opts(d.cwd)), RemoteErrorCodes.verify, /do not load, nothing was changed: bad\.rego:3: rego_parse_error/);
    await fails(pull(serve('/bad.json', '{"a":'), 'policy', opts(d.cwd)), RemoteErrorCodes.verify, /bad\.json: invalid JSON/);
    untouched(d);
  });

  it('never writes through a link in or as the destination', async () => {
    const outside = join(work, 'outside');
    mkdirSync(outside, { recursive: true });
    const d = dest();
    mkdirSync(d.dir);
    symlinkSync(outside, join(d.dir, 'lib'));
    const url = serve('/lib.tgz', await tar([{ name: 'lib/evil.rego', body: RULE }]));
    await fails(pull(url, 'policy', opts(d.cwd)), RemoteErrorCodes.destination, /lib in policy is a symbolic link/);
    expect(readdirSync(outside)).toEqual([]);
    const e = dest();
    symlinkSync(outside, e.dir);
    await fails(pull(url, 'policy', opts(e.cwd)), RemoteErrorCodes.destination, /not a directory \(a symbolic link\)/);
    expect(readdirSync(outside)).toEqual([]);
    expect(lstatSync(e.dir).isSymbolicLink()).toBe(true);
  });
});

const hasGit = (() => {
  try {
    execFileSync('git', ['--version']);
    return true;
  } catch {
    return false;
  }
})();
if (!hasGit) console.warn('pull.test: git:: cases skipped, git is not installed');

describe.skipIf(!hasGit)('git:: sources (a local bare repository)', () => {
  const repo = join(work, 'repo');
  const bare = join(work, 'policies.git');
  const g = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, stdio: 'pipe' });
  let first = '';
  beforeAll(() => {
    mkdirSync(join(repo, 'k8s'), { recursive: true });
    g(work, 'init', '-q', repo);
    writeFileSync(join(repo, 'k8s/deny.rego'), RULE);
    writeFileSync(join(repo, 'README.md'), 'policies\n');
    g(repo, 'add', '.');
    g(repo, 'commit', '-q', '-m', 'v1');
    g(repo, 'tag', 'v1');
    first = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
    writeFileSync(join(repo, 'k8s/deny.rego'), RULE.replace('"no"', '"no pods"'));
    g(repo, 'commit', '-q', '-am', 'v2');
    g(work, 'clone', '-q', '--bare', repo, bare);
  });

  it('pulls a subdirectory at a tag, at a commit, and the default branch', async () => {
    const a = dest();
    await pull(`git::file://${bare}//k8s?ref=v1`, 'policy', opts(a.cwd));
    expect(listing(a.dir)).toEqual(['deny.rego']);
    expect(readFileSync(join(a.dir, 'deny.rego'), 'utf8')).toBe(RULE);
    const b = dest();
    await pull(`git::${bare}//k8s`, 'policy', opts(b.cwd));
    expect(readFileSync(join(b.dir, 'deny.rego'), 'utf8')).toContain('"no pods"');
    const c = dest();
    await pull(`git::file://${bare}?ref=${first}`, 'policy', opts(c.cwd));
    expect(listing(c.dir)).toEqual(['README.md', 'k8s', 'k8s/deny.rego']);
    expect(readFileSync(join(c.dir, 'k8s/deny.rego'), 'utf8')).toBe(RULE);
  });

  it('reports an unknown ref, a missing subdirectory and a missing repository, writing nothing', async () => {
    const a = dest();
    await fails(pull(`git::file://${bare}?ref=v9`, 'policy', opts(a.cwd)), RemoteErrorCodes.git, /git clone failed.*v9/);
    await fails(pull(`git::file://${bare}//nope`, 'policy', opts(a.cwd)), RemoteErrorCodes.source, /no directory nope/);
    await fails(pull(`git::file://${work}/absent.git`, 'policy', opts(a.cwd)), RemoteErrorCodes.git, /git clone failed/);
    expect(readdirSync(a.cwd)).toEqual([]);
  });

  it('refuses a repository holding a symbolic link', async () => {
    const linked = join(work, 'linked');
    g(work, 'init', '-q', linked);
    writeFileSync(join(linked, 'a.rego'), RULE);
    symlinkSync('/etc/passwd', join(linked, 'passwd.rego'));
    g(linked, 'add', '.');
    g(linked, 'commit', '-q', '-m', 'link');
    const a = dest();
    await fails(pull(`git::${linked}`, 'policy', opts(a.cwd)), RemoteErrorCodes.archive, /passwd\.rego is a symbolic link/);
    expect(existsSync(a.dir)).toBe(false);
  });
});

describe('file:// and file:: sources (go-getter\'s local getter)', () => {
  it('copies a directory, a single file, or unpacks a local tarball', async () => {
    const local = join(work, 'local-policies');
    mkdirSync(join(local, 'a'), { recursive: true });
    writeFileSync(join(local, 'a/deny.rego'), RULE);
    writeFileSync(join(local, 'data.yaml'), 'team: x\n');
    const a = dest();
    expect((await pull(`file://${local}`, 'policy', opts(a.cwd))).written.sort()).toEqual(['a/deny.rego', 'data.yaml']);
    const b = dest();
    await pull(`file::${join(local, 'a/deny.rego')}`, 'policy', opts(b.cwd));
    expect(listing(b.dir)).toEqual(['deny.rego']);
    writeFileSync(join(work, 'local.tgz'), await tar([{ name: 'x/y.rego', body: RULE }]));
    const c = dest();
    await pull('file::../local.tgz', 'policy', opts(c.cwd));
    expect(listing(c.dir)).toEqual(['x', 'x/y.rego']);
  });

  it('refuses links and reports a missing path', async () => {
    const local = join(work, 'local-linked');
    mkdirSync(local, { recursive: true });
    writeFileSync(join(local, 'ok.rego'), RULE);
    symlinkSync('/etc', join(local, 'etc'));
    const a = dest();
    await fails(pull(`file://${local}`, 'policy', opts(a.cwd)), RemoteErrorCodes.archive, /etc is a symbolic link/);
    await fails(pull(`file://${join(local, 'etc')}`, 'policy', opts(a.cwd)), RemoteErrorCodes.archive, /a symbolic link/);
    await fails(pull(`file://${work}/nowhere`, 'policy', opts(a.cwd)), RemoteErrorCodes.source, /no such file or directory/);
    expect(readdirSync(a.cwd)).toEqual([]);
  });
});

describe('source addresses', () => {
  it('reads the forms conftest users write', () => {
    expect(parseSource('git::https://host/repo.git//sub/dir?ref=v1')).toMatchObject({ kind: 'git', repository: 'https://host/repo.git', subdir: 'sub/dir', ref: 'v1' });
    expect(parseSource('github.com/org/repo//policy?ref=main')).toMatchObject({ kind: 'git', repository: 'https://github.com/org/repo.git', subdir: 'policy', ref: 'main' });
    expect(parseSource('https://host/x.tar.gz//a/b?token=1')).toMatchObject({ kind: 'http', subdir: 'a/b' });
    expect((parseSource('https://host/x.tar.gz//a?token=1') as { url: URL }).url.href).toBe('https://host/x.tar.gz?token=1');
    expect(parseSource('oci://ghcr.io/org/policies:v1')).toMatchObject({ kind: 'oci', registry: 'ghcr.io', repository: 'org/policies', tag: 'v1' });
    expect(parseSource(`oci://127.0.0.1:5000/p@sha256:${'a'.repeat(64)}`)).toMatchObject({ registry: '127.0.0.1:5000', repository: 'p', digest: `sha256:${'a'.repeat(64)}` });
    expect(parseSource('localhost:5000/policies')).toMatchObject({ kind: 'oci', registry: 'localhost:5000', repository: 'policies' });
    expect(parseSource('myregistry.azurecr.io/policies:v2')).toMatchObject({ kind: 'oci', tag: 'v2' });
    expect(parseSource('file:///srv/p%20q')).toMatchObject({ kind: 'file', path: '/srv/p q' });
    expect(parseSource('file::./policy.rego')).toMatchObject({ kind: 'file', path: './policy.rego' });
  });

  it('refuses what it cannot fetch safely, with remote_source_error', () => {
    for (const s of ['', 'ftp://host/x', 'git::https://host/r.git//../..', 'git::ext::sh -c id', 'git::https://h/r.git?ref=--upload-pack=x', 'oci://host', 'oci://host/UPPER', 'policies', 'https://host/x//a/../../b']) {
      let err: unknown;
      try {
        parseSource(s);
      } catch (e) {
        err = e;
      }
      expect(err, s).toBeInstanceOf(RemoteError);
      expect((err as RemoteError).code, s).toBe(RemoteErrorCodes.source);
    }
  });
});
