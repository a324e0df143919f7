/** Prometheus metrics of `palisade serve` (prom-client), on their own registry. */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'palisade_' });
  const requests = new Counter({ name: 'palisade_http_requests_total', help: 'HTTP requests by route, method and status code', labelNames: ['route', 'method', 'code'] as const, registers: [registry] });
  const buckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.015, 0.02, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
  const latency = new Histogram({ name: 'palisade_http_request_duration_seconds', help: 'HTTP request latency by route', labelNames: ['route'] as const, buckets, registers: [registry] });
  // Where a slow answer's time went: waiting for a free worker, or on the worker (evaluation and transfer).
  const queueWait = new Histogram({ name: 'palisade_queue_wait_seconds', help: 'Time a request waited for a free worker, by job kind', labelNames: ['kind'] as const, buckets, registers: [registry] });
  const evalDuration = new Histogram({ name: 'palisade_eval_duration_seconds', help: 'Time a request spent being evaluated (on a worker: transfer included), by job kind', labelNames: ['kind'] as const, buckets, registers: [registry] });
  const decisions = new Counter({ name: 'palisade_decisions_total', help: 'Policy decisions by kind and outcome', labelNames: ['kind', 'outcome'] as const, registers: [registry] });
  const evalErrors = new Counter({ name: 'palisade_eval_errors_total', help: 'Evaluation errors by code', labelNames: ['code'] as const, registers: [registry] });
  const reloads = new Counter({ name: 'palisade_policy_reloads_total', help: 'Policy reloads by outcome', labelNames: ['outcome'] as const, registers: [registry] });
  const bundleLoads = new Counter({ name: 'palisade_bundle_loads_total', help: 'Bundle downloads by bundle and outcome (activated, not_modified, error)', labelNames: ['name', 'outcome'] as const, registers: [registry] });
  const bundleActivated = new Gauge({ name: 'palisade_bundle_last_activation_timestamp_seconds', help: 'When each bundle was last activated (Unix time)', labelNames: ['name'] as const, registers: [registry] });
  const bundleFailing = new Gauge({ name: 'palisade_bundle_failing', help: '1 while the last download or activation of the bundle failed', labelNames: ['name'] as const, registers: [registry] });
  return { registry, requests, latency, queueWait, evalDuration, decisions, evalErrors, reloads, bundleLoads, bundleActivated, bundleFailing };
}

export type Metrics = ReturnType<typeof createMetrics>;
