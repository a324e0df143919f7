/** `--trivy-builtins` on `palisade test` and `palisade scan`, and Trivy METADATA turning them on. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, palisade } from '../cli/toolchain-helpers.js';

beforeAll(() => ensureBuilt(), 300_000);

const META = '# METADATA\n# custom:\n#   input:\n#     selector:\n#     - type: dockerfile\n';

function dir(files: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), 'palisade-trivy-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  return d;
}

const TEST = 'package lib.cidr_test\n\nimport rego.v1\n\ntest_private if cidr.is_public("10.0.0.0/8") == false\n';

describe('--trivy-builtins', () => {
  it('test: off by default for plain modules, on with --trivy-builtins on', () => {
    const d = dir({ 'cidr_test.rego': TEST });
    const auto = palisade(['test', '.'], { cwd: d });
    expect(auto.code).toBe(2);
    expect(auto.stdout + auto.stderr).toContain('undefined function cidr.is_public');
    const on = palisade(['test', '--trivy-builtins', 'on', '.'], { cwd: d });
    expect(on.stdout).toBe('PASS: 1/1\n');
    expect(on.code).toBe(0);
  });

  it('test: on in auto mode when a module has Trivy METADATA; off forces them off', () => {
    const d = dir({ 'cidr_test.rego': TEST, 'lib.rego': `${META}package lib.x\n\nimport rego.v1\n\ny := 1\n` });
    expect(palisade(['test', '.'], { cwd: d }).stdout).toBe('PASS: 1/1\n');
    const off = palisade(['test', '--trivy-builtins', 'off', '.'], { cwd: d });
    expect(off.code).toBe(2);
    expect(off.stdout + off.stderr).toContain('undefined function cidr.is_public');
  });

  it('rejects an unknown mode', () => {
    const r = palisade(['test', '--trivy-builtins', 'maybe', '.'], { cwd: dir({}) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--trivy-builtins must be one of auto, on, off, got "maybe"');
  });

  it('scan: a Trivy check runs without --namespace; --trivy-builtins off makes its builtin call a compile error', () => {
    const check = `${META}package user.dockerfile.apk\n\nimport rego.v1\n\ndeny contains res if {\n\tsome s in input.Stages\n\tsome c in s.Commands\n\tc.Cmd == "run"\n\tsome w in sh.parse_commands(concat(" ", c.Value))\n\tw[0] == "apk"\n\tres := result.new("apk used", c)\n}\n`;
    const d = dir({ 'check.rego': check, Dockerfile: 'FROM alpine:3.20\nRUN apk add curl && echo ok\n' });
    const r = palisade(['scan', '-p', 'check.rego', '--format', 'json', 'Dockerfile'], { cwd: d });
    const out = JSON.parse(r.stdout) as { findings: { message: string; startLine: number }[] };
    expect(out.findings.map((f) => [f.message, f.startLine])).toEqual([['apk used', 2]]);
    expect(r.code).toBe(1);
    const off = palisade(['scan', '-p', 'check.rego', '--trivy-builtins', 'off', 'Dockerfile'], { cwd: d });
    expect(off.code).toBe(2);
    expect(off.stdout + off.stderr).toContain('undefined function sh.parse_commands');
  });
});
