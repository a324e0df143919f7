import type { DocumentKind, LoadResult } from '../model.js';
import { LoadErrorCode, errorResult, internalError, loadError, sizeError } from './common.js';
import { detectByName, detectTreeKind, looksLikeDockerfile } from './detect.js';
import { loadDockerfile } from './dockerfile.js';
import { applyKustomizations } from './kustomize.js';
import { docFromParsed, emptyYamlDocument, guessSyntax, parseTree, type ParsedTree } from './tree-docs.js';
import { configKindByName } from './config/kinds.js';
import { DOCUMENT_KINDS, KIND_TABLE, isDocumentKind, type LoaderContext } from './registry.js';

export interface LoadOptions extends LoaderContext {
  /** Forces the document kind (the CLI's `--parser KIND`); detection is skipped. */
  parser?: DocumentKind;
}

function fromTree(kind: DocumentKind, path: string, tree: ParsedTree): LoadResult {
  const build = KIND_TABLE[kind].fromTree;
  return build ? build(path, tree) : { documents: tree.docs.map((d) => docFromParsed(tree.syntax, path, d)), errors: tree.errors };
}

/**
 * Loads one file's text into documents. Pure (no file-system access), so it runs in browsers;
 * never throws: a file that cannot be read as any kind yields a LoadError.
 */
export function loadFile(path: string, text: string, opts: LoadOptions = {}): LoadResult {
  try {
    if (opts.parser) {
      if (!isDocumentKind(opts.parser)) return errorResult(loadError(path, LoadErrorCode.UnknownKind, `unknown parser ${JSON.stringify(opts.parser)}; expected one of ${DOCUMENT_KINDS.join(', ')}`));
      return KIND_TABLE[opts.parser].load(path, text, opts);
    }
    const tooLarge = sizeError(path, text);
    if (tooLarge) return errorResult(tooLarge);
    const byName = detectByName(path);
    if (byName !== 'tree' && byName !== 'unknown') return KIND_TABLE[byName].load(path, text);
    const config = byName === 'unknown' ? configKindByName(path) : undefined;
    if (config) return KIND_TABLE[config].load(path, text, opts);
    const syntax = guessSyntax(path, text);
    if (byName === 'unknown' && syntax === 'yaml' && looksLikeDockerfile(text)) return loadDockerfile(path, text);
    const tree = parseTree(path, text, syntax);
    if (tree.docs.length === 0) return { documents: tree.errors.length || syntax !== 'yaml' ? [] : [emptyYamlDocument(path, text)], errors: tree.errors };
    if (byName === 'unknown' && tree.errors.length === 0 && tree.docs.every((d) => d.value === null || typeof d.value !== 'object')) {
      return errorResult(
        loadError(path, LoadErrorCode.UnknownKind, `cannot tell what kind of document this is; name it after its kind or pass --parser (${DOCUMENT_KINDS.join(', ')})`, 1, 1),
      );
    }
    const result = fromTree(detectTreeKind(tree), path, tree);
    return result;
  } catch (e) {
    return errorResult(internalError(path, e));
  }
}

/**
 * Loads several files; each file's errors are reported and the others still load. Kustomizations
 * among them decide which files are patches rather than resources (loaders/kustomize.ts), unless
 * `parser` forces the kind.
 */
export function loadFiles(files: readonly { path: string; text: string }[], opts: LoadOptions = {}): LoadResult {
  const out: LoadResult = { documents: [], errors: [] };
  for (const f of files) {
    const r = loadFile(f.path, f.text, opts);
    out.documents.push(...r.documents);
    out.errors.push(...r.errors);
  }
  if (!opts.parser) out.documents = applyKustomizations(out.documents);
  return out;
}
