/**
 * Precision regression on real-world files (docs/precision.md). The corpus itself is other
 * projects' files and stays outside this repository: the test runs where one is present
 * ($PALISADE_CORPUS, ../corpus beside the repository, or ../shared/corpus) and checks that the
 * reviewed files still produce exactly the reviewed findings (test/precision/expected.json).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { kindOf, sampleFindings, scanCorpus, type Provenance } from '../../scripts/precision-corpus.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'packages/cli/dist/main.js');
const candidates = [process.env.PALISADE_CORPUS, join(ROOT, '..', 'corpus'), join(ROOT, '..', 'shared', 'corpus')].filter((d): d is string => !!d);
const corpus = candidates.find((d) => existsSync(join(d, 'manifest.json')));
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

describe.skipIf(!!skip)('precision corpus: reviewed findings', () => {
  it('the reviewed files are unchanged in the corpus', () => {
    const changed = expected.files.filter((f) => {
      const path = join(corpus!, f.file);
      return !existsSync(path) || createHash('sha256').update(readFileSync(path)).digest('hex') !== f.sha256;
    });
    expect(changed.map((f) => f.file)).toEqual([]);
  });

  it('each reviewed file yields exactly its reviewed findings (check, line, status) and no errors', () => {
    const r = scanCorpus(corpus!, expected.files.map((f) => f.file));
    expect(r.errors.map((e) => `${e.path}: ${e.code}`)).toEqual(expected.errors);
    const got = new Map<string, string[]>();
    for (const f of r.findings) got.set(f.file, [...(got.get(f.file) ?? []), `${f.id} ${f.line} ${f.status}`]);
    const diff = expected.files
      .map((f) => ({ file: f.file, want: f.findings, got: got.get(f.file) ?? [] }))
      .filter((d) => JSON.stringify(d.want) !== JSON.stringify(d.got));
    expect(diff).toEqual([]);
  }, 300_000);
});
