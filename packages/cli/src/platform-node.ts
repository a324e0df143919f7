/**
 * Node implementations of the engine's platform services, used only when the user opts in
 * (`--allow-network`). Evaluation is synchronous, so requests run in a worker thread while the
 * evaluating thread waits on a shared flag (Atomics.wait) — bounded by the request timeout.
 */
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import { builtinError, type Capabilities, type Platform, type PlatformCallOptions, type Value } from '@palisade/engine';

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const dns = require('node:dns');
parentPort.on('message', async ({ kind, payload, port, flag }) => {
  let reply;
  try {
    if (kind === 'lookup') {
      const found = await dns.promises.lookup(payload.host, { all: true });
      reply = { ok: true, value: found.map((a) => a.address) };
    } else {
      const ctl = new AbortController();
      const timer = setTimeout(() => ctl.abort(), payload.timeoutMs);
      try {
        const res = await fetch(payload.url, { method: payload.method, headers: payload.headers, body: payload.body, redirect: payload.redirect, signal: ctl.signal });
        const text = await res.text();
        const headers = {};
        res.headers.forEach((v, k) => { (headers[k] = headers[k] || []).push(v); });
        reply = { ok: true, value: { status: res.status + ' ' + res.statusText, status_code: res.status, headers, raw_body: text } };
      } finally { clearTimeout(timer); }
    }
  } catch (e) {
    reply = { ok: false, error: e && e.name === 'AbortError' ? 'request timed out' : String(e && e.message || e) };
  }
  port.postMessage(reply);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
`;

/** Default request timeout (OPA's default for http.send is 5 s). */
const DEFAULT_TIMEOUT_MS = 5_000;

/** How long past the request's timeout the evaluating thread waits for the worker's answer. */
const REPLY_GRACE_MS = 250;

/** The request's own timeout, cut to what is left of the evaluation's budget. */
function bounded(timeoutMs: number, options: PlatformCallOptions | undefined): number {
  return options?.budgetMs !== undefined ? Math.max(0, Math.min(timeoutMs, options.budgetMs)) : timeoutMs;
}

let worker: Worker | undefined;

function call(kind: 'lookup' | 'http', payload: Record<string, unknown>, timeoutMs: number): { ok: boolean; value?: unknown; error?: string } {
  worker ??= new Worker(WORKER_SOURCE, { eval: true });
  worker.unref();
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  worker.postMessage({ kind, payload, port: port2, flag }, [port2]);
  const waited = Atomics.wait(flag, 0, 0, timeoutMs + REPLY_GRACE_MS);
  const msg = receiveMessageOnPort(port1);
  port1.close();
  if (waited === 'timed-out' || !msg) return { ok: false, error: 'request timed out' };
  return msg.message as { ok: boolean; value?: unknown; error?: string };
}

function durationMs(v: Value | undefined): number {
  if (typeof v === 'number') return v / 1e6; // OPA: a number is nanoseconds
  if (typeof v !== 'string') return DEFAULT_TIMEOUT_MS;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(v.trim());
  if (!m) return DEFAULT_TIMEOUT_MS;
  return Number(m[1]) * (m[2] === 'ms' ? 1 : m[2] === 's' ? 1_000 : 60_000);
}

/** Platform services backed by Node's fetch and DNS resolver. */
export function nodePlatform(): Platform {
  return {
    lookupIP(host, options) {
      const r = call('lookup', { host }, bounded(DEFAULT_TIMEOUT_MS, options));
      return r.ok ? (r.value as string[]) : undefined;
    },
    httpSend(req, options): Value {
      const timeoutMs = bounded(durationMs(req.timeout), options);
      const headers: Record<string, string> = {};
      const h = req.headers;
      if (h && typeof h === 'object' && !Array.isArray(h)) for (const [k, v] of Object.entries(h)) headers[k] = String(v);
      let body: string | undefined;
      if (typeof req.raw_body === 'string') body = req.raw_body;
      else if (req.body !== undefined && req.body !== null) {
        body = JSON.stringify(req.body, (_k, x) => (typeof x === 'bigint' ? Number(x) : x));
        headers['content-type'] ??= 'application/json';
      }
      const r = call(
        'http',
        { url: String(req.url), method: String(req.method ?? 'GET').toUpperCase(), headers, body, redirect: req.enable_redirect === true ? 'follow' : 'manual', timeoutMs },
        timeoutMs,
      );
      if (!r.ok) {
        if (req.raise_error === false) {
          const failed: Value = { status_code: 0, error: { code: 'eval_http_send_network_error', message: r.error ?? 'error' } };
          return failed;
        }
        throw builtinError(`${String(req.method ?? 'GET').toUpperCase()} ${String(req.url)}: ${r.error}`);
      }
      const res = r.value as { status: string; status_code: number; headers: Record<string, string[]>; raw_body: string };
      const type = (res.headers['content-type'] ?? []).join(';');
      let parsed: Value = null;
      if (req.force_json_decode === true || /json/i.test(type)) {
        try {
          parsed = JSON.parse(res.raw_body) as Value;
        } catch {
          parsed = null;
        }
      }
      const out: Value = { status: res.status, status_code: res.status_code, headers: res.headers, raw_body: res.raw_body, body: parsed };
      return out;
    },
  };
}

/** Evaluation options for `--allow-network` / `--allow-env` (empty when neither is given). */
export function capabilityOptions(opts: Record<string, unknown>, env: NodeJS.ProcessEnv): { capabilities?: Partial<Capabilities>; platform?: Platform } {
  const network = opts['allowNetwork'] === true;
  const allowEnv = opts['allowEnv'] === true;
  if (!network && !allowEnv) return {};
  const capabilities: Partial<Capabilities> = { network };
  if (allowEnv) capabilities.env = Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return network ? { capabilities, platform: nodePlatform() } : { capabilities };
}
