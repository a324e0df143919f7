import type { DocumentKind } from '../model.js';
import { baseName } from './common.js';
import { isComposeValue } from './compose.js';
import { isInspectValue } from './docker-inspect.js';
import { isGrypeReport } from './grype.js';
import { isKubernetesObject } from './kubernetes.js';
import { isTrivyReport } from './trivy.js';
import { guessSyntax, parseTree, type ParsedTree } from './tree-docs.js';

/**
 * Document kind detection: the file name decides when it is conclusive (Dockerfile,
 * .dockerignore, compose file names); otherwise the content does (see docs/inputs.md).
 */
export type NameVerdict = DocumentKind | 'tree' | 'unknown';

/**
 * Extensions that make a `Dockerfile.*` / `dockerfile-*` name something else: data, docs and source
 * code (e.g. a `dockerfile.ts` parser module is not a Dockerfile).
 */
const NOT_A_DOCKERFILE =
  /\.(json|ya?ml|md|txt|sh|bash|ps1|rego|toml|lock|ini|cfg|conf|xml|html?|css|ts|tsx|mts|cts|js|jsx|mjs|cjs|map|py|rb|go|rs|java|kt|scala|c|h|cc|cpp|hpp|cs|php|swift|pl|lua|r|sql|rst|adoc|csv|svg|png|jpe?g|gif|zip|tgz|gz)$/i;

export function detectByName(path: string): NameVerdict {
  const name = baseName(path);
  if (/\.dockerignore$/i.test(name)) return 'dockerignore';
  if (/^(docker-)?compose([.\-_][^/\\]*)?\.ya?ml$/i.test(name)) return 'compose';
  if (!NOT_A_DOCKERFILE.test(name)) {
    if (/^(Dockerfile|Containerfile)([.\-_].*)?$/i.test(name) || /\.(dockerfile|containerfile)$/i.test(name)) return 'dockerfile';
  }
  if (/\.(json|ya?ml)$/i.test(name)) return 'tree';
  return 'unknown';
}

/** Kind of a parsed JSON/YAML file from its values. */
export function detectTreeKind(tree: ParsedTree): DocumentKind {
  const values = tree.docs.map((d) => d.value);
  if (values.some((v) => isKubernetesObject(v))) return 'kubernetes';
  const first = values[0];
  if (isTrivyReport(first)) return 'trivy';
  if (isGrypeReport(first)) return 'grype';
  if (isInspectValue(first)) return 'docker-inspect';
  if (isComposeValue(first)) return 'compose';
  return tree.syntax;
}

/** Whether text without a telling name reads as a Dockerfile (first instruction FROM/ARG). */
export function looksLikeDockerfile(text: string): boolean {
  for (const raw of text.split('\n', 200)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    return /^(FROM|ARG)\s+\S/i.test(line);
  }
  return false;
}

/** Detects the kind of a file without loading it into documents. */
export function detectKind(path: string, text: string): DocumentKind | undefined {
  const byName = detectByName(path);
  if (byName !== 'tree' && byName !== 'unknown') return byName;
  if (byName === 'unknown' && guessSyntax(path, text) === 'yaml' && looksLikeDockerfile(text)) return 'dockerfile';
  const tree = parseTree(path, text);
  if (tree.docs.length === 0) return tree.errors.length ? undefined : tree.syntax;
  if (byName === 'unknown' && tree.docs.every((d) => d.value === null || typeof d.value !== 'object')) return undefined;
  return detectTreeKind(tree);
}
