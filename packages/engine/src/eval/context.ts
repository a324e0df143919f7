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
import type { FnResults } from './fn-cache.js';
import type { IN_PROGRESS, UNDEF } from './sentinels.js';

export interface Limits {
  /** Wall-clock budget in ms (0 = none). */
  timeoutMs: number;
  /** Maximum evaluation steps (0 = none). */
  maxSteps: number;
  /** Maximum nesting of rule/function evaluations. */
  maxDepth: number;
  /** Heap growth allowed during the evaluation, in bytes (0 = none). */
  maxMemoryBytes: number;
  /** Bytes of heap in use; with `collect`, after a garbage collection if the platform can run one. */
  heapUsed?: (collect: boolean) => number;
  signal?: AbortSignal;
  /** Cancels when its first element becomes non-zero (set from another thread with `Atomics.store`). */
  cancelFlag?: Int32Array;
}

export const DEFAULT_LIMITS: Limits = { timeoutMs: 0, maxSteps: 0, maxDepth: 5000, maxMemoryBytes: 0 };

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
  /** Heap in use when the evaluation started (memory budget only). */
  private readonly heapBase: number = 0;
  /** Heap reading of the last check that collected garbage and passed (avoids a collection per check). */
  private collectedAt = -Infinity;

  constructor(
    readonly limits: Limits,
    readonly strict: boolean,
    readonly bctx: BuiltinContext,
    readonly baseData: Value,
  ) {
    this.deadline = limits.timeoutMs > 0 ? Date.now() + limits.timeoutMs : 0;
    if (limits.maxMemoryBytes > 0 && limits.heapUsed) this.heapBase = limits.heapUsed(false);
  }

  /** Milliseconds left before the deadline (Infinity without one); blocking builtins bound their waits by it. */
  remainingMs(): number {
    return this.deadline ? Math.max(0, this.deadline - Date.now()) : Infinity;
  }

  /** Counts one step; every 1024 steps checks the budget, the deadline and the signal. */
  step(): void {
    if (++this.steps < this.nextCheck) return;
    this.nextCheck = this.steps + 1024;
    const l = this.limits;
    if (l.maxSteps > 0 && this.steps > l.maxSteps) throw cancel(`evaluation exceeded the step limit (${l.maxSteps})`);
    if (this.deadline && Date.now() > this.deadline) throw cancel(`evaluation timed out after ${l.timeoutMs}ms`);
    if (l.signal?.aborted || (l.cancelFlag && Atomics.load(l.cancelFlag, 0) !== 0)) throw cancel('evaluation cancelled');
    if (l.maxMemoryBytes > 0) this.reserve(0);
  }

  /**
   * Fails with `eval_memory_error` when the heap grown since the start plus `bytes` about to be
   * allocated exceeds the budget. Heap readings include garbage, so before failing the reading is
   * taken again after a collection (when the platform can run one); a passing collected reading
   * is not repeated until the heap has grown by another eighth of the budget.
   */
  reserve(bytes: number): void {
    const l = this.limits;
    if (l.maxMemoryBytes <= 0) return;
    const over = (used: number): boolean => used - this.heapBase + bytes > l.maxMemoryBytes;
    if (!l.heapUsed) {
      if (bytes > l.maxMemoryBytes) throw memoryError(l.maxMemoryBytes);
      return;
    }
    const quick = l.heapUsed(false);
    if (!over(quick) || quick < this.collectedAt + l.maxMemoryBytes / 8) return;
    const live = l.heapUsed(true);
    if (over(live)) throw memoryError(l.maxMemoryBytes);
    this.collectedAt = live;
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

function memoryError(budget: number): PalisadeError {
  return new PalisadeError(ErrorCodes.evalMemory, `evaluation exceeded the memory limit (${formatBytes(budget)})`);
}

function formatBytes(n: number): string {
  return n >= 1 << 20 ? `${Math.round(n / (1 << 20))} MB` : `${n} bytes`;
}

/** A `with` replacement of a function or builtin. */
export type Mock = { kind: 'value'; value: Value } | { kind: 'function'; fn: CallTarget };

export interface DataOverlay {
  path: string[];
  value: Value;
}

// Defined in sentinels.ts (fn-cache.ts needs UNDEF without importing this file); named from here too.
export { IN_PROGRESS, UNDEF } from './sentinels.js';

export class Ctx {
  readonly cache = new Map<RuleSet, Value | typeof UNDEF | typeof IN_PROGRESS>();
  /** Function results by argument key, per function; `shared` caches are also the run's cross-evaluation cache. */
  readonly fnCache = new Map<RuleSet, { cache: FnResults; shared: boolean }>();
  /**
   * `RuleEvaluator.shareKey` per rule set: a pure function of this context (its input, overlays and
   * run flags never change), computed once because it is asked on every call of a function.
   */
  readonly shareKeys = new Map<RuleSet, string | undefined>();

  constructor(
    readonly run: Run,
    readonly input: Value | undefined,
    readonly overlays: DataOverlay[] | null,
    readonly mocks: Map<string, Mock> | null,
    /** True for the evaluation's outermost context (no `with` in effect). */
    readonly root = false,
  ) {}
}
