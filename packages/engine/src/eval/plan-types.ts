/**
 * The shapes of planned code (see plan.ts): closures over a context and a frame of slots that
 * call a continuation for each result. The planner produces them, the rule evaluator and the ref
 * walker run them; they live here so that those files do not import each other for types.
 */
import type { IRBody, IRTerm } from '../compile/ir.js';
import type { Value } from '../value/types.js';
import type { Ctx } from './context.js';

/** A rule's local variables by slot; `undefined` is unbound. */
export type Frame = (Value | undefined)[];
export type K = () => boolean;
export type VK = (v: Value) => boolean;
export type TermFn = (c: Ctx, f: Frame, k: VK) => boolean;
export type ExprFn = (c: Ctx, f: Frame, k: K) => boolean;
/** Unifies a pattern with a value, binding unbound slots. */
export type PatFn = (c: Ctx, f: Frame, v: Value, k: K) => boolean;

/** What the rule evaluator asks of the planner (plan.ts's Planner). */
export interface BodyPlanner {
  body(body: IRBody): ExprFn;
  term(t: IRTerm): TermFn;
  pattern(t: IRTerm): PatFn;
}
