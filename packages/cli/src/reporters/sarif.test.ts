import { describe, expect, it } from 'vitest';
import { emptyResult, finding, options, sampleResult } from '../../../../test/reporters/fixtures.js';
import { buildSarif, sarifReporter } from './sarif.js';

// Parsed SARIF is navigated freely; the schema test checks its shape.
type Json = any;

const run = (r = sampleResult(), o = options()): Json => (JSON.parse(sarifReporter.render(r, o)) as Json).runs[0];

describe('sarif reporter', () => {
  it('describes the tool and one rule per policy id', () => {
    const driver = run().tool.driver;
    expect(driver.name).toBe('palisade');
    expect(driver.version).toBe('0.1.0');
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules.map((r: Json) => r.id)).toEqual([
      'PAL-CMP-009', 'PAL-DF-001', 'PAL-DF-003', 'PAL-DF-010', 'PAL-K8S-001', 'PAL-K8S-020',
    ]);
    const k8s = driver.rules.find((r: Json) => r.id === 'PAL-K8S-001');
    expect(k8s.shortDescription.text).toBe('Privileged container');
    expect(k8s.fullDescription.text).toBe('Privileged containers can take over the node.');
    expect(k8s.help.text).toContain('Set securityContext.privileged to false.');
    expect(k8s.help.markdown).toContain('- <https://kubernetes.io/docs/concepts/security/pod-security-standards/>');
    // Non-web references are never turned into links.
    expect(k8s.help.markdown).not.toContain('<javascript:');
    expect(k8s.helpUri).toBe('https://kubernetes.io/docs/concepts/security/pod-security-standards/');
    expect(k8s.properties.tags).toEqual(['security', 'KSV-0017', 'PSS-baseline']);
  });

  it('maps severities to security-severity scores and levels', () => {
    const byId = new Map(run().tool.driver.rules.map((r: Json) => [r.id, r]));
    const score = (id: string) => (byId.get(id) as Json).properties['security-severity'];
    expect([score('PAL-K8S-001'), score('PAL-DF-001'), score('PAL-DF-010'), score('PAL-DF-003'), score('PAL-CMP-009')]).toEqual([
      '9.5', '8.0', '5.5', '3.0', '0.0',
    ]);
    const levels = Object.fromEntries(run().results.map((r: Json) => [`${r.ruleId}:${r.properties.status}`, r.level]));
    expect(levels).toMatchObject({
      'PAL-K8S-001:fail': 'error',
      'PAL-DF-001:fail': 'error',
      'PAL-DF-010:fail': 'warning',
      'PAL-DF-003:waived': 'note',
      'PAL-CMP-009:fail': 'note',
      // A HIGH warn rule is capped at warning.
      'PAL-K8S-020:warn': 'warning',
    });
  });

  it('points results at their rule by index', () => {
    const r = run();
    for (const res of r.results) expect(r.tool.driver.rules[res.ruleIndex].id).toBe(res.ruleId);
    expect(r.results).toHaveLength(sampleResult().findings.length);
  });

  it('uses repository-relative, percent-encoded URIs under %SRCROOT%', () => {
    const r = run();
    expect(r.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///repo/');
    const uris = r.results.map((x: Json) => x.locations[0].physicalLocation.artifactLocation);
    expect(uris).toContainEqual({ uri: 'k8s/deploy.yaml', uriBaseId: '%SRCROOT%' });
    expect(uris).toContainEqual({ uri: 'dir%20with%20space/compose%20%231.yaml', uriBaseId: '%SRCROOT%' });
    // Outside the root: an absolute URI and no base id.
    expect(uris).toContainEqual({ uri: 'file:///elsewhere/Dockerfile' });
    // The absolute /repo/... finding became relative too.
    expect(uris.filter((u: Json) => u.uri === 'k8s/deploy.yaml')).toHaveLength(3);
  });

  it('gives regions with line ranges and snippets, and none without a line', () => {
    const results = run().results;
    const priv = results.find((x: Json) => x.message.text.startsWith('Container "app"'));
    const loc = priv.locations[0];
    expect(loc.physicalLocation.region).toMatchObject({ startLine: 12, endLine: 14 });
    expect(loc.physicalLocation.region.snippet.text).toBe('          securityContext:\n            runAsUser: 0\n            privileged: true');
    expect(loc.physicalLocation.contextRegion).toMatchObject({ startLine: 10, endLine: 16 });
    expect(loc.logicalLocations).toEqual([{ name: 'web', fullyQualifiedName: 'Deployment/prod/web', kind: 'resource' }]);
    const noLine = results.find((x: Json) => x.ruleId === 'PAL-CMP-009');
    expect(noLine.locations[0].physicalLocation.region).toBeUndefined();
  });

  it('fingerprints findings independently of their line numbers', () => {
    const fp = (f: ReturnType<typeof finding>) =>
      (buildSarif({ ...emptyResult(), findings: [f] }, options()) as Json).runs[0].results[0].partialFingerprints['palisadeFindingHash/v1'];
    const base = finding({ file: 'a.yaml', startLine: 3, endLine: 4, message: 'm', resource: { kind: 'Pod', name: 'p' } });
    expect(fp(base)).toMatch(/^[0-9a-f]{64}$/);
    expect(fp({ ...base, startLine: 30, endLine: 31 })).toBe(fp(base));
    expect(fp({ ...base, file: '/repo/a.yaml' })).toBe(fp(base));
    expect(fp({ ...base, message: 'other' })).not.toBe(fp(base));
    expect(fp({ ...base, resource: { kind: 'Pod', name: 'q' } })).not.toBe(fp(base));
    expect(fp({ ...base, policyId: 'PAL-X' })).not.toBe(fp(base));
  });

  it('reports waived findings as accepted suppressions', () => {
    const waived = run().results.find((x: Json) => x.ruleId === 'PAL-DF-003');
    expect(waived.suppressions).toEqual([
      { kind: 'inSource', status: 'accepted', justification: 'needed for the "docs" build', properties: { expires: '2099-01-01' } },
    ]);
    const cfg = run({ ...emptyResult(), findings: [finding({ status: 'waived', waiver: { source: 'config' } })] }).results[0];
    expect(cfg.suppressions).toEqual([{ kind: 'external', status: 'accepted' }]);
    expect(run().results.filter((x: Json) => x.suppressions)).toHaveLength(1);
  });

  it('reports load errors and expired waivers as tool execution notifications', () => {
    const inv = run().invocations[0];
    expect(inv.executionSuccessful).toBe(true);
    expect(inv.toolExecutionNotifications.map((n: Json) => [n.level, n.descriptor.id])).toEqual([
      ['error', 'YAML_PARSE'],
      ['error', 'NOT_OBJECT'],
      ['warning', 'expired-waiver'],
    ]);
    expect(inv.toolExecutionNotifications[0].locations[0].physicalLocation.region).toEqual({ startLine: 3, startColumn: 5 });
    expect(run(emptyResult()).invocations[0].toolExecutionNotifications).toBeUndefined();
  });

  it('keeps message text verbatim (JSON escaping only)', () => {
    const text = run().results.map((x: Json) => x.message.text);
    expect(text).toContain(sampleResult().findings[0]!.message);
  });
});
