/**
 * Part of `pnpm bench`: wall time of the built CLI end to end, start-up included, as a CI job sees
 * it. Each case runs 5 times in a fresh process; the median and the range are printed.
 * Usage: tsx bench/cli.ts
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = 'packages/cli/dist/main.js';
const RUNS = 5;

const cases: [string, string[]][] = [
  ['--version', ['--version']],
  ['scan one Dockerfile', ['scan', 'examples/dockerfiles/Dockerfile.bad', '-o', 'json=/dev/null']],
  ['scan examples/ (16 files, every kind)', ['scan', 'examples/', '-o', 'json=/dev/null']],
];

for (const [name, args] of cases) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, CI: 'true' }, encoding: 'utf8' });
    times.push(performance.now() - t);
    if (r.status !== 0 && r.status !== 1) {
      console.error(`${name}: exit ${r.status}\n${r.stderr}`);
      process.exit(1);
    }
  }
  times.sort((a, b) => a - b);
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  console.log(`cli ${name}: median ${ms(times[Math.floor(RUNS / 2)]!)} (min ${ms(times[0]!)}, max ${ms(times[RUNS - 1]!)}, ${RUNS} runs)`);
}
