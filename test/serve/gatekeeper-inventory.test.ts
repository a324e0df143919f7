/**
 * Referential Gatekeeper templates: `data.inventory` filled from manifest files
 * (`--gatekeeper-inventory`) in Gatekeeper's layout, limited by a Gatekeeper `Config`'s
 * `syncOnly`. The two templates are written here after the Gatekeeper library's
 * k8suniqueingresshost and k8suniqueserviceselector (Rego v0, the same package names, the same
 * walk over `data.inventory.namespace[ns][apiVersion][kind][name]`, skipping the object under
 * review); `scripts/gatekeeper-suite.ts` runs the library's own copies and inventory cases.
 * End to end, the real `palisade serve` denies a duplicate host and picks up a changed inventory
 * on SIGHUP.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGatekeeper } from '../../packages/cli/src/serve/gatekeeper.js';
import { readInventory } from '../../packages/cli/src/serve/gatekeeper-inventory.js';
import type { AdmissionRequest } from '../../packages/cli/src/serve/admission.js';
import { ensureBuilt } from '../cli/scan-helpers.js';
import { OPA_PATH, oracleMissing } from '../differential/oracle.js';
import { startServe, workspace, type Served } from './server.js';

ensureBuilt();
const { dir: work, servers, write } = workspace('palisade-gk-inventory-');
const LIMITS = { timeoutMs: 2000, maxMemoryBytes: 0 };

const INGRESS_TEMPLATE = `apiVersion: templates.gatekeeper.sh/v1
kind: ConstraintTemplate
metadata:
  name: k8suniqueingresshost
spec:
  crd:
    spec:
      names:
        kind: K8sUniqueIngressHost
  targets:
    - target: admission.k8s.gatekeeper.sh
      rego: |
        package k8suniqueingresshost

        same_object(other, review) {
          other.metadata.namespace == review.object.metadata.namespace
          other.metadata.name == review.object.metadata.name
        }

        violation[{"msg": msg}] {
          input.review.kind.kind == "Ingress"
          re_match("^(extensions|networking.k8s.io)$", input.review.kind.group)
          wanted := input.review.object.spec.rules[_].host
          existing := data.inventory.namespace[_][gv]["Ingress"][_]
          re_match("^(extensions|networking.k8s.io)/", gv)
          existing.spec.rules[_].host == wanted
          not same_object(existing, input.review)
          msg := sprintf("ingress host conflicts with an existing ingress <%v>", [wanted])
        }
---
apiVersion: constraints.gatekeeper.sh/v1beta1
kind: K8sUniqueIngressHost
metadata:
  name: unique-ingress-host
spec:
  match:
    kinds:
      - apiGroups: ["extensions", "networking.k8s.io"]
        kinds: ["Ingress"]
`;

const SERVICE_TEMPLATE = `apiVersion: templates.gatekeeper.sh/v1
kind: ConstraintTemplate
metadata:
  name: k8suniqueserviceselector
spec:
  crd:
    spec:
      names:
        kind: K8sUniqueServiceSelector
  targets:
    - target: admission.k8s.gatekeeper.sh
      rego: |
        package k8suniqueserviceselector

        selector_text(svc) = text {
          pairs := [p | v := svc.spec.selector[k]; p := concat(":", [k, v])]
          text := concat(",", sort(pairs))
        }

        is_self(ns, name) {
          ns == input.review.namespace
          name == input.review.name
        }

        violation[{"msg": msg}] {
          input.review.kind.kind == "Service"
          input.review.kind.group == ""
          mine := selector_text(input.review.object)
          other := data.inventory.namespace[ns]["v1"]["Service"][name]
          not is_self(ns, name)
          selector_text(other) == mine
          msg := sprintf("same selector as service <%v> in namespace <%v>", [name, ns])
        }
---
apiVersion: constraints.gatekeeper.sh/v1beta1
kind: K8sUniqueServiceSelector
metadata:
  name: unique-service-selector
`;

// Gatekeeper replicates only what its Config syncs: Ingresses and Services, not Pods.
const CONFIG = `apiVersion: config.gatekeeper.sh/v1alpha1
kind: Config
metadata:
  name: config
  namespace: gatekeeper-system
spec:
  sync:
    syncOnly:
      - {group: networking.k8s.io, version: v1, kind: Ingress}
      - {group: "", version: v1, kind: Service}
`;

const ingress = (ns: string, name: string, host: string) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace: ns }, spec: { rules: [{ host }] } });
const service = (ns: string, name: string, selector: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec: { selector } });

// What `kubectl get ingress,service,pod -A -o yaml` writes: one List.
const inventoryList = (items: unknown[]) => JSON.stringify({ apiVersion: 'v1', kind: 'List', items });
write('gatekeeper/ingress.yaml', INGRESS_TEMPLATE);
write('gatekeeper/service.yaml', SERVICE_TEMPLATE);
write('gatekeeper/config.yaml', CONFIG);
write(
  'inventory/cluster.json',
  inventoryList([
    ingress('shop', 'storefront', 'shop.example.com'),
    service('shop', 'web', { app: 'web', tier: 'front' }),
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'shop' } },
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
  ]),
);

function review(object: Record<string, any>, operation = 'CREATE'): AdmissionRequest {
  const [group, version] = String(object.apiVersion).includes('/') ? String(object.apiVersion).split('/') : ['', String(object.apiVersion)];
  return { uid: 'u1', kind: { group: group!, version: version!, kind: object.kind }, name: object.metadata.name, namespace: object.metadata.namespace, operation, userInfo: { username: 'ada' }, object } as AdmissionRequest;
}

describe('data.inventory from manifests', () => {
  it('lays objects out as Gatekeeper does, keeping only the Config’s syncOnly kinds', () => {
    const all = readInventory([join(work, 'inventory')], work);
    expect(all.errors).toEqual([]);
    expect(Object.keys(all.inventory!.namespace.shop!.v1!).sort()).toEqual(['Pod', 'Service']);
    expect(all.inventory!.cluster).toEqual({ v1: { Namespace: { shop: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } } } } });
    const synced = readInventory([join(work, 'inventory')], work, [{ group: 'networking.k8s.io', version: 'v1', kind: 'Ingress' }]);
    expect(synced.inventory).toEqual({ cluster: {}, namespace: { shop: { 'networking.k8s.io/v1': { Ingress: { storefront: ingress('shop', 'storefront', 'shop.example.com') } } } } });
    expect(synced.objects).toBe(1);
  });

  it('refuses objects it cannot place, and referential templates without an inventory', () => {
    write('bad-inventory/a.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n---\nkind: ConfigMap\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n');
    expect(readInventory([join(work, 'bad-inventory')], work).errors.map((e) => e.message)).toEqual([
      'bad-inventory/a.yaml:1: Service web has no metadata.namespace (inventory objects sit where the cluster has them; kubectl get -A -o yaml writes it)',
      'bad-inventory/a.yaml:6: an inventory object needs apiVersion, kind and metadata.name',
      'bad-inventory/a.yaml:13: Namespace x appears twice',
    ]);
    const without = loadGatekeeper([join(work, 'gatekeeper')], work);
    expect(without.checks).toBeUndefined();
    expect(without.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^gatekeeper\/ingress\.yaml:1: ConstraintTemplate k8suniqueingresshost: reads data\.inventory .*--gatekeeper-inventory/),
      expect.stringMatching(/^gatekeeper\/service\.yaml:1: ConstraintTemplate k8suniqueserviceselector: reads data\.inventory/),
      'gatekeeper/ingress.yaml:31: K8sUniqueIngressHost unique-ingress-host: no ConstraintTemplate defines kind K8sUniqueIngressHost',
      'gatekeeper/service.yaml:35: K8sUniqueServiceSelector unique-service-selector: no ConstraintTemplate defines kind K8sUniqueServiceSelector',
    ]);
  });

  it('runs the referential templates against it: duplicates denied, the object itself and unique ones allowed', () => {
    const loaded = loadGatekeeper([join(work, 'gatekeeper')], work, [join(work, 'inventory')]);
    expect(loaded.errors).toEqual([]);
    const checks = loaded.checks!;
    expect({ templates: checks.templates, constraints: checks.constraints, inventory: checks.inventory }).toEqual({ templates: 2, constraints: 2, inventory: 2 });
    const messages = (r: AdmissionRequest) => {
      const out = checks.evaluate(r, LIMITS);
      expect(out.errors).toEqual([]);
      return out.violations.map((v) => `${v.id}: ${v.message}`);
    };
    expect(messages(review(ingress('blog', 'blog', 'shop.example.com')))).toEqual(['K8sUniqueIngressHost/unique-ingress-host: [unique-ingress-host] ingress host conflicts with an existing ingress <shop.example.com>']);
    expect(messages(review(ingress('blog', 'blog', 'blog.example.com')))).toEqual([]);
    expect(messages(review(ingress('shop', 'storefront', 'shop.example.com'), 'UPDATE'))).toEqual([]);
    expect(messages(review(service('shop', 'api', { tier: 'front', app: 'web' })))).toEqual(['K8sUniqueServiceSelector/unique-service-selector: [unique-service-selector] same selector as service <web> in namespace <shop>']);
    expect(messages(review(service('shop', 'api', { app: 'api' })))).toEqual([]);
    expect(messages(review(service('shop', 'web', { app: 'web', tier: 'front' }), 'UPDATE'))).toEqual([]);
  });
});

describe('against the reference OPA', () => {
  it('gives the same violations as opa eval with the inventory as data', (ctx) => {
    const missing = oracleMissing();
    if (missing) {
      console.warn(`gatekeeper inventory differential skipped: ${missing}`);
      return ctx.skip();
    }
    const { inventory } = readInventory([join(work, 'inventory')], work);
    write('opa/data.json', JSON.stringify({ inventory }));
    const checks = loadGatekeeper([join(work, 'gatekeeper')], work, [join(work, 'inventory')]).checks!;
    const cases: [string, string, AdmissionRequest][] = [
      ['k8suniqueingresshost', INGRESS_TEMPLATE, review(ingress('blog', 'blog', 'shop.example.com'))],
      ['k8suniqueingresshost', INGRESS_TEMPLATE, review(ingress('shop', 'storefront', 'shop.example.com'), 'UPDATE')],
      ['k8suniqueserviceselector', SERVICE_TEMPLATE, review(service('shop', 'api', { app: 'web', tier: 'front' }))],
      ['k8suniqueserviceselector', SERVICE_TEMPLATE, review(service('other', 'api', { app: 'web' }))],
    ];
    let found = 0;
    for (const [pkg, text, req] of cases) {
      const template = parseAllDocuments(text)[0]!.toJS() as { spec: { targets: { rego: string }[] } };
      const rego = write(`opa/${pkg}.rego`, template.spec.targets[0]!.rego);
      const input = write('opa/input.json', JSON.stringify({ review: req, parameters: {} }));
      const out = JSON.parse(execFileSync(OPA_PATH, ['eval', '--v0-compatible', '-f', 'json', '-i', input, '-d', rego, '-d', join(work, 'opa/data.json'), `data.${pkg}.violation`], { encoding: 'utf8' }));
      const opa = (out.result[0].expressions[0].value as { msg: string }[]).map((v) => v.msg).sort();
      const ours = checks.evaluate(req, LIMITS).violations.filter((v) => v.id.toLowerCase().startsWith(pkg)).map((v) => v.message.replace(/^\[[^\]]*\] /, '')).sort();
      expect(ours, `${pkg} ${req.name}`).toEqual(opa);
      found += opa.length;
    }
    // The duplicate ingress host and the duplicate selector; the rest are allowed by both.
    expect(found).toBe(2);
  });
});

describe('palisade serve --gatekeeper-inventory', () => {
  let s: Served;
  beforeAll(async () => {
    s = await startServe(['--gatekeeper', 'gatekeeper', '--gatekeeper-inventory', 'inventory', '--workers', '1'], work);
    servers.push(s);
  }, 90_000);

  const admit = async (object: Record<string, any>) => {
    const r = await fetch(`${s.url}/v1/admit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request: review(object) }) });
    return ((await r.json()) as { response: { allowed: boolean; status?: { message: string } } }).response;
  };

  it('denies an Ingress whose host another one has, and follows the inventory on reload', async () => {
    expect(s.stderr()).toMatch(/2 Gatekeeper constraint\(s\) from 2 template\(s\), 2 inventory object\(s\)/);
    const denied = await admit(ingress('blog', 'blog', 'shop.example.com'));
    expect(denied.allowed).toBe(false);
    expect(denied.status?.message).toMatch(/K8sUniqueIngressHost\/unique-ingress-host.*conflicts with an existing ingress <shop\.example\.com>/);
    expect((await admit(ingress('blog', 'blog', 'blog.example.com'))).allowed).toBe(true);

    // The storefront moved to another host: after a reload the blog may take the old one.
    writeFileSync(join(work, 'inventory/cluster.json'), inventoryList([ingress('shop', 'storefront', 'store.example.com')]));
    s.child.kill('SIGHUP');
    const deadline = Date.now() + 20_000;
    while (!/reloaded policies \(SIGHUP\)/.test(s.stderr()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(s.stderr()).toMatch(/reloaded policies \(SIGHUP\)/);
    expect((await admit(ingress('blog', 'blog', 'shop.example.com'))).allowed).toBe(true);
    expect((await admit(ingress('blog', 'blog', 'store.example.com'))).allowed).toBe(false);
  }, 60_000);
});
