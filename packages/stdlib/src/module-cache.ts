/**
 * Reader of dist/policy-modules.ndjson, the stdlib policies parsed at build time
 * (scripts/gen-module-cache.mjs). Node-only. The file is read on the first lookup and its lines
 * are decoded one at a time on demand, so a scan that needs only the Dockerfile policies decodes
 * only those.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Module } from '@palisade/engine';
import type { PolicySource } from './policies.js';

/** Looks up the ahead-of-time parse of a stdlib policy added as `file`; undefined when absent or stale. */
export type ParsedModuleLookup = (policy: PolicySource, file: string) => Module | undefined;

interface CacheFile {
  lines: string[];
  index: Map<string, number>;
}

function load(path: string): CacheFile | undefined {
  try {
    const lines = readFileSync(path, 'utf8').split('\n');
    const files = JSON.parse(lines[0] ?? '') as unknown;
    if (!Array.isArray(files)) return undefined;
    return { lines, index: new Map(files.map((f, i) => [String(f), i + 1])) };
  } catch {
    // Missing (a source checkout before its first build) or damaged: every policy is parsed.
    return undefined;
  }
}

/** The lookup over `<root>/dist/policy-modules.ndjson`. */
export function moduleCacheLookup(root: string): ParsedModuleLookup {
  let cache: CacheFile | undefined | null = null;
  return (policy, file) => {
    if (cache === null) cache = load(join(root, 'dist', 'policy-modules.ndjson'));
    const line = cache?.index.get(policy.file);
    if (cache === undefined || line === undefined) return undefined;
    try {
      const m = JSON.parse(cache.lines[line] ?? 'null') as Module | null;
      // Edited since the build, or parsed under another name: the caller parses the source.
      return m && m.file === file && m.source === policy.source ? m : undefined;
    } catch {
      return undefined;
    }
  };
}
