/**
 * Evaluation tracing for `palisade eval --explain` and failing-test locations. Off unless the
 * caller passes `EvalOptions.tracer`; the evaluator then reports each body expression it starts
 * (`eval`), each one that produced no solution (`fail`) and each rule definition it enters.
 */
import type { Location } from '../syntax/location.js';
import type { Value } from '../value/types.js';

/**
 * A trace event: a rule definition entered, a body expression started, one that produced no
 * solution, or a comparison (`==`, `<`, …) that came out false (with its operands in `detail`).
 */
export type TraceOp = 'enter' | 'eval' | 'fail' | 'compare';

/** Operands of a false comparison (`compare` events). */
export interface CompareDetail {
  /** Builtin name: equal, neq, lt, lte, gt, gte. */
  op: string;
  args: Value[];
}

/** The rule a definition belongs to (`enter` events): `data.pkg.name` (ground part of the head). */
export interface EnterDetail {
  rule: string;
}

/** What an event carries besides its location: the rule entered, or a false comparison's operands. */
export type TraceDetail = CompareDetail | EnterDetail;

/** Receives trace events; `depth` is the rule/function nesting depth. */
export type Tracer = (op: TraceOp, loc: Location, depth: number, detail?: TraceDetail) => void;

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
