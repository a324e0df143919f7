import type { InputDocument, LoadResult } from '../model.js';
import { LoadErrorCode, getOwn, isRecord, loadError, makeDocument } from './common.js';
import { docFromParsed, guarded, parseTree, type ParsedTree } from './tree-docs.js';

/**
 * Kubernetes manifests: one document per resource. Multi-document files and Helm-rendered
 * output (`---` separators, `# Source:` comments) are split by the YAML layer; `kind: List`
 * and typed lists (`PodList`, `DeploymentList`…) are expanded into their items, each with a
 * source map relative to the item. Documents that are not Kubernetes objects stay available
 * as plain `yaml`/`json` documents rather than being dropped.
 */
const helmSources = new WeakMap<InputDocument, string>();

/** Template path from a Helm `# Source:` comment above the document, if any. */
export function helmSource(doc: InputDocument): string | undefined {
  return helmSources.get(doc);
}

export function isKubernetesObject(v: unknown): v is Record<string, unknown> {
  return isRecord(v) && typeof getOwn(v, 'apiVersion') === 'string' && typeof getOwn(v, 'kind') === 'string';
}

function isList(v: Record<string, unknown>): boolean {
  const kind = getOwn(v, 'kind');
  return typeof kind === 'string' && kind.endsWith('List') && Array.isArray(getOwn(v, 'items'));
}

export function kubernetesFromParsed(path: string, tree: ParsedTree): LoadResult {
  const out: LoadResult = { documents: [], errors: [...tree.errors] };
  let index = 0;
  for (const d of tree.docs) {
    const source = /(?:^|\n)\s*Source:\s*(\S+)/.exec(d.commentBefore ?? '')?.[1];
    const push = (doc: InputDocument): void => {
      if (source) helmSources.set(doc, source);
      out.documents.push(doc);
    };
    if (!isKubernetesObject(d.value)) {
      push({ ...docFromParsed(tree.syntax, path, d), index: index++ });
      continue;
    }
    if (!isList(d.value)) {
      push({ ...docFromParsed('kubernetes', path, d), index: index++ });
      continue;
    }
    const items = getOwn(d.value, 'items') as unknown[];
    items.forEach((item, i) => {
      if (!isRecord(item)) {
        const r = d.sourceMap.rangeOfPath(['items', i]);
        out.errors.push(loadError(path, LoadErrorCode.InvalidDocument, `items[${i}] of ${String(getOwn(d.value as Record<string, unknown>, 'kind'))} is not an object`, r?.startLine));
        return;
      }
      const range = d.sourceMap.rangeOfValue(item) ?? d.range;
      push(makeDocument('kubernetes', path, index++, item, d.sourceMap.view(item), range));
    });
  }
  return out;
}

export function loadKubernetes(path: string, text: string): LoadResult {
  return guarded(path, () => kubernetesFromParsed(path, parseTree(path, text)));
}
