/**
 * Part of `pnpm bench`: `palisade serve` under load (autocannon against 127.0.0.1).
 *
 * 1. The bounded load test: a typical Pod AdmissionReview at 200 requests/s for 20 s must hold
 *    p99 ≤ 20 ms with no errors and no non-2xx answers; otherwise this exits 1.
 * 2. Saturation: as many requests as 16 connections get through in 10 s (throughput, p50, p99).
 * 3. The Data API at saturation on a small authorization policy. No side by side with OPA here:
 *    the reference binary in ../shared is `opa eval`/`test`/`fmt` only, without `opa run --server`.
 *
 * Usage: tsx bench/serve.ts [--rate 200] [--seconds 20] [--workers N]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { arg } from './measure.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'packages/cli/dist/main.js');
const RATE = Number(arg('--rate') ?? 200);
const SECONDS = Number(arg('--seconds') ?? 20);
const WORKERS = arg('--workers');
const P99_LIMIT_MS = 20;

const dir = mkdtempSync(join(tmpdir(), 'palisade-bench-serve-'));
const children: ChildProcess[] = [];
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});
writeFileSync(join(dir, 'authz.rego'), 'package authz\n\ndefault allow := false\n\nallow if {\n\tinput.user in data.admins\n\tinput.action in {"read", "list"}\n}\n');
writeFileSync(join(dir, 'data.json'), JSON.stringify({ admins: Array.from({ length: 100 }, (_, i) => `user${i}`) }));

/** A Deployment-style Pod as the API server sends it: mostly hardened, a couple of findings. */
const review = JSON.stringify({
  apiVersion: 'admission.k8s.io/v1',
  kind: 'AdmissionReview',
  request: {
    uid: '705ab4f5-6393-11e8-b7cc-42010a800002',
    kind: { group: '', version: 'v1', kind: 'Pod' },
    resource: { group: '', version: 'v1', resource: 'pods' },
    namespace: 'shop',
    operation: 'CREATE',
    userInfo: { username: 'system:serviceaccount:kube-system:replicaset-controller', groups: ['system:serviceaccounts'] },
    object: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web-7d9c6b8f5-x2x8k', namespace: 'shop', labels: { app: 'web', 'pod-template-hash': '7d9c6b8f5' } },
      spec: {
        containers: [
          {
            name: 'web',
            image: 'registry.example/web:1.4.2',
            ports: [{ containerPort: 8080 }],
            resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
            securityContext: { allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: { drop: ['ALL'] } },
            readinessProbe: { httpGet: { path: '/healthz', port: 8080 } },
          },
        ],
      },
    },
    dryRun: false,
  },
});

function start(cmd: string, args: string[], ready: RegExp): Promise<{ url: string }> {
  const child = spawn(cmd, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${cmd} did not start:\n${out}`)), 60_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = ready.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]! });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${cmd} exited with ${code}:\n${out}`)));
  });
}

type Result = autocannon.Result;

/** Cumulative bucket counts of every histogram series on /metrics: `name{labels}` → [[le, count]]. */
async function histograms(url: string): Promise<Map<string, [number, number][]>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const out = new Map<string, [number, number][]>();
  for (const m of text.matchAll(/^(\w+)_bucket\{([^}]*)\} (\d+)$/gm)) {
    const labels = [...m[2]!.matchAll(/(\w+)="([^"]*)"/g)];
    const le = labels.find((l) => l[1] === 'le')?.[2];
    const key = `${m[1]}{${labels.filter((l) => l[1] !== 'le').map((l) => `${l[1]}="${l[2]}"`).join(',')}}`;
    if (!out.has(key)) out.set(key, []);
    out.get(key)!.push([le === '+Inf' ? Infinity : Number(le), Number(m[3])]);
  }
  return out;
}

/** The upper bucket bound holding quantile `q` of the observations made between two scrapes. */
function quantile(before: Map<string, [number, number][]>, after: Map<string, [number, number][]>, name: string, labels: string, q: number): string {
  const now = after.get(`${name}{${labels}}`) ?? [];
  const then = new Map(before.get(`${name}{${labels}}`) ?? []);
  const counts = now.map(([le, n]) => [le, n - (then.get(le) ?? 0)] as const);
  const total = counts.at(-1)?.[1] ?? 0;
  if (!total) return '   —   ';
  const hit = counts.find(([, n]) => n >= q * total)!;
  return hit[0] === Infinity ? '> 2.5 s' : `≤ ${String(hit[0] * 1000).padStart(4)} ms`;
}
function load(url: string, body: string, opts: { rate?: number; seconds: number; connections: number }): Promise<Result> {
  return autocannon({ url, method: 'POST', body, headers: { 'content-type': 'application/json' }, duration: opts.seconds, connections: opts.connections, ...(opts.rate ? { overallRate: opts.rate } : {}) });
}
const line = (name: string, r: Result) =>
  `${name.padEnd(44)} ${String(Math.round(r.requests.average)).padStart(6)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   errors ${r.errors + r.timeouts}   non-2xx ${r.non2xx}`;

const serveArgs = [BIN, 'serve', '--addr', '127.0.0.1:0', '-d', 'authz.rego', '-d', 'data.json', ...(WORKERS ? ['--workers', WORKERS] : [])];
const palisade = await start(process.execPath, serveArgs, /listening on (http:\/\/\S+)/);
const admit = `${palisade.url}/v1/admit`;
// Warm-up: the first requests compile the prepared queries and warm the JIT.
await load(admit, review, { seconds: 2, connections: 4 });

console.log(`palisade serve ${WORKERS ? `--workers ${WORKERS}` : '(default workers)'}, a typical Pod AdmissionReview (${review.length} bytes)`);
const before = await histograms(palisade.url);
const bounded = await load(admit, review, { rate: RATE, seconds: SECONDS, connections: 10 });
console.log(line(`/v1/admit at ${RATE} req/s for ${SECONDS} s`, bounded));
// The server's own view of the same requests, to tell evaluation from queueing from the rest
// (kernel, scheduling, the client): bucket bounds, so "≤ 10 ms" means between the two buckets below.
const after = await histograms(palisade.url);
for (const [name, label] of [['palisade_http_request_duration_seconds', 'route="/v1/admit"'], ['palisade_queue_wait_seconds', 'kind="admit"'], ['palisade_eval_duration_seconds', 'kind="admit"']] as const) {
  console.log(`  server side ${name.replace(/^palisade_|_seconds$/g, '').padEnd(26)} p50 ${quantile(before, after, name, label, 0.5)}   p99 ${quantile(before, after, name, label, 0.99)}`);
}
const saturated = await load(admit, review, { seconds: 10, connections: 16 });
console.log(line('/v1/admit at saturation (16 connections)', saturated));

const input = JSON.stringify({ input: { user: 'user42', action: 'read' } });
const ours = await load(`${palisade.url}/v1/data/authz/allow`, input, { seconds: 10, connections: 16 });
console.log(line('/v1/data/authz/allow, palisade serve', ours));
const failures: string[] = [];
if (bounded.latency.p99 > P99_LIMIT_MS) failures.push(`p99 ${bounded.latency.p99} ms > ${P99_LIMIT_MS} ms at ${RATE} req/s`);
if (bounded.errors + bounded.timeouts + bounded.non2xx > 0) failures.push(`${bounded.errors + bounded.timeouts} errors and ${bounded.non2xx} non-2xx answers at ${RATE} req/s`);
if (failures.length) {
  console.error(`serve: FAILED: ${failures.join('; ')}`);
  process.exit(1);
}
process.exit(0);
