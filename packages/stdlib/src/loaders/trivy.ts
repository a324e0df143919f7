import type { LoadResult } from '../model.js';
import { LoadErrorCode, getOwn, isRecord, loadError } from './common.js';
import { docFromParsed, guarded, parseTree, type ParsedTree } from './tree-docs.js';

/**
 * Trivy JSON reports (`trivy image|fs|config --format json`, SchemaVersion 2). The report is one
 * document, kept as Trivy wrote it; SR-* policies normalise findings in Rego.
 */
export function isTrivyReport(v: unknown): boolean {
  return isRecord(v) && getOwn(v, 'SchemaVersion') !== undefined && (Array.isArray(getOwn(v, 'Results')) || getOwn(v, 'ArtifactName') !== undefined);
}

export function trivyFromParsed(path: string, tree: ParsedTree): LoadResult {
  const out: LoadResult = { documents: [], errors: [...tree.errors] };
  for (const d of tree.docs) {
    if (!isRecord(d.value)) {
      out.errors.push(loadError(path, LoadErrorCode.InvalidDocument, 'Trivy report must be a JSON object', d.range.startLine, 1));
      continue;
    }
    const version = getOwn(d.value, 'SchemaVersion');
    if (version !== 2) {
      const r = d.sourceMap.rangeOfPath(['SchemaVersion']);
      out.errors.push(
        loadError(path, LoadErrorCode.UnsupportedVersion, `Trivy report SchemaVersion ${JSON.stringify(version ?? null)} is not supported (expected 2)`, r?.startLine, 1),
      );
      continue;
    }
    const results = getOwn(d.value, 'Results');
    if (results !== undefined && results !== null && !Array.isArray(results)) {
      const r = d.sourceMap.rangeOfPath(['Results']);
      out.errors.push(loadError(path, LoadErrorCode.InvalidDocument, 'Trivy report: `Results` must be an array', r?.startLine, 1));
      continue;
    }
    out.documents.push(docFromParsed('trivy', path, d));
  }
  return out;
}

export function loadTrivy(path: string, text: string): LoadResult {
  return guarded(path, () => trivyFromParsed(path, parseTree(path, text, 'json')));
}
