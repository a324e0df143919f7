import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, palisade as run, ROOT } from './toolchain-helpers.js';

const palisade = (args: string[]) => run(args, { cwd: ROOT });
const dir = mkdtempSync(join(tmpdir(), 'palisade-eval-'));
beforeAll(() => ensureBuilt(), 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('palisade eval', () => {
  it('prints the value of a single-term query', () => {
    const r = palisade(['eval', '-i', 'examples/kubernetes/deployment-bad.yaml', '--format', 'values', 'input.kind']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe('"Deployment"');
  });

  it('evaluates Trivy-style policies that use result.new, and the stdlib itself', () => {
    const policy = join(dir, 'p.rego');
    writeFileSync(policy, 'package user\n\nimport rego.v1\n\ndeny contains result.new("latest tag", c) if {\n\tsome c in input.spec.template.spec.containers\n\tendswith(c.image, ":latest")\n}\n');
    const r = palisade(['eval', '-d', policy, '-i', 'examples/kubernetes/deployment-bad.yaml', '--format', 'values', 'count(data.user.deny)']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe('1');
    const std = palisade(['eval', '-d', 'packages/stdlib/policies', '-d', 'packages/stdlib/data', '-i', 'examples/kubernetes/deployment-bad.yaml', '--format', 'values', 'count(data.palisade.kubernetes.privileged.deny) > 0']);
    expect(std.code, std.stderr).toBe(0);
    expect(std.stdout.trim()).toBe('true');
  });

  it('exits 1 with --fail when the result is undefined', () => {
    expect(palisade(['eval', '--fail', 'input.nope']).code).toBe(1);
  });
});
