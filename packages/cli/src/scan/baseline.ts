/**
 * Baseline files for `palisade scan`: `--write-baseline FILE` records the current unwaived
 * findings; `--baseline FILE` reports findings recorded there as waived (source `baseline`), so a
 * pipeline adopting Palisade on an existing repository fails only on new findings.
 *
 * A finding is identified by the same line-independent fingerprint as SARIF's
 * `partialFingerprints` (policy id, path, resource, message): edits elsewhere in a file do not
 * turn a recorded finding into a new one. The file also carries those fields in clear so a
 * reviewer can read what was accepted.
 */
import { readFileSync } from 'node:fs';
import { waiveFindings, type ScanResult } from '@palisade/stdlib';
import { writeFileAtomic } from '../atomic-write.js';
import { findingFingerprint, relativePath, resourceLabel } from '../reporters/common.js';

const FORMAT = 'palisade-baseline/v1';

/** One recorded finding as stored in the file (fields other than the fingerprint are for readers). */
export interface BaselineEntry {
  fingerprint: string;
  policyId?: string;
  file?: string;
  resource?: string;
  message?: string;
}

export interface Baseline {
  fingerprints: Set<string>;
  /** The entries as read, in file order, so a refresh can carry over those it cannot re-check. */
  entries: BaselineEntry[];
}

/** Reads a baseline file; the error says why it cannot be used. */
export function readBaseline(path: string): { baseline?: Baseline; error?: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return { error: `cannot read baseline ${path}: ${why}` };
  }
  const d = doc as { format?: unknown; findings?: unknown };
  if (d === null || typeof d !== 'object' || d.format !== FORMAT || !Array.isArray(d.findings)) {
    return { error: `${path} is not a Palisade baseline (expected "format": "${FORMAT}" and a "findings" list; write one with --write-baseline)` };
  }
  const fingerprints = new Set<string>();
  const entries: BaselineEntry[] = [];
  for (const f of d.findings as unknown[]) {
    const e = f as Record<string, unknown> | null;
    const fp = e?.['fingerprint'];
    if (typeof fp !== 'string') return { error: `${path}: every entry of "findings" needs a "fingerprint" string` };
    fingerprints.add(fp);
    const entry: BaselineEntry = { fingerprint: fp };
    for (const k of ['policyId', 'file', 'resource', 'message'] as const) if (typeof e![k] === 'string') entry[k] = e![k] as string;
    entries.push(entry);
  }
  return { baseline: { fingerprints, entries } };
}

/** Marks the findings recorded in the baseline as waived; counts matches and entries that matched nothing. */
export function applyBaseline(result: ScanResult, baseline: Baseline, file: string, cwd: string): { result: ScanResult; matched: number; stale: number } {
  const seen = new Set<string>();
  let matched = 0;
  const out = waiveFindings(result, (f) => {
    const fp = findingFingerprint(f, cwd);
    if (!baseline.fingerprints.has(fp)) return undefined;
    seen.add(fp);
    matched++;
    return { source: 'baseline', reason: `recorded in baseline ${file}` };
  });
  return { result: out, matched, stale: [...baseline.fingerprints].filter((fp) => !seen.has(fp)).length };
}

/**
 * Entries of `previous` this run could not re-check: those of files that failed to load or whose
 * evaluation erred (all of them when a combined evaluation erred, or an entry names no file).
 * A refresh keeps them, so an error in one run never silently un-accepts recorded findings.
 */
export function uncheckedEntries(previous: Baseline, result: ScanResult, cwd: string): BaselineEntry[] {
  if (result.errors.length === 0) return [];
  const failed = new Set(result.errors.map((e) => relativePath(e.path, cwd)));
  const everything = failed.has('(combined)');
  return previous.entries.filter((e) => everything || e.file === undefined || failed.has(e.file));
}

/**
 * Writes the findings of `result` that no inline or configured waiver covers as a baseline (those
 * an earlier baseline waived are kept, so `--baseline B --write-baseline B` refreshes B: it drops
 * entries that match nothing and adds new findings), plus `keep` (entries carried over from the
 * old baseline, see uncheckedEntries). Written atomically: a failed write leaves the old file.
 * Returns how many entries were written, and how many of them were carried over from `keep`.
 */
export function writeBaseline(path: string, result: ScanResult, cwd: string, keep: readonly BaselineEntry[] = []): { entries: number; carried: number } {
  const findings: BaselineEntry[] = baselineFindings(result)
    .map((f) => ({
      fingerprint: findingFingerprint(f, cwd),
      policyId: f.policyId,
      file: relativePath(f.file, cwd),
      ...(f.resource ? { resource: resourceLabel(f.resource) } : {}),
      message: f.message,
    }));
  // One entry per fingerprint: the same message on the same resource twice is one accepted finding.
  const current = new Map(findings.map((f) => [f.fingerprint, f]));
  const carried = [...new Map(keep.filter((e) => !current.has(e.fingerprint)).map((e) => [e.fingerprint, e])).values()];
  writeFileAtomic(path, JSON.stringify({ format: FORMAT, findings: [...current.values(), ...carried] }, null, 2) + '\n');
  return { entries: current.size + carried.length, carried: carried.length };
}

/**
 * The findings a baseline written from this result accepts (unwaived ones, and those an old
 * baseline already covered). Several may share one entry (same fingerprint), so the write notice
 * counts these: the unit the next run reports as waived.
 */
export function baselineFindings(result: ScanResult): ScanResult['findings'] {
  return result.findings.filter((f) => f.status !== 'waived' || f.waiver?.source === 'baseline');
}
