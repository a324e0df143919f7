/**
 * `pnpm bench`: engine throughput on a generated input of 10,000 Kubernetes-like pods with a
 * dozen `deny` rules iterating containers. Reports wall time and peak memory (RSS / heap).
 * Usage: pnpm bench [--pods N] [--runs N]
 */
import { performance } from 'node:perf_hooks';
// Measures the built engine (dist/), as users run it; `pnpm bench` builds first.
import { Engine } from '../packages/engine/dist/index.js';
import { pods, POLICY } from './pods.js';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

const PODS = arg('--pods', 10_000);
const RUNS = arg('--runs', 5);

const input = { items: pods(PODS) };
const engine = new Engine();
engine.addModule('bench.rego', POLICY);
const t0 = performance.now();
const { query, errors } = engine.prepare('x = data.bench.deny');
if (!query) {
  console.error(errors);
  process.exit(1);
}
const prepareMs = performance.now() - t0;
let peakRss = process.memoryUsage().rss;
let peakHeap = process.memoryUsage().heapUsed;
const times: number[] = [];
let findings = 0;
for (let r = 0; r < RUNS; r++) {
  // A fresh copy per run: the engine shares rule values across evaluations of the very same input
  // object, which would turn repeated runs into cache hits.
  const fresh = structuredClone(input);
  const t = performance.now();
  const res = query.evaluate(fresh);
  times.push(performance.now() - t);
  if (res.error) {
    console.error(res.error);
    process.exit(1);
  }
  const v = res.rows[0]?.['x'] ?? Object.values(res.rows[0] ?? {})[0];
  findings = v && typeof v === 'object' && 'size' in (v as object) ? (v as { size: number }).size : 0;
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
console.log(`pods: ${PODS}  containers: ${PODS * 3}  rules: 12 deny  findings: ${findings}`);
console.log(`prepare: ${prepareMs.toFixed(1)} ms`);
console.log(`evaluate: median ${median.toFixed(0)} ms  min ${times[0].toFixed(0)} ms  max ${times[times.length - 1].toFixed(0)} ms  (${RUNS} runs)`);
console.log(`throughput: ${((PODS / median) * 1000).toFixed(0)} pods/s`);
console.log(`peak memory: rss ${mb(peakRss)} MB  heap ${mb(peakHeap)} MB`);
