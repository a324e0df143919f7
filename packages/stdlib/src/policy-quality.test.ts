/**
 * Quality gate of the stdlib policies (docs/policies/authoring.md), one test per rule so a failure
 * names the rule, and each failure lists every offending policy with the exact field or file:
 * - METADATA has every required field with a valid value (title, description, custom.id/
 *   severity/input/remediation/references/related/profiles);
 * - ids are unique and catalog-style (DF-/KW-/KC-/DC-/DI-/SR-/RS- + 3 digits);
 * - every policy has a `_test.rego`, and the test file checks both sides (see TWO-SIDED below);
 * - docs/policies/ matches a fresh render of `pnpm docs:policies`;
 * - every seed practice and PSS control of docs/policies/README.md maps to a shipped check;
 * - the stdlib's own tests cover >= 90% of the stdlib's lines (see COVERAGE below).
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverableLines, Engine, formatDiagnostic, parseModule, runTests } from '@palisade/engine';
import { assertedSides, collectPolicies, DOCS_DIR, generatedFilesOnDisk, pickExamples, renderPolicyDocs, testSide } from '../scripts/gen-policy-docs.js';
import { PRACTICES, PSS_CONTROLS, practiceChecks, pssChecks } from '../scripts/policy-docs-readme.js';
import { stdlibData, stdlibPolicySources, type PolicySource } from './policies.js';
import { CATALOG_ID, checkPolicyMeta } from './policy-meta.js';
import { stdlibBuiltins } from './result-builtin.js';

const policies = collectPolicies();

describe('stdlib policy METADATA', () => {
  it('finds the policies', () => {
    expect(policies.length).toBeGreaterThan(0);
  });

  it('every policy parses', () => {
    const bad = policies.filter((p) => p.parseErrors.length).map((p) => `${p.file}:${p.parseErrors[0]}`);
    expect(bad).toEqual([]);
  });

  it('every policy has the required METADATA fields with valid values', () => {
    const problems = policies.flatMap((p) => (p.module ? checkPolicyMeta(p.read).map((m) => `${p.file}: ${m}`) : []));
    expect(problems).toEqual([]);
  });

  it('ids are catalog-style (DF-/KW-/KC-/DC-/DI-/SR-/RS- and three digits)', () => {
    const bad = policies.filter((p) => p.meta.id && !CATALOG_ID.test(p.meta.id)).map((p) => `${p.file}: custom.id "${p.meta.id}"`);
    expect(bad).toEqual([]);
  });

  // TITLES (docs/policies/authoring.md): a title names the problem a finding reports, so that a
  // report line `CRITICAL Fail <title>` reads as one statement. These patterns catch the shapes of
  // the other convention (the passing condition: "Socket is not mounted", "Seccomp stays on",
  // "Images are pinned", "No sudo in RUN"); review still judges the rest.
  it('titles name the problem, not the passing condition', () => {
    const DESIRED = [
      /\b(is|are|do|does) not\b/i,
      /\b(stays?|keeps?|remains?)\b/i,
      /^No\b/,
      /\b(is|are) (pinned|set|used|limited|merged|present|bounded|cleaned up|checksummed|signed|valid|absolute|unique|dropped|patched|triaged|recent|scoped|rebuilt|enabled|defined|combined|kept|read-only|version-pinned|non-interactive)\b/i,
      /\binstead\s*$/i,
    ];
    const bad = policies
      .filter((p) => typeof p.meta.title === 'string' && DESIRED.some((re) => re.test(p.meta.title as string)))
      .map((p) => `${p.file}: title "${p.meta.title}"`);
    expect(bad).toEqual([]);
  });

  it('ids are unique', () => {
    const files = new Map<string, string[]>();
    for (const p of policies) if (p.meta.id) files.set(p.meta.id, [...(files.get(p.meta.id) ?? []), p.file]);
    const dup = [...files].filter(([, fs]) => fs.length > 1).map(([id, fs]) => `${id}: ${fs.join(', ')}`);
    expect(dup).toEqual([]);
  });
});

/*
 * TWO-SIDED: a heuristic over the text of each `_test.rego` (comments removed), implemented by
 * `assertedSides` in scripts/gen-policy-docs.ts (the docs generator uses it to pick examples).
 * The file must contain at least one assertion that findings exist and one that there are none:
 *   findings exist: `count(…) > 0`, `count(…) >= N` (N >= 1), `count(…) == N` (N >= 1),
 *                   `some r in ….deny|warn|violation…`, `… in ….deny…`, `r.msg == …`,
 *                   `contains|startswith|endswith(r.msg, …)`, `regex.match(…, r.msg)`,
 *                   `r == {{"msg": …}}` (equality with a set of result objects);
 *   no findings:    `count(…) == 0`, `count(…) < 1`, `not ….deny|warn|violation…`, `… == set()`.
 * It cannot tell which rule branch an assertion exercises; reviews still have to.
 */
const testSides = assertedSides;

describe('stdlib policy tests', () => {
  it('every policy has a _test.rego', () => {
    const missing = policies.filter((p) => !p.test).map((p) => `${p.file}: no ${p.file.replace(/\.rego$/, '_test.rego')}`);
    expect(missing).toEqual([]);
  });

  it('every test file asserts both a failing and a passing case', () => {
    const bad: string[] = [];
    for (const p of policies) {
      if (!p.test) continue;
      const s = testSides(p.test.source);
      const tests = (p.test.source.match(/^test_\w+/gm) ?? []).length;
      if (tests === 0) bad.push(`${p.test.file}: no test_ rules`);
      else if (!s.fail) bad.push(`${p.test.file}: no test asserts that findings exist (e.g. count(policy.deny) > 0)`);
      else if (!s.pass) bad.push(`${p.test.file}: no test asserts that there are no findings (e.g. count(policy.deny) == 0)`);
    }
    expect(bad).toEqual([]);
  });

  it('the heuristic tells the sides apart', () => {
    expect(testSides('test_a if {\n\tcount(p.deny) == 0 with input as {}\n}')).toEqual({ fail: false, pass: true });
    expect(testSides('test_a if {\n\tcount(p.deny with input as f(x)) == 2\n}')).toEqual({ fail: true, pass: false });
    expect(testSides('test_a if {\n\tsome r in p.deny with input as x\n}\ntest_b if {\n\tnot p.deny with input as y\n}')).toEqual({ fail: true, pass: true });
    expect(testSides('# count(p.deny) == 0\ntest_a if {\n\tr.msg == "x"\n}')).toEqual({ fail: true, pass: false });
    expect(testSides('test_a if {\n\tr := p.deny with input as x\n\tr == {{"msg": "m"}}\n}')).toEqual({ fail: true, pass: false });
    expect(testSides('test_a if {\n\tp.allowed(x)\n}')).toEqual({ fail: false, pass: false });
  });
});

describe('generated docs', () => {
  it('picks examples by test name, then by what the test asserts', () => {
    const src = [
      'package x_test',
      'test_other if {\n\tcount(p.deny) == 1 with input as {}\n}',
      'test_missing_tag_denied if {\n\tsome r in p.deny with input as {}\n}',
      'test_empty if {\n\tcount(p.deny) == 0 with input as {}\n}',
      'test_not_denied_for_digest if {\n\tcount(p.deny) == 1 with input as {}\n}',
    ].join('\n\n');
    const { module } = parseModule('x_test.rego', src);
    const ex = pickExamples(module!);
    expect(ex.failing?.name).toBe('test_missing_tag_denied');
    expect(ex.passing?.name).toBe('test_not_denied_for_digest');
    expect(ex.failing?.text.startsWith('test_missing_tag_denied if {')).toBe(true);
    expect([testSide('test_is_not_flagged'), testSide('test_deny_and_pass'), testSide('test_cap_add')]).toEqual(['pass', undefined, undefined]);
    const unnamed = pickExamples(parseModule('y_test.rego', 'package y_test\n\ntest_a if {\n\tcount(p.deny) == 2\n}\n\ntest_b if {\n\tcount(p.deny) == 0\n}\n').module!);
    expect([unnamed.failing?.name, unnamed.passing?.name]).toEqual(['test_a', 'test_b']);
  });

  it('docs/policies/ is up to date (run `pnpm docs:policies`)', () => {
    const fresh = renderPolicyDocs(policies);
    const problems: string[] = [];
    for (const [name, text] of fresh) {
      const file = join(DOCS_DIR, name);
      if (!existsSync(file)) {
        problems.push(`${name}: missing`);
        continue;
      }
      const disk = readFileSync(file, 'utf8');
      if (disk === text) continue;
      const a = disk.split('\n');
      const b = text.split('\n');
      let i = 0;
      while (i < a.length && i < b.length && a[i] === b[i]) i++;
      problems.push(`${name}:${i + 1}: stale (on disk ${JSON.stringify(a[i] ?? '<end>')}, expected ${JSON.stringify(b[i] ?? '<end>')})`);
    }
    for (const f of generatedFilesOnDisk()) if (!fresh.has(f)) problems.push(`${f}: generated page of a check that no longer exists`);
    expect(problems).toEqual([]);
  });

  it('every seed practice maps to at least one shipped check', () => {
    const uncovered = PRACTICES.filter((p) => practiceChecks(p, policies).length === 0).map((p) => p.practice);
    expect(uncovered).toEqual([]);
  });

  it('every Pod Security Standards control maps to at least one shipped check', () => {
    const uncovered = PSS_CONTROLS.filter((c) => pssChecks(c, policies).length === 0).map((c) => `${c.level}: ${c.control} (PSS-${c.level === 'baseline' ? 'B' : 'R'}:${c.anchor})`);
    expect(uncovered).toEqual([]);
  });
});

/*
 * COVERAGE: every stdlib test runs with `evalOptions.coverage`, which collects `file:row` of each
 * evaluated expression and of each rule head that produced a value. The coverable lines of a
 * non-test module (policies and policies/lib) are those the engine's `coverableLines` counts, as
 * `palisade test --coverage` does: its rule heads (default rules excluded: their
 * value is used without evaluating anything) and the first lines of its body expressions,
 * including `else` bodies, comprehension and `every` bodies. Coverage = covered / coverable.
 * Modules that do not compile are left out of the run (their lines count as uncovered) and named.
 */
const MIN_COVERAGE = 0.9;

/** Compiles the sources, dropping modules with errors (and the tests of dropped policies) until the rest compiles. */
function compileDropping(all: PolicySource[]): { engine?: Engine; dropped: Map<string, string> } {
  const dropped = new Map<string, string>();
  for (let round = 0; round < 10; round++) {
    const engine = new Engine({ builtins: stdlibBuiltins });
    for (const p of all) if (!dropped.has(p.file)) engine.addModule(p.file, p.source);
    for (const d of stdlibData()) engine.addData(d);
    const errors = engine.compile();
    if (!errors.length) return { engine, dropped };
    const before = dropped.size;
    for (const e of errors) {
      const file = e.location?.file;
      if (!file || dropped.has(file)) continue;
      dropped.set(file, formatDiagnostic(e).split('\n')[0]);
      const test = file.replace(/\.rego$/, '_test.rego');
      if (!file.endsWith('_test.rego') && all.some((p) => p.file === test)) dropped.set(test, `tests of ${file}`);
    }
    if (dropped.size === before) return { dropped };
  }
  return { dropped };
}

describe('stdlib test coverage', () => {
  it(`the stdlib's own tests cover at least ${MIN_COVERAGE * 100}% of its lines`, () => {
    const all = stdlibPolicySources({ tests: true });
    const { engine, dropped } = compileDropping(all);
    expect(engine, `nothing compiles: ${[...dropped.values()].slice(0, 5).join('; ')}`).toBeDefined();
    const hits = new Set<string>();
    runTests(engine!, { timeoutMs: 10_000, evalOptions: { coverage: hits } });
    let covered = 0;
    let total = 0;
    const perFile: { file: string; covered: number; total: number; missed: number[] }[] = [];
    for (const p of all) {
      if (p.file.endsWith('_test.rego')) continue;
      const { module } = parseModule(p.file, p.source);
      if (!module) continue;
      const rows = coverableLines(module);
      const missed = [...rows].filter((r) => !hits.has(`${p.file}:${r}`)).sort((a, b) => a - b);
      perFile.push({ file: p.file, covered: rows.size - missed.length, total: rows.size, missed });
      covered += rows.size - missed.length;
      total += rows.size;
    }
    const ratio = total ? covered / total : 1;
    const worst = perFile
      .filter((f) => f.missed.length)
      .sort((a, b) => a.covered / a.total - b.covered / b.total || (a.file < b.file ? -1 : 1))
      .slice(0, 15)
      .map((f) => `${f.file}: ${((100 * f.covered) / f.total).toFixed(1)}% (${f.covered}/${f.total}), uncovered lines ${f.missed.slice(0, 12).join(', ')}${f.missed.length > 12 ? ', …' : ''}`);
    const notCompiled = [...dropped].map(([f, why]) => `${f}: left out (${why})`);
    const summary = `stdlib coverage ${(100 * ratio).toFixed(1)}% (${covered}/${total} lines)`;
    console.warn([summary, ...notCompiled, 'least covered files:', ...worst].join('\n'));
    expect({ summary, ok: ratio >= MIN_COVERAGE, notCompiled, worst: ratio >= MIN_COVERAGE ? [] : worst }).toEqual({ summary, ok: true, notCompiled: [], worst: [] });
  });
});
