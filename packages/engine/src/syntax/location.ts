/** A source span. Rows and columns are 1-based; offsets are 0-based UTF-16 indices into the file. */
export interface Location {
  file: string;
  row: number;
  col: number;
  endRow: number;
  endCol: number;
  offset: number;
  endOffset: number;
}

export const NO_LOCATION: Location = { file: '', row: 0, col: 0, endRow: 0, endCol: 0, offset: 0, endOffset: 0 };

/** A span covering both `a` and `b` (a must start first). */
export function spanOf(a: Location, b: Location): Location {
  return { ...a, endRow: b.endRow, endCol: b.endCol, endOffset: b.endOffset };
}

/**
 * A code frame: the offending line(s) with line numbers and a caret under the column,
 * as shown to people in CLI errors.
 */
export function codeFrame(source: string, loc: Pick<Location, 'row' | 'col'>, context = 1): string {
  const lines = source.split(/\r?\n/);
  if (loc.row < 1 || loc.row > lines.length) return '';
  const first = Math.max(1, loc.row - context);
  const last = Math.min(lines.length, loc.row + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let r = first; r <= last; r++) {
    const marker = r === loc.row ? '>' : ' ';
    out.push(`${marker} ${String(r).padStart(width)} | ${lines[r - 1].replace(/\t/g, '    ')}`);
    if (r === loc.row) {
      const prefix = lines[r - 1].slice(0, Math.max(0, loc.col - 1)).replace(/\t/g, '    ');
      out.push(`  ${' '.repeat(width)} | ${' '.repeat(prefix.length)}^`);
    }
  }
  return out.join('\n');
}
