/**
 * The policy test runner: every rule named `test_*` is a test (it passes when it evaluates to a
 * defined value other than `false`); `todo_test_*` rules are reported as skipped. Used by
 * `palisade test` and the stdlib's own checks.
 */
import type { Engine, EvalOptions } from '../api.js';
import type { Tracer } from '../eval/trace.js';
import { ErrorCodes, type Diagnostic } from '../errors.js';

/** A `test_*` (or `todo_test_*`) rule found in the compiled policy. */
export interface TestCase {
  /** Package path, e.g. `palisade.dockerfile.user_test`. */
  pkg: string;
  name: string;
  file: string;
  row: number;
  todo: boolean;
}

/** The outcome of one test rule: status, duration, error and captured `print` output. */
export interface TestResult extends TestCase {
  status: 'pass' | 'fail' | 'error' | 'skip';
  durationMs: number;
  /** Evaluation error (conflict, timeout, strict builtin error…) for status `error`. */
  error?: Diagnostic;
  /** `print` output captured while the test ran. */
  output: string[];
  /**
   * Builtin errors that made calls undefined while the test ran (non-strict mode), e.g. a
   * malformed timestamp given to `time.parse_rfc3339_ns`: often the reason a test fails.
   */
  builtinErrors: Diagnostic[];
}

/** Options of `runTests`: name filter, per-test timeout, progress callback and evaluation options. */
export interface TestOptions {
  /** Only tests whose `pkg.name` matches. */
  filter?: RegExp;
  timeoutMs?: number;
  /** Called after each test (for streaming output). */
  onResult?: (r: TestResult) => void;
  evalOptions?: EvalOptions;
  /** Called before each test runs; a tracer it returns receives that test's trace events (`--trace`). */
  tracer?: (test: TestCase) => Tracer | undefined;
}

/** Lists the test rules of the engine's compiled policy (empty when it is not compiled). */
export function discoverTests(engine: Engine): TestCase[] {
  const policy = engine.compiled();
  if (!policy) return [];
  const out: TestCase[] = [];
  for (const rs of policy.ruleSets) {
    const name = rs.path[rs.path.length - 1];
    const todo = name.startsWith('todo_test_');
    if (!todo && !name.startsWith('test_')) continue;
    if (rs.kind === 'function') continue;
    const def = rs.defs[0] ?? rs.defaultDef!;
    out.push({ pkg: def.pkg.join('.'), name: rs.path.slice(def.pkg.length).join('.'), file: def.loc.file, row: def.loc.row, todo });
  }
  return out.sort((a, b) => (a.file === b.file ? a.row - b.row : a.file < b.file ? -1 : 1));
}

function refText(pkg: string, name: string): string {
  return 'data' + [...pkg.split('.'), ...name.split('.')].map((s) => `[${JSON.stringify(s)}]`).join('');
}

/** Runs the test rules of the engine's compiled policy and returns one result per test. */
export function runTests(engine: Engine, opts: TestOptions = {}): TestResult[] {
  const results: TestResult[] = [];
  for (const t of discoverTests(engine)) {
    if (opts.filter && !opts.filter.test(`${t.pkg}.${t.name}`)) continue;
    const output: string[] = [];
    let r: TestResult;
    if (t.todo) r = { ...t, status: 'skip', durationMs: 0, output, builtinErrors: [] };
    else {
      const start = performance.now();
      const prepared = engine.prepare(`__palisade_test__ = ${refText(t.pkg, t.name)}`);
      if (!prepared.query) {
        r = { ...t, status: 'error', durationMs: 0, error: prepared.errors[0] ?? { code: ErrorCodes.compile, message: 'cannot prepare test' }, output, builtinErrors: [] };
      } else {
        const tracer = opts.tracer?.(t);
        const res = prepared.query.evaluate(undefined, {
          ...opts.evalOptions,
          ...(tracer ? { tracer } : {}),
          timeoutMs: opts.timeoutMs ?? opts.evalOptions?.timeoutMs ?? 0,
          print: (m) => output.push(m),
        });
        const durationMs = performance.now() - start;
        const builtinErrors = res.builtinErrors;
        if (res.error) r = { ...t, status: 'error', durationMs, error: res.error, output, builtinErrors };
        else {
          const v = res.rows[0]?.__palisade_test__;
          r = { ...t, status: v !== undefined && v !== false ? 'pass' : 'fail', durationMs, output, builtinErrors };
        }
      }
    }
    opts.onResult?.(r);
    results.push(r);
  }
  return results;
}
