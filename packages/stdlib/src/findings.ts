/**
 * Rule results → findings: message, lines (through the document's source map), resource and
 * code snippet. Pure functions over a result value and its document.
 */
import { RObject, toJSONText, toJSONValue, trivyResultCause, type Value } from '@palisade/engine';
import type { FindingOrigin, InputDocument, JsonPath, LineRange, Resource, Snippet } from './model.js';

/** Own field of a result object (plain, null-prototype or value-keyed). */
export function field(obj: unknown, key: string): unknown {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return undefined;
  if (obj instanceof RObject) return obj.get(key);
  return Object.prototype.hasOwnProperty.call(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

function isPlainResult(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(Symbol.iterator in (v as object));
}

function jsonText(v: unknown): string {
  try {
    return toJSONText(toJSONValue(v as Value));
  } catch {
    return String(v);
  }
}

/** A result's message: the string itself, the object's `msg`, or the value as JSON. */
export function resultMessage(result: unknown): string {
  if (typeof result === 'string') return result;
  if (isPlainResult(result)) {
    const msg = field(result, 'msg');
    if (typeof msg === 'string') return msg;
    if (msg !== undefined) return jsonText(msg);
  }
  return jsonText(result);
}

/**
 * A result object's `_loc` (`{file, line}`), as conftest reads it: `file` a string, `line` a
 * number (conftest drops a line given as a string, and so does this); neither → none.
 */
export function resultOrigin(result: unknown): FindingOrigin | undefined {
  if (!isPlainResult(result)) return undefined;
  const loc = field(result, '_loc');
  if (!isPlainResult(loc)) return undefined;
  const origin: FindingOrigin = {};
  const file = field(loc, 'file');
  if (typeof file === 'string' && file !== '') origin.file = file;
  const line = field(loc, 'line');
  const n = typeof line === 'bigint' ? Number(line) : line;
  if (typeof n === 'number' && Number.isInteger(n) && n >= 0) origin.line = n;
  return origin.file === undefined && origin.line === undefined ? undefined : origin;
}

/** Parses `spec.containers[0].image`, `$.spec.x`, `/spec/x/0` or an array path. */
export function parseJsonPath(p: unknown): JsonPath | undefined {
  if (Array.isArray(p)) {
    const out: JsonPath = [];
    for (const s of p) {
      if (typeof s === 'string') out.push(s);
      else if (typeof s === 'number' && Number.isInteger(s)) out.push(s);
      else if (typeof s === 'bigint') out.push(Number(s));
      else return undefined;
    }
    return out;
  }
  if (typeof p !== 'string') return undefined;
  let s = p.trim();
  if (s.startsWith('/')) return s.split('/').slice(1).map((x) => (/^\d+$/.test(x) ? Number(x) : x.replace(/~1/g, '/').replace(/~0/g, '~')));
  if (s.startsWith('$')) s = s.slice(1);
  const out: JsonPath = [];
  const re = /\.?([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\['([^']*)'\]/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < s.length && (m = re.exec(s))) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(m[3].replace(/\\(.)/g, '$1'));
    else if (m[4] !== undefined) out.push(m[4]);
  }
  return re.lastIndex === s.length || out.length > 0 ? out : undefined;
}

function positiveInt(v: unknown): number | undefined {
  const n = typeof v === 'bigint' ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : undefined;
}

/** `StartLine`/`EndLine` (Dockerfile commands) or Trivy's `startline`/`endline` fields. */
function explicitLines(o: unknown): LineRange | undefined {
  if (!isPlainResult(o)) return undefined;
  const meta = field(o, '__defsec_metadata');
  if (meta !== undefined) {
    const r = explicitLines(meta);
    if (r) return r;
  }
  const start = positiveInt(field(o, 'StartLine')) ?? positiveInt(field(o, 'startline')) ?? positiveInt(field(o, 'start_line'));
  if (start === undefined) return undefined;
  const end = positiveInt(field(o, 'EndLine')) ?? positiveInt(field(o, 'endline')) ?? positiveInt(field(o, 'end_line')) ?? start;
  return { startLine: start, endLine: Math.max(start, end) };
}

export interface Location {
  range: LineRange;
  /** JSON path of the offending value in the document, when known. */
  path?: JsonPath;
  /** The offending value itself, when the result carried one. */
  cause?: unknown;
  /** How the lines were found (tests and debugging). */
  via: 'cause' | 'lines' | 'path' | 'document';
}

/**
 * Lines of a result in its document: `cause` by identity first; then explicit line fields
 * (the cause's `StartLine`/`EndLine`, Trivy's `startline`/`endline`); then `path`; then the
 * whole document.
 */
export function locate(doc: InputDocument, result: unknown): Location {
  // Trivy's result.new keeps only line fields; the value it was built from is kept on the side.
  const cause = isPlainResult(result) ? (field(result, 'cause') ?? trivyResultCause(result)) : undefined;
  if (cause !== null && typeof cause === 'object') {
    const range = doc.sourceMap.rangeOfValue(cause);
    if (range) return { range, path: doc.sourceMap.pathOfValue(cause), cause, via: 'cause' };
  }
  const lines = explicitLines(cause) ?? explicitLines(result);
  if (lines) return { range: lines, cause, via: 'lines' };
  const path = isPlainResult(result) ? parseJsonPath(field(result, 'path')) : undefined;
  if (path) {
    const range = doc.sourceMap.rangeOfPath(path);
    if (range) return { range, path, cause, via: 'path' };
  }
  return { range: doc.range, cause, via: 'document' };
}

function record(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** `golang:1.22 AS build` → `build`; `--platform=x node:20` → `node:20`. */
export function stageLabel(name: string): string {
  const alias = /\s+as\s+(\S+)\s*$/i.exec(name);
  if (alias) return alias[1]!;
  const image = name.split(/\s+/).find((t) => t !== '' && !t.startsWith('--'));
  return image ?? name;
}

/** Index of the Dockerfile stage a finding is in: from its path, its cause's Stage, or its first line. */
function dockerfileStageIndex(doc: InputDocument, loc: Location): number | undefined {
  const stages = field(doc.value, 'Stages');
  if (!Array.isArray(stages)) return undefined;
  let index: number | undefined;
  if (loc.path && loc.path[0] === 'Stages' && typeof loc.path[1] === 'number') index = loc.path[1];
  else {
    const s = field(loc.cause, 'Stage');
    if (typeof s === 'number') index = s;
    else if (loc.range !== doc.range) {
      // No identity: the stage whose commands cover the finding's first line.
      index = stages.findIndex((st) => {
        const cmds = field(st, 'Commands');
        if (!Array.isArray(cmds) || cmds.length === 0) return false;
        const first = positiveInt(field(cmds[0], 'StartLine')) ?? 0;
        const last = positiveInt(field(cmds[cmds.length - 1], 'EndLine')) ?? 0;
        return loc.range.startLine >= first && loc.range.startLine <= last;
      });
    }
  }
  return index === undefined || index < 0 || index >= stages.length ? undefined : index;
}

function dockerfileStage(doc: InputDocument, loc: Location): string | undefined {
  const index = dockerfileStageIndex(doc, loc);
  if (index === undefined) return undefined;
  const name = text(field((field(doc.value, 'Stages') as unknown[])[index], 'Name'));
  return name === undefined ? String(index) : stageLabel(name);
}

/** The resource a finding is about, from the document kind and the finding's path. */
export function resourceOf(doc: InputDocument, loc: Location): Resource | undefined {
  const v = record(doc.value);
  switch (doc.kind) {
    case 'kubernetes': {
      if (!v) return undefined;
      const meta = record(field(v, 'metadata'));
      const r: Resource = {};
      const kind = text(field(v, 'kind'));
      const ns = text(field(meta, 'namespace'));
      const name = text(field(meta, 'name'));
      if (kind) r.kind = kind;
      if (ns) r.namespace = ns;
      if (name) r.name = name;
      return Object.keys(r).length ? r : undefined;
    }
    case 'compose': {
      const p = loc.path;
      if (p && p[0] === 'services' && typeof p[1] === 'string') return { kind: 'service', name: p[1] };
      return undefined;
    }
    case 'dockerfile': {
      const stage = dockerfileStage(doc, loc);
      return stage === undefined ? undefined : { stage };
    }
    case 'docker-inspect': {
      if (!v) return undefined;
      const name = text(field(v, 'Name'))?.replace(/^\//, '');
      if (name) return { kind: field(v, 'State') !== undefined ? 'container' : 'image', name };
      const tags = field(v, 'RepoTags');
      const tag = Array.isArray(tags) ? text(tags[0]) : undefined;
      return tag ? { kind: 'image', name: tag } : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * First line of the resource a finding belongs to, where an inline waiver for the whole resource
 * goes: a Kubernetes or docker-inspect document's first line, a compose service's key, a
 * Dockerfile stage's FROM. Undefined for other kinds.
 */
export function resourceStartLine(doc: InputDocument, loc: Location): number | undefined {
  switch (doc.kind) {
    case 'kubernetes':
    case 'docker-inspect':
      return doc.range.startLine;
    case 'compose': {
      const p = loc.path;
      if (p && p[0] === 'services' && typeof p[1] === 'string') return doc.sourceMap.rangeOfPath(['services', p[1]])?.startLine;
      return undefined;
    }
    case 'dockerfile': {
      const stages = field(doc.value, 'Stages');
      const index = dockerfileStageIndex(doc, loc);
      if (!Array.isArray(stages) || index === undefined) return undefined;
      const from = field(stages[index], 'Commands');
      const first = Array.isArray(from) ? field(from[0], 'StartLine') : undefined;
      return typeof first === 'number' ? first : undefined;
    }
    default:
      return undefined;
  }
}

/** Lines of context shown around the offending lines. */
export const SNIPPET_CONTEXT = 2;
/** Longest run of offending lines kept in a snippet (the finding keeps its full range). */
export const SNIPPET_MAX_HIGHLIGHT = 20;

/** Splits a file into lines once (`\r\n` and `\n`). */
export function splitLines(source: string): string[] {
  const lines = source.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The snippet of a finding: its lines plus a little context, or undefined when the range is outside the file. */
export function snippetOf(lines: readonly string[], range: LineRange): Snippet | undefined {
  if (!(range.startLine >= 1) || range.startLine > lines.length) return undefined;
  const hiStart = range.startLine;
  const hiEnd = Math.min(range.endLine, lines.length, hiStart + SNIPPET_MAX_HIGHLIGHT - 1);
  const from = Math.max(1, hiStart - SNIPPET_CONTEXT);
  const to = Math.min(lines.length, hiEnd + SNIPPET_CONTEXT);
  return { startLine: from, lines: lines.slice(from - 1, to), highlightStart: hiStart, highlightEnd: Math.max(hiStart, hiEnd) };
}
