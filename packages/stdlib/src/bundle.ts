/**
 * The standard library without a file system: policies and default data from the generated
 * bundle (src/generated/policy-bundle.ts, written by scripts/gen-bundle.mjs before every build),
 * and the helpers both package entries share to build engines and policy lists from a bundle.
 */
import { Engine, parseModule, type Diagnostic, type EngineOptions, type Module } from '@palisade/engine';
import { DEFAULT_DATA, POLICY_SOURCES } from './generated/policy-bundle.js';
import type { PolicySource } from './policies.js';
import { discoverPolicies, type Policy } from './policy-set.js';
import { stdlibBuiltins } from './result-builtin.js';
import type { StdlibBundle } from './scan.js';

/** The stdlib's non-test policies and default data as bundled at build time (fresh arrays each call). */
export function bundledStdlib(): StdlibBundle {
  return {
    policies: POLICY_SOURCES.map((p) => ({ file: p.file, source: p.source })),
    data: [...DEFAULT_DATA],
  };
}

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
