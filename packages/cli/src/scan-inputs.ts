/**
 * Policies (`-p`) and data (`-d`) for `palisade scan`, read from files into the plain values
 * `scan()` takes. Read problems are reported per file, never thrown.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseJSONExact } from '@palisade/engine';
import type { PolicySource } from '@palisade/stdlib';
import { expandPaths } from './load-policies.js';

export interface PolicyInputs {
  policies: PolicySource[];
  /** How many of `policies` came from the policy paths (the rest are `-d` helper modules). */
  policyFiles: number;
  data: unknown[];
  errors: string[];
}

function shown(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel.split(sep).join('/') : file;
}

function readText(file: string, cwd: string, errors: string[]): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    errors.push(`${shown(file, cwd)}: ${code === 'ENOENT' ? 'no such file or directory' : `cannot read file: ${code ?? (e as Error).message}`}`);
    return undefined;
  }
}

/**
 * `-p` paths: `.rego` files (directories recursively; `_test.rego` files are skipped, they hold
 * no deny/warn rules). `-d` paths: `.json`/`.yaml` data merged at the root, `.rego` helper modules.
 */
export function readPolicyInputs(policyPaths: readonly string[], dataPaths: readonly string[], cwd: string): PolicyInputs {
  const out: PolicyInputs = { policies: [], policyFiles: 0, data: [], errors: [] };
  // Relative to the command's working directory (which embedders may set apart from the process's).
  for (const file of expandPaths(policyPaths.map((p) => resolve(cwd, p)), ['rego'])) {
    if (file.endsWith('_test.rego')) continue;
    const text = readText(file, cwd, out.errors);
    if (text !== undefined) out.policies.push({ file: shown(file, cwd), source: text });
  }
  out.policyFiles = out.policies.length;
  for (const file of expandPaths(dataPaths.map((p) => resolve(cwd, p)), ['rego', 'json', 'yaml', 'yml'])) {
    const text = readText(file, cwd, out.errors);
    if (text === undefined) continue;
    if (file.endsWith('.rego')) {
      out.policies.push({ file: shown(file, cwd), source: text });
      continue;
    }
    try {
      const value = file.endsWith('.json') ? parseJSONExact(text) : parseYaml(text, { maxAliasCount: 100 });
      if (value === null || value === undefined) continue;
      if (typeof value !== 'object' || Array.isArray(value)) out.errors.push(`${shown(file, cwd)}: data files must hold an object`);
      else out.data.push(value);
    } catch (e) {
      out.errors.push(`${shown(file, cwd)}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  return out;
}
