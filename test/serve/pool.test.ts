/**
 * Evaluation on worker threads behind a bounded queue, against the real `palisade serve` on
 * 127.0.0.1: a slow request does not stall a fast one, a full queue answers 503 at once, a
 * reload reaches every worker, and a worker stuck in one builtin call past its budget is replaced.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../cli/scan-helpers.js';
import { startServe, workspace, type Served } from './server.js';

ensureBuilt();
const { dir: work, servers, write } = workspace('palisade-pool-');

// A second or more of evaluation: 700 × 700 pairs.
write('policy/slow.rego', 'package slow\n\np := count({[a, b] | some a in numbers.range(1, 700); some b in numbers.range(1, 700)})\n');
write('policy/fast.rego', 'package fast\n\nversion := 1\n');
// Builtin calls building and sorting 50 million numbers (the most numbers.range allows): seconds of
// work the evaluator cannot interrupt (it checks its deadline between steps, not inside a builtin),
// so only the pool's watchdog ends it.
write('hung/hung.rego', 'package hung\n\np := count(sort(numbers.range(1, 50000000)))\n');
write('hung/fast.rego', 'package fast\n\nversion := 1\n');

async function timed(url: string): Promise<{ status: number; ms: number; body: any }> {
  const start = performance.now();
  const r = await fetch(url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
  return { status: r.status, body: await r.json(), ms: performance.now() - start };
}

describe('palisade serve worker pool', () => {
  let two: Served;
  let one: Served;
  let hung: Served;
  beforeAll(async () => {
    [two, one, hung] = await Promise.all([
      startServe(['-d', 'policy', '--workers', '2', '--timeout', '60000'], work),
      startServe(['-d', 'policy', '--workers', '1', '--max-queue', '0', '--timeout', '60000'], work),
      startServe(['-d', 'hung', '--workers', '1', '--timeout', '100'], work),
    ]);
    servers.push(two, one, hung);
  }, 120_000);

  it('reports its workers', () => {
    expect(two.stderr()).toMatch(/2 worker\(s\)/);
  });

  it('a fast request is answered while a slow one runs on another worker', async () => {
    const slow = timed(`${two.url}/v1/data/slow/p`);
    await new Promise((r) => setTimeout(r, 100));
    const fast = await timed(`${two.url}/v1/data/fast/version`);
    const done = await slow;
    expect(done.status).toBe(200);
    expect(done.body.result).toBe(700 * 700);
    expect(fast.body.result).toBe(1);
    // The fast one finished first, while the slow one was still evaluating.
    expect(fast.ms).toBeLessThan(done.ms);
  }, 60_000);

  it('with every worker busy and a full queue, a request gets 503 at once', async () => {
    const slow = timed(`${one.url}/v1/data/slow/p`);
    await new Promise((r) => setTimeout(r, 100));
    const refused = await timed(`${one.url}/v1/data/fast/version`);
    expect(refused.status).toBe(503);
    expect(refused.body.code).toBe('server_overloaded');
    expect(refused.body.message).toMatch(/all 1 workers are busy/);
    expect((await slow).status).toBe(200);
    // Once the worker is free the same request succeeds.
    expect((await timed(`${one.url}/v1/data/fast/version`)).body.result).toBe(1);
    const metrics = await (await fetch(`${one.url}/metrics`)).text();
    expect(metrics).toMatch(/^palisade_http_requests_total\{route="\/v1\/data",method="POST",code="503"\} 1$/m);
  }, 60_000);

  it('a reload reaches every worker', async () => {
    write('policy/fast.rego', 'package fast\n\nversion := 2\n');
    two.child.kill('SIGHUP');
    await expect.poll(() => two.stderr(), { timeout: 30_000 }).toMatch(/reloaded policies \(SIGHUP\)/);
    // Both workers answer with the new set (requests in parallel land on both).
    const answers = await Promise.all(Array.from({ length: 6 }, () => timed(`${two.url}/v1/data/fast/version`)));
    expect(answers.map((a) => a.body.result)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(await two.stop()).toBe(0);
  }, 60_000);

  it('a worker still busy past its budget is stopped and replaced; the request fails with eval_cancel_error', async () => {
    const stuck = await timed(`${hung.url}/v1/data/hung/p`);
    expect(stuck.status).toBe(500);
    expect(stuck.body.errors[0].code).toBe('eval_cancel_error');
    expect(stuck.body.message).toMatch(/exceeded its 100 ms budget; the worker was stopped/);
    // Answered at the watchdog (budget + grace), not when the builtin would have finished.
    expect(stuck.ms).toBeLessThan(30_000);
    await expect.poll(() => hung.stderr(), { timeout: 10_000 }).toMatch(/still busy 1000 ms past a 100 ms budget; replaced it/);
    // The replacement worker serves the next request.
    const next = await timed(`${hung.url}/v1/data/fast/version`);
    expect(next.status).toBe(200);
    expect(next.body.result).toBe(1);
    const metrics = await (await fetch(`${hung.url}/metrics`)).text();
    expect(metrics).toMatch(/^palisade_eval_errors_total\{code="eval_cancel_error"\} 1$/m);
  }, 60_000);
});
