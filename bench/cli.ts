/**
 * Part of `pnpm bench`: the built CLI end to end in a fresh process, start-up included, as a person,
 * a pre-commit hook or a CI job runs it, as ratios to a bare `node -e 0` measured in the same run
 * (the ratio holds on a busy machine better than milliseconds do). The cases run interleaved, RUNS
 * rounds; medians are printed, with load averages before and after (the machine is shared). CPU (user + system) and peak RSS come from GNU time when installed.
 * Usage: tsx bench/cli.ts [--runs 10] [--against /path/to/other/checkout]
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arg, fmtMb, fmtMs, measure, median, ratio, type Sample } from './measure.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'packages/cli/dist/main.js');
const OPA = join(ROOT, '../shared/bin/opa');
const RUNS = Number(arg('--runs') ?? 10);
const node = process.execPath;

const NO_CACHE = { PALISADE_NO_CACHE: '1' };
const cases: [string, string, string[], Record<string, string>?][] = [
  ['node -e 0', node, ['-e', '0']],
  ['palisade --version', node, [BIN, '--version']],
  ['palisade --help', node, [BIN, '--help']],
  ['palisade eval 1+1', node, [BIN, 'eval', '1+1']],
  ['palisade eval 1+1 (no code cache)', node, [BIN, 'eval', '1+1'], NO_CACHE],
  ['palisade scan one Dockerfile', node, [BIN, 'scan', 'examples/dockerfiles/Dockerfile.bad', '-o', 'json=/dev/null']],
  ['palisade scan one Dockerfile (no code cache)', node, [BIN, 'scan', 'examples/dockerfiles/Dockerfile.bad', '-o', 'json=/dev/null'], NO_CACHE],
  ['palisade scan examples/ (16 files, every kind)', node, [BIN, 'scan', 'examples/', '-o', 'json=/dev/null']],
];
if (existsSync(OPA)) cases.splice(5, 0, ['opa eval 1+1', OPA, ['eval', '1+1']]);
else console.warn(`cli: no "opa eval 1+1" case, the reference OPA is not at ${OPA}`);
// `--against DIR`: the same commands from another built checkout (e.g. /work/main before a
// change), in the same interleaved rounds, for a before/after ratio that one busy run can give.
const against = arg('--against');
// Each checkout gets its own code cache: the cache keeps one entry per command and removes the
// others (src/code-cache.ts), so a shared one made every interleaved run of either side a miss.
const cacheHome = mkdtempSync(join(tmpdir(), 'palisade-bench-cache-'));
const againstCacheHome = mkdtempSync(join(tmpdir(), 'palisade-bench-cache-against-'));
process.on('exit', () => {
  for (const d of [cacheHome, againstCacheHome]) rmSync(d, { recursive: true, force: true });
});
if (against) {
  const other = join(against, 'packages/cli/dist/main.js');
  if (!existsSync(other)) throw new Error(`--against: no built CLI at ${other}`);
  for (const [name, , args] of cases.filter(([n]) => n.startsWith('palisade') && !n.includes('no code cache'))) {
    cases.push([`${name} [${against}]`, node, [other, ...args.slice(1)], { XDG_CACHE_HOME: againstCacheHome }]);
  }
}

// A private code cache (src/code-cache.ts), filled by a first untimed run of each command: the
// timed runs are what every run after the first one after an install or upgrade costs.
const loadBefore = loadavg().map((l) => l.toFixed(1)).join(' ');
const envOf = (extra: Record<string, string> = {}) => ({ ...process.env, CI: 'true', XDG_CACHE_HOME: cacheHome, ...extra });
for (const [, cmd, args, extra] of cases) measure(cmd, args, { cwd: ROOT, env: envOf(extra) });
const samples = new Map<string, Sample[]>(cases.map(([name]) => [name, []]));
for (let r = 0; r < RUNS; r++) {
  for (const [name, cmd, args, extra] of cases) {
    const s = measure(cmd, args, { cwd: ROOT, env: envOf(extra) });
    // 1 = findings, the expected outcome of scanning the examples.
    if (s.status !== 0 && s.status !== 1) {
      console.error(`${name}: exit ${s.status}\n${s.stderr}`);
      process.exit(1);
    }
    samples.get(name)!.push({ ...s, stdout: '' });
  }
}

const med = (name: string, k: 'wallMs' | 'cpuMs' | 'rssMb'): number | undefined => {
  const xs = samples.get(name)!.map((s) => s[k]).filter((x): x is number => x !== undefined);
  return xs.length ? median(xs) : undefined;
};
// GNU time reports CPU in 10 ms ticks, so medians of 60–200 ms runs move in steps of 5–15%; the
// mean over the runs resolves finer and is printed beside it.
const meanCpu = (name: string): number | undefined => {
  const xs = samples.get(name)!.map((s) => s.cpuMs).filter((x): x is number => x !== undefined);
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined;
};
const base = 'node -e 0';
console.log(`cli start-up, median of ${RUNS} interleaved runs (ratios to ${base} in this run; load average ${loadBefore} before, ${loadavg().map((l) => l.toFixed(1)).join(' ')} after):`);
for (const [name] of cases) {
  const wall = med(name, 'wallMs')!;
  const cpu = med(name, 'cpuMs');
  const mean = meanCpu(name);
  console.log(
    `  ${name.padEnd(64)} wall ${fmtMs(wall).padStart(8)} (${ratio(wall, med(base, 'wallMs'))})  cpu ${cpu === undefined ? 'n/a' : fmtMs(cpu).padStart(8)} (${ratio(cpu, med(base, 'cpuMs'))}; mean ${mean === undefined ? 'n/a' : `${fmtMs(mean)}, ${ratio(mean, meanCpu(base))}`})  peak rss ${fmtMb(med(name, 'rssMb'))}`,
  );
}
