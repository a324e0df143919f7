/**
 * Evaluation bounds: memory (`maxMemoryBytes` → eval_memory_error), cancellation from another
 * thread (`cancelFlag`) and from code running during the evaluation (`signal`), and the time
 * budget handed to blocking platform calls (http.send).
 */
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { Engine } from '../api.js';
import type { Value } from '../value/types.js';
import { T } from '../builtins/signature.js';

const POLICY = `package lim

import rego.v1

# A quarter of a million distinct strings, all live until the comprehension is done (≈10 MB).
grow := [x |
	some i in numbers.range(1, 500)
	some j in numbers.range(1, 500)
	x := sprintf("%d-%d", [i, j])
]

big_range := count(numbers.range(1, 40000000))

small := count(numbers.range(1, 1000))

# 10^10 iterations: never ends by itself within a test run.
spin if {
	some i in numbers.range(1, 100000)
	some j in numbers.range(1, 100000)
	i + j < 0
}

fetched := http.send({"method": "GET", "url": "http://127.0.0.1:9/"})
`;

function engine(extra: ConstructorParameters<typeof Engine>[0] = {}, more?: string): Engine {
  const e = new Engine(extra);
  e.addModule('lim.rego', POLICY);
  if (more) e.addModule('more.rego', more);
  expect(e.compile()).toEqual([]);
  return e;
}

const MB = 1024 * 1024;

describe('maxMemoryBytes', () => {
  it('ends an evaluation whose heap grows past the budget with eval_memory_error, and the next one runs', () => {
    const e = engine();
    const q = e.prepare('x := data.lim.grow').query!;
    const r = q.evaluate(undefined, { maxMemoryBytes: 4 * MB });
    expect(r.error?.code).toBe('eval_memory_error');
    expect(r.error?.message).toBe('evaluation exceeded the memory limit (4 MB)');
    // The memory was released with the failed evaluation: a small one succeeds under the same budget.
    expect(e.prepare('x := data.lim.small').query!.evaluate(undefined, { maxMemoryBytes: 4 * MB }).rows).toEqual([{ x: 1000 }]);
  });

  it('refuses a builtin result larger than the budget before allocating it', () => {
    const r = engine().prepare('x := data.lim.big_range').query!.evaluate(undefined, { maxMemoryBytes: 64 * MB });
    expect(r.error?.code).toBe('eval_memory_error');
  });

  it('is off by default and when 0', () => {
    const q = engine().prepare('x := count(data.lim.grow)').query!;
    expect(q.evaluate(undefined, { maxMemoryBytes: 0 }).rows).toEqual([{ x: 250_000 }]);
  });

  it('uses the platform heap probe when given, collecting before it fails', () => {
    const calls: boolean[] = [];
    const probe = (collect: boolean): number => {
      calls.push(collect);
      return process.memoryUsage().heapUsed;
    };
    const r = engine().prepare('x := data.lim.grow').query!.evaluate(undefined, { maxMemoryBytes: 4 * MB, platform: { heapUsed: probe } });
    expect(r.error?.code).toBe('eval_memory_error');
    expect(calls[0]).toBe(false);
    expect(calls.at(-1)).toBe(true);
  });
});

describe('cancellation', () => {
  it('cancelFlag set by another thread stops a running evaluation', async () => {
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const watchdog = new Worker(
      `const { workerData } = require('node:worker_threads'); setTimeout(() => Atomics.store(workerData, 0, 1), 100);`,
      { eval: true, workerData: flag },
    );
    try {
      // The wall-clock budget is only a safety net: the assertion checks which bound ended it.
      const r = engine().prepare('x := data.lim.spin').query!.evaluate(undefined, { cancelFlag: flag, timeoutMs: 120_000 });
      expect(r.error).toMatchObject({ code: 'eval_cancel_error', message: 'evaluation cancelled' });
    } finally {
      await watchdog.terminate();
    }
  });

  it('an AbortSignal aborted by code running during the evaluation stops it', () => {
    const controller = new AbortController();
    const e = engine({
      builtins: [
        {
          name: 'stop_now',
          params: [{ name: 'x', type: T.any }],
          result: T.boolean,
          category: 'test',
          description: 'aborts the controller of the running test',
          impl: (): Value => {
            controller.abort();
            return true;
          },
        },
      ],
    }, 'package more\n\nstop_then_spin if {\n\tstop_now(1)\n\tdata.lim.spin\n}\n');
    const r = e.prepare('x := data.more.stop_then_spin').query!.evaluate(undefined, { signal: controller.signal, timeoutMs: 120_000 });
    expect(r.error).toMatchObject({ code: 'eval_cancel_error', message: 'evaluation cancelled' });
  });
});

describe('time budget of blocking platform calls', () => {
  it('http.send gets what is left of timeoutMs, and a request cut short by it is a cancellation', () => {
    const budgets: (number | undefined)[] = [];
    const q = engine().prepare('x := data.lim.fetched').query!;
    const r = q.evaluate(undefined, {
      timeoutMs: 150,
      capabilities: { network: true },
      platform: {
        httpSend: (_req, options) => {
          budgets.push(options?.budgetMs);
          // A client that honours the budget: it waits until the budget is spent, then gives up.
          const until = Date.now() + (options?.budgetMs ?? 0) + 1;
          while (Date.now() < until);
          throw new Error('request timed out');
        },
      },
    });
    expect(budgets).toHaveLength(1);
    expect(budgets[0]).toBeGreaterThan(0);
    expect(budgets[0]).toBeLessThanOrEqual(150);
    expect(r.error).toMatchObject({ code: 'eval_cancel_error', message: 'evaluation timed out (the time budget ran out during http.send)' });
  });

  it('without a time budget the platform gets no budget', () => {
    const seen: unknown[] = [];
    const r = engine().prepare('x := data.lim.fetched').query!.evaluate(undefined, {
      capabilities: { network: true },
      platform: {
        httpSend: (_req, options) => {
          seen.push(options);
          return { status_code: 200 };
        },
      },
    });
    expect(seen).toEqual([{}]);
    expect(r.rows).toEqual([{ x: { status_code: 200 } }]);
  });
});
