import { describe, expect, it } from 'vitest';
import { isIsoDay, parseConfig } from './config.js';

describe('palisade.yaml', () => {
  it('reads every key into the camelCase shape', () => {
    const { config, issues } = parseConfig(`
policy: policy/
stdlib: true
namespace: [main, "k8s.*"]
all-namespaces: false
profile: pss-restricted
fail-on: high
fail-on-warn: true
dockerfile-shape: conftest
output: [text, sarif=out.sarif]
jobs: 4
timeout: 500
config: {allowed_registries: [ghcr.io]}
waivers:
  - id: PAL-K8S-001
    path: k8s/legacy/**
    resource: Deployment/prod/*
    reason: migrating
    expires: 2030-01-31
`);
    expect(issues).toEqual([]);
    expect(config).toEqual({
      policy: ['policy/'],
      stdlib: true,
      namespace: ['main', 'k8s.*'],
      allNamespaces: false,
      profile: 'pss-restricted',
      failOn: 'HIGH',
      failOnWarn: true,
      dockerfileShape: 'conftest',
      output: ['text', 'sarif=out.sarif'],
      jobs: 4,
      timeout: 500,
      config: { allowed_registries: ['ghcr.io'] },
      waivers: [{ id: 'PAL-K8S-001', path: 'k8s/legacy/**', resource: 'Deployment/prod/*', reason: 'migrating', expires: '2030-01-31' }],
    });
  });

  it('reports unknown keys, wrong types, bad dates and bad YAML with their location', () => {
    const { issues } = parseConfig('profiles: all\nfail-on: SEVERE\njobs: 0\nwaivers:\n  - reason: x\n    expires: 2024-02-30\n');
    expect(issues.map((i) => i.path)).toEqual(['profiles', 'fail-on', 'jobs', 'waivers[0].id', 'waivers[0].expires']);
    const bad = parseConfig('a: [\n');
    expect(bad.issues[0]!.message).toMatch(/not valid YAML/);
    expect(bad.issues[0]!.line).toBeGreaterThan(0);
  });

  it('accepts an empty file and checks calendar dates', () => {
    expect(parseConfig('')).toEqual({ config: {}, issues: [] });
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2023-02-29')).toBe(false);
  });
});
