/**
 * Which stdlib libraries (`policies/lib/*.rego`, packages under `palisade.lib`) a set of modules
 * can reach, following `data.palisade.lib.<name>` references and imports, transitively. Why: a
 * scan of one kind of document compiled every library (Kubernetes, cluster, compose, vulnerability
 * helpers for a Dockerfile), which was a large part of its compile time (docs/performance.md,
 * "Start-up"). Anything that could reach a library by a computed name (`data.palisade.lib[x]`,
 * `data.palisade`, `data` as a whole, an import of a prefix) makes the answer "every library".
 */
import type { Module } from '@palisade/engine';
import type { PolicySource } from './policies.js';

const LIB = ['palisade', 'lib'];

type Refs = Set<string> | 'all';

/** The library names (`x` of `data.palisade.lib.x…`) `mod` refers to, or 'all'. */
export function libraryReferences(mod: Pick<Module, 'imports' | 'rules'>): Refs {
  const names = new Set<string>();
  let all = false;
  const visit = (node: unknown): void => {
    if (all || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const x of node) visit(x);
      return;
    }
    const n = node as Record<string, unknown>;
    if (n['type'] === 'var' && n['name'] === 'data') {
      all = true;
      return;
    }
    if (n['type'] === 'ref' && (n['head'] as { type?: string; name?: string } | undefined)?.type === 'var' && (n['head'] as { name?: string }).name === 'data') {
      const path = n['path'] as { type: string; value?: unknown }[];
      const seg = (i: number): string | undefined => (path[i]?.type === 'string' ? String(path[i].value) : undefined);
      // data.<s0>.<s1>.<s2>: a library is reached only through palisade.lib.<name>.
      for (let i = 0; i < LIB.length; i++) {
        const s = seg(i);
        if (s === undefined) all = true;
        if (s !== LIB[i]) break;
        if (i === LIB.length - 1) {
          const name = seg(LIB.length);
          if (name === undefined) all = true;
          else names.add(name);
        }
      }
      visit(path);
      return;
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'loc') visit(v);
  };
  visit(mod.imports);
  visit(mod.rules);
  return all ? 'all' : names;
}

/** The library name of a module in `palisade.lib.<name>…`, else undefined. */
function libraryName(mod: Module): string | undefined {
  const p = mod.package.path.path.map((t) => (t.type === 'string' ? t.value : undefined));
  return p[0] === LIB[0] && p[1] === LIB[1] && typeof p[2] === 'string' ? p[2] : undefined;
}

/**
 * The files among `libraries` (file → parsed module) that `modules` reach, or undefined when
 * every library must be kept (a computed reference, or a library outside `palisade.lib`).
 */
export function reachableLibraries(modules: readonly Module[], libraries: ReadonlyMap<string, Module>): Set<string> | undefined {
  const byName = new Map<string, string[]>();
  for (const [file, mod] of libraries) {
    const name = libraryName(mod);
    if (name === undefined) return undefined;
    byName.set(name, [...(byName.get(name) ?? []), file]);
  }
  const kept = new Set<string>();
  const queue: Module[] = [...modules];
  for (let mod = queue.pop(); mod; mod = queue.pop()) {
    const refs = libraryReferences(mod);
    if (refs === 'all') return undefined;
    for (const name of refs) {
      for (const file of byName.get(name) ?? []) {
        if (kept.has(file)) continue;
        kept.add(file);
        queue.push(libraries.get(file)!);
      }
    }
  }
  return kept;
}

export const isLibrary = (p: PolicySource): boolean => p.file.startsWith('policies/lib/');

/**
 * The libraries the kept policies reach (library-closure.ts), when the scan is of known kinds and
 * only the stdlib (user policies may call any library); undefined keeps them all, as does a
 * module without an ahead-of-time parse (only the cache's ASTs are walked).
 */
export function librariesToCompile(kept: readonly PolicySource[], parsed: ReadonlyMap<string, Module | undefined>): Set<string> | undefined {
  const libraries = new Map<string, Module>();
  const others: Module[] = [];
  for (const p of kept) {
    const module = parsed.get(p.file);
    if (!module) return undefined;
    if (isLibrary(p)) libraries.set(p.file, module);
    else others.push(module);
  }
  return reachableLibraries(others, libraries);
}
