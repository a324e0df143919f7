/**
 * `palisade serve --opa-config`: bundles downloaded from a bundle server (a node:http server
 * started here on 127.0.0.1, speaking OPA's bundle service protocol: a bearer token, ETag and
 * 304) and swapped in while serving. Bundles are built and signed by `palisade build`. Checks that
 * a new revision is answered with, that an unchanged one costs a 304, and that a bundle that does
 * not load or does not verify leaves the previous revision serving, reported on `/health?bundles`
 * and in `/metrics`. Bounded: every wait has a deadline.
 */
import { execFile } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTarGz } from '../../packages/cli/src/opa-bundle/archive.js';
import { sign } from '../../packages/cli/src/opa-bundle/signature.js';
import { BIN, ensureBuilt } from '../cli/scan-helpers.js';
import { startServe, workspace, type Served } from './server.js';

ensureBuilt();
const execFileAsync = promisify(execFile);
const { dir: work, servers, write } = workspace('palisade-bundle-poll-');

const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
write('signing.pem', keys.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
write('other.pem', other.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);

const policy = (answer: string) => `package authz\n\nallow := ${answer}\n`;
write('v1/authz/allow.rego', policy('"v1"'));
write('v2/authz/allow.rego', policy('"v2"'));
write('forged/authz/allow.rego', policy('"forged"'));

/**
 * A signed bundle that parses but does not compile, as another tool could publish (`palisade
 * build` refuses to write it): the served set must not change.
 */
async function brokenBundle(): Promise<Buffer> {
  const files = [
    { path: '.manifest', data: Buffer.from('{"revision":"broken","roots":[""]}') },
    { path: 'authz/allow.rego', data: Buffer.from('package authz\n\nallow := "broken" if no_such_function(1)\n') },
  ];
  const signatures = await sign(files, { key: `${work}/signing.pem` });
  return writeTarGz([...files, { path: '.signatures.json', data: Buffer.from(signatures) }]);
}

async function build(name: string, key: string): Promise<Buffer> {
  await execFileAsync(process.execPath, [BIN, 'build', '-o', `${name}.tar.gz`, '--revision', name, '--signing-key', key, name], { cwd: work });
  return readFileSync(`${work}/${name}.tar.gz`);
}

/** OPA's bundle service: the bundle under /bundles/authz.tar.gz for the bearer token, with ETags. */
interface BundleServer {
  url: string;
  server: Server;
  /** What is served now (undefined: 404). */
  current?: Buffer;
  log: { status: number; ifNoneMatch?: string; authorization?: string }[];
}

function bundleServer(): Promise<BundleServer> {
  const state: BundleServer = { url: '', server: undefined as unknown as Server, log: [] };
  state.server = createServer((req, res) => {
    const answer = (status: number, headers: Record<string, string> = {}, body?: Buffer) => {
      state.log.push({ status, ifNoneMatch: req.headers['if-none-match'], authorization: req.headers.authorization });
      res.writeHead(status, headers).end(body);
    };
    if (req.headers.authorization !== 'Bearer s3cret-token') return answer(401);
    if (req.url !== '/bundles/authz.tar.gz' || !state.current) return answer(404);
    const etag = `"${createHash('sha256').update(state.current).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) return answer(304, { etag });
    answer(200, { etag, 'content-type': 'application/gzip' }, state.current);
  });
  return new Promise((resolve) =>
    state.server.listen(0, '127.0.0.1', () => {
      state.url = `http://127.0.0.1:${(state.server.address() as { port: number }).port}`;
      resolve(state);
    }),
  );
}

/** Polls `check` until it returns something other than undefined, at most `ms`. */
async function eventually<T>(what: string, ms: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function json(url: string): Promise<{ status: number; body: Record<string, any> }> {
  const r = await fetch(url);
  return { status: r.status, body: (await r.json()) as Record<string, any> };
}

describe('palisade serve --opa-config (bundle polling)', () => {
  let bundles: Record<string, Buffer> = {};
  let http: BundleServer;
  let s: Served;
  beforeAll(async () => {
    const [v1, v2, broken, forged] = await Promise.all([build('v1', 'signing.pem'), build('v2', 'signing.pem'), brokenBundle(), build('forged', 'other.pem')]);
    bundles = { v1: v1!, v2: v2!, broken: broken!, forged: forged! };
    http = await bundleServer();
    const publicKey = JSON.stringify(keys.publicKey.export({ type: 'spki', format: 'pem' }) as string);
    write(
      'opa.yaml',
      [
        'services:',
        '  acme:',
        `    url: ${http.url}`,
        '    credentials:',
        '      bearer:',
        '        token: s3cret-token',
        'bundles:',
        '  authz:',
        '    service: acme',
        '    resource: bundles/authz.tar.gz',
        '    polling:',
        '      min_delay_seconds: 1',
        '      max_delay_seconds: 1',
        '    signing:',
        '      keyid: release',
        'keys:',
        '  release:',
        '    algorithm: RS256',
        `    key: ${publicKey}`,
        '',
      ].join('\n'),
    );
    // No bundle yet: the server starts, and is not healthy for bundles until one activates.
    s = await startServe(['--opa-config', 'opa.yaml', '--workers', '1'], work);
    servers.push(s);
  }, 120_000);
  afterAll(() => http?.server.close());

  it('is unhealthy for ?bundles until the bundle activates, then answers with it', async () => {
    const before = await eventually('a failed first download', 20_000, async () => {
      const h = await json(`${s.url}/health?bundles`);
      return h.body.bundles?.authz?.code ? h : undefined;
    });
    expect(before.status).toBe(500);
    expect(before.body.bundles.authz).toMatchObject({ name: 'authz', code: 'remote_http_error' });
    expect(before.body.bundles.authz.message).toMatch(/HTTP 404/);
    expect((await json(`${s.url}/health`)).status).toBe(200);
    expect(s.stderr()).toMatch(/bundle authz: .*HTTP 404.*not active yet/);

    http.current = bundles.v1;
    const health = await eventually('activation of v1', 20_000, async () => {
      const h = await json(`${s.url}/health?bundles`);
      return h.status === 200 ? h : undefined;
    });
    expect(health.body.bundles.authz).toMatchObject({ name: 'authz', active_revision: 'v1' });
    expect(health.body.bundles.authz.code).toBeUndefined();
    const r = await json(`${s.url}/v1/data/authz/allow?provenance`);
    expect(r.body.result).toBe('v1');
    expect(r.body.provenance.bundles).toEqual({ authz: { revision: 'v1' } });
    expect(http.log.every((l) => l.authorization === 'Bearer s3cret-token')).toBe(true);
  }, 60_000);

  it('asks with If-None-Match and takes the 304 as unchanged', async () => {
    const seen = http.log.length;
    await eventually('a conditional request answered 304', 15_000, async () => (http.log.slice(seen).some((l) => l.status === 304 && l.ifNoneMatch) ? true : undefined));
    expect((await json(`${s.url}/v1/data/authz/allow`)).body.result).toBe('v1');
    const metrics = await (await fetch(`${s.url}/metrics`)).text();
    expect(metrics).toMatch(/palisade_bundle_loads_total\{name="authz",outcome="not_modified"\} [1-9]/);
    expect(metrics).toMatch(/palisade_bundle_loads_total\{name="authz",outcome="activated"\} 1\b/);
  }, 30_000);

  it('swaps in a new revision while serving', async () => {
    http.current = bundles.v2;
    await eventually('the v2 answer', 20_000, async () => ((await json(`${s.url}/v1/data/authz/allow`)).body.result === 'v2' ? true : undefined));
    expect((await json(`${s.url}/health?bundles`)).body.bundles.authz.active_revision).toBe('v2');
  }, 30_000);

  it('keeps serving the previous revision when a bundle does not compile or does not verify, and reports it', async () => {
    http.current = bundles.broken;
    const broken = await eventually('the compile failure in the status', 20_000, async () => {
      const h = await json(`${s.url}/health?bundles`);
      return h.body.bundles.authz.code ? h : undefined;
    });
    // Activated once, so still healthy (as OPA); the error is in the status.
    expect(broken.status).toBe(200);
    expect(broken.body.bundles.authz).toMatchObject({ active_revision: 'v2', code: 'rego_type_error' });
    expect(broken.body.bundles.authz.message).toMatch(/does not load: .*no_such_function/);
    expect((await json(`${s.url}/v1/data/authz/allow`)).body.result).toBe('v2');

    http.current = bundles.forged;
    const forged = await eventually('the signature failure in the status', 20_000, async () => {
      const h = await json(`${s.url}/health?bundles`);
      return /signature/.test(h.body.bundles.authz.message ?? '') ? h : undefined;
    });
    expect(forged.body.bundles.authz).toMatchObject({ active_revision: 'v2', code: 'palisade_input_error' });
    expect((await json(`${s.url}/v1/data/authz/allow`)).body.result).toBe('v2');
    const metrics = await (await fetch(`${s.url}/metrics`)).text();
    expect(metrics).toMatch(/palisade_bundle_loads_total\{name="authz",outcome="error"\} [2-9]/);
    expect(metrics).toMatch(/palisade_bundle_failing\{name="authz"\} 1/);
    expect(s.stderr()).toMatch(/bundle authz: .*signature.*still serving the previous revision/);

    // Fixed upstream: activates again, and the failure clears.
    http.current = bundles.v1;
    await eventually('v1 again', 20_000, async () => ((await json(`${s.url}/v1/data/authz/allow`)).body.result === 'v1' ? true : undefined));
    const healed = await json(`${s.url}/health?bundles`);
    expect(healed.body.bundles.authz.code).toBeUndefined();
    expect(await s.stop()).toBe(0);
  }, 90_000);
});

describe('palisade serve --opa-config errors', () => {
  it('refuses a configuration it cannot apply, before listening', async () => {
    write('bad.yaml', 'services:\n  acme:\n    url: http://127.0.0.1:1\nbundles:\n  authz:\n    service: nope\ndecision_logs:\n  console: true\n');
    const r = await execFileAsync(process.execPath, [BIN, 'serve', '--addr', '127.0.0.1:0', '--opa-config', 'bad.yaml'], { cwd: work }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml: decision_logs: not supported by palisade serve/);
    expect(r.stderr).toMatch(/bad\.yaml: bundles\.authz: service "nope" is not defined/);
  }, 60_000);
});
