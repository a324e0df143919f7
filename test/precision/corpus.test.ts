/**
 * Precision regression on real-world files (docs/precision.md). The reviewed files of permissively
 * licensed repositories are committed (test/precision/sample/, licences beside them), so every run
 * checks that they still produce exactly the reviewed findings (test/precision/expected.json). The
 * whole corpus stays outside this repository: where one is present ($PALISADE_CORPUS, ../corpus
 * beside the repository, or ../shared/corpus) the remaining reviewed files are checked as well.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { kindOf, repoOf, SAMPLE, SAMPLE_LICENSES, sampleFindings, scanCorpus, type Provenance } from '../../scripts/precision-corpus.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'packages/cli/dist/main.js');
const candidates = [process.env.PALISADE_CORPUS, join(ROOT, '..', 'corpus'), join(ROOT, '..', 'shared', 'corpus')].filter((d): d is string => !!d);
const corpus = candidates.find((d) => existsSync(join(d, 'manifest.json')));
const noCli = !existsSync(CLI) ? `${CLI} not built (run pnpm build)` : undefined;
if (noCli) console.warn(`precision sample test: skipped, ${noCli}`);
const skip = !existsSync(CLI) ? `${CLI} not built (run pnpm build)` : !corpus ? `no precision corpus in ${candidates.join(', ')} (see docs/precision.md to build one)` : undefined;
if (skip) console.warn(`precision corpus test: skipped, ${skip}`);

interface Expected {
  errors: string[];
  files: { file: string; sha256: string; findings: string[] }[];
}
const expected = JSON.parse(readFileSync(join(ROOT, 'test/precision/expected.json'), 'utf8')) as Expected;
const provenance = JSON.parse(readFileSync(join(ROOT, 'test/precision/corpus.json'), 'utf8')) as Provenance;

describe('precision corpus: committed provenance and expectations', () => {
  it('covers >= 2,000 files from >= 30 repositories, each at a recorded commit', () => {
    const files = provenance.repos.reduce((n, r) => n + r.files.length, 0);
    expect(files).toBeGreaterThanOrEqual(2000);
    expect(provenance.repos.length).toBeGreaterThanOrEqual(30);
    for (const r of provenance.repos) expect(r.commit, r.repo).toMatch(/^[0-9a-f]{40}$/);
  });

  it('the reviewed set has >= 100 files of every kind, each from the provenance', () => {
    expect(expected.files.length).toBeGreaterThanOrEqual(100);
    const known = new Set(provenance.repos.flatMap((r) => r.files.map((f) => `${r.repo.replace('/', '+')}/${f}`)));
    for (const f of expected.files) expect(known.has(f.file), f.file).toBe(true);
    const kinds = new Set(expected.files.map((f) => kindOf(f.file)));
    expect([...kinds].sort()).toEqual(['compose', 'dockerfile', 'dockerignore', 'kubernetes', 'kustomization', 'report']);
  });

  it('samples findings reproducibly from a seed, without repeats', () => {
    const items = Array.from({ length: 200 }, (_, i) => i);
    const a = sampleFindings(items, 50, 4242);
    expect(sampleFindings(items, 50, 4242)).toEqual(a);
    expect(new Set(a).size).toBe(50);
    expect(sampleFindings(items, 50, 4243)).not.toEqual(a);
    expect(sampleFindings(items.slice(0, 3), 50, 1)).toHaveLength(3);
  });
});

/** Files whose findings differ from the reviewed ones, scanned in `dir` (the sample or the corpus). */
function findingDiff(dir: string, files: Expected['files']): { file: string; want: string[]; got: string[] }[] {
  const r = scanCorpus(dir, files.map((f) => f.file));
  expect(r.errors.map((e) => `${e.path}: ${e.code}`)).toEqual(expected.errors.filter((e) => files.some((f) => e.startsWith(`${f.file}: `))));
  const got = new Map<string, string[]>();
  for (const f of r.findings) got.set(f.file, [...(got.get(f.file) ?? []), `${f.id} ${f.line} ${f.status}`]);
  return files.map((f) => ({ file: f.file, want: f.findings, got: got.get(f.file) ?? [] })).filter((d) => JSON.stringify(d.want) !== JSON.stringify(d.got));
}

const sampled = expected.files.filter((f) => SAMPLE_LICENSES[repoOf(f.file)]);

describe('precision sample: committed reviewed files', () => {
  it('holds >= 100 reviewed files, unmodified, each with its repository licence', () => {
    expect(sampled.length).toBeGreaterThanOrEqual(100);
    const bad = sampled.filter((f) => {
      const path = join(SAMPLE, f.file);
      return !existsSync(path) || createHash('sha256').update(readFileSync(path)).digest('hex') !== f.sha256;
    });
    expect(bad.map((f) => f.file)).toEqual([]);
    const repos = new Set(sampled.map((f) => repoOf(f.file)));
    expect([...repos].filter((r) => !existsSync(join(SAMPLE, 'LICENSES', r.replace('/', '+'))))).toEqual([]);
  });

  it.skipIf(!!noCli)('each committed file yields exactly its reviewed findings (check, line, status) and no errors', () => {
    expect(findingDiff(SAMPLE, sampled)).toEqual([]);
  }, 120_000);
});

describe.skipIf(!!skip)('precision corpus: reviewed findings', () => {
  it('the reviewed files are unchanged in the corpus', () => {
    const changed = expected.files.filter((f) => {
      const path = join(corpus!, f.file);
      return !existsSync(path) || createHash('sha256').update(readFileSync(path)).digest('hex') !== f.sha256;
    });
    expect(changed.map((f) => f.file)).toEqual([]);
  });

  it('each reviewed file yields exactly its reviewed findings (check, line, status) and no errors', () => {
    expect(findingDiff(corpus!, expected.files)).toEqual([]);
  }, 300_000);
});
