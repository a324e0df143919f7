#!/usr/bin/env node
/**
 * Writes dist/policy-modules.ndjson: every non-test stdlib policy parsed ahead of time, so a scan
 * compiles the standard library without parsing ~250 files at every start (see
 * src/module-cache.ts, which reads it, and docs/performance.md for the gain).
 *
 * Runs after the engine is built (root and package `build` scripts). Format: line 1 is the JSON
 * array of policy files (`policies/…`, the order of collectBundle()); line i + 1 is the parsed
 * Module of file i as JSON, parsed under the file name the scanner gives stdlib modules. The
 * reader uses a line only when its `source` equals the file on disk, so a stale cache only costs
 * the parse it would have saved.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseModule } from '@palisade/engine';
import { collectBundle } from './gen-bundle.mjs';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE_PATH = join(pkg, 'dist', 'policy-modules.ndjson');
/** Must equal STDLIB_PREFIX in src/scan.ts (the reader checks each module's file name). */
const STDLIB_PREFIX = '@palisade/stdlib/';

const { policies } = collectBundle();
const lines = [JSON.stringify(policies.map((p) => p.file))];
let failed = 0;
for (const p of policies) {
  const { module, errors } = parseModule(STDLIB_PREFIX + p.file, p.source);
  if (!module || errors.length) {
    // The scan reports the parse error itself; the cache just has no entry for the file.
    failed++;
    lines.push('null');
    continue;
  }
  lines.push(JSON.stringify(module));
}
mkdirSync(dirname(CACHE_PATH), { recursive: true });
writeFileSync(CACHE_PATH, lines.join('\n') + '\n');
console.log(`gen-module-cache: wrote ${relative(process.cwd(), CACHE_PATH) || CACHE_PATH} (${policies.length - failed} modules)`);
