import { SEVERITIES } from '@palisade/stdlib';
import type { Finding, ScanResult } from '@palisade/stdlib';
import { disarmCommands, painter, sanitizeName, sanitizeTerminal, severityStyles, type Painter } from './ansi.js';
import { countStatuses, groupBy, plural, relativePath, resourceLabel, sortedFindings } from './common.js';
import { codeFrame, type FrameRow } from './frame.js';
import type { ReportOptions, Reporter } from './types.js';

const RULE = '─'.repeat(60);
const HEAVY = '═'.repeat(60);

export const textReporter: Reporter = {
  name: 'text',
  description: 'Human-readable report grouped by file, with code frames and a summary (default)',
  extension: 'txt',
  render: renderText,
};

function renderText(result: ScanResult, opts: ReportOptions): string {
  const p = painter(opts.color);
  const out: string[] = [];
  const byFile = groupBy(sortedFindings(result.findings, opts.cwd), (f) => relativePath(f.file, opts.cwd));

  for (const [file, findings] of byFile) {
    const c = countStatuses(findings);
    const counts = [
      c.fail ? plural(c.fail, 'failure') : '',
      c.warn ? plural(c.warn, 'warning') : '',
      c.waived ? `${c.waived} waived` : '',
    ].filter(Boolean);
    out.push(p(clean(file), 'bold') + p(` (${counts.join(', ')})`, 'dim'), HEAVY, '');
    for (const f of findings) out.push(...renderFinding(f, file, opts, p), '');
  }

  if (result.findings.length === 0) out.push(p('No findings.', 'green'), '');

  if (result.errors.length > 0) {
    out.push(p(`Load errors (${result.errors.length})`, 'bold', 'red'));
    for (const e of result.errors) {
      const where = [relativePath(e.path, opts.cwd), e.line, e.line !== undefined ? e.column : undefined]
        .filter((x) => x !== undefined)
        .join(':');
      out.push(`  ${clean(where)}  ${p(clean(e.code), 'dim')}  ${indentRest(cleanText(e.message), 4)}`);
    }
    out.push('');
  }

  if (result.expiredWaivers.length > 0) {
    out.push(p(`Expired waivers (${result.expiredWaivers.length})`, 'bold', 'yellow'));
    for (const w of result.expiredWaivers) {
      const where = w.path ? ` in ${relativePath(w.path, opts.cwd)}` : '';
      const why = w.reason ? ` (${w.reason})` : '';
      out.push(`  ${clean(`${w.id}${where} expired ${w.expires}${why}`)}`);
    }
    out.push('');
  }

  out.push(...renderSummary(result, p));
  return disarmCommands(out.join('\n') + '\n');
}

function renderFinding(f: Finding, file: string, opts: ReportOptions, p: Painter): string[] {
  const sev = p(f.severity, ...severityStyles(f.severity));
  const status = f.status === 'warn' ? p(' WARN', 'yellow', 'bold') : f.status === 'waived' ? p(' WAIVED', 'gray') : '';
  const head = `${p(clean(f.policyId), 'bold')} [${sev}]${status} ${clean(f.title)}`;
  const lines = [head];

  if (f.status === 'waived') {
    const w = f.waiver;
    const detail = [`${w?.source ?? 'inline'} waiver`, w?.reason, w?.expires ? `expires ${w.expires}` : '']
      .filter(Boolean)
      .join(', ');
    lines.push(p(`  ${locationOf(f, file)}  ${clean(detail)}`, 'gray'));
    return lines;
  }

  lines.push(`  ${indentRest(cleanText(f.message), 2)}`);
  const res = resourceLabel(f.resource);
  if (res) lines.push(`  ${p('Resource:', 'dim')} ${clean(res)}`);
  if (f.remediation) lines.push(`  ${p('Fix:', 'dim')} ${indentRest(cleanText(f.remediation), 7)}`);
  if (f.references.length > 0) lines.push(`  ${p('See:', 'dim')} ${clean(f.references[0]!)}`);

  const frame = codeFrame(f, opts.sources, opts.cwd);
  if (!frame) {
    lines.push(`  ${p('At:', 'dim')} ${p(locationOf(f, file), 'cyan')}`);
    return lines;
  }
  lines.push(p(RULE, 'dim'), ` ${p(locationOf(f, file), 'cyan')}`, p(RULE, 'dim'), ...renderFrame(frame, p, f), p(RULE, 'dim'));
  return lines;
}

function locationOf(f: Finding, file: string): string {
  const where = f.startLine >= 1 ? `:${f.startLine}${f.endLine > f.startLine ? `-${f.endLine}` : ''}` : '';
  return clean(file + where);
}

/**
 * Trivy-style frame: `[` marks a single offending line; `┌ │ └` bracket a range.
 */
function renderFrame(rows: FrameRow[], p: Painter, f: Finding): string[] {
  const width = String(Math.max(...rows.map((r) => (r.kind === 'line' ? r.number : 0)))).length;
  const hl = rows.filter((r) => r.kind === 'line' && r.highlighted).length;
  let seen = 0;
  return rows.map((r) => {
    if (r.kind === 'gap') {
      seen++;
      return p(`${' '.repeat(width + 1)} │ … ${plural(r.count, 'line')} …`, 'dim');
    }
    const num = String(r.number).padStart(width + 1);
    if (!r.highlighted) return p(`${num}   ${clean(r.text)}`, 'dim');
    seen++;
    const total = hl + rows.filter((x) => x.kind === 'gap').length;
    const mark = total === 1 ? '[' : seen === 1 ? '┌' : seen === total ? '└' : '│';
    return `${p(num, ...severityStyles(f.severity))} ${p(mark, ...severityStyles(f.severity))} ${clean(r.text)}`;
  });
}

function renderSummary(result: ScanResult, p: Painter): string[] {
  const s = result.summary;
  const sev = SEVERITIES.map((k) => `${p(k, ...severityStyles(k))}: ${s.bySeverity[k] ?? 0}`).join('  ');
  return [
    p('Summary', 'bold'),
    `  ${plural(s.files, 'file')}, ${plural(s.documents, 'document')}, ${plural(s.policies, 'policy', 'policies')}`,
    `  Failures: ${colorCount(s.failures, p, 'red')}  Warnings: ${colorCount(s.warnings, p, 'yellow')}  ` +
      `Waived: ${s.waived}  Load errors: ${colorCount(s.errors, p, 'red')}`,
    `  ${sev}`,
  ];
}

function colorCount(n: number, p: Painter, style: 'red' | 'yellow'): string {
  return n > 0 ? p(String(n), style, 'bold') : String(n);
}

/** A field that stays on its line (names, ids, titles, source lines). */
function clean(s: string): string {
  return sanitizeName(s);
}

/** Multi-line text (messages, remediation): line breaks kept, indented by the caller. */
function cleanText(s: string): string {
  return sanitizeTerminal(s);
}

/** Keeps continuation lines of multi-line text inside the finding's indentation. */
function indentRest(s: string, n: number): string {
  return s.replace(/\r?\n/g, `\n${' '.repeat(n)}`);
}
