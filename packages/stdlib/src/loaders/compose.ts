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

/** Top-level keys of the Compose Specification; anything else (bar `x-` extensions) is not a compose key. */
const TOP_LEVEL_KEYS = new Set(['version', 'name', 'include', 'services', 'networks', 'volumes', 'configs', 'secrets', 'models']);

/**
 * The services of a legacy (format version 1) compose file, which lists them at the top level
 * with no `services:` key: mappings under keys the Compose Specification does not define. The
 * policies read `input.services`, so such a file would pass having been checked for nothing;
 * `docker compose` itself rejects it.
 */
function legacyServices(v: Record<string, unknown>): string[] {
  if (getOwn(v, 'services') !== undefined) return [];
  return Object.keys(v).filter((k) => !TOP_LEVEL_KEYS.has(k) && !k.startsWith('x-') && isRecord(v[k]));
}

export function composeFromParsed(path: string, tree: ParsedTree): LoadResult {
  const out: LoadResult = { documents: [], errors: [...tree.errors] };
  for (const d of tree.docs) {
    if (!isRecord(d.value)) {
      out.errors.push(loadError(path, LoadErrorCode.InvalidDocument, 'compose file must be a mapping at the top level', d.range.startLine, 1));
      continue;
    }
    const legacy = legacyServices(d.value);
    if (legacy.length) {
      const r = d.sourceMap.rangeOfPath([legacy[0]!]);
      const names = legacy.slice(0, 3).join(', ') + (legacy.length > 3 ? ', …' : '');
      out.errors.push(
        loadError(
          path,
          LoadErrorCode.UnsupportedVersion,
          `legacy compose file format (version 1: services at the top level, here ${names}) is not supported, and docker compose rejects it too; move the services under a \`services:\` key`,
          r?.startLine ?? d.range.startLine,
          1,
        ),
      );
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
