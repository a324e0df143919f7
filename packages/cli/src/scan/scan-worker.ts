/** Worker-thread entry of parallel scans (see parallel.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { createScanner, loadFiles } from '@palisade/stdlib';
import type { WorkerReply, WorkerTask } from './parallel.js';
import { nodePlatform } from '../platform-node.js';
import { heapUsed } from '../heap-node.js';

function run(task: WorkerTask): WorkerReply {
  const { documents } = loadFiles(task.files, { ...(task.parser ? { parser: task.parser } : {}), ...(task.protoFiles ? { protoFiles: task.protoFiles } : {}) });
  const sources = new Map(task.files.map((f) => [f.path, f.text]));
  // Platform services are functions and do not cross threads: each worker makes its own.
  const platform = { ...(task.options.capabilities?.network ? nodePlatform() : {}), heapUsed };
  const documentKinds = task.options.documentKinds ?? [...new Set(documents.map((d) => d.kind))];
  const { scanner, errors } = createScanner({ ...task.options, documentKinds, sources, platform });
  if (!scanner) return { findings: [], errors: [], failure: errors.map((e) => e.message).join('; ') };
  const result = scanner.scan(documents, { only: (_d, i) => i % task.parts === task.part, runCombined: task.part === 0 });
  return { findings: result.findings, errors: result.errors, checks: result.checks ?? [], prints: result.prints ?? [], printsOmitted: result.printsOmitted ?? 0 };
}

try {
  parentPort?.postMessage(run(workerData as WorkerTask));
} catch (e) {
  parentPort?.postMessage({ findings: [], errors: [], failure: e instanceof Error ? e.message : String(e) } satisfies WorkerReply);
}
