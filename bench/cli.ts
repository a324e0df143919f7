/**
 * Part of `pnpm bench`: the built CLI end to end in a fresh process, start-up included, as a person,
 * a pre-commit hook or a CI job runs it, as ratios to a bare `node -e 0` measured in the same run
 * (the ratio holds on a busy machine better than milliseconds do). The cases run interleaved, RUNS
 * rounds; medians are printed. CPU (user + system) and peak RSS come from GNU time when installed.
 * Usage: tsx bench/cli.ts [--runs 10]
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arg, fmtMb, fmtMs, measure, median, ratio, type Sample } from './measure.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'packages/cli/dist/main.js');
const OPA = join(ROOT, '../shared/bin/opa');
const RUNS = Number(arg('--runs') ?? 10);
const node = process.execPath;

const cases: [string, string, string[]][] = [
  ['node -e 0', node, ['-e', '0']],
  ['palisade --version', node, [BIN, '--version']],
  ['palisade --help', node, [BIN, '--help']],
  ['palisade eval 1+1', node, [BIN, 'eval', '1+1']],
  ['palisade scan one Dockerfile', node, [BIN, 'scan', 'examples/dockerfiles/Dockerfile.bad', '-o', 'json=/dev/null']],
  ['palisade scan examples/ (16 files, every kind)', node, [BIN, 'scan', 'examples/', '-o', 'json=/dev/null']],
];
if (existsSync(OPA)) cases.splice(4, 0, ['opa eval 1+1', OPA, ['eval', '1+1']]);
else console.warn(`cli: no "opa eval 1+1" case, the reference OPA is not at ${OPA}`);

const samples = new Map<string, Sample[]>(cases.map(([name]) => [name, []]));
for (let r = 0; r < RUNS; r++) {
  for (const [name, cmd, args] of cases) {
    const s = measure(cmd, args, { cwd: ROOT, env: { ...process.env, CI: 'true' } });
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
const base = 'node -e 0';
console.log(`cli start-up, median of ${RUNS} interleaved runs (ratios to ${base} in this run):`);
for (const [name] of cases) {
  const wall = med(name, 'wallMs')!;
  const cpu = med(name, 'cpuMs');
  console.log(
    `  ${name.padEnd(48)} wall ${fmtMs(wall).padStart(8)} (${ratio(wall, med(base, 'wallMs'))})  cpu ${cpu === undefined ? 'n/a' : fmtMs(cpu).padStart(8)} (${ratio(cpu, med(base, 'cpuMs'))})  peak rss ${fmtMb(med(name, 'rssMb'))}`,
  );
}
