/**
 * Rego v0 (`--v0-compatible`, `--rego-version v0`) against the reference OPA's `--v0-compatible`:
 * `eval` prints exactly OPA's output, and `fmt --v0-v1` yields a v1 module that OPA (in v1) evaluates
 * to the same document as the v0 original.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, palisade } from '../cli/toolchain-helpers.js';
import { OPA_PATH, oracleMissing } from './oracle.js';

const missing = oracleMissing();
if (missing) console.warn(`rego v0 differential skipped: ${missing}`);

/** v0 modules, each evaluated as `data.v`. */
const MODULES: Record<string, string> = {
  'partial sets, constant keys and dotted heads': `package v
deny[msg] { input.a == 1; msg := "a is one" }
deny["const"] { true }
p.q { true }
t[1]
u.v.w { true }
zz.a[x] { x := 1 }
`,
  'complete rules, defaults, functions and else without if': `package v
default allow = false
allow { count(deny) > 0; contains("abc", "b") }
deny[x] { x := input.items[_]; x > 2 }
f(x) { x > 1 }
g(x) = y { x > 10; y := x * 2 } else = 0 { true }
r1 { f(2) }
r2 = g(3)
r3 = g(11)
`,
  'partial objects, some and future keywords': `package v
import future.keywords.in
import future.keywords.every
obj[k] = v { some k, v in {"a": 1, "b": 2} }
all_small { every x in input.items { x < 10 } }
mem { 3 in input.items }
`,
  // Deprecated builtins are accepted in v0 only, so the v1 rewrite is not comparable here.
  'deprecated builtins (v0 only)': `package v
legacy { any([false, true]) }
old = x { x := set_diff({1, 2}, {1}) }
`,
  'multi-body rules, one rule per body': `package v
p { false } { true }
q[v] { v := 1 } { v := 2 }
f(x) = y { x > 1; y := 1 } { y := 2 }
r = f(0)
s = 3 { false }
{ input.a == 1 }
`,
  'import rego.v1 holds a v0 module to v1 syntax': `package v
import rego.v1
deny contains msg if { some msg in ["x"] }
allow if count(deny) == 1
`,
};
const INPUT = JSON.stringify({ a: 1, items: [1, 2, 3, 4] });

const dir = mkdtempSync(join(tmpdir(), 'palisade-rego-v0-'));
beforeAll(() => {
  ensureBuilt();
  writeFileSync(join(dir, 'input.json'), INPUT);
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The first error of an `eval --format json` errors document: code, file and line. */
function loadError(stdout: string): { code: string; file: string; row: number } {
  const e = (JSON.parse(stdout) as { errors: { code: string; location: { file: string; row: number } }[] }).errors[0]!;
  return { code: e.code, file: e.location.file, row: e.location.row };
}

function opa(args: string[]): { stdout: string; code: number } {
  try {
    return { stdout: execFileSync(OPA_PATH, args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }), code: 0 };
  } catch (e) {
    const err = e as { stdout?: string; status?: number };
    return { stdout: err.stdout ?? '', code: err.status ?? -1 };
  }
}

describe.skipIf(missing !== undefined)('Rego v0 matches OPA --v0-compatible', () => {
  const cases = Object.entries(MODULES).map(([name, src], i) => [name, `m${i}.rego`, src] as const);
  it.each(cases)('%s', (_name, file, src) => {
    writeFileSync(join(dir, file), src);
    const args = ['eval', '--format', 'json', '-d', file, '-i', 'input.json', 'data.v'];
    const want = opa([...args.slice(0, 1), '--v0-compatible', ...args.slice(1)]);
    expect(want.code).toBe(0);
    expect(JSON.parse(want.stdout).result).toBeDefined();
    for (const flags of [['--v0-compatible'], ['--rego-version', 'v0']]) {
      const got = palisade([args[0], ...flags, ...args.slice(1)], { cwd: dir });
      expect(got.stdout).toBe(want.stdout);
      expect(got.code).toBe(0);
    }
    if (src.includes('any(')) return;
    // fmt --v0-v1 keeps the meaning: OPA reads the rewritten module as v1 and agrees.
    const fmt = palisade(['fmt', '--v0-v1', file], { cwd: dir });
    expect(fmt.code).toBe(0);
    writeFileSync(join(dir, `v1-${file}`), fmt.stdout);
    const v1 = opa(['eval', '--format', 'json', '-d', `v1-${file}`, '-i', 'input.json', 'data.v']);
    expect(v1.stdout).toBe(want.stdout);
  });

  it('a v0 module read as v1 is a parse error in both', () => {
    writeFileSync(join(dir, 'plain.rego'), 'package v\ndeny[msg] { msg := 1 }\n');
    const args = ['eval', '--format', 'json', '-d', 'plain.rego', 'data.v'];
    const want = opa(args);
    const got = palisade(args, { cwd: dir });
    // OPA folds load errors into one message; Palisade gives each its code and location.
    expect(JSON.parse(want.stdout).errors[0].message).toMatch(/plain.rego:2: rego_parse_error/);
    expect(loadError(got.stdout)).toEqual({ code: 'rego_parse_error', file: 'plain.rego', row: 2 });
    expect(got.code).toBe(2);
  });

  // v1's keywords are plain names in v0 until imported: `contains(…)` is a call (first MODULES
  // case), and a v1 rule read as v0 fails to parse — in OPA and here.
  it.each([
    ['a v1 partial set', 'deny contains msg if { msg := 1 }', 3],
    ['a bare name', 'p', 3],
    ['`in` without its import', 'p { 1 in [1] }', 3],
  ])('%s read as v0 is a parse error in both', (_name, rule, row) => {
    writeFileSync(join(dir, 'v1kw.rego'), `package v\n\n${rule}\n`);
    const args = ['eval', '--v0-compatible', '--format', 'json', '-d', 'v1kw.rego', 'data.v'];
    expect(JSON.parse(opa(args).stdout).errors[0].message).toMatch(new RegExp(`v1kw.rego:${row}: rego_parse_error`));
    const got = palisade(args, { cwd: dir });
    expect(loadError(got.stdout)).toEqual({ code: 'rego_parse_error', file: 'v1kw.rego', row });
    expect(got.code).toBe(2);
  });

  it('future.keywords imports turn the keywords back on in v0, as OPA', () => {
    writeFileSync(join(dir, 'fk.rego'), 'package v\nimport future.keywords.if\nimport future.keywords.contains\ndeny contains msg if { msg := 1 }\n');
    const args = ['eval', '--v0-compatible', '--format', 'json', '-d', 'fk.rego', 'data.v'];
    const want = opa(args);
    expect(JSON.parse(want.stdout).result).toBeDefined();
    expect(palisade(args, { cwd: dir }).stdout).toBe(want.stdout);
  });

  it('import rego.v1 in v0 mode still rejects v0 syntax, as OPA', () => {
    writeFileSync(join(dir, 'mixed.rego'), 'package v\nimport rego.v1\ndeny[msg] { msg := 1 }\n');
    const args = ['eval', '--v0-compatible', '--format', 'json', '-d', 'mixed.rego', 'data.v'];
    expect(JSON.parse(opa(args).stdout).errors[0].message).toMatch(/mixed.rego:3: rego_parse_error/);
    const got = palisade(args, { cwd: dir });
    expect(loadError(got.stdout)).toEqual({ code: 'rego_parse_error', file: 'mixed.rego', row: 3 });
    expect(got.code).toBe(2);
  });
});

describe('Rego version flags', () => {
  it('check and test accept --v0-compatible; conflicting or unknown versions are usage errors', () => {
    writeFileSync(join(dir, 'pol.rego'), 'package t\ndeny[m] { input.x; m := "x" }\ntest_deny { deny["x"] with input as {"x": true} }\ntest_ok { count(deny) == 0 }\n');
    expect(palisade(['check', 'pol.rego'], { cwd: dir }).code).not.toBe(0);
    expect(palisade(['check', '--v0-compatible', 'pol.rego'], { cwd: dir }).code).toBe(0);
    const t = palisade(['test', '--rego-version', 'v0', 'pol.rego'], { cwd: dir });
    expect(t.stdout).toMatch(/PASS: 2\/2/);
    expect(t.code).toBe(0);
    const bad = palisade(['eval', '--v0-compatible', '--rego-version', 'v1', 'true'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/contradicts/);
    expect(palisade(['check', '--rego-version', 'v2', 'pol.rego'], { cwd: dir }).stderr).toMatch(/must be v0 or v1/);
    expect(palisade(['fmt', '--v0-compatible', 'pol.rego'], { cwd: dir }).stderr).toMatch(/use --v0-v1/);
  });
});
