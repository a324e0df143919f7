/**
 * Remote policy source addresses, in the forms conftest (go-getter) users write:
 *
 * - `https://host/path/policies.tar.gz` (a tarball, gzipped or not) or `https://host/x/deny.rego`
 *   (a single file); `//sub/dir` after the path takes only that directory of a tarball;
 * - `git::URL[//sub/dir][?ref=REF]` with URL `https://…`, `ssh://…`, `file://…`, `git@host:path` or
 *   a local path; `github.com/org/repo[//sub][?ref=…]` is `git::https://github.com/org/repo.git`;
 * - `file://PATH` or `file::PATH`: a local directory or file (a tarball is unpacked);
 * - `oci://host[:port]/repo[:tag|@sha256:…]`; `host:port/repo…` on 127.0.0.1/localhost and the
 *   well-known registries (ghcr.io, *.azurecr.io, gcr.io, *.pkg.dev, ECR, quay.io) are OCI too.
 */
import { RemoteError, RemoteErrorCodes } from './errors.js';
import { isLoopback } from './http.js';

export interface HttpSource {
  kind: 'http';
  url: URL;
  subdir?: string;
  /** The address as given, for messages. */
  text: string;
}

export interface GitSource {
  kind: 'git';
  /** What `git clone` is given. */
  repository: string;
  ref?: string;
  depth?: number;
  subdir?: string;
  text: string;
}

export interface OciReference {
  /** host[:port] as written (docker.io means Docker Hub). */
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
}

export interface OciSource extends OciReference {
  kind: 'oci';
  text: string;
}

/** A local file or directory (`file://PATH`, `file::PATH`), as go-getter's file getter. */
export interface FileSource {
  kind: 'file';
  /** As written: absolute, or relative to the working directory. */
  path: string;
  text: string;
}

export type PolicySource = HttpSource | GitSource | OciSource | FileSource;

const WELL_KNOWN_REGISTRIES = [/(^|\.)azurecr\.io\//, /^ghcr\.io\//, /(^|\.)gcr\.io\//, /(^|\.)pkg\.dev\//, /^[0-9]{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com\//, /^quay\.io\//, /^registry\.gitlab\.com\//];

function bad(text: string, why: string): RemoteError {
  return new RemoteError(RemoteErrorCodes.source, `${text}: ${why}`);
}

/** A `/`-separated subdirectory that stays inside what was downloaded. */
function cleanSubdir(text: string, sub: string): string | undefined {
  const parts = sub.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..' || p.includes('\0') || p.includes('\\'))) throw bad(text, `subdirectory "${sub}" leaves the source`);
  return parts.length ? parts.join('/') : undefined;
}

/** Splits `rest` (no scheme) at go-getter's `//` subdirectory marker, leaving a `?query` on the address. */
function splitSubdir(text: string, rest: string): { address: string; subdir?: string; query: string } {
  const q = rest.indexOf('?');
  const query = q < 0 ? '' : rest.slice(q);
  const path = q < 0 ? rest : rest.slice(0, q);
  const mark = path.indexOf('//');
  if (mark < 0) return { address: path, query };
  return { address: path.slice(0, mark), subdir: cleanSubdir(text, path.slice(mark + 2)), query };
}

/** `host[:port]/repo[:tag][@digest]` (no scheme). */
export function parseOciReference(text: string, ref: string): OciReference {
  const slash = ref.indexOf('/');
  if (slash <= 0) throw bad(text, 'an OCI reference needs a registry host and a repository (oci://host/repo:tag)');
  const registry = ref.slice(0, slash);
  let rest = ref.slice(slash + 1);
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!/^sha256:[0-9a-f]{64}$|^sha512:[0-9a-f]{128}$/.test(digest)) throw bad(text, `"${digest}" is not a sha256/sha512 digest`);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!/^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/.test(tag)) throw bad(text, `"${tag}" is not a valid tag`);
  }
  if (!/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(rest)) {
    throw bad(text, `"${rest}" is not a valid repository name (lower-case letters, digits, . _ - and /)`);
  }
  if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-fA-F:]+\](:\d{1,5})?$/.test(registry)) throw bad(text, `"${registry}" is not a registry host`);
  const out: OciReference = { registry, repository: rest };
  if (tag !== undefined) out.tag = tag;
  if (digest !== undefined) out.digest = digest;
  return out;
}

function gitSource(text: string, rest: string): GitSource {
  // scp-like git@host:path has no scheme; a Windows-less path may be a plain directory.
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(rest)?.[0] ?? '';
  const { address, subdir, query } = splitSubdir(text, rest.slice(scheme.length));
  const src: GitSource = { kind: 'git', repository: scheme + address, text };
  if (!address) throw bad(text, 'no repository after git::');
  // git reads `transport::address` as a remote helper (ext:: runs commands): never passed on.
  if (address.includes('::')) throw bad(text, 'git remote helpers (transport::address) are not supported');
  if (scheme && !/^(https|http|ssh|git|file):\/\/$/i.test(scheme)) throw bad(text, `git over ${scheme} is not supported (https, ssh, git, file)`);
  if (subdir) src.subdir = subdir;
  const params = new URLSearchParams(query.slice(1));
  for (const [k, v] of params) {
    if (k === 'ref') {
      if (!/^[A-Za-z0-9][A-Za-z0-9._/+-]*$/.test(v) || v.includes('..')) throw bad(text, `"${v}" is not a usable git ref`);
      src.ref = v;
    } else if (k === 'depth') {
      if (!/^[1-9]\d{0,5}$/.test(v)) throw bad(text, `depth must be a positive number, got "${v}"`);
      src.depth = Number(v);
    } else throw bad(text, `unknown git parameter "${k}" (ref and depth are understood)`);
  }
  // `-…` would be read by git as an option.
  if (src.repository.startsWith('-')) throw bad(text, 'a repository cannot start with "-"');
  return src;
}

/** The source an address names; throws RemoteError (remote_source_error) when it names none. */
export function parseSource(text: string): PolicySource {
  const s = text.trim();
  if (!s) throw bad(JSON.stringify(text), 'empty source');
  if (/^git::/i.test(s)) return gitSource(s, s.slice(5));
  const local = /^file::/i.test(s) ? s.slice(6) : /^file:\/\//i.test(s) ? s.slice(7) : undefined;
  if (local !== undefined) {
    let path = local;
    try {
      path = decodeURIComponent(local);
    } catch {
      throw bad(s, 'not a valid file address');
    }
    if (!path || path.includes('\0')) throw bad(s, 'no path after file://');
    return { kind: 'file', path, text: s };
  }
  if (/^oci:\/\//i.test(s)) return { kind: 'oci', text: s, ...parseOciReference(s, s.slice(6)) };
  if (/^https?:\/\//i.test(s)) {
    const scheme = s.slice(0, s.indexOf('://') + 3);
    const { address, subdir, query } = splitSubdir(s, s.slice(scheme.length));
    let url: URL;
    try {
      url = new URL(scheme + address + query);
    } catch {
      throw bad(s, 'not a valid URL');
    }
    // A repository URL ending in .git is fetched with git, as go-getter does.
    if (url.pathname.endsWith('.git')) return gitSource(s, s);
    const out: HttpSource = { kind: 'http', url, text: s };
    if (subdir) out.subdir = subdir;
    return out;
  }
  if (/^github\.com\//i.test(s)) {
    const { address, subdir, query } = splitSubdir(s, s);
    const parts = address.split('/');
    if (parts.length < 3) throw bad(s, 'GitHub sources are github.com/OWNER/REPO');
    const repo = `https://github.com/${parts[1]}/${parts[2]!.replace(/\.git$/, '')}.git`;
    return gitSource(s, repo + (subdir ? `//${subdir}` : '') + query);
  }
  const host = s.split('/')[0]!;
  const hostname = host.replace(/:\d+$/, '');
  if ((isLoopback(hostname) && /:\d+$/.test(host)) || WELL_KNOWN_REGISTRIES.some((r) => r.test(s))) return { kind: 'oci', text: s, ...parseOciReference(s, s) };
  throw bad(s, 'unknown source; use https://…, git::…, or oci://host/repo:tag');
}

/** The reference as `host/repo:tag` or `host/repo@digest`, as registries and conftest print it. */
export function ociReferenceText(r: OciReference): string {
  return `${r.registry}/${r.repository}${r.tag ? `:${r.tag}` : ''}${r.digest ? `@${r.digest}` : ''}`;
}
