import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { sortForReport } from '@palisade/stdlib';
import type { Finding, Resource } from '@palisade/stdlib';

/** Placeholder until the project has a public home; callers may override via ReportOptions. */
export const DEFAULT_INFORMATION_URI = 'https://github.com/palisade/palisade';

/** The findings in the report order (docs/reporters.md), paths as the reports show them. */
export function sortedFindings(findings: readonly Finding[], cwd: string): Finding[] {
  return sortForReport(findings, (file) => relativePath(file, cwd));
}

/** Groups preserving first-seen order of keys. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * Path relative to the repository root with `/` separators. Relative inputs are taken as
 * relative to `cwd` already; paths outside the root stay absolute (callers must not pretend
 * they are inside it).
 */
export function relativePath(file: string, cwd: string): string {
  if (file === '' || file === '-') return file;
  const abs = path.resolve(cwd, file);
  const rel = path.relative(path.resolve(cwd), abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return toPosix(abs);
  return toPosix(rel);
}

export function isInsideRoot(file: string, cwd: string): boolean {
  const rel = relativePath(file, cwd);
  return rel !== '' && !path.posix.isAbsolute(rel) && !/^[A-Za-z]:\//.test(rel);
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** `Deployment/prod/web`, `stage builder`, or '' when the finding names no resource. */
export function resourceLabel(r: Resource | undefined): string {
  if (!r) return '';
  const parts = [r.kind, r.namespace, r.name].filter((p): p is string => !!p);
  const base = parts.join('/');
  if (r.stage !== undefined && r.stage !== '') return base ? `${base} (stage ${r.stage})` : `stage ${r.stage}`;
  return base;
}

/** `file:12` or `file:12-15`; just the file when the finding has no line. */
export function locationLabel(f: Finding, cwd: string): string {
  const file = relativePath(f.file, cwd);
  if (!(f.startLine >= 1)) return file;
  return f.endLine > f.startLine ? `${file}:${f.startLine}-${f.endLine}` : `${file}:${f.startLine}`;
}

/**
 * Identity of a finding across runs: deliberately excludes line numbers so that unrelated
 * edits above a finding do not make CI systems see it as new.
 */
export function findingFingerprint(f: Finding, cwd: string): string {
  const parts = [f.policyId, relativePath(f.file, cwd), resourceLabel(f.resource), f.message];
  return createHash('sha256').update(parts.join('\u0000'), 'utf8').digest('hex');
}

export interface StatusCounts {
  fail: number;
  warn: number;
  waived: number;
}

export function countStatuses(findings: readonly Finding[]): StatusCounts {
  const c: StatusCounts = { fail: 0, warn: 0, waived: 0 };
  for (const f of findings) c[f.status]++;
  return c;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Only http(s) URLs become links anywhere; everything else is shown as text. */
export function isWebUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Replaces lone UTF-16 surrogates (which URI and XML encoders reject) with U+FFFD. */
export function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * Shows control characters other than tab and line breaks as `\xNN`, so text from scanned
 * files cannot drive the terminal or CI log viewer (colours, cursor moves, title changes), and
 * Unicode line separators and bidirectional overrides (which make a name read as another) as `\uNNNN`.
 */
export function showControls(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const n = c.charCodeAt(0);
    return n > 0xff ? `\\u${n.toString(16)}` : `\\x${n.toString(16).padStart(2, '0')}`;
  });
}
