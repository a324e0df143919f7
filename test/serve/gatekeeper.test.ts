/**
 * Gatekeeper library templates (test/serve/fixtures/gatekeeper, unchanged) decided by
 * palisade's Gatekeeper loader: the library's own sample outcomes, the constraint matcher, and,
 * when the reference OPA is present, the same `violation` set as OPA evaluating the template's
 * Rego in v0 mode (as Gatekeeper does).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { loadGatekeeper, constraintMatches } from '../../packages/cli/src/serve/gatekeeper.js';
import type { AdmissionRequest } from '../../packages/cli/src/serve/admission.js';
import { OPA_PATH, oracleMissing } from '../differential/oracle.js';
import { ROOT } from '../cli/scan-helpers.js';

const FIXTURES = join(ROOT, 'test/serve/fixtures/gatekeeper');
const LIMITS = { timeoutMs: 2000, maxMemoryBytes: 0 };
const work = mkdtempSync(join(tmpdir(), 'palisade-gk-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const loaded = loadGatekeeper([FIXTURES], ROOT);
const checks = loaded.checks!;

function request(object: Record<string, any>, extra: Partial<AdmissionRequest> = {}): AdmissionRequest {
  const [group, version] = String(object.apiVersion).includes('/') ? String(object.apiVersion).split('/') : ['', String(object.apiVersion)];
  return { uid: 'u1', kind: { group, version, kind: object.kind }, name: object.metadata?.name, namespace: object.kind === 'Namespace' ? undefined : (object.metadata?.namespace ?? 'default'), operation: 'CREATE', userInfo: { username: 'ada' }, object, ...extra };
}
const pod = (containers: Record<string, unknown>[], ns = 'default') => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: ns }, spec: { containers } });
const limited = { limits: { cpu: '100m', memory: '1Gi' } };
const ids = (r: AdmissionRequest) => checks.evaluate(r, LIMITS).violations.map((v) => v.id).sort();

describe('Gatekeeper library templates', () => {
  it('load unchanged (v0 Rego, libs, the newer code: list next to CEL)', () => {
    expect(loaded.errors).toEqual([]);
    expect({ templates: checks.templates, constraints: checks.constraints }).toEqual({ templates: 5, constraints: 5 });
  });

  it('requiredlabels: a Namespace without a valid owner label is denied with the constraint’s message', () => {
    const ns = (labels: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels } });
    const missing = checks.evaluate(request(ns({})), LIMITS);
    expect(missing.errors).toEqual([]);
    expect(missing.violations).toEqual([
      { id: 'K8sRequiredLabels/all-must-have-owner', severity: 'HIGH', deny: true, message: '[all-must-have-owner] All namespaces must have an `owner` label that points to your company username' },
    ]);
    expect(ids(request(ns({ owner: 'user' })))).toEqual(['K8sRequiredLabels/all-must-have-owner']);
    expect(ids(request(ns({ owner: 'user.agilebank.demo' })))).toEqual([]);
  });

  it('allowedrepos (namespaces: [default]), containerlimits and privileged-containers (libs) on Pods', () => {
    const good = { name: 'opa', image: 'openpolicyagent/opa:0.9.2', resources: limited };
    expect(ids(request(pod([good])))).toEqual([]);
    const bad = checks.evaluate(request(pod([{ name: 'nginx', image: 'nginx', securityContext: { privileged: true } }])), LIMITS);
    expect(bad.violations.map((v) => v.message).sort()).toEqual([
      '[container-must-have-limits] container <nginx> has no resource limits',
      '[psp-privileged-container] Privileged container is not allowed: nginx, securityContext: {"privileged": true}',
      '[repo-is-openpolicyagent] container <nginx> has an invalid image repo <nginx>, allowed repos are ["openpolicyagent/"]',
    ]);
    // allowedrepos only matches namespace default; privileged-containers excludes kube-system.
    expect(ids(request(pod([{ name: 'nginx', image: 'nginx', resources: limited }], 'shop')))).toEqual([]);
    expect(ids(request(pod([{ name: 'nginx', image: 'openpolicyagent/x', resources: limited, securityContext: { privileged: true } }], 'kube-system')))).toEqual([]);
    // lib.exclude_update: updates are not checked by privileged-containers; lib.exempt_container: exemptImages.
    const privileged = pod([{ name: 'p', image: 'openpolicyagent/x', resources: limited, securityContext: { privileged: true } }]);
    expect(ids(request(privileged))).toEqual(['K8sPSPPrivilegedContainer/psp-privileged-container']);
    expect(ids(request(privileged, { operation: 'UPDATE', oldObject: privileged }))).toEqual([]);
    // A Deployment is not matched by kinds: [Pod].
    expect(ids(request({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'default' }, spec: { template: privileged } }))).toEqual([]);
  });

  it('noupdateserviceaccount (v0 multi-body rules): changing serviceAccountName on UPDATE is denied in kube-system', () => {
    const deploy = (sa: string) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'kube-system' }, spec: { template: { spec: { serviceAccountName: sa, containers: [] } } } });
    const update = (from: string, to: string) => request(deploy(to), { operation: 'UPDATE', oldObject: deploy(from) });
    const rule = 'NoUpdateServiceAccount/no-update-kube-system-service-account';
    const changed = checks.evaluate(update('a', 'b'), LIMITS);
    expect(changed.errors).toEqual([]);
    expect(changed.violations.filter((v) => v.id === rule).map((v) => v.message)).toEqual(['[no-update-kube-system-service-account] user does not have permission to modify serviceAccountName']);
    expect(ids(update('a', 'a')).filter((id) => id === rule)).toEqual([]);
    // CREATE is never a change of service account.
    expect(ids(request(deploy('b'))).filter((id) => id === rule)).toEqual([]);
  });

  it('gives the same violations as the reference OPA evaluating the template in v0 mode', (ctx) => {
    const missing = oracleMissing();
    if (missing) {
      console.warn(`gatekeeper differential skipped: ${missing}`);
      return ctx.skip();
    }
    const cases: [string, AdmissionRequest][] = [
      ['allowedrepos', request(pod([{ name: 'a', image: 'nginx' }, { name: 'b', image: 'openpolicyagent/opa' }]))],
      ['containerlimits', request(pod([{ name: 'a', image: 'x', resources: { limits: { cpu: '2', memory: '4Gi' } } }, { name: 'b', image: 'x' }]))],
      ['privileged-containers', request(pod([{ name: 'a', image: 'safeimages.com/x', securityContext: { privileged: true } }, { name: 'b', image: 'x', securityContext: { privileged: true } }]))],
    ];
    for (const [dir, req] of cases) {
      const template = parse(readFileSync(join(FIXTURES, dir, 'template.yaml'), 'utf8')) as any;
      const constraint = parse(readFileSync(join(FIXTURES, dir, 'constraint.yaml'), 'utf8')) as any;
      const target = template.spec.targets[0];
      const source = target.rego !== undefined ? target : target.code.find((c: any) => c.engine === 'Rego').source;
      const files = [source.rego, ...(source.libs ?? [])].map((text: string, i: number) => {
        const f = join(work, `${dir}-${i}.rego`);
        writeFileSync(f, text);
        return f;
      });
      writeFileSync(join(work, 'input.json'), JSON.stringify({ review: req, parameters: constraint.spec.parameters }));
      const pkg = /^package\s+(\S+)/m.exec(source.rego)![1];
      const out = JSON.parse(execFileSync(OPA_PATH, ['eval', '--v0-compatible', '-f', 'json', '-i', join(work, 'input.json'), ...files.flatMap((f) => ['-d', f]), `data.${pkg}.violation`], { encoding: 'utf8' }));
      const opa = (out.result[0].expressions[0].value as { msg: string }[]).map((v) => `[${constraint.metadata.name}] ${v.msg}`).sort();
      const ours = checks.evaluate(req, LIMITS).violations.filter((v) => v.id.endsWith(`/${constraint.metadata.name}`)).map((v) => v.message).sort();
      expect(opa.length, dir).toBeGreaterThan(0);
      expect(ours, dir).toEqual(opa);
    }
  });
});

describe('Gatekeeper constraints', () => {
  const write = (name: string, text: string) => {
    writeFileSync(join(work, name), text);
    return join(work, name);
  };
  const template = readFileSync(join(FIXTURES, 'requiredlabels/template.yaml'), 'utf8');
  const constraint = (spec: string) => `apiVersion: constraints.gatekeeper.sh/v1beta1\nkind: K8sRequiredLabels\nmetadata:\n  name: need-team\nspec:\n${spec}\n  parameters:\n    labels: [{key: team}]\n`;

  it('enforcementAction warn and dryrun do not deny; dryrun is audit only', () => {
    for (const [action, deny, auditOnly] of [['warn', false, undefined], ['dryrun', false, true]] as const) {
      const gk = loadGatekeeper([write(`${action}.yaml`, `${template}\n---\n${constraint(`  enforcementAction: ${action}`)}`)], work);
      expect(gk.errors).toEqual([]);
      const [v] = gk.checks!.evaluate(request(pod([{ name: 'a', image: 'x' }])), LIMITS).violations;
      expect({ id: v!.id, deny: v!.deny, auditOnly: v!.auditOnly }).toEqual({ id: 'K8sRequiredLabels/need-team', deny, auditOnly });
      expect(v!.message).toMatch(/you must provide labels: \{"team"\}/);
    }
  });

  it('matches kinds, namespace globs, scope, names and label selectors as Gatekeeper', () => {
    const r = request(pod([]), { namespace: 'team-a' });
    (r.object as any).metadata.labels = { tier: 'web' };
    expect(constraintMatches({ kinds: [{ apiGroups: ['*'], kinds: ['Pod'] }], namespaces: ['team-*'] }, r)).toBe(true);
    expect(constraintMatches({ excludedNamespaces: ['*-a'] }, r)).toBe(false);
    expect(constraintMatches({ kinds: [{ apiGroups: ['apps'], kinds: ['*'] }] }, r)).toBe(false);
    expect(constraintMatches({ scope: 'Cluster' }, r)).toBe(false);
    expect(constraintMatches({ name: 'we*' }, r)).toBe(true);
    expect(constraintMatches({ labelSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['web'] }] } }, r)).toBe(true);
    expect(constraintMatches({ labelSelector: { matchLabels: { tier: 'db' } } }, r)).toBe(false);
    // A cluster-scoped object is not filtered by namespaces.
    const role = request({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'r' } }, { namespace: undefined });
    expect(constraintMatches({ namespaces: ['team-*'] }, role)).toBe(true);
    // namespaceSelector needs the Namespace's labels: an error, never a silent pass.
    expect(constraintMatches({ namespaceSelector: { matchLabels: { a: 'b' } } }, r)).toMatch(/namespaceSelector/);
  });

  it('refuses what it cannot decide, naming the file: referential templates, unknown kinds, CEL-only, bad actions', () => {
    const inventory = write('inv.yaml', template.replace('provided := {label | input.review.object.metadata.labels[label]}', 'provided := {label | data.inventory.namespace[_][label]}'));
    expect(loadGatekeeper([inventory], work).errors.map((e) => e.message)).toEqual([expect.stringMatching(/^inv\.yaml:1: ConstraintTemplate k8srequiredlabels: reads data\.inventory/)]);
    expect(loadGatekeeper([write('orphan.yaml', constraint('  match: {}'))], work).errors[0]!.message).toMatch(/^orphan\.yaml:1: K8sRequiredLabels need-team: no ConstraintTemplate defines kind K8sRequiredLabels/);
    const cel = write('cel.yaml', template.replace(/ {6}- engine: Rego[\s\S]*$/, ''));
    expect(loadGatekeeper([cel], work).errors[0]!.message).toMatch(/only CEL/);
    const bad = loadGatekeeper([write('bad.yaml', `${template}\n---\n${constraint('  enforcementAction: block')}`)], work);
    expect(bad.errors[0]!.message).toMatch(/bad\.yaml:\d+: K8sRequiredLabels need-team: enforcementAction must be one of deny, warn, dryrun/);
    const broken = loadGatekeeper([write('broken.yaml', template.replace('count(missing) > 0', 'count(missing) > > 0'))], work);
    expect(broken.errors[0]!.code).toBe('rego_parse_error');
  });
});
