import { readFileSync } from 'node:fs';
import { Engine, formatDiagnostic, toJSONText, toJSONValue, type Diagnostic, type Value } from '@palisade/engine';
import { CAPTURE_PREFIX, captureQuery, type QueryExpr } from './eval-capture.js';

import { EXIT, defineCommand } from '../command.js';
import { loadPolicies, readInput } from '../load-policies.js';
import { REGO_VERSION_OPTIONS, regoVersionOf } from '../rego-version.js';
import { stdlibBuiltins } from '@palisade/stdlib';
import { addBundlesTo, BUNDLE_OPTIONS, loadBundles } from '../opa-bundle/options.js';
import { printDiagnostics } from '../diagnostics.js';
import { heapUsed, memoryBudget } from '../heap-node.js';
import { capabilityOptions } from '../platform-node.js';
import { collectTrace, renderProfile, renderTrace } from '../toolchain/explain.js';

export const evalCommand = defineCommand({
  name: 'eval',
  args: '[query]',
  summary: 'Evaluate a Rego query against policies, data and an input document',
  examples: [
    "palisade eval -d policy/ -i input.json 'data.main.deny'",
    "cat pod.yaml | palisade eval -d k8s.rego -i - 'data.k8s.violation' --format values",
    "palisade eval -d policy/ -i input.json --explain fails 'data.main.allow'",
    "palisade eval -d policy/ -i input.json --profile 'data.main.deny'",
  ],
  options: [
    { flags: '-d, --data <path>', description: 'policy (.rego) or data (.json/.yaml) file or directory (repeatable)', repeatable: true },
    ...BUNDLE_OPTIONS,
    { flags: '-i, --input <file>', description: 'input document (JSON or YAML; - for stdin)' },
    { flags: '--query-file <file>', description: 'read the query from a file' },
    { flags: '-f, --format <format>', description: 'output format: json, pretty, values, bindings, raw', default: 'json' },
    { flags: '--fail', description: 'exit 1 when the result is undefined or empty' },
    { flags: '--fail-defined', description: 'exit 1 when the result is defined' },
    { flags: '--strict-builtin-errors', description: 'treat builtin errors as fatal' },
    ...REGO_VERSION_OPTIONS,
    { flags: '--allow-network', description: 'let policies use the network (http.send, net.lookup_ip_addr); off by default' },
    { flags: '--allow-env', description: 'expose environment variables through opa.runtime().env; off by default' },
    { flags: '--timeout <ms>', description: 'evaluation timeout in milliseconds' },
    { flags: '--max-memory <MB>', description: 'heap the evaluation may grow by, in MB (default: half the JavaScript heap limit); beyond it: eval_memory_error' },
    { flags: '--explain <mode>', description: 'print an evaluation trace to stderr: fails (expressions without a solution) or full' },
    { flags: '--profile', description: 'print the most evaluated rules and expressions (evaluation counts) to stderr' },
  ],
  async run(args, opts, io) {
    const query = (opts.queryFile ? readFileSync(opts.queryFile, 'utf8') : args[0])?.trim();
    if (!query) {
      io.stderr.write('error: a query is required (argument or --query-file)\n');
      return EXIT.error;
    }
    const regoVersion = regoVersionOf(opts, io);
    if (!regoVersion) return EXIT.error;
    const { engine, errors } = loadPolicies(opts.data ?? [], io.cwd, new Engine({ builtins: stdlibBuiltins, regoVersion }));
    const bundled = await loadBundles(opts, io.cwd);
    errors.push(...bundled.errors);
    errors.push(...addBundlesTo(engine, bundled.bundles));
    const format = opts.format ?? 'json';
    // As `opa eval --format json`: load errors are a JSON document on stdout too, so a caller
    // parsing stdout sees why there is no result.
    if (errors.length) return format === 'json' ? printJSONErrors(errors, io) : printDiagnostics(errors, io, engine);
    // Each expression's value is captured as `opa eval` reports it (see eval-capture.ts).
    const captured = captureQuery(query);
    const prepared = engine.prepare(captured?.query ?? query);
    if (!prepared.query) return format === 'json' ? printJSONErrors(prepared.errors, io) : printDiagnostics(prepared.errors, io, engine);
    let input: unknown;
    if (opts.input) {
      try {
        input = await readInput(opts.input, io.stdin);
      } catch (e) {
        io.stderr.write(`error: cannot read input ${String(opts.input)}: ${(e as Error).message}\n`);
        return EXIT.error;
      }
    }
    const explain = opts.explain;
    if (explain !== undefined && explain !== 'fails' && explain !== 'full') {
      io.stderr.write(`error: --explain must be "fails" or "full", got "${explain}"\n`);
      return EXIT.error;
    }
    const maxMemory = opts.maxMemory;
    if (maxMemory !== undefined && !/^[1-9]\d*$/.test(maxMemory)) {
      io.stderr.write(`error: --max-memory must be a positive number of megabytes, got "${maxMemory}"\n`);
      return EXIT.error;
    }
    const memory = memoryBudget(maxMemory === undefined ? undefined : Number(maxMemory));
    if (memory.note) io.stderr.write(`warning: ${memory.note}\n`);
    const trace = explain || opts.profile ? collectTrace() : undefined;
    const caps = capabilityOptions(opts, io.env);
    const res = prepared.query.evaluate(input, {
      strictBuiltinErrors: Boolean(opts.strictBuiltinErrors),
      ...caps,
      platform: { ...caps.platform, heapUsed },
      maxMemoryBytes: memory.bytes,
      timeoutMs: opts.timeout ? Number(opts.timeout) : 0,
      print: (m) => io.stderr.write(m + '\n'),
      tracer: trace?.tracer,
    });
    if (trace) {
      const sources = new Map([...engine.modules().map((m): [string, string] => [m.file, m.source]), ['query', query]]);
      const lines = [...(explain ? renderTrace(trace.events, sources, explain as 'fails' | 'full') : []), ...(opts.profile ? renderProfile(trace.events, sources) : [])];
      if (trace.truncated()) lines.push(`(trace truncated after ${trace.events.length} events)`);
      if (lines.length) io.stderr.write(lines.join('\n') + '\n');
    }
    if (res.error) return format === 'json' ? printJSONErrors([res.error as Diagnostic], io) : printDiagnostics([res.error as Diagnostic], io, engine);
    const exprs = captured?.exprs ?? [];
    // A query that is a single term or call (`data.main.deny`) reports that value.
    const single = exprs.length === 1 && exprs[0].capture !== undefined;
    const vars = prepared.query.variables.filter((v) => !v.startsWith(CAPTURE_PREFIX));
    const rows = res.rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !k.startsWith(CAPTURE_PREFIX))));
    const exprValues = single ? res.rows.map((r) => r[exprs[0].capture!]) : rows.map((r) => (vars.length === 0 ? true : vars.length === 1 ? r[vars[0]] : r));
    switch (format) {
      case 'values':
        for (const v of exprValues) io.stdout.write(toJSONText(toJSONValue(v)) + '\n');
        break;
      case 'raw':
        for (const v of exprValues) io.stdout.write((typeof v === 'string' ? v : toJSONText(toJSONValue(v))) + '\n');
        break;
      case 'bindings':
        io.stdout.write(toJSONText(rows.map((r) => toJSONValue(r)), '  ') + '\n');
        break;
      case 'pretty':
        io.stdout.write(toJSONText(exprValues.map((v) => toJSONValue(v)), '  ') + '\n');
        break;
      case 'json':
        io.stdout.write(opaResult(exprs, res.rows, rows) + '\n');
        break;
      default:
        io.stderr.write(`error: unknown format ${format} (json, pretty, values, bindings, raw)\n`);
        return EXIT.error;
    }
    for (const e of res.builtinErrors) io.stderr.write(`warning: ${formatDiagnostic(e)}\n`);
    const defined = res.rows.length > 0;
    if (opts.fail && !defined) return EXIT.findings;
    if (opts.failDefined && defined) return EXIT.findings;
    return EXIT.ok;
  },
});

/** A Rego value inside an OPA-shaped document (printed as Go's JSON, keys sorted). */
class Embedded {
  constructor(readonly value: Value) {}
}

/**
 * JSON text with Go's struct field order (`value`, `text`, `location`; `row`, `col`): objects print
 * their keys as built, embedded Rego values as Go's encoding/json does (sorted keys), indented by 2.
 */
function orderedJSON(x: unknown, cur = ''): string {
  if (x instanceof Embedded) return toJSONText(toJSONValue(x.value), '  ').replace(/\n/g, '\n' + cur);
  const next = cur + '  ';
  if (Array.isArray(x)) return x.length ? `[\n${x.map((v) => next + orderedJSON(v, next)).join(',\n')}\n${cur}]` : '[]';
  if (x !== null && typeof x === 'object') {
    const entries = Object.entries(x);
    return entries.length ? `{\n${entries.map(([k, v]) => `${next}${JSON.stringify(k)}: ${orderedJSON(v, next)}`).join(',\n')}\n${cur}}` : '{}';
  }
  return JSON.stringify(x);
}

/** OPA's `eval --format json` document: `{}` when undefined, else one result per solution. */
function opaResult(exprs: QueryExpr[], full: Record<string, Value>[], rows: Record<string, Value>[]): string {
  if (full.length === 0) return '{}';
  return orderedJSON({
    result: full.map((r, i) => ({
      expressions: exprs.map((e) => ({ value: new Embedded(e.capture ? r[e.capture] : true), text: e.text, location: { row: e.row, col: e.col } })),
      ...(Object.keys(rows[i]).length ? { bindings: new Embedded(rows[i]) } : {}),
    })),
  });
}

/** Errors as OPA prints them with `--format json`: on stdout, the query's file name empty. */
function printJSONErrors(diags: Diagnostic[], io: { stdout: { write(s: string): unknown } }): number {
  const errors = diags.map((d) => ({
    code: d.code,
    message: d.message,
    ...(d.location && d.location.row > 0 ? { location: { file: d.location.file === 'query' ? '' : d.location.file, row: d.location.row, col: d.location.col } } : {}),
  }));
  io.stdout.write(orderedJSON({ errors }) + '\n');
  return EXIT.error;
}
