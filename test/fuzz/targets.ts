/**
 * The fuzz targets: one entry per parser or pipeline stage, each an input generator and a check.
 * The invariant is the engine's contract for bad input: the call returns (no exception of any
 * kind), and every error it reports is a typed value with a stable code and a location. Codes that
 * only exist to wrap an unexpected JS exception (`eval_internal_error`, a loader's
 * `internal_error`, "internal compiler error") count as crashes too: they are bare errors in
 * disguise. Hangs are caught by the runner's per-input time check (campaign) and by vitest's
 * timeout (CI).
 */
import fc from 'fast-check';
import { Engine, ErrorCodes, parseModule, type Diagnostic } from '../../packages/engine/src/index.js';
import { assembleResult, compileGlob, createScanner, loadFiles, loaders, type Finding, type LoadError, type Scanner, type Severity } from '../../packages/stdlib/src/index.js';
import { parseShell, ShellSyntaxError } from '../../packages/engine/src/builtins/trivy/sh-parse.js';
import { REPORTERS } from '../../packages/cli/src/reporters/index.js';
import { bombs, mutated, noise, seeds, TOKENS } from './inputs.js';

/** A violated invariant (the runner reports it with the shrunk input). */
export class Violation extends Error {}

export interface FuzzTarget {
  name: string;
  /** What it exercises, for the campaign report. */
  covers: string;
  input: () => fc.Arbitrary<unknown>;
  check: (input: never) => void;
}

const ENGINE_CODES = new Set<string>(Object.values(ErrorCodes));
const LOAD_CODES = new Set<string>(Object.values(loaders.LoadErrorCode));

function expectDiagnostics(ds: readonly Diagnostic[], what: string): void {
  for (const d of ds) {
    if (!ENGINE_CODES.has(d.code)) throw new Violation(`${what}: unknown error code ${JSON.stringify(d.code)}: ${d.message}`);
    if (d.code === ErrorCodes.evalInternal || /internal (compiler )?error/.test(d.message)) throw new Violation(`${what}: internal error: ${d.message}`);
    if (typeof d.message !== 'string' || d.message === '') throw new Violation(`${what}: error without a message`);
  }
}

function expectLoadErrors(errors: readonly LoadError[], path: string): void {
  for (const e of errors) {
    if (!LOAD_CODES.has(e.code)) throw new Violation(`${path}: unknown load error code ${JSON.stringify(e.code)}: ${e.message}`);
    if (e.code === loaders.LoadErrorCode.Internal) throw new Violation(`${path}: internal error: ${e.message}`);
    if (e.path !== path) throw new Violation(`${path}: load error names another path: ${e.path}`);
    if (/call stack/i.test(e.message)) throw new Violation(`${path}: stack overflow reported as ${e.code}: ${e.message}`);
    if (e.code === loaders.LoadErrorCode.Syntax && !(typeof e.line === 'number' && e.line >= 1)) throw new Violation(`${path}: syntax error without a line: ${e.message}`);
  }
}

/** Runs `f`; any exception is a violation (the public API never throws at callers). */
function noThrow<T>(what: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof Violation) throw e;
    throw new Violation(`${what} threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
}

let seedCache: ReturnType<typeof seeds> | undefined;
const seedTexts = () => (seedCache ??= seeds());

function textOf(kind: keyof typeof TOKENS): fc.Arbitrary<string> {
  const s = seedTexts()[kind];
  const parts: { weight: number; arbitrary: fc.Arbitrary<string> }[] = [
    { weight: 6, arbitrary: mutated(s, TOKENS[kind]) },
    { weight: 2, arbitrary: noise(TOKENS[kind]) },
  ];
  if (kind !== 'compose') parts.push({ weight: 1, arbitrary: bombs(kind) });
  return fc.oneof(...parts);
}

function loaderTarget(name: string, path: string, kind: keyof typeof TOKENS, covers: string): FuzzTarget {
  return {
    name,
    covers,
    input: () => textOf(kind),
    check: (text: string) => {
      const r = noThrow(`loadFiles(${path})`, () => loadFiles([{ path, text }]));
      expectLoadErrors(r.errors, path);
      for (const d of r.documents) if (d.path !== path || d.range.startLine < 1 || d.range.endLine < d.range.startLine) throw new Violation(`${path}: bad document range`);
    },
  };
}

let scanner: Scanner | undefined;

const severity = fc.constantFrom<Severity>('CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO');
// Names and messages come from untrusted files: control characters, escapes, CI workflow commands.
const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('x\n::error file=evil::injected\n.yaml', '\u001b[31mred\u001b]8;;http://e\u0007', '##vso[task.setvariable]x', '<script>alert(1)</script>', ']]>', '\r\n\u2028\u0000'),
);
const finding: fc.Arbitrary<Finding> = fc.record({
  policyId: hostile,
  title: hostile,
  severity,
  status: fc.constantFrom<Finding['status']>('fail', 'warn', 'waived'),
  message: hostile,
  file: hostile,
  startLine: fc.integer({ min: 1, max: 1000 }),
  endLine: fc.integer({ min: 1, max: 1000 }),
  references: fc.array(hostile, { maxLength: 2 }),
  related: fc.array(hostile, { maxLength: 2 }),
  namespace: hostile,
  rule: hostile,
});
const loadError: fc.Arbitrary<LoadError> = fc.record({ path: hostile, message: hostile, code: hostile, line: fc.integer({ min: 1, max: 100 }) });

const GLOB_TOKENS = ['*', '**', '**/', '?', '{', '}', ',', '\\', '/', 'a', 'b', '.', '[', ']', '!'];
const SHELL_TOKENS = ['$(', ')', '`', '${', '}', '"', "'", '<<EOF\n', 'EOF\n', '&&', '||', '|', ';', '&', '(', '((', '))', '[[', ']]', 'if ', 'then ', 'fi', 'for ', 'do ', 'done', 'case ', 'esac', 'in ', '\\\n', '\n', '=', 'x', 'apt-get install -y ', '>', '2>&1', '<(', '$((', '#'];

export const TARGETS: FuzzTarget[] = [
  {
    name: 'rego-parse',
    covers: 'Rego lexer and parser (parseModule) on mutated stdlib policies, token soup and nesting bombs',
    input: () => textOf('rego'),
    check: (src: string) => {
      const r = noThrow('parseModule', () => parseModule('f.rego', src));
      expectDiagnostics(r.errors, 'parseModule');
      if (!r.module && r.errors.length === 0) throw new Violation('parseModule: neither a module nor an error');
    },
  },
  {
    name: 'rego-compile-eval',
    covers: 'Rego compiler stages and evaluation of every rule (data) under a step and time budget',
    input: () => textOf('rego'),
    check: (src: string) => {
      const e = new Engine();
      const parseErrors = noThrow('addModule', () => e.addModule('f.rego', src));
      expectDiagnostics(parseErrors, 'addModule');
      if (parseErrors.length) return;
      const errors = noThrow('compile', () => e.compile());
      expectDiagnostics(errors, 'compile');
      if (errors.length) return;
      const q = noThrow('prepare', () => e.prepare('x := data'));
      expectDiagnostics(q.errors, 'prepare');
      if (!q.query) return;
      const r = noThrow('evaluate', () => q.query!.evaluate({ kind: 'Pod', spec: { containers: [{ image: 'nginx' }] } }, { maxSteps: 20_000, timeoutMs: 2_000 }));
      if (r.error) expectDiagnostics([r.error], 'evaluate');
      expectDiagnostics(r.builtinErrors, 'evaluate (builtin errors)');
    },
  },
  loaderTarget('dockerfile', 'Dockerfile', 'dockerfile', 'Dockerfile loader: instructions, continuations, heredocs, escapes, parser directives'),
  loaderTarget('yaml-kubernetes', 'manifests/deploy.yaml', 'yaml', 'YAML loader (YAML 1.1, anchors, merge keys, multi-document) and Kubernetes detection'),
  loaderTarget('json', 'report.json', 'json', 'JSON loader (exact integers, duplicate keys, BOM, depth) and kind detection (trivy, grype, inspect, k8s)'),
  loaderTarget('compose', 'docker-compose.yml', 'compose', 'compose loader (services, anchors, legacy layouts)'),
  loaderTarget('dockerignore', '.dockerignore', 'dockerfile', '.dockerignore loader'),
  loaderTarget('groovy', 'Jenkinsfile', 'groovy', 'Groovy (Jenkinsfile) loader: statements, closures, command calls, interpolated strings, tree bounds'),
  loaderTarget('cue', 'app.cue', 'cue', 'CUE data loader: structs, shorthand, unification, numbers, refusals of evaluator-only syntax'),
  loaderTarget('jsonnet', 'app.jsonnet', 'jsonnet', 'Jsonnet evaluator: objects, comprehensions, std.format, step, depth and size bounds'),
  {
    name: 'scan',
    covers: 'the whole scan: load, evaluate every stdlib policy for the document, locate findings',
    input: () => fc.oneof(textOf('dockerfile').map((t) => ['Dockerfile', t] as const), textOf('yaml').map((t) => ['deploy.yaml', t] as const), textOf('compose').map((t) => ['compose.yaml', t] as const)),
    check: ([path, text]: readonly [string, string]) => {
      if (!scanner) {
        const c = createScanner({ timeoutMs: 5_000 });
        expectDiagnostics(c.errors, 'createScanner');
        scanner = c.scanner!;
      }
      const loaded = noThrow('loadFiles', () => loadFiles([{ path, text }]));
      expectLoadErrors(loaded.errors, path);
      const r = noThrow('scan', () => scanner!.scan(loaded.documents, { loadErrors: loaded.errors }));
      for (const e of r.errors) {
        if (e.code === ErrorCodes.evalInternal || e.code === loaders.LoadErrorCode.Internal) throw new Violation(`scan: internal error: ${e.message}`);
        if (!ENGINE_CODES.has(e.code) && !LOAD_CODES.has(e.code)) throw new Violation(`scan: unknown error code ${e.code}`);
      }
    },
  },
  {
    name: 'reporters',
    covers: 'every reporter (text, json, sarif, junit, github, tap, table, azuredevops, html) on findings with hostile names and messages',
    input: () => fc.record({ findings: fc.array(finding, { maxLength: 6 }), errors: fc.array(loadError, { maxLength: 3 }), color: fc.boolean() }),
    check: ({ findings, errors, color }: { findings: Finding[]; errors: LoadError[]; color: boolean }) => {
      const result = assembleResult(structuredClone(findings), structuredClone(errors), { documents: findings.length, policies: 1 });
      for (const [name, reporter] of REPORTERS) {
        const out = noThrow(`reporter ${name}`, () => reporter.render(result, { color, cwd: '/repo', toolVersion: '0.0.0' }));
        if (typeof out !== 'string') throw new Violation(`reporter ${name} returned ${typeof out}`);
        if (name === 'json' || name === 'sarif') noThrow(`${name} output is JSON`, () => JSON.parse(out));
      }
    },
  },
  {
    name: 'globs',
    covers: 'glob matcher (ignore files, waivers, namespaces): random globs against long names, in linear time',
    input: () =>
      fc.record({
        glob: fc.array(fc.constantFrom(...GLOB_TOKENS), { maxLength: 40 }).map((t) => t.join('')),
        name: fc.tuple(fc.array(fc.constantFrom('a', 'b', '/', '.'), { maxLength: 30 }), fc.nat({ max: 4_000 })).map(([t, n]) => t.join('') + 'a'.repeat(n)),
        kind: fc.constantFrom('path' as const, 'name' as const),
      }),
    check: ({ glob, name, kind }: { glob: string; name: string; kind: 'path' | 'name' }) => {
      const r = noThrow('compileGlob', () => compileGlob(glob, kind).test(name));
      if (typeof r !== 'boolean') throw new Violation('compileGlob: not a boolean');
    },
  },
  {
    name: 'shell',
    covers: 'shell parser behind sh.parse_commands on RUN texts: only ShellSyntaxError values, never another exception',
    input: () => fc.oneof(mutated(seedTexts().dockerfile, SHELL_TOKENS), noise(SHELL_TOKENS)),
    check: (src: string) => {
      try {
        parseShell(src);
      } catch (e) {
        if (!(e instanceof ShellSyntaxError)) throw new Violation(`parseShell threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
      }
    },
  },
];
