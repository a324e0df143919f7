/**
 * The bundle poller against a node:http bundle server on 127.0.0.1: what each outcome does to
 * the bundle's status, the counters and the log (the end-to-end swap is test/serve/bundle-poll.test.ts).
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '@palisade/engine';
import { writeTarGz } from '../opa-bundle/archive.js';
import { sign } from '../opa-bundle/signature.js';
import type { Bundle } from '../opa-bundle/bundle.js';
import { BundlePoller } from './bundle-poll.js';
import type { PolledBundle } from './opa-config.js';

const work = mkdtempSync(join(tmpdir(), 'palisade-poll-'));
const keyFile = join(work, 'key.pem');
writeFileSync(keyFile, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
const routes = new Map<string, { status: number; body?: Buffer }>();
let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const r = req.headers.authorization === 'Bearer t' ? routes.get(req.url ?? '') : { status: 401 };
    res.writeHead(r?.status ?? 404).end(r?.body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => {
  server.close();
  rmSync(work, { recursive: true, force: true });
});

const files = (revision: string) => [
  { path: '.manifest', data: Buffer.from(JSON.stringify({ revision, roots: [''] })) },
  { path: 'authz/allow.rego', data: Buffer.from('package authz\n\nallow := true\n') },
];

/** Runs one poll of `path` (the next is minutes away) and returns what it reported. */
async function pollOnce(path: string, activate: (b: Bundle) => Diagnostic[] = () => [], headers: Record<string, string> = { authorization: 'Bearer t' }) {
  const config: PolledBundle = { name: 'authz', url: `${base}${path}`, oci: false, headers, minDelayMs: 600_000, maxDelayMs: 600_000 };
  const counted: string[] = [];
  const log: string[] = [];
  const activated: Bundle[] = [];
  const poller = new BundlePoller([config], {
    env: {},
    log: (l) => log.push(l),
    counted: (_name, outcome) => counted.push(outcome),
    activate: async (b) => (activated.push(b), activate(b)),
  });
  poller.start();
  const deadline = Date.now() + 10_000;
  while (!counted.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  await poller.stop();
  return { status: poller.status().authz!, ready: poller.ready, counted, log, activated };
}

describe('bundle poller', () => {
  it('activates a downloaded bundle and reports its revision', async () => {
    routes.set('/ok.tar.gz', { status: 200, body: await writeTarGz(files('r7')) });
    const r = await pollOnce('/ok.tar.gz');
    expect(r.counted).toEqual(['activated']);
    expect(r.ready).toBe(true);
    expect(r.status).toMatchObject({ name: 'authz', active_revision: 'r7' });
    expect(r.status.code).toBeUndefined();
    // Only what the policy set needs crosses to the workers.
    expect(r.activated[0]).toMatchObject({ source: 'authz', files: [], modules: [{ file: 'authz/authz/allow.rego', path: 'authz/allow.rego' }] });
    expect(r.log).toEqual(['palisade serve: bundle authz: activated revision "r7"']);
  });

  it('reports a refused login, a signed bundle it has no key for and a set that does not compile, activating nothing', async () => {
    const denied = await pollOnce('/ok.tar.gz', undefined, {});
    expect(denied.status).toMatchObject({ code: 'remote_auth_error' });
    expect(denied.status.message).toMatch(/HTTP 401/);
    expect(denied.ready).toBe(false);

    const signed = files('r8');
    routes.set('/signed.tar.gz', { status: 200, body: await writeTarGz([...signed, { path: '.signatures.json', data: Buffer.from(await sign(signed, { key: keyFile })) }]) });
    const unverifiable = await pollOnce('/signed.tar.gz');
    expect(unverifiable.status.message).toBe('authz: the bundle is signed; give bundles.authz.signing (and its key under keys) in the OPA configuration to verify it');
    expect(unverifiable.activated).toEqual([]);

    const refused = await pollOnce('/ok.tar.gz', () => [{ code: 'rego_type_error', message: 'undefined function f' }]);
    expect(refused.counted).toEqual(['error']);
    expect(refused.status).toMatchObject({ code: 'rego_type_error', message: 'the bundle does not load: undefined function f', errors: [{ code: 'rego_type_error', message: 'undefined function f' }] });
    expect(refused.status.active_revision).toBeUndefined();
    expect(refused.log).toEqual(['palisade serve: bundle authz: the bundle does not load: undefined function f; not active yet']);

    routes.set('/junk.tar.gz', { status: 200, body: Buffer.from('not a tarball') });
    const junk = await pollOnce('/junk.tar.gz');
    expect(junk.status.code).toBe('palisade_input_error');
  });
});
