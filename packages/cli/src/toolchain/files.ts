/**
 * Finds and reads the Rego and data files of the policy-author commands (`test`, `check`, `fmt`,
 * `inspect`). Directories are walked with walk-tree.ts (links never lead out of the directory,
 * loops end, an unreadable directory is an error for its path); `node_modules`, `.git`, dot files
 * and package manifests (`package.json`, `tsconfig*.json`, lock files) are skipped, as they are
 * never policy data. Names are shown relative to the working directory.
 */
import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { ErrorCodes, type Diagnostic, type Engine } from '@palisade/engine';
import { matchGlob } from '@palisade/stdlib';
import { sanitizeName } from '../reporters/ansi.js';
import type { CommandIO } from '../command.js';
import { readDataFile, readModuleText } from '../data-files.js';
import { walkTree } from '../walk-tree.js';

export interface FoundFile {
  /** Name shown to people (relative to cwd). */
  name: string;
  path: string;
  /** For data files found in a directory: their directory relative to it, where OPA puts their value. */
  at?: string[];
}

export interface Found {
  rego: FoundFile[];
  data: FoundFile[];
  errors: Diagnostic[];
  /** What the walk left out and why (links not followed, FIFOs…), as `name: why`. */
  skipped: string[];
}

/** Prints what the walk skipped, one `palisade: skipped …` line each, so no skip is silent. */
export function printSkipped(found: Found, io: Pick<CommandIO, 'stderr'>): void {
  for (const s of found.skipped) io.stderr.write(`palisade: skipped ${sanitizeName(s)}\n`);
}

const NOT_DATA = /(^|\/)(package(-lock)?\.json|tsconfig[^/]*\.json|pnpm-lock\.yaml|pnpm-workspace\.yaml|\.[^/]*rc\.(json|ya?ml))$/;

export function displayName(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** Expands `paths` (files or directories) into Rego files and, when `withData`, JSON/YAML files. */
export function findFiles(paths: string[], cwd: string, opts: { withData: boolean; ignore?: string[] }): Found {
  const found: Found = { rego: [], data: [], errors: [], skipped: [] };
  const seen = new Set<string>();
  const add = (path: string, root?: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const f: FoundFile = { name: displayName(path, cwd), path };
    if (root !== undefined) f.at = relative(root, path).split(/[\\/]/).slice(0, -1);
    if (path.endsWith('.rego')) found.rego.push(f);
    else if (opts.withData && /\.(json|ya?ml)$/.test(path) && !NOT_DATA.test(path)) found.data.push(f);
  };
  for (const p of paths.length ? paths : ['.']) {
    const abs = resolve(cwd, p);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      found.errors.push({ code: ErrorCodes.input, message: `${p}: no such file or directory` });
      continue;
    }
    if (!isDir) {
      if (!/\.(rego|json|ya?ml)$/.test(abs)) found.errors.push({ code: ErrorCodes.input, message: `${p}: not a .rego, .json or .yaml file` });
      else add(abs);
      continue;
    }
    const wanted = opts.withData ? /\.(rego|json|ya?ml)$/ : /\.rego$/;
    const ignore = opts.ignore ?? [];
    const walk = walkTree(abs, { dot: false, exclude: (rel) => ignore.some((g) => matchGlob(g, rel, 'path')) });
    for (const e of walk.errors) found.errors.push({ code: ErrorCodes.input, message: `${displayName(e.abs, cwd)}: ${e.message}` });
    for (const s of walk.skipped) found.skipped.push(`${displayName(s.abs, cwd)}: ${s.reason}`);
    for (const f of walk.files) if (wanted.test(f.rel)) add(f.abs, abs);
  }
  return found;
}

export function readText(f: FoundFile): { text?: string; error?: Diagnostic } {
  return readModuleText(f.path, f.name);
}

/** Adds Rego modules and merges data files into `engine`; returns every read/parse/data error. */
export function loadInto(engine: Engine, found: Found): Diagnostic[] {
  const errors = [...found.errors];
  for (const f of found.rego) {
    const { text, error } = readText(f);
    if (error) errors.push(error);
    else errors.push(...engine.addModule(f.name, text!));
  }
  for (const f of found.data) {
    const { value, error } = readDataFile(f.path, f.name);
    if (error) errors.push(error);
    else if (value !== undefined) for (const d of engine.addData(value, f.at ?? [])) errors.push({ ...d, message: `${f.name}: ${d.message}` });
  }
  return errors;
}
