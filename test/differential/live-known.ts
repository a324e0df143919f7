/**
 * `tsx test/differential/live-known.ts`: rewrites live-known.json, the seeds of the CI range that
 * still diverge from OPA, with their signatures (see live.test.ts). Needs the oracle.
 */
import { writeFileSync } from 'node:fs';
import { oracleMissing } from './oracle.js';
import { checkSeed } from './search.js';
import { CI_SEEDS, KNOWN_FILE } from './live-seeds.js';

const missing = oracleMissing();
if (missing) {
  console.error(`live-known: ${missing}`);
  process.exit(2);
}
const known: Record<string, string> = {};
for (let seed = CI_SEEDS.start; seed < CI_SEEDS.start + CI_SEEDS.count; seed++) {
  const sig = (await checkSeed(seed)).comparison.signature;
  if (sig) known[seed] = sig;
}
writeFileSync(KNOWN_FILE, JSON.stringify(known, null, 2) + '\n');
console.log(`live-known: ${Object.keys(known).length} of ${CI_SEEDS.count} seeds diverge`);
