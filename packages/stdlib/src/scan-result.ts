/**
 * Assembling a ScanResult: deterministic order, summary counts, expired waivers, and the
 * pass/fail verdict used by the CLI's exit code.
 */
import type { CheckTally, Finding, LoadError, PrintOutput, ScanResult, ScanSummary, Severity, Waiver } from './model.js';
import { SEVERITIES } from './model.js';
import { compareErrors, compareFindings, severityRank } from './finding-order.js';
import { expiredWaivers, isoDay, type ConfigWaiver } from './waivers.js';

export interface AssembleOptions {
  /** Number of input files (default: distinct paths of documents and errors). */
  files?: number;
  documents: number;
  policies: number;
  waivers?: readonly ConfigWaiver[];
  now?: Date;
  /** Paths of the scanned documents, to count files when `files` is absent. */
  paths?: Iterable<string>;
  /** conftest tallies (merged per file and namespace). */
  checks?: readonly CheckTally[];
  /** `print(…)` output, in evaluation order per document (parallel parts in any order). */
  prints?: readonly PrintOutput[];
  /** Print lines already dropped by the evaluating side. */
  printsOmitted?: number;
}

/**
 * At most this many `print(…)` lines are kept per scan, each at most `MAX_PRINT_CHARS` long: a
 * policy printing in a loop over a large input must not exhaust memory. The rest are counted.
 */
export const MAX_PRINTS = 10_000;
export const MAX_PRINT_CHARS = 16_384;

/** The finding counts of a summary. */
function countFindings(findings: readonly Finding[]): Pick<ScanSummary, 'failures' | 'warnings' | 'waived' | 'bySeverity'> {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  let failures = 0;
  let warnings = 0;
  let waived = 0;
  for (const f of findings) {
    if (f.status === 'waived') waived++;
    else {
      if (f.status === 'fail') failures++;
      else warnings++;
      bySeverity[f.severity]++;
    }
  }
  return { failures, warnings, waived, bySeverity };
}

/**
 * The result with every unwaived finding for which `waiverFor` returns a waiver marked waived,
 * and the summary recounted (the CLI's baseline file uses it; findings keep their order).
 */
export function waiveFindings(result: ScanResult, waiverFor: (f: Finding) => Waiver | undefined): ScanResult {
  const findings = result.findings.map((f): Finding => {
    if (f.status === 'waived') return f;
    const waiver = waiverFor(f);
    return waiver ? { ...f, status: 'waived', waiver } : f;
  });
  return { ...result, findings, summary: { ...result.summary, ...countFindings(findings) } };
}

/**
 * Builds the result. `summary.bySeverity` counts failing and warning findings (not waived ones),
 * so it matches what a reader has to act on.
 */
export function assembleResult(findings: Finding[], errors: LoadError[], opts: AssembleOptions): ScanResult {
  findings.sort(compareFindings);
  errors.sort(compareErrors);
  const { failures, warnings, waived, bySeverity } = countFindings(findings);
  let files = opts.files;
  if (files === undefined) {
    const set = new Set<string>(opts.paths ?? []);
    for (const e of errors) set.add(e.path);
    files = set.size;
  }
  const result: ScanResult = {
    schemaVersion: 1,
    findings,
    errors,
    expiredWaivers: expiredWaivers(opts.waivers ?? [], isoDay(opts.now ?? new Date())),
    summary: { files, documents: opts.documents, policies: opts.policies, failures, warnings, waived, errors: errors.length, bySeverity },
  };
  if (opts.checks?.length) result.checks = mergeChecks(opts.checks);
  if (opts.prints?.length) {
    // Stable: lines of one document keep the order they were printed in.
    const sorted = [...opts.prints].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.index - b.index));
    result.prints = sorted.slice(0, MAX_PRINTS);
    const omitted = (opts.printsOmitted ?? 0) + sorted.length - result.prints.length;
    if (omitted > 0) result.printsOmitted = omitted;
  } else if (opts.printsOmitted) result.printsOmitted = opts.printsOmitted;
  return result;
}

/** Sums tallies of the same file and namespace (documents of one file, parallel workers), sorted. */
export function mergeChecks(checks: readonly CheckTally[]): CheckTally[] {
  const byKey = new Map<string, CheckTally>();
  for (const c of checks) {
    const key = `${c.file}\u0000${c.namespace}`;
    const t = byKey.get(key);
    if (t) {
      t.successes += c.successes;
      t.exceptions.push(...c.exceptions);
    } else byKey.set(key, { file: c.file, namespace: c.namespace, successes: c.successes, exceptions: [...c.exceptions] });
  }
  return [...byKey.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0));
}

/** When findings fail a scan (`findingsFail`): severity threshold and whether warnings count. */
export interface VerdictOptions {
  /** Lowest severity that fails the scan; default: any failing finding. */
  failOn?: Severity;
  /** Warnings fail too (at or above `failOn`). */
  failOnWarn?: boolean;
}

/** Whether the findings fail the scan (load errors are judged separately by the caller). */
export function findingsFail(result: ScanResult, opts: VerdictOptions = {}): boolean {
  const min = opts.failOn ? severityRank(opts.failOn) : 0;
  return result.findings.some(
    (f) => (f.status === 'fail' || (opts.failOnWarn === true && f.status === 'warn')) && severityRank(f.severity) >= min,
  );
}
