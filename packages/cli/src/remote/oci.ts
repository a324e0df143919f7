/**
 * A client of the OCI distribution protocol (registry API v2), just what policy artifacts need:
 * manifests and blobs by GET/HEAD, blob uploads by POST + PUT (monolithic), manifest PUT. Auth as
 * docker and oras do it: a 401 with `WWW-Authenticate: Bearer realm=…,service=…,scope=…` is
 * answered by fetching a token from the realm (with the docker config's credentials when there
 * are some, a credential helper's included: docker-credentials.ts), `Basic` challenges by the
 * credentials themselves. Every blob is checked against its
 * digest and size; every body is bounded.
 */
import { createHash } from 'node:crypto';
import { dockerCredentials, helperCredentials, type Credentials } from './docker-credentials.js';
import { RemoteError, RemoteErrorCodes } from './errors.js';
import { isLoopback, readBody, redact, request, statusError, type TransportOptions } from './http.js';
import { ociReferenceText, type OciReference } from './source.js';

export const MEDIA_TYPES = {
  manifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  index: 'application/vnd.oci.image.index.v1+json',
  /** The config of OPA policy artifacts (conftest, OPA, Trivy). */
  opaConfig: 'application/vnd.cncf.openpolicyagent.config.v1+json',
  /** One .rego file per layer, named by its title annotation (conftest push). */
  opaPolicyLayer: 'application/vnd.cncf.openpolicyagent.policy.layer.v1+rego',
  /** One data file per layer (conftest push). */
  opaDataLayer: 'application/vnd.cncf.openpolicyagent.data.layer.v1+json',
  /** A whole OPA bundle .tar.gz as one layer (OPA's and Trivy's layout). */
  opaBundleLayer: 'application/vnd.cncf.openpolicyagent.layer.v1.tar+gzip',
  ociTarGzLayer: 'application/vnd.oci.image.layer.v1.tar+gzip',
  /** The file name of a layer (oras, conftest). */
  titleAnnotation: 'org.opencontainers.image.title',
} as const;

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
}

export interface ImageManifest {
  schemaVersion: 2;
  mediaType?: string;
  artifactType?: string;
  config: Descriptor;
  layers: Descriptor[];
  annotations?: Record<string, string>;
}

export interface OciOptions extends TransportOptions {
  /** https even to 127.0.0.1/localhost (which are spoken to over http by default, as docker and conftest do). */
  tls?: boolean;
  env: NodeJS.ProcessEnv;
  /** Bound on one manifest (default 4 MiB). */
  maxManifestBytes?: number;
}

export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

export function sha256(data: Uint8Array): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

function digestOf(data: Uint8Array, algorithm: string): string {
  if (algorithm !== 'sha256' && algorithm !== 'sha512') throw new RemoteError(RemoteErrorCodes.digest, `unsupported digest algorithm ${algorithm}`);
  return `${algorithm}:${createHash(algorithm).update(data).digest('hex')}`;
}

/** The registry host API requests go to (Docker Hub's name is docker.io, its API host another). */
function apiHost(registry: string): string {
  return registry === 'docker.io' || registry === 'index.docker.io' ? 'registry-1.docker.io' : registry;
}

/** The repository path on the registry (Docker Hub's official images live under library/). */
function apiRepository(ref: OciReference): string {
  return (ref.registry === 'docker.io' || ref.registry === 'index.docker.io') && !ref.repository.includes('/') ? `library/${ref.repository}` : ref.repository;
}

/** The parameters of one `WWW-Authenticate` challenge: scheme and key="value" pairs. */
export function parseChallenge(header: string): { scheme: string; params: Record<string, string> } {
  const m = /^\s*([A-Za-z]+)\s*(.*)$/.exec(header);
  const scheme = (m?.[1] ?? '').toLowerCase();
  const params: Record<string, string> = {};
  const re = /([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g;
  for (let p; (p = re.exec(m?.[2] ?? '')); ) params[p[1]!.toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : (p[3] ?? '');
  return { scheme, params };
}

export class OciClient {
  readonly ref: OciReference;
  private readonly opts: OciOptions;
  private readonly base: string;
  private credentials?: Credentials;
  private readonly helper?: string;
  private helperAsked = false;
  private authorization?: string;
  private readonly name: string;

  constructor(ref: OciReference, opts: OciOptions) {
    this.ref = ref;
    this.opts = opts;
    const host = apiHost(ref.registry);
    const hostname = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    const plain = (isLoopback(hostname) && !opts.tls) || (opts.insecure === true && !opts.tls);
    this.base = `${plain ? 'http' : 'https'}://${host}/v2/${apiRepository(ref)}`;
    const found = dockerCredentials(ref.registry, opts.env);
    if (found.credentials) this.credentials = found.credentials;
    if (found.helper) this.helper = found.helper;
    this.name = ociReferenceText(ref);
  }

  private basic(): string | undefined {
    const c = this.credentials;
    if (c?.username === undefined || c.password === undefined) return undefined;
    return `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
  }

  private noCredentials(): string {
    return this.helper
      ? `the credential helper docker-credential-${this.helper} has no credentials for this registry, nor has the docker config's auths (\`docker login\` stores them)`
      : 'no credentials for this registry in the docker config ($DOCKER_CONFIG/config.json or ~/.docker/config.json; `docker login` writes them)';
  }

  /** The helper's credentials, asked once, on the first challenge (it may prompt or unlock a keychain). */
  private async askHelper(): Promise<void> {
    if (!this.helper || this.helperAsked) return;
    this.helperAsked = true;
    const found = await helperCredentials(this.helper, this.ref.registry, this.opts.env).catch((e: RemoteError) => {
      throw new RemoteError(RemoteErrorCodes.auth, `${this.name}: ${e.message}`);
    });
    if (found) this.credentials = found;
  }

  /** Answers a 401 challenge; returns the Authorization header to retry with. */
  private async answer(challenge: string | null, scope: string): Promise<string> {
    const { scheme, params } = parseChallenge(challenge ?? '');
    await this.askHelper();
    if (scheme === 'basic') {
      const basic = this.basic();
      if (!basic) throw new RemoteError(RemoteErrorCodes.auth, `${this.name}: the registry wants a login; ${this.noCredentials()}`);
      return basic;
    }
    if (scheme !== 'bearer' || !params['realm']) throw new RemoteError(RemoteErrorCodes.auth, `${this.name}: the registry refused the request (HTTP 401) without a usable challenge`);
    if (this.credentials?.token) return `Bearer ${this.credentials.token}`;
    let realm: URL;
    try {
      realm = new URL(params['realm']);
    } catch {
      throw new RemoteError(RemoteErrorCodes.auth, `${this.name}: the registry's token realm "${params['realm']}" is not a URL`);
    }
    if (params['service']) realm.searchParams.set('service', params['service']);
    realm.searchParams.set('scope', scope);
    const headers: Record<string, string> = { accept: 'application/json' };
    const basic = this.basic();
    if (basic) headers['authorization'] = basic;
    const identity = this.credentials?.identityToken;
    // An identity token is exchanged as OAuth2 (docker's token spec): POST a refresh_token grant.
    const form = identity
      ? new URLSearchParams({ grant_type: 'refresh_token', refresh_token: identity, service: params['service'] ?? '', scope, client_id: 'palisade' })
      : undefined;
    const { response } = form
      ? await request(new URL(`${realm.origin}${realm.pathname}`), { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.from(form.toString()) }, this.opts)
      : await request(realm, { method: 'GET', headers }, this.opts);
    if (!response.ok) {
      const err = await statusError(response, `${this.name}: token from ${redact(realm)}`);
      if (response.status === 401 || response.status === 403) throw new RemoteError(RemoteErrorCodes.auth, `${err.message}${basic || identity ? '' : `; ${this.noCredentials()}`}`);
      throw err;
    }
    let token: unknown;
    try {
      const body = JSON.parse((await readBody(response, 1024 * 1024, `${this.name}: token`)).toString('utf8')) as { token?: unknown; access_token?: unknown };
      token = body.token ?? body.access_token;
    } catch (e) {
      if (e instanceof RemoteError) throw e;
      token = undefined;
    }
    if (typeof token !== 'string' || !token) throw new RemoteError(RemoteErrorCodes.auth, `${this.name}: the token service at ${redact(realm)} answered without a token`);
    return `Bearer ${token}`;
  }

  /** A registry request, answering one auth challenge and retrying. */
  private async call(method: string, path: string, init: { headers?: Record<string, string>; body?: Uint8Array; push?: boolean }): Promise<{ response: Response; url: URL }> {
    const url = /^https?:\/\//.test(path) ? new URL(path) : new URL(this.base + path);
    const scope = `repository:${apiRepository(this.ref)}:${init.push ? 'pull,push' : 'pull'}`;
    // An upload Location may point at other storage: the registry's credentials stay with the registry.
    const own = url.host === new URL(this.base).host;
    const send = (authorization?: string) =>
      request(url, { method, headers: { ...(init.headers ?? {}), ...(authorization && own ? { authorization } : {}) }, ...(init.body ? { body: init.body } : {}) }, this.opts);
    let res = await send(this.authorization);
    if (res.response.status === 401 && own) {
      const challenge = res.response.headers.get('www-authenticate');
      await res.response.body?.cancel();
      this.authorization = await this.answer(challenge, scope);
      res = await send(this.authorization);
      if (res.response.status === 401 && own) {
        await res.response.body?.cancel();
        throw new RemoteError(RemoteErrorCodes.auth, `${this.name}: the registry refused the credentials (HTTP 401 after logging in)`);
      }
    }
    return res;
  }

  /** The manifest `reference` (a tag or digest) names, checked against a digest reference. */
  async getManifest(reference: string): Promise<{ manifest: ImageManifest; bytes: Buffer; digest: string; mediaType: string }> {
    const accept = [MEDIA_TYPES.manifest, MEDIA_TYPES.dockerManifest, MEDIA_TYPES.index].join(', ');
    const { response } = await this.call('GET', `/manifests/${reference}`, { headers: { accept } });
    if (response.status === 404) {
      await response.body?.cancel();
      throw new RemoteError(RemoteErrorCodes.http, `${this.name}: not found in the registry (HTTP 404)`);
    }
    if (!response.ok) throw await statusError(response, `${this.name}: manifest`);
    const bytes = await readBody(response, this.opts.maxManifestBytes ?? MAX_MANIFEST_BYTES, `${this.name}: manifest`);
    const digest = reference.includes(':') ? digestOf(bytes, reference.split(':')[0]!) : sha256(bytes);
    if (reference.includes(':') && digest !== reference) throw new RemoteError(RemoteErrorCodes.digest, `${this.name}: the manifest's digest is ${digest}, not ${reference}`);
    let manifest: ImageManifest;
    try {
      manifest = JSON.parse(bytes.toString('utf8')) as ImageManifest;
    } catch {
      throw new RemoteError(RemoteErrorCodes.artifact, `${this.name}: the manifest is not JSON`);
    }
    const mediaType = manifest.mediaType ?? response.headers.get('content-type')?.split(';')[0] ?? '';
    return { manifest, bytes, digest, mediaType };
  }

  /** A blob, checked against its descriptor's digest and size, refused beyond `maxBytes`. */
  async getBlob(desc: Descriptor, maxBytes: number): Promise<Buffer> {
    if (typeof desc.size !== 'number' || desc.size < 0 || !Number.isSafeInteger(desc.size)) throw new RemoteError(RemoteErrorCodes.artifact, `${this.name}: layer ${desc.digest} has no valid size`);
    if (desc.size > maxBytes) throw new RemoteError(RemoteErrorCodes.limit, `${this.name}: layer ${desc.digest} is ${desc.size} bytes, more than the limit of ${maxBytes}`);
    if (typeof desc.digest !== 'string' || !/^sha(256|512):[0-9a-f]+$/.test(desc.digest)) throw new RemoteError(RemoteErrorCodes.artifact, `${this.name}: layer digest "${String(desc.digest)}" is not valid`);
    const { response } = await this.call('GET', `/blobs/${desc.digest}`, {});
    if (!response.ok) throw await statusError(response, `${this.name}: blob ${desc.digest}`);
    const bytes = await readBody(response, desc.size, `${this.name}: blob ${desc.digest}`);
    if (bytes.length !== desc.size) throw new RemoteError(RemoteErrorCodes.digest, `${this.name}: blob ${desc.digest} is ${bytes.length} bytes, the manifest says ${desc.size}`);
    const got = digestOf(bytes, desc.digest.split(':')[0]!);
    if (got !== desc.digest) throw new RemoteError(RemoteErrorCodes.digest, `${this.name}: blob has digest ${got}, the manifest says ${desc.digest}`);
    return bytes;
  }

  /** Uploads a blob unless the registry has it; returns its descriptor. */
  async pushBlob(data: Uint8Array, mediaType: string, annotations?: Record<string, string>): Promise<Descriptor> {
    const digest = sha256(data);
    const desc: Descriptor = { mediaType, digest, size: data.length, ...(annotations ? { annotations } : {}) };
    const head = await this.call('HEAD', `/blobs/${digest}`, { push: true });
    await head.response.body?.cancel();
    if (head.response.ok) return desc;
    const start = await this.call('POST', '/blobs/uploads/', { push: true, headers: { 'content-length': '0' } });
    if (start.response.status !== 202) throw await statusError(start.response, `${this.name}: starting the upload of ${digest}`);
    await start.response.body?.cancel();
    const location = start.response.headers.get('location');
    if (!location) throw new RemoteError(RemoteErrorCodes.http, `${this.name}: the registry started an upload without a Location`);
    const put = new URL(location, start.url);
    put.searchParams.set('digest', digest);
    const done = await this.call('PUT', put.href, { push: true, body: data, headers: { 'content-type': 'application/octet-stream', 'content-length': String(data.length) } });
    if (done.response.status !== 201) throw await statusError(done.response, `${this.name}: uploading ${digest}`);
    await done.response.body?.cancel();
    return desc;
  }

  /** Puts a manifest under `reference` (a tag); returns its digest. */
  async putManifest(reference: string, bytes: Uint8Array, mediaType: string): Promise<string> {
    const { response } = await this.call('PUT', `/manifests/${reference}`, { push: true, body: bytes, headers: { 'content-type': mediaType } });
    if (response.status !== 201 && response.status !== 200) throw await statusError(response, `${this.name}: manifest`);
    await response.body?.cancel();
    const digest = sha256(bytes);
    const said = response.headers.get('docker-content-digest');
    if (said && said !== digest) throw new RemoteError(RemoteErrorCodes.digest, `${this.name}: the registry stored the manifest as ${said}, expected ${digest}`);
    return digest;
  }
}
