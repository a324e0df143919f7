import { SEVERITIES } from '@palisade/stdlib';
import type { ScanResult } from '@palisade/stdlib';
import { disarmCommands, displayWidth, padEnd, painter, sanitizeTerminal, severityStyles } from './ansi.js';
import { locationLabel, plural, relativePath, resourceLabel, sortedFindings } from './common.js';
import type { ReportOptions, Reporter } from './types.js';

export const tableReporter: Reporter = {
  name: 'table',
  description: 'One aligned row per finding',
  extension: 'txt',
  render: renderTable,
};

const STATUS: Record<string, string> = { fail: 'FAIL', warn: 'WARN', waived: 'WAIVED' };

function renderTable(result: ScanResult, opts: ReportOptions): string {
  const p = painter(opts.color);
  const out: string[] = [];
  if (result.findings.length === 0) {
    out.push('No findings.');
  } else {
    const header = ['SEVERITY', 'STATUS', 'ID', 'LOCATION', 'RESOURCE', 'TITLE'];
    const rows = sortedFindings(result.findings, opts.cwd).map((f) => ({
      severity: f.severity,
      cells: [f.severity, STATUS[f.status] ?? f.status, f.policyId, locationLabel(f, opts.cwd), resourceLabel(f.resource) || '-', f.title].map(cell),
    }));
    const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r.cells[i]!))));
    out.push(p(line(header, widths), 'bold'));
    out.push(p(widths.map((w) => '─'.repeat(w)).join('  '), 'dim'));
    for (const r of rows) {
      // Pad before colouring: escape codes have no width.
      const padded = r.cells.map((c, i) => (i === r.cells.length - 1 ? c : padEnd(c, widths[i]!)));
      padded[0] = p(padded[0]!, ...severityStyles(r.severity));
      out.push(padded.join('  '));
    }
  }

  if (result.errors.length > 0) {
    out.push('', p('LOAD ERRORS', 'bold', 'red'));
    const rows = result.errors.map((e) =>
      [[relativePath(e.path, opts.cwd), e.line, e.line !== undefined ? e.column : undefined].filter((x) => x !== undefined).join(':'), e.code, e.message].map(
        (x) => cell(String(x)),
      ),
    );
    const widths = [0, 1].map((i) => Math.max(...rows.map((r) => displayWidth(r[i]!))));
    for (const r of rows) out.push(`${padEnd(r[0]!, widths[0]!)}  ${padEnd(r[1]!, widths[1]!)}  ${r[2]}`);
  }

  const s = result.summary;
  out.push(
    '',
    `${plural(s.failures, 'failure')}, ${plural(s.warnings, 'warning')}, ${s.waived} waived, ${plural(s.errors, 'load error')} — ` +
      SEVERITIES.map((k) => `${k} ${s.bySeverity[k] ?? 0}`).join(', '),
  );
  return disarmCommands(out.join('\n') + '\n');
}

function line(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === cells.length - 1 ? c : padEnd(c, widths[i]!))).join('  ');
}

/** One physical line per row: newlines collapse to spaces, control characters are shown. */
function cell(s: string): string {
  return sanitizeTerminal(s.replace(/\s*[\r\n]+\s*/g, ' '));
}
