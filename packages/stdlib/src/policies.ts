/**
 * Access to the bundled policies and default data. Node-only (reads the package's files); the
 * browser build uses the generated bundle instead (see scripts/gen-bundle).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Engine, MAX_YAML_ALIASES, type Diagnostic, type EngineOptions, type RegoVersion } from '@palisade/engine';
import { stdlibBuiltins } from './result-builtin.js';

/**
 * Root of the @palisade/stdlib package, found by package name rather than relative to this file,
 * so it holds from src/, from dist/ and from a bundle that inlines this module (the CLI's).
 */
export const STDLIB_ROOT = dirname(createRequire(import.meta.url).resolve('@palisade/stdlib/package.json'));

/** A policy file given as text: its file name (used in diagnostics) and Rego source. */
export interface PolicySource {
  /** Path relative to the stdlib package root, e.g. `policies/dockerfile/user.rego`. */
  file: string;
  source: string;
  /** Rego version of this file when it is fixed (an OPA bundle manifest's); else the scan's. */
  regoVersion?: RegoVersion;
}

function walk(dir: string, out: string[]): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names.sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** Every `.rego` file of the stdlib; `tests` includes `_test.rego` files. */
export function stdlibPolicySources(opts: { tests?: boolean } = {}): PolicySource[] {
  return walk(join(STDLIB_ROOT, 'policies'), [])
    .filter((p) => p.endsWith('.rego') && (opts.tests || !p.endsWith('_test.rego')))
    .map((p) => ({ file: relative(STDLIB_ROOT, p), source: readFileSync(p, 'utf8') }));
}

/** Default data (`data/*.yaml`, merged), e.g. `{palisade: {config: {...}}}`. */
export function stdlibData(): Record<string, unknown>[] {
  return walk(join(STDLIB_ROOT, 'data'), [])
    .filter((p) => /\.ya?ml$/.test(p))
    .map((p) => parseYaml(readFileSync(p, 'utf8'), { maxAliasCount: MAX_YAML_ALIASES }) as Record<string, unknown>)
    .filter((d) => d && typeof d === 'object');
}

/** An engine with the stdlib builtins, policies and default data loaded (not yet compiled). */
export function createStdlibEngine(opts: { tests?: boolean; engine?: EngineOptions } = {}): { engine: Engine; errors: Diagnostic[] } {
  const engine = new Engine({ ...opts.engine, builtins: [...stdlibBuiltins, ...(opts.engine?.builtins ?? [])] });
  const errors: Diagnostic[] = [];
  for (const p of stdlibPolicySources({ tests: opts.tests })) errors.push(...engine.addModule(p.file, p.source));
  for (const d of stdlibData()) errors.push(...engine.addData(d));
  return { engine, errors };
}
