/**
 * A `palisade serve` worker thread (started by pool.ts as ./serve-worker.js): builds the same
 * evaluator as the main thread from `workerData`, then answers jobs one at a time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createEvaluator, type EvaluatorConfig } from './evaluator.js';
import type { FromWorker, ToWorker } from './pool.js';

const port = parentPort!;
const built = await createEvaluator(workerData as EvaluatorConfig);
port.postMessage({ type: 'ready', errors: built.errors } satisfies FromWorker);
const evaluator = built.evaluator;
if (evaluator) {
  port.on('message', (m: ToWorker) => {
    if (m.type === 'job') port.postMessage({ type: 'result', id: m.id, result: evaluator.run(m.job) } satisfies FromWorker);
    else void evaluator.reload(m.config).then((errors) => port.postMessage({ type: 'reloaded', id: m.id, errors } satisfies FromWorker));
  });
}
