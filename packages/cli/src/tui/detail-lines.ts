/**
 * The detail pane as a list of pre-wrapped styled lines. Building lines (instead of letting the
 * layout engine wrap) lets the pane scroll by line and guarantees it never grows past its box.
 */
import type { Finding, Snippet } from '@palisade/stdlib';
import {
  SEVERITY_COLOR,
  fitStart,
  location,
  resourceLabel,
  sanitize,
  truncate,
  wrap,
  type Line,
} from './format.js';

/** Lines of context shown around the offending lines when the excerpt comes from the source. */
const CONTEXT_LINES = 3;
/** Longest excerpt built from a source file; a finding spanning a whole file stays readable. */
const MAX_EXCERPT_LINES = 40;

/** Splits source files once per file, however often their findings are shown. */
export class SourceCache {
  private readonly split = new Map<string, string[]>();
  constructor(private readonly sources: ReadonlyMap<string, string> | undefined) {}

  lines(path: string): string[] | undefined {
    let lines = this.split.get(path);
    if (lines === undefined) {
      const text = this.sources?.get(path);
      if (text === undefined) return undefined;
      lines = text.split(/\r?\n/);
      this.split.set(path, lines);
    }
    return lines;
  }
}

/** The excerpt to show: the finding's own snippet, else one cut from the source text. */
export function excerptFor(finding: Finding, cache: SourceCache): Snippet | undefined {
  if (finding.snippet && finding.snippet.lines.length > 0) return finding.snippet;
  if (!finding.startLine) return undefined;
  const lines = cache.lines(finding.file);
  if (!lines) return undefined;
  const start = Math.max(1, finding.startLine - CONTEXT_LINES);
  const lastHighlight = Math.max(finding.startLine, finding.endLine || finding.startLine);
  const end = Math.min(lines.length, lastHighlight + CONTEXT_LINES, start + MAX_EXCERPT_LINES - 1);
  if (start > lines.length) return undefined;
  return {
    startLine: start,
    lines: lines.slice(start - 1, end),
    highlightStart: finding.startLine,
    highlightEnd: lastHighlight,
  };
}

/** Numbered code lines; offending lines carry a `>` mark and a highlight. */
export function codeLines(snippet: Snippet, width: number): Line[] {
  const last = snippet.startLine + snippet.lines.length - 1;
  const gutter = String(last).length;
  const codeWidth = Math.max(1, width - gutter - 5);
  return snippet.lines.map((raw, i) => {
    const n = snippet.startLine + i;
    const hot = n >= snippet.highlightStart && n <= snippet.highlightEnd;
    const code = truncate(sanitize(raw), codeWidth);
    return [
      { text: hot ? '> ' : '  ', color: 'red', bold: true },
      { text: fitStart(String(n), gutter), dim: !hot, ...(hot ? { color: 'yellow' } : {}) },
      { text: ' │ ', dim: true },
      hot ? { text: code, color: 'yellow', bold: true } : { text: code },
    ];
  });
}

const heading = (text: string): Line => [{ text, bold: true, color: 'cyan' }];
const blank: Line = [];

function paragraph(text: string, width: number, indent = '  '): Line[] {
  return wrap(sanitize(text), width - indent.length).map((l) => [{ text: indent + l }]);
}

/** All detail lines of one finding for a pane `width` cells wide. */
export function detailLines(finding: Finding, width: number, cache: SourceCache): Line[] {
  const out: Line[] = [];
  const title = sanitize(finding.title || finding.policyId);
  const titleLines = wrap(title, Math.max(1, width - finding.policyId.length - 12));
  out.push([
    { text: ` ${finding.severity} `, backgroundColor: SEVERITY_COLOR[finding.severity], color: 'black', bold: true },
    { text: ' ' },
    { text: finding.policyId, bold: true },
    { text: '  ' },
    { text: titleLines[0] ?? '', bold: true },
  ]);
  for (const l of titleLines.slice(1)) out.push([{ text: l, bold: true }]);

  const facts: string[] = [finding.status === 'warn' ? 'warning' : finding.status, location(finding)];
  const res = resourceLabel(finding.resource);
  if (res) facts.push(sanitize(res));
  for (const l of wrap(facts.join(' · '), width)) out.push([{ text: l, dim: true }]);
  if (finding.namespace || finding.rule) {
    const origin = [finding.namespace, finding.rule].filter(Boolean).join(' · rule ');
    out.push([{ text: truncate(`package ${origin}`, width), dim: true }]);
  }
  if (finding.waiver) {
    const w = finding.waiver;
    const parts = [`waived (${w.source})`];
    if (w.reason) parts.push(sanitize(w.reason));
    if (w.expires) parts.push(`expires ${sanitize(w.expires)}`);
    for (const l of wrap(parts.join(' · '), width)) out.push([{ text: l, color: 'magenta' }]);
  }

  out.push(blank, heading('Message'), ...paragraph(finding.message, width));
  if (finding.description) out.push(blank, heading('Description'), ...paragraph(finding.description, width));
  if (finding.remediation) out.push(blank, heading('Remediation'), ...paragraph(finding.remediation, width));
  if (finding.references.length > 0) {
    out.push(blank, heading('References'));
    for (const ref of finding.references) {
      for (const [i, l] of wrap(sanitize(ref), width - 4).entries()) {
        out.push([{ text: i === 0 ? '  • ' : '    ' }, { text: l, color: 'blue' }]);
      }
    }
  }
  if (finding.related.length > 0) {
    out.push(blank, heading('Related'), ...paragraph(finding.related.join(', '), width));
  }

  out.push(blank, heading('Code'));
  const excerpt = excerptFor(finding, cache);
  if (excerpt) out.push(...codeLines(excerpt, width));
  else out.push([{ text: '  (no source excerpt available)', dim: true }]);
  return out;
}
