/**
 * Shared result model: input documents produced by loaders, and findings/errors produced by
 * `scan()`. Reporters (CLI) and the TUI render only these types.
 */

import type { DocumentKind } from './loaders/registry.js';

/** The kinds of input documents Palisade understands (derived from the table in loaders/registry.ts). */
export type { DocumentKind };

/** An inclusive range of 1-based line numbers. */
export interface LineRange {
  startLine: number;
  endLine: number;
}

/** JSON path into a document value: object keys and array indices. */
export type JsonPath = (string | number)[];

/**
 * Answers "which lines hold this value / JSON path" for one document.
 * Both lookups fall back to the nearest enclosing value that has a position.
 */
export interface SourceMap {
  /** Lines of the value at `path` (nearest ancestor when the exact path has no position). */
  rangeOfPath(path: JsonPath): LineRange | undefined;
  /** Lines of a value by object identity (values returned from the document itself). */
  rangeOfValue(value: unknown): LineRange | undefined;
  /** Path of a value by object identity, when it is a node of this document. */
  pathOfValue(value: unknown): JsonPath | undefined;
}

/** One document produced by a loader: its kind, file, position in the file, value and source map. */
export interface InputDocument {
  kind: DocumentKind;
  /** File path as given (relative to the scan root when discovered). */
  path: string;
  /** Index of this document in a multi-document file (0-based). */
  index: number;
  /** The document as policies see it (plain JSON values). */
  value: unknown;
  sourceMap: SourceMap;
  /** Lines of the whole document in its file. */
  range: LineRange;
}

/** A file that could not be loaded; the scan goes on without it. */
export interface LoadError {
  path: string;
  line?: number;
  column?: number;
  message: string;
  code: string;
}

/** The documents loaded from one or more files, and the files that failed. */
export interface LoadResult {
  documents: InputDocument[];
  errors: LoadError[];
}

/** Severity of a finding, highest first. */
export type Severity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'INFO';

/** Every severity, highest first. */
export const SEVERITIES: readonly Severity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];

/** The resource a finding is about: Kubernetes kind/namespace/name or a Dockerfile stage. */
export interface Resource {
  kind?: string;
  namespace?: string;
  name?: string;
  /** Dockerfile stage name or index. */
  stage?: string;
}

/** Source lines around a finding, with the offending lines marked. */
export interface Snippet {
  /** Line number of `lines[0]`. */
  startLine: number;
  lines: string[];
  /** Offending lines (inclusive range). */
  highlightStart: number;
  highlightEnd: number;
}

/** Why a finding was waived: an inline comment or a configured waiver, with reason and expiry. */
export interface Waiver {
  /** An inline comment, a `waivers` entry of the configuration, or the baseline file (`--baseline`). */
  source: 'inline' | 'config' | 'baseline';
  reason?: string;
  expires?: string;
}

/**
 * The place a policy's result names itself (conftest's `_loc`): a file, a line or both; the file
 * may be another one than the input (a template, the file an input was generated from).
 */
export interface FindingOrigin {
  file?: string;
  line?: number;
}

/** One result of a policy rule on a document, located in its source file. */
export interface Finding {
  policyId: string;
  title: string;
  severity: Severity;
  /** `fail` (deny/violation), `warn` (warn rules), `waived` (matched a waiver). */
  status: 'fail' | 'warn' | 'waived';
  message: string;
  description?: string;
  file: string;
  startLine: number;
  endLine: number;
  resource?: Resource;
  snippet?: Snippet;
  remediation?: string;
  references: string[];
  /** Cross-references to other tools (`KSV-0017`, `DL3007`, `CIS-5.5`…). */
  related: string[];
  /** Rego package of the policy and the rule that produced the finding. */
  namespace: string;
  rule: string;
  /** The result's own `_loc`, kept as given: conftest's reporters annotate it. */
  origin?: FindingOrigin;
  waiver?: Waiver;
}

/** Counts of a scan: files, documents, policies, findings by status and severity, errors. */
export interface ScanSummary {
  files: number;
  documents: number;
  policies: number;
  failures: number;
  warnings: number;
  waived: number;
  errors: number;
  bySeverity: Record<Severity, number>;
}

/** A configured waiver whose expiry date has passed (reported so it can be renewed or removed). */
export interface ExpiredWaiver {
  id: string;
  path?: string;
  expires: string;
  reason?: string;
}

/**
 * conftest's tally for one file and user-policy namespace: a test per rule definition, the
 * rules that found nothing (successes) and the rules an `exception` switched off. The conftest
 * reporters count from it; Palisade's own JSON leaves it out.
 */
export interface CheckTally {
  file: string;
  namespace: string;
  successes: number;
  /** Excepted rules, by the name the `exception` listed (`run_as_root` for `deny_run_as_root`). */
  exceptions: string[];
}

/** A line a policy printed with `print(…)` while it ran on a document (conftest shows them as `PRNT`). */
export interface PrintOutput {
  /** The input document: its file and its index in that file (`Combined` for a `--combine` run). */
  file: string;
  index: number;
  /** Where the `print` call is: the policy file and line. */
  policyFile: string;
  line: number;
  message: string;
}

/** The whole result of a scan; the JSON reporter prints it as-is (versioned). */
export interface ScanResult {
  schemaVersion: 1;
  findings: Finding[];
  errors: LoadError[];
  expiredWaivers: ExpiredWaiver[];
  summary: ScanSummary;
  /** conftest tallies of user policies (absent when no user policy ran). */
  checks?: CheckTally[];
  /** `print(…)` output of the policies, in document order (absent when nothing printed; left out of the JSON report). */
  prints?: PrintOutput[];
  /** Print lines left out past `MAX_PRINTS`. */
  printsOmitted?: number;
}
