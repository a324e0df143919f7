import type { InputDocument } from '../model.js';
import { baseName, getOwn, isRecord } from './common.js';

/**
 * Kustomize awareness across the files of one load. A `kustomization.yaml` is build configuration,
 * and the files it lists as patches (`patches`, `patchesStrategicMerge`, `patchesJson6902`) or as
 * transformer/generator/validator configuration hold fragments merged into other resources: checking
 * them as whole resources reports "no probes", "no securityContext"… for fields the patch simply
 * does not touch. Those documents become plain `yaml` documents (no Kubernetes check runs on them);
 * files listed under `resources` stay Kubernetes resources, as does any file not named by a
 * kustomization. See docs/inputs.md "Kustomize".
 */

/** Why a document is not checked as a Kubernetes resource. */
export type KustomizeRole = 'kustomization' | 'patch' | 'configuration';

const roles = new WeakMap<InputDocument, KustomizeRole>();

/** The kustomize role that made a document plain YAML, if any. */
export function kustomizeRole(doc: InputDocument): KustomizeRole | undefined {
  return roles.get(doc);
}

const KUSTOMIZATION_FILE = /^kustomization\.ya?ml$|^Kustomization$/;

/** Whether a loaded document is a kustomization (by file name, or by apiVersion/kind). */
export function isKustomization(doc: InputDocument): boolean {
  if (!isRecord(doc.value)) return false;
  const api = getOwn(doc.value, 'apiVersion');
  const kind = getOwn(doc.value, 'kind');
  if (typeof api === 'string' && api.startsWith('kustomize.config.k8s.io/')) return kind === 'Kustomization' || kind === 'Component';
  return KUSTOMIZATION_FILE.test(baseName(doc.path)) && api === undefined && kind === undefined;
}

/** `a/./b/../c` → `a/c`; keeps a leading `/` and leading `..` segments. */
export function normalizePath(path: string): string {
  const abs = path.startsWith('/');
  const out: string[] = [];
  for (const seg of path.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else if (seg !== '..' || !abs) out.push(seg);
  }
  return (abs ? '/' : '') + out.join('/');
}

function dirOf(path: string): string {
  const p = path.replace(/\\/g, '/');
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i + 1);
}

/** A local file reference of a kustomization (not a URL, not inline YAML). */
function localRef(v: unknown): string | undefined {
  if (typeof v !== 'string' || v === '' || v.includes('\n')) return undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) || v.startsWith('git@') || v.startsWith('github.com/')) return undefined;
  return v;
}

function listOf(k: Record<string, unknown>, key: string): unknown[] {
  const v = getOwn(k, key);
  return Array.isArray(v) ? v : [];
}

/** Files a kustomization names, relative to its own directory, by the role they play. */
function referencedFiles(k: Record<string, unknown>): { patches: string[]; configuration: string[]; resources: string[] } {
  const patches: string[] = [];
  for (const e of [...listOf(k, 'patches'), ...listOf(k, 'patchesJson6902')]) {
    const ref = localRef(isRecord(e) ? getOwn(e, 'path') : e);
    if (ref) patches.push(ref);
  }
  for (const e of listOf(k, 'patchesStrategicMerge')) {
    const ref = localRef(e);
    if (ref) patches.push(ref);
  }
  const configuration: string[] = [];
  for (const key of ['transformers', 'generators', 'validators', 'replacements', 'configurations']) {
    for (const e of listOf(k, key)) {
      const ref = localRef(isRecord(e) ? getOwn(e, 'path') : e);
      if (ref) configuration.push(ref);
    }
  }
  const resources: string[] = [];
  for (const key of ['resources', 'bases', 'crds']) {
    for (const e of listOf(k, key)) {
      const ref = localRef(e);
      if (ref) resources.push(ref);
    }
  }
  return { patches, configuration, resources };
}

/**
 * Turns kustomizations and the patch/configuration files they name into plain `yaml` documents
 * (in place in the returned array; other documents are returned as they are). A file that some
 * kustomization lists as a resource stays a resource even if another lists it as a patch.
 */
export function applyKustomizations(documents: InputDocument[]): InputDocument[] {
  const kustomizations = documents.filter(isKustomization);
  if (kustomizations.length === 0) return documents;
  const patchFiles = new Map<string, KustomizeRole>();
  const resourceFiles = new Set<string>();
  for (const doc of kustomizations) {
    const base = dirOf(doc.path);
    const refs = referencedFiles(doc.value as Record<string, unknown>);
    for (const p of refs.patches) patchFiles.set(normalizePath(base + p), 'patch');
    for (const p of refs.configuration) if (!patchFiles.has(normalizePath(base + p))) patchFiles.set(normalizePath(base + p), 'configuration');
    for (const p of refs.resources) resourceFiles.add(normalizePath(base + p));
  }
  const kustomizationDocs = new Set(kustomizations);
  return documents.map((doc) => {
    let role: KustomizeRole | undefined;
    if (kustomizationDocs.has(doc)) role = 'kustomization';
    else {
      const key = normalizePath(doc.path);
      if (!resourceFiles.has(key)) role = patchFiles.get(key);
    }
    if (!role) return doc;
    const plain: InputDocument = doc.kind === 'yaml' || doc.kind === 'json' ? doc : { ...doc, kind: 'yaml' };
    roles.set(plain, role);
    return plain;
  });
}
