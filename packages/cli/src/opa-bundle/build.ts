/**
 * `palisade build`: policy and data directories into an OPA bundle — `/.manifest`, one merged
 * `/data.json`, each `.rego` file at its path under the directory it came from, and, when a
 * signing key is given, `/.signatures.json`. The result is read back with the same reader `-b`
 * uses before it is written, so a bundle that would not load is never produced.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Engine, ErrorCodes, parseJSONExact, type Diagnostic } from '@palisade/engine';
import { stdlibBuiltins } from '@palisade/stdlib';
import { writeTarGz, type ArchiveFile } from './archive.js';
import { bundleFromFiles, BundleError, insertData, MANIFEST_FILE, type Manifest } from './bundle.js';
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

const DATA_FILE = /(^|\/)data\.(json|ya?ml)$/;

function collect(dir: string, errors: Diagnostic[]): ArchiveFile[] {
  const out: ArchiveFile[] = [];
  const walk = (abs: string, rel: string) => {
    for (const e of readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.name.startsWith('.') && p !== MANIFEST_FILE) continue;
      if (e.isSymbolicLink()) {
        errors.push({ code: ErrorCodes.input, message: `${join(dir, p)}: symbolic links are not followed` });
      } else if (e.isDirectory()) {
        if (e.name !== 'node_modules') walk(join(abs, e.name), p);
      } else if (e.isFile() && (p.endsWith('.rego') || DATA_FILE.test(p) || p === MANIFEST_FILE)) {
        out.push({ path: p, data: readFileSync(join(abs, e.name)) });
      }
    }
  };
  walk(dir, '');
  return out;
}

/** Builds the bundle in memory; `errors` non-empty means no archive. */
export async function buildBundle(dirs: string[], opts: BuildOptions, cwd = process.cwd()): Promise<BuildResult> {
  const name = (p: string) => relative(cwd, p) || p;
  const errors: Diagnostic[] = [];
  let manifest: Manifest = {};
  const modules = new Map<string, ArchiveFile & { from: string }>();
  const data: Record<string, unknown> = {};
  const engine = new Engine({ builtins: stdlibBuiltins });
  for (const dir of dirs) {
    try {
      if (!lstatSync(dir).isDirectory()) throw new Error('not a directory');
    } catch (e) {
      errors.push({ code: ErrorCodes.input, message: `${name(dir)}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such directory' : (e as Error).message}` });
      continue;
    }
    for (const f of collect(dir, errors)) {
      const shown = name(join(dir, f.path));
      if (f.path === MANIFEST_FILE) {
        try {
          manifest = { ...manifest, ...(JSON.parse(f.data.toString('utf8')) as Manifest) };
        } catch (e) {
          errors.push({ code: ErrorCodes.input, message: `${shown}: invalid manifest (${(e as Error).message})` });
        }
      } else if (f.path.endsWith('.rego')) {
        const prev = modules.get(f.path);
        if (prev) errors.push({ code: ErrorCodes.input, message: `${shown}: ${f.path} is also in ${prev.from}; bundle paths must be unique` });
        else modules.set(f.path, { ...f, from: dir });
        errors.push(...engine.addModule(shown, f.data.toString('utf8')));
      } else {
        try {
          const text = f.data.toString('utf8');
          const value = f.path.endsWith('.json') ? parseJSONExact(text) : parseYaml(text, { maxAliasCount: 100 });
          if (value === null || value === undefined) continue;
          const at = f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/')).split('/') : [];
          insertData(data, at, value, shown);
          errors.push(...engine.addData(value, at).map((d) => ({ ...d, message: `${shown}: ${d.message}` })));
        } catch (e) {
          const message = (e as Error).message.split('\n')[0]!;
          errors.push({ code: ErrorCodes.input, message: e instanceof BundleError ? message : `${shown}: ${message}` });
        }
      }
    }
  }
  if (!errors.length) errors.push(...engine.compile());
  if (opts.revision !== undefined) manifest.revision = opts.revision;
  if (opts.roots?.length) manifest.roots = opts.roots;
  const out: Manifest = { revision: manifest.revision ?? '', roots: manifest.roots ?? [''], rego_version: 1 };
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
