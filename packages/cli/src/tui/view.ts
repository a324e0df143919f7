/**
 * Derived data for the TUI: which findings are visible under the current filters, in which
 * order, with which group headers, and how the screen is divided. Pure functions only; the
 * reducer and the components share them so both agree on every index.
 */
import { compareSeverity, severityRank } from '@palisade/stdlib';
import type { Finding, ScanResult, Severity } from '@palisade/stdlib';
import { location, resourceLabel } from './format.js';

export type Grouping = 'file' | 'policy' | 'severity' | 'none';
/** The order `g` cycles through. */
export const GROUPINGS: readonly Grouping[] = ['file', 'policy', 'severity', 'none'];

export interface ViewOptions {
  /** Case-insensitive text filter; '' shows everything. */
  query: string;
  /** Findings below this severity are hidden; INFO hides nothing. */
  minSeverity: Severity;
  grouping: Grouping;
  showWaived: boolean;
}

export type Row =
  | { kind: 'header'; label: string; count: number; severity?: Severity }
  | { kind: 'finding'; finding: Finding; index: number };

export interface Visible {
  /** Visible findings in display order; the cursor indexes this list. */
  findings: Finding[];
  /** What the list draws: findings interleaved with group headers. */
  rows: Row[];
  /** rowOf[i] is the row of findings[i]. */
  rowOf: number[];
  /** Findings hidden only because they are waived (for the summary hint). */
  hiddenWaived: number;
}

const haystacks = new WeakMap<Finding, string>();
/** Text the filter searches, built once per finding. */
function haystack(f: Finding): string {
  let h = haystacks.get(f);
  if (h === undefined) {
    h = [
      f.policyId,
      f.title,
      f.message,
      location(f),
      resourceLabel(f.resource),
      f.severity,
      f.status,
      f.namespace,
      f.rule,
      ...f.related,
    ]
      .join('\n')
      .toLowerCase();
    haystacks.set(f, h);
  }
  return h;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byLocation = (a: Finding, b: Finding): number =>
  byText(a.file, b.file) || a.startLine - b.startLine || a.endLine - b.endLine;
const bySeverity = (a: Finding, b: Finding): number => compareSeverity(a.severity, b.severity);
const byPolicy = (a: Finding, b: Finding): number => byText(a.policyId, b.policyId);

interface GroupSpec {
  key(f: Finding): string;
  label(f: Finding): string;
  /** Orders whole groups by their first finding. */
  groupOrder(a: Finding, b: Finding): number;
  within(a: Finding, b: Finding): number;
}

const GROUP_SPECS: Record<Exclude<Grouping, 'none'>, GroupSpec> = {
  file: {
    key: (f) => f.file,
    label: (f) => f.file,
    groupOrder: (a, b) => byText(a.file, b.file),
    within: (a, b) => a.startLine - b.startLine || bySeverity(a, b) || byPolicy(a, b),
  },
  policy: {
    key: (f) => f.policyId,
    label: (f) => (f.title ? `${f.policyId}  ${f.title}` : f.policyId),
    groupOrder: (a, b) => bySeverity(a, b) || byPolicy(a, b),
    within: byLocation,
  },
  severity: {
    key: (f) => f.severity,
    label: (f) => f.severity,
    groupOrder: bySeverity,
    within: (a, b) => byLocation(a, b) || byPolicy(a, b),
  },
};

/** Filters, sorts and groups; O(n log n) in the number of findings. */
export function computeVisible(findings: readonly Finding[], view: ViewOptions): Visible {
  const q = view.query.trim().toLowerCase();
  const min = severityRank(view.minSeverity);
  const kept: Finding[] = [];
  let hiddenWaived = 0;
  for (const f of findings) {
    if (severityRank(f.severity) < min) continue;
    if (q !== '' && !haystack(f).includes(q)) continue;
    if (f.status === 'waived' && !view.showWaived) {
      hiddenWaived++;
      continue;
    }
    kept.push(f);
  }

  if (view.grouping === 'none') {
    kept.sort((a, b) => bySeverity(a, b) || byLocation(a, b) || byPolicy(a, b));
    const rows: Row[] = kept.map((finding, index) => ({ kind: 'finding', finding, index }));
    return { findings: kept, rows, rowOf: kept.map((_, i) => i), hiddenWaived };
  }

  const spec = GROUP_SPECS[view.grouping];
  const groups = new Map<string, Finding[]>();
  for (const f of kept) {
    const k = spec.key(f);
    const g = groups.get(k);
    if (g) g.push(f);
    else groups.set(k, [f]);
  }
  const ordered = [...groups.values()];
  for (const g of ordered) g.sort(spec.within);
  // Policy groups rank by their most severe finding, which `within` does not put first.
  ordered.sort((a, b) => spec.groupOrder(headOf(a, spec), headOf(b, spec)));

  const out: Finding[] = [];
  const rows: Row[] = [];
  const rowOf: number[] = [];
  for (const g of ordered) {
    const first = g[0]!;
    rows.push({
      kind: 'header',
      label: spec.label(first),
      count: g.length,
      ...(view.grouping === 'severity' ? { severity: first.severity } : {}),
    });
    for (const finding of g) {
      rowOf.push(rows.length);
      rows.push({ kind: 'finding', finding, index: out.length });
      out.push(finding);
    }
  }
  return { findings: out, rows, rowOf, hiddenWaived };
}

function headOf(group: Finding[], spec: GroupSpec): Finding {
  let best = group[0]!;
  for (const f of group) if (spec.groupOrder(f, best) < 0) best = f;
  return best;
}

/**
 * Memoised `computeVisible`: one cached answer, reused while the findings array and the view
 * options are unchanged, so each keypress that only moves the cursor costs nothing here.
 */
export function createVisibleSelector(): (findings: readonly Finding[], view: ViewOptions) => Visible {
  let lastFindings: readonly Finding[] | undefined;
  let lastView: ViewOptions | undefined;
  let last: Visible | undefined;
  return (findings, view) => {
    if (
      last &&
      lastFindings === findings &&
      lastView &&
      lastView.query === view.query &&
      lastView.minSeverity === view.minSeverity &&
      lastView.grouping === view.grouping &&
      lastView.showWaived === view.showWaived
    ) {
      return last;
    }
    last = computeVisible(findings, view);
    lastFindings = findings;
    lastView = view;
    return last;
  };
}

export interface Size {
  columns: number;
  rows: number;
}

export interface Layout {
  /** Too small to draw anything useful: the app shows a notice instead. */
  tooSmall: boolean;
  /** List and detail side by side (else one pane at a time). */
  wide: boolean;
  /** Total lines drawn: one less than the terminal so Ink never repaints the whole screen. */
  height: number;
  width: number;
  /** Rows of content inside each pane's border. */
  paneRows: number;
  /** List rows below the list pane's title row. */
  listRows: number;
  listWidth: number;
  detailWidth: number;
  /** Text width inside a pane (border and one cell of padding each side). */
  listInner: number;
  detailInner: number;
}

export const MIN_COLUMNS = 40;
export const MIN_ROWS = 10;
/** From this width the detail pane sits beside the list. */
export const WIDE_COLUMNS = 120;
const SUMMARY_LINES = 2;
const FOOTER_LINES = 1;
const BORDER = 2;

export function computeLayout(size: Size): Layout {
  const width = Math.max(1, size.columns);
  const height = Math.max(1, size.rows - 1);
  const tooSmall = size.columns < MIN_COLUMNS || size.rows < MIN_ROWS;
  const wide = width >= WIDE_COLUMNS;
  const listWidth = wide ? Math.floor(width * 0.5) : width;
  const detailWidth = wide ? width - listWidth : width;
  const paneRows = Math.max(1, height - SUMMARY_LINES - FOOTER_LINES - BORDER);
  return {
    tooSmall,
    wide,
    height,
    width,
    paneRows,
    listRows: Math.max(1, paneRows - 1),
    listWidth,
    detailWidth,
    listInner: Math.max(1, listWidth - 4),
    detailInner: Math.max(1, detailWidth - 4),
  };
}

/**
 * Severity counts for the summary bar: the scan's own summary when it has one (the bar never
 * depends on the TUI's filters), else counted from the unwaived findings.
 */
export function severityCounts(result: ScanResult): Record<Severity, number> {
  if (result.summary?.bySeverity) return result.summary.bySeverity;
  const counts = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFO: 0 } as Record<Severity, number>;
  for (const f of result.findings) if (f.status !== 'waived') counts[f.severity]++;
  return counts;
}
