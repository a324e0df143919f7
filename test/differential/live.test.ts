/**
 * The live differential check: generated programs of a fixed, bounded seed range run on both
 * the reference OPA and Palisade and must agree on value and error code. Skips (with the reason
 * printed) when the oracle is absent. Longer campaigns: `pnpm differential`.
 *
 * `live-known.json` lists the seeds of this range that still diverge (a ratchet, like the
 * conformance suite's passing list): a new divergent seed fails the test, and so does a listed seed
 * that now agrees (remove it). Regenerate with `tsx test/differential/live-known.ts`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { oracleMissing } from './oracle.js';
import { outcomeText } from './outcome.js';
import { programText } from './program.js';
import { checkSeed } from './search.js';
import { CI_SEEDS, KNOWN_FILE } from './live-seeds.js';

const missing = oracleMissing();
if (missing) console.warn(`differential live test skipped: ${missing}`);
const known = JSON.parse(readFileSync(KNOWN_FILE, 'utf8')) as Record<string, string>;

describe.skipIf(missing !== undefined)('live differential (generated programs vs OPA)', () => {
  it(`seeds ${CI_SEEDS.start}..${CI_SEEDS.start + CI_SEEDS.count - 1} agree with OPA`, { timeout: 180_000 }, async () => {
    const fresh: string[] = [];
    const fixed: number[] = [];
    let ran = 0;
    for (let seed = CI_SEEDS.start; seed < CI_SEEDS.start + CI_SEEDS.count; seed++) {
      const r = await checkSeed(seed);
      ran++;
      const sig = r.comparison.signature;
      if (sig && known[seed] !== sig) {
        fresh.push(`seed ${seed}: ${sig}\n${programText(r.program)}\n--- OPA\n${outcomeText(r.comparison.opa)}\n--- Palisade\n${outcomeText(r.comparison.palisade)}`);
      } else if (!sig && known[seed] !== undefined) fixed.push(seed);
    }
    expect(ran).toBe(CI_SEEDS.count);
    const open = Object.keys(known).length;
    if (open) console.warn(`differential live test: ${open} known divergent seeds still open (${KNOWN_FILE})`);
    expect(fresh, `${fresh.length} new divergences (reproduce: pnpm differential --start SEED --seeds 1)\n\n${fresh.slice(0, 5).join('\n\n')}`).toEqual([]);
    expect(fixed, 'seeds that now agree with OPA: remove them from live-known.json').toEqual([]);
  });
});
