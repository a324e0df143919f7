/**
 * The CI-bounded fuzz run: every target of test/fuzz/targets.ts on a fixed seed and a small number
 * of inputs, so a regression of the "typed errors only" contract fails the suite reproducibly.
 * Long campaigns run with `pnpm fuzz --runs N` (docs/reliability.md). No timing assertion here: a
 * hang shows up as vitest's timeout.
 */
import { describe, expect, it } from 'vitest';
import { fuzzTarget } from './run.js';
import { TARGETS } from './targets.js';

const SEED = 20261207;
/** Inputs per target; the whole-scan target evaluates every stdlib policy per input. */
const RUNS: Record<string, number> = { scan: 15, 'rego-compile-eval': 40 };

describe('fuzz (CI-bounded)', () => {
  for (const t of TARGETS) {
    it(`${t.name}: ${t.covers}`, { timeout: 300_000 }, () => {
      const o = fuzzTarget(t, RUNS[t.name] ?? 60, SEED, Infinity);
      expect(o.failure === undefined ? undefined : `${o.failure}\ninput: ${o.counterexample}`).toBeUndefined();
      expect(o.runs).toBe(RUNS[t.name] ?? 60);
    });
  }
});
