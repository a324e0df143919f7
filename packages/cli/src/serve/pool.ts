/**
 * A fixed pool of worker threads evaluating `palisade serve` jobs, so one slow request does not
 * stall the others, behind a bounded queue: when every worker is busy and `maxQueue` jobs wait,
 * a new job is refused at once (the server answers 503) instead of piling up past the webhook's
 * timeout. The engine bounds evaluation time itself; a worker still busy `GRACE_MS` after a
 * job's budget (a long builtin call) is terminated and replaced, and the job fails with
 * `eval_cancel_error`.
 */
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '@palisade/engine';
import type { EvaluatorConfig, Job, JobResult } from './evaluator.js';

const GRACE_MS = 1000;

export type ToWorker = { type: 'job'; id: number; job: Job } | { type: 'reload'; id: number; config?: EvaluatorConfig };
export type FromWorker = { type: 'ready'; errors: Diagnostic[] } | { type: 'result'; id: number; result: JobResult } | { type: 'reloaded'; id: number; errors: Diagnostic[] };

/** Thrown by `run` when the queue is full. */
export class Overloaded extends Error {}
/** Thrown by `run` when a job outlived its budget and its worker was replaced. */
export class JobTimedOut extends Error {
  readonly diagnostic: Diagnostic;
  constructor(ms: number) {
    super(`evaluation exceeded its ${ms} ms budget; the worker was stopped`);
    this.diagnostic = { code: 'eval_cancel_error', message: this.message };
  }
}

interface Pending {
  id: number;
  job: Job;
  /** performance.now() when queued, and when handed to a worker. */
  queuedAt: number;
  startedAt?: number;
  resolve(r: JobResult): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  current?: Pending & { timer?: NodeJS.Timeout };
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private readonly reloads = new Map<number, { left: number; errors: Diagnostic[]; done(errors: Diagnostic[]): void }>();
  private nextId = 1;
  private closed = false;

  constructor(
    private config: EvaluatorConfig,
    readonly size: number,
    readonly maxQueue: number,
    private readonly log: (line: string) => void,
    /** Each answered job's wait in the queue and time on its worker (transfer included), in seconds. */
    private readonly observe?: (kind: Job['kind'], queuedSeconds: number, runSeconds: number) => void,
  ) {}

  /** Starts every worker; resolves with the first worker's load errors (none when all are ready). */
  async start(): Promise<Diagnostic[]> {
    const ready = Array.from({ length: this.size }, () => this.spawn());
    const errors = await Promise.all(ready);
    return errors.find((e) => e.length) ?? [];
  }

  /** Jobs waiting for a worker. */
  get queued(): number {
    return this.queue.length;
  }

  run(job: Job): Promise<JobResult> {
    if (this.closed) return Promise.reject(new Overloaded('the server is shutting down'));
    if (this.queue.length >= this.maxQueue && !this.slots.some((s) => s.ready && !s.current)) {
      return Promise.reject(new Overloaded(`all ${this.size} workers are busy and ${this.queue.length} requests are queued`));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject, queuedAt: performance.now() });
      this.dispatch();
    });
  }

  /**
   * Every worker reloads its policies (each keeps its old set if the new one fails), from `config`
   * when given (a new bundle), which replacement workers then start from too.
   */
  reload(config?: EvaluatorConfig): Promise<Diagnostic[]> {
    const id = this.nextId++;
    if (config) this.config = config;
    const live = this.slots.filter((s) => s.ready);
    if (!live.length) return Promise.resolve([]);
    return new Promise((done) => {
      this.reloads.set(id, { left: live.length, errors: [], done });
      for (const s of live) s.worker.postMessage({ type: 'reload', id, ...(config ? { config } : {}) } satisfies ToWorker);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Overloaded('the server is shutting down'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Promise<Diagnostic[]> {
    const worker = new Worker(new URL('./serve-worker.js', import.meta.url), { workerData: this.config });
    const slot: Slot = { worker, ready: false };
    this.slots.push(slot);
    return new Promise((started) => {
      worker.on('message', (m: FromWorker) => {
        if (m.type === 'ready') {
          slot.ready = m.errors.length === 0;
          started(m.errors);
          if (slot.ready) this.dispatch();
          else this.retire(slot, `a worker could not load the policies: ${m.errors.map((e) => e.message).join('; ')}`);
        } else if (m.type === 'result') {
          const cur = slot.current;
          if (!cur || cur.id !== m.id) return;
          clearTimeout(cur.timer);
          slot.current = undefined;
          const now = performance.now();
          this.observe?.(cur.job.kind, ((cur.startedAt ?? now) - cur.queuedAt) / 1000, (now - (cur.startedAt ?? now)) / 1000);
          cur.resolve(m.result);
          this.dispatch();
        } else {
          const r = this.reloads.get(m.id);
          if (!r) return;
          r.errors.push(...m.errors);
          if (--r.left === 0) {
            this.reloads.delete(m.id);
            r.done(r.errors);
          }
        }
      });
      worker.on('error', (e) => {
        started([{ code: 'eval_internal_error', message: `serve worker: ${e.message}` }]);
        this.fail(slot, new Error(`serve worker failed: ${e.message}`));
      });
      worker.on('exit', (code) => {
        if (!this.closed && this.slots.includes(slot)) this.fail(slot, new Error(`serve worker exited with code ${code}`));
      });
    });
  }

  /** A worker that died or hung: its job fails, a replacement starts. */
  private fail(slot: Slot, error: Error): void {
    const cur = slot.current;
    slot.current = undefined;
    if (cur) {
      clearTimeout(cur.timer);
      cur.reject(error);
    }
    this.retire(slot);
    if (!this.closed) void this.spawn();
  }

  private retire(slot: Slot, why?: string): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    if (why) this.log(why);
    void slot.worker.terminate();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!this.queue.length) return;
      if (!slot.ready || slot.current) continue;
      const p = this.queue.shift()!;
      p.startedAt = performance.now();
      const budget = p.job.limits.timeoutMs;
      slot.current = p;
      if (budget > 0) {
        slot.current.timer = setTimeout(() => {
          if (slot.current?.id !== p.id) return;
          slot.current = undefined;
          p.reject(new JobTimedOut(budget));
          this.retire(slot, `palisade serve: a worker was still busy ${GRACE_MS} ms past a ${budget} ms budget; replaced it`);
          if (!this.closed) void this.spawn();
        }, budget + GRACE_MS);
      }
      slot.worker.postMessage({ type: 'job', id: p.id, job: p.job } satisfies ToWorker);
    }
  }
}
