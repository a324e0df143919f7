/**
 * Part of `pnpm bench`: a stdlib scan of N generated Kubernetes Deployments (default 1,000) in
 * one multi-document YAML file, through the built packages: load, compile + prepare, scan.
 * Usage: tsx bench/scan.ts [--docs N]
 */
import { performance } from 'node:perf_hooks';
import { createScanner, loadFiles } from '../packages/stdlib/dist/index.js';

const i = process.argv.indexOf('--docs');
const N = i >= 0 ? Number(process.argv[i + 1]) : 1000;

let text = '';
for (let d = 0; d < N; d++) {
  text += `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${d}
  namespace: ns-${d % 10}
spec:
  replicas: 2
  template:
    metadata:
      labels: {app: app-${d}}
    spec:
      containers:
        - name: web
          image: nginx:1.${d % 20}
          securityContext:
            privileged: ${d % 7 === 0}
            runAsNonRoot: true
          resources:
            limits: {cpu: 500m, memory: 128Mi}
`;
}

let t = performance.now();
const { documents } = loadFiles([{ path: 'deployments.yaml', text }]);
const loadMs = performance.now() - t;
t = performance.now();
const { scanner, errors } = createScanner({});
if (!scanner) {
  console.error(errors);
  process.exit(1);
}
const compileMs = performance.now() - t;
t = performance.now();
const result = scanner.scan(documents);
const scanMs = performance.now() - t;
const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
console.log(`stdlib scan: ${N} Deployments, ${scanner.policies.length} policies, ${result.findings.length} findings`);
console.log(`load ${loadMs.toFixed(0)} ms  compile+prepare ${compileMs.toFixed(0)} ms  scan ${scanMs.toFixed(0)} ms  (${((N / scanMs) * 1000).toFixed(0)} documents/s)`);
console.log(`memory: rss ${mb(process.memoryUsage().rss)} MB`);
