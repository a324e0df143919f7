/**
 * trivy-checks' own test suite, unchanged, under `palisade test` (issue 18): every test passes
 * except the ones named in KNOWN_DIVERGENCES, each with its reason. Reads
 * ../shared/third_party/trivy-checks in place; skips with a printed reason when it is absent.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine, RSet, trivyBuiltins } from '@palisade/engine';
import { loadFile } from '@palisade/stdlib';
import { documentInput } from '../../packages/stdlib/src/conftest.js';
import { ROOT, ensureBuilt, palisade } from '../cli/toolchain-helpers.js';
import { writeExamples, type Example } from './trivy-examples.js';
import { expandPaths } from '../../packages/cli/src/data-files.js';

const CHECKS = join(ROOT, '../shared/third_party/trivy-checks');
const present = existsSync(join(CHECKS, 'checks/docker'));
if (!present) console.warn(`trivy-checks tests skipped: ${CHECKS} is absent`);

/**
 * Tests that fail for a reason outside Trivy compatibility, by qualified name, each with its
 * reason (none now: the seven that depended on OPA's negation semantics, e.g.
 * `not regex.match(p, output[0][1])` being undefined when there is no match, pass since Palisade
 * evaluates negated operands as OPA does). A listed test that passes fails this suite.
 */
const KNOWN_DIVERGENCES: Record<string, string> = {};

interface TestRow {
  package: string;
  name: string;
  status: string;
  error?: { message: string };
}

describe.skipIf(!present)('trivy-checks test suite', () => {
  beforeAll(() => ensureBuilt(), 300_000);

  it('runs all 882 tests; every one passes but the named divergences', () => {
    const r = palisade(['test', '--format', 'json', 'lib', 'checks/docker', 'checks/kubernetes'], { cwd: CHECKS });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { results: TestRow[]; summary: { total: number; pass: number } };
    expect(out.summary.total).toBe(882);
    const failing = out.results.filter((t) => t.status !== 'pass').map((t) => `${t.package}.${t.name}`);
    const unexpected = failing.filter((n) => !(n in KNOWN_DIVERGENCES));
    expect(unexpected).toEqual([]);
    const fixed = Object.keys(KNOWN_DIVERGENCES).filter((n) => !failing.includes(n));
    expect(fixed, 'these known divergences pass now; remove them from KNOWN_DIVERGENCES').toEqual([]);
    expect(out.summary.pass).toBe(882 - failing.length);
  });
});

interface ScanFinding {
  file: string;
  namespace: string;
  startLine: number;
  endLine: number;
}

/** `palisade scan -p checks/<kind> <kind>` over the written examples (no --namespace, no lib path). */
function scanExamples(kind: 'docker' | 'kubernetes'): { examples: Example[]; findings: ScanFinding[]; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), `palisade-trivy-${kind}-`));
  const examples = writeExamples(join(CHECKS, 'checks'), kind, dir);
  const r = palisade(['scan', '-p', join(CHECKS, 'checks', kind), '--format', 'json', kind], { cwd: dir });
  expect(r.stderr).toContain('loading the Trivy libraries the checks import');
  const out = JSON.parse(r.stdout) as { findings: ScanFinding[]; errors: unknown[]; summary: { policies: number } };
  expect(out.errors).toEqual([]);
  expect(out.summary.policies).toBeGreaterThan(20);
  return { examples, findings: out.findings, dir };
}

function wrongVerdicts(examples: Example[], findings: ScanFinding[]): string[] {
  const wrong: string[] = [];
  for (const e of examples) {
    const n = findings.filter((f) => f.file === e.file && f.namespace === e.namespace).length;
    if ((e.verdict === 'good') !== (n === 0)) wrong.push(`${e.namespace} ${e.verdict} example ${e.file}: ${n} findings`);
  }
  return wrong;
}

describe.skipIf(!present)('trivy-checks examples under palisade scan -p', () => {
  beforeAll(() => ensureBuilt(), 300_000);

  it('Dockerfiles: every good example passes its check, every bad one fails it, on the lines of Trivy\'s result', () => {
    const { examples, findings, dir } = scanExamples('docker');
    expect(examples.length).toBeGreaterThan(40);
    expect(wrongVerdicts(examples, findings)).toEqual([]);

    // Trivy reports a finding at result.new's startline/endline; the scan must show the same lines.
    const engine = new Engine({ builtins: trivyBuiltins });
    for (const f of expandPaths([join(CHECKS, 'lib'), join(CHECKS, 'checks/docker')], ['rego'])) {
      if (!f.endsWith('_test.rego')) expect(engine.addModule(f, readFileSync(f, 'utf8'))).toEqual([]);
    }
    expect(engine.compile()).toEqual([]);
    let compared = 0;
    for (const e of examples.filter((x) => x.verdict === 'bad')) {
      const doc = loadFile(e.file, readFileSync(join(dir, e.file), 'utf8')).documents[0]!;
      const q = engine.prepare(`x := data.${e.namespace}.deny`).query!;
      const value = q.evaluate(documentInput(doc, true)).rows[0]?.['x'];
      const results = value instanceof RSet ? value.sorted() : [];
      const want = results
        .map((r) => r as Record<string, number>)
        .filter((r) => r.startline > 0)
        .map((r) => `${r.startline}-${r.endline}`)
        .sort();
      const got = findings
        .filter((x) => x.file === e.file && x.namespace === e.namespace && want.length > 0)
        .map((x) => `${x.startLine}-${x.endLine}`)
        .sort();
      expect(got, e.file).toEqual(want);
      compared += want.length;
    }
    expect(compared).toBeGreaterThanOrEqual(20);
  });

  it('Kubernetes manifests: every good example passes its check, every bad one fails it', () => {
    const { examples, findings } = scanExamples('kubernetes');
    expect(examples.length).toBeGreaterThan(60);
    expect(wrongVerdicts(examples, findings)).toEqual([]);
  });
});
