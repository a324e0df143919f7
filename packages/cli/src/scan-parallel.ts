/**
 * Parallel evaluation for large scans: the main thread and N − 1 worker threads each evaluate
 * every N-th document; a worker loads every file (the inventory of cross-document policies needs
 * all documents) and compiles the policies once. The findings are merged and sorted by the caller, so the output does not
 * depend on the number of workers or their timing.
 */
import { Worker } from 'node:worker_threads';
import type { CheckTally, DocumentKind, Finding, LoadError, ScanOptions } from '@palisade/stdlib';
import type { InputFile } from './scan-files.js';

/**
 * `--jobs` when not given: one thread. Every extra thread loads every file again and compiles the
 * policy set again, and loses the cross-document rule cache; measured on 2 cores (bench/scan-jobs.ts,
 * docs/performance.md "Parallel scans"), `-j 2` cost 1.5× the CPU of `-j 1` on 1,000 mixed files
 * and was slower at 5,000 (64 s vs 38.6 s, issue 12), so parallelism is opt-in.
 */
export const DEFAULT_JOBS = 1;

/** What a worker receives (structured-clone safe: no functions, no source maps). */
export interface WorkerTask {
  files: InputFile[];
  parser?: DocumentKind;
  options: Omit<ScanOptions, 'sources' | 'stdlibBundle' | 'engine'>;
  part: number;
  parts: number;
}

export interface WorkerReply {
  findings: Finding[];
  errors: LoadError[];
  /** conftest tallies of the worker's documents. */
  checks?: CheckTally[];
  /** Set when the worker could not run at all (compile error, crash). */
  failure?: string;
}

export interface ParallelOutcome {
  findings: Finding[];
  errors: LoadError[];
  checks: CheckTally[];
  failures: string[];
}

function runWorker(task: WorkerTask, onDone: () => void): Promise<WorkerReply> {
  return new Promise((resolveReply) => {
    let settled = false;
    const finish = (r: WorkerReply): void => {
      if (settled) return;
      settled = true;
      onDone();
      resolveReply(r);
    };
    const worker = new Worker(new URL('./scan-worker.js', import.meta.url), { workerData: task });
    worker.once('message', (m: WorkerReply) => {
      finish(m);
      void worker.terminate();
    });
    worker.once('error', (e) => finish({ findings: [], errors: [], failure: e instanceof Error ? e.message : String(e) }));
    worker.once('exit', (code) => finish({ findings: [], errors: [], failure: `worker exited with code ${code}` }));
  });
}

/**
 * Splits the documents into `jobs` parts. With `local`, part 0 runs on this thread (which has
 * loaded and compiled everything already) while jobs − 1 workers take the other parts: on N cores
 * N parts then cost N − 1 extra loads and compiles, not N.
 */
export async function scanInWorkers(
  base: Omit<WorkerTask, 'part' | 'parts'>,
  jobs: number,
  onProgress?: (done: number, total: number) => void,
  local?: (part: number, parts: number) => WorkerReply,
): Promise<ParallelOutcome> {
  let finished = 0;
  const done = () => onProgress?.(++finished, jobs);
  const first = local ? 1 : 0;
  const tasks = Array.from({ length: jobs - first }, (_, i) => runWorker({ ...base, part: i + first, parts: jobs }, done));
  if (local) {
    // Workers start loading and compiling before this thread turns to its own part.
    await new Promise((r) => setImmediate(r));
    let own: WorkerReply;
    try {
      own = local(0, jobs);
    } catch (e) {
      own = { findings: [], errors: [], failure: e instanceof Error ? e.message : String(e) };
    }
    done();
    tasks.unshift(Promise.resolve(own));
  }
  const replies = await Promise.all(tasks);
  const out: ParallelOutcome = { findings: [], errors: [], checks: [], failures: [] };
  for (const r of replies) {
    out.findings.push(...r.findings);
    out.checks.push(...(r.checks ?? []));
    out.errors.push(...r.errors);
    if (r.failure) out.failures.push(r.failure);
  }
  return out;
}
