import type { LoadResult } from '../model.js';
import { LoadErrorCode, getOwn, isRecord, loadError } from './common.js';
import { docFromParsed, guarded, parseTree, type ParsedTree } from './tree-docs.js';

/**
 * docker compose files (`compose*.yaml`, `docker-compose*.yml`). The value is the file as
 * written, after YAML anchors and merge keys (`<<: *defaults`) are applied — compose users rely
 * on them for `x-` extension blocks. Variable interpolation (`${TAG:-latest}`) is left as text:
 * the environment of the eventual `docker compose up` is unknown to a scanner.
 */
export function isComposeValue(v: unknown): boolean {
  return isRecord(v) && isRecord(getOwn(v, 'services'));
}

export function composeFromParsed(path: string, tree: ParsedTree): LoadResult {
  const out: LoadResult = { documents: [], errors: [...tree.errors] };
  for (const d of tree.docs) {
    if (!isRecord(d.value)) {
      out.errors.push(loadError(path, LoadErrorCode.InvalidDocument, 'compose file must be a mapping at the top level', d.range.startLine, 1));
      continue;
    }
    const services = getOwn(d.value, 'services');
    if (services !== undefined && services !== null && !isRecord(services)) {
      const r = d.sourceMap.rangeOfPath(['services']);
      out.errors.push(loadError(path, LoadErrorCode.InvalidDocument, '`services` must be a mapping of service names to definitions', r?.startLine, 1));
      continue;
    }
    out.documents.push(docFromParsed('compose', path, d));
  }
  return out;
}

export function loadCompose(path: string, text: string): LoadResult {
  return guarded(path, () => composeFromParsed(path, parseTree(path, text)));
}
