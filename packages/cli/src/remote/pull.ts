/**
 * `palisade pull` and `scan --update`: fetch a policy set from a remote source into memory
 * (bounded), check it (every .rego parses, data files parse, a signed bundle verifies), then
 * install it into the destination directory in one step: the current directory and the pulled
 * files are assembled in a temporary sibling directory which then takes the destination's place,
 * so a failed or interrupted pull never leaves a half-written policy directory. Nothing is written
 * outside the destination: entry names are relative, `..` and links are refused, and no existing
 * link or non-directory on the way is written through.
 */
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { parseModule, type RegoVersion } from '@palisade/engine';
import { ArchiveError, entryPath, isGzip, isTar, readTarGz, type ArchiveFile } from '../opa-bundle/archive.js';
import { SignatureError, verify, type VerificationOptions } from '../opa-bundle/signature.js';
import { asRemoteError, RemoteError, RemoteErrorCodes } from './errors.js';
import { fetchGit, readCheckout } from './git.js';
import { readBody, redact, request, statusError } from './http.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { MEDIA_TYPES, OciClient } from './oci.js';
import { cleanStaleStaging, stagingPrefix } from './staging.js';
import { ociReferenceText, parseSource, type HttpSource, type FileSource, type OciSource, type PolicySource } from './source.js';

export interface RemoteOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Plain http to hosts other than this machine. */
  insecure?: boolean;
  /** https to a registry on 127.0.0.1/localhost. */
  tls?: boolean;
  limits?: Limits;
}

export interface PullOptions extends RemoteOptions {
  /** Replace existing files of the destination that differ (scan --update); otherwise that is an error. */
  overwrite?: boolean;
  regoVersion?: RegoVersion;
  /** Pulled files must be a bundle signed with this key. */
  verification?: VerificationOptions;
}

export interface PullResult {
  source: string;
  destination: string;
  /** Paths (relative to the destination) written or replaced. */
  written: string[];
  /** Paths that were already there with the same content. */
  unchanged: string[];
  /** The manifest digest of an OCI pull. */
  digest?: string;
}

const TAR_GZ_LAYERS: ReadonlySet<string> = new Set([MEDIA_TYPES.opaBundleLayer, MEDIA_TYPES.ociTarGzLayer, 'application/vnd.docker.image.rootfs.diff.tar.gzip', 'application/tar+gzip']);

function archiveError(what: string, e: unknown): RemoteError {
  if (e instanceof ArchiveError) {
    const limit = /more than \d+ (bytes|entries)/.test(e.message);
    return new RemoteError(limit ? RemoteErrorCodes.limit : RemoteErrorCodes.archive, `${what}: ${e.message}`);
  }
  return asRemoteError(e, RemoteErrorCodes.archive, what);
}

async function readArchive(bytes: Buffer, what: string, limits: Limits, budget: { bytes: number }): Promise<ArchiveFile[]> {
  try {
    const files = await readTarGz(bytes, { bytes: budget.bytes, entries: limits.files, gzip: 'auto' });
    budget.bytes -= files.reduce((n, f) => n + f.data.length, 0);
    return files;
  } catch (e) {
    throw archiveError(what, e);
  }
}

async function fetchHttp(src: HttpSource, opts: PullOptions, limits: Limits): Promise<ArchiveFile[]> {
  const { response, url } = await request(src.url, { method: 'GET', headers: { accept: '*/*', 'user-agent': 'palisade' } }, opts);
  if (!response.ok) throw await statusError(response, redact(src.url));
  const bytes = await readBody(response, limits.downloadBytes, redact(src.url));
  if (isGzip(bytes) || isTar(bytes)) return readArchive(bytes, redact(src.url), limits, { bytes: limits.expandedBytes });
  if (src.subdir) throw new RemoteError(RemoteErrorCodes.source, `${src.text}: a subdirectory (//${src.subdir}) needs a tarball, and this is a single file`);
  let name: string;
  try {
    name = decodeURIComponent(url.pathname.split('/').pop() ?? '');
  } catch {
    name = '';
  }
  if (!name || entryPath(name) !== name || name.includes('/') || name.startsWith('.')) {
    throw new RemoteError(RemoteErrorCodes.source, `${src.text}: the URL names no file to save (it should end in a file name such as deny.rego)`);
  }
  if (bytes.length > limits.expandedBytes) throw new RemoteError(RemoteErrorCodes.limit, `${src.text}: more than the limit of ${limits.expandedBytes} bytes`);
  return [{ path: name, data: bytes }];
}

/** A local directory (its regular files; links refused) or file (a tarball is unpacked). */
function fetchLocal(src: FileSource, opts: PullOptions, limits: Limits): Promise<ArchiveFile[]> | ArchiveFile[] {
  const path = resolve(opts.cwd, src.path);
  let st;
  try {
    st = lstatSync(path);
  } catch {
    throw new RemoteError(RemoteErrorCodes.source, `${src.text}: no such file or directory`);
  }
  if (st.isSymbolicLink()) throw new RemoteError(RemoteErrorCodes.archive, `${src.text}: a symbolic link; name the file or directory it points to`);
  if (st.isDirectory()) return readCheckout(path, src.text, limits);
  if (!st.isFile()) throw new RemoteError(RemoteErrorCodes.archive, `${src.text}: not a regular file or directory`);
  if (st.size > limits.downloadBytes) throw new RemoteError(RemoteErrorCodes.limit, `${src.text}: ${st.size} bytes is more than the limit of ${limits.downloadBytes}`);
  const bytes = readFileSync(path);
  if (isGzip(bytes) || isTar(bytes)) return readArchive(bytes, src.text, limits, { bytes: limits.expandedBytes });
  return [{ path: basename(path), data: bytes }];
}

/** The pull of an OCI artifact: conftest's one layer per titled file, or OPA's bundle layers. */
async function fetchOci(src: OciSource, opts: PullOptions, limits: Limits): Promise<{ files: ArchiveFile[]; digest: string }> {
  const client = new OciClient(src, opts);
  const reference = src.digest ?? src.tag ?? 'latest';
  const name = ociReferenceText(src);
  const { manifest, digest, mediaType } = await client.getManifest(reference);
  if (mediaType === MEDIA_TYPES.index || (manifest as { manifests?: unknown }).manifests) {
    throw new RemoteError(RemoteErrorCodes.artifact, `${name}: an image index (several manifests), not a policy artifact`);
  }
  if (!Array.isArray(manifest.layers) || manifest.layers.length === 0) throw new RemoteError(RemoteErrorCodes.artifact, `${name}: the manifest has no layers`);
  if (manifest.layers.length > limits.files) throw new RemoteError(RemoteErrorCodes.limit, `${name}: more than ${limits.files} layers`);
  const total = manifest.layers.reduce((n, l) => n + (typeof l?.size === 'number' ? l.size : 0), 0);
  if (total > limits.downloadBytes) throw new RemoteError(RemoteErrorCodes.limit, `${name}: the layers are ${total} bytes, more than the limit of ${limits.downloadBytes}`);
  const files: ArchiveFile[] = [];
  const budget = { bytes: limits.expandedBytes };
  for (const layer of manifest.layers) {
    if (!layer || typeof layer !== 'object' || typeof layer.mediaType !== 'string') throw new RemoteError(RemoteErrorCodes.artifact, `${name}: a layer without a media type`);
    if (TAR_GZ_LAYERS.has(layer.mediaType)) {
      const blob = await client.getBlob(layer, limits.downloadBytes);
      files.push(...(await readArchive(blob, `${name}: layer ${layer.digest}`, limits, budget)));
      continue;
    }
    const title = layer.annotations?.[MEDIA_TYPES.titleAnnotation];
    if (typeof title !== 'string' || !title) {
      throw new RemoteError(RemoteErrorCodes.artifact, `${name}: layer ${layer.digest} (${layer.mediaType}) has no ${MEDIA_TYPES.titleAnnotation} annotation naming its file, and is not a bundle tarball`);
    }
    const path = entryPath(title);
    if (title.startsWith('/') || title.includes('\\') || /^[A-Za-z]:/.test(title) || path === undefined) {
      throw new RemoteError(RemoteErrorCodes.archive, `${name}: layer file name "${title}" is absolute or leaves the destination`);
    }
    const blob = await client.getBlob(layer, limits.downloadBytes);
    budget.bytes -= blob.length;
    if (budget.bytes < 0) throw new RemoteError(RemoteErrorCodes.limit, `${name}: more than the limit of ${limits.expandedBytes} bytes`);
    files.push({ path, data: blob });
  }
  return { files, digest };
}

/** The files a source holds (its subdirectory when one is named), in memory. */
export async function fetchSource(src: PolicySource, opts: PullOptions): Promise<{ files: ArchiveFile[]; digest?: string }> {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  let files: ArchiveFile[];
  let digest: string | undefined;
  if (src.kind === 'git') files = await fetchGit(src, { ...opts, limits });
  else if (src.kind === 'http') files = await fetchHttp(src, opts, limits);
  else if (src.kind === 'file') files = await fetchLocal(src, opts, limits);
  else ({ files, digest } = await fetchOci(src, opts, limits));
  const subdir = src.kind === 'http' ? src.subdir : undefined;
  if (subdir) {
    const prefix = `${subdir}/`;
    files = files.filter((f) => f.path.startsWith(prefix)).map((f) => ({ path: f.path.slice(prefix.length), data: f.data }));
    if (files.length === 0) throw new RemoteError(RemoteErrorCodes.source, `${src.text}: nothing under ${subdir}/ in the archive`);
  }
  if (files.length === 0) throw new RemoteError(RemoteErrorCodes.source, `${src.text}: no files to pull`);
  const seen = new Map<string, string>();
  for (const f of files) {
    if (seen.has(f.path)) throw new RemoteError(RemoteErrorCodes.archive, `${src.text}: two files named ${f.path}`);
    seen.set(f.path, f.path);
  }
  for (const f of files) {
    // A file and a directory of one name (a, a/b) cannot both be written.
    const parts = f.path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (seen.has(dir)) throw new RemoteError(RemoteErrorCodes.archive, `${src.text}: ${seen.get(dir)} is both a file and a directory`);
    }
  }
  return digest ? { files, digest } : { files };
}

/** Problems that keep the files from being used as policies: unparsable Rego or data, a bad signature. */
export async function checkFiles(files: ArchiveFile[], source: string, opts: { regoVersion?: RegoVersion; verification?: VerificationOptions }): Promise<void> {
  if (opts.verification) {
    try {
      await verify(files, opts.verification);
    } catch (e) {
      if (e instanceof SignatureError) throw new RemoteError(RemoteErrorCodes.verify, `${source}: ${e.message}`);
      throw e;
    }
  }
  const problems: string[] = [];
  for (const f of files) {
    const text = () => f.data.toString('utf8');
    if (f.path.endsWith('.rego')) {
      const { errors } = parseModule(f.path, text(), opts.regoVersion ? { regoVersion: opts.regoVersion } : {});
      for (const e of errors) problems.push(`${f.path}${e.location ? `:${e.location.row}` : ''}: ${e.code}: ${e.message}`);
    } else if (f.path.endsWith('.json') || f.path === '.manifest') {
      try {
        JSON.parse(text());
      } catch (e) {
        problems.push(`${f.path}: invalid JSON (${(e as Error).message})`);
      }
    } else if (/\.ya?ml$/.test(f.path)) {
      const bad = parseAllDocuments(text());
      const docs = Array.isArray(bad) ? bad : [bad];
      const err = docs.flatMap((d) => d.errors)[0];
      if (err) problems.push(`${f.path}: invalid YAML (${err.message.split('\n')[0]})`);
    }
  }
  if (problems.length) {
    const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
    throw new RemoteError(RemoteErrorCodes.verify, `${source}: the pulled policies do not load, nothing was changed: ${problems.slice(0, 5).join('; ')}${more}`);
  }
}

function sameFile(path: string, data: Buffer): boolean {
  try {
    return readFileSync(path).equals(data);
  } catch {
    return false;
  }
}

/**
 * Writes `files` into `destination` in one step (see the module comment). Existing files that
 * differ are replaced only with `overwrite`. Returns what was written and what was already there.
 */
export function installFiles(files: ArchiveFile[], destination: string, opts: { overwrite?: boolean; shown?: string }): { written: string[]; unchanged: string[] } {
  const shown = opts.shown ?? destination;
  const parent = dirname(destination);
  // First, so a policy directory an interrupted swap left as `.old` is back before it is read.
  cleanStaleStaging(parent, basename(destination));
  let st;
  try {
    st = lstatSync(destination);
  } catch {
    st = undefined;
  }
  if (st && (st.isSymbolicLink() || !st.isDirectory())) throw new RemoteError(RemoteErrorCodes.destination, `${shown}: the destination exists and is not a directory${st.isSymbolicLink() ? ' (a symbolic link)' : ''}`);
  try {
    mkdirSync(parent, { recursive: true });
  } catch (e) {
    throw asRemoteError(e, RemoteErrorCodes.destination, `cannot create ${parent}`);
  }
  let stage: string;
  try {
    stage = mkdtempSync(stagingPrefix(parent, basename(destination)));
  } catch (e) {
    throw asRemoteError(e, RemoteErrorCodes.destination, `cannot write in ${parent}`);
  }
  const written: string[] = [];
  const unchanged: string[] = [];
  try {
    // mkdtemp makes the directory private; the policy directory keeps its mode (or gets the usual one).
    chmodSync(stage, st ? st.mode & 0o7777 : 0o755);
    if (st) cpSync(destination, stage, { recursive: true, verbatimSymlinks: true, force: true });
    const conflicts: string[] = [];
    for (const f of files) {
      const target = join(stage, ...f.path.split('/'));
      const rel = relative(stage, target);
      if (rel.startsWith('..') || rel.startsWith(sep) || rel === '') throw new RemoteError(RemoteErrorCodes.archive, `${f.path}: leaves the destination`);
      // Every directory on the way must be a real directory (never a link someone left there).
      let dir = stage;
      for (const part of rel.split(sep).slice(0, -1)) {
        dir = join(dir, part);
        let d;
        try {
          d = lstatSync(dir);
        } catch {
          mkdirSync(dir);
          continue;
        }
        if (!d.isDirectory()) throw new RemoteError(RemoteErrorCodes.destination, `${relative(stage, dir)} in ${shown} is ${d.isSymbolicLink() ? 'a symbolic link' : 'a file'}, so ${f.path} cannot be written`);
      }
      let existing;
      try {
        existing = lstatSync(target);
      } catch {
        existing = undefined;
      }
      if (existing) {
        if (!existing.isFile()) throw new RemoteError(RemoteErrorCodes.destination, `${f.path} in ${shown} is ${existing.isSymbolicLink() ? 'a symbolic link' : 'a directory'}; it is not replaced`);
        if (sameFile(target, f.data)) {
          unchanged.push(f.path);
          continue;
        }
        if (!opts.overwrite) {
          conflicts.push(f.path);
          continue;
        }
        // Never written through: a hard link would carry the change elsewhere.
        unlinkSync(target);
      }
      writeFileSync(target, f.data, { flag: 'wx', mode: 0o644 });
      written.push(f.path);
    }
    if (conflicts.length) {
      throw new RemoteError(RemoteErrorCodes.destination, `${shown} already has different ${conflicts.length === 1 ? 'file' : 'files'} ${conflicts.slice(0, 5).join(', ')}${conflicts.length > 5 ? ' …' : ''}; nothing was changed (pass --overwrite to replace them)`);
    }
    if (written.length === 0) {
      rmSync(stage, { recursive: true, force: true });
      return { written, unchanged };
    }
    if (st) {
      const old = `${stage}.old`;
      renameSync(destination, old);
      try {
        renameSync(stage, destination);
      } catch (e) {
        renameSync(old, destination);
        throw e;
      }
      rmSync(old, { recursive: true, force: true });
    } else renameSync(stage, destination);
    return { written, unchanged };
  } catch (e) {
    if (existsSync(stage)) rmSync(stage, { recursive: true, force: true });
    throw asRemoteError(e, RemoteErrorCodes.destination, `cannot write ${shown}`);
  }
}

/** Pulls `sourceText` into `destination` (relative to opts.cwd): fetch, check, install. */
export async function pull(sourceText: string, destination: string, opts: PullOptions): Promise<PullResult> {
  const src = parseSource(sourceText);
  const dest = resolve(opts.cwd, destination);
  const { files, digest } = await fetchSource(src, opts);
  await checkFiles(files, src.text, opts);
  const { written, unchanged } = installFiles(files, dest, { ...(opts.overwrite ? { overwrite: true } : {}), shown: destination });
  const result: PullResult = { source: src.text, destination, written, unchanged };
  if (digest) result.digest = digest;
  return result;
}
