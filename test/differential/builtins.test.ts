/**
 * Builtin edge cases against OPA: replays OPA's captured answers (fixtures/, made by capture.ts
 * from ../shared/bin/opa) so this runs without the oracle, and when the oracle is present also
 * checks that the fixtures are still what OPA answers.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FAMILIES, type BuiltinCase } from './builtins/cases.js';
import { describeOutcome, haveOracle, opaOutcome, OPA, palisadeOutcome, sameOutcome, type Outcome } from './builtins/oracle.js';

interface Fixture {
  about: string;
  cases: { expr: string; opa: Outcome }[];
}

const fixture = (family: string): Fixture =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`./builtins/fixtures/${family}.json`, import.meta.url)), 'utf8')) as Fixture;

const norm = (c: string | BuiltinCase): BuiltinCase => (typeof c === 'string' ? { expr: c } : c);

for (const [family, list] of Object.entries(FAMILIES)) {
  describe(`builtins vs OPA: ${family}`, () => {
    const cases = list.map(norm);
    const fx = fixture(family);

    it('fixture covers exactly the listed cases (re-run capture.ts after editing cases.ts)', () => {
      expect(fx.cases.map((c) => c.expr)).toEqual(cases.map((c) => c.expr));
    });

    it.each(cases.map((c, i) => [c.expr, c, fx.cases[i]?.opa] as const))('%s', (_expr, c, opa) => {
      expect(opa, 'no captured OPA outcome').toBeDefined();
      const ours = palisadeOutcome(c.expr);
      expect(sameOutcome(opa!, ours), `OPA: ${describeOutcome(opa!)}\nPalisade: ${describeOutcome(ours)}`).toBe(true);
      if ('value' in opa! && 'value' in ours) {
        if (c.textDiffers) expect(ours.value, `now printed as OPA does; drop textDiffers (${c.textDiffers})`).not.toBe(opa.value);
        else expect(ours.value).toBe(opa.value);
      }
    });
  });
}

describe('builtins fixtures vs the live oracle', () => {
  if (!haveOracle()) {
    it('oracle absent', () => {
      console.warn(`builtins differential: ${OPA} not found; replayed the captured fixtures only`);
      expect(haveOracle()).toBe(false);
    });
    return;
  }
  for (const family of Object.keys(FAMILIES)) {
    it(`${family}: OPA still answers as captured`, () => {
      const stale = fixture(family).cases.filter((c) => JSON.stringify(opaOutcome(c.expr)) !== JSON.stringify(c.opa));
      expect(stale.map((c) => c.expr)).toEqual([]);
    });
  }
});
