/**
 * `palisade push`, `pull` and `scan --update` against a real OCI registry: Debian's
 * docker-registry (CNCF distribution) started here on 127.0.0.1, once open and once behind token
 * auth (the token service is a node:http server that checks the docker config's basic
 * credentials and signs the registry's JWTs with a test certificate). `.ci/run` installs the
 * registry; without it the tests are a printed skip locally and a failure in CI.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash, createPrivateKey, randomUUID, sign } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import { connect, createServer as createNetServer } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe } from '../serve/server.js';
import { BIN, baseEnv, ensureBuilt } from './scan-helpers.js';

ensureBuilt();
const REGISTRY = '/usr/bin/docker-registry';
const missing = existsSync(REGISTRY) ? undefined : `${REGISTRY} is absent (apt-get install docker-registry)`;
const opensslMissing = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'pipe' });
    return undefined;
  } catch {
    return 'openssl is absent (it makes the token service certificate)';
  }
})();
if (missing && !process.env['CI']) console.warn(`registry.test: skipped, ${missing}`);
if (!missing && opensslMissing) console.warn(`registry.test: token-auth cases skipped, ${opensslMissing}`);

const work = mkdtempSync(join(tmpdir(), 'palisade-registry-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI as a child process, asynchronously (servers in this process keep answering), bounded in time. */
function palisade(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: baseEnv({ HOME: join(work, 'no-home'), ...env }), stdio: ['ignore', 'pipe', 'pipe'] });
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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/** Starts docker-registry with `auth` (YAML lines under `auth:`), waits until it answers /v2/ (bounded). */
async function startRegistry(name: string, auth?: string, tls?: { cert: string; key: string }): Promise<{ host: string; root: string }> {
  const port = await freePort();
  const root = join(work, name);
  mkdirSync(root, { recursive: true });
  const config = join(work, `${name}.yml`);
  writeFileSync(config, `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${root}\nhttp:\n  addr: 127.0.0.1:${port}\n${tls ? `  tls:\n    certificate: ${tls.cert}\n    key: ${tls.key}\n` : ''}${auth ? `auth:\n${auth}` : ''}`);
  const child = spawn(REGISTRY, ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(child);
  let log = '';
  child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (tls) {
      if (await listening(port)) break;
    } else {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/v2/`, { signal: AbortSignal.timeout(1000) });
        if (r.status === 200 || r.status === 401) break;
      } catch {
        // not listening yet
      }
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`docker-registry did not start on 127.0.0.1:${port}: ${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { host: `127.0.0.1:${port}`, root };
}

const RULE = 'package main\n\ndeny contains msg if {\n\tinput.kind == "Pod"\n\tmsg := sprintf("pod %s: pods are not allowed (team %s)", [input.metadata.name, data.team])\n}\n';
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx\n';

function project(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

function listing(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
    .sort();
}

describe.skipIf(!!missing && !process.env['CI'])('OCI registry (docker-registry on 127.0.0.1)', () => {
  let host = '';
  let root = '';
  beforeAll(async () => {
    if (missing) throw new Error(`${missing}; CI must run this test (.ci/run installs it)`);
    ({ host, root } = await startRegistry('open'));
  });

  it('pushes a policy directory as conftest lays it out, and pulls it back', async () => {
    const src = project('push-src', { 'policy/deny.rego': RULE, 'policy/data.json': '{"team": "platform"}', 'policy/lib/util.rego': 'package lib.util\n\nok := true\n' });
    const pushed = await palisade(['push', `oci://${host}/team/policies:v1`], src);
    expect(pushed.stderr).toContain(`pushed ${host}/team/policies:v1: 3 layers`);
    expect(pushed.code).toBe(0);
    const digest = /@(sha256:[0-9a-f]{64})$/m.exec(pushed.stdout)?.[1];
    expect(digest).toBeDefined();

    const res = await fetch(`http://${host}/v2/team/policies/manifests/v1`, { headers: { accept: 'application/vnd.oci.image.manifest.v1+json' } });
    const body = Buffer.from(await res.arrayBuffer());
    expect(`sha256:${createHash('sha256').update(body).digest('hex')}`).toBe(digest);
    const manifest = JSON.parse(body.toString()) as { mediaType: string; config: { mediaType: string }; layers: { mediaType: string; annotations: Record<string, string> }[] };
    expect(manifest.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(manifest.config.mediaType).toBe('application/vnd.cncf.openpolicyagent.config.v1+json');
    expect(manifest.layers.map((l) => [l.mediaType, l.annotations['org.opencontainers.image.title']])).toEqual([
      ['application/vnd.cncf.openpolicyagent.policy.layer.v1+rego', 'policy/deny.rego'],
      ['application/vnd.cncf.openpolicyagent.policy.layer.v1+rego', 'policy/lib/util.rego'],
      ['application/vnd.cncf.openpolicyagent.data.layer.v1+json', 'policy/data.json'],
    ]);

    const dst = project('pull-dst', {});
    const pulled = await palisade(['pull', `oci://${host}/team/policies:v1`], dst);
    expect(pulled.stderr).toContain(`(${digest}) into policy: 3 files written`);
    expect(pulled.code).toBe(0);
    expect(listing(join(dst, 'policy'))).toEqual(['policy/data.json', 'policy/deny.rego', 'policy/lib/util.rego']);
    expect(readFileSync(join(dst, 'policy/policy/deny.rego'), 'utf8')).toBe(RULE);

    // Pinned by digest (conftest's spelling without oci:// too), into a named directory.
    const pinned = await palisade(['pull', `${host}/team/policies@${digest}`, 'pinned', '--format', 'json'], dst);
    expect(pinned.code).toBe(0);
    expect(JSON.parse(pinned.stdout)).toMatchObject({ destination: 'pinned', digest, written: ['policy/deny.rego', 'policy/lib/util.rego', 'policy/data.json'] });
    const other = `sha256:${'0'.repeat(64)}`;
    const wrong = await palisade(['pull', `oci://${host}/team/policies@${other}`, 'wrong'], dst);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/remote_http_error: .*not found in the registry/);
    expect(existsSync(join(dst, 'wrong'))).toBe(false);
  });

  it('scan --update pulls the policies into policy/ and runs them', async () => {
    const rule = (v: string) => `package main\n\ndeny contains msg if {\n\tinput.kind == "Pod"\n\tmsg := sprintf("pod %s: pods are not allowed (${v})", [input.metadata.name])\n}\n`;
    const src = project('update-src', { 'policy/deny.rego': rule('v1'), 'policy/data.json': '{"team": "apps"}' });
    expect((await palisade(['push', `oci://${host}/update:latest`], src)).code).toBe(0);
    const dst = project('update-dst', { 'pod.yaml': POD });
    const scan = await palisade(['scan', '--update', `oci://${host}/update`, '-o', 'json', 'pod.yaml'], dst);
    expect(scan.stderr).toContain(`updated policy from oci://${host}/update: 2 files written`);
    expect(scan.code).toBe(1);
    expect(scan.stdout).toContain('pod web: pods are not allowed (v1)');
    expect(listing(join(dst, 'policy'))).toEqual(['policy/data.json', 'policy/deny.rego']);
    // A new push replaces the changed file only; the scan runs the new rule.
    writeFileSync(join(src, 'policy/deny.rego'), rule('v2'));
    expect((await palisade(['push', `oci://${host}/update:latest`], src)).code).toBe(0);
    const again = await palisade(['scan', '--update', `oci://${host}/update`, '-o', 'json', 'pod.yaml'], dst);
    expect(again.stderr).toContain('1 file written, 1 unchanged');
    expect(again.stdout).toContain('pods are not allowed (v2)');
    expect(again.stdout).not.toContain('(v1)');
    // A failed update stops the scan before anything runs (exit 2), and leaves policy/ as it was.
    const failed = await palisade(['scan', '--update', `oci://${host}/absent:v1`, 'pod.yaml'], dst);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/error: --update oci:\/\/.*absent:v1: remote_http_error: /);
    expect(readFileSync(join(dst, 'policy/policy/deny.rego'), 'utf8')).toBe(rule('v2'));
  });

  it('pushes a built OPA bundle as one bundle layer; pull unpacks it', async () => {
    const src = project('bundle-src', { 'policy/main/deny.rego': RULE, 'policy/data.json': '{"team": "bundled"}' });
    const built = await palisade(['build', '-o', 'bundle.tar.gz', '--revision', 'r1', 'policy'], src);
    expect(built.code, built.stderr).toBe(0);
    const pushed = await palisade(['push', '--bundle', 'bundle.tar.gz', `oci://${host}/bundle:r1`], src);
    expect(pushed.code, pushed.stderr).toBe(0);
    const m = (await (await fetch(`http://${host}/v2/bundle/manifests/r1`, { headers: { accept: 'application/vnd.oci.image.manifest.v1+json' } })).json()) as { layers: { mediaType: string }[] };
    expect(m.layers.map((l) => l.mediaType)).toEqual(['application/vnd.cncf.openpolicyagent.layer.v1.tar+gzip']);
    const dst = project('bundle-dst', { 'pod.yaml': POD });
    expect((await palisade(['pull', `oci://${host}/bundle:r1`], dst)).code).toBe(0);
    expect(listing(join(dst, 'policy'))).toEqual(['.manifest', 'data.json', 'main/deny.rego']);
    const scan = await palisade(['scan', '-p', 'policy', '-d', 'policy/data.json', '-o', 'json', 'pod.yaml'], dst);
    expect(scan.stdout).toContain('(team bundled)');
  });

  it('serve --opa-config polls a bundle from the registry (type: oci) and swaps in a newly pushed tag', async () => {
    const src = project('poll-src', { 'v1/authz/allow.rego': 'package authz\n\nallow := "oci-v1"\n', 'v2/authz/allow.rego': 'package authz\n\nallow := "oci-v2"\n' });
    for (const v of ['v1', 'v2']) expect((await palisade(['build', '-o', `${v}.tar.gz`, '--revision', v, v], src)).code).toBe(0);
    expect((await palisade(['push', '--bundle', 'v1.tar.gz', `oci://${host}/polled/authz:live`], src)).code).toBe(0);
    writeFileSync(
      join(src, 'opa.yaml'),
      `services:\n  registry:\n    url: http://${host}\n    type: oci\nbundles:\n  authz:\n    service: registry\n    resource: ${host}/polled/authz:live\n    polling:\n      min_delay_seconds: 1\n      max_delay_seconds: 1\n`,
    );
    const served = await startServe(['--opa-config', 'opa.yaml', '--workers', '0'], src, { HOME: join(work, 'no-home') });
    const answer = async () => ((await (await fetch(`${served.url}/v1/data/authz/allow`)).json()) as { result?: string }).result;
    const until = async (want: string) => {
      const deadline = Date.now() + 20_000;
      while ((await answer()) !== want && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      return answer();
    };
    try {
      expect(await until('oci-v1')).toBe('oci-v1');
      const health = (await (await fetch(`${served.url}/health?bundles`)).json()) as { bundles: Record<string, { active_revision?: string }> };
      expect(health.bundles.authz!.active_revision).toBe('v1');
      expect((await palisade(['push', '--bundle', 'v2.tar.gz', `oci://${host}/polled/authz:live`], src)).code).toBe(0);
      expect(await until('oci-v2')).toBe('oci-v2');
      // An unchanged manifest digest is not downloaded again: one activation per pushed revision.
      await new Promise((r) => setTimeout(r, 2500));
      const metrics = await (await fetch(`${served.url}/metrics`)).text();
      expect(metrics).toMatch(/palisade_bundle_loads_total\{name="authz",outcome="activated"\} 2\b/);
      expect(metrics).toMatch(/palisade_bundle_loads_total\{name="authz",outcome="not_modified"\} [1-9]/);
    } finally {
      await served.stop();
    }
  }, 90_000);

  it("pulls an artifact in conftest's exact shape (unknown config, titled layers), and refuses hostile titles and indexes", async () => {
    // What conftest's push writes (oras-go): config application/vnd.unknown.config.v1+json "{}",
    // one titled layer per file. Uploaded here with the plain distribution API.
    const upload = async (repo: string, data: Buffer) => {
      const digest = `sha256:${createHash('sha256').update(data).digest('hex')}`;
      const start = await fetch(`http://${host}/v2/${repo}/blobs/uploads/`, { method: 'POST' });
      expect(start.status).toBe(202);
      const put = new URL(start.headers.get('location')!, `http://${host}`);
      put.searchParams.set('digest', digest);
      expect((await fetch(put, { method: 'PUT', body: new Uint8Array(data), headers: { 'content-type': 'application/octet-stream' } })).status).toBe(201);
      return { digest, size: data.length };
    };
    const artifact = async (repo: string, tag: string, files: [string, string, string][], extra: Record<string, unknown> = {}) => {
      const config = { mediaType: 'application/vnd.unknown.config.v1+json', ...(await upload(repo, Buffer.from('{}'))) };
      const layers = [];
      for (const [title, mediaType, text] of files) layers.push({ mediaType, ...(await upload(repo, Buffer.from(text))), annotations: { 'org.opencontainers.image.title': title } });
      const manifest = { schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config, layers, ...extra };
      const r = await fetch(`http://${host}/v2/${repo}/manifests/${tag}`, { method: 'PUT', body: JSON.stringify(manifest), headers: { 'content-type': manifest.mediaType } });
      expect(r.status).toBe(201);
    };
    await artifact('conftest/policies', 'v1', [
      ['examples/data/policy/deny.rego', 'application/vnd.cncf.openpolicyagent.policy.layer.v1+rego', RULE],
      ['examples/data/exclusions/services.json', 'application/vnd.cncf.openpolicyagent.data.layer.v1+json', '{"services": []}'],
    ]);
    const dst = project('conftest-dst', {});
    const pulled = await palisade(['pull', `${host}/conftest/policies:v1`, '-p', 'testpush'], dst);
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(listing(join(dst, 'testpush'))).toEqual(['examples/data/exclusions/services.json', 'examples/data/policy/deny.rego']);

    for (const [tag, title] of [['abs', '/etc/cron.d/evil.rego'], ['dotdot', '../../evil.rego'], ['backslash', '..\\evil.rego']] as const) {
      await artifact('conftest/hostile', tag, [[title, 'application/vnd.cncf.openpolicyagent.policy.layer.v1+rego', RULE]]);
      const r = await palisade(['pull', `oci://${host}/conftest/hostile:${tag}`], dst);
      expect(r.code, tag).toBe(2);
      expect(r.stderr).toMatch(/remote_archive_error: .*layer file name ".*" is absolute or leaves the destination/);
    }
    expect(existsSync(join(dst, 'policy'))).toBe(false);
    expect(existsSync(join(work, 'evil.rego'))).toBe(false);
  });

  it('refuses a blob whose content does not match its digest, writing nothing', async () => {
    const src = project('tamper-src', { 'policy/deny.rego': RULE });
    expect((await palisade(['push', `oci://${host}/tamper:v1`], src)).code).toBe(0);
    const hex = createHash('sha256').update(RULE).digest('hex');
    const blob = join(root, 'docker/registry/v2/blobs/sha256', hex.slice(0, 2), hex, 'data');
    expect(existsSync(blob)).toBe(true);
    writeFileSync(blob, RULE.replace('not allowed', 'fine!!!!!!!'));
    const dst = project('tamper-dst', {});
    const pulled = await palisade(['pull', `oci://${host}/tamper:v1`], dst);
    expect(pulled.code).toBe(2);
    expect(pulled.stderr).toMatch(/remote_digest_error: .*blob has digest sha256:[0-9a-f]{64}, the manifest says sha256:/);
    expect(readdirSync(dst)).toEqual([]);
  });

  it('explains a missing tag, an unreachable registry and a push without policies', async () => {
    const dst = project('errors', { 'empty/README.md': 'x' });
    const absent = await palisade(['pull', `oci://${host}/nothing:v1`], dst);
    expect(absent.stderr).toMatch(/remote_http_error: .*not found/);
    const closed = await palisade(['pull', `oci://127.0.0.1:${await freePort()}/x:v1`], dst);
    expect(closed.stderr).toMatch(/remote_http_error: .*request failed \(ECONNREFUSED\)/);
    const empty = await palisade(['push', `oci://${host}/empty:v1`, 'empty'], dst);
    expect(empty.stderr).toMatch(/remote_source_error: empty: no \.rego or data files to push/);
    const bad = await palisade(['push', `oci://${host}/bad:v1`, 'bad'], project('bad-src', { 'bad/x.rego': 'package x\n\ndeny if {' }));
    expect(bad.stderr).toMatch(/remote_verify_error: .*bad\/x\.rego:3: rego_parse_error/);
    for (const r of [absent, closed, empty, bad]) expect(r.code).toBe(2);
  });
});

/** A token service as registries use (docker's token spec): basic credentials in, a signed JWT out. */
/**
 * A token service as registries use (docker's token spec): basic credentials in (GET), or an
 * OAuth2 refresh token (POST grant_type=refresh_token, docker's identity tokens), a signed JWT out.
 */
function tokenService(key: string, cert: string, users: Record<string, string>, refreshTokens: Record<string, string> = {}): Promise<{ url: string; server: Server; requests: string[] }> {
  const requests: string[] = [];
  const x5c = cert.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, '');
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const issue = (res: import('node:http').ServerResponse, user: string, service: string | null, scope: string, field: 'token' | 'access_token') => {
    const [, name, actions] = /^repository:([^:]+):(.+)$/.exec(scope) ?? [];
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: 'palisade-test', sub: user, aud: service, exp: now + 300, nbf: now - 10, iat: now, jti: randomUUID(), access: name ? [{ type: 'repository', name, actions: actions!.split(',') }] : [] };
    const input = `${b64({ alg: 'RS256', typ: 'JWT', x5c: [x5c] })}.${b64(claims)}`;
    const signature = sign('sha256', Buffer.from(input), createPrivateKey(key)).toString('base64url');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ [field]: `${input}.${signature}` }));
  };
  const server = createHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'POST') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        requests.push(`POST ${form.get('grant_type')} ${form.get('scope')}`);
        const user = refreshTokens[form.get('refresh_token') ?? ''];
        if (form.get('grant_type') !== 'refresh_token' || !user) return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"details":"bad refresh token"}');
        issue(res, user, form.get('service'), form.get('scope') ?? '', 'access_token');
      });
      return;
    }
    requests.push(url.searchParams.get('scope') ?? '');
    const auth = req.headers.authorization ?? '';
    const [user, pass] = Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString().split(':');
    if (!auth.startsWith('Basic ') || !user || users[user] !== pass) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"details":"bad credentials"}');
      return;
    }
    issue(res, user, url.searchParams.get('service'), url.searchParams.get('scope') ?? '', 'token');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}/token`, server, requests })),
  );
}

function dockerConfig(name: string, config: unknown): { DOCKER_CONFIG: string } {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
  return { DOCKER_CONFIG: dir };
}

/**
 * A real docker credential helper, `docker-credential-NAME`, as a shell script on a PATH of its
 * own: `get` reads the server from stdin and answers from `answers` (else docker-credential-helpers'
 * not-found message and exit 1), or fails with `failure` on stderr. It logs each call.
 */
function credentialHelper(name: string, answers: Record<string, { Username: string; Secret: string }>, failure?: string): { env: { PATH: string }; calls(): string[] } {
  const dir = join(work, `helper-${name}`);
  mkdirSync(dir, { recursive: true });
  const log = join(dir, 'calls.log');
  const cases = Object.entries(answers)
    .map(([server, a]) => `  '${server}') printf '%s' '${JSON.stringify({ ServerURL: server, ...a })}' ;;`)
    .join('\n');
  const body = failure
    ? `echo '${failure}' >&2\nexit 1`
    : `case "$server" in\n${cases}\n  *) echo 'credentials not found in native keychain'; exit 1 ;;\nesac`;
  writeFileSync(join(dir, `docker-credential-${name}`), `#!/bin/sh\nserver=$(cat)\nprintf '%s %s\\n' "$1" "$server" >> '${log}'\n${body}\n`, { mode: 0o755 });
  return { env: { PATH: `${dir}:${process.env['PATH'] ?? '/usr/bin:/bin'}` }, calls: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []) };
}

describe.skipIf((!!missing && !process.env['CI']) || !!opensslMissing)('OCI registry behind token auth', () => {
  let host = '';
  let service: Awaited<ReturnType<typeof tokenService>>;
  const docker = (name: string, user: string, pass: string) => {
    const dir = join(work, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths: { [host]: { auth: Buffer.from(`${user}:${pass}`).toString('base64') } } }));
    return { DOCKER_CONFIG: dir };
  };
  beforeAll(async () => {
    if (missing) throw new Error(`${missing}; CI must run this test (.ci/run installs it)`);
    const keyFile = join(work, 'token.key');
    const certFile = join(work, 'token.crt');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=palisade-test-token'], { stdio: 'pipe' });
    service = await tokenService(readFileSync(keyFile, 'utf8'), readFileSync(certFile, 'utf8'), { alice: 's3cret' }, { 'refresh-7f3a': 'alice' });
    ({ host } = await startRegistry('token', `  token:\n    realm: ${service.url}\n    service: palisade-registry\n    issuer: palisade-test\n    rootcertbundle: ${certFile}\n`));
  });
  afterAll(() => service?.server.close());

  it('answers the Bearer challenge with a token fetched with the docker config credentials', async () => {
    const src = project('auth-src', { 'policy/deny.rego': RULE, 'policy/data.json': '{"team": "secured"}' });
    const env = docker('docker-ok', 'alice', 's3cret');
    const pushed = await palisade(['push', `oci://${host}/secure/policies:v1`], src, env);
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(service.requests).toContain('repository:secure/policies:pull,push');
    const dst = project('auth-dst', { 'pod.yaml': POD });
    const pulled = await palisade(['pull', `oci://${host}/secure/policies:v1`], dst, env);
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(service.requests).toContain('repository:secure/policies:pull');
    expect(listing(join(dst, 'policy'))).toEqual(['policy/data.json', 'policy/deny.rego']);
  });

  it('asks the credHelpers / credsStore credential helper (docker-credential-NAME get, host on stdin)', async () => {
    const helper = credentialHelper('tokentest', { [host]: { Username: 'alice', Secret: 's3cret' } });
    const env = { ...helper.env, ...dockerConfig('docker-helper', { credHelpers: { [host]: 'tokentest' }, auths: { [host]: {} } }) };
    const src = project('helper-src', { 'policy/deny.rego': RULE, 'policy/data.json': '{"team": "helped"}' });
    const pushed = await palisade(['push', `oci://${host}/helped/policies:v1`], src, env);
    expect(pushed.code, pushed.stderr).toBe(0);
    const dst = project('helper-dst', {});
    const pulled = await palisade(['pull', `oci://${host}/helped/policies:v1`], dst, { ...helper.env, ...dockerConfig('docker-store', { credsStore: 'tokentest' }) });
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(listing(join(dst, 'policy'))).toEqual(['policy/data.json', 'policy/deny.rego']);
    expect(helper.calls()).toEqual([`get ${host}`, `get ${host}`]);
  });

  it('exchanges a helper’s identity token (<token>) for a registry token with a refresh_token grant', async () => {
    const helper = credentialHelper('identity', { [host]: { Username: '<token>', Secret: 'refresh-7f3a' } });
    const dst = project('identity-dst', {});
    const pulled = await palisade(['pull', `oci://${host}/helped/policies:v1`], dst, { ...helper.env, ...dockerConfig('docker-identity', { credsStore: 'identity' }) });
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(service.requests).toContain('POST refresh_token repository:helped/policies:pull');
    expect(listing(join(dst, 'policy'))).toEqual(['policy/data.json', 'policy/deny.rego']);
  });

  it('reports a helper that is missing or fails as remote_auth_error; one with nothing stored falls back to auths', async () => {
    const dst = project('helper-fail', {});
    const missingHelper = await palisade(['pull', `oci://${host}/helped/policies:v1`], dst, dockerConfig('docker-nohelper', { credsStore: 'not-installed' }));
    expect(missingHelper.code).toBe(2);
    expect(missingHelper.stderr).toMatch(/remote_auth_error: .*docker-credential-not-installed is not installed/);
    const broken = credentialHelper('broken', {}, 'keychain locked');
    const failed = await palisade(['pull', `oci://${host}/helped/policies:v1`], dst, { ...broken.env, ...dockerConfig('docker-broken', { credsStore: 'broken' }) });
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/remote_auth_error: .*docker-credential-broken failed \(keychain locked\)/);
    expect(failed.stderr).not.toMatch(/s3cret/);
    const empty = credentialHelper('empty', {});
    const fallback = await palisade(['pull', `oci://${host}/helped/policies:v1`], dst, {
      ...empty.env,
      ...dockerConfig('docker-fallback', { credsStore: 'empty', auths: { [host]: { auth: Buffer.from('alice:s3cret').toString('base64') } } }),
    });
    expect(fallback.code, fallback.stderr).toBe(0);
    expect(empty.calls()).toEqual([`get ${host}`]);
    const none = await palisade(['pull', `oci://${host}/helped/policies:v1`, 'none'], dst, { ...empty.env, ...dockerConfig('docker-empty', { credsStore: 'empty' }) });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/remote_auth_error: .*docker-credential-empty has no credentials for this registry/);
  });

  it('fails with remote_auth_error on wrong or missing credentials', async () => {
    const dst = project('auth-fail', {});
    const wrong = await palisade(['pull', `oci://${host}/secure/policies:v1`], dst, docker('docker-bad', 'alice', 'nope'));
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/remote_auth_error: .*token from http:\/\/127\.0\.0\.1:\d+\/token: HTTP 401/);
    const none = await palisade(['pull', `oci://${host}/secure/policies:v1`], dst, { DOCKER_CONFIG: join(work, 'no-docker') });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/remote_auth_error: .*no credentials for this registry in the docker config/);
    expect(readdirSync(dst)).toEqual([]);
  });
});

/** A bcrypt htpasswd line (docker-registry reads only bcrypt), from the system crypt(3) through perl; undefined when it has no bcrypt. */
function htpasswd(user: string, password: string): string | undefined {
  try {
    const hash = execFileSync('perl', ['-e', 'print crypt($ARGV[0], q($2b$05$) . $ARGV[1])', password, 'palisadetestsaltsalt12'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return hash.startsWith('$2b$05$') ? `${user}:${hash}\n` : undefined;
  } catch {
    return undefined;
  }
}
const basicLine = htpasswd('bob', 'hunter2');
if (!missing && !basicLine) console.warn('registry.test: basic-auth case skipped, perl with a bcrypt crypt(3) is absent');

describe.skipIf((!!missing && !process.env['CI']) || !basicLine)('OCI registry behind basic auth (htpasswd)', () => {
  let host = '';
  beforeAll(async () => {
    if (missing) throw new Error(`${missing}; CI must run this test (.ci/run installs it)`);
    const file = join(work, 'htpasswd');
    writeFileSync(file, basicLine!);
    ({ host } = await startRegistry('basic', `  htpasswd:\n    realm: basic-realm\n    path: ${file}\n`));
  });

  it('answers the Basic challenge with the docker config credentials, and refuses without them', async () => {
    const config = join(work, 'docker-basic');
    mkdirSync(config, { recursive: true });
    writeFileSync(join(config, 'config.json'), JSON.stringify({ auths: { [`http://${host}`]: { username: 'bob', password: 'hunter2' } } }));
    const src = project('basic-src', { 'policy/deny.rego': RULE });
    const pushed = await palisade(['push', `oci://${host}/basic/policies:v1`], src, { DOCKER_CONFIG: config });
    expect(pushed.code, pushed.stderr).toBe(0);
    const dst = project('basic-dst', {});
    const pulled = await palisade(['pull', `oci://${host}/basic/policies:v1`], dst, { DOCKER_CONFIG: config });
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(listing(join(dst, 'policy'))).toEqual(['policy/deny.rego']);
    const anonymous = await palisade(['pull', `oci://${host}/basic/policies:v1`, 'anon'], dst, { DOCKER_CONFIG: join(work, 'no-docker') });
    expect(anonymous.code).toBe(2);
    expect(anonymous.stderr).toMatch(/remote_auth_error: .*the registry wants a login; no credentials for this registry/);
    writeFileSync(join(config, 'config.json'), JSON.stringify({ auths: { [host]: { username: 'bob', password: 'wrong' } } }));
    const wrong = await palisade(['pull', `oci://${host}/basic/policies:v1`, 'anon'], dst, { DOCKER_CONFIG: config });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/remote_auth_error: .*refused the credentials/);
    expect(existsSync(join(dst, 'anon'))).toBe(false);
  });
});

describe.skipIf((!!missing && !process.env['CI']) || !!opensslMissing)('OCI registry over HTTPS with a test CA', () => {
  let host = '';
  let ca = '';
  beforeAll(async () => {
    if (missing) throw new Error(`${missing}; CI must run this test (.ci/run installs it)`);
    const key = join(work, 'tls.key');
    ca = join(work, 'tls.crt');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', ca, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'pipe' });
    ({ host } = await startRegistry('tls', undefined, { cert: ca, key }));
  });

  it('pushes and pulls with --tls when the CA is trusted (NODE_EXTRA_CA_CERTS), and refuses an untrusted certificate', async () => {
    const src = project('tls-src', { 'policy/deny.rego': RULE });
    const pushed = await palisade(['push', '--tls', `oci://${host}/tls/policies:v1`], src, { NODE_EXTRA_CA_CERTS: ca });
    expect(pushed.code, pushed.stderr).toBe(0);
    const dst = project('tls-dst', {});
    const pulled = await palisade(['pull', '--tls', `oci://${host}/tls/policies:v1`], dst, { NODE_EXTRA_CA_CERTS: ca });
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(listing(join(dst, 'policy'))).toEqual(['policy/deny.rego']);
    const untrusted = await palisade(['pull', '--tls', `oci://${host}/tls/policies:v1`, 'other'], dst);
    expect(untrusted.code).toBe(2);
    expect(untrusted.stderr).toMatch(/remote_http_error: https:\/\/127\.0\.0\.1:\d+\/v2\/tls\/policies\/manifests\/v1: request failed \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)\)/);
    expect(existsSync(join(dst, 'other'))).toBe(false);
  });
});
