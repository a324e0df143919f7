import type { LoadResult } from '../model.js';
import { LoadErrorCode, getOwn, isRecord, loadError } from './common.js';
import { docFromParsed, guarded, parseTree, type ParsedTree } from './tree-docs.js';

/** Grype JSON reports (`grype -o json`): `{matches, source, distro, descriptor, …}`, one document. */
export function isGrypeReport(v: unknown): boolean {
  return isRecord(v) && Array.isArray(getOwn(v, 'matches')) && isRecord(getOwn(v, 'descriptor'));
}

export function grypeFromParsed(path: string, tree: ParsedTree): LoadResult {
  const out: LoadResult = { documents: [], errors: [...tree.errors] };
  for (const d of tree.docs) {
    if (!isRecord(d.value)) {
      out.errors.push(loadError(path, LoadErrorCode.InvalidDocument, 'Grype report must be a JSON object', d.range.startLine, 1));
      continue;
    }
    const matches = getOwn(d.value, 'matches');
    if (!Array.isArray(matches)) {
      const r = matches === undefined ? d.range : d.sourceMap.rangeOfPath(['matches']);
      out.errors.push(loadError(path, LoadErrorCode.InvalidDocument, 'Grype report: `matches` must be an array', r?.startLine, 1));
      continue;
    }
    out.documents.push(docFromParsed('grype', path, d));
  }
  return out;
}

export function loadGrype(path: string, text: string): LoadResult {
  return guarded(path, () => grypeFromParsed(path, parseTree(path, text, 'json')));
}
