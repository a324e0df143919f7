/**
 * `data.inventory` for referential Gatekeeper templates (unique ingress hosts, unique service
 * selectors…). Gatekeeper fills it by replicating cluster objects of the kinds its `Config` lists
 * under `spec.sync.syncOnly`; `palisade serve` reads those objects from manifest files instead
 * (`--gatekeeper-inventory`, e.g. the output of `kubectl get ingress,service -A -o yaml`), in
 * Gatekeeper's layout:
 *
 *   data.inventory.cluster[<apiVersion>][<kind>][<name>]                  cluster-scoped objects
 *   data.inventory.namespace[<namespace>][<apiVersion>][<kind>][<name>]  namespaced objects
 *
 * A `Config` (config.gatekeeper.sh) among the Gatekeeper files limits the inventory to its
 * `syncOnly` kinds, as in the cluster. An object is namespaced when it has `metadata.namespace`;
 * a well-known namespaced kind without one is an error (it would land where no template looks).
 * The files are read again on every reload (`--watch`, SIGHUP).
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ErrorCodes, MAX_YAML_ALIASES, type Diagnostic } from '@palisade/engine';
import { expandPaths } from '../load-policies.js';

export interface SyncRule {
  group: string;
  version: string;
  kind: string;
}

type Tree = Record<string, Record<string, Record<string, unknown>>>;
export interface Inventory {
  cluster: Tree;
  namespace: Record<string, Tree>;
}

/** Kinds that always live in a namespace: one without metadata.namespace is a mistake in the file. */
const NAMESPACED = new Set([
  'Pod', 'Service', 'Endpoints', 'ConfigMap', 'Secret', 'ServiceAccount', 'PersistentVolumeClaim', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet',
  'Job', 'CronJob', 'Ingress', 'NetworkPolicy', 'Role', 'RoleBinding', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'LimitRange', 'ResourceQuota',
]);

function isRecord(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `spec.sync.syncOnly` of a Gatekeeper Config document. */
export function syncRules(config: unknown): SyncRule[] {
  const list = isRecord(config) && isRecord(config.spec) && isRecord(config.spec.sync) && Array.isArray(config.spec.sync.syncOnly) ? config.spec.sync.syncOnly : [];
  return list.filter(isRecord).map((r: Record<string, unknown>) => ({ group: String(r.group ?? ''), version: String(r.version ?? ''), kind: String(r.kind ?? '') }));
}

function synced(rules: SyncRule[] | undefined, apiVersion: string, kind: string): boolean {
  if (!rules) return true;
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
  return rules.some((r) => r.group === group && r.version === version && r.kind === kind);
}

/**
 * The inventory of the manifests under `paths` (YAML or JSON, several documents, `kind: List`
 * flattened). `syncOnly` (from a Config) keeps only those kinds; undefined keeps everything.
 */
export function readInventory(paths: readonly string[], cwd: string, syncOnly?: SyncRule[]): { inventory?: Inventory; objects: number; errors: Diagnostic[] } {
  const inventory: Inventory = { cluster: {}, namespace: {} };
  const errors: Diagnostic[] = [];
  let objects = 0;
  const fail = (at: string, message: string) => errors.push({ code: ErrorCodes.input, message: `${at}: ${message}` });
  const add = (obj: unknown, at: string) => {
    if (!isRecord(obj)) return fail(at, 'an inventory object must be a mapping');
    if (obj.kind === 'List' && Array.isArray(obj.items)) {
      for (const item of obj.items) add(item, at);
      return;
    }
    const { apiVersion, kind } = obj;
    const name = obj.metadata?.name;
    if (typeof apiVersion !== 'string' || typeof kind !== 'string' || typeof name !== 'string' || !apiVersion || !kind || !name) {
      return fail(at, 'an inventory object needs apiVersion, kind and metadata.name');
    }
    if (!synced(syncOnly, apiVersion, kind)) return;
    const ns = obj.metadata.namespace;
    if (ns !== undefined && (typeof ns !== 'string' || !ns)) return fail(at, `${kind} ${name}: metadata.namespace must be a name`);
    if (ns === undefined && NAMESPACED.has(kind)) {
      return fail(at, `${kind} ${name} has no metadata.namespace (inventory objects sit where the cluster has them; kubectl get -A -o yaml writes it)`);
    }
    const tree = ns === undefined ? inventory.cluster : (inventory.namespace[ns] ??= {});
    const byKind = ((tree[apiVersion] ??= {})[kind] ??= {});
    if (Object.hasOwn(byKind, name)) return fail(at, `${kind} ${ns === undefined ? '' : `${ns}/`}${name} appears twice`);
    byKind[name] = obj;
    objects++;
  };
  for (const file of expandPaths([...paths], ['yaml', 'yml', 'json'])) {
    const where = relative(cwd, file) || file;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      fail(where, `cannot read file: ${(e as Error).message}`);
      continue;
    }
    for (const d of parseAllDocuments(text, { prettyErrors: false })) {
      const line = d.contents?.range ? text.slice(0, d.contents.range[0]).split('\n').length : 1;
      if (d.errors.length) {
        fail(`${where}:${d.errors[0]!.linePos?.[0]?.line ?? line}`, d.errors[0]!.message.split('\n')[0]!);
        continue;
      }
      const doc = d.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as unknown;
      if (doc !== null && doc !== undefined) add(doc, `${where}:${line}`);
    }
  }
  return errors.length ? { objects, errors } : { inventory, objects, errors };
}
