/**
 * Text helpers for the TUI. Everything here works on plain strings measured in code points:
 * scanned files are mostly ASCII, and Ink's own `wrap="truncate"` is the safety net for wide
 * characters, so no line can ever overflow the pane it is drawn in.
 */
import type { Finding, Resource, Severity } from '@palisade/stdlib';

/** A run of text with one style; a screen line is a list of these. */
export interface Seg {
  text: string;
  color?: string;
  backgroundColor?: string;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
}
export type Line = Seg[];

/** Colour per severity, chosen to stay readable on dark and light terminals. */
export const SEVERITY_COLOR: Record<Severity, string> = {
  CRITICAL: 'red',
  HIGH: 'redBright',
  MEDIUM: 'yellow',
  LOW: 'blue',
  INFO: 'gray',
};

/** Four-letter labels keep the list columns aligned at 80 columns. */
export const SEVERITY_SHORT: Record<Severity, string> = {
  CRITICAL: 'CRIT',
  HIGH: 'HIGH',
  MEDIUM: 'MED',
  LOW: 'LOW',
  INFO: 'INFO',
};

const TAB_WIDTH = 4;

/**
 * Makes text from scanned files safe to print: a file must not be able to move the cursor or
 * change colours through the TUI, so control characters (ANSI escapes included) become visible
 * `\xNN` forms and tabs become spaces.
 */
export function sanitize(text: string): string {
  let out = '';
  let col = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\t') {
      const n = TAB_WIDTH - (col % TAB_WIDTH);
      out += ' '.repeat(n);
      col += n;
    } else if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0)) {
      const esc = `\\x${code.toString(16).padStart(2, '0')}`;
      out += esc;
      col += esc.length;
    } else {
      out += ch;
      col += 1;
    }
  }
  return out;
}

/** Number of display cells, counted as code points (see the module comment). */
export function textWidth(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Cuts `text` to `width` cells, ending with `…` when something was cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  const chars = Array.from(text);
  if (chars.length <= width) return text;
  if (width === 1) return '…';
  return chars.slice(0, width - 1).join('') + '…';
}

/** Cuts `text` to `width` cells from the front, starting with `…` when something was cut. */
export function truncateStart(text: string, width: number): string {
  if (width <= 0) return '';
  const chars = Array.from(text);
  if (chars.length <= width) return text;
  if (width === 1) return '…';
  return '…' + chars.slice(chars.length - width + 1).join('');
}

/** Pads or cuts to exactly `width` cells. */
export function fit(text: string, width: number): string {
  const cut = truncate(text, width);
  const w = textWidth(cut);
  return w < width ? cut + ' '.repeat(width - w) : cut;
}

/** Right-aligns in `width` cells (line numbers, counts). */
export function fitStart(text: string, width: number): string {
  const cut = truncate(text, width);
  const w = textWidth(cut);
  return w < width ? ' '.repeat(width - w) + cut : cut;
}

/**
 * Word-wraps to `width` cells. Existing newlines are kept; words longer than a line are split.
 * Always returns at least one line.
 */
export function wrap(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const out: string[] = [];
  for (const para of text.split(/\r?\n/)) {
    let line = '';
    let lineW = 0;
    for (const word of para.split(/ +/)) {
      if (word === '') continue;
      let chars = Array.from(word);
      // A word that cannot fit on any line is split across lines.
      while (chars.length > w) {
        if (lineW > 0) {
          out.push(line);
          line = '';
          lineW = 0;
        }
        out.push(chars.slice(0, w).join(''));
        chars = chars.slice(w);
      }
      if (chars.length === 0) continue;
      const needed = lineW === 0 ? chars.length : lineW + 1 + chars.length;
      if (needed > w) {
        out.push(line);
        line = chars.join('');
        lineW = chars.length;
      } else {
        line = lineW === 0 ? chars.join('') : `${line} ${chars.join('')}`;
        lineW = needed;
      }
    }
    out.push(line);
  }
  return out.length > 0 ? out : [''];
}

/** `file:12` or `file:12-14`; the file alone when the finding has no line. */
export function location(f: Pick<Finding, 'file' | 'startLine' | 'endLine'>): string {
  if (!f.startLine) return f.file;
  if (f.endLine && f.endLine !== f.startLine) return `${f.file}:${f.startLine}-${f.endLine}`;
  return `${f.file}:${f.startLine}`;
}

/** `Deployment ns/name`, `stage builder`, or '' when the finding names no resource. */
export function resourceLabel(r: Resource | undefined): string {
  if (!r) return '';
  if (r.stage !== undefined && r.stage !== '') return `stage ${r.stage}`;
  const name = r.namespace && r.name ? `${r.namespace}/${r.name}` : (r.name ?? '');
  return [r.kind ?? '', name].filter((s) => s !== '').join(' ');
}

/** Total width of a line's text. */
export function lineWidth(line: Line): number {
  let n = 0;
  for (const s of line) n += textWidth(s.text);
  return n;
}

/** Cuts a styled line to `width` cells, keeping the styles of the parts that remain. */
export function clipLine(line: Line, width: number): Line {
  const out: Line = [];
  let left = width;
  for (let i = 0; i < line.length; i++) {
    const seg = line[i]!;
    if (left <= 0) break;
    const w = textWidth(seg.text);
    if (w <= left) {
      out.push(seg);
      left -= w;
      continue;
    }
    out.push({ ...seg, text: truncate(seg.text, left) });
    left = 0;
  }
  return out;
}
