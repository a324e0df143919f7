/**
 * `pnpm fuzz [--runs N] [--target NAME,…] [--seed S] [--max-ms MS] [--json FILE]`: runs every fuzz
 * target (test/fuzz/targets.ts) for N inputs each (default 1,000), then prints per target the runs,
 * the slowest input and the heap peak. A violation (an exception, an untyped or internal error, an
 * input slower than --max-ms) is shrunk by fast-check and printed with the seed that replays it;
 * the exit code is then 1. The CI-bounded run is test/fuzz/fuzz.test.ts; campaigns are recorded
 * in docs/reliability.md.
 */
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { TARGETS, Violation, type FuzzTarget } from './targets.js';

interface Args {
  runs: number;
  targets: string[];
  seed: number;
  maxMs: number;
  json?: string;
}

function parseArgs(argv: string[]): Args {
  const out: Args = { runs: 1000, targets: [], seed: Date.now() % 2 ** 31, maxMs: 30_000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const int = (v: string): number => {
      if (!/^\d+$/.test(v)) throw new Error(`${a}: expected a non-negative integer, got ${JSON.stringify(v)}`);
      return Number(v);
    };
    if (a === '--runs') out.runs = int(next());
    else if (a === '--target') out.targets.push(...next().split(','));
    else if (a === '--seed') out.seed = int(next());
    else if (a === '--max-ms') out.maxMs = int(next());
    else if (a === '--json') out.json = next();
    else if (a === '--') continue;
    else throw new Error(`unknown argument ${a} (--runs N, --target NAME, --seed S, --max-ms MS, --json FILE)`);
  }
  const known = new Set(TARGETS.map((t) => t.name));
  for (const t of out.targets) if (!known.has(t)) throw new Error(`unknown target ${t} (${[...known].join(', ')})`);
  return out;
}

export interface TargetOutcome {
  target: string;
  runs: number;
  seed: number;
  ok: boolean;
  slowestMs: number;
  heapPeakMb: number;
  seconds: number;
  failure?: string;
  counterexample?: string;
}

/** Runs one target for `runs` inputs; never throws (a violation is part of the outcome). */
export function fuzzTarget(t: FuzzTarget, runs: number, seed: number, maxMs: number): TargetOutcome {
  let slowest = 0;
  let heapPeak = 0;
  let n = 0;
  const started = Date.now();
  const property = fc.property(t.input(), (x) => {
    const t0 = performance.now();
    t.check(x as never);
    const ms = performance.now() - t0;
    if (ms > slowest) slowest = ms;
    if (++n % 500 === 0) heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    if (ms > maxMs) throw new Violation(`input took ${Math.round(ms)} ms (limit ${maxMs} ms)`);
  });
  const details = fc.check(property, { numRuns: runs, seed, endOnFailure: false });
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  const outcome: TargetOutcome = {
    target: t.name,
    runs: details.numRuns,
    seed,
    ok: !details.failed,
    slowestMs: Math.round(slowest),
    heapPeakMb: Math.round(heapPeak / 2 ** 20),
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
  if (details.failed) {
    const err = details.errorInstance;
    outcome.failure = err instanceof Error ? err.message : String(err);
    outcome.counterexample = JSON.stringify(details.counterexample?.[0])?.slice(0, 2000);
  }
  return outcome;
}

function main(): number {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`fuzz: ${(e as Error).message}\n`);
    return 2;
  }
  const selected = args.targets.length ? TARGETS.filter((t) => args.targets.includes(t.name)) : TARGETS;
  const outcomes: TargetOutcome[] = [];
  process.stdout.write(`fuzz: ${selected.length} targets × ${args.runs} runs, seed ${args.seed}\n`);
  for (const t of selected) {
    const o = fuzzTarget(t, args.runs, args.seed, args.maxMs);
    outcomes.push(o);
    process.stdout.write(
      `${o.ok ? 'ok  ' : 'FAIL'} ${t.name.padEnd(18)} ${String(o.runs).padStart(8)} runs  ${String(o.seconds).padStart(7)} s  slowest ${o.slowestMs} ms  heap peak ${o.heapPeakMb} MB\n`,
    );
    if (!o.ok) process.stdout.write(`     ${o.failure}\n     input: ${o.counterexample}\n     replay: pnpm fuzz --target ${t.name} --seed ${o.seed} --runs ${args.runs}\n`);
  }
  const total = outcomes.reduce((s, o) => s + o.runs, 0);
  const failed = outcomes.filter((o) => !o.ok).length;
  process.stdout.write(`fuzz: ${total} runs, ${failed} failing target${failed === 1 ? '' : 's'}, rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB\n`);
  if (args.json) writeFileSync(args.json, JSON.stringify({ seed: args.seed, runsPerTarget: args.runs, outcomes }, null, 2) + '\n');
  return failed ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main();
