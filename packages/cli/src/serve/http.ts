/**
 * The HTTP side of `palisade serve`: OPA's REST API (Data API v1/v0, query, health, policies),
 * the admission webhook and /metrics. Responses follow OPA's shapes so OPA clients and SDKs work
 * unchanged: `{"result": …}` (absent when undefined), errors `{"code", "message", "errors"?}`.
 * Every request body is bounded; a request never takes the process down.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { formatDiagnostic, type Diagnostic } from '@palisade/engine';
import { VERSION } from '../version.js';
import { failedAdmission, type AdmissionOutcome } from './admission.js';
import type { Decision, EvalLimits } from './decisions.js';
import type { Evaluator, Job, JobResult, QueryResult } from './evaluator.js';
import type { BundleStatus } from './bundle-poll.js';
import type { Metrics } from './metrics.js';
import { JobTimedOut, Overloaded } from './pool.js';

export interface ServerState {
  /** This thread's evaluator: what is served (policies, provenance); it evaluates when there is no pool. */
  evaluator: Evaluator;
  /** Evaluates a job: on the worker pool (503 when its queue is full), else on `evaluator`. */
  run(job: Job): Promise<JobResult>;
  limits: EvalLimits & { maxBodyBytes: number };
  metrics: Metrics;
  decisionLog?: (entry: Record<string, unknown>) => void;
  /** Polled bundles (`--opa-config`), for `/health?bundles`. */
  bundles?: { readonly ready: boolean; status(): Record<string, BundleStatus> };
  /** In-flight request count, for draining on shutdown. */
  inFlight: number;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors?: unknown[],
  ) {
    super(message);
  }
}

/**
 * The body, at most `limit` bytes. Past the limit the rest is read and dropped (bounded by the
 * server's request timeout) so the client gets the 413 instead of a reset connection.
 */
async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size <= limit) chunks.push(c as Buffer);
  }
  if (size > limit) throw new HttpError(413, 'invalid_parameter', `request body is larger than ${limit} bytes`);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJSON(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new HttpError(400, 'invalid_parameter', `${what} contains malformed input document: ${(e as Error).message}`);
  }
}

function evalError(error: Diagnostic): HttpError {
  // A query or policy that does not compile is the caller's problem (400); failing evaluation is ours (500), as in OPA.
  const status = error.code.startsWith('rego_') ? 400 : 500;
  return new HttpError(status, status === 400 ? 'invalid_parameter' : 'internal_error', formatDiagnostic(error), [
    { code: error.code, message: error.message, ...(error.location ? { location: { file: error.location.file, row: error.location.row, col: error.location.col } } : {}) },
  ]);
}

function send(res: ServerResponse, status: number, body: unknown, pretty: boolean): void {
  const text = body === undefined ? '' : JSON.stringify(body, null, pretty ? 2 : undefined) + '\n';
  // A client that sent too much is not trusted with the rest of the connection.
  const close = status === 413 ? { connection: 'close' } : {};
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...close });
  res.end(text);
}

/** `/v1/data/a/b` → `['a', 'b']` (each segment URL-decoded). */
function dataPath(rest: string): string[] {
  return rest
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        throw new HttpError(400, 'invalid_parameter', `invalid path segment: ${s}`);
      }
    });
}

function flag(url: URL, name: string): boolean {
  const v = url.searchParams.get(name);
  return v !== null && v !== 'false';
}

/** Masks input paths (`/input/password`, `/input/users/0/token`) in a decision log entry, as OPA's `--log-mask`-style erase. */
export function maskInput(input: unknown, paths: readonly string[]): { input: unknown; erased: string[] } {
  if (!paths.length || input === undefined) return { input, erased: [] };
  const copy = JSON.parse(JSON.stringify(input)) as unknown;
  const erased: string[] = [];
  for (const p of paths) {
    const segs = p.replace(/^\/?input\/?/, '').split('/').filter(Boolean);
    if (!segs.length) return { input: undefined, erased: ['/input'] };
    let node = copy as Record<string, unknown> | unknown[] | null;
    for (const [i, s] of segs.entries()) {
      if (typeof node !== 'object' || node === null) break;
      const key = Array.isArray(node) ? Number(s) : s;
      if (!(key in node)) break;
      if (i === segs.length - 1) {
        if (Array.isArray(node)) node.splice(key as number, 1);
        else delete (node as Record<string, unknown>)[s];
        erased.push(`/input/${segs.join('/')}`);
      } else node = (node as Record<string | number, unknown>)[key] as typeof node;
    }
  }
  return { input: copy, erased };
}

type Handler = (req: IncomingMessage, url: URL, state: ServerState) => Promise<{ status: number; body: unknown }>;

async function dataV1(req: IncomingMessage, url: URL, state: ServerState): Promise<{ status: number; body: unknown }> {
  const path = dataPath(url.pathname.slice('/v1/data'.length));
  let input: unknown;
  if (req.method === 'POST') {
    const text = await readBody(req, state.limits.maxBodyBytes);
    if (text.trim()) {
      const body = parseJSON(text, 'body');
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'invalid_parameter', 'body must be an object: {"input": …}');
      input = (body as { input?: unknown }).input;
    }
  } else {
    const q = url.searchParams.get('input');
    if (q !== null) input = parseJSON(q, 'input parameter');
  }
  return decide(path, input, url, state, 'v1');
}

/** A job on the pool or this thread; a full queue is a 503 (the client retries or applies its failure policy). */
async function run<T extends JobResult>(state: ServerState, job: Job): Promise<T> {
  try {
    return (await state.run(job)) as T;
  } catch (e) {
    if (e instanceof Overloaded) throw new HttpError(503, 'server_overloaded', `palisade serve is overloaded: ${e.message}`);
    if (e instanceof JobTimedOut) return { ok: false, error: e.diagnostic, ms: job.limits.timeoutMs } as T;
    throw e;
  }
}

async function decide(path: string[], input: unknown, url: URL, state: ServerState, api: 'v1' | 'v0'): Promise<{ status: number; body: unknown }> {
  const limits = { timeoutMs: state.limits.timeoutMs, maxMemoryBytes: state.limits.maxMemoryBytes, strictBuiltinErrors: flag(url, 'strict-builtin-errors') || state.limits.strictBuiltinErrors };
  const d = await run<Decision>(state, { kind: 'data', path, input, limits });
  const decisionId = state.decisionLog ? randomUUID() : undefined;
  state.metrics.decisions.inc({ kind: 'data', outcome: d.ok ? (d.defined ? 'defined' : 'undefined') : 'error' });
  if (state.decisionLog) {
    state.decisionLog({
      decision_id: decisionId,
      path: path.join('/'),
      input,
      ...(d.ok ? (d.defined ? { result: d.value } : {}) : { error: { code: d.error.code, message: d.error.message } }),
      metrics: { timer_rego_query_eval_ns: Math.round(d.ms * 1e6) },
    });
  }
  if (!d.ok) {
    state.metrics.evalErrors.inc({ code: d.error.code });
    throw evalError(d.error);
  }
  if (api === 'v0') {
    if (!d.defined) throw new HttpError(404, 'undefined_document', `document missing: data/${path.join('/')}`);
    return { status: 200, body: d.value };
  }
  const body: Record<string, unknown> = {};
  if (decisionId) body.decision_id = decisionId;
  if (d.defined) body.result = d.value;
  if (flag(url, 'metrics')) body.metrics = { timer_rego_query_eval_ns: Math.round(d.ms * 1e6) };
  if (flag(url, 'provenance')) {
    body.provenance = {
      version: VERSION,
      bundles: Object.fromEntries(state.evaluator.policies.set.bundles.map((b) => [b.source, { revision: String(b.manifest.revision ?? '') }])),
    };
  }
  return { status: 200, body };
}

const routes: { match: (m: string, p: string) => boolean; route: string; handler: Handler }[] = [
  {
    route: '/health',
    match: (m, p) => m === 'GET' && p === '/health',
    // As OPA: `?bundles` is healthy once every bundle has been activated; the body adds each
    // bundle's status, so a failing download shows while the last good revision serves.
    handler: async (_req, url, state) => {
      if (!url.searchParams.has('bundles') || !state.bundles) return { status: 200, body: {} };
      const bundles = state.bundles.status();
      if (state.bundles.ready) return { status: 200, body: { bundles } };
      return { status: 500, body: { error: 'one or more bundles are not activated', bundles } };
    },
  },
  {
    route: '/v1/data',
    match: (m, p) => (m === 'GET' || m === 'POST') && (p === '/v1/data' || p.startsWith('/v1/data/')),
    handler: dataV1,
  },
  {
    route: '/v0/data',
    match: (m, p) => m === 'POST' && (p === '/v0/data' || p.startsWith('/v0/data/')),
    handler: async (req, url, state) => {
      const text = await readBody(req, state.limits.maxBodyBytes);
      const input = text.trim() ? parseJSON(text, 'body') : undefined;
      return decide(dataPath(url.pathname.slice('/v0/data'.length)), input, url, state, 'v0');
    },
  },
  {
    // OPA's default decision: the raw body is the input of data.system.main.
    route: '/',
    match: (m, p) => m === 'POST' && p === '/',
    handler: async (req, url, state) => {
      const text = await readBody(req, state.limits.maxBodyBytes);
      return decide(['system', 'main'], text.trim() ? parseJSON(text, 'body') : undefined, url, state, 'v0');
    },
  },
  {
    route: '/v1/query',
    match: (m, p) => (m === 'GET' || m === 'POST') && p === '/v1/query',
    handler: async (req, url, state) => {
      let query = url.searchParams.get('q') ?? undefined;
      let input: unknown;
      if (req.method === 'POST') {
        const body = parseJSON((await readBody(req, state.limits.maxBodyBytes)) || '{}', 'body') as { query?: unknown; input?: unknown };
        if (typeof body.query === 'string') query = body.query;
        input = body.input;
      }
      if (!query) throw new HttpError(400, 'invalid_parameter', 'missing query (body {"query": "…"} or ?q=)');
      const limits = { timeoutMs: state.limits.timeoutMs, maxMemoryBytes: state.limits.maxMemoryBytes };
      const r = await run<QueryResult>(state, { kind: 'query', query, input, limits });
      if ('ok' in r) throw evalError((r as { error: Diagnostic }).error);
      if (r.error) throw evalError(r.error);
      return { status: 200, body: { result: r.rows } };
    },
  },
  {
    route: '/v1/policies',
    match: (m, p) => m === 'GET' && (p === '/v1/policies' || p.startsWith('/v1/policies/')),
    handler: async (_req, url, state) => {
      const all = state.evaluator.policies.set.engine.modules().map((m) => ({ id: m.file, raw: m.source }));
      if (url.pathname === '/v1/policies') return { status: 200, body: { result: all } };
      const id = decodeURIComponent(url.pathname.slice('/v1/policies/'.length));
      const one = all.find((p) => p.id === id);
      if (!one) throw new HttpError(404, 'resource_not_found', `storage_not_found_error: policy id "${id}"`);
      return { status: 200, body: { result: one } };
    },
  },
  {
    route: '/v1/admit',
    match: (m, p) => m === 'POST' && p === '/v1/admit',
    handler: async (req, _url, state) => {
      const review = parseJSON(await readBody(req, state.limits.maxBodyBytes), 'body') as { apiVersion?: string; kind?: string; request?: unknown };
      if (review?.kind !== 'AdmissionReview' || typeof review.request !== 'object' || review.request === null) {
        throw new HttpError(400, 'invalid_parameter', 'body is not an AdmissionReview with a request');
      }
      const limits = { timeoutMs: state.limits.timeoutMs, maxMemoryBytes: state.limits.maxMemoryBytes };
      const result = await run<AdmissionOutcome | Decision>(state, { kind: 'admit', review, limits });
      // A job that outlived its worker's budget: answered per on-error like any evaluation error.
      const out = 'response' in result ? result : failedAdmission(review, state.evaluator.config.admission, (result as { error: Diagnostic }).error);
      state.metrics.decisions.inc({ kind: 'admission', outcome: out.skipped ? 'skipped' : out.response.allowed ? 'allowed' : 'denied' });
      for (const e of out.errors) state.metrics.evalErrors.inc({ code: e.code });
      const request = review.request as { operation?: unknown; dryRun?: unknown };
      state.decisionLog?.({
        decision_id: randomUUID(),
        path: 'admission',
        uid: out.response.uid,
        operation: request.operation,
        ...(request.dryRun === true ? { dry_run: true } : {}),
        allowed: out.response.allowed,
        violations: out.violations,
        ...(out.errors.length ? { errors: out.errors.map((e) => ({ code: e.code, message: e.message })) } : {}),
        ...(out.skipped ? { skipped: out.skipped } : {}),
      });
      return { status: 200, body: { apiVersion: review.apiVersion ?? 'admission.k8s.io/v1', kind: 'AdmissionReview', response: out.response } };
    },
  },
];

/** The request listener. */
export function handler(getState: () => ServerState) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const state = getState();
    const start = process.hrtime.bigint();
    const url = new URL(req.url ?? '/', 'http://palisade');
    const method = req.method ?? 'GET';
    const pretty = flag(url, 'pretty');
    state.inFlight++;
    let route = 'unknown';
    const finish = (status: number, body: unknown, contentType?: string) => {
      state.inFlight--;
      if (contentType) {
        res.writeHead(status, { 'content-type': contentType });
        res.end(body as string);
      } else send(res, status, body, pretty);
      state.metrics.requests.inc({ route, method, code: String(status) });
      state.metrics.latency.observe({ route }, Number(process.hrtime.bigint() - start) / 1e9);
    };
    if (method === 'GET' && url.pathname === '/metrics') {
      route = '/metrics';
      state.metrics.registry.metrics().then(
        (text) => finish(200, text, state.metrics.registry.contentType),
        (e: Error) => finish(500, { code: 'internal_error', message: e.message }),
      );
      return;
    }
    const r = routes.find((x) => x.match(method, url.pathname));
    if (!r) {
      const known = routes.some((x) => x.match('GET', url.pathname) || x.match('POST', url.pathname));
      finish(known ? 405 : 404, { code: known ? 'method_not_allowed' : 'resource_not_found', message: `${method} ${url.pathname}: ${known ? 'method not allowed' : 'no such endpoint'}` });
      return;
    }
    route = r.route;
    r.handler(req, url, state).then(
      ({ status, body }) => finish(status, body),
      (e: unknown) => {
        if (e instanceof HttpError) finish(e.status, { code: e.code, message: e.message, ...(e.errors ? { errors: e.errors } : {}) });
        else finish(500, { code: 'internal_error', message: (e as Error).message });
      },
    );
  };
}
