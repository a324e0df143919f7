/**
 * Bundle polling for `palisade serve`, after OPA's bundle plugin: each configured bundle is
 * downloaded at start and then every min…max delay (a random point in between, so replicas do
 * not poll in step), with `If-None-Match` on the last ETag so an unchanged bundle costs a 304.
 * A downloaded bundle is read, verified (when its config asks for a signature) and handed to
 * `activate`, which swaps the served policies only when the whole set compiles; until then, and
 * whenever a download, verification or activation fails, the previous set keeps serving and the
 * failure is logged and kept in the bundle's status (`GET /health?bundles`, `/metrics`).
 *
 * OCI bundles (`type: oci` services) are checked by manifest digest instead of ETag.
 */
import { ErrorCodes, type Diagnostic } from '@palisade/engine';
import { ArchiveError, readTarGz } from '../opa-bundle/archive.js';
import { BundleError, bundleFromFiles, type Bundle } from '../opa-bundle/bundle.js';
import { SIGNATURES_FILE } from '../opa-bundle/signature.js';
import { RemoteError } from '../remote/errors.js';
import { readBody, redact, request, statusError } from '../remote/http.js';
import { DEFAULT_LIMITS } from '../remote/limits.js';
import { OciClient } from '../remote/oci.js';
import { fetchSource } from '../remote/pull.js';
import { parseOciReference } from '../remote/source.js';
import type { PolledBundle } from './opa-config.js';

const REQUEST_TIMEOUT_MS = 30_000;

/** What `/health?bundles` reports for one bundle (OPA's bundle status field names). */
export interface BundleStatus {
  name: string;
  active_revision?: string;
  last_request?: string;
  last_successful_request?: string;
  last_successful_download?: string;
  last_successful_activation?: string;
  /** Set while the last attempt failed. */
  code?: string;
  message?: string;
  errors?: { code: string; message: string }[];
}

export interface PollerHooks {
  /** Swaps `bundle` in for the bundle of the same name; returns why not (nothing swapped then). */
  activate(bundle: Bundle): Promise<Diagnostic[]>;
  log(line: string): void;
  /** outcome: activated | not_modified | error. */
  counted(name: string, outcome: 'activated' | 'not_modified' | 'error'): void;
  env: NodeJS.ProcessEnv;
}

interface Entry {
  config: PolledBundle;
  status: BundleStatus;
  /** ETag (HTTP) or manifest digest (OCI) of the last bundle downloaded and activated. */
  version?: string;
  timer?: NodeJS.Timeout;
}

export class BundlePoller {
  private readonly entries: Entry[];
  private stopped = false;
  private readonly running = new Set<Promise<void>>();

  constructor(
    configs: PolledBundle[],
    private readonly hooks: PollerHooks,
  ) {
    this.entries = configs.map((config) => ({ config, status: { name: config.name } }));
  }

  /** Starts polling: every bundle is requested now, then on its own schedule. */
  start(): void {
    for (const e of this.entries) this.schedule(e, 0);
  }

  /** Every bundle has been activated at least once (OPA's `/health?bundles` condition). */
  get ready(): boolean {
    return this.entries.every((e) => e.status.last_successful_activation !== undefined);
  }

  status(): Record<string, BundleStatus> {
    return Object.fromEntries(this.entries.map((e) => [e.config.name, { ...e.status }]));
  }

  /** Stops the timers and waits for downloads in progress to settle. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const e of this.entries) clearTimeout(e.timer);
    await Promise.allSettled([...this.running]);
  }

  private schedule(e: Entry, ms: number): void {
    if (this.stopped) return;
    e.timer = setTimeout(() => {
      const p = this.poll(e).finally(() => {
        this.running.delete(p);
        const { minDelayMs: min, maxDelayMs: max } = e.config;
        this.schedule(e, min + Math.random() * (max - min));
      });
      this.running.add(p);
    }, ms);
    // Polling alone never keeps the process alive (shutdown waits for requests, not for timers).
    e.timer.unref();
  }

  /** One attempt; never throws (every failure ends in the status and the log). */
  async poll(e: Entry): Promise<void> {
    const now = () => new Date().toISOString();
    e.status.last_request = now();
    try {
      const got = e.config.oci ? await this.downloadOci(e) : await this.downloadHttp(e);
      e.status.last_successful_request = now();
      if (!got) {
        this.hooks.counted(e.config.name, 'not_modified');
        this.succeeded(e);
        return;
      }
      e.status.last_successful_download = now();
      const bundle = await this.read(e.config, got.files);
      const errors = await this.hooks.activate(bundle);
      if (errors.length) throw new ActivationFailed(errors);
      e.version = got.version;
      e.status.active_revision = String(bundle.manifest.revision ?? '');
      e.status.last_successful_activation = now();
      this.hooks.counted(e.config.name, 'activated');
      this.hooks.log(`palisade serve: bundle ${e.config.name}: activated revision "${e.status.active_revision}"`);
      this.succeeded(e);
    } catch (err) {
      const errors: { code: string; message: string }[] = err instanceof ActivationFailed ? err.errors : [toProblem(err)];
      e.status.code = errors.length > 1 ? 'bundle_error' : errors[0]!.code;
      e.status.message = err instanceof ActivationFailed ? `the bundle does not load: ${errors[0]!.message}` : errors[0]!.message;
      e.status.errors = errors.map((d) => ({ code: d.code, message: d.message }));
      this.hooks.counted(e.config.name, 'error');
      this.hooks.log(`palisade serve: bundle ${e.config.name}: ${e.status.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}; ${e.status.active_revision === undefined ? 'not active yet' : 'still serving the previous revision'}`);
    }
  }

  private succeeded(e: Entry): void {
    delete e.status.code;
    delete e.status.message;
    delete e.status.errors;
  }

  private async downloadHttp(e: Entry): Promise<{ files: Awaited<ReturnType<typeof readTarGz>>; version?: string } | undefined> {
    const url = new URL(e.config.url);
    const headers: Record<string, string> = { accept: 'application/gzip, */*', 'user-agent': 'palisade', ...e.config.headers };
    if (e.version !== undefined) headers['if-none-match'] = e.version;
    const { response } = await request(url, { method: 'GET', headers }, { timeoutMs: REQUEST_TIMEOUT_MS });
    if (response.status === 304) {
      await response.body?.cancel();
      return undefined;
    }
    if (!response.ok) throw await statusError(response, `${redact(url)}`);
    const bytes = await readBody(response, DEFAULT_LIMITS.downloadBytes, redact(url));
    const etag = response.headers.get('etag') ?? undefined;
    try {
      return { files: await readTarGz(bytes, { bytes: DEFAULT_LIMITS.expandedBytes, entries: DEFAULT_LIMITS.files, gzip: 'auto' }), ...(etag ? { version: etag } : {}) };
    } catch (err) {
      if (err instanceof ArchiveError) throw new BundleError(`${redact(url)}: ${err.message}`);
      throw err;
    }
  }

  private async downloadOci(e: Entry): Promise<{ files: Awaited<ReturnType<typeof readTarGz>>; version: string } | undefined> {
    const text = `oci://${e.config.url}`;
    const ref = parseOciReference(text, e.config.url);
    const opts = { cwd: process.cwd(), env: this.hooks.env, timeoutMs: REQUEST_TIMEOUT_MS };
    // The manifest alone says whether anything changed; the layers are fetched only when it did.
    const { digest } = await new OciClient(ref, opts).getManifest(ref.digest ?? ref.tag ?? 'latest');
    if (digest === e.version) return undefined;
    const { files } = await fetchSource({ kind: 'oci', text, ...ref, digest }, opts);
    return { files, version: digest };
  }

  private async read(config: PolledBundle, files: Awaited<ReturnType<typeof readTarGz>>): Promise<Bundle> {
    // Said in the configuration's terms (bundleFromFiles speaks of the -b flags).
    if (!config.verification && files.some((f) => f.path === SIGNATURES_FILE)) {
      throw new BundleError(`${config.name}: the bundle is signed; give bundles.${config.name}.signing (and its key under keys) in the OPA configuration to verify it`);
    }
    const bundle = await bundleFromFiles(config.name, files, config.verification ? { verification: config.verification } : {});
    // Only what the policy set needs crosses to the workers; the raw files stay here.
    return { ...bundle, files: [] };
  }
}

class ActivationFailed extends Error {
  constructor(readonly errors: Diagnostic[]) {
    super(errors[0]?.message ?? 'activation failed');
  }
}

/** A failure as code and message (remote codes are the pull command's, not the engine's). */
function toProblem(e: unknown): { code: string; message: string } {
  if (e instanceof RemoteError || e instanceof BundleError) return { code: e.code, message: e.message };
  return { code: ErrorCodes.input, message: (e as Error)?.message ?? String(e) };
}
