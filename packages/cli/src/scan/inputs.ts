/**
 * Policies (`-p`) and data (`-d`) for `palisade scan`, read from files into the plain values
 * `scan()` takes. Read problems are reported per file, never thrown.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { PolicySource } from '@palisade/stdlib';
import { DATA_PATH_EXTENSIONS, expandDataPaths, expandPaths, readDataFile, readModuleText } from '../data-files.js';

export interface PolicyInputs {
  policies: PolicySource[];
  /** How many of `policies` came from the policy paths (the rest are `-d` helper modules). */
  policyFiles: number;
  data: unknown[];
  errors: string[];
  /** Things the user should know about what was loaded (printed as notes). */
  notes: string[];
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The `lib` directory of a trivy-checks checkout that a policy path lies in (`<root>/checks/…`
 * beside `<root>/lib`). Trivy ships those libraries inside its binary, so its checks import
 * `data.lib.*` without the user passing them; Palisade loads them from the checkout instead.
 */
function trivyLibraryDir(path: string): string | undefined {
  let dir = resolve(path);
  for (let up = 0; up < 6; up++) {
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    if (dir.endsWith(`${sep}checks`) && isDir(join(parent, 'lib'))) return join(parent, 'lib');
    dir = parent;
  }
  return undefined;
}

const IMPORTS_LIB = /^\s*import\s+data\.lib\./m;
const DECLARES_LIB = /^\s*package\s+lib(\.|\s|$)/m;

/** Trivy libraries to add for the policies read so far (none when they are loaded already). */
function missingTrivyLibraries(policyPaths: readonly string[], policies: readonly PolicySource[]): string[] {
  if (!policies.some((p) => IMPORTS_LIB.test(p.source)) || policies.some((p) => DECLARES_LIB.test(p.source))) return [];
  const dirs = new Set<string>();
  for (const p of policyPaths) {
    const lib = trivyLibraryDir(isDir(p) ? join(p, '_') : p);
    if (lib && existsSync(lib)) dirs.add(lib);
  }
  return [...dirs].sort();
}

function shown(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel.split(sep).join('/') : file;
}

function readText(file: string, cwd: string, errors: string[]): string | undefined {
  const { text, error } = readModuleText(file, shown(file, cwd));
  if (error) errors.push(error.message);
  return text;
}

/**
 * `-p` paths: `.rego` files (directories recursively; `_test.rego` files are skipped, they hold
 * no deny/warn rules). `-d` paths: `.json`/`.yaml` data merged at their directory path (as OPA's loader), `.rego` helper modules.
 */
export function readPolicyInputs(policyPaths: readonly string[], dataPaths: readonly string[], cwd: string): PolicyInputs {
  const out: PolicyInputs = { policies: [], policyFiles: 0, data: [], errors: [], notes: [] };
  // Relative to the command's working directory (which embedders may set apart from the process's).
  for (const file of expandPaths(policyPaths.map((p) => resolve(cwd, p)), ['rego'])) {
    if (file.endsWith('_test.rego')) continue;
    const text = readText(file, cwd, out.errors);
    if (text !== undefined) out.policies.push({ file: shown(file, cwd), source: text });
  }
  out.policyFiles = out.policies.length;
  for (const lib of missingTrivyLibraries(policyPaths.map((p) => resolve(cwd, p)), out.policies)) {
    out.notes.push(`note: loading the Trivy libraries the checks import from ${shown(lib, cwd)}`);
    for (const file of expandPaths([lib], ['rego'])) {
      if (file.endsWith('_test.rego')) continue;
      const text = readText(file, cwd, out.errors);
      if (text !== undefined) out.policies.push({ file: shown(file, cwd), source: text });
    }
  }
  for (const { file, at } of expandDataPaths(dataPaths.map((p) => resolve(cwd, p)), DATA_PATH_EXTENSIONS)) {
    if (file.endsWith('.rego')) {
      const text = readText(file, cwd, out.errors);
      if (text !== undefined) out.policies.push({ file: shown(file, cwd), source: text });
      continue;
    }
    const { value, error } = readDataFile(file, shown(file, cwd));
    if (error) out.errors.push(error.message);
    else if (value === undefined) continue;
    else if (at.length) out.data.push(at.reduceRight<unknown>((v, k) => ({ [k]: v }), value));
    // `scan()` merges data values at the root, where only an object has keys to merge.
    else if (typeof value !== 'object' || Array.isArray(value)) out.errors.push(`${shown(file, cwd)}: data files must hold an object`);
    else out.data.push(value);
  }
  return out;
}
