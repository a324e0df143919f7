/** Markers the evaluator's caches store beside values. */

/** A rule or call that produced no value (cached as such, unlike a miss). */
export const UNDEF = Symbol('undefined');
/** A rule whose value is being computed (a read of it meanwhile is recursion). */
export const IN_PROGRESS = Symbol('in-progress');
