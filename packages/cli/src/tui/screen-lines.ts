/**
 * Builders for every fixed part of the screen (summary bar, list rows, footer, overlays) as
 * styled lines. Pure functions of the ScanResult and the TUI state, so they are cheap to test
 * and each list row can be memoised on its own inputs.
 */
import { SEVERITIES } from '@palisade/stdlib';
import type { Finding, ScanResult } from '@palisade/stdlib';
import {
  SEVERITY_COLOR,
  SEVERITY_SHORT,
  clipLine,
  fit,
  fitStart,
  lineWidth,
  location,
  resourceLabel,
  sanitize,
  truncate,
  truncateStart,
  wrap,
  type Line,
  type Seg,
} from './format.js';
import { KEY_HELP } from './keys.js';
import type { TuiState } from './state.js';
import { severityCounts, type Grouping, type Row, type ViewOptions, type Visible } from './view.js';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Two lines: scan totals, then counts per severity as a small bar chart. */
export function summaryLines(result: ScanResult, width: number): [Line, Line] {
  const s = result.summary;
  // The long wording when it fits, the short one at 80 columns.
  const totals = (short: boolean): Line => {
    const line: Line = [
      { text: ' PALISADE ', inverse: true, bold: true },
      {
        text: short
          ? ` ${plural(s.files, 'file')} · `
          : ` ${plural(s.files, 'file')} scanned · ${plural(s.policies, 'policy', 'policies')} · `,
      },
      { text: short ? `${s.failures} failed` : plural(s.failures, 'failure'), bold: s.failures > 0 },
      { text: short ? ` · ${s.warnings} warn · ${s.waived} waived · ` : ` · ${plural(s.warnings, 'warning')} · ${s.waived} waived · ` },
      s.errors > 0
        ? { text: `${plural(s.errors, 'error')} (e)`, color: 'red', bold: true }
        : { text: '0 errors' },
    ];
    if (result.expiredWaivers.length > 0) {
      const n = result.expiredWaivers.length;
      line.push({ text: short ? ` · ${n} expired` : ` · ${plural(n, 'expired waiver')}`, color: 'magenta' });
    }
    return line;
  };
  const long = totals(false);
  const facts = lineWidth(long) <= width ? long : totals(true);

  const counts = severityCounts(result);
  const max = Math.max(1, ...SEVERITIES.map((sev) => counts[sev]));
  const labels = SEVERITIES.map((sev) => `${SEVERITY_SHORT[sev]} ${counts[sev]} `);
  const fixed = labels.reduce((n, l) => n + l.length + 2, 1);
  const barMax = Math.max(1, Math.min(12, Math.floor((width - fixed) / SEVERITIES.length)));
  const chart: Line = [{ text: ' ' }];
  SEVERITIES.forEach((sev, i) => {
    const n = counts[sev];
    const len = n === 0 ? 0 : Math.max(1, Math.round((n / max) * barMax));
    chart.push({ text: labels[i]!, color: SEVERITY_COLOR[sev], bold: n > 0, dim: n === 0 });
    chart.push({ text: '█'.repeat(len), color: SEVERITY_COLOR[sev] });
    chart.push({ text: ' '.repeat(barMax - len + 2) });
  });
  return [clipLine(facts, width), clipLine(chart, width)];
}

const GROUP_LABEL: Record<Grouping, string> = {
  file: 'by file',
  policy: 'by policy',
  severity: 'by severity',
  none: 'ungrouped',
};

/** First row of the list pane: position and the filters in force. */
export function listTitleLine(visible: Visible, state: TuiState, total: number, width: number): Line {
  const n = visible.findings.length;
  const pos = n === 0 ? '0' : `${state.cursor + 1}/${n}`;
  const v: ViewOptions = state.view;
  const parts: Seg[] = [
    { text: 'Findings ', bold: true },
    { text: pos },
    { text: n < total ? ` of ${total}` : '', dim: true },
    { text: ` · ${GROUP_LABEL[v.grouping]}`, dim: true },
  ];
  if (v.minSeverity !== 'INFO') parts.push({ text: ` · ≥${v.minSeverity}`, color: SEVERITY_COLOR[v.minSeverity] });
  if (v.query) parts.push({ text: ` · /${sanitize(v.query)}`, color: 'cyan' });
  parts.push({ text: v.showWaived ? ' · waived shown' : visible.hiddenWaived > 0 ? ` · ${visible.hiddenWaived} waived hidden` : '', dim: true });
  return clipLine(parts, width);
}

const BADGE = 6;
/** Marker, badge and the space after it. */
const FIXED = 2 + BADGE + 1;
const MIN_MESSAGE = 24;

/** Column widths of the list, fixed per width so rows line up while scrolling. */
export interface Columns {
  id: number;
  resource: number;
  location: number;
  /** Under file grouping the header names the file, so rows show only `:line`. */
  lineOnly: boolean;
}

export function listColumns(visible: Visible, width: number, grouping: Grouping): Columns {
  let idMax = 6;
  for (const f of visible.findings) if (f.policyId.length > idMax) idMax = f.policyId.length;
  const id = Math.min(idMax, 16);
  const lineOnly = grouping === 'file';
  let location = lineOnly ? 8 : width >= 100 ? 28 : 18;
  let resource = width >= 100 ? 24 : 14;
  // The message is what a reader scans for: resource and location give way to keep it readable.
  const message = () => width - (FIXED + id + 1 + (resource ? resource + 1 : 0) + location + 1);
  if (message() < MIN_MESSAGE) resource = 0;
  if (message() < MIN_MESSAGE && !lineOnly) location = 14;
  return { id, resource, location, lineOnly };
}


/** One finding in the list: marker, severity badge, id, resource, location, message. */
export function findingRowLine(
  f: Finding,
  cols: Columns,
  width: number,
  selected: boolean,
  focused: boolean,
): Line {
  const waived = f.status === 'waived';
  const loc = cols.lineOnly ? (f.startLine ? `:${f.startLine}` : '') : sanitize(location(f));
  const fixed = FIXED + cols.id + 1 + (cols.resource ? cols.resource + 1 : 0) + cols.location + 1;
  const msgWidth = Math.max(0, width - fixed);
  const msg = (waived ? '[waived] ' : f.status === 'warn' ? '[warn] ' : '') + sanitize(f.message).replace(/\s+/g, ' ');
  const highlight = selected && focused;
  const body: Seg[] = [
    { text: fit(f.policyId, cols.id) + ' ', bold: !waived },
    ...(cols.resource ? [{ text: fit(sanitize(resourceLabel(f.resource)), cols.resource) + ' ' }] : []),
    // Paths are cut at the front: the file name and line matter more than the directories.
    { text: (cols.lineOnly ? fitStart(loc, cols.location - 1) + ' ' : fit(truncateStart(loc, cols.location), cols.location)) + ' ', dim: !highlight },
    { text: fit(msg, msgWidth) },
  ].map((s) => ({ ...s, inverse: highlight, dim: (s.dim ?? false) || (waived && !highlight) }));
  return clipLine(
    [
      { text: selected ? '› ' : '  ', color: 'cyan', bold: true },
      {
        text: ` ${SEVERITY_SHORT[f.severity].padEnd(BADGE - 2)} `.slice(0, BADGE),
        color: 'black',
        backgroundColor: waived ? 'gray' : SEVERITY_COLOR[f.severity],
        bold: true,
      },
      { text: ' ' },
      ...body,
    ],
    width,
  );
}

export function headerRowLine(row: Extract<Row, { kind: 'header' }>, width: number): Line {
  return clipLine(
    [
      { text: '▾ ', dim: true },
      { text: sanitize(row.label), bold: true, ...(row.severity ? { color: SEVERITY_COLOR[row.severity] } : {}) },
      { text: ` (${row.count})`, dim: true },
    ],
    width,
  );
}

/** The bottom row: the filter being typed, or the key hints. */
export function footerLine(state: TuiState, width: number): Line {
  if (state.filterDraft !== null) {
    return clipLine(
      [
        { text: ' / ', inverse: true, bold: true },
        { text: sanitize(state.filterDraft) },
        { text: '█', color: 'cyan' },
        { text: '   Enter apply · Esc cancel', dim: true },
      ],
      width,
    );
  }
  const hints: [string, string][] = state.overlay
    ? [['Esc', 'close'], ['j/k', 'scroll'], ['q', 'quit']]
    : state.focus === 'detail'
      ? [['j/k', 'scroll'], ['Esc', 'back'], ['Tab', 'list'], ['?', 'help'], ['q', 'quit']]
      : [
          ['j/k', 'move'],
          ['Enter', 'open'],
          ['/', 'filter'],
          ['s', 'sev'],
          ['g', 'group'],
          ['w', 'waived'],
          ['e', 'errors'],
          ['?', 'help'],
          ['q', 'quit'],
        ];
  const build = (gap: string): Line => {
    const line: Line = [{ text: ' ' }];
    for (const [k, label] of hints) line.push({ text: k, bold: true, color: 'cyan' }, { text: ` ${label}${gap}`, dim: true });
    return line;
  };
  const roomy = build('  ');
  return clipLine(lineWidth(roomy) <= width ? roomy : build(' '), width);
}

export function helpLines(width: number): Line[] {
  const keyWidth = Math.max(...KEY_HELP.map(([k]) => k.length)) + 2;
  const out: Line[] = [[{ text: 'Keys', bold: true, color: 'cyan' }], []];
  for (const [k, what] of KEY_HELP) {
    const wrapped = wrap(what, Math.max(10, width - keyWidth));
    wrapped.forEach((l, i) => out.push([{ text: fit(i === 0 ? k : '', keyWidth), bold: true }, { text: l }]));
  }
  out.push([], [{ text: 'Severity filter: all → ≥LOW → ≥MEDIUM → ≥HIGH → CRITICAL → all.', dim: true }]);
  return out;
}

/** Files that failed to load, and waivers past their expiry date. */
export function errorLines(result: ScanResult, width: number): Line[] {
  const out: Line[] = [[{ text: `Load errors (${result.errors.length})`, bold: true, color: 'cyan' }], []];
  if (result.errors.length === 0) out.push([{ text: '  Every file loaded.', dim: true }]);
  for (const e of result.errors) {
    const pos = e.line ? `:${e.line}${e.column ? `:${e.column}` : ''}` : '';
    out.push([{ text: truncate(sanitize(e.path + pos), width), bold: true, color: 'red' }]);
    for (const l of wrap(`${e.code}: ${sanitize(e.message)}`, width - 2)) out.push([{ text: '  ' + l }]);
  }
  if (result.expiredWaivers.length > 0) {
    out.push([], [{ text: `Expired waivers (${result.expiredWaivers.length})`, bold: true, color: 'magenta' }]);
    for (const w of result.expiredWaivers) {
      const where = w.path ? ` in ${w.path}` : '';
      const text = `${w.id}${where}: expired ${w.expires}${w.reason ? ` (${w.reason})` : ''}`;
      for (const l of wrap(sanitize(text), width - 2)) out.push([{ text: '  ' + l }]);
    }
  }
  return out;
}
