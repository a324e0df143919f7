/**
 * Parallel evaluation for large scans: the main thread and N − 1 worker threads each evaluate
 * every N-th document; a worker loads every file (the inventory of cross-document policies needs
 * all documents, and source maps do not cross threads) and compiles the policies once, at the same
 * time as the main thread does. The findings are merged and sorted by the caller, so the output does not
 * depend on the number of workers or their timing.
 */
import { Worker } from 'node:worker_threads';
import type { CheckTally, DocumentKind, Finding, LoadError, PrintOutput, ScanOptions } from '@palisade/stdlib';
import type { InputFile } from './files.js';

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
  /** `.proto` declarations for textproto inputs (`--proto-file-dirs`). */
  protoFiles?: { path: string; text: string }[];
  /** `documentKinds` absent: the kinds of the documents the worker loaded (as the main thread does). */
  options: Omit<ScanOptions, 'sources' | 'stdlibBundle' | 'engine'>;
  part: number;
  parts: number;
}

export interface WorkerReply {
  findings: Finding[];
  errors: LoadError[];
  /** conftest tallies of the worker's documents. */
  checks?: CheckTally[];
  /** `print(…)` output of the worker's documents, and how many lines it dropped. */
  prints?: PrintOutput[];
  printsOmitted?: number;
  /** Set when the worker could not run at all (compile error, crash). */
  failure?: string;
}

export interface ParallelOutcome {
  findings: Finding[];
  errors: LoadError[];
  checks: CheckTally[];
  prints: PrintOutput[];
  printsOmitted: number;
  failures: string[];
}

interface RunningWorker {
  reply: Promise<WorkerReply>;
  terminate(): void;
}

function runWorker(task: WorkerTask): RunningWorker {
  let settle: (r: WorkerReply) => void = () => {};
  const reply = new Promise<WorkerReply>((resolveReply) => {
    let settled = false;
    settle = (r) => {
      if (settled) return;
      settled = true;
      resolveReply(r);
    };
  });
  const worker = new Worker(new URL('./scan-worker.js', import.meta.url), { workerData: task });
  worker.once('message', (m: WorkerReply) => {
    settle(m);
    void worker.terminate();
  });
  worker.once('error', (e) => settle({ findings: [], errors: [], failure: e instanceof Error ? e.message : String(e) }));
  worker.once('exit', (code) => settle({ findings: [], errors: [], failure: `worker exited with code ${code}` }));
  return {
    reply,
    terminate: () => {
      settle({ findings: [], errors: [], failure: 'cancelled' });
      void worker.terminate();
    },
  };
}

/** Workers started ahead of time: they load and compile while this thread does the same. */
export interface WorkerPool {
  readonly parts: number;
  /**
   * Runs part 0 on this thread with `local` (which has loaded and compiled everything already)
   * and waits for the workers' parts 1…parts − 1.
   */
  join(local: (part: number, parts: number) => WorkerReply, onProgress?: (done: number, total: number) => void): Promise<ParallelOutcome>;
  /** Stops the workers (nothing to scan, or this thread failed to compile). */
  cancel(): void;
}

/**
 * Starts `parts − 1` workers for a scan split into `parts` (document i goes to part i mod parts).
 * Start them as soon as the files are read: on N cores the workers' loading and compiling then
 * overlaps this thread's instead of following it, so the wall time of a parallel scan is one load
 * and compile plus 1/N of the evaluation.
 */
export function startWorkers(base: Omit<WorkerTask, 'part' | 'parts'>, parts: number): WorkerPool {
  const workers = Array.from({ length: parts - 1 }, (_, i) => runWorker({ ...base, part: i + 1, parts }));
  return {
    parts,
    cancel: () => workers.forEach((w) => w.terminate()),
    async join(local, onProgress) {
      let finished = 0;
      const done = () => onProgress?.(++finished, parts);
      const tasks = workers.map((w) => w.reply.then((r) => (done(), r)));
      let own: WorkerReply;
      try {
        own = local(0, parts);
      } catch (e) {
        own = { findings: [], errors: [], failure: e instanceof Error ? e.message : String(e) };
      }
      done();
      const replies = [own, ...(await Promise.all(tasks))];
      const out: ParallelOutcome = { findings: [], errors: [], checks: [], prints: [], printsOmitted: 0, failures: [] };
      for (const r of replies) {
        out.findings.push(...r.findings);
        out.checks.push(...(r.checks ?? []));
        out.prints.push(...(r.prints ?? []));
        out.printsOmitted += r.printsOmitted ?? 0;
        out.errors.push(...r.errors);
        if (r.failure) out.failures.push(r.failure);
      }
      return out;
    },
  };
}
