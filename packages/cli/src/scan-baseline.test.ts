import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureResult } from '../../../test/tui/fixture.js';
import { applyBaseline, readBaseline, writeBaseline } from './scan-baseline.js';

const dir = mkdtempSync(join(tmpdir(), 'palisade-baseline-'));

describe('baseline files', () => {
  it('round-trips: every unwaived finding written is waived when read back, and the summary is recounted', () => {
    const result = fixtureResult();
    const open = result.findings.filter((f) => f.status !== 'waived');
    const file = join(dir, 'b.json');
    const n = writeBaseline(file, result, '/');
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
});
