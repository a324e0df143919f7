/**
 * Part of `pnpm bench`: `palisade scan` of a tree of N files of every kind (default 5,000) in a
 * fresh process, with `-j 1` and `-j 2` side by side (interleaved runs, so a busy machine slows
 * both alike). The tree is made from the scannable files under examples/ (Dockerfiles,
 * .dockerignore, Kubernetes manifests, compose, scan reports): copy k of a file goes to
 * `copy-k/…` with every `name:` value suffixed `-k`, so cross-document checks see distinct
 * objects rather than one object k times. Both runs must report the same findings (the run fails
 * otherwise); prints wall time, CPU and peak RSS per `-j` and the ratio to `-j 1`.
 * Usage: tsx bench/scan-files.ts [--files 5000] [--runs 2] [--jobs 1,2]
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arg, fmtMb, fmtMs, measure, median, ratio, type Sample } from './measure.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'packages/cli/dist/main.js');
const FILES = Number(arg('--files') ?? 5000);
const RUNS = Number(arg('--runs') ?? 2);
const JOBS = (arg('--jobs') ?? '1,2').split(',').map(Number);
const SOURCES = ['examples/dockerfiles', 'examples/kubernetes', 'examples/compose', 'examples/reports', 'examples/inspect'];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const originals = SOURCES.flatMap((d) => walk(join(ROOT, d))).map((p) => ({ rel: relative(join(ROOT, 'examples'), p), text: readFileSync(p, 'utf8') }));
const tree = mkdtempSync(join(tmpdir(), 'palisade-scan-files-'));
process.on('exit', () => rmSync(tree, { recursive: true, force: true }));
for (let i = 0; i < FILES; i++) {
  const o = originals[i % originals.length]!;
  const k = Math.floor(i / originals.length);
  const path = join(tree, `copy-${k}`, o.rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, o.text.replace(/^(\s*-?\s*name:\s*)([A-Za-z0-9][\w.-]*)\s*$/gm, `$1$2-${k}`));
}

/** Finding count and per-check tallies from the JSON report: equal across `-j` or the run fails. */
function outcome(s: Sample, jobs: number, report: string): string {
  if (s.status !== 0 && s.status !== 1) throw new Error(`-j ${jobs} exited ${s.status}: ${s.stderr.slice(0, 2000)}`);
  const r = JSON.parse(readFileSync(report, 'utf8')) as { findings?: { checkId?: string; id?: string; file?: string; location?: { file?: string } }[] };
  const findings = r.findings ?? [];
  const keys = findings.map((f) => JSON.stringify(f)).sort();
  return `${findings.length}:${keys.join('\n')}`;
}

const samples = new Map<number, Sample[]>(JOBS.map((j) => [j, []]));
let expected: string | undefined;
let count = 0;
for (let r = 0; r < RUNS; r++) {
  for (const j of JOBS) {
    const report = join(tree, `report-${j}.json`);
    const s = measure(process.execPath, [CLI, 'scan', tree, '-j', String(j), '-o', `json=${report}`], { cwd: ROOT, env: { ...process.env, CI: 'true' } });
    const got = outcome(s, j, report);
    expected ??= got;
    count = Number(got.slice(0, got.indexOf(':')));
    if (got !== expected) throw new Error(`-j ${j}: different findings than -j ${JOBS[0]}`);
    samples.get(j)!.push({ ...s, stdout: '' });
  }
}
const m = (j: number, k: 'wallMs' | 'cpuMs' | 'rssMb') => {
  const xs = samples.get(j)!.map((s) => s[k]).filter((x): x is number => x !== undefined);
  return xs.length ? median(xs) : undefined;
};
console.log(`scan ${FILES} files (${originals.length} example files copied; ${count} findings, same with every -j; median of ${RUNS}):`);
for (const j of JOBS) {
  console.log(`  -j ${j}  wall ${fmtMs(m(j, 'wallMs')!).padStart(9)} (${ratio(m(j, 'wallMs'), m(JOBS[0]!, 'wallMs'))})  cpu ${m(j, 'cpuMs') === undefined ? 'n/a' : fmtMs(m(j, 'cpuMs')!)}  peak rss ${fmtMb(m(j, 'rssMb'))}`);
}
