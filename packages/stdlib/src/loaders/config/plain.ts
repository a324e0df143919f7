import type { DocumentKind, LoadResult } from '../../model.js';
import { LoadErrorCode, errorResult, internalError, lineCount, loadError, makeDocument, setOwn, sizeError } from '../common.js';
import { TreeSourceMap } from '../source-map.js';

/**
 * Shared plumbing of the configuration-file kinds conftest parses (TOML, INI, XML, HCL, …): their
 * parsers yield a plain value and no positions, so a document maps every path to the whole file.
 */

/** A parse failure with the position the parser reported, when it did. */
export class ConfigSyntaxError {
  constructor(
    readonly message: string,
    readonly line?: number,
    readonly column?: number,
  ) {}
}

/**
 * Copies a parser's output into plain JSON values: dates become their text, non-finite numbers
 * (TOML's `inf`/`nan`) their TOML spelling, and `__proto__` stays an ordinary key.
 */
export function toPlain(v: unknown, depth = 0): unknown {
  if (depth > 512) throw new ConfigSyntaxError('document nests deeper than 512 levels');
  if (v === null || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'bigint') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
  if (v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? String(v) : typeof (v as { toISOString?: unknown }).toISOString === 'function' ? v.toISOString() : String(v);
  if (Array.isArray(v)) return v.map((x) => toPlain(x, depth + 1));
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) setOwn(out, k, toPlain(x, depth + 1));
    return out;
  }
  return String(v);
}

/**
 * Runs `parse` over a file's text and wraps the value as one document of `kind`. A
 * ConfigSyntaxError becomes a `syntax_error` with its position; anything else thrown by a
 * third-party parser is reported as a syntax error too (they throw plain Errors on bad input).
 */
export function loadPlain(kind: DocumentKind, path: string, text: string, parse: (text: string) => unknown): LoadResult {
  const tooLarge = sizeError(path, text);
  if (tooLarge) return errorResult(tooLarge);
  let value: unknown;
  try {
    value = toPlain(parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
  } catch (e) {
    if (e instanceof RangeError) return errorResult(internalError(path, e));
    if (e instanceof ConfigSyntaxError) return errorResult(loadError(path, LoadErrorCode.Syntax, `${kind}: ${e.message}`, e.line, e.column));
    if (e instanceof Error) return errorResult(loadError(path, LoadErrorCode.Syntax, `${kind}: ${firstLine(e.message)}`, lineOf(e), columnOf(e)));
    return errorResult(internalError(path, e));
  }
  const whole = { startLine: 1, endLine: lineCount(text) };
  return { documents: [makeDocument(kind, path, 0, value, new TreeSourceMap(value, whole), whole)], errors: [] };
}

function firstLine(s: string): string {
  const t = s.trim();
  const i = t.indexOf('\n');
  return i === -1 ? t : t.slice(0, i);
}

function lineOf(e: Error): number | undefined {
  const l = (e as { line?: unknown }).line;
  return typeof l === 'number' && l >= 1 ? l : undefined;
}

function columnOf(e: Error): number | undefined {
  const c = (e as { column?: unknown }).column;
  return typeof c === 'number' && c >= 1 ? c : undefined;
}
