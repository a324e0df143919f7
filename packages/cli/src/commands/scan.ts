/**
 * `palisade scan [paths…]`: discover and load inputs, run the stdlib and/or user policies,
 * render reports, and turn the result into an exit code (docs/cli.md).
 */
import { resolve } from 'node:path';
import { capabilityOptions } from '../platform-node.js';
import { heapUsed, memoryBudget } from '../heap-node.js';
import {
  appliesTo,
  assembleResult,
  createScanner,
  DEFAULT_SCAN_TIMEOUT_MS,
  findingsFail,
  loadFiles,
  type InputDocument,
  type LoadError,
  type PalisadeConfig,
  type Policy,
  type PolicySource,
  type ScanOptions,
  type ScanResult,
} from '@palisade/stdlib';
import { EXIT, defineCommand, type CommandIO, type OptionSpec } from '../command.js';
import type { OptionsOf } from '../options.js';
import { printDiagnostics } from '../diagnostics.js';
import { discoverFiles, readStdin, type InputFile, type SkippedChart } from '../scan/files.js';
import { applyBaseline, baselineFindings, readBaseline, uncheckedEntries, writeBaseline, type Baseline } from '../scan/baseline.js';
import { readPolicyInputs } from '../scan/inputs.js';
import { BUNDLE_OPTIONS, loadBundles } from '../opa-bundle/options.js';
import { TRIVY_BUILTINS_OPTION } from '../trivy-option.js';
import { parseOutputs, writeOutputs, type OutputSpec } from '../scan/output.js';
import { DEFAULT_JOBS, startWorkers } from '../scan/parallel.js';
import { resolveSettings } from '../scan/settings.js';
import { colorEnabled, progressEnabled, Progress } from '../scan/terminal.js';
import { VERSION } from '../version.js';
import { REGO_VERSION_OPTIONS, regoVersionOf } from '../rego-version.js';
import { traceWriter } from '../toolchain/explain.js';
import { strictChecks } from '../toolchain/strict.js';
import { readCapabilities } from '../capabilities-file.js';
import { protoDirsOf, readProtoFiles } from '../proto-files.js';
import { Engine, type Diagnostic, type RegoVersion } from '@palisade/engine';
import { printLines } from '../reporters/conftest.js';
import { relativePath } from '../reporters/common.js';
import { INSECURE_OPTION } from '../remote/cli.js';

/** The library's default (a minute per rule and document), so `scan()` and the CLI agree. */
const DEFAULT_TIMEOUT_MS = DEFAULT_SCAN_TIMEOUT_MS;

export const SCAN_OPTIONS = [
  { flags: '-o, --output <format[=file]>', description: 'report format, optionally written to a file; repeatable (text, json, sarif, junit, github, tap, table, azuredevops, html)', repeatable: true },
  { flags: '-f, --format <format>', description: 'report format on standard output (same as -o FORMAT)', repeatable: true },
  { flags: '-p, --policy <path>', description: 'policy file or directory (.rego); repeatable. Only these run unless --stdlib', repeatable: true },
  { flags: '--stdlib', description: 'also run the standard library when --policy is given' },
  { flags: '--update <source>', description: 'first pull this https://, git:: or oci:// source into the policy directory (the first --policy, default policy/), replacing changed files; repeatable (as conftest)', repeatable: true },
  INSECURE_OPTION,
  ...BUNDLE_OPTIONS,
  { flags: '-d, --data <path>', description: 'data file or directory (.json/.yaml, merged into data); repeatable', repeatable: true },
  { flags: '-n, --namespace <glob>', description: 'Rego packages of user policies to run (globs; default main); repeatable', repeatable: true },
  { flags: '--all-namespaces', description: 'run every package of the user policies' },
  { flags: '--combine', description: 'give user policies one input with every file, [{path, contents}] (as conftest)' },
  { flags: '--profile <name>', description: 'standard-library policy set: recommended, all, pss-baseline, pss-restricted, cis-docker' },
  { flags: '--parser <kind>', description: 'force the document kind of every input (dockerfile, kubernetes, compose, docker-inspect, trivy, grype, dockerignore, json, yaml)' },
  { flags: '--proto-file-dirs <dirs>', description: 'directories of .proto files declaring the message types of textproto inputs (# proto-message: pkg.Type); repeatable, comma-separated (as conftest)', repeatable: true },
  { flags: '--dockerfile-shape <shape>', description: 'Dockerfile input for user policies: auto, trivy, conftest' },
  { flags: TRIVY_BUILTINS_OPTION.flags, description: TRIVY_BUILTINS_OPTION.description + ' (default auto)' },
  { flags: '--fail-on <severity>', description: 'lowest severity that fails the scan (default: any failing finding)' },
  { flags: '--no-fail', description: 'exit 0 even when findings fail (errors still exit 2)' },
  { flags: '--fail-on-warn', description: 'warnings fail the scan too' },
  { flags: '--suppress-exceptions', description: 'conftest layouts: do not list the rules an exception switched off (still counted)' },
  { flags: '--quiet', description: 'print nothing when no finding fails the scan (as conftest --quiet)' },
  ...REGO_VERSION_OPTIONS,
  { flags: '--allow-empty', description: 'exit 0 even when nothing was evaluated (no input documents, or no policy for their kinds); otherwise that is exit 2' },
  { flags: '--config <file>', description: 'configuration file (default: ./palisade.yaml when present)' },
  { flags: '--ignore <glob>', description: 'skip matching paths during discovery; repeatable', repeatable: true },
  { flags: '-j, --jobs <n>', description: `parallel evaluation threads (default: ${DEFAULT_JOBS}; more threads each load and compile everything again)` },
  { flags: '--color', description: 'force colour on' },
  { flags: '--no-color', description: 'force colour off' },
  { flags: '--strict-builtin-errors', description: 'report builtin errors instead of treating the call as undefined' },
  { flags: '--capabilities <file>', description: 'OPA capabilities file (JSON): user policies may call only the builtins it lists; others are compile errors (undefined function), as in OPA and conftest' },
  { flags: '--strict', description: "OPA's strict compile for the user policies (as conftest --strict, palisade check --strict): unused imports, assignments and function arguments are errors" },
  { flags: '--trace', description: 'print the evaluation trace of every rule on every document to standard error (as conftest --trace; evaluates in one thread)' },
  { flags: '--allow-network', description: 'let policies use the network (http.send, net.lookup_ip_addr); off by default' },
  { flags: '--allow-env', description: 'expose environment variables to policies through opa.runtime().env; off by default' },
  { flags: '--baseline <file>', description: 'report findings recorded in this baseline file as waived, so only new ones fail' },
  { flags: '--write-baseline <file>', description: 'record the unwaived findings of this run as a baseline file (the run then exits 0 unless errors)' },
  { flags: '--timeout <ms>', description: `time budget of one rule on one document, in milliseconds (default ${DEFAULT_TIMEOUT_MS}; 0 = none)` },
  { flags: '--max-memory <MB>', description: 'heap one rule on one document may grow by, in MB (default: half the JavaScript heap limit); beyond it the rule fails with eval_memory_error' },
] as const satisfies readonly OptionSpec[];

export const SCAN_EXAMPLES = [
  'palisade scan .',
  'palisade scan -o sarif=palisade.sarif -o text k8s/ Dockerfile',
  'palisade scan -p policy/ deploy.yaml            # conftest test -p policy deploy.yaml',
  'helm template chart | palisade scan --parser kubernetes -',
  'palisade scan --profile pss-restricted --fail-on HIGH manifests/',
  'palisade scan --write-baseline .palisade-baseline.json .   # once; then in CI:',
  'palisade scan --baseline .palisade-baseline.json .',
];

interface ScanMode {
  interactive: boolean;
  /** conftest layouts: leave out EXCP lines. */
  suppressExceptions?: boolean;
}

function usage(io: CommandIO, errors: string[]): number {
  for (const e of errors) io.stderr.write(`error: ${e}\n`);
  return EXIT.error;
}

function helmNotice(c: SkippedChart): string {
  const n = c.files.length;
  return (
    `palisade: skipped ${n} unrendered Helm template${n === 1 ? '' : 's'} of chart ${c.chart}; ` +
    `scan the rendered manifests with: helm template ${c.chart} | palisade scan --parser kubernetes -`
  );
}

/** Names shown in a one-line notice: the first few, then how many more. */
function someNames(names: readonly string[], max = 5): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

function unknownNotice(skipped: readonly string[]): string {
  const n = skipped.length;
  return (
    `palisade: not scanned: ${n} file${n === 1 ? '' : 's'} of no known input kind (${someNames(skipped)}); ` +
    `name a file on the command line with --parser KIND to scan it`
  );
}

interface Inputs {
  files: InputFile[];
  errors: LoadError[];
  notes: string[];
  /** Files left out because no loader reads their kind. */
  skipped: string[];
}

/**
 * Files the run itself reads or writes as its own state (the baseline files), which a walk of
 * `.` would otherwise scan as JSON documents on the next run.
 */
function ownFiles(settings: PalisadeConfig, opts: ScanCommandOptions, cwd: string): Set<string> {
  const own = [settings.baseline, opts.writeBaseline].filter((p): p is string => typeof p === 'string' && p !== '');
  return new Set(own.map((p) => resolve(cwd, p)));
}

async function readInputs(args: string[], settings: PalisadeConfig, io: CommandIO, own: ReadonlySet<string>): Promise<Inputs> {
  const files: InputFile[] = [];
  const errors: LoadError[] = [];
  const notes: string[] = [];
  const skipped: string[] = [];
  const paths = args.filter((a) => a !== '-');
  if (args.includes('-')) {
    const stdin = await readStdin(io.stdin);
    if ('text' in stdin) files.push(stdin);
    else errors.push(stdin);
  }
  if (paths.length || !args.includes('-')) {
    const found = discoverFiles(paths, io.cwd, settings.ignore ?? [], { configKinds: (settings.policy ?? []).length > 0 });
    const mine = found.files.filter((f) => own.has(resolve(io.cwd, f.path)));
    files.push(...found.files.filter((f) => !mine.includes(f)));
    if (mine.length) notes.push(`palisade: not scanned: ${someNames(mine.map((f) => f.path))} (the baseline file${mine.length === 1 ? '' : 's'} of this run)`);
    errors.push(...found.errors);
    notes.push(...found.skippedCharts.map(helmNotice));
    notes.push(...found.skippedOther.map((s) => `palisade: skipped ${s}`));
    skipped.push(...found.skippedUnknown);
    if (skipped.length) notes.push(unknownNotice(skipped));
  }
  return { files, errors, notes, skipped };
}

/**
 * Why a scan evaluated nothing (no document, or no selected policy for any document's kind), or
 * undefined when at least one policy ran on one document. A gate that checked nothing must not pass.
 */
export function emptyScan(documents: readonly InputDocument[], policies: readonly Policy[], combine: boolean, skipped: readonly string[]): string | undefined {
  if (documents.length === 0) {
    return skipped.length ? `no input documents (${skipped.length} file${skipped.length === 1 ? '' : 's'} of no known kind skipped: ${someNames(skipped)})` : 'no input documents';
  }
  if (policies.length === 0) return 'no policies selected';
  if (combine && policies.some((p) => !p.stdlib)) return undefined;
  if (documents.some((d) => policies.some((p) => appliesTo(p, d.kind)))) return undefined;
  const kinds = [...new Set(documents.map((d) => d.kind))].sort().join(', ');
  return `none of the ${policies.length} selected polic${policies.length === 1 ? 'y applies' : 'ies apply'} to the ${documents.length} document${documents.length === 1 ? '' : 's'} (kind${kinds.includes(',') ? 's' : ''} ${kinds})`;
}

/** An engine holding the user's policy modules, parsed only (for `--strict` and its code frames). */
function strictEngine(policies: readonly PolicySource[], regoVersion: RegoVersion): Engine {
  const engine = new Engine({ regoVersion });
  for (const p of policies) engine.addModule(p.file, p.source, p.regoVersion ?? regoVersion);
  return engine;
}

/** `--strict`: the strict-mode problems of the user's policies (`palisade check --strict`'s checks); parse errors are the compile's. */
function strictProblems(policies: readonly PolicySource[], regoVersion: RegoVersion): Diagnostic[] {
  const engine = strictEngine(policies, regoVersion);
  return strictChecks(engine.modules(), engine.annotations());
}

export function scanOptionsOf(settings: PalisadeConfig, cwd: string): Omit<ScanOptions, 'policies' | 'data' | 'sources'> {
  const o: Omit<ScanOptions, 'policies' | 'data' | 'sources'> = { root: cwd };
  if (settings.stdlib !== undefined) o.stdlib = settings.stdlib;
  if (settings.config) o.config = settings.config;
  if (settings.namespace) o.namespaces = settings.namespace;
  if (settings.allNamespaces) o.allNamespaces = true;
  if (settings.combine) o.combine = true;
  if (settings.profile) o.profile = settings.profile;
  if (settings.waivers) o.waivers = settings.waivers;
  if (settings.strictBuiltinErrors) o.strictBuiltinErrors = true;
  o.timeoutMs = settings.timeout ?? DEFAULT_TIMEOUT_MS;
  if (settings.dockerfileShape) o.dockerfileShape = settings.dockerfileShape;
  if (settings.trivyBuiltins) o.trivyBuiltins = settings.trivyBuiltins;
  return o;
}

async function showResult(result: ScanResult, outputs: OutputSpec[], sources: Map<string, string>, settings: PalisadeConfig, io: CommandIO, mode: ScanMode): Promise<string[]> {
  const base = { cwd: io.cwd, toolVersion: VERSION, sources, ...(mode.suppressExceptions ? { suppressExceptions: true } : {}) };
  const color = colorEnabled(settings.color, io.env, io.stdout);
  if (mode.interactive) {
    const tui = await import('../tui/index.js');
    const avail = tui.tuiAvailability(io.env, io.stdin, io.stdout);
    if (avail.ok) {
      const files = outputs.filter((o) => o.file);
      const errors = writeOutputs(result, files, base, false, io.stdout, io.cwd);
      await tui.runTui(result, { sources, stdin: io.stdin as NodeJS.ReadStream, stdout: io.stdout as NodeJS.WriteStream });
      return errors;
    }
    io.stderr.write(`palisade: not starting the interactive UI: ${avail.reason}; printing the report instead\n`);
  }
  return writeOutputs(result, outputs, base, color, io.stdout, io.cwd);
}

/** The options of `scan` and `ui` (the scan table; `scan` adds `--interactive`). */
export type ScanCommandOptions = OptionsOf<typeof SCAN_OPTIONS>;

export async function runScan(args: string[], opts: ScanCommandOptions, io: CommandIO, mode: ScanMode): Promise<number> {
  const regoVersion = regoVersionOf(opts, io);
  if (!regoVersion) return EXIT.error;
  const { settings, errors: settingErrors } = resolveSettings(opts, io.env, io.cwd);
  if (settingErrors.length) return usage(io, settingErrors);
  const { outputs, errors: outputErrors } = parseOutputs(settings.output);
  if (outputErrors.length) return usage(io, outputErrors);

  let baseline: Baseline | undefined;
  if (settings.baseline) {
    const read = readBaseline(resolve(io.cwd, settings.baseline));
    if (read.error) return usage(io, [read.error]);
    baseline = read.baseline;
  }

  let allowedBuiltins: string[] | undefined;
  if (typeof opts.capabilities === 'string') {
    const caps = readCapabilities(resolve(io.cwd, opts.capabilities), opts.capabilities);
    if (caps.error !== undefined) return usage(io, [caps.error]);
    allowedBuiltins = caps.builtins;
  }

  const protoDirs = protoDirsOf(opts.protoFileDirs);
  const protos = protoDirs.length ? readProtoFiles(protoDirs, io.cwd) : { files: [], errors: [] };
  if (protos.errors.length) return usage(io, protos.errors);
  const loadOptions = { ...(settings.parser ? { parser: settings.parser } : {}), ...(protos.files.length ? { protoFiles: protos.files } : {}) };

  const updates = opts.update ?? [];
  if (updates.length) {
    const { updatePolicies } = await import('../remote/update.js');
    const dest = settings.policy?.[0] ?? 'policy';
    const failed = await updatePolicies(updates, dest, { cwd: io.cwd, env: io.env, insecure: opts.insecure === true, regoVersion }, io);
    if (failed) return EXIT.error;
    if (!settings.policy?.length) settings.policy = [dest];
  }
  const userPaths = settings.policy ?? [];
  const inputs = readPolicyInputs(userPaths, settings.data ?? [], io.cwd);
  const bundled = await loadBundles(opts, io.cwd);
  inputs.errors.push(...bundled.errors.map((d) => d.message));
  for (const b of bundled.bundles) {
    // Bundle policies count as user policies (`-p`): with a bundle only it runs unless --stdlib.
    const policies = b.modules.filter((m) => !m.path.endsWith('_test.rego')).map((m) => ({ file: m.file, source: m.text, ...(m.regoVersion ? { regoVersion: m.regoVersion } : {}) }));
    inputs.policies.splice(inputs.policyFiles, 0, ...policies);
    inputs.policyFiles += policies.length;
    inputs.data.push(b.data);
  }
  if (inputs.errors.length) return usage(io, inputs.errors);
  if (bundled.bundles.length && inputs.policyFiles === 0) return usage(io, [`no policies (.rego files) in bundle ${bundled.bundles.map((b) => b.source).join(', ')}`]);
  if (userPaths.length && inputs.policyFiles === 0) {
    return usage(io, [`no policies (.rego files) found in ${userPaths.join(', ')}`]);
  }

  const trace = opts.trace === true ? traceWriter((t) => io.stderr.write(t), new Map(inputs.policies.map((p) => [p.file, p.source]))) : undefined;
  // Trace lines go to standard error: no progress line in between.
  const progress = new Progress(io.stderr, progressEnabled(io.env, io.stderr) && !mode.interactive && !trace);
  progress.message('reading inputs…');
  const { files, errors: discoveryErrors, notes, skipped } = await readInputs(args, settings, io, ownFiles(settings, opts, io.cwd));
  for (const n of [...inputs.notes, ...notes]) progress.note(n);
  const { capabilities, platform: netPlatform } = capabilityOptions(opts, io.env);
  const platform = { ...netPlatform, heapUsed };
  const memory = memoryBudget(settings.maxMemory);
  if (memory.note) progress.note(`warning: ${memory.note}`);
  const base = {
    ...scanOptionsOf(settings, io.cwd),
    policies: inputs.policies,
    regoVersion,
    data: inputs.data,
    maxMemoryBytes: memory.bytes,
    ...(capabilities ? { capabilities } : {}),
    ...(allowedBuiltins ? { allowedBuiltins } : {}),
  };
  const jobs = settings.jobs ?? DEFAULT_JOBS;
  if (trace && jobs > 1) progress.note('palisade: --trace: evaluating in one thread (traces are written as rules run)');
  const pool = !trace && jobs > 1 && files.length > 1 ? startWorkers({ files, options: base, ...loadOptions }, Math.min(jobs, files.length)) : undefined;
  const loaded = loadFiles(files, loadOptions);
  const loadErrors: LoadError[] = [...discoveryErrors, ...loaded.errors];
  const sources = new Map(files.map((f) => [f.path, f.text]));
  const documentKinds = [...new Set(loaded.documents.map((d) => d.kind))];
  const { scanner, errors: compileErrors } = createScanner({
    ...base,
    documentKinds,
    sources,
    platform,
    ...(trace ? { trace: (query: string, path: string) => trace.begin(path === 'Combined' ? path : relativePath(path, io.cwd), query) } : {}),
  });
  const strictErrors = opts.strict === true ? strictProblems(inputs.policies.slice(0, inputs.policyFiles), regoVersion) : [];
  if (!scanner || strictErrors.length) {
    pool?.cancel();
    progress.done();
    return printDiagnostics([...compileErrors, ...strictErrors], io, strictErrors.length ? strictEngine(inputs.policies, regoVersion) : undefined);
  }

  for (const p of scanner.policies) if (p.metadataError) progress.note(`warning: ${p.metadataError}`);

  const documents: InputDocument[] = loaded.documents;
  const fileCount = files.length + discoveryErrors.length;
  let result: ScanResult | undefined;
  if (pool && documents.length <= 1) pool.cancel();
  else if (pool) {
    progress.message(`scanning ${documents.length} documents with ${pool.parts} workers…`);
    const own = (part: number, n: number) => {
      const r = scanner.scan(documents, { only: (_d, i) => i % n === part, runCombined: part === 0 });
      return { findings: r.findings, errors: r.errors, checks: r.checks ?? [], prints: r.prints ?? [], printsOmitted: r.printsOmitted ?? 0 };
    };
    const par = await pool.join(own, (done, total) => progress.update(done, total, 'workers'));
    if (par.failures.length === 0) {
      result = assembleResult(par.findings, [...loadErrors, ...par.errors], {
        files: fileCount,
        documents: documents.length,
        policies: scanner.policies.length,
        waivers: settings.waivers ?? [],
        checks: par.checks,
        prints: par.prints,
        printsOmitted: par.printsOmitted,
      });
    } else {
      io.stderr.write(`\r\x1b[2Kpalisade: parallel scan failed (${par.failures[0]}); scanning in one thread\n`);
    }
  }
  result ??= scanner.scan(documents, { loadErrors, files: fileCount, onProgress: (d, t) => progress.update(d, t) });
  trace?.end();
  progress.done();

  if (baseline && settings.baseline) {
    const applied = applyBaseline(result, baseline, settings.baseline, io.cwd);
    result = applied.result;
    const stale = applied.stale ? `; ${applied.stale} baseline entr${applied.stale === 1 ? 'y matches' : 'ies match'} nothing any more (refresh the file: --baseline FILE --write-baseline FILE)` : '';
    io.stderr.write(`palisade: ${applied.matched} finding${applied.matched === 1 ? '' : 's'} recorded in the baseline reported as waived${stale}\n`);
  }
  // conftest --quiet: a run that does not fail prints nothing on standard output (files are still written).
  const failing = !settings.noFail && findingsFail(result, { failOn: settings.failOn, failOnWarn: settings.failOnWarn });
  const quiet = opts.quiet === true && !failing && result.errors.length === 0;
  const shown = quiet ? outputs.filter((o) => o.file) : outputs;
  const writeErrors = await showResult(result, shown, sources, settings, io, { ...mode, suppressExceptions: opts.suppressExceptions === true });
  // print() output: the conftest layout shows it on standard output (as conftest); other formats keep it off theirs.
  if (result.prints?.length && !quiet && !shown.some((o) => !o.file && o.reporter.name === 'conftest')) {
    for (const line of printLines(result, { color: false, cwd: io.cwd })) io.stderr.write(line + '\n');
  }
  for (const e of writeErrors) io.stderr.write(`error: ${e}\n`);
  const newBaseline = typeof opts.writeBaseline === 'string' ? resolve(io.cwd, opts.writeBaseline) : undefined;
  if (newBaseline) {
    try {
      const keep = baseline ? uncheckedEntries(baseline, result, io.cwd) : [];
      const { entries, carried } = writeBaseline(newBaseline, result, io.cwd, keep);
      const n = entries - carried;
      // Counted in findings, as the next run's "Waived" and its baseline notice count them.
      const covered = baselineFindings(result).length;
      const shared = covered === n ? '' : ` (${n} entr${n === 1 ? 'y' : 'ies'}: identical findings on one resource share one)`;
      io.stderr.write(`palisade: recorded ${covered} finding${covered === 1 ? '' : 's'} in the baseline ${opts.writeBaseline}${shared}; the next run with --baseline reports them as waived\n`);
      if (carried) io.stderr.write(`palisade: kept ${carried} entr${carried === 1 ? 'y' : 'ies'} of ${settings.baseline} for files this run could not check (load or evaluation errors)\n`);
    } catch (e) {
      io.stderr.write(`error: cannot write baseline ${opts.writeBaseline}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return EXIT.error;
    }
  }
  if (writeErrors.length || result.errors.length) return EXIT.error;
  const empty = emptyScan(documents, scanner.policies, settings.combine === true, skipped);
  if (empty && !settings.allowEmpty) {
    io.stderr.write(`error: nothing was evaluated: ${empty}; pass --allow-empty to accept a scan that checks nothing\n`);
    return EXIT.error;
  }
  // Writing a baseline accepts the current findings: the run that records them succeeds.
  if (newBaseline) return EXIT.ok;
  if (!settings.noFail && findingsFail(result, { failOn: settings.failOn, failOnWarn: settings.failOnWarn })) return EXIT.findings;
  return EXIT.ok;
}

export const scanCommand = defineCommand({
  name: 'scan',
  args: '[paths...]',
  summary: 'Scan Dockerfiles, Kubernetes manifests, compose files and reports with the policies',
  examples: SCAN_EXAMPLES,
  options: [...SCAN_OPTIONS, { flags: '-i, --interactive', description: 'browse the findings in the terminal UI (falls back to the text report)' }],
  run: (args, opts, io) => runScan(args, opts, io, { interactive: opts.interactive === true }),
});
