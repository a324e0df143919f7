#!/usr/bin/env node
/**
 * Writes dist/policy-modules.ndjson: every non-test stdlib policy parsed ahead of time, so a scan
 * compiles the standard library without parsing ~250 files at every start (see
 * src/module-cache.ts, which reads it, and docs/performance.md for the gain).
 *
 * Runs after `tsc -b` (root and package `build` scripts): it uses the built engine and
 * dist/module-cache.js, where the format is described. Each module is parsed under the file name
 * the scanner gives stdlib modules; the reader uses it only when its `source` equals the file on
 * disk, so a stale cache only costs the parse it would have saved. Beside each AST go its parsed
 * METADATA blocks, when they parse and survive JSON unchanged (a YAML `.inf` would not).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { parseMetadataBlocks, parseModule } from '@palisade/engine';
import { encodeModuleCache } from '../dist/module-cache.js';
import { collectBundle } from './gen-bundle.mjs';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE_PATH = join(pkg, 'dist', 'policy-modules.ndjson');
/** Must equal STDLIB_PREFIX in src/scan.ts (the reader checks each module's file name). */
const STDLIB_PREFIX = '@palisade/stdlib/';

const { policies } = collectBundle();
const entries = [];
let withMetadata = 0;
for (const p of policies) {
  const { module, errors } = parseModule(STDLIB_PREFIX + p.file, p.source);
  // A file that does not parse has no entry: the scan parses it and reports the error itself.
  if (!module || errors.length) continue;
  const metadata = parseMetadataBlocks(module);
  const plain = metadata && isDeepStrictEqual(JSON.parse(JSON.stringify(metadata)), metadata);
  entries.push(plain ? { file: p.file, module, metadata } : { file: p.file, module });
  if (plain) withMetadata++;
}
mkdirSync(dirname(CACHE_PATH), { recursive: true });
writeFileSync(CACHE_PATH, encodeModuleCache(entries));
console.log(`gen-module-cache: wrote ${relative(process.cwd(), CACHE_PATH) || CACHE_PATH} (${entries.length} of ${policies.length} modules, ${withMetadata} with their METADATA parsed)`);
