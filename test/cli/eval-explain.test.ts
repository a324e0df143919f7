import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, palisade } from './toolchain-helpers.js';

beforeAll(() => ensureBuilt(), 300_000);

const input = JSON.stringify({ user: { role: 'dev' }, method: 'GET', path: ['private'] });

describe('palisade eval --explain / --profile', () => {
  it('--explain fails lists the expressions that had no solution, on stderr', () => {
    const r = palisade(['eval', '-d', 'passing', '-i', '-', '--format', 'values', '--explain', 'fails', 'data.authz.allow'], { input });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('false\n');
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'passing/authz.rego:16  Fail  input.user.role == "admin"',
      'passing/authz.rego:21  Fail  input.path[0] == "public"',
    ]);
  });

  it('--explain full shows rules entered and expressions evaluated, indented by depth', () => {
    const r = palisade(['eval', '-d', 'passing', '-i', '-', '--explain', 'full', 'data.authz.allow'], { input });
    expect(r.stderr).toContain('query:1                Eval  data.authz.allow');
    expect(r.stderr).toContain('passing/authz.rego:19  | Enter data.authz.allow');
    expect(r.stderr).toContain('passing/authz.rego:20  | Eval  input.method == "GET"');
  });

  it('--profile counts evaluations per rule and expression', () => {
    const r = palisade(['eval', '-d', 'passing', '-i', '-', '--profile', 'data.authz.allow'], { input });
    expect(r.stderr).toContain('Rules by evaluations (top 10):');
    expect(r.stderr).toMatch(/\s+1\s+passing\/authz\.rego:15\s+allow if \{/);
  });

  it('rejects an unknown --explain mode', () => {
    const r = palisade(['eval', '-d', 'passing', '--explain', 'everything', 'data.authz.allow']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--explain must be "fails" or "full"');
  });
});
