/**
 * One differential check: run a program on OPA and on Palisade, compare value and error code.
 */
import { runOpa } from './oracle.js';
import { runPalisade } from './palisade.js';
import { difference, opaOutcome, signature, type Outcome } from './outcome.js';
import type { Program } from './program.js';

export interface Comparison {
  opa: Outcome;
  palisade: Outcome;
  /** 'value' / 'error-code' when the engines disagree. */
  difference?: 'value' | 'error-code';
  signature?: string;
  /** Both report errors with the same codes but different messages (reported, not a divergence). */
  messageDiffers: boolean;
  /** OPA's raw output, as saved in a regression case. */
  opaStdout: string;
  opaExitCode: number;
}

export async function compare(p: Program): Promise<Comparison> {
  const run = await runOpa(p);
  let opa: Outcome;
  try {
    opa = opaOutcome(run.stdout);
  } catch {
    // OPA crashed or timed out: record it as an error outcome that no Palisade result matches.
    opa = { kind: 'error', codes: [`opa_exit_${run.exitCode}`], messages: [run.stderr.slice(0, 500)] };
  }
  const palisade = runPalisade(p);
  const d = difference(opa, palisade);
  const messageDiffers = opa.kind === 'error' && palisade.kind === 'error' && d === undefined && opa.messages.join('\n') !== palisade.messages.join('\n');
  return { opa, palisade, difference: d, signature: signature(opa, palisade), messageDiffers, opaStdout: run.stdout, opaExitCode: run.exitCode };
}
