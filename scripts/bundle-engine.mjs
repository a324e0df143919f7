#!/usr/bin/env node
/**
 * Bundles the built engine (packages/engine/dist/index.js, from tsc) into one ES module,
 * dist/palisade-engine.js, which the package's `exports` point at. Why: chevrotain 11 (the last
 * major that runs on Node 20) imports lodash-es, 640 one-function modules, and loading them made up
 * most of the CLI's start-up (engine import 440 ms vs 85 ms bundled; docs/performance.md). The
 * other dependencies stay imports (shared with the stdlib and the CLI, and deduplicated by
 * whoever bundles Palisade for a browser). Runs after `tsc -b` in the root `build` script.
 *
 * The bundle also embeds the parser's lookahead table, computed here from the same build's grammar
 * (packages/engine/src/syntax/lookahead-table.ts): building the parser then skips the grammar
 * analysis that dominated a cold `palisade eval`.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { engineDefines, engineDist } from './engine-defines.mjs';

const engine = join(engineDist, '..');
const pkg = JSON.parse(readFileSync(join(engine, 'package.json'), 'utf8'));
const INLINED = new Set(['chevrotain']);
const external = Object.keys(pkg.dependencies ?? {})
  .filter((d) => !INLINED.has(d))
  .flatMap((d) => [d, `${d}/*`]);
const outfile = join(engine, 'dist', 'palisade-engine.js');
const { define, productions } = await engineDefines();

await build({
  entryPoints: [join(engine, 'dist', 'index.js')],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  target: 'es2022',
  external,
  define,
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
});
console.log(`bundle-engine: wrote ${relative(process.cwd(), outfile)} (lookahead table: ${productions} productions)`);
