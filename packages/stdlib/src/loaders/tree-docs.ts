import type { DocumentKind, InputDocument, LoadError, LoadResult } from '../model.js';
import { internalError, lineCount, makeDocument } from './common.js';
import { TreeSourceMap } from './source-map.js';
import { parseJsonText } from './json-docs.js';
import { parseYamlText, type ParsedDoc, type YamlOptions } from './yaml-docs.js';

/**
 * Parsing shared by the loaders of tree-shaped kinds: a file is parsed once (JSON or YAML),
 * then a kind-specific `build` step turns the parsed documents into InputDocuments.
 */
export type Syntax = 'json' | 'yaml';

export interface ParsedTree {
  syntax: Syntax;
  docs: ParsedDoc[];
  errors: LoadError[];
}

/** JSON when the file is named *.json or its first non-blank character opens a JSON value. */
export function guessSyntax(path: string, text: string): Syntax {
  if (/\.json$/i.test(path)) return 'json';
  if (/\.ya?ml$/i.test(path)) return 'yaml';
  const first = /\S/.exec(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)?.[0];
  return first === '{' || first === '[' ? 'json' : 'yaml';
}

export function parseTree(path: string, text: string, syntax: Syntax = guessSyntax(path, text), opts?: YamlOptions): ParsedTree {
  if (syntax === 'json') {
    const r = parseJsonText(path, text);
    return r.ok ? { syntax, docs: [r.doc], errors: [] } : { syntax, docs: [], errors: [r.error] };
  }
  const r = parseYamlText(path, text, opts);
  return { syntax, docs: r.docs, errors: r.errors };
}

export function docFromParsed(kind: DocumentKind, path: string, d: ParsedDoc): InputDocument {
  return makeDocument(kind, path, d.index, d.value, d.sourceMap, d.range);
}

/** Runs a loader body, turning unexpected exceptions into a LoadError (loaders never throw). */
export function guarded(path: string, body: () => LoadResult): LoadResult {
  try {
    return body();
  } catch (e) {
    return { documents: [], errors: [internalError(path, e)] };
  }
}

/**
 * An empty YAML file (or one of only `---` separators and comments) is one document whose value
 * is null, as conftest evaluates it: policies still run on it (`deny if not input.x` fires).
 */
export function emptyYamlDocument(path: string, text: string): InputDocument {
  const whole = { startLine: 1, endLine: lineCount(text) };
  return makeDocument('yaml', path, 0, null, new TreeSourceMap(null, whole), whole);
}
