/**
 * Waivers: inline `# palisade:ignore ID[,ID] [reason]` comments and config entries
 * `{id, path, resource, reason, expires}`. A waived finding is kept with status `waived`.
 */
import type { ExpiredWaiver, Finding, Resource, Waiver } from './model.js';
import { matchGlob } from './scan-glob.js';

/** A waiver from the configuration file: which findings (policy id, path, resource) it covers, why, and until when. */
export interface ConfigWaiver {
  /** Policy id or glob (`KW-*`); case-insensitive. */
  id: string;
  /** File path glob; absent = every file. */
  path?: string;
  /** Resource glob over `kind/namespace/name` or the Dockerfile stage name. */
  resource?: string;
  reason?: string;
  /** Last day the waiver applies (YYYY-MM-DD, UTC). */
  expires?: string;
}

interface InlineWaiver {
  ids: string[];
  reason?: string;
}

const MARKER = /#\s*palisade:ignore\b[ \t]*(.*)$/;

/** Inline waivers of a file by 1-based line. */
export function parseInlineWaivers(lines: readonly string[]): Map<number, InlineWaiver> {
  const out = new Map<number, InlineWaiver>();
  lines.forEach((line, i) => {
    if (!line.includes('palisade:ignore')) return;
    const m = MARKER.exec(line);
    if (!m) return;
    // `ID,ID reason…`: ids are the leading comma-separated words.
    const idm = /^([^\s,]+(?:\s*,\s*[^\s,]+)*)\s*(.*)$/.exec(m[1]!.trim());
    if (!idm) return;
    const ids = idm[1]!.split(',').map((s) => s.trim()).filter(Boolean);
    const reason = idm[2]!.trim().replace(/^[-–—:]\s*/, '');
    out.set(i + 1, reason ? { ids, reason } : { ids });
  });
  return out;
}

function idMatches(pattern: string, id: string): boolean {
  return matchGlob(pattern, id, 'name', true);
}

function isCommentOnly(line: string | undefined): boolean {
  return line !== undefined && /^\s*#/.test(line);
}

/** `line` and the block of comment-only lines directly above it. */
function withCommentsAbove(line: number, lines: readonly string[]): number[] {
  const out = [line];
  for (let l = line - 1; l >= 1 && isCommentOnly(lines[l - 1]); l--) out.push(l);
  return out;
}

/**
 * The inline waiver covering a finding (docs/cli.md "Inline waivers"): on any line of the
 * finding's range (the line that carries the problem, e.g. after `privileged: true`), on the
 * comment lines directly above its first line, or on the first line of the resource the finding
 * belongs to (`resourceLine`: a Kubernetes document's first line, a compose service's key, a
 * Dockerfile stage's FROM) and the comments directly above that.
 */
export function inlineWaiverFor(
  f: Pick<Finding, 'policyId' | 'startLine'> & { endLine?: number },
  lines: readonly string[],
  waivers: Map<number, InlineWaiver>,
  resourceLine?: number,
): Waiver | undefined {
  if (waivers.size === 0 || !(f.startLine >= 1)) return undefined;
  const candidates = withCommentsAbove(f.startLine, lines);
  const end = Math.min(f.endLine ?? f.startLine, lines.length);
  for (let l = f.startLine + 1; l <= end; l++) if (waivers.has(l)) candidates.push(l);
  if (resourceLine !== undefined && resourceLine >= 1 && resourceLine !== f.startLine) candidates.push(...withCommentsAbove(resourceLine, lines));
  for (const line of candidates) {
    const w = waivers.get(line);
    if (w && w.ids.some((id) => idMatches(id, f.policyId))) return w.reason ? { source: 'inline', reason: w.reason } : { source: 'inline' };
  }
  return undefined;
}

/** `kind/namespace/name`, or the stage name for Dockerfiles. */
export function resourceKey(r: Resource | undefined): string {
  if (!r) return '';
  if (r.stage !== undefined) return r.stage;
  return [r.kind, r.namespace, r.name].filter((p) => p !== undefined && p !== '').join('/');
}

/** Today's date in UTC as YYYY-MM-DD. */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function isExpired(w: ConfigWaiver, today: string): boolean {
  return w.expires !== undefined && w.expires < today;
}

export function configWaiverFor(f: Finding, waivers: readonly ConfigWaiver[], today: string): Waiver | undefined {
  for (const w of waivers) {
    if (isExpired(w, today)) continue;
    if (!idMatches(w.id, f.policyId)) continue;
    if (w.path !== undefined && !matchGlob(w.path, f.file, 'path')) continue;
    if (w.resource !== undefined && !matchGlob(w.resource, resourceKey(f.resource), 'name')) continue;
    const out: Waiver = { source: 'config' };
    if (w.reason !== undefined) out.reason = w.reason;
    if (w.expires !== undefined) out.expires = w.expires;
    return out;
  }
  return undefined;
}

/** The configured waivers whose expiry date (YYYY-MM-DD) lies before `today`. */
export function expiredWaivers(waivers: readonly ConfigWaiver[], today: string): ExpiredWaiver[] {
  return waivers
    .filter((w) => isExpired(w, today))
    .map((w) => {
      const e: ExpiredWaiver = { id: w.id, expires: w.expires! };
      if (w.path !== undefined) e.path = w.path;
      if (w.reason !== undefined) e.reason = w.reason;
      return e;
    });
}
