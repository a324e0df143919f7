/**
 * Runs a command in a fresh process and measures it: wall time (here), user and system CPU and
 * peak RSS (from GNU time, /usr/bin/time, when installed: `apt-get install time`). Shared by the
 * side-by-side and start-up benchmarks.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export const GNU_TIME = '/usr/bin/time';
export const HAS_GNU_TIME = existsSync(GNU_TIME);

export interface Sample {
  wallMs: number;
  /** user + system CPU, and peak RSS; undefined without GNU time */
  cpuMs?: number;
  rssMb?: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

const scratch = mkdtempSync(join(tmpdir(), 'palisade-bench-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

export function measure(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Sample {
  const stats = join(scratch, 'time.txt');
  const argv = HAS_GNU_TIME ? [GNU_TIME, '-f', '%U %S %M', '-o', stats, cmd, ...args] : [cmd, ...args];
  const t = performance.now();
  const r = spawnSync(argv[0]!, argv.slice(1), { cwd: opts.cwd, env: opts.env ?? process.env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wallMs = performance.now() - t;
  const sample: Sample = { wallMs, status: r.status, stdout: r.stdout, stderr: r.stderr };
  if (HAS_GNU_TIME) {
    const [user, sys, rssKb] = readFileSync(stats, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    sample.cpuMs = (user! + sys!) * 1000;
    sample.rssMb = rssKb! / 1024;
  }
  return sample;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

export function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

export const fmtMs = (n: number): string => `${n.toFixed(0)} ms`;
export const fmtMb = (n: number | undefined): string => (n === undefined ? 'n/a' : `${n.toFixed(0)} MB`);
export const ratio = (a: number | undefined, b: number | undefined): string => (a === undefined || b === undefined ? 'n/a' : `${(a / b).toFixed(2)}×`);
