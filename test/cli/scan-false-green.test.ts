/**
 * Issue 17, "silent passes": runs that used to exit 0 having checked nothing. Each case spawns
 * the real CLI on a small temporary tree.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, palisade } from './scan-helpers.js';

beforeAll(() => ensureBuilt(), 300_000);

/** A temporary directory with the given files (path → text). */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'palisade-fg-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

const DENY_X = 'deny contains msg if {\n  input.x\n  msg := "x is set"\n}\n';

describe('policy selection that matches nothing', () => {
  it('a namespace no package matches is exit 2, naming what was asked and what exists', () => {
    const dir = tree({ 'policy/a.rego': `package foo\n${DENY_X}`, 'in.json': '{"x": 1}' });
    const r = palisade(['scan', '-p', 'policy', 'in.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no policy package matches namespace "main" (the default); the policies define foo');
    const asked = palisade(['scan', '-p', 'policy', '-n', 'bar.*', 'in.json'], { cwd: dir });
    expect(asked.code).toBe(2);
    expect(asked.stderr).toContain('namespace "bar.*"; the policies define foo');
    // The fix the message suggests works.
    expect(palisade(['scan', '-p', 'policy', '-n', 'foo', 'in.json'], { cwd: dir }).code).toBe(1);
  });

  it('v0-shaped check rules are reported with the v1 form to write, exit 2', () => {
    const dir = tree({ 'policy/a.rego': 'package main\ndeny[msg] if {\n  input.x\n  msg := "x"\n}\n', 'in.json': '{"x": 1}' });
    const r = palisade(['scan', '-p', 'policy', 'in.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/policy\/a\.rego:2:\d+: rego_\w+_error: .*write `deny contains … if`/);
    // A shape that parses (an object rule with a value) is refused by the scanner with the fix.
    writeFileSync(join(dir, 'policy/a.rego'), 'package main\ndeny[msg] := true if {\n  input.x\n  msg := "x"\n}\n');
    const obj = palisade(['scan', '-p', 'policy', 'in.json'], { cwd: dir });
    expect(obj.code).toBe(2);
    expect(obj.stderr).toContain('policy/a.rego:2:1: palisade_input_error: policy rule "deny[msg]" defines an object in Rego v1');
    expect(obj.stderr).toContain('write "deny contains msg if { … }"');
  });

  it('policies without any check rule are exit 2', () => {
    const dir = tree({ 'policy/lib.rego': 'package main\nhelper := 1\n', 'in.json': '{}' });
    const r = palisade(['scan', '-p', 'policy', 'in.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no policies: policy/lib.rego defines no deny, warn or violation rules');
  });
});

describe('scans that evaluate nothing', () => {
  it('a tree of unknown kinds names what it skipped and exits 2 unless --allow-empty', () => {
    const dir = tree({ 'README.md': '# hi\n', 'src/app.ts': 'export {};\n' });
    const r = palisade(['scan', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('palisade: not scanned: 2 files of no known input kind (README.md, src/app.ts)');
    expect(r.stderr).toContain('error: nothing was evaluated: no input documents (2 files of no known kind skipped');
    const allowed = palisade(['scan', '--allow-empty', '.'], { cwd: dir });
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).not.toContain('error:');
    expect(palisade(['scan', '.'], { cwd: dir, env: { PALISADE_ALLOW_EMPTY: 'true' } }).code).toBe(0);
  });

  it('documents no selected policy applies to are exit 2', () => {
    const dir = tree({
      'policy/a.rego': '# METADATA\n# custom:\n#   input: [dockerfile]\npackage main\n' + DENY_X,
      'k8s.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n',
    });
    const r = palisade(['scan', '-p', 'policy', 'k8s.yaml'], { cwd: dir });
    expect(r.stderr).toContain('error: nothing was evaluated: none of the 1 selected policy applies to the 1 document (kind kubernetes)');
    expect(r.code).toBe(2);
  });

  it('a legacy (version 1) compose file is reported as unsupported, exit 2, not passed unchecked', () => {
    const dir = tree({ 'docker-compose.yml': 'web:\n  image: nginx:latest\n  privileged: true\n' });
    const r = palisade(['scan', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/docker-compose\.yml:1:1 +unsupported_schema_version +legacy compose file format \(version 1: services at the top level, here web\) is not supported/);
    // The fix the message names is scanned, with findings.
    writeFileSync(join(dir, 'docker-compose.yml'), 'services:\n  web:\n    image: nginx:latest\n    privileged: true\n');
    expect(palisade(['scan', '.'], { cwd: dir }).code).toBe(1);
  });

  it('empty standard input is exit 2', () => {
    const r = palisade(['scan', '--parser', 'kubernetes', '-'], { input: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nothing was evaluated: no input documents');
  });
});

describe('errors that must not hide findings', () => {
  it('a policy that errs on one document names policy, file, line and cause; other rules and documents still report', () => {
    const dir = tree({
      'policy/p.rego': 'package main\nname := input.a\nname := input.b\ndeny contains name if input.a\nwarn contains "checked" if true\n',
      'conflict.json': '{"a": "x", "b": "y"}',
      'clean.json': '{"a": "x"}',
    });
    const r = palisade(['scan', '-p', 'policy', '-o', 'json', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as { findings: { file: string; message: string }[]; errors: { path: string; code: string; message: string }[] };
    expect(report.errors).toEqual([
      { path: 'conflict.json', code: 'eval_conflict_error', message: expect.stringMatching(/^main\.deny in policy\/p\.rego:\d+:\d+: .*; no deny results of main\.deny are reported for this input$/) },
    ]);
    expect(report.findings.map((f) => `${f.file}: ${f.message}`).sort()).toEqual(['clean.json: checked', 'clean.json: x', 'conflict.json: checked']);
  });

  it('a baseline refresh in a run with load errors keeps the entries of the failing files', () => {
    const policy = 'package main\ndeny contains sprintf("%v is set", [k]) if some k, _ in input\n';
    const dir = tree({ 'policy/p.rego': policy, 'a.json': '{"x": 1}', 'b.json': '{"y": 1}' });
    expect(palisade(['scan', '-p', 'policy', '--write-baseline', 'base.json', '.'], { cwd: dir }).code).toBe(0);
    const before = JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8')) as { findings: { file: string }[] };
    expect(before.findings.map((f) => f.file).sort()).toEqual(['a.json', 'b.json']);
    writeFileSync(join(dir, 'b.json'), '{"y": '); // a syntax error: b.json cannot be checked this run
    const r = palisade(['scan', '-p', 'policy', '--baseline', 'base.json', '--write-baseline', 'base.json', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('palisade: kept 1 entry of base.json for files this run could not check (load or evaluation errors)');
    // The baseline file itself is not scanned as an input document, and the run says so.
    expect(r.stderr).toContain('palisade: not scanned: base.json (the baseline file of this run)');
    const after = JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8')) as { findings: unknown[] };
    expect(after.findings).toEqual(before.findings);
    // Written by rename: no temporary file left beside it.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('arguments that would silently mean something else', () => {
  it('an empty path argument or option is a usage error in every command', () => {
    const dir = tree({ 'in.json': '{}' });
    for (const args of [['scan', ''], ['scan', '-p', '', 'in.json'], ['check', ''], ['test', ''], ['fmt', ''], ['inspect', '']]) {
      const r = palisade(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/error: (empty argument ""|--policy: empty value "")/);
      expect(r.stdout, args.join(' ')).toBe('');
    }
  });

  it('a --timeout that is not a number of milliseconds is a usage error', () => {
    const dir = tree({ 'p.rego': 'package p\nx := 1\n' });
    for (const args of [['eval', '--timeout', 'abc', '-d', 'p.rego', 'data.p.x'], ['scan', '--timeout', '5s', '.'], ['test', '-t', '1e3', '.']]) {
      const r = palisade(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/--timeout: must be a whole number of milliseconds/);
    }
    expect(palisade(['eval', '--timeout', '1000', '-d', 'p.rego', 'data.p.x'], { cwd: dir }).code).toBe(0);
  });

  it('other numeric options with a bad value are usage errors naming the unit', () => {
    const dir = tree({ 'p.rego': 'package p\nx := 1\n', 'in.json': '{}' });
    const threshold = palisade(['test', '--coverage', '--threshold', 'abc', '.'], { cwd: dir });
    expect(threshold.code).toBe(2);
    expect(threshold.stderr).toContain('--threshold: must be a percentage from 0 to 100, got "abc"');
    const memory = palisade(['scan', '--max-memory', '1.5', 'in.json'], { cwd: dir });
    expect(memory.code).toBe(2);
    expect(memory.stderr).toContain('--max-memory: must be a whole number of megabytes ≥ 0');
    const jobs = palisade(['scan', '--jobs', 'two', 'in.json'], { cwd: dir });
    expect(jobs.code).toBe(2);
    expect(jobs.stderr).toContain('--jobs: must be a whole number ≥ 1');
  });
});
