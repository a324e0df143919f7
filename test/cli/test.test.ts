import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BIN, copyFixture, ensureBuilt, palisade } from './toolchain-helpers.js';

beforeAll(() => ensureBuilt(), 300_000);

describe('palisade test', () => {
  it('runs passing tests with data files and function/data mocks, exit 0', () => {
    const r = palisade(['test', 'passing']);
    expect(r.stdout).toBe('PASS: 5/6\nSKIPPED: 1/6\n');
    expect(r.code).toBe(0);
  });

  it('-v/--verbose lists every test with timing and print() output', () => {
    const r = palisade(['test', '--verbose', 'passing']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^passing\/authz_test\.rego:\n/);
    expect(r.stdout).toMatch(/data\.authz_test\.test_admin_allowed: PASS \([0-9.]+(µs|ms|s)\)/);
    expect(r.stdout).toContain('data.authz_test.test_public_get: PASS');
    expect(r.stdout).toContain('\n  checking public GET\n');
    expect(r.stdout).toContain('data.authz_test.todo_test_later: SKIPPED\n');
  });

  it('reports failures with the unsatisfied expression and its code frame, exit 2', () => {
    const r = palisade(['test', 'failing']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('FAILURES');
    expect(r.stdout).toMatch(/data\.math_test\.test_double_wrong: FAIL/);
    expect(r.stdout).toContain('failing/math_test.rego:11:2: this expression was not satisfied:');
    expect(r.stdout).toContain('> 11 |     x == 7');
    expect(r.stdout).toContain('compared: 6 == 7 (false)');
    expect(r.stdout).toContain('PASS: 1/3\nFAIL: 2/3\n');
    expect(r.stdout).not.toContain('test_double: PASS');
  });

  it('--run filters by qualified name; --fail-on-empty exits 1 when nothing matches', () => {
    const one = palisade(['test', '--run', 'data\\.math_test\\.test_double$', 'failing']);
    expect(one.code).toBe(0);
    expect(one.stdout).toBe('PASS: 1/1\n');
    const none = palisade(['test', '--run', 'nothing_matches', '--fail-on-empty', 'failing']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no tests found');
    expect(palisade(['test', '--run', 'nothing_matches', 'failing']).code).toBe(0);
  });

  it('--format json gives results, summary and (with --coverage) the full coverage report', () => {
    const r = palisade(['test', '--format', 'json', '--coverage', 'passing']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.summary).toEqual({ total: 6, pass: 5, fail: 0, error: 0, skip: 1 });
    expect(out.results.find((x: { name: string }) => x.name === 'test_public_get').output).toEqual(['checking public GET']);
    const file = out.coverage.files.find((f: { file: string }) => f.file === 'passing/authz.rego');
    expect(file.covered).toContain(16);
    expect(file.notCovered).toEqual([]);
    expect(out.coverage.files.some((f: { file: string }) => f.file.endsWith('_test.rego'))).toBe(false);
  });

  it('--coverage text shows percentages and uncovered line ranges', () => {
    const r = palisade(['test', '--coverage', '--run', 'test_double$', 'failing']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('COVERAGE');
    expect(r.stdout).toMatch(/failing\/math\.rego\s+25\.0%\s+not covered: 5-7/);
    const low = palisade(['test', '--coverage', '--threshold', '90', '--run', 'test_double$', 'failing']);
    expect(low.code).toBe(2);
    expect(low.stderr).toContain('below the threshold of 90%');
  });

  it('parse errors stop the run with frames and fix suggestions, exit 2', () => {
    const r = palisade(['test', 'broken']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('broken/bad.rego:7:3: rego_parse_error: `if` is required before a rule body in Rego v1');
    expect(r.stderr).toContain('> 7 | q {');
    expect(r.stderr).toContain('did you mean');
  });

  it('runs the stdlib policy tests with its extra builtins (result.new)', () => {
    // The kubernetes policies, their helper libraries and the default data (the whole package is
    // `palisade test packages/stdlib`; a subset keeps this test independent of policies in progress).
    const dirs = ['packages/stdlib/policies/kubernetes', 'packages/stdlib/policies/lib', 'packages/stdlib/data'];
    const r = palisade(['test', '--format', 'json', '--run', 'privileged', ...dirs], { cwd: new URL('../..', import.meta.url).pathname });
    const out = JSON.parse(r.stdout);
    expect(out.summary.total).toBeGreaterThan(0);
    expect(out.summary.error).toBe(0);
    expect(out.summary.fail).toBe(0);
  });

  it('rejects unknown flags and bad values with exit 2', () => {
    const r = palisade(['test', '--bogus', 'passing']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--bogus'");
    expect(palisade(['test', '--run', '(', 'passing']).stderr).toContain('invalid regular expression');
    expect(palisade(['test', '--format', 'xml', 'passing']).code).toBe(2);
  });

  it('--help shows examples', () => {
    const r = palisade(['test', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('--coverage');
  });
});

describe('palisade test --watch', () => {
  it('runs once, runs again when a policy file changes, and stops on SIGINT', async () => {
    const dir = copyFixture('failing');
    const child = spawn(process.execPath, [BIN, 'test', '--watch', '.'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    await vi.waitFor(() => expect(err).toContain('for changes to .rego and data files'), { timeout: 15_000, interval: 50 });
    expect(out).toContain('PASS: 1/3\nFAIL: 2/3\n');
    // Fix the wrong expectation: the next run has one failure fewer.
    const test = join(dir, 'math_test.rego');
    writeFileSync(test, readFileSync(test, 'utf8').replace('x == 7', 'x == 6'));
    await vi.waitFor(() => expect(out).toContain('PASS: 2/3\nFAIL: 1/3\n'), { timeout: 15_000, interval: 50 });
    expect(out).toMatch(/── .* math_test\.rego changed ─+\n/);
    child.kill('SIGINT');
    expect(await exited).toBe(2); // the last run still had a failure
  });
});

describe('palisade test: builtin errors', () => {
  it('shows the builtin errors that made a failing test undefined, in text and JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'palisade-builtin-errors-'));
    writeFileSync(join(dir, 't_test.rego'), 'package t_test\n\ntest_parse if {\n\tns := time.parse_rfc3339_ns("2024-13-01T00:00:00Z")\n\tns > 0\n}\n');
    const text = palisade(['test', '.'], { cwd: dir });
    expect(text.code).toBe(2);
    expect(text.stdout).toContain('  builtin error (the call was undefined): t_test.rego:4: eval_builtin_error: time.parse_rfc3339_ns: parsing time "2024-13-01T00:00:00Z": month out of range\n');
    const json = JSON.parse(palisade(['test', '--format', 'json', '.'], { cwd: dir }).stdout);
    expect(json.results[0].builtinErrors).toEqual([
      { code: 'eval_builtin_error', message: 'time.parse_rfc3339_ns: parsing time "2024-13-01T00:00:00Z": month out of range', location: expect.objectContaining({ file: 't_test.rego', row: 4 }) },
    ]);
  });
});

describe('palisade test: conftest verify options', () => {
  const dir = mkdtempSync(join(tmpdir(), 'palisade-verify-'));
  mkdirSync(join(dir, 'policy'));
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'policy', 'main.rego'), 'package main\nimport rego.v1\ndeny contains "root" if input.user == "root"\n');
  writeFileSync(
    join(dir, 'policy', 'main_test.rego'),
    'package main\nimport rego.v1\ntest_root if { deny["root"] with input as {"user": "root"} }\ntest_limit if { data.limits.max == 3 }\ntest_wrong if { print("note"); deny["x"] }\n',
  );
  writeFileSync(join(dir, 'policy', 'other_test.rego'), 'package other\nimport rego.v1\ntest_other if { true }\n');
  writeFileSync(join(dir, 'data', 'limits.yaml'), 'limits:\n  max: 3\n');
  writeFileSync(join(dir, 'policy', 'multi.yaml'), 'a: 1\n---\nb: 2\n');
  const run = (args: string[]) => palisade(['test', ...args], { cwd: dir });

  it('-p reads only .rego files, -d only data, -o conftest prints conftest’s summary line', () => {
    const r = run(['-p', 'policy', '-d', 'data', '-o', 'conftest']);
    expect(r.stdout).toBe('FAIL - policy/main_test.rego - data.main - test_wrong\n\n4 tests, 3 passed, 0 warnings, 1 failure, 0 exceptions\n');
    expect(r.code).toBe(2);
  });

  it('-n filters packages by glob', () => {
    expect(run(['-p', 'policy', '-d', 'data', '-n', 'o*', '-o', 'conftest']).stdout).toBe('1 test, 1 passed, 0 warnings, 0 failures, 0 exceptions\n');
    expect(run(['-p', 'policy', '-n', 'nothing', '-o', 'conftest']).stdout).toBe('0 tests, 0 passed, 0 warnings, 0 failures, 0 exceptions\n');
  });

  it('-o tap and -o table list every test', () => {
    const tap = run(['-p', 'policy', '-d', 'data', '-o', 'tap']).stdout;
    expect(tap).toMatch(/^1\.\.4\n/);
    expect(tap).toContain('not ok 3 - data.main.test_wrong\n');
    expect(run(['-p', 'policy', '-d', 'data', '-o', 'table']).stdout).toMatch(/\| success \| policy\/main_test\.rego +\| data\.main\.test_root +\|/);
  });

  it('--report lists every test after the failures, with notes; only with text output', () => {
    const r = run(['-p', 'policy', '-d', 'data', '--report', 'notes']);
    expect(r.stdout).toMatch(/^FAILURES\n/);
    expect(r.stdout).toContain('data.main.test_root: PASS');
    expect(r.stdout).toContain('  Note "note"\n');
    const bad = run(['-p', 'policy', '-o', 'json', '--report', 'fails']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('report flag is supported with stdout only');
  });

  it('says that file arguments are not read with --policy', () => {
    expect(run(['-p', 'policy', '-d', 'data', 'x.yaml', '-o', 'conftest']).stderr).toContain('not reading x.yaml');
  });
});
