/**
 * `palisade build`: policy and data directories into an OPA bundle — `/.manifest`, one merged
 * `/data.json`, each `.rego` file at its path under the directory it came from, and, when a
 * signing key is given, `/.signatures.json`. The result is read back with the same reader `-b`
 * uses before it is written, so a bundle that would not load is never produced.
 */
import { lstatSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Engine, ErrorCodes, MAX_YAML_ALIASES, parseJSONExact, type Diagnostic, type RegoVersion } from '@palisade/engine';
import { stdlibBuiltins } from '@palisade/stdlib';
import { writeTarGz, type ArchiveFile } from './archive.js';
import { bundleFromFiles, BundleError, insertData, isBundleFile, MANIFEST_FILE, manifestRegoVersions, walkBundleDir, type Manifest } from './bundle.js';
import { sign, SIGNATURES_FILE, type SigningOptions } from './signature.js';

export interface BuildOptions {
  revision?: string;
  roots?: string[];
  signing?: SigningOptions;
}

export interface BuildResult {
  archive?: Buffer;
  manifest: Manifest;
  files: string[];
  errors: Diagnostic[];
}

function collect(dir: string, errors: Diagnostic[]): ArchiveFile[] {
  // Hidden files (editor state, a stale .signatures.json) are not built in; the manifest is read as the base.
  return walkBundleDir(dir, (p) => isBundleFile(p) && p !== SIGNATURES_FILE && !p.split('/').some((seg) => seg.startsWith('.') && seg !== MANIFEST_FILE), (p) =>
    errors.push({ code: ErrorCodes.input, message: `${join(dir, p)}: symbolic links are not followed` }),
  );
}

/** Builds the bundle in memory; `errors` non-empty means no archive. */
export async function buildBundle(dirs: string[], opts: BuildOptions, cwd = process.cwd()): Promise<BuildResult> {
  const name = (p: string) => relative(cwd, p) || p;
  const errors: Diagnostic[] = [];
  let manifest: Manifest = {};
  const modules = new Map<string, ArchiveFile & { from: string }>();
  const data: Record<string, unknown> = {};
  const engine = new Engine({ builtins: stdlibBuiltins });
  const dirFiles: { dir: string; files: ArchiveFile[] }[] = [];
  for (const dir of dirs) {
    try {
      if (!lstatSync(dir).isDirectory()) throw new Error('not a directory');
    } catch (e) {
      errors.push({ code: ErrorCodes.input, message: `${name(dir)}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such directory' : (e as Error).message}` });
      continue;
    }
    dirFiles.push({ dir, files: collect(dir, errors) });
  }
  // Manifests first: their `rego_version` / `file_rego_versions` decide how each module is read.
  for (const { dir, files } of dirFiles) {
    for (const f of files.filter((x) => x.path === MANIFEST_FILE)) {
      try {
        manifest = { ...manifest, ...(JSON.parse(f.data.toString('utf8')) as Manifest) };
      } catch (e) {
        errors.push({ code: ErrorCodes.input, message: `${name(join(dir, f.path))}: invalid manifest (${(e as Error).message})` });
      }
    }
  }
  let versionOf: (path: string) => RegoVersion | undefined = () => undefined;
  try {
    versionOf = manifestRegoVersions('bundle', manifest);
  } catch (e) {
    if (!(e instanceof BundleError)) throw e;
    errors.push({ code: e.code, message: e.message.replace(/^bundle\//, '') });
  }
  for (const { dir, files } of dirFiles) {
    for (const f of files) {
      const shown = name(join(dir, f.path));
      if (f.path === MANIFEST_FILE) continue;
      if (f.path.endsWith('.rego')) {
        const prev = modules.get(f.path);
        if (prev) errors.push({ code: ErrorCodes.input, message: `${shown}: ${f.path} is also in ${prev.from}; bundle paths must be unique` });
        else modules.set(f.path, { ...f, from: dir });
        errors.push(...engine.addModule(shown, f.data.toString('utf8'), versionOf(f.path)));
      } else {
        try {
          const text = f.data.toString('utf8');
          const value = f.path.endsWith('.json') ? parseJSONExact(text) : parseYaml(text, { maxAliasCount: MAX_YAML_ALIASES });
          if (value === null || value === undefined) continue;
          const at = f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/')).split('/') : [];
          insertData(data, at, value, shown);
        } catch (e) {
          const message = (e as Error).message.split('\n')[0]!;
          errors.push({ code: ErrorCodes.input, message: e instanceof BundleError ? message : `${shown}: ${message}` });
        }
      }
    }
  }
  if (!errors.length && modules.size === 0 && Object.keys(data).length === 0) {
    errors.push({ code: ErrorCodes.input, message: `no .rego or data files in ${dirs.map(name).join(', ')}: the bundle would be empty` });
  }
  if (!errors.length) errors.push(...engine.addData(data), ...engine.compile());
  if (opts.revision !== undefined) manifest.revision = opts.revision;
  if (opts.roots?.length) manifest.roots = opts.roots;
  const out: Manifest = { revision: manifest.revision ?? '', roots: manifest.roots ?? [''], rego_version: manifest.rego_version ?? 1 };
  if (manifest.file_rego_versions && Object.keys(manifest.file_rego_versions).length) out.file_rego_versions = manifest.file_rego_versions;
  if (manifest.metadata) out.metadata = manifest.metadata;
  if (errors.length) return { manifest: out, files: [], errors };

  const files: ArchiveFile[] = [
    { path: 'data.json', data: Buffer.from(JSON.stringify(data)) },
    ...[...modules.values()].map(({ path, data: bytes }) => ({ path, data: bytes })),
    { path: MANIFEST_FILE, data: Buffer.from(JSON.stringify(out)) },
  ];
  if (opts.signing) files.push({ path: SIGNATURES_FILE, data: Buffer.from(await sign(files, opts.signing)) });
  try {
    await bundleFromFiles('bundle', files, { skipVerify: true });
  } catch (e) {
    if (e instanceof BundleError) return { manifest: out, files: [], errors: [{ code: e.code, message: e.message.replace(/^bundle\//, '') }] };
    throw e;
  }
  return { archive: await writeTarGz(files), manifest: out, files: files.map((f) => f.path), errors: [] };
}
