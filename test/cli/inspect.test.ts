import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, palisade } from './toolchain-helpers.js';

beforeAll(() => ensureBuilt(), 300_000);

describe('palisade inspect', () => {
  it('lists packages, rules with kinds and locations, annotations and entrypoints', () => {
    const r = palisade(['inspect', 'passing/authz.rego']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('PACKAGES\n  data.authz  (passing/authz.rego)\n      # package annotation (passing/authz.rego:1)\n      title: Authorization\n');
    expect(r.stdout).toMatch(/data\.authz\.allow\s+complete, default\s+passing\/authz\.rego:8, passing\/authz\.rego:15, passing\/authz\.rego:19/);
    expect(r.stdout).toMatch(/data\.authz\.deny\s+partial set/);
    expect(r.stdout).toMatch(/data\.authz\.is_weekend\s+function/);
    expect(r.stdout).toContain('ENTRYPOINTS\n  data.authz.allow\n');
  });

  it('--format json', () => {
    const r = palisade(['inspect', '--format', 'json', 'passing/authz.rego', 'meta/scoped.rego']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.entrypoints).toEqual(['data.authz.allow']);
    expect(out.packages.map((p: { path: string }) => p.path)).toEqual(['data.authz', 'data.org']);
    const allow = out.rules.find((x: { path: string }) => x.path === 'data.authz.allow');
    expect(allow.annotations).toEqual([
      { scope: 'rule', title: 'Admins may do anything', entrypoint: true, custom: { severity: 'HIGH' }, location: 'passing/authz.rego:10' },
    ]);
    expect(out.packages[1].annotations[0]).toMatchObject({ scope: 'subpackages', title: 'Everything under org' });
  });

  it('fails with exit 2 on invalid METADATA', () => {
    const r = palisade(['inspect', 'meta/invalid.rego']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("annotation scope 'package' must be applied to package (have rule)");
  });
});
