/**
 * dist/policy-modules.ndjson: the stdlib policies parsed at build time (written by
 * scripts/gen-module-cache.mjs with `encodeModuleCache`). Node-only.
 *
 * Format: line 1 is a JSON index `[[file, offset, length], …]`; then one line per module,
 * `{"module": <the parsed Module>, "metadata": <its parsed METADATA blocks>}` as JSON, at `offset`
 * bytes after the end of line 1 and `length` bytes long (`metadata` is absent when a block is
 * malformed or its value is not plain JSON: the engine then parses the blocks and reports it). The
 * index is read on the first lookup; each module is then read from its byte range and decoded on
 * demand, so a scan that needs only the Dockerfile policies reads and decodes only those.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { usePreParsedMetadata, type Module, type ParsedBlock } from '@palisade/engine';
import type { PolicySource } from './policies.js';

/** Looks up the ahead-of-time parse of a stdlib policy added as `file`; undefined when absent or stale. */
export type ParsedModuleLookup = (policy: PolicySource, file: string) => Module | undefined;

interface CacheIndex {
  /** Byte offset of the first module line (just after the index line). */
  bodyStart: number;
  entries: Map<string, { offset: number; length: number }>;
}

const CHUNK = 64 * 1024;

/** One module's entry: its AST and, when they parse and are plain JSON, its METADATA blocks. */
export interface CachedModule {
  file: string;
  module: Module;
  metadata?: ParsedBlock[];
}

/** The cache file's bytes for `entries` (`file` is the policy's path in the package, `policies/…`). */
export function encodeModuleCache(entries: readonly CachedModule[]): Buffer {
  const index: [string, number, number][] = [];
  const lines: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const line = Buffer.from(JSON.stringify(e.metadata ? { module: e.module, metadata: e.metadata } : { module: e.module }) + '\n', 'utf8');
    index.push([e.file, offset, line.length - 1]);
    lines.push(line);
    offset += line.length;
  }
  return Buffer.concat([Buffer.from(JSON.stringify(index) + '\n', 'utf8'), ...lines]);
}

function readAt(path: string, position: number, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    let got = 0;
    while (got < length) {
      const n = readSync(fd, buf, got, length - got, position + got);
      if (n === 0) break;
      got += n;
    }
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

function readIndex(path: string): CacheIndex | undefined {
  try {
    let head = Buffer.alloc(0);
    let nl = -1;
    while (nl < 0) {
      const more = readAt(path, head.length, CHUNK);
      if (more.length === 0) return undefined;
      head = Buffer.concat([head, more]);
      nl = head.indexOf(0x0a);
    }
    const index = JSON.parse(head.subarray(0, nl).toString('utf8')) as unknown;
    if (!Array.isArray(index)) return undefined;
    const entries = new Map<string, { offset: number; length: number }>();
    for (const e of index) {
      if (Array.isArray(e) && typeof e[0] === 'string' && Number.isInteger(e[1]) && Number.isInteger(e[2])) entries.set(e[0], { offset: e[1], length: e[2] });
    }
    return { bodyStart: nl + 1, entries };
  } catch {
    // Missing (a source checkout before its first build) or damaged: every policy is parsed.
    return undefined;
  }
}

/** The lookup over `<root>/dist/policy-modules.ndjson`. */
export function moduleCacheLookup(root: string): ParsedModuleLookup {
  const path = join(root, 'dist', 'policy-modules.ndjson');
  let index: CacheIndex | undefined | null = null;
  return (policy, file) => {
    if (index === null) index = readIndex(path);
    const entry = index?.entries.get(policy.file);
    if (!index || !entry) return undefined;
    try {
      const line = JSON.parse(readAt(path, index.bodyStart + entry.offset, entry.length).toString('utf8')) as Partial<CachedModule> | null;
      const m = line?.module;
      // Edited since the build, or parsed under another name: the caller parses the source.
      if (!m || m.file !== file || m.source !== policy.source) return undefined;
      if (Array.isArray(line.metadata)) usePreParsedMetadata(m, line.metadata);
      return m;
    } catch {
      return undefined;
    }
  };
}
