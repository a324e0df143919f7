/**
 * Palisade's own image (the root Dockerfile) passes Palisade's own checks with every stdlib policy,
 * and keeps the properties docs/ci.md promises: bases pinned by digest, a non-root numeric user, a
 * shell-free exec-form entrypoint. (Building the image needs a Docker daemon and registry access,
 * which the test machines do not have; the build steps are the same pnpm/npm commands that
 * test/embedding/pack.test.ts runs.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureBuilt, palisade, ROOT } from '../cli/scan-helpers.js';

ensureBuilt();

describe('the root Dockerfile', () => {
  it('has no failing or warning finding under the full stdlib, and every waiver gives a reason', () => {
    const r = palisade(['scan', '--profile', 'all', '-f', 'json', 'Dockerfile', '.dockerignore'], { cwd: ROOT });
    const report = JSON.parse(r.stdout) as { findings: { policyId: string; status: string }[]; summary: { files: number } };
    expect(report.findings.filter((f) => f.status !== 'waived')).toEqual([]);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    for (const m of text.matchAll(/palisade:ignore\s+(\S+)(.*)$/gm)) expect(m[2]!.trim().length, `waiver of ${m[1]} needs a reason`).toBeGreaterThan(10);
  });

  it('pins every base by digest, runs as a numeric non-root user, and has an exec-form entrypoint', () => {
    const text = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    const froms = [...text.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]!);
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const f of froms) expect(f).toMatch(/@sha256:[0-9a-f]{64}$/);
    const users = [...text.matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1]!);
    expect(users.at(-1)).toMatch(/^[1-9]\d*:[1-9]\d*$/);
    expect(text).toMatch(/^ENTRYPOINT \["\/nodejs\/bin\/node", /m);
  });
});
