import { describe, expect, it } from 'vitest';
import { finding, options, sampleResult } from '../../../../test/reporters/fixtures.js';
import { jsonReporter } from './json.js';

const render = (r = sampleResult()) => jsonReporter.render(r, options());

/** Rebuilds an object with its keys in reverse order, to prove output order does not depend on input order. */
function reversed(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversed);
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)]));
}

describe('json reporter', () => {
  it('prints the result unchanged', () => {
    const r = sampleResult();
    expect(JSON.parse(render(r))).toEqual(JSON.parse(JSON.stringify(r)));
  });

  it('puts schemaVersion first and uses the documented key order', () => {
    const doc = JSON.parse(render()) as { findings: Record<string, unknown>[] };
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'findings', 'errors', 'expiredWaivers', 'summary']);
    expect(render().startsWith('{\n  "schemaVersion": 1,\n')).toBe(true);
    expect(Object.keys(doc.findings[0]!)).toEqual([
      'policyId', 'title', 'severity', 'status', 'message', 'description', 'file', 'startLine', 'endLine',
      'resource', 'remediation', 'references', 'related', 'namespace', 'rule',
    ]);
  });

  it('is byte-identical whatever the key order of the input objects', () => {
    const r = sampleResult();
    expect(jsonReporter.render(reversed(r) as typeof r, options())).toBe(render(r));
  });

  it('orders nested objects and the severity histogram', () => {
    const f = finding({
      resource: { stage: '1', name: 'n', kind: 'K' } as never,
      waiver: { expires: '2030-01-01', reason: 'r', source: 'config' } as never,
      status: 'waived',
    });
    const r = sampleResult();
    r.findings = [f];
    r.summary.bySeverity = { INFO: 1, LOW: 2, MEDIUM: 3, HIGH: 4, CRITICAL: 5 };
    const doc = JSON.parse(render(r)) as { findings: { resource: object; waiver: object }[]; summary: { bySeverity: object } };
    expect(Object.keys(doc.findings[0]!.resource)).toEqual(['kind', 'name', 'stage']);
    expect(Object.keys(doc.findings[0]!.waiver)).toEqual(['source', 'reason', 'expires']);
    expect(Object.keys(doc.summary.bySeverity)).toEqual(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO']);
  });

  it('keeps unknown fields from newer scanners, sorted after the known ones', () => {
    const r = sampleResult();
    (r.findings[0] as unknown as Record<string, unknown>).zeta = { b: 1, a: 2 };
    (r.findings[0] as unknown as Record<string, unknown>).alpha = true;
    const doc = JSON.parse(render(r)) as { findings: Record<string, unknown>[] };
    const keys = Object.keys(doc.findings[0]!);
    expect(keys.slice(-3)).toEqual(['rule', 'alpha', 'zeta']);
    expect(Object.keys(doc.findings[0]!.zeta as object)).toEqual(['a', 'b']);
  });

  it('drops undefined optional fields instead of writing null', () => {
    const out = render();
    expect(out).not.toContain('null');
    expect(out).not.toContain('"waiver": undefined');
  });
});
