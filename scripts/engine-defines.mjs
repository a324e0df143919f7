/**
 * What every bundle of the engine defines at build time, computed from the built engine
 * (packages/engine/dist, tsc output): the parser's lookahead table
 * (packages/engine/src/syntax/lookahead-table.ts), so building the parser skips the grammar
 * analysis. Used by scripts/bundle-engine.mjs and packages/cli/scripts/bundle-cli.mjs.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const engineDist = join(dirname(fileURLToPath(import.meta.url)), '..', 'packages', 'engine', 'dist');

/** esbuild `define` entries, and the number of productions in the lookahead table (for the log). */
export async function engineDefines() {
  const { computeLookaheadTable } = await import(pathToFileURL(join(engineDist, 'syntax', 'parser.js')).href);
  const lookahead = computeLookaheadTable();
  return { define: { __PALISADE_LOOKAHEAD_TABLE__: JSON.stringify(lookahead) }, productions: Object.keys(lookahead.paths).length };
}
