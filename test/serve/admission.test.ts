/**
 * Admission as a cluster uses it, over 127.0.0.1 against the real `palisade serve`: the stdlib
 * checks, the user's own admission rules (request.object/oldObject/operation/userInfo/dryRun),
 * Gatekeeper library templates, all configured from palisade.yaml's `admission:` section; a slow
 * policy answered per `on-error`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, ROOT } from '../cli/scan-helpers.js';
import { startServe, workspace, type Served } from './server.js';

ensureBuilt();
const { dir: work, servers, write } = workspace('palisade-admission-');

write(
  'policy/admission.rego',
  `package kubernetes.admission

deny contains msg if {
	input.request.operation == "UPDATE"
	old := input.request.oldObject.metadata.labels.owner
	old != input.request.object.metadata.labels.owner
	msg := sprintf("%s may not change the owner label (%s)", [input.request.userInfo.username, old])
}

deny contains {"id": "ORG-002", "severity": "CRITICAL", "msg": "mallory may not create workloads"} if {
	input.request.userInfo.username == "mallory"
}

warn contains "dry run: nothing was stored" if input.request.dryRun

# A policy too slow for the webhook's time budget.
deny contains "slow" if {
	input.request.object.metadata.name == "slow"
	count({[a, b] | some a in numbers.range(1, 3000); some b in numbers.range(1, 3000)}) > 0
}
`,
);
write(
  'palisade.yaml',
  `admission:
  mode: enforce
  deny-severity: CRITICAL
  exclude-namespaces: [sandbox]
  gatekeeper: ${join(ROOT, 'test/serve/fixtures/gatekeeper/privileged-containers')}
`,
);

const hardened = { privileged: false, allowPrivilegeEscalation: false, runAsNonRoot: true, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } };
const container = (securityContext: Record<string, unknown> = hardened) => ({ name: 'app', image: 'registry.example/app@sha256:' + 'a'.repeat(64), securityContext, resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1', memory: '1Gi' } } });
const podSpec = (sc?: Record<string, unknown>) => ({ automountServiceAccountToken: false, containers: [container(sc)] });
const deployment = (owner: string, sc?: Record<string, unknown>) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop', labels: { owner } }, spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: podSpec(sc) } } });
const pod = (name: string, sc?: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'shop' }, spec: podSpec(sc) });
const cronJob = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'nightly', namespace: 'shop' }, spec: { schedule: '0 1 * * *', jobTemplate: { spec: { template: { spec: { ...podSpec(), restartPolicy: 'Never' } } } } } };

let n = 0;
function review(object: Record<string, any>, extra: Record<string, unknown> = {}) {
  const [group, version] = String(object.apiVersion).includes('/') ? String(object.apiVersion).split('/') : ['', String(object.apiVersion)];
  return {
    apiVersion: 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    request: { uid: `uid-${++n}`, kind: { group, version, kind: object.kind }, name: object.metadata.name, namespace: object.metadata.namespace, operation: 'CREATE', userInfo: { username: 'ada', groups: ['dev'] }, object, dryRun: false, ...extra },
  };
}

async function admit(url: string, body: unknown) {
  const r = await fetch(`${url}/v1/admit`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  expect(r.status).toBe(200);
  return ((await r.json()) as { response: { uid: string; allowed: boolean; status?: { message: string }; warnings?: string[]; auditAnnotations?: Record<string, string> } }).response;
}

describe('admission configured from palisade.yaml', () => {
  let s: Served;
  beforeAll(async () => {
    s = await startServe(['-d', 'policy', '--decision-log', 'decisions.log', '--timeout', '300'], work);
    servers.push(s);
  }, 90_000);

  it('starts with the Gatekeeper constraints of the config', () => {
    expect(s.stderr()).toMatch(/admission enforce, 1 Gatekeeper constraint\(s\) from 1 template\(s\)/);
  });

  it('a hardened Deployment, CronJob and Pod are admitted', async () => {
    for (const obj of [deployment('ada'), cronJob, pod('web')]) {
      const res = await admit(s.url, review(obj));
      expect(res.allowed, JSON.stringify(res)).toBe(true);
    }
  });

  it('deny-severity CRITICAL: a HIGH stdlib finding only warns, while the Gatekeeper constraint denies', async () => {
    const res = await admit(s.url, review(pod('priv', { ...hardened, privileged: true })));
    expect(res.allowed).toBe(false);
    expect(res.status!.message).toMatch(/^palisade denied Pod shop\/priv: K8sPSPPrivilegedContainer\/psp-privileged-container \[HIGH\] \[psp-privileged-container\] Privileged container is not allowed: app/);
    expect(res.status!.message).not.toMatch(/KW-001/);
    expect(res.warnings!.join('\n')).toMatch(/KW-001 \[HIGH\]/);
  });

  it('user rules see request.oldObject, operation and userInfo: an UPDATE changing the owner is denied', async () => {
    const update = review(deployment('bob'), { operation: 'UPDATE', oldObject: deployment('ada') });
    const res = await admit(s.url, update);
    expect(res.uid).toBe(update.request.uid);
    expect(res.allowed).toBe(false);
    expect(res.status!.message).toContain('kubernetes.admission.deny [HIGH] ada may not change the owner label (ada)');
    // The same owner on UPDATE, and a CREATE (no oldObject), are admitted.
    expect((await admit(s.url, review(deployment('ada'), { operation: 'UPDATE', oldObject: deployment('ada') }))).allowed).toBe(true);
    const mallory = await admit(s.url, review(cronJob, { userInfo: { username: 'mallory' } }));
    expect(mallory.status!.message).toContain('ORG-002 [CRITICAL] mallory may not create workloads');
  });

  it('dryRun gets the same answer, a warning from the user rules, and is marked in the decision log', async () => {
    const dry = review(deployment('bob'), { operation: 'UPDATE', oldObject: deployment('ada'), dryRun: true });
    const res = await admit(s.url, dry);
    expect(res.allowed).toBe(false);
    expect(res.warnings).toContain('kubernetes.admission.warn [MEDIUM] dry run: nothing was stored');
    await expect.poll(() => readFileSync(join(work, 'decisions.log'), 'utf8'), { timeout: 10_000 }).toContain(dry.request.uid);
    const entry = readFileSync(join(work, 'decisions.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>).find((e) => e.uid === dry.request.uid)!;
    expect(entry).toMatchObject({ path: 'admission', operation: 'UPDATE', dry_run: true, allowed: false });
  });

  it('exclude-namespaces from the config replaces the default: sandbox is skipped, kube-system is checked', async () => {
    const priv = pod('priv', { ...hardened, privileged: true });
    expect((await admit(s.url, review({ ...priv, metadata: { name: 'priv', namespace: 'sandbox' } }))).allowed).toBe(true);
    // Checked: the stdlib's KW-001 is reported (a warning under deny-severity CRITICAL; the Gatekeeper constraint itself excludes kube-system).
    const system = await admit(s.url, review({ ...priv, metadata: { name: 'priv', namespace: 'kube-system' } }));
    expect(system.warnings!.join('\n')).toMatch(/KW-001 \[HIGH\]/);
  });

  it('a policy slower than --timeout denies (on-error: deny), naming the timeout', async () => {
    const res = await admit(s.url, review(pod('slow')));
    expect(res.allowed).toBe(false);
    expect(res.status!.message).toMatch(/policy evaluation error: data\.kubernetes\.admission\.deny: .*(time|timeout)/i);
  });

  it('with --on-error allow the slow policy admits, with a warning', async () => {
    const lenient = await startServe(['-d', 'policy', '--timeout', '300', '--on-error', 'allow'], work);
    servers.push(lenient);
    const res = await admit(lenient.url, review(pod('slow')));
    expect(res.allowed).toBe(true);
    expect(res.warnings!.join('\n')).toMatch(/palisade could not check this object: data\.kubernetes\.admission\.deny/);
    expect(await lenient.stop()).toBe(0);
  }, 90_000);
});

describe('admission configuration errors', () => {
  it('an unknown key or value in the admission section stops serve with the file and key', () => {
    const dir = mkdtempSync(join(work, 'bad-'));
    writeFileSync(join(dir, 'palisade.yaml'), 'admission:\n  mode: block\n  deny-on: HIGH\n');
    const r = spawnSync(process.execPath, [BIN, 'serve', '--addr', '127.0.0.1:0'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/palisade\.yaml: admission\.mode: must be one of enforce, warn, audit/);
    expect(r.stderr).toMatch(/palisade\.yaml: admission\.deny-on: unknown key/);
  });

  it('a Gatekeeper file that cannot be decided stops serve with its path', () => {
    const dir = mkdtempSync(join(work, 'gk-'));
    writeFileSync(join(dir, 'c.yaml'), 'apiVersion: constraints.gatekeeper.sh/v1beta1\nkind: K8sNothing\nmetadata:\n  name: x\n');
    const r = spawnSync(process.execPath, [BIN, 'serve', '--addr', '127.0.0.1:0', '--gatekeeper', 'c.yaml'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/c\.yaml:1: K8sNothing x: no ConstraintTemplate defines kind K8sNothing/);
  });
});
