import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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

  it('prints load errors as an OPA-shaped JSON document on stdout with --format json', () => {
    const bad = join(dir, 'bad.rego');
    writeFileSync(bad, 'package x\n\nq if { 1 = }\n');
    const r = palisade(['eval', '-d', bad, '--format', 'json', 'data.x']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as { errors: { code: string; message: string; location: { file: string; row: number } }[] };
    expect(doc.errors).toHaveLength(1);
    expect(doc.errors[0].code).toBe('rego_parse_error');
    expect(resolve(ROOT, doc.errors[0].location.file)).toBe(bad);
    expect(doc.errors[0].location.row).toBe(3);
    // Other formats keep the human diagnostic on stderr and nothing on stdout.
    const pretty = palisade(['eval', '-d', bad, '--format', 'pretty', 'data.x']);
    expect(pretty.code).toBe(2);
    expect(pretty.stdout).toBe('');
    expect(pretty.stderr).toContain('rego_parse_error');
  });
});
