import { describe, expect, it } from 'vitest';
import { compareFindings, compareSeverity, severityRank, sortForReport } from './finding-order.js';
import { findingsFail } from './scan-result.js';
import type { Finding, ScanResult, Severity } from './model.js';

function finding(over: Partial<Finding>): Finding {
  return {
    policyId: 'PS-0001',
    title: '',
    severity: 'LOW',
    status: 'fail',
    message: 'm',
    file: 'a.yaml',
    startLine: 1,
    endLine: 1,
    references: [],
    related: [],
    namespace: 'ns',
    rule: 'deny',
    ...over,
  };
}

describe('severity order', () => {
  it('ranks CRITICAL highest and an unknown value below INFO', () => {
    const ranks = (['INFO', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as Severity[]).map(severityRank);
    expect(ranks).toEqual([1, 2, 3, 4, 5]);
    expect(severityRank('SEVERE' as Severity)).toBe(0);
  });

  it('sorts worst first', () => {
    expect((['LOW', 'CRITICAL', 'INFO', 'HIGH'] as Severity[]).sort(compareSeverity)).toEqual(['CRITICAL', 'HIGH', 'LOW', 'INFO']);
  });

  it('fails a scan at or above the threshold only', () => {
    const result = { findings: [finding({ severity: 'MEDIUM' })] } as ScanResult;
    expect(findingsFail(result, { failOn: 'MEDIUM' })).toBe(true);
    expect(findingsFail(result, { failOn: 'HIGH' })).toBe(false);
  });
});

describe('finding orders', () => {
  const onLine = [
    finding({ policyId: 'PS-0002', severity: 'LOW' }),
    finding({ policyId: 'PS-0003', severity: 'CRITICAL' }),
    finding({ policyId: 'PS-0001', severity: 'LOW', startLine: 2 }),
  ];

  it('result order: policy id before severity within a line', () => {
    expect([...onLine].sort(compareFindings).map((f) => f.policyId)).toEqual(['PS-0002', 'PS-0003', 'PS-0001']);
  });

  it('report order: worst severity first within a line', () => {
    expect(sortForReport(onLine).map((f) => f.policyId)).toEqual(['PS-0003', 'PS-0002', 'PS-0001']);
  });

  it('report order compares the displayed path', () => {
    const fs = [finding({ file: '/repo/b.yaml', policyId: 'B' }), finding({ file: 'a.yaml', policyId: 'A' }), finding({ file: '/repo/a.yaml', policyId: 'C', startLine: 3 })];
    const shown = sortForReport(fs, (file) => file.replace(/^\/repo\//, ''));
    expect(shown.map((f) => f.policyId)).toEqual(['A', 'C', 'B']);
  });
});
