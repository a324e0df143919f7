/**
 * `pnpm bench`: engine throughput on a generated input of 10,000 Kubernetes-like pods with a
 * dozen `deny` rules iterating containers. Reports wall time and peak memory (RSS / heap).
 * Usage: pnpm bench [--pods N] [--runs N]
 */
import { performance } from 'node:perf_hooks';
// Measures the built engine (dist/), as users run it; `pnpm bench` builds first.
import { Engine } from '../packages/engine/dist/index.js';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

const PODS = arg('--pods', 10_000);
const RUNS = arg('--runs', 5);

function pods(n: number): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const containers = [];
    for (let j = 0; j < 3; j++) {
      containers.push({
        name: `c${j}`,
        image: j === 0 && i % 7 === 0 ? `nginx:latest` : `registry.example.com/app/svc${i % 50}:1.${j}.${i % 10}`,
        securityContext: {
          privileged: i % 13 === 0 && j === 1,
          allowPrivilegeEscalation: i % 5 === 0,
          runAsNonRoot: i % 3 !== 0,
          readOnlyRootFilesystem: i % 4 !== 0,
          capabilities: { add: i % 11 === 0 ? ['SYS_ADMIN'] : [], drop: ['ALL'] },
        },
        resources: i % 6 === 0 ? {} : { limits: { cpu: '500m', memory: '256Mi' } },
        ports: [{ containerPort: 8080 + j, hostPort: i % 17 === 0 ? 80 : undefined }].map((p) => JSON.parse(JSON.stringify(p))),
        env: [{ name: 'MODE', value: 'prod' }, ...(i % 19 === 0 ? [{ name: 'DB_PASSWORD', value: 'hunter2' }] : [])],
      });
    }
    out.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `pod-${i}`, namespace: `ns-${i % 20}`, labels: { app: `svc${i % 50}` } },
      spec: { hostNetwork: i % 23 === 0, hostPID: false, containers },
    });
  }
  return out;
}

const POLICY = `package bench

import rego.v1

containers contains c if {
	some pod in input.items
	some c in pod.spec.containers
}

deny contains msg if {
	some pod in input.items
	some c in pod.spec.containers
	c.securityContext.privileged
	msg := sprintf("%s/%s: privileged container %s", [pod.metadata.namespace, pod.metadata.name, c.name])
}

deny contains msg if {
	some pod in input.items
	some c in pod.spec.containers
	endswith(c.image, ":latest")
	msg := sprintf("%s: image %s uses latest", [pod.metadata.name, c.image])
}

deny contains msg if {
	some pod in input.items
	some c in pod.spec.containers
	c.securityContext.allowPrivilegeEscalation == true
	msg := sprintf("%s: %s allows privilege escalation", [pod.metadata.name, c.name])
}

deny contains msg if {
	some pod in input.items
	some c in pod.spec.containers
	not c.securityContext.runAsNonRoot
	msg := sprintf("%s: %s may run as root", [pod.metadata.name, c.name])
}

deny contains msg if {
	some pod in input.items
	some c in pod.spec.containers
	not c.securityContext.readOnlyRootFilesystem
	msg := sprintf("%s: %s has a writable root filesystem", [pod.metadata.name, c.name])
}

deny contains msg if {
	some pod in input.items
	some c in pod.spec.containers
	some cap in c.securityContext.capabilities.add
	cap in {"SYS_ADMIN", "NET_ADMIN", "ALL"}
	msg := sprintf("%s: %s adds %s", [pod.metadata.name, c.name, cap])
}

deny contains msg if {
	some pod in input.items
	some c in pod.spec.containers
	not c.resources.limits.memory
	msg := sprintf("%s: %s has no memory limit", [pod.metadata.name, c.name])
}

deny contains msg if {
	some pod in input.items
	some c in pod.spec.containers
	not c.resources.limits.cpu
	msg := sprintf("%s: %s has no cpu limit", [pod.metadata.name, c.name])
}

deny contains msg if {
	some pod in input.items
	some c in pod.spec.containers
	some p in c.ports
	p.hostPort
	msg := sprintf("%s: %s uses hostPort %d", [pod.metadata.name, c.name, p.hostPort])
}

deny contains msg if {
	some pod in input.items
	pod.spec.hostNetwork
	msg := sprintf("%s: uses the host network", [pod.metadata.name])
}

deny contains msg if {
	some pod in input.items
	some c in pod.spec.containers
	some e in c.env
	regex.match("(?i)(password|secret|token)", e.name)
	msg := sprintf("%s: %s sets secret-looking env %s", [pod.metadata.name, c.name, e.name])
}

deny contains msg if {
	some pod in input.items
	some c in pod.spec.containers
	not startswith(c.image, "registry.example.com/")
	msg := sprintf("%s: %s uses an untrusted registry", [pod.metadata.name, c.name])
}
`;

const input = { items: pods(PODS) };
const engine = new Engine();
engine.addModule('bench.rego', POLICY);
const t0 = performance.now();
const { query, errors } = engine.prepare('x = data.bench.deny');
if (!query) {
  console.error(errors);
  process.exit(1);
}
const prepareMs = performance.now() - t0;
let peakRss = process.memoryUsage().rss;
let peakHeap = process.memoryUsage().heapUsed;
const times: number[] = [];
let findings = 0;
for (let r = 0; r < RUNS; r++) {
  // A fresh copy per run: the engine shares rule values across evaluations of the very same input
  // object, which would turn repeated runs into cache hits.
  const fresh = structuredClone(input);
  const t = performance.now();
  const res = query.evaluate(fresh);
  times.push(performance.now() - t);
  if (res.error) {
    console.error(res.error);
    process.exit(1);
  }
  const v = res.rows[0]?.['x'] ?? Object.values(res.rows[0] ?? {})[0];
  findings = v && typeof v === 'object' && 'size' in (v as object) ? (v as { size: number }).size : 0;
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
console.log(`pods: ${PODS}  containers: ${PODS * 3}  rules: 12 deny  findings: ${findings}`);
console.log(`prepare: ${prepareMs.toFixed(1)} ms`);
console.log(`evaluate: median ${median.toFixed(0)} ms  min ${times[0].toFixed(0)} ms  max ${times[times.length - 1].toFixed(0)} ms  (${RUNS} runs)`);
console.log(`throughput: ${((PODS / median) * 1000).toFixed(0)} pods/s`);
console.log(`peak memory: rss ${mb(peakRss)} MB  heap ${mb(peakHeap)} MB`);
