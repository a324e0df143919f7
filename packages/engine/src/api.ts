/**
 * The public engine API: add modules and data, compile (diagnostics as values), prepare a
 * query once, evaluate it many times with input and options. Nothing here throws at callers:
 * every failure is a `Diagnostic` in the result.
 */
import { ErrorCodes, PalisadeError, type Diagnostic } from './errors.js';
import type { BuiltinContext, BuiltinDecl, BuiltinHost, Capabilities, Platform } from './builtins/define.js';
import { BuiltinRegistry } from './builtins/registry.js';
import { defaultBuiltins } from './builtins/catalog.js';
import { compileModules, compileQuery, type CompiledPolicy, type CompiledQuery } from './compile/compiler.js';
import { dataRefQuery, type Body, type Module, type Rule } from './syntax/ast.js';
import { codeFrame, type Location } from './syntax/location.js';
import { parseModule, parseQuery, type RegoVersion } from './syntax/parse.js';
import { Ctx, DEFAULT_LIMITS, Run, type Limits } from './eval/context.js';
import { Planner, type ExprFn } from './eval/plan.js';
import { RuleEvaluator } from './eval/rules.js';
import { fromJS } from './value/json.js';
import { annotationSetFor, bindAnnotationModules, metadataChainValue, metadataRuleValue, modulesOfTree } from './annotations/chain.js';
import { buildAnnotationSet, type AnnotationSet } from './annotations/scopes.js';
import { parseModuleValue } from './builtins/rego/rego-parse-module.js';
import type { Tracer } from './eval/trace.js';
import type { AllowedBuiltins } from './compile/state.js';
import { isObject, objectEntries, objectGet, type ObjectValue, type PlainObject, type Value } from './value/types.js';

/** Options of `new Engine(options)`. */
export interface EngineOptions {
  /** Extra builtins (same declaration format as the built-in catalog); they may replace built-ins. */
  builtins?: BuiltinDecl[];
  /** Allow experimental `and` / `or` keywords in every module. */
  experimentalLogic?: boolean;
  /**
   * Accept calls to the builtins OPA deprecated before 1.0 (`any`, `all`, `re_match`, `set_diff`,
   * `net.cidr_overlap`, `cast_*`). Off by default: OPA 1.x rejects them in Rego v1 modules with
   * `rego_type_error: deprecated built-in function calls in expression: any`, and so does Palisade.
   */
  allowDeprecatedBuiltins?: boolean;
  /**
   * Rego version modules are read as unless `addModule` says otherwise: `v0` is OPA's
   * `--v0-compatible`. Deprecated builtins are accepted once any module is v0 (OPA allows them in v0).
   */
  regoVersion?: RegoVersion;
  /**
   * OPA capabilities (`opa build --capabilities`, conftest `--capabilities`): only these builtins
   * may be called, in the modules `appliesTo` accepts (default all); a call to another is the
   * compile error `rego_type_error: undefined function NAME`, as in OPA. Undefined: every builtin.
   */
  allowedBuiltins?: AllowedBuiltins;
}

/** Per-evaluation options of `PreparedQuery.evaluate` (limits, cancellation, time, capabilities…). */
export interface EvalOptions {
  /** Return builtin errors instead of treating the failing call as undefined. */
  strictBuiltinErrors?: boolean;
  /** Wall-clock budget in milliseconds (0 = none). */
  timeoutMs?: number;
  /** Maximum evaluation steps (0 = none). */
  maxSteps?: number;
  /** Maximum nesting of rule and function evaluations (default 5000). */
  maxDepth?: number;
  /**
   * Heap the evaluation may grow by, in bytes (0 = none, the default). Checked every 1,024 steps
   * with `platform.heapUsed` (else `process.memoryUsage()` where it exists) and before builtins
   * that build large values; exceeding it fails with `eval_memory_error`.
   */
  maxMemoryBytes?: number;
  /**
   * Cancels the evaluation (it then fails with `eval_cancel_error`). Evaluation is synchronous:
   * the signal is read before it starts and every 1,024 steps, so it takes effect when it is
   * aborted by code that runs meanwhile (a custom builtin, `print`). A timer such as
   * `AbortSignal.timeout(200)` cannot fire while `evaluate` holds the thread: use `timeoutMs`
   * for a wall-clock bound, or `cancelFlag` to cancel from another thread.
   */
  signal?: AbortSignal;
  /**
   * Cancels the evaluation as soon as `cancelFlag[0]` is non-zero: an `Int32Array` over a
   * `SharedArrayBuffer` that another thread (a worker, a watchdog) sets with `Atomics.store`.
   */
  cancelFlag?: Int32Array;
  /** Overrides `time.now_ns` (nanoseconds since the epoch). */
  nowNs?: bigint;
  /** Opt-in capabilities; everything is off by default. */
  capabilities?: Partial<Capabilities>;
  /** Platform services (DNS, HTTP) used by network builtins when the `network` capability is on. */
  platform?: Platform;
  /** Receives `print` output with the position of the `print(…)` call (default: discarded). */
  print?: (message: string, location?: Location) => void;
  /**
   * Per-evaluation replacements of parts of `data` (like `with data.a.b as v`), e.g. the current
   * document's metadata during a scan. Cheap: nothing is copied.
   */
  dataOverrides?: { path: string[]; value: unknown }[];
  /** Collects `file:row` of every evaluated expression and every rule head that produced a value. */
  coverage?: Set<string>;
  /**
   * Promise that this input object is not mutated between evaluations. Then rule values that depend
   * on the input are reused by later evaluations over the very same object (a scanner evaluating
   * many policies against one document computes shared helpers once). Default false: only rules
   * that do not read the input are reused.
   */
  immutableInput?: boolean;
  /** Receives trace events (`enter` rule, `eval` / `fail` expression); see eval/trace.ts. */
  tracer?: Tracer;
}

/** One solution of a query: variable name → value. */
export type Row = Record<string, Value>;

/** The outcome of one evaluation: the rows, an evaluation error if any, and non-strict builtin errors. */
export interface EvalResult {
  rows: Row[];
  /** Set when evaluation failed (conflict, cancellation, strict builtin error). */
  error?: Diagnostic;
  /** Builtin errors that made calls undefined (non-strict mode). */
  builtinErrors: Diagnostic[];
}

interface ModuleEntry {
  file: string;
  source: string;
  module?: Module;
  errors: Diagnostic[];
}

function toDiag(e: PalisadeError, sources: Map<string, string>): Diagnostic {
  const d = e.toDiagnostic();
  const src = e.location ? sources.get(e.location.file) : undefined;
  if (src !== undefined && e.location) d.frame = codeFrame(src, e.location);
  return d;
}

/** Converts anything thrown during evaluation into a Diagnostic (never rethrows). */
function failure(e: unknown): Diagnostic {
  if (e instanceof PalisadeError) return e.toDiagnostic();
  if (e instanceof RangeError) {
    // V8's refusals to allocate ("Invalid string length", "Invalid array length") are memory limits.
    if (/invalid (string|array|typed array) length|allocation failed/i.test(e.message)) {
      return { code: ErrorCodes.evalMemory, message: `evaluation exceeded the memory limit of the JavaScript engine (${e.message})` };
    }
    return { code: ErrorCodes.evalCancel, message: 'evaluation exceeded the maximum call depth (deep recursion)' };
  }
  return { code: ErrorCodes.evalInternal, message: `internal error: ${e instanceof Error ? e.message : String(e)}` };
}

/**
 * A policy engine: add modules and data, compile (errors as diagnostics), then `prepare` queries
 * once and evaluate them many times.
 */
export class Engine {
  private readonly registry: BuiltinRegistry;
  private readonly entries = new Map<string, ModuleEntry>();
  private readonly v0Files = new Set<string>();
  private data: Value = Object.create(null) as PlainObject;
  private policy: CompiledPolicy | undefined;
  private annotationCache: AnnotationSet | undefined;
  private planner: Planner | undefined;
  private evaluator: RuleEvaluator | undefined;
  private readonly options: EngineOptions;

  constructor(options: EngineOptions = {}) {
    this.options = options;
    this.registry = new BuiltinRegistry(defaultBuiltins);
    for (const b of options.builtins ?? []) this.registry.register(b);
  }

  /** Registers a custom builtin (invalidates the compiled policy). */
  registerBuiltin(decl: BuiltinDecl): void {
    this.registry.register(decl);
    this.policy = undefined;
  }

  /** The builtin declarations known to this engine, sorted by name. */
  builtins(): BuiltinDecl[] {
    return this.registry.all();
  }

  /** Parses and adds (or replaces) a module; returns its parse errors. */
  addModule(file: string, source: string, regoVersion: RegoVersion | undefined = this.options.regoVersion): Diagnostic[] {
    const { module, errors } = parseModule(file, source, { experimentalLogic: this.options.experimentalLogic, regoVersion });
    if (regoVersion === 'v0') this.v0Files.add(file);
    else this.v0Files.delete(file);
    this.entries.set(file, { file, source, module, errors });
    this.policy = undefined;
    this.annotationCache = undefined;
    return errors;
  }

  /**
   * Adds (or replaces) a module that `parseModule` produced earlier, possibly in another process and
   * sent through JSON, so a fixed policy set can skip parsing at start-up. The caller vouches that
   * it is `parseModule(module.file, module.source)`'s result with this engine's parse options; it is
   * keyed by `module.file`. Only the outline is checked (a value that is not a module at all is
   * refused with `palisade_input_error`); a doctored AST fails at compile time.
   */
  addParsedModule(module: Module): Diagnostic[] {
    const problem = parsedModuleProblem(module);
    if (problem) return [{ code: ErrorCodes.input, message: `addParsedModule: ${problem}` }];
    this.entries.set(module.file, { file: module.file, source: module.source, module, errors: [] });
    this.policy = undefined;
    this.annotationCache = undefined;
    return [];
  }

  /** Removes a module by file name (invalidates the compiled policy). */
  removeModule(file: string): void {
    this.entries.delete(file);
    this.v0Files.delete(file);
    this.policy = undefined;
    this.annotationCache = undefined;
  }

  /** Parsed modules, in the order they were added. */
  modules(): Module[] {
    return [...this.entries.values()].flatMap((e) => (e.module ? [e.module] : []));
  }

  /** Merges a JSON-like value into the base `data` document at `path` (default: the root). */
  addData(value: unknown, path: string[] = []): Diagnostic[] {
    const v = fromJS(value);
    if (v === undefined) return [{ code: ErrorCodes.input, message: 'data must be JSON-like (null, booleans, numbers, strings, arrays, objects)' }];
    if (path.length === 0 && !isObject(v)) return [{ code: ErrorCodes.input, message: 'data at the root must be an object' }];
    this.data = mergeAt(this.data, path, v);
    this.policy = undefined;
    return [];
  }

  /** Compiles all modules; returns every parse and compile error (empty when ready). */
  compile(): Diagnostic[] {
    const sources = new Map([...this.entries.values()].map((e) => [e.file, e.source]));
    const parseErrors = [...this.entries.values()].flatMap((e) => e.errors);
    if (parseErrors.length) return parseErrors;
    let annotationErrors: Diagnostic[];
    let compiled: ReturnType<typeof compileModules>;
    try {
      // Malformed METADATA is a parse error, as in OPA; it is reported with the compile errors.
      annotationErrors = this.annotations().errors;
      compiled = compileModules(this.modules(), this.registry, {
        allowDeprecatedBuiltins: this.options.allowDeprecatedBuiltins === true || this.v0Files.size > 0,
        ...(this.options.allowedBuiltins ? { allowedBuiltins: this.options.allowedBuiltins } : {}),
      });
    } catch (e) {
      // Only an AST that no parse produced (see addParsedModule) gets here; callers still get a value.
      this.policy = undefined;
      return [{ code: ErrorCodes.compile, message: `internal compiler error: ${e instanceof Error ? e.message : String(e)}` }];
    }
    const { policy, errors } = compiled;
    if (errors.length || annotationErrors.length) {
      this.policy = undefined;
      return [...annotationErrors, ...errors.map((e) => toDiag(e, sources))];
    }
    this.policy = policy;
    this.planner = new Planner();
    this.evaluator = new RuleEvaluator(this.planner, policy.tree);
    this.planner.rules = this.evaluator;
    bindAnnotationModules(this.evaluator, policy.modules);
    return [];
  }

  /** METADATA annotations of all modules, by scope, with their parse and attachment errors. */
  annotations(): AnnotationSet {
    // Parsed once per set of modules (the YAML of every METADATA block is not free).
    this.annotationCache ??= buildAnnotationSet(this.modules());
    return this.annotationCache;
  }

  /** Compiles a query against the current policy (compiling the policy first if needed). */
  prepare(query: string): { query?: PreparedQuery; errors: Diagnostic[] } {
    if (!this.policy) {
      const errs = this.compile();
      if (errs.length) return { errors: errs };
    }
    const parsed = parseQuery(query, 'query', { experimentalLogic: true });
    if (!parsed.body) return { errors: parsed.errors };
    return this.prepareBody(parsed.body, query);
  }

  /**
   * Prepares `variable := data["p1"]["p2"]…` (rows `{[variable]: value}`), the same as `prepare`
   * with that text but without the query parser, which costs ~150 ms to build on first use: with
   * modules added by `addParsedModule`, a caller that only reads documents by path never builds it.
   */
  prepareRef(path: readonly string[], variable = 'x'): { query?: PreparedQuery; errors: Diagnostic[] } {
    const { body, text } = dataRefQuery(path, variable, 'query');
    return this.prepareBody(body, text);
  }

  private prepareBody(body: Body, text: string): { query?: PreparedQuery; errors: Diagnostic[] } {
    if (!this.policy) {
      const errs = this.compile();
      if (errs.length) return { errors: errs };
    }
    const { query: cq, errors } = compileQuery(body, this.policy!);
    if (!cq) return { errors: errors.map((e) => toDiag(e, new Map([['query', text]]))) };
    const fn = this.planner!.body(cq.body);
    return { query: new PreparedQuery(cq, fn, this.data, this.evaluator!), errors: [] };
  }

  /** The compiled policy (for tools such as the test runner and inspect). */
  compiled(): CompiledPolicy | undefined {
    return this.policy;
  }
}

/** Why `m` is not the outline of a parsed module, or undefined when it is. */
function parsedModuleProblem(m: unknown): string | undefined {
  if (typeof m !== 'object' || m === null) return 'expected a parsed module (an object)';
  const r = m as Record<string, unknown>;
  if (typeof r['file'] !== 'string' || typeof r['source'] !== 'string') return 'a parsed module has string `file` and `source`';
  const pkg = r['package'] as Record<string, unknown> | null | undefined;
  if (typeof pkg !== 'object' || pkg === null || typeof pkg['path'] !== 'object' || pkg['path'] === null) return `${r['file']}: no package clause`;
  for (const k of ['imports', 'rules', 'comments', 'annotations']) if (!Array.isArray(r[k])) return `${r['file']}: \`${k}\` is not an array`;
  const rules = r['rules'] as unknown[];
  if (rules.some((x) => typeof x !== 'object' || x === null || typeof (x as Rule).head !== 'object' || !Array.isArray((x as Rule).body))) return `${r['file']}: malformed rule`;
  return undefined;
}

/** A compiled, planned query; `evaluate` reuses it for any number of inputs without recompiling. */
export class PreparedQuery {
  constructor(
    private readonly cq: CompiledQuery,
    private readonly fn: ExprFn,
    private readonly data: Value,
    private readonly evaluator: RuleEvaluator,
  ) {}

  /** Output variable names of the query. */
  get variables(): string[] {
    return this.cq.outputs.map(([n]) => n);
  }

  /** Evaluates the query; `input` undefined means no input document. */
  evaluate(input?: unknown, options: EvalOptions = {}): EvalResult {
    // Inputs are used in place (never copied): callers pass JSON-like values (see docs/embedding.md).
    const inputValue = input as Value | undefined;
    const limits: Limits = {
      timeoutMs: options.timeoutMs ?? DEFAULT_LIMITS.timeoutMs,
      maxSteps: options.maxSteps ?? DEFAULT_LIMITS.maxSteps,
      maxDepth: options.maxDepth ?? DEFAULT_LIMITS.maxDepth,
      maxMemoryBytes: options.maxMemoryBytes ?? DEFAULT_LIMITS.maxMemoryBytes,
      signal: options.signal,
    };
    if (options.cancelFlag) limits.cancelFlag = options.cancelFlag;
    if (limits.maxMemoryBytes > 0) {
      const probe = options.platform?.heapUsed ?? processHeapUsed();
      if (probe) limits.heapUsed = probe;
    }
    // `run` is created below; the host is only called during evaluation, when it exists.
    const annotations = () => annotationSetFor(this.evaluator, () => modulesOfTree(this.evaluator.tree));
    const host: BuiltinHost = {
      metadataChain: (): Value => (run.currentRule ? metadataChainValue(annotations(), run.currentRule.module, run.currentRule.rule) : []),
      metadataRule: (): Value => (run.currentRule ? metadataRuleValue(annotations(), run.currentRule.module, run.currentRule.rule) : {}),
      parseModule: (file, source) => parseModuleValue(file, source),
      runtime: (): Value => (options.capabilities?.env ? { env: { ...options.capabilities.env } } : {}),
    };
    const bctx: BuiltinContext = {
      nowNs: options.nowNs ?? BigInt(Date.now()) * 1_000_000n,
      capabilities: { network: options.capabilities?.network ?? false, env: options.capabilities?.env ?? null },
      platform: options.platform ?? {},
      queryCache: new Map(),
      print: options.print ?? (() => {}),
      host,
      reserve: (bytes) => run.reserve(bytes),
      remainingMs: () => run.remainingMs(),
    };
    const run = new Run(limits, options.strictBuiltinErrors ?? false, bctx, this.data);
    run.coverage = options.coverage;
    run.tracer = options.tracer;
    const overlays = (options.dataOverrides ?? []).map((o) => ({ path: o.path, value: o.value as Value }));
    run.overridePaths = overlays.map((o) => o.path);
    run.immutableInput = options.immutableInput ?? false;
    const ctx = new Ctx(run, inputValue, overlays.length ? overlays : null, null, true);
    const rows: Row[] = [];
    const frame: (Value | undefined)[] = new Array(this.cq.nslots);
    const outputs = this.cq.outputs;
    try {
      if (limits.signal?.aborted || (limits.cancelFlag && Atomics.load(limits.cancelFlag, 0) !== 0)) throw new PalisadeError(ErrorCodes.evalCancel, 'evaluation cancelled');
      this.fn(ctx, frame, () => {
        const row: Row = {};
        for (const [name, slot] of outputs) {
          const v = frame[slot];
          if (v !== undefined) row[name] = v;
        }
        rows.push(row);
        return false;
      });
    } catch (e) {
      return { rows, error: failure(e), builtinErrors: run.builtinErrors.map((x) => x.toDiagnostic()) };
    }
    return { rows, builtinErrors: run.builtinErrors.map((x) => x.toDiagnostic()) };
  }
}

/** Heap probe where the runtime has `process.memoryUsage` (Node, Deno, Bun); none in browsers. */
function processHeapUsed(): ((collect: boolean) => number) | undefined {
  const p = (globalThis as { process?: { memoryUsage?: () => { heapUsed: number } } }).process;
  const usage = p?.memoryUsage;
  return typeof usage === 'function' ? () => usage.call(p).heapUsed : undefined;
}

function mergeAt(base: Value, path: string[], v: Value): Value {
  if (path.length === 0) return deepMerge(base, v);
  const [head, ...rest] = path;
  const out: PlainObject = Object.create(null);
  if (isObject(base)) for (const [k, x] of objectEntries(base)) out[k as string] = x;
  out[head] = mergeAt(isObject(base) ? (objectGet(base as ObjectValue, head) ?? Object.create(null)) : Object.create(null), rest, v);
  return out;
}

function deepMerge(a: Value, b: Value): Value {
  if (!isObject(a) || !isObject(b)) return b;
  const out: PlainObject = Object.create(null);
  for (const [k, x] of objectEntries(a)) out[k as string] = x;
  for (const [k, x] of objectEntries(b)) {
    const prev = out[k as string];
    out[k as string] = prev === undefined ? x : deepMerge(prev, x);
  }
  return out;
}
