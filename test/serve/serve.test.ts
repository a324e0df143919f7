/**
 * `palisade serve` as its clients use it: OPA's official TypeScript SDK (@styra/opa) against the
 * Data API, raw HTTP for the edges of OPA's REST API, AdmissionReviews as the Kubernetes API
 * server sends them, Prometheus metrics, decision logs, reload and graceful shutdown. Every server
 * is the real CLI process on 127.0.0.1.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { OPAClient } from '@styra/opa';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt } from '../cli/scan-helpers.js';
import { startServe, workspace, type Served } from './server.js';

ensureBuilt();
const execFileAsync = promisify(execFile);
const { dir: work, servers, write } = workspace('palisade-serve-');

write('policy/authz/allow.rego', 'package authz\n\ndefault allow := false\n\nallow if input.user in data.authz.admins\n');
write('policy/authz/data.json', '{"admins": ["ada"]}');
write('policy/system/main.rego', 'package system\n\nmain := {"hello": input.name}\n');

const review = (object: unknown, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'admission.k8s.io/v1',
  kind: 'AdmissionReview',
  request: { uid: 'e911857d-c318-11e8-bbad-025000000001', kind: { group: '', version: 'v1', kind: 'Pod' }, namespace: 'shop', operation: 'CREATE', userInfo: { username: 'ada' }, object, ...extra },
});
const pod = (securityContext: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', securityContext }] } });

async function post(url: string, body: string, type = 'application/json') {
  const r = await fetch(url, { method: 'POST', body, headers: { 'content-type': type } });
  return { status: r.status, json: (await r.json()) as Record<string, any> };
}

describe('palisade serve', () => {
  let s: Served;
  beforeAll(async () => {
    s = await startServe(['-d', 'policy', '--decision-log', 'decisions.log', '--log-mask', '/input/password', '--max-body', '65536'], work);
    servers.push(s);
  }, 90_000);

  it('answers OPA’s TypeScript SDK (@styra/opa) on the Data API', async () => {
    const opa = new OPAClient(s.url);
    await expect(opa.evaluate('authz/allow', { user: 'ada' })).resolves.toBe(true);
    await expect(opa.evaluate('authz/allow', { user: 'bob' })).resolves.toBe(false);
    await expect(opa.evaluate('authz/admins')).resolves.toEqual(['ada']);
    await expect(opa.evaluateDefault({ name: 'world' })).resolves.toEqual({ hello: 'world' });
    // An undefined document has no "result" (OPA's shape); the SDK gives undefined.
    await expect(opa.evaluate('authz/nothing', {})).resolves.toBeUndefined();
  });

  it('follows OPA’s REST API shapes: result, decision_id, pretty, metrics, provenance, GET ?input, v0, query', async () => {
    const r = await post(`${s.url}/v1/data/authz/allow?metrics=true&provenance`, JSON.stringify({ input: { user: 'ada', password: 'hunter2' } }));
    expect(r.status).toBe(200);
    expect(r.json.result).toBe(true);
    expect(r.json.decision_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.json.metrics.timer_rego_query_eval_ns).toBeGreaterThan(0);
    expect(r.json.provenance.version).toMatch(/^\d+\.\d+\.\d+/);
    const undef = await post(`${s.url}/v1/data/authz/nothing`, '{}');
    expect(undef.status).toBe(200);
    expect('result' in undef.json).toBe(false);
    const pretty = await fetch(`${s.url}/v1/data/authz/admins?pretty=true`);
    expect(await pretty.text()).toContain('\n  "result": [\n');
    const get = await fetch(`${s.url}/v1/data/authz/allow?input=${encodeURIComponent('{"user":"ada"}')}`);
    expect(((await get.json()) as { result: boolean }).result).toBe(true);
    const v0 = await post(`${s.url}/v0/data/authz/allow`, '{"user": "ada"}');
    expect(v0).toEqual({ status: 200, json: true as never });
    const v0undef = await post(`${s.url}/v0/data/authz/nothing`, '{}');
    expect(v0undef.status).toBe(404);
    expect(v0undef.json.code).toBe('undefined_document');
    const q = await post(`${s.url}/v1/query`, JSON.stringify({ query: 'x := data.authz.admins[_]' }));
    expect(q.json).toEqual({ result: [{ x: 'ada' }] });
    const policies = (await (await fetch(`${s.url}/v1/policies`)).json()) as { result: { id: string; raw: string }[] };
    expect(policies.result.map((p) => p.id).sort()).toEqual(['policy/authz/allow.rego', 'policy/system/main.rego']);
  });

  it('bad requests get OPA-style errors, never a crash', async () => {
    const bad = await post(`${s.url}/v1/data/authz/allow`, '{"input": ');
    expect(bad.status).toBe(400);
    expect(bad.json.code).toBe('invalid_parameter');
    const big = await post(`${s.url}/v1/data/authz/allow`, JSON.stringify({ input: { pad: 'x'.repeat(70_000) } }));
    expect(big.status).toBe(413);
    const query = await post(`${s.url}/v1/query`, JSON.stringify({ query: 'x := 1 +' }));
    expect(query.status).toBe(400);
    expect(query.json.errors[0].code).toBe('rego_parse_error');
    const status = async (r: Promise<Response>) => {
      const res = await r;
      await res.text();
      return res.status;
    };
    expect(await status(fetch(`${s.url}/v2/nothing`))).toBe(404);
    expect(await status(fetch(`${s.url}/v1/data/x`, { method: 'DELETE' }))).toBe(405);
    expect(await status(fetch(`${s.url}/health`))).toBe(200);
  });

  it('admission: denies a privileged pod with the scan’s check ids, allows a hardened one, echoes the uid', async () => {
    const denied = await post(`${s.url}/v1/admit`, JSON.stringify(review(pod({ privileged: true }))));
    expect(denied.status).toBe(200);
    expect(denied.json.kind).toBe('AdmissionReview');
    expect(denied.json.response.uid).toBe('e911857d-c318-11e8-bbad-025000000001');
    expect(denied.json.response.allowed).toBe(false);
    expect(denied.json.response.status.code).toBe(403);
    expect(denied.json.response.status.message).toMatch(/palisade denied Pod shop\/web: .*KW-001 \[HIGH\]/);
    expect(denied.json.response.warnings.join('\n')).toMatch(/\[MEDIUM\]/);

    // The same object scanned as a file gives the same ids.
    write('pod.yaml', JSON.stringify({ ...pod({ privileged: true }), metadata: { name: 'web', namespace: 'shop' } }));
    // Asynchronously: a blocked event loop would let the server's keep-alive timeout close pooled sockets under fetch.
    const { stdout } = await execFileAsync(process.execPath, [BIN, 'scan', '-f', 'json', 'pod.yaml'], { cwd: work, encoding: 'utf8' }).catch((e: { stdout: string }) => e);
    const scanned = JSON.parse(stdout) as { findings: { policyId: string; status: string }[] };
    const scanIds = new Set(scanned.findings.filter((f) => f.status !== 'waived').map((f) => f.policyId));
    expect(scanIds.has('KW-001')).toBe(true);

    const hardened = pod({ privileged: false, allowPrivilegeEscalation: false, runAsNonRoot: true, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } });
    const allowed = await post(`${s.url}/v1/admit`, JSON.stringify(review(hardened)));
    expect(allowed.json.response.allowed, JSON.stringify(allowed.json.response.status)).toBe(true);
    expect(allowed.json.response.status).toBeUndefined();
  });

  it('admission: excluded namespaces and deletes are allowed unchecked; a malformed review is a 400', async () => {
    const system = await post(`${s.url}/v1/admit`, JSON.stringify(review(pod({ privileged: true }), { namespace: 'kube-system' })));
    expect(system.json.response).toEqual({ uid: 'e911857d-c318-11e8-bbad-025000000001', allowed: true });
    const del = await post(`${s.url}/v1/admit`, JSON.stringify(review(null, { operation: 'DELETE', oldObject: pod({ privileged: true }) })));
    expect(del.json.response.allowed).toBe(true);
    expect((await post(`${s.url}/v1/admit`, '{"kind": "Pod"}')).status).toBe(400);
  });

  it('exports Prometheus metrics and writes masked decision logs', async () => {
    const text = await (await fetch(`${s.url}/metrics`)).text();
    expect(text).toMatch(/^palisade_http_requests_total\{route="\/v1\/data",method="POST",code="200"\} \d+/m);
    expect(text).toMatch(/^palisade_http_request_duration_seconds_bucket\{le="0.005",route="\/v1\/data"\} \d+/m);
    expect(text).toMatch(/^palisade_decisions_total\{kind="admission",outcome="denied"\} [1-9]/m);
    // Where the time went: waiting for a worker, and on it.
    expect(text).toMatch(/^palisade_queue_wait_seconds_count\{kind="admit"\} [1-9]/m);
    expect(text).toMatch(/^palisade_eval_duration_seconds_count\{kind="data"\} [1-9]/m);
    const log = readFileSync(join(work, 'decisions.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
    const entry = log.find((e) => e.path === 'authz/allow' && e.input?.user === 'ada' && e.erased)!;
    expect(entry.input).toEqual({ user: 'ada' });
    expect(entry.erased).toEqual(['/input/password']);
    expect(entry.result).toBe(true);
    expect(JSON.stringify(log)).not.toContain('hunter2');
  });

  it('reloads on SIGHUP, keeps the old policies when the new ones do not compile, drains on SIGTERM', async () => {
    write('policy/authz/data.json', '{"admins": ["ada", "bob"]}');
    s.child.kill('SIGHUP');
    await expect.poll(async () => (await post(`${s.url}/v1/data/authz/allow`, '{"input": {"user": "bob"}}')).json.result, { timeout: 30_000 }).toBe(true);
    write('policy/authz/broken.rego', 'package authz\n\nallow if {\n');
    s.child.kill('SIGHUP');
    await expect.poll(() => s.stderr(), { timeout: 30_000 }).toMatch(/reload failed .*still serving the previous policies/s);
    expect((await post(`${s.url}/v1/data/authz/allow`, '{"input": {"user": "bob"}}')).json.result).toBe(true);
    rmSync(join(work, 'policy/authz/broken.rego'));
    expect(await s.stop('SIGTERM')).toBe(0);
    expect(s.stderr()).toMatch(/shutting down/);
  }, 90_000);
});

describe('palisade serve options', () => {
  it('refuses plain HTTP off loopback and bad flags', () => {
    const run = (args: string[]) => spawnSync(process.execPath, [BIN, 'serve', ...args], { cwd: work, encoding: 'utf8', timeout: 60_000 });
    const r = run(['--addr', '0.0.0.0:0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/refusing plain HTTP on 0\.0\.0\.0/);
    expect(run(['--admission-mode', 'maybe']).stderr).toMatch(/--admission-mode must be one of enforce, warn, audit/);
    expect(run(['--timeout', 'abc']).stderr).toMatch(/--timeout.*"abc"/);
  });

  it('serves HTTPS from a certificate and key, in warn mode allowing with warnings', async () => {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(work, 'tls.key'), '-out', join(work, 'tls.crt'), '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    const tls = await startServe(['--tls-cert-file', 'tls.crt', '--tls-private-key-file', 'tls.key', '--admission-mode', 'warn'], work, { NODE_EXTRA_CA_CERTS: join(work, 'tls.crt') });
    servers.push(tls);
    expect(tls.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    // curl checks the certificate against the test CA, as the API server does with caBundle.
    const out = execFileSync('curl', ['-s', '--cacert', join(work, 'tls.crt'), '-X', 'POST', '--data-binary', JSON.stringify(review(pod({ privileged: true }))), `${tls.url}/v1/admit`], { encoding: 'utf8' });
    const res = (JSON.parse(out) as { response: { allowed: boolean; warnings: string[] } }).response;
    expect(res.allowed).toBe(true);
    expect(res.warnings.join('\n')).toMatch(/KW-001 \[HIGH\]/);
    expect(await tls.stop()).toBe(0);
  }, 120_000);
});
