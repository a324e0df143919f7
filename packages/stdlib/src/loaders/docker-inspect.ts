import type { LoadResult } from '../model.js';
import { LoadErrorCode, getOwn, isRecord, loadError, makeDocument } from './common.js';
import { guarded, parseTree, type ParsedTree } from './tree-docs.js';

/**
 * `docker inspect` / `docker image inspect` output: a JSON array of container or image objects
 * (a single object is accepted too). One document per object, each with a source map relative
 * to that object, so `["HostConfig","Privileged"]` resolves inside the right element.
 */
export function isInspectObject(v: unknown): boolean {
  if (!isRecord(v) || typeof getOwn(v, 'Id') !== 'string') return false;
  return isRecord(getOwn(v, 'Config')) || isRecord(getOwn(v, 'State')) || isRecord(getOwn(v, 'ContainerConfig'));
}

export function isInspectValue(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0 && v.every(isInspectObject);
  return isInspectObject(v);
}

export function inspectFromParsed(path: string, tree: ParsedTree): LoadResult {
  const out: LoadResult = { documents: [], errors: [...tree.errors] };
  let index = 0;
  for (const d of tree.docs) {
    const items = Array.isArray(d.value) ? d.value : [d.value];
    items.forEach((item, i) => {
      if (!isRecord(item)) {
        const r = Array.isArray(d.value) ? d.sourceMap.rangeOfPath([i]) : d.range;
        out.errors.push(loadError(path, LoadErrorCode.InvalidDocument, `docker inspect output: element ${i} is not an object`, r?.startLine, 1));
        return;
      }
      const range = d.sourceMap.rangeOfValue(item) ?? d.range;
      out.documents.push(makeDocument('docker-inspect', path, index++, item, d.sourceMap.view(item), range));
    });
  }
  return out;
}

export function loadDockerInspect(path: string, text: string): LoadResult {
  return guarded(path, () => inspectFromParsed(path, parseTree(path, text, 'json')));
}
