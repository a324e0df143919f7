/**
 * The V8 heap probe and budget behind `--max-memory`. A heap reading includes garbage not yet
 * collected, so before calling an evaluation over budget the engine asks for a reading after a
 * collection: that needs V8's `gc` function, which node exposes only with `--expose-gc`. The CLI
 * cannot choose node's flags, so it sets the flag at run time and takes `gc` from a fresh context
 * (the way Jest's `--logHeapUsage` does); without it, readings are taken as they are.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined | null = null;

function collector(): (() => void) | undefined {
  if (gc === null) {
    try {
      setFlagsFromString('--expose-gc');
      const f = runInNewContext('gc') as unknown;
      gc = typeof f === 'function' ? (f as () => void) : undefined;
    } catch {
      gc = undefined;
    }
  }
  return gc;
}

/** Bytes of V8 heap in use; after a full collection when `collect` is true. */
export function heapUsed(collect: boolean): number {
  if (collect) collector()?.();
  return getHeapStatistics().used_heap_size;
}

const MB = 1024 * 1024;

/**
 * The heap one evaluation may grow by: `--max-memory` MB, by default half of V8's heap limit.
 * V8 aborts the process (no report) when the heap reaches its limit, so the budget never exceeds
 * what is left below that limit, less a margin for the rest of the run; a larger request is
 * lowered and the note says so.
 */
export function memoryBudget(requestedMb: number | undefined): { bytes: number; note?: string } {
  const { heap_size_limit: limit, used_heap_size: used } = getHeapStatistics();
  const ceiling = Math.max(16 * MB, Math.floor((limit - used) * 0.9));
  if (requestedMb === undefined) return { bytes: Math.min(Math.floor(limit / 2), ceiling) };
  const bytes = requestedMb * MB;
  if (bytes <= ceiling) return { bytes };
  return {
    bytes: ceiling,
    note: `--max-memory ${requestedMb} is above what the JavaScript heap can hold (limit ${Math.round(limit / MB)} MB); using ${Math.round(ceiling / MB)} MB (raise the heap limit with NODE_OPTIONS=--max-old-space-size=MB)`,
  };
}
