/**
 * HTTP for remote policy sources, on Node's fetch: https everywhere, plain http only to this
 * machine (127.0.0.1, ::1, localhost) or with an explicit --insecure; every request bounded in
 * time, every body bounded in size while it is read; redirects followed by hand so each hop is
 * checked the same way and credentials never follow a redirect to another host.
 */
import { RemoteError, RemoteErrorCodes } from './errors.js';

export interface TransportOptions {
  /** Allow plain http to any host (--insecure). */
  insecure?: boolean;
  /** Milliseconds for one request, headers and body together. */
  timeoutMs: number;
}

/** Is this host name this machine? */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** Throws unless `url` may be fetched: https, or http to this machine or with --insecure. */
export function checkTransport(url: URL, opts: Pick<TransportOptions, 'insecure'>): void {
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:') {
    if (isLoopback(url.hostname) || opts.insecure) return;
    throw new RemoteError(RemoteErrorCodes.insecure, `${redact(url)}: plain http is only used for 127.0.0.1/localhost; use https, or pass --insecure to allow it`);
  }
  throw new RemoteError(RemoteErrorCodes.source, `${redact(url)}: unsupported protocol ${url.protocol} (use https://)`);
}

/** The URL without credentials or query (tokens live there), for messages. */
export function redact(url: URL | string): string {
  try {
    const u = new URL(String(url));
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return String(url).replace(/\/\/[^@/]*@/, '//');
  }
}

const MAX_REDIRECTS = 5;

/**
 * One request (following up to 5 redirects), with the time limit of `opts`. The response body is
 * left unread; read it with readBody. Network failures and timeouts are RemoteErrors.
 */
export interface RequestSpec {
  method: string;
  headers?: Record<string, string>;
  body?: Uint8Array;
}

export async function request(url: URL, init: RequestSpec, opts: TransportOptions): Promise<{ response: Response; url: URL }> {
  let current = url;
  let headers: Record<string, string> = { ...(init.headers ?? {}) };
  const signal = AbortSignal.timeout(opts.timeoutMs);
  for (let hop = 0; ; hop++) {
    checkTransport(current, opts);
    let response: Response;
    try {
      response = await fetch(current, { method: init.method, headers, ...(init.body ? { body: init.body as unknown as BodyInit } : {}), redirect: 'manual', signal });
    } catch (e) {
      const err = e as Error & { cause?: { code?: string; message?: string } };
      if (err.name === 'TimeoutError' || err.name === 'AbortError') throw new RemoteError(RemoteErrorCodes.http, `${redact(current)}: no answer within ${opts.timeoutMs} ms`);
      const cause = err.cause?.code ?? err.cause?.message ?? err.message;
      throw new RemoteError(RemoteErrorCodes.http, `${redact(current)}: request failed (${cause})`);
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && response.status !== 304 && location) {
      await response.body?.cancel();
      if (hop >= MAX_REDIRECTS) throw new RemoteError(RemoteErrorCodes.http, `${redact(url)}: more than ${MAX_REDIRECTS} redirects`);
      const next = new URL(location, current);
      if (next.host !== current.host) {
        // Credentials are for the host they were given to.
        headers = Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'authorization'));
      }
      current = next;
      if (response.status === 303) init = { method: 'GET', headers };
      continue;
    }
    return { response, url: current };
  }
}

/** The body of `response`, refused beyond `maxBytes` (checked against Content-Length first, then while reading). */
export async function readBody(response: Response, maxBytes: number, what: string): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new RemoteError(RemoteErrorCodes.limit, `${what}: ${declared} bytes is more than the limit of ${maxBytes}`);
  }
  if (!response.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let total = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel();
        throw new RemoteError(RemoteErrorCodes.limit, `${what}: more than the limit of ${maxBytes} bytes`);
      }
      chunks.push(Buffer.from(value));
    }
  } catch (e) {
    if (e instanceof RemoteError) throw e;
    const err = e as Error;
    if (err.name === 'TimeoutError' || err.name === 'AbortError') throw new RemoteError(RemoteErrorCodes.http, `${what}: download did not finish in time`);
    throw new RemoteError(RemoteErrorCodes.http, `${what}: download failed (${err.message})`);
  }
  return Buffer.concat(chunks);
}

/** A RemoteError for an unexpected status, with the start of the server's explanation. */
export async function statusError(response: Response, what: string): Promise<RemoteError> {
  let detail = '';
  try {
    detail = (await readBody(response, 4096, what)).toString('utf8').replace(/\s+/g, ' ').trim().slice(0, 300);
  } catch {
    // The status says enough.
  }
  const code = response.status === 401 || response.status === 403 ? RemoteErrorCodes.auth : RemoteErrorCodes.http;
  return new RemoteError(code, `${what}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${detail ? ` (${detail})` : ''}`);
}
