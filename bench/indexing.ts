/**
 * Part of `pnpm bench`: rule indexing. 200 `deny` rules, each guarded by `input.kind == "KindN"`,
 * evaluated over 10,000 small documents (one matching rule per document), through the built engine.
 */
import { performance } from 'node:perf_hooks';
import { Engine } from '../packages/engine/dist/index.js';

let src = 'package t\nimport rego.v1\n';
for (let i = 0; i < 200; i++) {
  src += `deny contains msg if {\n\tinput.kind == "Kind${i}"\n\tsome c in input.spec.containers\n\tnot c.securityContext.runAsNonRoot\n\tmsg := sprintf("%s: %s", [input.metadata.name, c.name])\n}\n`;
}
const engine = new Engine();
engine.addModule('t.rego', src);
const { query } = engine.prepare('x = data.t.deny');
if (!query) throw new TypeError('benchmark policy did not compile');
const docs = Array.from({ length: 10_000 }, (_, i) => ({ kind: `Kind${i % 200}`, metadata: { name: `d${i}` }, spec: { containers: [{ name: 'a', securityContext: {} }] } }));
const times: number[] = [];
let findings = 0;
for (let r = 0; r < 5; r++) {
  const t = performance.now();
  findings = 0;
  for (const d of docs) findings += (query.evaluate(d).rows[0]?.x as { size: number }).size;
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(`rule indexing: 10,000 documents x 200 guarded deny rules, ${findings} findings: median ${times[2].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[4].toFixed(0)})`);
