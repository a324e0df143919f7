/**
 * A builtin is one declaration entry: name, typed parameters, result, category, description,
 * nondeterministic flag and implementation. Implementations receive evaluated argument values
 * and return a value, or `undefined` for an undefined result. They signal errors by throwing
 * `operandError` / `builtinError` (never a bare Error): the evaluator prefixes the builtin name,
 * turns it into `eval_type_error` / `eval_builtin_error`, and makes the call undefined unless
 * strict builtin errors are on.
 */
import { PalisadeError, ErrorCodes } from '../errors.js';
import type { Value } from '../value/types.js';
import { typeName } from '../value/types.js';
import type { BType } from './signature.js';
import type { Location } from '../syntax/location.js';

/** A declared builtin parameter: name, type (see `T`) and an optional description for the reference docs. */
export interface BuiltinParam {
  name: string;
  type: BType;
  description?: string;
}

/** Capabilities a builtin may use; all off by default (sandbox). */
export interface Capabilities {
  /** `http.send`, `net.lookup_ip_addr`. */
  network: boolean;
  /** Environment variables exposed through `opa.runtime().env`. */
  env: Record<string, string> | null;
}

/** What the evaluator tells a blocking platform call. */
export interface PlatformCallOptions {
  /**
   * Milliseconds left in the evaluation's time budget (`timeoutMs`, CLI `--timeout`): the call must
   * give up by then even when the request's own timeout is longer. Absent without a budget.
   */
  budgetMs?: number;
}

/** Platform services that differ between Node and browsers. */
export interface Platform {
  /** Synchronous DNS lookups are not available in JS; network builtins use this when allowed. */
  lookupIP?: (host: string, options?: PlatformCallOptions) => string[] | undefined;
  /** Synchronous HTTP is not available in browsers; the CLI may supply one (opt-in). */
  httpSend?: (request: Record<string, Value>, options?: PlatformCallOptions) => Value;
  /**
   * Bytes of JS heap in use, for the `maxMemoryBytes` budget; with `collect` true, measured after a
   * garbage collection when the platform can run one (so garbage is not mistaken for growth).
   */
  heapUsed?: (collect: boolean) => number;
}

/** What a builtin implementation may use besides its arguments: fixed time, capabilities, platform services, print. */
export interface BuiltinContext {
  /** Nanoseconds since the epoch, fixed for the whole query (`time.now_ns`). */
  readonly nowNs: bigint;
  readonly capabilities: Capabilities;
  readonly platform: Platform;
  /** Per-query memo for nondeterministic builtins (`rand.intn`, `http.send`): same args, same result. */
  readonly queryCache: Map<string, Value>;
  /** `print` output sink; `location` is the `print(…)` call's position in the policy. */
  print(message: string, location?: Location): void;
  /** Extra services the evaluator provides to language-level builtins (`rego.*`, `opa.runtime`). */
  readonly host: BuiltinHost;
  /**
   * Called before allocating a result of about `bytes` (e.g. `numbers.range`): throws
   * `eval_memory_error` when that would exceed the evaluation's memory budget.
   */
  reserve?(bytes: number): void;
  /** Milliseconds left in the evaluation's time budget (Infinity without one); blocking calls wait no longer. */
  remainingMs?(): number;
}

export interface BuiltinHost {
  /** METADATA chain of the rule being evaluated (for `rego.metadata.chain/rule`). */
  metadataChain(): Value;
  metadataRule(): Value;
  /** Parses a module into OPA's AST JSON (for `rego.parse_module`). */
  parseModule(file: string, source: string): Value;
  /** `opa.runtime()` document. */
  runtime(): Value;
}

/**
 * The declaration of a builtin (the built-in catalog and custom builtins use the same format):
 * name, typed parameters and result, category, description and implementation.
 */
export interface BuiltinDecl {
  /** Full dotted name, e.g. `strings.replace_n`. */
  name: string;
  params: BuiltinParam[];
  result: BType;
  /** Family for docs, e.g. `strings`, `regex`, `time`. */
  category: string;
  description: string;
  /** True for builtins whose result may change between calls (`rand.intn`, `time.now_ns`, `http.send`). */
  nondeterministic?: boolean;
  /** Variadic tail: the last param repeats (only `print`). */
  variadic?: boolean;
  /** Relation builtins (only `walk`) yield several results; `impl` returns an array of them. */
  relation?: boolean;
  /** Deprecated in OPA (reported by `check --strict`). */
  deprecated?: boolean;
  /** `call` is where the call is written (its `file` is the calling module's), for builtins that resolve paths against it. */
  impl(args: Value[], ctx: BuiltinContext, call?: Location): Value | undefined;
}

/** Identity helper that checks the entry's shape. */
export function defineBuiltin(decl: BuiltinDecl): BuiltinDecl {
  return decl;
}

function kindsText(expected: string[]): string {
  return expected.length === 1 ? expected[0] : `one of {${expected.join(', ')}}`;
}

/**
 * `operand N must be T but got U` (eval_type_error). `pos` is 1-based.
 * With `expected` as a single free-form string it is used verbatim as the "must be" part.
 */
export function operandError(pos: number, got: Value, ...expected: string[]): PalisadeError {
  return new PalisadeError(ErrorCodes.evalType, `operand ${pos} must be ${kindsText(expected)} but got ${typeName(got)}`);
}

/** A type error with a custom text (`operand 2 must be array of strings but got array containing number`). */
export function typeErrorText(message: string): PalisadeError {
  return new PalisadeError(ErrorCodes.evalType, message);
}

/**
 * Options for a blocking platform call made by `ctx`: the evaluation's remaining time budget.
 * Throws `eval_cancel_error` when the budget is already spent.
 */
export function platformCallOptions(ctx: BuiltinContext, what: string): PlatformCallOptions {
  const left = ctx.remainingMs?.() ?? Infinity;
  if (left <= 0) throw budgetSpent(what);
  return Number.isFinite(left) ? { budgetMs: left } : {};
}

/** After a blocking call failed: `eval_cancel_error` when it was cut short by the time budget. */
export function checkBudgetAfter(ctx: BuiltinContext, what: string): void {
  if ((ctx.remainingMs?.() ?? Infinity) <= 0) throw budgetSpent(what);
}

function budgetSpent(what: string): PalisadeError {
  return new PalisadeError(ErrorCodes.evalCancel, `evaluation timed out (the time budget ran out during ${what})`);
}

/** eval_builtin_error with the given message (the builtin name is prefixed by the evaluator). */
export function builtinError(message: string): PalisadeError {
  return new PalisadeError(ErrorCodes.evalBuiltin, message);
}
