/**
 * Generating, checking and shrinking: one seed gives one program; when the engines disagree,
 * fast-check shrinks it to a minimal program that still disagrees the same way (same signature).
 */
import fc from 'fast-check';
import { compare, type Comparison } from './differ.js';
import { programArb } from './generator.js';
import type { Program } from './program.js';

export interface SeedResult {
  seed: number;
  program: Program;
  comparison: Comparison;
  /** Set when the program diverged: the shrunk program and its comparison. */
  shrunk?: { program: Program; comparison: Comparison; steps: number };
}

/**
 * Checks the program of `seed`; with `shrink`, a divergence is shrunk for at most `shrinkMs`.
 * The property remembers the first (generated) program's signature and fails only for programs
 * with that signature, so shrinking stays on the same divergence.
 */
export async function checkSeed(seed: number, options: { shrink?: boolean; shrinkMs?: number } = {}): Promise<SeedResult> {
  let first: { program: Program; comparison: Comparison } | undefined;
  let last: { program: Program; comparison: Comparison } | undefined;
  let steps = 0;
  const property = fc.asyncProperty(programArb, async (program) => {
    const comparison = await compare(program);
    if (!first) {
      first = { program, comparison };
      return comparison.signature === undefined || !options.shrink;
    }
    steps++;
    if (comparison.signature === first.comparison.signature) {
      last = { program, comparison };
      return false;
    }
    return true;
  });
  await fc.check(property, { seed, numRuns: 1, interruptAfterTimeLimit: options.shrinkMs ?? 60_000 });
  const f = first!;
  const result: SeedResult = { seed, program: f.program, comparison: f.comparison };
  if (f.comparison.signature && options.shrink) result.shrunk = { ...(last ?? f), steps };
  return result;
}
