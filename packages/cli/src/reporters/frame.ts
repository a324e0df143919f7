import * as path from 'node:path';
import type { Finding } from '@palisade/stdlib';

export type FrameRow =
  | { kind: 'line'; number: number; text: string; highlighted: boolean }
  /** Lines left out of a long highlighted range. */
  | { kind: 'gap'; count: number };

/** Context lines shown around the offending range when reading from the source text. */
const CONTEXT = 2;
/** Offending ranges longer than this are shown as head + gap + tail. */
const MAX_HIGHLIGHT = 12;
const HEAD = 8;
const TAIL = 3;

/**
 * The code excerpt of a finding: its own snippet when the scanner attached one, otherwise
 * cut from `sources`. Undefined when there is no line information or no text.
 */
export function codeFrame(f: Finding, sources: Map<string, string> | undefined, cwd: string): FrameRow[] | undefined {
  if (f.snippet && f.snippet.lines.length > 0) {
    const s = f.snippet;
    const rows = s.lines.map((text, i) => {
      const number = s.startLine + i;
      return { number, text: stripEol(text), highlighted: number >= s.highlightStart && number <= s.highlightEnd };
    });
    return elide(rows);
  }
  if (!(f.startLine >= 1)) return undefined;
  const text = lookupSource(f.file, sources, cwd);
  if (text === undefined) return undefined;
  const lines = text.split(/\r?\n/);
  const start = f.startLine;
  const end = Math.max(start, Math.min(f.endLine, lines.length));
  if (start > lines.length) return undefined;
  const from = Math.max(1, start - CONTEXT);
  const to = Math.min(lines.length, end + CONTEXT);
  const rows = [];
  for (let n = from; n <= to; n++) {
    rows.push({ number: n, text: lines[n - 1] ?? '', highlighted: n >= start && n <= end });
  }
  return elide(rows);
}

function lookupSource(file: string, sources: Map<string, string> | undefined, cwd: string): string | undefined {
  if (!sources) return undefined;
  const direct = sources.get(file);
  if (direct !== undefined) return direct;
  const abs = path.resolve(cwd, file);
  return sources.get(abs) ?? sources.get(path.relative(cwd, abs));
}

function stripEol(s: string): string {
  return s.replace(/\r?\n$/, '');
}

function elide(rows: { number: number; text: string; highlighted: boolean }[]): FrameRow[] {
  const hl = rows.filter((r) => r.highlighted);
  const all: FrameRow[] = rows.map((r) => ({ kind: 'line', ...r }));
  if (hl.length <= MAX_HIGHLIGHT) return all;
  const first = rows.indexOf(hl[0]!);
  const cutFrom = first + HEAD;
  const cutTo = rows.indexOf(hl[hl.length - 1]!) - TAIL + 1;
  return [...all.slice(0, cutFrom), { kind: 'gap', count: cutTo - cutFrom }, ...all.slice(cutTo)];
}

/** The offending lines only, joined: SARIF `region.snippet` and similar. */
export function highlightedText(rows: FrameRow[] | undefined): string | undefined {
  if (!rows) return undefined;
  const lines = rows.filter((r) => r.kind === 'line' && r.highlighted).map((r) => (r.kind === 'line' ? r.text : ''));
  return lines.length > 0 && !rows.some((r) => r.kind === 'gap') ? lines.join('\n') : undefined;
}
