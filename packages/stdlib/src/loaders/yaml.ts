import type { LoadResult } from '../model.js';
import { docFromParsed, emptyYamlDocument, guarded, parseTree } from './tree-docs.js';

/** Plain YAML: one document per non-empty YAML document of the file (see yaml-docs.ts). */
export function loadYaml(path: string, text: string): LoadResult {
  return guarded(path, () => {
    const tree = parseTree(path, text, 'yaml');
    if (tree.docs.length === 0 && tree.errors.length === 0) return { documents: [emptyYamlDocument(path, text)], errors: [] };
    return { documents: tree.docs.map((d) => docFromParsed('yaml', path, d)), errors: tree.errors };
  });
}
