import { stringify } from 'yaml';
import type { Finding, LoadError, ScanResult } from '@palisade/stdlib';
import { disarmCommands, sanitizeName } from './ansi.js';
import { locationLabel, relativePath, resourceLabel, showControls, sortedFindings } from './common.js';
import type { ReportOptions, Reporter } from './types.js';

export const tapReporter: Reporter = {
  name: 'tap',
  description: 'Test Anything Protocol version 13, with YAML diagnostics',
  extension: 'tap',
  render: renderTap,
};

/**
 * Failures are `not ok`; warnings are `not ok … # TODO` (reported, but not failing the run,
 * as TAP consumers treat TODO); waived findings are `ok … # SKIP`; load errors are `not ok`.
 * A clean scan is a single passing test so the plan is never empty.
 */
function renderTap(result: ScanResult, opts: ReportOptions): string {
  const tests: string[][] = [];
  for (const f of sortedFindings(result.findings, opts.cwd)) tests.push(findingTest(f, opts));
  for (const e of result.errors) tests.push(loadErrorTest(e, opts));
  if (tests.length === 0) tests.push(['ok - palisade scan found no issues']);

  const out = ['TAP version 13', `1..${tests.length}`];
  tests.forEach((t, i) => {
    out.push(t[0]!.replace(/^(not ok|ok)/, `$1 ${i + 1}`), ...t.slice(1));
  });
  for (const w of result.expiredWaivers) {
    out.push(`# expired waiver: ${oneLine(`${w.id}${w.path ? ` in ${relativePath(w.path, opts.cwd)}` : ''} expired ${w.expires}`)}`);
  }
  return disarmCommands(out.join('\n') + '\n');
}

function findingTest(f: Finding, opts: ReportOptions): string[] {
  const desc = description(`${f.policyId} ${f.title} (${locationLabel(f, opts.cwd)})`);
  const head =
    f.status === 'fail'
      ? `not ok - ${desc}`
      : f.status === 'warn'
        ? `not ok - ${desc} # TODO warning`
        : `ok - ${desc} # SKIP ${oneLine(`waived${f.waiver?.reason ? `: ${f.waiver.reason}` : ''}`)}`;
  const diag: Record<string, unknown> = {
    message: f.message,
    severity: f.severity,
    status: f.status,
    policy: f.policyId,
    file: relativePath(f.file, opts.cwd),
  };
  if (f.startLine >= 1) Object.assign(diag, { line: f.startLine, endLine: Math.max(f.startLine, f.endLine) });
  const res = resourceLabel(f.resource);
  if (res) diag.resource = res;
  if (f.waiver) diag.waiver = { ...f.waiver };
  if (f.remediation) diag.remediation = f.remediation;
  if (f.references.length > 0) diag.references = f.references;
  return [head, ...yamlBlock(diag)];
}

function loadErrorTest(e: LoadError, opts: ReportOptions): string[] {
  const diag: Record<string, unknown> = { message: e.message, code: e.code, file: relativePath(e.path, opts.cwd) };
  if (e.line !== undefined) diag.line = e.line;
  if (e.column !== undefined) diag.column = e.column;
  return [`not ok - ${description(`load ${relativePath(e.path, opts.cwd)}`)}`, ...yamlBlock(diag)];
}

/**
 * The YAML library leaves C1 controls and bidi overrides raw; shown as `\xNN`/`\uNNNN` they are
 * YAML escapes in the double-quoted scalars it writes for such strings, so the data parses back
 * the same while the terminal never sees the raw character.
 */
function yamlBlock(data: Record<string, unknown>): string[] {
  const body = showControls(stringify(data, { lineWidth: 0 })).replace(/\n$/, '').split('\n');
  return ['  ---', ...body.map((l) => `  ${l}`), '  ...'];
}

/** `#` would start a directive inside a description, so it is escaped as TAP specifies. */
function description(s: string): string {
  return oneLine(s).replace(/\\/g, '\\\\').replace(/#/g, '\\#');
}

/** Untrusted text on the test line: line breaks become spaces, control characters are shown. */
function oneLine(s: string): string {
  return sanitizeName(s.replace(/[\r\n]+/g, ' '));
}
