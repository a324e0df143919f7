/** Prometheus metrics of `palisade serve` (prom-client), on their own registry. */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'palisade_' });
  const requests = new Counter({ name: 'palisade_http_requests_total', help: 'HTTP requests by route, method and status code', labelNames: ['route', 'method', 'code'] as const, registers: [registry] });
  const latency = new Histogram({
    name: 'palisade_http_request_duration_seconds',
    help: 'HTTP request latency by route',
    labelNames: ['route'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const decisions = new Counter({ name: 'palisade_decisions_total', help: 'Policy decisions by kind and outcome', labelNames: ['kind', 'outcome'] as const, registers: [registry] });
  const evalErrors = new Counter({ name: 'palisade_eval_errors_total', help: 'Evaluation errors by code', labelNames: ['code'] as const, registers: [registry] });
  const reloads = new Counter({ name: 'palisade_policy_reloads_total', help: 'Policy reloads by outcome', labelNames: ['outcome'] as const, registers: [registry] });
  return { registry, requests, latency, decisions, evalErrors, reloads };
}

export type Metrics = ReturnType<typeof createMetrics>;
