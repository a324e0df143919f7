/**
 * OPA bundles: reading one (a `.tar.gz` or a directory) into modules and data, and the manifest
 * rules OPA applies — data files at their directory's path, modules and data inside the
 * manifest's `roots`, a signed bundle verified before anything in it is used.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ErrorCodes, globMatches, MAX_YAML_ALIASES, parseJSONExact, parseModule, type RegoVersion } from '@palisade/engine';
import { ArchiveError, MAX_EXPANDED_BYTES, readTarGz, type ArchiveFile } from './archive.js';
import { SIGNATURES_FILE, SignatureError, verify, type VerificationOptions } from './signature.js';

export const MANIFEST_FILE = '.manifest';

export interface Manifest {
  revision?: string;
  roots?: string[];
  rego_version?: number;
  file_rego_versions?: Record<string, number>;
  metadata?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface Bundle {
  /** Where it came from, as the user named it. */
  source: string;
  manifest: Manifest;
  /**
   * Modules named `<source>/<path in bundle>` so diagnostics point into the bundle; `regoVersion`
   * when the manifest sets one for the file (otherwise the caller's default applies).
   */
  modules: { file: string; path: string; text: string; regoVersion?: RegoVersion }[];
  /** Every data file merged at its directory path. */
  data: Record<string, unknown>;
  files: ArchiveFile[];
  signed: boolean;
}

/**
 * The manifest's Rego version of each module, as OPA reads it: the first `file_rego_versions`
 * glob (gobwas syntax, no separators) matching the file's path in the bundle, else `rego_version`,
 * else undefined (the caller's default). OPA matches against the path with its leading `/`; a
 * pattern written without it matches too. Versions other than 0 and 1 are errors, as in OPA.
 */
export function manifestRegoVersions(source: string, manifest: Manifest): (path: string) => RegoVersion | undefined {
  const asVersion = (v: unknown, what: string): RegoVersion => {
    if (v === 0) return 'v0';
    if (v === 1) return 'v1';
    throw new BundleError(`${source}/.manifest: unknown bundle rego-version ${JSON.stringify(v)} for ${what}`);
  };
  const global = manifest.rego_version === undefined ? undefined : asVersion(manifest.rego_version, 'the bundle');
  const perFile = manifest.file_rego_versions;
  if (perFile !== undefined && !isObject(perFile)) throw new BundleError(`${source}/.manifest: "file_rego_versions" must be an object`);
  const patterns = Object.entries(perFile ?? {}).map(([pattern, v]) => ({ pattern, version: asVersion(v, `files matching '${pattern}'`) }));
  return (path) => {
    for (const { pattern, version } of patterns) {
      for (const candidate of ['/' + path, path]) {
        const m = globMatches(pattern, candidate);
        if ('error' in m) throw new BundleError(`${source}/.manifest: failed to compile glob pattern ${pattern}: ${m.error}`);
        if (m.matched) return version;
      }
    }
    return global;
  };
}

/** A problem with a bundle as a whole (stable code for the CLI's diagnostics). */
export class BundleError extends Error {
  readonly code = ErrorCodes.input;
  constructor(message: string) {
    super(message);
    this.name = 'BundleError';
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function merge(target: Record<string, unknown>, source: Record<string, unknown>, at: string[], file: string): void {
  for (const [k, v] of Object.entries(source)) {
    const cur = target[k];
    if (cur === undefined) target[k] = v;
    else if (isObject(cur) && isObject(v)) merge(cur, v, [...at, k], file);
    else throw new BundleError(`${file}: data at /${[...at, k].join('/')} conflicts with another data file`);
  }
}

/** Deep-merges `value` into `into` at `path`; two values for one key are an error, as in OPA. */
export function insertData(into: Record<string, unknown>, path: string[], value: unknown, file: string): void {
  if (path.length === 0) {
    if (!isObject(value)) throw new BundleError(`${file}: the root data file must hold an object`);
    merge(into, value, [], file);
    return;
  }
  let node = into;
  for (const [i, key] of path.slice(0, -1).entries()) {
    const next = node[key];
    if (next === undefined) node = node[key] = {};
    else if (isObject(next)) node = next;
    else throw new BundleError(`${file}: data at /${path.slice(0, i + 1).join('/')} conflicts with another data file`);
  }
  merge(node, { [path.at(-1)!]: value }, path.slice(0, -1), file);
}

/** Does `roots` contain `path` (both `/`-separated, no leading slash)? `""` contains everything. */
export function rootsContain(roots: string[], path: string): boolean {
  const segs = path.split('/').filter(Boolean);
  return roots.some((r) => {
    const rs = r.split('/').filter(Boolean);
    return rs.length <= segs.length && rs.every((s, i) => s === segs[i]);
  });
}

/**
 * The files of a bundle directory that `accept` takes (paths relative to `dir`, `/`-separated),
 * sorted, bounded in total size. Symbolic links are never followed: each one is reported to
 * `onLink`. `.git` and `node_modules` are not bundle content.
 */
export function walkBundleDir(dir: string, accept: (path: string) => boolean, onLink: (path: string) => void): ArchiveFile[] {
  const out: ArchiveFile[] = [];
  let total = 0;
  const walk = (abs: string, rel: string) => {
    for (const e of readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isSymbolicLink()) onLink(p);
      else if (e.isDirectory()) {
        if (e.name !== '.git' && e.name !== 'node_modules') walk(join(abs, e.name), p);
      } else if (e.isFile() && accept(p)) {
        const data = readFileSync(join(abs, e.name));
        total += data.length;
        if (total > MAX_EXPANDED_BYTES) throw new BundleError(`${dir}: bundle is larger than ${MAX_EXPANDED_BYTES} bytes`);
        out.push({ path: p, data });
      }
    }
  };
  walk(dir, '');
  return out;
}

/** Files a bundle holds: policies, data files, the manifest and the signatures. */
export function isBundleFile(path: string): boolean {
  return /\.rego$|(^|\/)data\.(json|ya?ml)$/.test(path) || path === MANIFEST_FILE || path === SIGNATURES_FILE;
}

function readDirectory(dir: string): ArchiveFile[] {
  return walkBundleDir(dir, isBundleFile, (p) => {
    throw new BundleError(`${p}: symbolic links are not followed in a bundle directory`);
  });
}

/** Reads the files of a bundle from a `.tar.gz` or a directory. */
export async function readBundleFiles(path: string): Promise<ArchiveFile[]> {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    throw new BundleError(`${path}: no such file or directory`);
  }
  if (st.isDirectory()) return readDirectory(path);
  if (!st.isFile()) throw new BundleError(`${path}: not a regular file or directory`);
  try {
    return await readTarGz(readFileSync(path));
  } catch (e) {
    if (e instanceof ArchiveError) throw new BundleError(`${path}: ${e.message}`);
    throw e;
  }
}

/**
 * Loads a bundle. A signed bundle needs `verification`; an unsigned one given a verification key
 * is refused (a stripped signature must not pass silently). `skipVerify` loads a signed bundle
 * unchecked, as OPA's `--skip-verify`.
 */
export async function loadBundle(path: string, opts: { verification?: VerificationOptions; skipVerify?: boolean } = {}): Promise<Bundle> {
  const files = await readBundleFiles(path);
  return bundleFromFiles(path, files, opts);
}

export async function bundleFromFiles(source: string, files: ArchiveFile[], opts: { verification?: VerificationOptions; skipVerify?: boolean } = {}): Promise<Bundle> {
  const signed = files.some((f) => f.path === SIGNATURES_FILE);
  if (!opts.skipVerify) {
    if (signed && !opts.verification) throw new BundleError(`${source}: the bundle is signed; pass --verification-key to check it (or --skip-verify)`);
    if (opts.verification) {
      try {
        await verify(files, opts.verification);
      } catch (e) {
        if (e instanceof SignatureError) throw new BundleError(`${source}: ${e.message}`);
        throw e;
      }
    }
  }
  let manifest: Manifest = {};
  const manifestFile = files.find((f) => f.path === MANIFEST_FILE);
  if (manifestFile) {
    try {
      const m = JSON.parse(manifestFile.data.toString('utf8')) as unknown;
      if (!isObject(m)) throw new Error('not an object');
      manifest = m as Manifest;
    } catch (e) {
      throw new BundleError(`${source}/.manifest: invalid manifest (${(e as Error).message})`);
    }
    if (manifest.roots !== undefined && (!Array.isArray(manifest.roots) || manifest.roots.some((r) => typeof r !== 'string'))) {
      throw new BundleError(`${source}/.manifest: "roots" must be a list of strings`);
    }
  }
  const versionOf = manifestRegoVersions(source, manifest);
  const roots = (manifest.roots ?? ['']).map((r) => r.replace(/^\/+|\/+$/g, ''));
  for (let i = 0; i < roots.length; i++) {
    for (let j = i + 1; j < roots.length; j++) {
      if (rootsContain([roots[i]!], roots[j]!) || rootsContain([roots[j]!], roots[i]!)) throw new BundleError(`${source}/.manifest: overlapping roots "${roots[i]}" and "${roots[j]}"`);
    }
  }
  const data: Record<string, unknown> = {};
  const modules: Bundle['modules'] = [];
  for (const f of files) {
    const base = f.path.slice(f.path.lastIndexOf('/') + 1);
    const dir = f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/')).split('/') : [];
    const shown = `${source}/${f.path}`;
    if (f.path.endsWith('.rego')) {
      const text = f.data.toString('utf8');
      const regoVersion = versionOf(f.path);
      const { module } = parseModule(shown, text, { regoVersion });
      if (module) {
        const pkg = module.package.path.path.map((t) => String((t as { value?: unknown }).value)).join('/');
        if (!rootsContain(roots, pkg)) throw new BundleError(`${shown}: package ${pkg.replace(/\//g, '.')} is outside the manifest's roots (${roots.map((r) => JSON.stringify(r)).join(', ')})`);
      }
      modules.push({ file: shown, path: f.path, text, ...(regoVersion ? { regoVersion } : {}) });
    } else if (base === 'data.json' || base === 'data.yaml' || base === 'data.yml') {
      let value: unknown;
      try {
        const text = f.data.toString('utf8');
        value = base === 'data.json' ? parseJSONExact(text) : parseYaml(text, { maxAliasCount: MAX_YAML_ALIASES });
      } catch (e) {
        throw new BundleError(`${shown}: invalid ${base === 'data.json' ? 'JSON' : 'YAML'} (${(e as Error).message.split('\n')[0]})`);
      }
      if (value === null || value === undefined) continue;
      const check = (v: unknown, p: string[]) => {
        const at = p.join('/');
        if (rootsContain(roots, at)) return;
        if (isObject(v) && roots.some((r) => rootsContain([at], r))) {
          for (const [k, x] of Object.entries(v)) check(x, [...p, k]);
          return;
        }
        throw new BundleError(`${shown}: data at /${at} is outside the manifest's roots`);
      };
      check(value, dir);
      insertData(data, dir, value, shown);
    }
  }
  return { source, manifest, modules, data, files, signed };
}
