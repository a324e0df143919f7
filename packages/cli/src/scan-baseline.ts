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
import { readFileSync, writeFileSync } from 'node:fs';
import { waiveFindings, type ScanResult } from '@palisade/stdlib';
import { findingFingerprint, relativePath, resourceLabel } from './reporters/common.js';

const FORMAT = 'palisade-baseline/v1';

export interface Baseline {
  fingerprints: Set<string>;
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
  for (const f of d.findings as unknown[]) {
    const fp = (f as { fingerprint?: unknown } | null)?.fingerprint;
    if (typeof fp !== 'string') return { error: `${path}: every entry of "findings" needs a "fingerprint" string` };
    fingerprints.add(fp);
  }
  return { baseline: { fingerprints } };
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
 * Writes the findings of `result` that no inline or configured waiver covers as a baseline (those
 * an earlier baseline waived are kept, so `--baseline B --write-baseline B` refreshes B: it drops
 * entries that match nothing and adds new findings). Returns how many were recorded.
 */
export function writeBaseline(path: string, result: ScanResult, cwd: string): number {
  const findings = baselineFindings(result)
    .map((f) => ({
      fingerprint: findingFingerprint(f, cwd),
      policyId: f.policyId,
      file: relativePath(f.file, cwd),
      ...(f.resource ? { resource: resourceLabel(f.resource) } : {}),
      message: f.message,
    }));
  // One entry per fingerprint: the same message on the same resource twice is one accepted finding.
  const unique = [...new Map(findings.map((f) => [f.fingerprint, f])).values()];
  writeFileSync(path, JSON.stringify({ format: FORMAT, findings: unique }, null, 2) + '\n');
  return unique.length;
}

/**
 * The findings a baseline written from this result accepts (unwaived ones, and those an old
 * baseline already covered). Several may share one entry (same fingerprint), so the write notice
 * counts these: the unit the next run reports as waived.
 */
export function baselineFindings(result: ScanResult): ScanResult['findings'] {
  return result.findings.filter((f) => f.status !== 'waived' || f.waiver?.source === 'baseline');
}
