import type { LoadResult } from '../model.js';
import { docFromParsed, guarded, parseTree } from './tree-docs.js';

/** Plain JSON: one document, integers beyond 2^53 kept exact. */
export function loadJson(path: string, text: string): LoadResult {
  return guarded(path, () => {
    const tree = parseTree(path, text, 'json');
    return { documents: tree.docs.map((d) => docFromParsed('json', path, d)), errors: tree.errors };
  });
}
