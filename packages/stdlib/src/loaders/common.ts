import type { DocumentKind, InputDocument, LineRange, LoadError, LoadResult, SourceMap } from '../model.js';

/**
 * Inputs above this size are refused before parsing: a 50 MB manifest or report is far beyond
 * anything real, and parsing it would stall a browser tab or a CI job for no benefit.
 */
export const MAX_INPUT_CHARS = 50 * 1024 * 1024;

/** Stable codes of load errors (part of the public contract: reporters and tests match them). */
export const LoadErrorCode = {
  TooLarge: 'input_too_large',
  Syntax: 'syntax_error',
  AliasLimit: 'alias_limit_exceeded',
  InvalidDocument: 'invalid_document',
  UnsupportedVersion: 'unsupported_schema_version',
  Dockerfile: 'dockerfile_error',
  UnknownKind: 'unknown_kind',
  Internal: 'internal_error',
} as const;

export function loadError(path: string, code: string, message: string, line?: number, column?: number): LoadError {
  const e: LoadError = { path, code, message };
  if (line !== undefined) e.line = line;
  if (column !== undefined) e.column = column;
  return e;
}

export function sizeError(path: string, text: string): LoadError | undefined {
  if (text.length <= MAX_INPUT_CHARS) return undefined;
  const mb = (text.length / (1024 * 1024)).toFixed(1);
  return loadError(path, LoadErrorCode.TooLarge, `input is ${mb} MB; the limit is ${MAX_INPUT_CHARS / (1024 * 1024)} MB`);
}

export function emptyResult(): LoadResult {
  return { documents: [], errors: [] };
}

export function errorResult(err: LoadError): LoadResult {
  return { documents: [], errors: [err] };
}

export function makeDocument(
  kind: DocumentKind,
  path: string,
  index: number,
  value: unknown,
  sourceMap: SourceMap,
  range: LineRange,
): InputDocument {
  return { kind, path, index, value, sourceMap, range };
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Own-property read that is safe for keys such as `__proto__` or `constructor`. */
export function getOwn(o: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

/** Own-property write that never touches the prototype chain (`__proto__` stays a data key). */
export function setOwn(o: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    o[key] = value;
  }
}

/** Number of lines of a text (a trailing newline does not open a new line). */
export function lineCount(text: string): number {
  if (text.length === 0) return 1;
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n - 1 : n;
}

/** Base name of a path written with `/` or `\` separators. */
export function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i === -1 ? path : path.slice(i + 1);
}

/** Converts an unexpected exception into a load error: loaders never throw at their callers. */
export function internalError(path: string, e: unknown): LoadError {
  const msg = e instanceof Error ? e.message : String(e);
  if (e instanceof RangeError && /call stack/i.test(msg)) {
    return loadError(path, LoadErrorCode.InvalidDocument, 'document is nested too deeply');
  }
  return loadError(path, LoadErrorCode.Internal, `loader failed: ${msg}`);
}
