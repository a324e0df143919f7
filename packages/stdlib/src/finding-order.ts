/**
 * The orders of severities and findings, defined once for the scanner and every consumer (CLI
 * reporters, TUI, embedders). Two finding orders exist on purpose, both documented in
 * docs/reporters.md: the scan result's order (what `json` prints, stable for diffs of raw
 * results) and the report order (what people read: the displayed path first, worst severity first
 * within a line).
 */
import type { Finding, LoadError, Severity } from './model.js';
import { SEVERITIES } from './model.js';

function cmp(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A number that orders severities: higher is more severe (INFO is 1, CRITICAL is 5). A value that
 * is not a severity (a hand-edited results file) ranks 0, below INFO, rather than throwing.
 */
export function severityRank(s: Severity): number {
  const i = SEVERITIES.indexOf(s);
  return i < 0 ? 0 : SEVERITIES.length - i;
}

/** Sorts the more severe first (a negative result when `a` is worse than `b`). */
export function compareSeverity(a: Severity, b: Severity): number {
  return severityRank(b) - severityRank(a);
}

/** The scan result's order: file, start line, policy id, then end line, message, namespace, rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.file, b.file) ||
    cmp(a.startLine, b.startLine) ||
    cmp(a.policyId, b.policyId) ||
    cmp(a.endLine, b.endLine) ||
    cmp(a.message, b.message) ||
    cmp(a.namespace, b.namespace) ||
    cmp(a.rule, b.rule)
  );
}

/**
 * The report order: displayed path, start line, severity (worst first), policy id, message.
 * `displayPath` maps a finding's file to what the report shows (the CLI makes it relative to the
 * repository root), so `/repo/x` and `x` sort together; it runs once per finding.
 */
export function sortForReport(findings: readonly Finding[], displayPath: (file: string) => string = (f) => f): Finding[] {
  const keyed = findings.map((f) => ({ f, path: displayPath(f.file) }));
  keyed.sort(
    (a, b) =>
      cmp(a.path, b.path) ||
      a.f.startLine - b.f.startLine ||
      compareSeverity(a.f.severity, b.f.severity) ||
      cmp(a.f.policyId, b.f.policyId) ||
      cmp(a.f.message, b.f.message),
  );
  return keyed.map((k) => k.f);
}

/** The order of a scan result's load errors: path, line, code, message. */
export function compareErrors(a: LoadError, b: LoadError): number {
  return cmp(a.path, b.path) || cmp(a.line ?? 0, b.line ?? 0) || cmp(a.code, b.code) || cmp(a.message, b.message);
}
