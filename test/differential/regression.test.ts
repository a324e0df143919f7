/**
 * The differential regression suite: every saved case (a program on which Palisade once disagreed
 * with OPA, with OPA's output captured by test/differential/capture.ts) must now give OPA's value
 * and error code. Runs without the oracle. A case marked `open` must still diverge (so whoever
 * fixes it also clears the flag); its reason is printed.
 */
import { describe, expect, it } from 'vitest';
import { loadCases } from './cases.js';
import { difference, opaOutcome, outcomeText } from './outcome.js';
import { runPalisade } from './palisade.js';
import { programText } from './program.js';

const cases = loadCases();

describe('differential regression cases', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });
  for (const c of cases) {
    it(`${c.file}: ${c.description}`, () => {
      const opa = opaOutcome(c.opa.stdout);
      const palisade = runPalisade(c.program);
      const d = difference(opa, palisade);
      const report = `${programText(c.program)}\n--- OPA\n${outcomeText(opa)}\n--- Palisade\n${outcomeText(palisade)}`;
      if (c.open) {
        console.warn(`differential case ${c.file} is open (${c.open}); checking it still diverges`);
        expect(d, `open case now agrees with OPA; remove its "open" flag:\n${report}`).toBeDefined();
      } else {
        expect(d, report).toBeUndefined();
      }
    });
  }
});
