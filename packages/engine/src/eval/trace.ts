/**
 * Evaluation tracing for `palisade eval --explain` and failing-test locations. Off unless the
 * caller passes `EvalOptions.tracer`; the evaluator then reports each body expression it starts
 * (`eval`), each one that produced no solution (`fail`) and each rule definition it enters.
 */
import type { Location } from '../syntax/location.js';

/** A trace event: a rule definition entered, a body expression started, or one that produced no solution. */
export type TraceOp = 'enter' | 'eval' | 'fail';

/** Receives trace events; `depth` is the rule/function nesting depth. */
export type Tracer = (op: TraceOp, loc: Location, depth: number) => void;

/** Runs one expression (`run` with a continuation) under `tracer`. */
export function tracedExpr(tracer: Tracer, depth: number, loc: Location, run: (k: () => boolean) => boolean, k: () => boolean): boolean {
  tracer('eval', loc, depth);
  let solved = false;
  const stop = run(() => {
    solved = true;
    return k();
  });
  if (!solved) tracer('fail', loc, depth);
  return stop;
}
