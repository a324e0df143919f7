/**
 * Helpers both package entries share to build engines and policy lists from a `StdlibBundle`
 * (policy sources + data as values). No file system and no generated bundle here: the Node entry
 * feeds them the package's files, the browser entry the generated bundle (bundled-stdlib.ts).
 */
import { Engine, parseModule, type Diagnostic, type EngineOptions, type Module } from '@palisade/engine';
import type { PolicySource } from './policies.js';
import { discoverPolicies, type Policy } from './policy-set.js';
import { stdlibBuiltins } from './result-builtin.js';
import type { StdlibBundle } from './scan.js';

/** An engine with the stdlib builtins and the given bundle's policies and data loaded (not yet compiled). */
export function engineFromBundle(bundle: StdlibBundle, options: { engine?: EngineOptions } = {}): { engine: Engine; errors: Diagnostic[] } {
  const engine = new Engine({ ...options.engine, builtins: [...stdlibBuiltins, ...(options.engine?.builtins ?? [])] });
  const errors: Diagnostic[] = [];
  for (const p of bundle.policies) errors.push(...engine.addModule(p.file, p.source));
  for (const d of bundle.data) errors.push(...engine.addData(d));
  return { engine, errors };
}

/** Options of `listPolicies()`. */
export interface ListPoliciesOptions {
  /** Extra (user) policy sources to describe alongside the stdlib. */
  policies?: readonly PolicySource[];
  /** Include the standard library (default true). */
  stdlib?: boolean;
}

/**
 * The policies (packages with `deny`/`violation`/`warn` rules) of the given sources with their
 * METADATA, sorted by package. Parses only (no compile); files that fail to parse are skipped.
 */
export function describePolicies(stdlib: readonly PolicySource[], user: readonly PolicySource[] = []): Policy[] {
  const modules: Module[] = [];
  const stdlibFiles = new Set<string>();
  for (const p of stdlib) {
    const { module } = parseModule(p.file, p.source);
    if (!module) continue;
    stdlibFiles.add(p.file);
    modules.push(module);
  }
  for (const p of user) {
    const { module } = parseModule(p.file, p.source);
    if (module) modules.push(module);
  }
  return discoverPolicies(modules, stdlibFiles);
}
