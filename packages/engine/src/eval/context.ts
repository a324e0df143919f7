/**
 * Evaluation state. A `Run` lives for one query evaluation (limits, builtin context, errors);
 * a `Ctx` is one evaluation environment (input, `with` overrides, caches). `with` creates a
 * child Ctx with fresh caches, so cached rule values never leak across overrides.
 */
import { ErrorCodes, PalisadeError } from '../errors.js';
import type { BuiltinContext } from '../builtins/define.js';
import type { RuleDef, RuleSet } from '../compile/rule-tree.js';
import type { CallTarget } from '../compile/ir.js';
import type { Value } from '../value/types.js';
import type { Tracer } from './trace.js';

export interface Limits {
  /** Wall-clock budget in ms (0 = none). */
  timeoutMs: number;
  /** Maximum evaluation steps (0 = none). */
  maxSteps: number;
  /** Maximum nesting of rule/function evaluations. */
  maxDepth: number;
  signal?: AbortSignal;
}

export const DEFAULT_LIMITS: Limits = { timeoutMs: 0, maxSteps: 0, maxDepth: 5000 };

export class Run {
  steps = 0;
  depth = 0;
  readonly deadline: number;
  readonly builtinErrors: PalisadeError[] = [];
  /** The rule definition whose body or head is being evaluated (for `rego.metadata.*`). */
  currentRule: RuleDef | undefined;
  /**
   * When set, receives `file:row` of every expression evaluated and of every rule head that
   * produced a value (test coverage).
   */
  coverage: Set<string> | undefined;
  /** When set, receives trace events (see eval/trace.ts). */
  tracer: Tracer | undefined;
  /** Paths of `EvalOptions.dataOverrides` (rules reading them are not shared across evaluations). */
  overridePaths: string[][] = [];
  /** The caller promised not to mutate the input (EvalOptions.immutableInput). */
  immutableInput = false;
  private nextCheck = 1024;

  constructor(
    readonly limits: Limits,
    readonly strict: boolean,
    readonly bctx: BuiltinContext,
    readonly baseData: Value,
  ) {
    this.deadline = limits.timeoutMs > 0 ? Date.now() + limits.timeoutMs : 0;
  }

  /** Counts one step; every 1024 steps checks the budget, the deadline and the signal. */
  step(): void {
    if (++this.steps < this.nextCheck) return;
    this.nextCheck = this.steps + 1024;
    const l = this.limits;
    if (l.maxSteps > 0 && this.steps > l.maxSteps) throw cancel(`evaluation exceeded the step limit (${l.maxSteps})`);
    if (this.deadline && Date.now() > this.deadline) throw cancel(`evaluation timed out after ${l.timeoutMs}ms`);
    if (l.signal?.aborted) throw cancel('evaluation cancelled');
  }

  enter(): void {
    if (++this.depth > this.limits.maxDepth) throw cancel(`evaluation exceeded the maximum depth (${this.limits.maxDepth})`);
  }

  leave(): void {
    this.depth--;
  }
}

export function cancel(message: string): PalisadeError {
  return new PalisadeError(ErrorCodes.evalCancel, message);
}

/** A `with` replacement of a function or builtin. */
export type Mock = { kind: 'value'; value: Value } | { kind: 'function'; fn: CallTarget };

export interface DataOverlay {
  path: string[];
  value: Value;
}

export const UNDEF = Symbol('undefined');
export const IN_PROGRESS = Symbol('in-progress');

export class Ctx {
  readonly cache = new Map<RuleSet, Value | typeof UNDEF | typeof IN_PROGRESS>();
  readonly fnCache = new Map<RuleSet, Map<string, Value | typeof UNDEF>>();

  constructor(
    readonly run: Run,
    readonly input: Value | undefined,
    readonly overlays: DataOverlay[] | null,
    readonly mocks: Map<string, Mock> | null,
    /** True for the evaluation's outermost context (no `with` in effect). */
    readonly root = false,
  ) {}
}
