/**
 * Runs a program on Palisade's engine in process, the way `palisade eval` would: modules added
 * under their file names, data merged at the root, the query prepared and evaluated once.
 */
import { Engine, toJSONText, toJSONValue } from '@palisade/engine';
import { errorOutcome, rowsOutcome, type Outcome } from './outcome.js';
import type { Program } from './program.js';

/** Evaluation limits: generous for real programs, bounded so a generated loop cannot hang a run. */
const LIMITS = { timeoutMs: 10_000, maxSteps: 5_000_000 };

export function runPalisade(p: Program): Outcome {
  const engine = new Engine();
  const parseErrors = p.modules.flatMap((m) => engine.addModule(m.file, m.source));
  if (parseErrors.length) return errorOutcome(parseErrors);
  if (p.data !== undefined) {
    const errs = engine.addData(p.data);
    if (errs.length) return errorOutcome(errs);
  }
  const { query, errors } = engine.prepare(p.query);
  if (!query) return errorOutcome(errors);
  const res = query.evaluate(p.input, LIMITS);
  if (res.error) return errorOutcome([res.error]);
  return rowsOutcome(res.rows.map((r) => toJSONText(toJSONValue(r))));
}
