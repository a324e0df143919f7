/**
 * `scan()`: evaluates policies over input documents and returns findings. No file system here
 * (documents and file texts come in), so it runs in browsers; the stdlib's policy files come from
 * `stdlibBundle`, else from a provider registered with `setDefaultStdlib`, else from the entry's
 * own (each entry exports `scan`/`createScanner` bound to its bundle by `withStdlib`; importing
 * the package registers nothing).
 *
 * Cost model: the policy set is compiled once and one query per (package, rule) is prepared
 * once; each document then costs one evaluation per applicable rule (plus one per package with
 * `exception` rules). Per-document facts travel as `dataOverrides`, never as recompiled data.
 */
import { Engine, RSet, type Capabilities, type Diagnostic, type EngineOptions, type EvalOptions, type Location as PolicyLocation, type Module, type Platform, type PreparedQuery, type RegoVersion, type Tracer } from '@palisade/engine';
import { combinedInput, combinedOrder, conftestFile, problematicIf, documentInput, exceptionName, exceptionNames, wantsTrivyShape, type DockerfileShape } from './conftest.js';
import { field, locate, resourceOf, resourceStartLine, resultMessage, resultOrigin, snippetOf, splitLines, type Location } from './findings.js';
import type { CheckTally, DocumentKind, Finding, InputDocument, LoadError, PrintOutput, ScanResult, Severity } from './model.js';
import { SEVERITIES } from './model.js';
import type { PolicySource } from './policies.js';
import { appliesTo, DEFAULT_SEVERITY, discoverPolicies, policyIdFor, selectPolicies, type Policy, type PolicyRule, type Profile } from './policy-set.js';
import { isLibrary, librariesToCompile } from './library-closure.js';
import { ruleShapeProblems, selectionProblem } from './policy-problems.js';
import { stdlibBuiltins } from './result-builtin.js';
import { applyTrivyBuiltins, type TrivyBuiltinsMode } from './trivy-builtins.js';
import { assembleResult, MAX_PRINT_CHARS, MAX_PRINTS } from './scan-result.js';
import { configWaiverFor, inlineWaiverFor, isoDay, parseInlineWaivers, type ConfigWaiver } from './waivers.js';

/** The stdlib's policies and default data, as plain values. */
export interface StdlibBundle {
  policies: PolicySource[];
  data: unknown[];
  /**
   * Ahead-of-time parses of `policies` (the Node entry reads the build's cache), given the file
   * name the scanner adds the policy under; a policy without one is parsed from its source.
   */
  parsed?: (policy: PolicySource, file: string) => Module | undefined;
}

let defaultStdlib: (() => StdlibBundle) | undefined;
let defaultStdlibCache: StdlibBundle | undefined;

/**
 * Registers where `scan()` finds the stdlib when `stdlibBundle` is not given, in place of the
 * entry's own bundle (an embedder shipping its own policy set). Nothing calls it on import.
 */
export function setDefaultStdlib(provider: () => StdlibBundle): void {
  defaultStdlib = provider;
  defaultStdlibCache = undefined;
}

/** Options of `scan()` / `createScanner()`: which policies and data, selection, waivers, limits and file texts. */
export interface ScanOptions {
  /** User policies (`-p`). When given, only they run unless `stdlib` is true. */
  policies?: PolicySource[];
  /** Rego version the user policies are read as (default v1); the stdlib's own policies are always v1. */
  regoVersion?: RegoVersion;
  /** Run the standard library; default: true when `policies` is empty. */
  stdlib?: boolean;
  stdlibBundle?: StdlibBundle;
  /** Data documents merged into `data` at the root (`-d`). */
  data?: unknown[];
  /** Overrides of `data.palisade.config` (palisade.yaml `config:`). */
  config?: Record<string, unknown>;
  /** Namespace globs for user policies (default `main`); when given they filter the stdlib too. */
  namespaces?: string[];
  allNamespaces?: boolean;
  /** conftest `--combine`: user policies get one input, `[{path, contents}]` of every file. */
  combine?: boolean;
  profile?: Profile;
  waivers?: ConfigWaiver[];
  /** Honour `# palisade:ignore` comments (default true; needs `sources`). */
  inlineWaivers?: boolean;
  strictBuiltinErrors?: boolean;
  /** Budget per evaluation (one rule on one document), in ms; 0 = none. Default `DEFAULT_SCAN_TIMEOUT_MS`. */
  timeoutMs?: number;
  /**
   * Heap one evaluation (one rule on one document) may grow by, in bytes; 0 = none (the default).
   * Exceeding it is an `eval_memory_error` of that rule and document; the rest of the scan goes on.
   * Heap readings come from `platform.heapUsed`, else `process.memoryUsage()` where it exists.
   */
  maxMemoryBytes?: number;
  /**
   * Kinds of the documents that will be scanned, when known up front: stdlib policies for other
   * kinds are skipped at compile time (helper libraries are always loaded). Undefined: all.
   */
  documentKinds?: readonly DocumentKind[];
  /**
   * OPA capabilities (conftest `--capabilities`): the builtins user policies may call; a call to
   * another is the compile error `undefined function NAME`. The stdlib's own policies are not held
   * to it. Undefined: every builtin.
   */
  allowedBuiltins?: string[];
  /** Opt-in capabilities for policies (network for `http.send`, environment for `opa.runtime`); all off by default. */
  capabilities?: Partial<Capabilities>;
  /** Platform services behind the capabilities (e.g. an HTTP client); required for network access. */
  platform?: Platform;
  dockerfileShape?: DockerfileShape;
  /** Trivy's custom builtins: `auto` (default) turns them on when a user policy is Trivy-style (see trivy-builtins.ts). */
  trivyBuiltins?: TrivyBuiltinsMode;
  /** File path → text: snippets and inline waivers. */
  sources?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /** Directory that relative paths are relative to (for `data.conftest.file.dir`). */
  root?: string;
  /** Today, for waiver expiry (default: now). */
  now?: Date;
  engine?: EngineOptions;
  /**
   * `--trace`: called before each evaluation with its query (`data.main.deny`) and the document's
   * path (`Combined` for a `--combine` run); a tracer it returns receives that evaluation's events
   * (see the engine's eval/trace.ts). A function: it does not cross to worker threads.
   */
  trace?: (query: string, path: string) => Tracer | undefined;
}

/** Options of one run of a prepared scanner over a set of documents. */
export interface ScanRunOptions {
  /** Files that failed to load; reported in `errors`. */
  loadErrors?: LoadError[];
  /** Number of input files (default: distinct paths). */
  files?: number;
  /** Evaluate only these documents (all documents still form the inventory); for parallel runs. */
  only?: (doc: InputDocument, index: number) => boolean;
  /** Run the `combine` evaluation in this call (default true; parallel runs do it once). */
  runCombined?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** A compiled policy set with its queries prepared once; `scan` runs it over any number of documents. */
export interface Scanner {
  /** The selected policies (after namespace and profile selection). */
  readonly policies: readonly Policy[];
  /** Prepared queries (one per selected rule), for tests and diagnostics. */
  readonly preparedQueries: number;
  scan(documents: readonly InputDocument[], run?: ScanRunOptions): ScanResult;
}

interface PreparedRule {
  rule: PolicyRule;
  query: PreparedQuery;
}

interface PreparedPolicy {
  policy: Policy;
  rules: PreparedRule[];
  exception?: PreparedQuery;
  trivy: boolean;
}

const STDLIB_PREFIX = '@palisade/stdlib/';

/**
 * A CI job should end even when a policy explodes combinatorially (Rego cannot loop forever, but
 * nested iterations can run for hours); a minute per rule and document is far above any real
 * policy's cost. `scan()` and the CLI share it; the engine API itself has no default limit.
 */
export const DEFAULT_SCAN_TIMEOUT_MS = 60_000;

function stdlibBundleOf(opts: ScanOptions, entryStdlib?: () => StdlibBundle): StdlibBundle | undefined {
  if (opts.stdlibBundle) return opts.stdlibBundle;
  if (defaultStdlib) return (defaultStdlibCache ??= defaultStdlib());
  return entryStdlib?.();
}

/**
 * `scan` and `createScanner` that fall back to `provider`'s standard library (read once, when
 * first needed). The Node and browser entries export these, each with its way of reading it.
 */
export function withStdlib(provider: () => StdlibBundle): { scan: typeof scan; createScanner: typeof createScanner } {
  let bundle: StdlibBundle | undefined;
  const entryStdlib = (): StdlibBundle => (bundle ??= provider());
  return {
    scan: (documents, options = {}) => scanWith(documents, options, entryStdlib),
    createScanner: (options = {}) => createScannerWith(options, entryStdlib),
  };
}

/** Compiles the policy set and prepares every rule query once. */
export function createScanner(options: ScanOptions = {}): { scanner?: Scanner; errors: Diagnostic[] } {
  return createScannerWith(options);
}

function createScannerWith(options: ScanOptions, entryStdlib?: () => StdlibBundle): { scanner?: Scanner; errors: Diagnostic[] } {
  const userPolicies = options.policies ?? [];
  const useStdlib = options.stdlib ?? userPolicies.length === 0;
  const stdlibFiles = new Set<string>();
  const engine = new Engine({
    ...options.engine,
    builtins: [...stdlibBuiltins, ...(options.engine?.builtins ?? [])],
    ...(options.allowedBuiltins ? { allowedBuiltins: { names: options.allowedBuiltins, appliesTo: (file: string) => !stdlibFiles.has(file) } } : {}),
  });
  const errors: Diagnostic[] = [];
  if (useStdlib) {
    const bundle = stdlibBundleOf(options, entryStdlib);
    if (!bundle) return { errors: [{ code: 'palisade_input_error', message: 'the standard library is not available here; pass stdlibBundle' }] };
    const kinds = options.documentKinds ? new Set<string>(options.documentKinds) : undefined;
    // Policies for document kinds the scan does not contain are neither parsed nor compiled.
    const kept = kinds ? bundle.policies.filter((p) => appliesToKinds(p, kinds)) : bundle.policies;
    const parsed = new Map(kept.map((p) => [p.file, bundle.parsed?.(p, STDLIB_PREFIX + p.file)]));
    const libraries = kinds && userPolicies.length === 0 ? librariesToCompile(kept, parsed) : undefined;
    for (const p of kept) {
      if (libraries && isLibrary(p) && !libraries.has(p.file)) continue;
      const file = STDLIB_PREFIX + p.file;
      stdlibFiles.add(file);
      const module = parsed.get(p.file);
      if (module) errors.push(...engine.addParsedModule(module));
      else errors.push(...engine.addModule(file, p.source));
    }
    for (const d of bundle.data) errors.push(...engine.addData(d));
  }
  for (const p of userPolicies) errors.push(...engine.addModule(p.file, p.source, p.regoVersion ?? options.regoVersion));
  applyTrivyBuiltins(engine, options.trivyBuiltins, engine.modules().filter((m) => !stdlibFiles.has(m.file)));
  for (const d of options.data ?? []) errors.push(...engine.addData(d));
  if (options.config) errors.push(...engine.addData({ palisade: { config: options.config } }));
  if (errors.length) return { errors };
  errors.push(...engine.compile());
  if (errors.length) return { errors };
  errors.push(...problematicIf(engine.modules().filter((m) => !stdlibFiles.has(m.file))));
  if (errors.length) return { errors };

  const modules = engine.modules();
  const shapeErrors = ruleShapeProblems(modules, stdlibFiles);
  if (shapeErrors.length) return { errors: shapeErrors };
  const discovered = discoverPolicies(modules, stdlibFiles, engine.annotations());
  const selected = selectPolicies(discovered, options);
  // Without the stdlib, user modules are all there is: they must hold a check (with it, they may be libraries).
  const problem = selectionProblem(discovered, selected, userPolicies.map((p) => p.file), options, !useStdlib);
  if (problem) return { errors: [problem] };
  const shape = options.dockerfileShape ?? 'auto';
  const prepared: PreparedPolicy[] = [];
  let count = 0;
  for (const policy of selected) {
    const segs = policy.namespace.split('.');
    const pp: PreparedPolicy = { policy, rules: [], trivy: wantsTrivyShape(policy.stdlib, policy.metadata?.trivyStyle ?? false, shape) };
    for (const rule of policy.rules) {
      const q = engine.prepareRef([...segs, rule.name]);
      if (!q.query) return { errors: q.errors };
      pp.rules.push({ rule, query: q.query });
      count++;
    }
    if (policy.hasException) {
      const q = engine.prepareRef([...segs, 'exception']);
      if (!q.query) return { errors: q.errors };
      pp.exception = q.query;
    }
    prepared.push(pp);
  }
  const scanner: Scanner = {
    policies: selected,
    preparedQueries: count,
    scan: (documents, run = {}) => runScan(prepared, options, documents, run),
  };
  return { scanner, errors: [] };
}

const INPUT_LINE = /^#\s+input:\s*\[([^\]]*)\]/m;

/**
 * Whether a stdlib policy file may apply to one of `kinds`, from its METADATA `custom.input` line
 * (stdlib convention: `#   input: [kind, …]`). Libraries and files without that line are kept.
 */
function appliesToKinds(p: PolicySource, kinds: Set<string>): boolean {
  if (isLibrary(p)) return true;
  const m = INPUT_LINE.exec(p.source);
  if (!m) return true;
  return m[1].split(',').some((k) => kinds.has(k.trim()));
}

/** Scans documents; compile errors of the policies are reported as errors of their files. */
export function scan(documents: readonly InputDocument[], options: ScanOptions & ScanRunOptions = {}): ScanResult {
  return scanWith(documents, options);
}

function scanWith(documents: readonly InputDocument[], options: ScanOptions & ScanRunOptions, entryStdlib?: () => StdlibBundle): ScanResult {
  const { scanner, errors } = createScannerWith(options, entryStdlib);
  if (!scanner) {
    const loadErrors = [...(options.loadErrors ?? []), ...errors.map(diagnosticAsError)];
    return assembleResult([], loadErrors, { documents: documents.length, policies: 0, waivers: options.waivers, now: options.now, files: options.files, paths: documents.map((d) => d.path) });
  }
  return scanner.scan(documents, options);
}

/** A policy diagnostic in the LoadError shape (path = policy file). */
export function diagnosticAsError(d: Diagnostic): LoadError {
  const e: LoadError = { path: d.location?.file ?? '(policies)', message: d.message, code: d.code };
  if (d.location && d.location.row >= 1) {
    e.line = d.location.row;
    if (d.location.col >= 1) e.column = d.location.col;
  }
  return e;
}

class Sources {
  private readonly lines = new Map<string, string[] | null>();
  private readonly inline = new Map<string, ReturnType<typeof parseInlineWaivers>>();
  constructor(private readonly src: ScanOptions['sources']) {}

  linesOf(path: string): string[] | undefined {
    let l = this.lines.get(path);
    if (l === undefined) {
      const text = this.src instanceof Map ? this.src.get(path) : this.src ? Object.prototype.hasOwnProperty.call(this.src, path) ? (this.src as Record<string, string>)[path] : undefined : undefined;
      l = typeof text === 'string' ? splitLines(text) : null;
      this.lines.set(path, l);
    }
    return l ?? undefined;
  }

  inlineOf(path: string, lines: string[]): ReturnType<typeof parseInlineWaivers> {
    let w = this.inline.get(path);
    if (!w) this.inline.set(path, (w = parseInlineWaivers(lines)));
    return w;
  }
}

/** The results of one rule value: a set's members, an array's items, or the value itself. */
function resultsOf(value: unknown): unknown[] {
  if (value === undefined || value === false || value === null) return [];
  if (value instanceof RSet) return value.sorted();
  if (Array.isArray(value)) return value;
  return [value];
}

function resultSeverity(result: unknown): Severity | undefined {
  const s = field(result, 'severity');
  const up = typeof s === 'string' ? s.toUpperCase() : undefined;
  return SEVERITIES.includes(up as Severity) ? (up as Severity) : undefined;
}

interface Collector {
  findings: Finding[];
  errors: LoadError[];
  checks: CheckTally[];
  prints: PrintOutput[];
  printsOmitted: number;
}

/** A `print` sink that records lines for one document (bounded: `MAX_PRINTS`, `MAX_PRINT_CHARS`). */
function printSink(out: Collector, file: string, index: number): (message: string, loc?: PolicyLocation) => void {
  return (message, loc) => {
    if (out.prints.length >= MAX_PRINTS) {
      out.printsOmitted++;
      return;
    }
    const text = message.length > MAX_PRINT_CHARS ? `${message.slice(0, MAX_PRINT_CHARS)}… (${message.length - MAX_PRINT_CHARS} more characters)` : message;
    out.prints.push({ file, index, policyFile: loc?.file ?? '', line: loc?.row ?? 0, message: text });
  };
}

/** The evaluation options of one query, with the caller's tracer for it when tracing. */
function traced<T extends EvalOptions>(opts: T, trace: ScanOptions['trace'], query: string, path: string): T {
  const tracer = trace?.(query, path);
  return tracer ? { ...opts, tracer } : opts;
}

/**
 * conftest's count of passed tests for one policy on one input: a test per rule definition; a
 * rule name without results passes once, and when there are more definitions than results,
 * the rest passed too (policy/engine.go `check`).
 */
function successesOf(definitions: number, empty: number, results: number, exceptions: number): number {
  return Math.max(empty, definitions - results - exceptions);
}

function runScan(prepared: PreparedPolicy[], options: ScanOptions, documents: readonly InputDocument[], run: ScanRunOptions): ScanResult {
  const out: Collector = { findings: [], errors: [...(run.loadErrors ?? [])], checks: [], prints: [], printsOmitted: 0 };
  const sources = new Sources(options.sources);
  const today = isoDay(options.now ?? new Date());
  const inventory = documents.map((d) => ({ path: d.path, kind: d.kind, index: d.index, value: d.value }));
  const evalOpts = {
    strictBuiltinErrors: options.strictBuiltinErrors ?? false,
    timeoutMs: options.timeoutMs ?? DEFAULT_SCAN_TIMEOUT_MS,
    maxMemoryBytes: options.maxMemoryBytes ?? 0,
    // Documents are never mutated during a scan: helper rules are computed once per document.
    immutableInput: true,
    ...(options.capabilities ? { capabilities: options.capabilities } : {}),
    ...(options.platform ? { platform: options.platform } : {}),
  };
  const inventoryOverride = { path: ['palisade', 'inventory'], value: inventory };
  const combine = options.combine === true;

  const emit = (pp: PreparedPolicy, pr: PreparedRule, result: unknown, doc: InputDocument, loc: Location): void => {
    out.findings.push(buildFinding(pp.policy, pr.rule, result, doc, loc, sources, options, today));
  };
  const evalError = (pp: PreparedPolicy, pr: PreparedRule | undefined, path: string, d: Diagnostic): void => {
    out.errors.push({ path, code: d.code, message: evalErrorMessage(pp.policy, pr?.rule, d) });
  };

  const total = documents.length;
  documents.forEach((doc, i) => {
    if (run.only && !run.only(doc, i)) return;
    const overrides = [
      inventoryOverride,
      { path: ['palisade', 'document'], value: { path: doc.path, kind: doc.kind, index: doc.index } },
      { path: ['conftest', 'file'], value: conftestFile(doc.path, options.root) },
    ];
    const opts = { ...evalOpts, dataOverrides: overrides, print: printSink(out, doc.path, doc.index) };
    for (const pp of prepared) {
      if (combine && !pp.policy.stdlib) continue;
      if (!appliesTo(pp.policy, doc.kind)) continue;
      const input = documentInput(doc, pp.trivy);
      let excepted: Set<string> | undefined;
      if (pp.exception) {
        const r = pp.exception.evaluate(input, traced(opts, options.trace, `data.${pp.policy.namespace}.exception`, doc.path));
        if (r.error) evalError(pp, undefined, doc.path, r.error);
        else excepted = exceptionNames(r.rows[0]?.['x']);
      }
      const tally = { empty: 0, results: 0, exceptions: [] as string[] };
      for (const pr of pp.rules) {
        if (excepted?.has(exceptionName(pr.rule.name))) {
          tally.exceptions.push(exceptionName(pr.rule.name));
          continue;
        }
        const r = pr.query.evaluate(input, traced(opts, options.trace, `data.${pp.policy.namespace}.${pr.rule.name}`, doc.path));
        if (r.error) {
          evalError(pp, pr, doc.path, r.error);
          continue;
        }
        const results = resultsOf(r.rows[0]?.['x']);
        if (results.length === 0) tally.empty++;
        tally.results += results.length;
        for (const result of results) emit(pp, pr, result, doc, locate(doc, result));
      }
      if (!pp.policy.stdlib) {
        const successes = successesOf(pp.policy.definitions ?? pp.rules.length, tally.empty, tally.results, tally.exceptions.length);
        out.checks.push({ file: doc.path, namespace: pp.policy.namespace, successes, exceptions: tally.exceptions });
      }
    }
    run.onProgress?.(i + 1, total);
  });

  if (combine && run.runCombined !== false && documents.length > 0) {
    runCombined(prepared, documents, inventoryOverride, { ...evalOpts, print: printSink(out, 'Combined', 0) }, options.trace, emit, evalError, out.checks);
  }

  return assembleResult(out.findings, out.errors, {
    files: run.files,
    paths: documents.map((d) => d.path),
    documents: documents.length,
    policies: prepared.length,
    waivers: options.waivers,
    now: options.now,
    checks: out.checks,
    prints: out.prints,
    printsOmitted: out.printsOmitted,
  });
}

/**
 * An evaluation error of one policy rule on one document, as the run reports it: the policy id,
 * where in the policy (the error's location, else the policy's files), the cause, and what it
 * cost, since Rego gives no partial results for a rule that errs.
 */
export function evalErrorMessage(policy: Policy, rule: PolicyRule | undefined, d: Diagnostic): string {
  const name = `${policy.namespace}.${rule ? rule.name : 'exception'}`;
  const id = rule ? policyIdFor(policy, rule) : name;
  const loc = d.location;
  const where = loc && loc.row > 0 && loc.file ? `${loc.file}:${loc.row}:${loc.col}` : policy.files.join(', ');
  const lost = rule ? `no ${rule.name} results of ${id} are reported for this input` : `the exceptions of ${policy.namespace} are not applied to this input`;
  return `${id}${id === name ? '' : ` (${name})`}${where ? ` in ${where}` : ''}: ${d.message}; ${lost}`;
}

function runCombined(
  prepared: PreparedPolicy[],
  documents: readonly InputDocument[],
  inventoryOverride: { path: string[]; value: unknown },
  evalOpts: { strictBuiltinErrors: boolean; timeoutMs: number; maxMemoryBytes: number; immutableInput: boolean; capabilities?: Partial<Capabilities>; platform?: Platform; print: EvalOptions['print'] },
  trace: ScanOptions['trace'],
  emit: (pp: PreparedPolicy, pr: PreparedRule, result: unknown, doc: InputDocument, loc: Location) => void,
  evalError: (pp: PreparedPolicy, pr: PreparedRule | undefined, path: string, d: Diagnostic) => void,
  checks: CheckTally[],
): void {
  const ordered = combinedOrder(documents);
  const inputs = new Map<boolean, ReturnType<typeof combinedInput>>();
  const opts = { ...evalOpts, dataOverrides: [inventoryOverride] };
  for (const pp of prepared) {
    if (pp.policy.stdlib) continue;
    let input = inputs.get(pp.trivy);
    if (!input) inputs.set(pp.trivy, (input = combinedInput(documents, pp.trivy)));
    let excepted: Set<string> | undefined;
    if (pp.exception) {
      const r = pp.exception.evaluate(input, traced(opts, trace, `data.${pp.policy.namespace}.exception`, 'Combined'));
      if (r.error) evalError(pp, undefined, '(combined)', r.error);
      else excepted = exceptionNames(r.rows[0]?.['x']);
    }
    const tally = { empty: 0, results: 0, exceptions: [] as string[] };
    for (const pr of pp.rules) {
      if (excepted?.has(exceptionName(pr.rule.name))) {
        tally.exceptions.push(exceptionName(pr.rule.name));
        continue;
      }
      const r = pr.query.evaluate(input, traced(opts, trace, `data.${pp.policy.namespace}.${pr.rule.name}`, 'Combined'));
      if (r.error) {
        evalError(pp, pr, '(combined)', r.error);
        continue;
      }
      const results = resultsOf(r.rows[0]?.['x']);
      if (results.length === 0) tally.empty++;
      tally.results += results.length;
      for (const result of results) {
        const { doc, loc } = locateCombined(documents, ordered, result);
        emit(pp, pr, result, doc, loc);
      }
    }
    // conftest reports a combined run under the file name "Combined".
    checks.push({ file: 'Combined', namespace: pp.policy.namespace, successes: successesOf(pp.policy.definitions ?? pp.rules.length, tally.empty, tally.results, tally.exceptions.length), exceptions: tally.exceptions });
  }
}

/**
 * A combined-input result's document: the one holding `cause` (identity), else the entry named
 * by a `path` of the form `[i, "contents", …]`, else the first document with the whole-file range.
 */
function locateCombined(documents: readonly InputDocument[], ordered: readonly InputDocument[], result: unknown): { doc: InputDocument; loc: Location } {
  const cause = field(result, 'cause');
  if (cause !== null && typeof cause === 'object') {
    for (const doc of documents) {
      const range = doc.sourceMap.rangeOfValue(cause);
      if (range) return { doc, loc: { range, path: doc.sourceMap.pathOfValue(cause), cause, via: 'cause' } };
    }
  }
  const rawPath = field(result, 'path');
  if (Array.isArray(rawPath) && typeof rawPath[0] === 'number' && rawPath[1] === 'contents') {
    const doc = ordered[rawPath[0]];
    if (doc) {
      const rest = rawPath.slice(2) as (string | number)[];
      const range = doc.sourceMap.rangeOfPath(rest) ?? doc.range;
      return { doc, loc: { range, path: rest, via: 'path' } };
    }
  }
  const doc = documents[0]!;
  return { doc, loc: locate(doc, result) };
}

function buildFinding(
  policy: Policy,
  rule: PolicyRule,
  result: unknown,
  doc: InputDocument,
  loc: Location,
  sources: Sources,
  options: ScanOptions,
  today: string,
): Finding {
  const meta = policy.metadata;
  const f: Finding = {
    policyId: policyIdFor(policy, rule),
    title: meta?.title ?? `${policy.namespace}.${rule.name}`,
    severity: resultSeverity(result) ?? meta?.severity ?? DEFAULT_SEVERITY[rule.kind],
    status: rule.kind === 'warn' ? 'warn' : 'fail',
    message: resultMessage(result),
    file: doc.path,
    startLine: loc.range.startLine,
    endLine: loc.range.endLine,
    references: meta?.references ?? [],
    related: meta?.related ?? [],
    namespace: policy.namespace,
    rule: rule.name,
  };
  if (meta?.description) f.description = meta.description;
  if (meta?.remediation) f.remediation = meta.remediation;
  const origin = resultOrigin(result);
  if (origin) f.origin = origin;
  const resource = resourceOf(doc, loc);
  if (resource) f.resource = resource;
  const lines = sources.linesOf(doc.path);
  if (lines) {
    const snippet = snippetOf(lines, loc.range);
    if (snippet) f.snippet = snippet;
    if (options.inlineWaivers !== false) {
      const w = inlineWaiverFor(f, lines, sources.inlineOf(doc.path, lines), resourceStartLine(doc, loc));
      if (w) {
        f.status = 'waived';
        f.waiver = w;
        return f;
      }
    }
  }
  const w = configWaiverFor(f, options.waivers ?? [], today);
  if (w) {
    f.status = 'waived';
    f.waiver = w;
  }
  return f;
}
