/**
 * Part of `pnpm bench`: a Dockerfile whose one RUN is N `&&`-joined commands over N continuation
 * lines (the "hostile repository" case of issue 17), scanned end to end by the built CLI with the
 * default stdlib. Sizes grow tenfold, so the per-line cost shows whether the scan stays linear.
 * Usage: tsx bench/long-run.ts [--lines 10000,100000] [--runs 1]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arg, fmtMb, fmtMs, measure, median } from './measure.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'packages/cli/dist/main.js');
const SIZES = (arg('--lines') ?? '10000,100000').split(',').map(Number);
const RUNS = Number(arg('--runs') ?? 1);

const dir = mkdtempSync(join(tmpdir(), 'palisade-long-run-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

function dockerfile(lines: number): string {
  const out = ['FROM alpine:3.20', 'RUN echo start \\'];
  for (let i = 0; i < lines; i++) out.push(`  && echo line${i} \\`);
  out.push('  && echo end', 'USER app', '');
  return out.join('\n');
}

console.log(`long-run: load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
let first: { lines: number; ms: number } | undefined;
for (const lines of SIZES) {
  const file = join(dir, `Dockerfile.${lines}`);
  writeFileSync(file, dockerfile(lines));
  const samples = Array.from({ length: RUNS }, () =>
    measure(process.execPath, [BIN, 'scan', file, '-o', 'json=/dev/null', '-j', '1'], { cwd: ROOT, env: { ...process.env, CI: 'true' } }),
  );
  // Exit 1 is expected (the generated file has findings); anything else is an error of the scan.
  const bad = samples.find((s) => s.status !== 0 && s.status !== 1);
  if (bad) throw new Error(`scan of ${lines} lines exited ${bad.status}: ${bad.stderr.slice(0, 500)}`);
  const wall = median(samples.map((s) => s.wallMs));
  const cpu = samples[0]!.cpuMs === undefined ? undefined : median(samples.map((s) => s.cpuMs!));
  const growth = first ? ` (×${(wall / first.ms).toFixed(1)} the time for ×${(lines / first.lines).toFixed(0)} the lines)` : '';
  first ??= { lines, ms: wall };
  console.log(
    `  ${String(lines).padStart(7)} lines: wall ${fmtMs(wall)}, cpu ${cpu === undefined ? 'n/a' : fmtMs(cpu)}, peak RSS ${fmtMb(samples[0]!.rssMb)}${growth}`,
  );
}
console.log(`long-run: load average after ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
