import type { Severity } from '@palisade/stdlib';
import { showControls } from './common.js';

const CODES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
  cyan: [36, 39],
  gray: [90, 39],
  brightRed: [91, 39],
} as const;

export type Style = keyof typeof CODES;

export type Painter = (text: string, ...styles: Style[]) => string;

export function painter(enabled: boolean): Painter {
  if (!enabled) return (text) => text;
  return (text, ...styles) => {
    let out = text;
    for (const s of styles) out = `\u001b[${CODES[s][0]}m${out}\u001b[${CODES[s][1]}m`;
    return out;
  };
}

const SEVERITY_STYLES: Record<Severity, Style[]> = {
  CRITICAL: ['brightRed', 'bold'],
  HIGH: ['red'],
  MEDIUM: ['yellow'],
  LOW: ['blue'],
  INFO: ['gray'],
};

export function severityStyles(s: Severity): Style[] {
  return SEVERITY_STYLES[s] ?? [];
}

/**
 * Makes untrusted text (messages, file contents) safe to print to a terminal or CI log:
 * control characters (ANSI escapes, carriage returns, bells) are shown as `\xNN` instead of
 * acting, and CI log commands (`##vso[`, `##[`) are broken with a zero-width space so a
 * scanned file cannot drive the pipeline. Newlines are kept; callers indent them.
 */
export function sanitizeTerminal(text: string): string {
  return showControls(text.replace(/\r\n/g, '\n'))
    .replace(/\r/g, '\\x0d')
    .replace(/##(?=vso\[|\[)/g, '#\u200b#');
}

/** Untrusted text that must stay on one line (file names, ids, titles): line breaks are shown as `\x0a`. */
export function sanitizeName(text: string): string {
  return sanitizeTerminal(text).replace(/\n/g, '\\x0a');
}

/**
 * The last step of every line-oriented report (text, tap, table, conftest): whatever a field
 * held, no output line can be a CI log command. GitHub Actions runs `::name::` at the start of a
 * line after leading white space is trimmed; Azure Pipelines runs `##vso[` and `##[` anywhere in
 * a line. A zero-width space breaks each (these formats never emit either themselves).
 */
export function disarmCommands(output: string): string {
  return output.replace(/^([^\S\r\n]*):(?=:)/gm, '$1:\u200b').replace(/##(?=vso\[|\[)/g, '#\u200b#');
}

/** Terminal column width: East Asian wide/fullwidth characters take two columns, marks none. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (/\p{Mark}/u.test(ch) || cp === 0x200b) continue;
    w += isWide(cp) ? 2 : 1;
  }
  return w;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

export function padEnd(text: string, width: number): string {
  const w = displayWidth(text);
  return w >= width ? text : text + ' '.repeat(width - w);
}
