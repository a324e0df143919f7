import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureResult } from '../../../../test/tui/fixture.js';
import { applyBaseline, readBaseline, uncheckedEntries, writeBaseline } from './baseline.js';

const dir = mkdtempSync(join(tmpdir(), 'palisade-baseline-'));

describe('baseline files', () => {
  it('round-trips: every unwaived finding written is waived when read back, and the summary is recounted', () => {
    const result = fixtureResult();
    const open = result.findings.filter((f) => f.status !== 'waived');
    const file = join(dir, 'b.json');
    const { entries: n, carried } = writeBaseline(file, result, '/');
    expect(carried).toBe(0);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThanOrEqual(open.length);
    const { baseline, error } = readBaseline(file);
    expect(error).toBeUndefined();
    const applied = applyBaseline(result, baseline!, 'b.json', '/');
    expect(applied.matched).toBe(open.length);
    expect(applied.stale).toBe(0);
    expect(applied.result.summary).toMatchObject({ failures: 0, warnings: 0, waived: result.findings.length });
    expect(applied.result.summary.bySeverity).toEqual({ CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFO: 0 });
    // Findings waived before keep their own waiver.
    const before = result.findings.filter((f) => f.status === 'waived').map((f) => f.waiver);
    expect(applied.result.findings.filter((f) => f.waiver?.source !== 'baseline').map((f) => f.waiver)).toEqual(before);
  });

  it('counts entries that match nothing and refuses files that are not baselines', () => {
    const file = join(dir, 'stale.json');
    writeFileSync(file, JSON.stringify({ format: 'palisade-baseline/v1', findings: [{ fingerprint: 'gone' }] }));
    const applied = applyBaseline(fixtureResult(), readBaseline(file).baseline!, 'stale.json', '/');
    expect([applied.matched, applied.stale]).toEqual([0, 1]);
    writeFileSync(file, '[]');
    expect(readBaseline(file).error).toMatch(/is not a Palisade baseline/);
    writeFileSync(file, JSON.stringify({ format: 'palisade-baseline/v1', findings: [{}] }));
    expect(readBaseline(file).error).toMatch(/needs a "fingerprint"/);
    expect(readBaseline(join(dir, 'missing.json')).error).toMatch(/cannot read baseline .*ENOENT/);
  });

  it('is written atomically: no temporary file is left, and a write that fails leaves no partial file', () => {
    const sub = mkdtempSync(join(dir, 'atomic-'));
    const file = join(sub, 'b.json');
    writeFileSync(file, 'old');
    writeBaseline(file, fixtureResult(), '/');
    expect(readdirSync(sub)).toEqual(['b.json']);
    expect(readBaseline(file).error).toBeUndefined();
    // A target that cannot be replaced (a directory) fails the rename: the error reaches the caller, no temporary file stays.
    const blocked = join(sub, 'dir.json');
    mkdirSync(join(blocked, 'inner'), { recursive: true });
    expect(() => writeBaseline(blocked, fixtureResult(), '/')).toThrow();
    expect(readdirSync(sub).sort()).toEqual(['b.json', 'dir.json']);
  });

  it('a refresh keeps the entries of files that failed to load, and only those', () => {
    const result = fixtureResult();
    const file = join(dir, 'refresh.json');
    const recorded = [
      { fingerprint: 'broken-1', policyId: 'PAL-K8S-001', file: 'k8s/broken.yaml', message: 'privileged' },
      { fingerprint: 'gone', policyId: 'PAL-DF-001', file: 'Dockerfile', message: 'fixed since' },
    ];
    writeFileSync(file, JSON.stringify({ format: 'palisade-baseline/v1', findings: recorded }));
    const old = readBaseline(file).baseline!;
    // fixtureResult has a load error for k8s/broken.yaml: its entry cannot be re-checked.
    const keep = uncheckedEntries(old, result, '/');
    expect(keep.map((e) => e.fingerprint)).toEqual(['broken-1']);
    const { carried } = writeBaseline(file, result, '/', keep);
    expect(carried).toBe(1);
    const written = JSON.parse(readFileSync(file, 'utf8')) as { findings: { fingerprint: string; file: string }[] };
    expect(written.findings.filter((f) => f.file === 'k8s/broken.yaml')).toEqual([recorded[0]]);
    expect(written.findings.some((f) => f.fingerprint === 'gone')).toBe(false);
    // Without errors nothing is carried over; an error of a combined evaluation keeps everything.
    expect(uncheckedEntries(old, { ...result, errors: [] }, '/')).toEqual([]);
    expect(uncheckedEntries(old, { ...result, errors: [{ path: '(combined)', code: 'eval_conflict_error', message: 'x' }] }, '/')).toHaveLength(2);
  });
});
