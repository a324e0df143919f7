import {
  Engine,
  codeFrame,
  coverageReport,
  formatDiagnostic,
  rangesText,
  runTests,
  testSleepBuiltin,
  toRegoText,
  type CoverageReport,
  type Diagnostic,
  type Location,
  type TestCase,
  type TestResult,
  type Value,
} from '@palisade/engine';
import { relative } from 'node:path';
import { applyTrivyBuiltins, stdlibBuiltins } from '@palisade/stdlib';
import { trivyBuiltinsMode, TRIVY_BUILTINS_OPTION } from '../trivy-option.js';
import { EXIT, textOrJson, defineCommand, type CommandIO, type OptionSpec } from '../command.js';
import type { OptionsOf } from '../options.js';
import { capabilityOptions } from '../platform-node.js';
import { printDiagnostics } from '../diagnostics.js';
import { collectTrace, sourceLine, traceWriter } from '../toolchain/explain.js';
import { findFiles, loadInto, printSkipped, type Found } from '../toolchain/files.js';
import { printConftestVerify, printTestTable, printTestTap } from '../toolchain/conftest-verify.js';
import { REGO_VERSION_OPTIONS, regoVersionOf } from '../rego-version.js';
import { matchGlob } from '@palisade/stdlib';
import { addBundlesTo, BUNDLE_OPTIONS, loadBundles } from '../opa-bundle/options.js';
import type { Bundle } from '../opa-bundle/bundle.js';
import { watchPaths } from '../toolchain/watch.js';
import { strictChecks } from '../toolchain/strict.js';

interface Failure {
  /** The test-body expression that had no solution. */
  location: Location;
  source: string;
  /** `1 == 5`: operands of the last false comparison inside that expression, when there is one. */
  compared?: string;
}

const OPERATORS: Record<string, string> = { equal: '==', neq: '!=', lt: '<', lte: '<=', gt: '>', gte: '>=' };

type Reported = TestResult & { failure?: Failure };

/**
 * `--run` matches the qualified name `data.pkg.test_x`, as in `opa test` (the runner passes
 * `pkg.test_x`); `--namespace` globs match the package, as in `conftest verify`.
 */
class TestFilter extends RegExp {
  constructor(
    run: RegExp | undefined,
    private readonly namespaces: readonly string[],
  ) {
    super(run ?? /(?:)/);
  }
  override test(name: string): boolean {
    if (this.namespaces.length) {
      const pkg = name.slice(0, name.lastIndexOf('.'));
      if (!this.namespaces.some((g) => matchGlob(g, pkg, 'name'))) return false;
    }
    return super.test(`data.${name}`);
  }
}

/**
 * The files of a run: the positional paths (policies and data, as `opa test`), or with
 * `--policy`/`--data` (conftest verify) only .rego files from the policy paths and data files
 * from the data paths; positional paths are then not read, and the run says so.
 */
function suiteFiles(args: string[], opts: TestCommandOptions, io: CommandIO): Found {
  const ignore = opts.ignore;
  const policy = opts.policy ?? [];
  const data = opts.data ?? [];
  if (!policy.length && !data.length) return findFiles(args, io.cwd, { withData: true, ignore });
  if (args.length) io.stderr.write(`palisade: test --policy: not reading ${args.join(', ')} (conftest verify ignores file arguments too)\n`);
  const rego = findFiles(policy.length ? policy : ['.'], io.cwd, { withData: false, ignore });
  const found: Found = { rego: rego.rego, data: [], errors: rego.errors, skipped: rego.skipped };
  if (data.length) {
    const d = findFiles(data, io.cwd, { withData: true, ignore });
    found.data = d.data;
    found.errors.push(...d.errors);
    found.skipped.push(...d.skipped);
  }
  return found;
}

function ms(d: number): string {
  return d < 1 ? `${Math.round(d * 1000)}µs` : d < 1000 ? `${d.toFixed(1)}ms` : `${(d / 1000).toFixed(2)}s`;
}

/** Re-runs a failing test with the tracer to find the last expression of its body that failed. */
function locateFailure(engine: Engine, t: TestResult, sources: Map<string, string>): Failure | undefined {
  const mod = engine.modules().find((m) => m.file === t.file);
  const rule = mod?.rules.find((r) => r.loc.row === t.row);
  if (!rule) return undefined;
  const trace = collectTrace(50_000);
  const ref = 'data' + [...t.pkg.split('.'), ...t.name.split('.')].map((s) => `[${JSON.stringify(s)}]`).join('');
  const q = engine.prepare(`__t__ = ${ref}`).query;
  if (!q) return undefined;
  q.evaluate(undefined, { tracer: trace.tracer, timeoutMs: 5000 });
  const inRule = trace.events.filter((e) => e.op === 'fail' && e.loc.file === t.file && e.loc.offset >= rule.loc.offset && e.loc.endOffset <= rule.loc.endOffset);
  const last = inRule[inRule.length - 1];
  if (!last) return undefined;
  const failure: Failure = { location: last.loc, source: sourceLine(sources, last.loc, 200) };
  const inside = trace.events.filter(
    (e) => e.op === 'compare' && e.detail && e.loc.file === last.loc.file && e.loc.offset >= last.loc.offset && e.loc.endOffset <= last.loc.endOffset,
  );
  const cmp = inside[inside.length - 1]?.detail;
  if (cmp && 'args' in cmp && cmp.args.length === 2) {
    const text = (v: Value) => {
      const s = toRegoText(v);
      return s.length > 200 ? s.slice(0, 199) + '…' : s;
    };
    failure.compared = `${text(cmp.args[0])} ${OPERATORS[cmp.op] ?? cmp.op} ${text(cmp.args[1])}`;
  }
  return failure;
}

function printText(results: Reported[], verbose: boolean, io: CommandIO, sources: Map<string, string>, report = false): void {
  const w = (s: string) => io.stdout.write(s + '\n');
  const bad = results.filter((r) => r.status === 'fail' || r.status === 'error');
  // conftest verify --report shows the FAILURES block and then every test.
  if ((!verbose || report) && bad.length) {
    w('FAILURES');
    w('-'.repeat(80));
    for (const r of bad) {
      w(`data.${r.pkg}.${r.name}: ${r.status.toUpperCase()} (${ms(r.durationMs)})`);
      if (r.error) w(`  ${formatDiagnostic(r.error)}`);
      if (r.failure) {
        w(`  ${r.failure.location.file}:${r.failure.location.row}:${r.failure.location.col}: this expression was not satisfied:`);
        const src = sources.get(r.failure.location.file);
        if (src) w(codeFrame(src, r.failure.location, 0).replace(/^/gm, '  '));
        if (r.failure.compared) w(`  compared: ${r.failure.compared} (false)`);
      } else if (!r.error) w(`  ${r.file}:${r.row}: the test rule is undefined or false`);
      // A failed builtin call is undefined (not an error) unless strict: show why it may have failed.
      for (const e of r.builtinErrors) w(`  builtin error (the call was undefined): ${formatDiagnostic(e)}`);
      for (const line of r.output) w(`  ${line}`);
      w('');
    }
    w('SUMMARY');
    w('-'.repeat(80));
  }
  let file = '';
  for (const r of results) {
    if (!verbose && r.status !== 'fail' && r.status !== 'error') continue;
    if (r.file !== file) {
      if (file) w('');
      file = r.file;
      w(`${file}:`);
    }
    const status = r.status === 'skip' ? 'SKIPPED' : r.status.toUpperCase();
    w(`data.${r.pkg}.${r.name}: ${status}${r.status === 'skip' ? '' : ` (${ms(r.durationMs)})`}`);
    if (verbose) {
      if (r.error) w(`  ${formatDiagnostic(r.error)}`);
      if (r.failure) w(`  ${r.failure.location.file}:${r.failure.location.row}: not satisfied: ${r.failure.source}`);
      if (r.output.length) {
        w('');
        for (const line of r.output) w(report ? `  Note ${JSON.stringify(line)}` : `  ${line}`);
        w('');
      }
    }
  }
  if (file) w('-'.repeat(80));
  const n = results.length;
  const count = (s: TestResult['status']) => results.filter((r) => r.status === s).length;
  const parts: [string, number][] = [['PASS', count('pass')], ['FAIL', count('fail')], ['ERROR', count('error')], ['SKIPPED', count('skip')]];
  for (const [label, k] of parts) if (k > 0 || label === 'PASS') w(`${label}: ${k}/${n}`);
}

function printCoverage(report: CoverageReport, io: CommandIO): void {
  const w = (s: string) => io.stdout.write(s + '\n');
  w('');
  w('COVERAGE');
  w('-'.repeat(80));
  const width = Math.max(...report.files.map((f) => f.file.length), 4);
  for (const f of report.files) {
    const uncovered = f.uncoveredRanges.length ? `  not covered: ${rangesText(f.uncoveredRanges)}` : '';
    w(`${f.file.padEnd(width)}  ${f.percentage.toFixed(1).padStart(5)}%${uncovered}`);
  }
  w('-'.repeat(80));
  w(`${'total'.padEnd(width)}  ${report.percentage.toFixed(1).padStart(5)}%  (${report.coveredLines}/${report.coveredLines + report.notCoveredLines} lines)`);
}

const TEST_OPTIONS = [
  { flags: '-v, --verbose', description: 'list every test with its timing and print() output' },
  { flags: '-r, --run <regex>', description: 'only run tests whose name (data.pkg.test_x) matches the regular expression' },
  { flags: '-t, --timeout <ms>', description: 'time limit per test in milliseconds', default: '5000' },
  { flags: '--allow-network', description: 'let tests use the network (http.send, net.lookup_ip_addr); off by default' },
  { flags: '--allow-env', description: 'expose environment variables through opa.runtime().env; off by default' },
  { flags: '-c, --coverage', description: 'report which policy lines the tests evaluate' },
  { flags: '--threshold <percent>', description: 'with --coverage: fail when total coverage is below this percentage' },
  { flags: '-f, --format <format>', description: 'output format: text or json', default: 'text' },
  { flags: '-o, --output <format>', description: "output format: text, json, conftest (conftest verify's summary layout), tap or table" },
  { flags: '-p, --policy <path>', description: 'policy file or directory (.rego only, as conftest verify --policy); repeatable', repeatable: true },
  { flags: '-d, --data <path>', description: 'data file or directory (.json/.yaml) with --policy; repeatable', repeatable: true },
  { flags: '-n, --namespace <glob>', description: 'only tests in packages matching these globs (as conftest verify --namespace); repeatable', repeatable: true },
  ...REGO_VERSION_OPTIONS,
  { flags: '--report <level>', description: 'conftest verify --report fails|notes|full: list every test (text output only)' },
  { flags: '--fail-on-empty', description: 'exit 1 when no tests are found' },
  { flags: '--strict', description: "OPA's strict compile (as conftest verify --strict, palisade check --strict): unused imports, assignments and function arguments are errors" },
  { flags: '--trace', description: 'print the evaluation trace of every test to standard error (as conftest verify --trace)' },
  { flags: '--ignore <glob...>', description: 'skip files and directories matching these globs' },
  TRIVY_BUILTINS_OPTION,
  ...BUNDLE_OPTIONS,
  { flags: '-w, --watch', description: 'run again whenever a .rego or data file under the paths changes (Ctrl-C stops)' },
] as const satisfies readonly OptionSpec[];

type TestCommandOptions = OptionsOf<typeof TEST_OPTIONS>;

export const testCommand = defineCommand({
  name: 'test',
  args: '[paths...]',
  summary: 'Run Rego policy unit tests (rules named test_*)',
  examples: [
    'palisade test policy/',
    'palisade test -v --run "deny_root" policy/ data.yaml',
    'palisade test --coverage --format json policy/ > coverage.json',
    'palisade test packages/stdlib',
    'palisade test -w policy/                        # rerun on every save',
  ],
  options: TEST_OPTIONS,
  async run(args, opts, io) {
    if (!regoVersionOf(opts, io)) return EXIT.error;
    const output = opts.output;
    if (opts.report !== undefined) {
      if (!['fails', 'notes', 'full'].includes(String(opts.report))) {
        io.stderr.write(`error: --report must be fails, notes or full, got "${String(opts.report)}"\n`);
        return EXIT.error;
      }
      if ((output ?? 'text') !== 'text' || (opts.format ?? 'text') !== 'text') {
        io.stderr.write('error: report flag is supported with stdout only (text output)\n');
        return EXIT.error;
      }
      opts.verbose = true;
    }
    if (output !== undefined && !OUTPUTS.includes(output as never)) {
      io.stderr.write(`error: unknown output "${output}" (use ${OUTPUTS.join(', ')})\n`);
      return EXIT.error;
    }
    const format = output && output !== 'text' && output !== 'json' ? (output as SuiteSettings['format']) : textOrJson(output ? { format: output } : opts, io);
    if (!format) return EXIT.error;
    let filter: RegExp | undefined;
    if (opts.run !== undefined) {
      try {
        filter = new RegExp(opts.run);
      } catch (e) {
        io.stderr.write(`error: --run: invalid regular expression: ${(e as Error).message}\n`);
        return EXIT.error;
      }
    }
    const timeoutMs = Number(opts.timeout ?? 5000);
    if (!Number.isFinite(timeoutMs) || timeoutMs < 0) {
      io.stderr.write(`error: --timeout must be a number of milliseconds, got "${String(opts.timeout)}"\n`);
      return EXIT.error;
    }
    const bundled = await loadBundles(opts, io.cwd);
    if (bundled.errors.length) return printDiagnostics(bundled.errors, io);
    const settings: SuiteSettings = { format, filter, timeoutMs, bundles: bundled.bundles };
    if (!opts.watch) return runSuite(args, opts, io, settings);
    let code = runSuite(args, opts, io, settings);
    await watchPaths(
      args,
      io.cwd,
      (file) => {
        io.stdout.write(`\n── ${new Date().toLocaleTimeString()} ${relative(io.cwd, file) || file} changed ${'─'.repeat(20)}\n`);
        code = runSuite(args, opts, io, settings);
      },
      () => io.stderr.write(`watching ${args.length ? args.join(', ') : '.'} for changes to .rego and data files (Ctrl-C to stop)\n`),
    );
    return code;
  },
});

const OUTPUTS = ['text', 'json', 'conftest', 'tap', 'table'] as const;

interface SuiteSettings {
  format: (typeof OUTPUTS)[number];
  filter: RegExp | undefined;
  timeoutMs: number;
  /** `--bundle`s, loaded (and verified) once; with no paths, only they are tested. */
  bundles: Bundle[];
}

/** Loads, compiles and runs the tests once; returns the exit code. */
function runSuite(args: string[], opts: TestCommandOptions, io: CommandIO, { format, filter, timeoutMs, bundles }: SuiteSettings): number {
  const onlyBundles = bundles.length > 0 && args.length === 0 && !(opts.policy?.length || opts.data?.length);
  const found: Found = onlyBundles ? { rego: [], data: [], errors: [], skipped: [] } : suiteFiles(args, opts, io);
  printSkipped(found, io);
  const engine = new Engine({ builtins: [...stdlibBuiltins, testSleepBuiltin], regoVersion: regoVersionOf(opts, io) });
  const loadErrors = loadInto(engine, found);
  loadErrors.push(...addBundlesTo(engine, bundles));
  const trivy = trivyBuiltinsMode(opts, io);
  if (!trivy) return EXIT.error;
  applyTrivyBuiltins(engine, trivy);
  const compileErrors: Diagnostic[] = loadErrors.length ? loadErrors : [...engine.compile(), ...engine.annotations().errors];
  if (opts.strict && !loadErrors.length) compileErrors.push(...strictChecks(engine.modules(), engine.annotations()));
  if (compileErrors.length) return printDiagnostics(compileErrors, io, engine);

  const sources = new Map(engine.modules().map((m) => [m.file, m.source]));
  const hits = opts.coverage ? new Set<string>() : undefined;
  const verbose = Boolean(opts.verbose);
  const namespaces = opts.namespace ?? [];
  const trace = opts.trace ? traceWriter((t) => io.stderr.write(t), sources) : undefined;
  const results: Reported[] = runTests(engine, {
    filter: filter || namespaces.length ? new TestFilter(filter, namespaces) : undefined,
    timeoutMs,
    evalOptions: { coverage: hits, ...capabilityOptions(opts, io.env) },
    ...(trace ? { tracer: (t: TestCase) => trace.begin(t.file, `data.${t.pkg}.${t.name}`) } : {}),
  });
  trace?.end();
  for (const r of results) if (r.status === 'fail') r.failure = locateFailure(engine, r, sources);

  if (results.length === 0) {
    if (format === 'conftest') printConftestVerify(results, io);
    else if (format === 'tap') printTestTap(results, io);
    else if (format === 'table') printTestTable(results, io);
    else if (format === 'json') io.stdout.write(JSON.stringify({ results: [], summary: { total: 0, pass: 0, fail: 0, error: 0, skip: 0 } }, null, 2) + '\n');
    else io.stderr.write(`no tests found${filter ? ` matching ${filter}` : ''} (tests are rules named test_*)\n`);
    return opts.failOnEmpty ? EXIT.findings : EXIT.ok;
  }

  const report = hits ? coverageReport(engine.modules().filter((m) => !m.file.endsWith('_test.rego')), hits) : undefined;
  const count = (s: TestResult['status']) => results.filter((r) => r.status === s).length;
  if (format === 'json') {
    const out = {
      results: results.map((r) => ({
        package: `data.${r.pkg}`,
        name: r.name,
        file: r.file,
        row: r.row,
        status: r.status,
        durationMs: Math.round(r.durationMs * 1000) / 1000,
        output: r.output,
        ...(r.error ? { error: { code: r.error.code, message: r.error.message, location: r.error.location } } : {}),
        ...(r.builtinErrors.length ? { builtinErrors: r.builtinErrors.map((e) => ({ code: e.code, message: e.message, location: e.location })) } : {}),
        ...(r.failure
          ? { failure: { file: r.failure.location.file, row: r.failure.location.row, col: r.failure.location.col, expression: r.failure.source, ...(r.failure.compared ? { compared: r.failure.compared } : {}) } }
          : {}),
      })),
      summary: { total: results.length, pass: count('pass'), fail: count('fail'), error: count('error'), skip: count('skip') },
      ...(report ? { coverage: report } : {}),
    };
    io.stdout.write(JSON.stringify(out, null, 2) + '\n');
  } else if (format === 'conftest' || format === 'tap' || format === 'table') {
    (format === 'conftest' ? printConftestVerify : format === 'tap' ? printTestTap : printTestTable)(results, io);
    if (report) printCoverage(report, io);
  } else {
    printText(results, verbose, io, sources, opts.report !== undefined);
    if (report) printCoverage(report, io);
  }
  if (count('fail') + count('error') > 0) return EXIT.error;
  if (report && opts.threshold !== undefined && report.percentage < Number(opts.threshold)) {
    io.stderr.write(`coverage ${report.percentage.toFixed(1)}% is below the threshold of ${Number(opts.threshold)}%\n`);
    return EXIT.error;
  }
  return EXIT.ok;
}
