/**
 * THE reader of `-d`/`--data` files for every command (eval, scan, test, check, inspect, bench…):
 * where OPA's loader puts each data file in `data`, how JSON and YAML are parsed (exact numbers;
 * YAML aliases capped at the engine's MAX_YAML_ALIASES) and how a file that cannot be read or
 * parsed is reported (a `palisade_input_error` naming the file, never an exception).
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ErrorCodes, MAX_YAML_ALIASES, parseJSONExact, type Diagnostic } from '@palisade/engine';
import { readInputFile } from './read-input.js';
import { walkTree } from './walk-tree.js';

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

/** The extensions `-d` reads: Rego modules and JSON/YAML data. */
export const DATA_PATH_EXTENSIONS = ['rego', 'json', 'yaml', 'yml'];

/** Files with one of `exts` under each path (directories recursively, sorted), with their data paths. */
export function expandDataPaths(paths: readonly string[], exts: readonly string[]): FoundPath[] {
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
export function expandPaths(paths: readonly string[], exts: readonly string[]): string[] {
  return expandDataPaths(paths, exts).map((f) => f.file);
}

/** YAML text as a value, aliases capped (throws the yaml package's error). */
export function parseYamlValue(text: string): unknown {
  return parseYaml(text, { maxAliasCount: MAX_YAML_ALIASES });
}

export type DataRead = { value: unknown; error?: undefined } | { value?: undefined; error: Diagnostic };

/**
 * The value of a data file's text (`.json` as exact JSON, anything else as YAML); `undefined` for
 * an empty document. `name` is the file as shown to people, prefixed to the error message.
 */
export function parseDataText(name: string, text: string, json = name.endsWith('.json')): DataRead {
  try {
    const value: unknown = json ? parseJSONExact(text) : parseYamlValue(text);
    return { value: value === null ? undefined : value };
  } catch (e) {
    return { error: { code: ErrorCodes.input, message: `${name}: invalid ${json ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}` } };
  }
}

/** Reads and parses one data file (regular files only, size-capped as every input is). */
export function readDataFile(path: string, name: string): DataRead {
  const r = readInputFile(path);
  if (r.error) return { error: { code: ErrorCodes.input, message: `${name}: ${r.error.message}` } };
  return parseDataText(name, r.text!, path.endsWith('.json'));
}

/** Reads a Rego module's text, with the same errors as `readDataFile`. */
export function readModuleText(path: string, name: string): { text: string; error?: undefined } | { text?: undefined; error: Diagnostic } {
  const r = readInputFile(path);
  return r.error ? { error: { code: ErrorCodes.input, message: `${name}: ${r.error.message}` } } : { text: r.text! };
}
