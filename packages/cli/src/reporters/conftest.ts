/**
 * conftest's output layouts, so scripts and CI steps written around `conftest test` keep
 * working: `conftest` is its default text (`FAIL - file - namespace - message` lines and the
 * "N tests, N passed, N warnings, N failures, N exceptions" summary), `conftest-json` its
 * `--output json` (per file and namespace: `filename`, `namespace`, `successes`, `warnings`,
 * `failures`, `exceptions`, each result `{msg}`). Counts come from the scan's conftest tallies.
 */
import type { CheckTally, Finding, FindingOrigin, ScanResult } from '@palisade/stdlib';
import { disarmCommands, painter, sanitizeName, sanitizeTerminal } from './ansi.js';
import { relativePath } from './common.js';
import type { ReportOptions, Reporter } from './types.js';

/** One result as conftest's JSON has it: the message and the result's `_loc`. */
interface Entry {
  msg: string;
  loc?: FindingOrigin;
}

interface Group {
  file: string;
  namespace: string;
  successes: number;
  warnings: Entry[];
  failures: Entry[];
  exceptions: Entry[];
}

/** The exception query conftest prints for an excepted rule. */
const exceptionQuery = (namespace: string, name: string) => `data.${namespace}.exception[_][_] == ${JSON.stringify(name)}`;

/** Findings and tallies grouped per file and namespace, in the scan's order (files, then namespaces). */
function groups(result: ScanResult, cwd: string): Group[] {
  const byKey = new Map<string, Group>();
  const get = (file: string, namespace: string): Group => {
    const key = `${file}\u0000${namespace}`;
    let g = byKey.get(key);
    if (!g) byKey.set(key, (g = { file, namespace, successes: 0, warnings: [], failures: [], exceptions: [] }));
    return g;
  };
  const tallies: CheckTally[] = result.checks ?? [];
  for (const t of tallies) {
    const g = get(t.file === 'Combined' ? t.file : relativePath(t.file, cwd), t.namespace);
    g.successes += t.successes;
    for (const e of t.exceptions) g.exceptions.push({ msg: exceptionQuery(t.namespace, e) });
  }
  const combined = new Set(tallies.filter((t) => t.file === 'Combined').map((t) => t.namespace));
  for (const f of result.findings as Finding[]) {
    if (f.status === 'waived') continue;
    // A combined run's results belong to "Combined", as conftest reports them.
    const g = get(combined.has(f.namespace) ? 'Combined' : relativePath(f.file, cwd), f.namespace);
    (f.status === 'warn' ? g.warnings : g.failures).push(f.origin ? { msg: f.message, loc: f.origin } : { msg: f.message });
  }
  return [...byKey.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0));
}

/**
 * The policies' `print(…)` output as conftest shows it before the results: `PRNT` (blue), then
 * `policy.rego:LINE: message` (OPA's print hook: the call's location and the message).
 */
export function printLines(result: ScanResult, opts: Pick<ReportOptions, 'color' | 'cwd'>): string[] {
  const paint = painter(opts.color);
  const out = (result.prints ?? []).map((p) => `${paint('PRNT', 'blue')}   ${sanitizeName(relativePath(p.policyFile, opts.cwd))}:${p.line}: ${sanitizeTerminal(p.message)}`);
  if (result.printsOmitted) out.push(`${paint('PRNT', 'blue')}   … ${result.printsOmitted} more print() line${result.printsOmitted === 1 ? '' : 's'} not shown`);
  return out;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function renderStandard(result: ScanResult, opts: ReportOptions): string {
  const paint = painter(opts.color);
  const out: string[] = printLines(result, opts);
  const line = (label: string, style: 'red' | 'yellow' | 'cyan', file: string, ns: string, msg: string) =>
    out.push(`${paint(label, style)} - ${sanitizeName(file)} - ${sanitizeName(ns)} - ${sanitizeTerminal(msg)}`);
  for (const e of result.errors) out.push(`${paint('ERR ', 'red')} - ${sanitizeName(relativePath(e.path, opts.cwd))}${e.line ? `:${e.line}` : ''} - ${sanitizeName(e.code)}: ${sanitizeTerminal(e.message)}`);
  let tests = 0;
  let passed = 0;
  let warnings = 0;
  let failures = 0;
  let exceptions = 0;
  for (const g of groups(result, opts.cwd)) {
    for (const w of g.warnings) line('WARN', 'yellow', g.file, g.namespace, w.msg);
    for (const f of g.failures) line('FAIL', 'red', g.file, g.namespace, f.msg);
    if (!opts.suppressExceptions) for (const x of g.exceptions) line('EXCP', 'cyan', g.file, g.namespace, x.msg);
    passed += g.successes;
    warnings += g.warnings.length;
    failures += g.failures.length;
    exceptions += g.exceptions.length;
  }
  tests = passed + warnings + failures + exceptions;
  const summary = `${plural(tests, 'test')}, ${passed} passed, ${plural(warnings, 'warning')}, ${plural(failures, 'failure')}, ${plural(exceptions, 'exception')}`;
  out.push('', paint(summary, failures ? 'red' : warnings ? 'yellow' : exceptions ? 'cyan' : 'green'));
  return disarmCommands(out.join('\n') + '\n');
}

function renderJson(result: ScanResult, opts: ReportOptions): string {
  // conftest's key order: msg, then loc with file before line.
  const msgs = (list: Entry[]) => list.map(({ msg, loc }) => (loc ? { msg, loc: { file: loc.file, line: loc.line } } : { msg }));
  const out: Record<string, unknown>[] = [];
  // Files that could not be loaded are failures here: a script reading only this JSON must not see them pass.
  for (const e of result.errors) {
    out.push({ filename: relativePath(e.path, opts.cwd), namespace: '', successes: 0, failures: [{ msg: `${e.code}: ${e.message}`, ...(e.line ? { loc: { file: relativePath(e.path, opts.cwd), line: e.line } } : {}) }] });
  }
  for (const g of groups(result, opts.cwd)) {
    const entry: Record<string, unknown> = { filename: g.file, namespace: g.namespace, successes: g.successes };
    if (g.warnings.length) entry['warnings'] = msgs(g.warnings);
    if (g.failures.length) entry['failures'] = msgs(g.failures);
    if (g.exceptions.length) entry['exceptions'] = msgs(g.exceptions);
    out.push(entry);
  }
  return JSON.stringify(out, null, '\t') + '\n';
}

export const conftestReporter: Reporter = {
  name: 'conftest',
  description: "conftest's default text layout (FAIL/WARN/EXCP lines and its summary line)",
  extension: 'txt',
  render: renderStandard,
};

export const conftestJsonReporter: Reporter = {
  name: 'conftest-json',
  description: "conftest's --output json layout (per file and namespace: successes, failures, warnings, exceptions)",
  extension: 'json',
  render: renderJson,
};
