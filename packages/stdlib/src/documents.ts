/**
 * Typed access to loaded documents: `loadDocuments()` turns in-memory files into documents whose
 * `value` type follows from `kind` (the generated schema types), with the file texts that `scan()`
 * needs for snippets and inline waivers. No file system: runs in browsers.
 */
import { loadFiles, type LoadOptions } from './loaders/index.js';
import type { DocumentKind, InputDocument, LoadError } from './model.js';
import type { DocumentValueMap } from './loaders/registry.js';

export type { DocumentValueMap };

/** One in-memory file: its path (used to detect the kind and named in findings) and its text. */
export interface DocumentFile {
  path: string;
  content: string;
}

/**
 * An input document whose `value` is typed by its `kind`; without a type argument it is the
 * union over every kind, so `if (doc.kind === 'dockerfile') doc.value.Stages` type-checks.
 */
export type TypedDocument<K extends DocumentKind = DocumentKind> = K extends DocumentKind
  ? Omit<InputDocument, 'kind' | 'value'> & { kind: K; value: DocumentValueMap[K] }
  : never;

/** What `loadDocuments()` returns: the documents, per-file errors, and the texts by path. */
export interface LoadedDocuments {
  documents: TypedDocument[];
  errors: LoadError[];
  /** File path → text; pass it as `scan(documents, { sources })` for snippets and inline waivers. */
  sources: Map<string, string>;
}

/**
 * Loads in-memory files (`{path, content}`) into typed documents. Like `loadFiles` (which takes
 * `{path, text}`), a file that fails to load becomes an entry of `errors` and the others still load.
 */
export function loadDocuments(files: readonly DocumentFile[], options: LoadOptions = {}): LoadedDocuments {
  const result = loadFiles(files.map((f) => ({ path: f.path, text: f.content })), options);
  const sources = new Map<string, string>();
  for (const f of files) sources.set(f.path, f.content);
  return { documents: result.documents as TypedDocument[], errors: result.errors, sources };
}

/** Narrows a document to one kind, typing its `value` accordingly. */
export function isDocumentOf<K extends DocumentKind>(doc: InputDocument, kind: K): doc is InputDocument & TypedDocument<K> {
  return doc.kind === kind;
}
