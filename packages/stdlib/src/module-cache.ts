/**
 * dist/policy-modules.ndjson: the stdlib policies parsed at build time (written by
 * scripts/gen-module-cache.mjs with `encodeModuleCache`). Node-only.
 *
 * Format: line 1 is a JSON index `[[file, offset, length], …]`; then one line per module,
 * `{"module": <the parsed Module>, "metadata": <its parsed METADATA blocks>}` as JSON, at `offset`
 * bytes after the end of line 1 and `length` bytes long (`metadata` is absent when a block is
 * malformed or its value is not plain JSON: the engine then parses the blocks and reports it).
 * Every location in the module's file is written as `[row, col, endRow, endCol, offset,
 * endOffset]`: locations were two thirds of the bytes, and decoding the cache lines of a
 * one-Dockerfile scan took 40% less time with them compact (docs/performance.md, "Start-up"). The
 * index is read on the first lookup; each module is then read from its byte range and decoded on
 * demand, so a scan that needs only the Dockerfile policies reads and decodes only those.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { usePreParsedMetadata, type Location, type Module, type ParsedBlock } from '@palisade/engine';
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

type Loc = Location;
const LOC_KEYS = ['file', 'row', 'col', 'endRow', 'endCol', 'offset', 'endOffset'];

function isLocationIn(v: unknown, file: string): v is Loc {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return (v as Loc).file === file && keys.length === LOC_KEYS.length && LOC_KEYS.every((k, i) => keys[i] === k) && LOC_KEYS.slice(1).every((k) => Number.isInteger((v as unknown as Record<string, unknown>)[k]));
}

/** Turns the compact locations of a decoded line back into Location objects of `file`, in place. */
function expandLocations(x: unknown, file: string): void {
  if (Array.isArray(x)) {
    for (const y of x) if (y !== null && typeof y === 'object') expandLocations(y, file);
    return;
  }
  const o = x as Record<string, unknown>;
  for (const k in o) {
    const v = o[k];
    if (v === null || typeof v !== 'object') continue;
    if (k === 'loc' && Array.isArray(v)) {
      const [row, col, endRow, endCol, offset, endOffset] = v as number[];
      o[k] = { file, row, col, endRow, endCol, offset, endOffset };
    } else expandLocations(v, file);
  }
}

/** The cache file's bytes for `entries` (`file` is the policy's path in the package, `policies/…`). */
export function encodeModuleCache(entries: readonly CachedModule[]): Buffer {
  const index: [string, number, number][] = [];
  const lines: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const file = e.module.file;
    const compact = (key: string, v: unknown): unknown => (key === 'loc' && isLocationIn(v, file) ? [v.row, v.col, v.endRow, v.endCol, v.offset, v.endOffset] : v);
    const line = Buffer.from(JSON.stringify(e.metadata ? { module: e.module, metadata: e.metadata } : { module: e.module }, compact) + '\n', 'utf8');
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
      expandLocations(line, file);
      if (Array.isArray(line.metadata)) usePreParsedMetadata(m, line.metadata);
      return m;
    } catch {
      return undefined;
    }
  };
}
