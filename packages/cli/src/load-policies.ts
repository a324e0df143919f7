/**
 * Reads policy and data files for commands that take `-d/--data` paths: `.rego` files become
 * modules, `.json`/`.yaml` files are merged into `data` (at their directory path when loaded
 * from a directory, as OPA's loader does; at the root when named directly).
 */
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Engine, parseJSONExact, type Diagnostic } from '@palisade/engine';
import { applyTrivyBuiltins, stdlibBuiltins } from '@palisade/stdlib';
import { walkTree } from './walk-tree.js';

export interface LoadedPolicies {
  engine: Engine;
  errors: Diagnostic[];
  files: string[];
}

/** A file found under one of the paths given, with the data path OPA's loader gives it. */
export interface FoundPath {
  file: string;
  /**
   * Where a data file's value goes in `data`: its directory relative to the directory it was
   * found under (`-d policy/` with `policy/k8s/data.json` → `data.k8s`), as `opa eval -d` loads
   * it; empty for a file named directly.
   */
  at: string[];
}

/** Files with one of `exts` under each path (directories recursively, sorted), with their data paths. */
export function expandDataPaths(paths: readonly string[], exts: string[]): FoundPath[] {
  const out: FoundPath[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      out.push({ file: p, at: [] }); // reported by the reader with a clear message
      continue;
    }
    if (st.isDirectory()) {
      // Links never lead out of the directory and loops end (walk-tree.ts); an unreadable directory is passed on as a path the reader reports.
      const walk = walkTree(p, { dot: false });
      for (const e of walk.errors) out.push({ file: e.abs, at: [] });
      for (const { rel } of walk.files) {
        if (!exts.some((e) => rel.endsWith(`.${e}`))) continue;
        const parts = rel.split('/');
        out.push({ file: resolve(p, rel), at: parts.slice(0, -1) });
      }
    } else out.push({ file: p, at: [] });
  }
  return out;
}

/** Files with one of `exts` under each path (directories recursively, sorted); plain files as given. */
export function expandPaths(paths: string[], exts: string[]): string[] {
  return expandDataPaths(paths, exts).map((f) => f.file);
}

/**
 * The engine comes with the stdlib's extra builtins (`result.new`), so Trivy-style policies and
 * the stdlib itself evaluate under `eval` as they do under `scan` and `test`.
 */
export function loadPolicies(paths: string[], cwd: string, engine = new Engine({ builtins: stdlibBuiltins })): LoadedPolicies {
  const errors: Diagnostic[] = [];
  const found = expandDataPaths(paths, ['rego', 'json', 'yaml', 'yml']);
  const files = found.map((f) => f.file);
  for (const { file, at } of found) {
    const name = relative(cwd, file) || file;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      errors.push({ code: 'palisade_input_error', message: `${name}: cannot read file: ${(e as Error).message}` });
      continue;
    }
    if (file.endsWith('.rego')) {
      errors.push(...engine.addModule(name, text));
    } else {
      try {
        const value = file.endsWith('.json') ? parseJSONExact(text) : parseYaml(text, { maxAliasCount: 100 });
        if (value !== null && value !== undefined) errors.push(...engine.addData(value, at));
      } catch (e) {
        errors.push({ code: 'palisade_input_error', message: `${name}: ${(e as Error).message}` });
      }
    }
  }
  // Trivy checks get Trivy's builtins (auto mode; see docs/migrating-from-trivy.md).
  applyTrivyBuiltins(engine);
  return { engine, errors, files };
}

/** Reads an input document (JSON or YAML; `-` for stdin). */
export async function readInput(path: string, stdin: NodeJS.ReadableStream): Promise<unknown> {
  let text: string;
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const c of stdin) chunks.push(Buffer.from(c as Buffer));
    text = Buffer.concat(chunks).toString('utf8');
  } else text = readFileSync(path, 'utf8');
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return parseJSONExact(text);
    } catch {
      // fall through to YAML, which accepts JSON-like flow syntax with comments
    }
  }
  return parseYaml(text, { maxAliasCount: 100 });
}
