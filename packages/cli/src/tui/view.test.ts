import { describe, expect, it } from 'vitest';
import { FINDINGS, fixtureResult, manyFindings } from '../../../../test/tui/fixture.js';
import { computeLayout, computeVisible, createVisibleSelector, severityCounts, type ViewOptions } from './view.js';

const all: ViewOptions = { query: '', minSeverity: 'INFO', grouping: 'none', showWaived: true };
const ids = (fs: { policyId: string }[]) => fs.map((f) => f.policyId);

describe('computeVisible', () => {
  it('orders an ungrouped list by severity, most severe first', () => {
    const v = computeVisible(FINDINGS, all);
    expect(ids(v.findings)).toEqual(['PAL-K8S-001', 'PAL-DF-004', 'PAL-DF-001', 'PAL-DF-009', 'PAL-DF-012', 'PAL-K8S-005']);
    expect(v.rows.every((r) => r.kind === 'finding')).toBe(true);
  });

  it('hides waived findings unless asked, and counts them', () => {
    const v = computeVisible(FINDINGS, { ...all, showWaived: false });
    expect(ids(v.findings)).not.toContain('PAL-DF-012');
    expect(v.hiddenWaived).toBe(1);
  });

  it('filters by minimum severity and by text over id, message, file and resource', () => {
    expect(ids(computeVisible(FINDINGS, { ...all, minSeverity: 'HIGH' }).findings)).toEqual(['PAL-K8S-001', 'PAL-DF-004']);
    expect(ids(computeVisible(FINDINGS, { ...all, query: 'ROOT' }).findings)).toEqual(['PAL-DF-004']);
    expect(computeVisible(FINDINGS, { ...all, query: 'deployment.yaml' }).findings).toHaveLength(2);
    expect(ids(computeVisible(FINDINGS, { ...all, query: 'prod/api' }).findings)).toEqual(['PAL-K8S-001', 'PAL-K8S-005']);
    expect(ids(computeVisible(FINDINGS, { ...all, query: 'dl3015' }).findings)).toEqual(['PAL-DF-009']);
    expect(computeVisible(FINDINGS, { ...all, query: 'no such text' }).rows).toEqual([]);
  });

  it('groups by file with a header per file and keeps rowOf in step with rows', () => {
    const v = computeVisible(FINDINGS, { ...all, grouping: 'file' });
    const headers = v.rows.filter((r) => r.kind === 'header');
    expect(headers.map((h) => h.kind === 'header' && [h.label, h.count])).toEqual([
      ['Dockerfile', 4],
      ['k8s/deployment.yaml', 2],
    ]);
    v.findings.forEach((f, i) => {
      const row = v.rows[v.rowOf[i]!]!;
      expect(row.kind === 'finding' && row.finding).toBe(f);
    });
    // Within a file, findings follow the file's line order.
    expect(v.findings.slice(0, 4).map((f) => f.startLine)).toEqual([1, 6, 8, 9]);
  });

  it('orders policy groups by their most severe finding and severity groups by severity', () => {
    const byPolicy = computeVisible(FINDINGS, { ...all, grouping: 'policy' });
    expect(byPolicy.rows[0]).toMatchObject({ kind: 'header', label: 'PAL-K8S-001  Privileged container' });
    const bySev = computeVisible(FINDINGS, { ...all, grouping: 'severity' });
    const labels = bySev.rows.flatMap((r) => (r.kind === 'header' ? [r.label] : []));
    expect(labels).toEqual(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO']);
  });

  it('handles thousands of findings', () => {
    const many = manyFindings(5000);
    const v = computeVisible(many, { ...all, grouping: 'file' });
    expect(v.findings).toHaveLength(5000);
    expect(v.rows).toHaveLength(5000 + 500);
  });
});

describe('createVisibleSelector', () => {
  it('returns the cached answer while findings and options are unchanged', () => {
    const select = createVisibleSelector();
    const a = select(FINDINGS, all);
    expect(select(FINDINGS, { ...all })).toBe(a);
    const b = select(FINDINGS, { ...all, query: 'x' });
    expect(b).not.toBe(a);
    expect(select(FINDINGS.slice(), { ...all, query: 'x' })).not.toBe(b);
  });
});

describe('computeLayout', () => {
  it('leaves one terminal row free and splits panes only on wide terminals', () => {
    const small = computeLayout({ columns: 80, rows: 24 });
    expect(small).toMatchObject({ wide: false, height: 23, paneRows: 18, listWidth: 80, detailWidth: 80, tooSmall: false });
    const wide = computeLayout({ columns: 160, rows: 40 });
    expect(wide.wide).toBe(true);
    expect(wide.listWidth + wide.detailWidth).toBe(160);
    expect(computeLayout({ columns: 30, rows: 24 }).tooSmall).toBe(true);
  });
});

describe('severityCounts', () => {
  it('uses the scan summary', () => {
    expect(severityCounts(fixtureResult())).toEqual({ CRITICAL: 1, HIGH: 1, MEDIUM: 1, LOW: 1, INFO: 1 });
  });
});
