/**
 * conftest conventions: rule names, `exception` rules, `data.conftest.file`, the `--combine`
 * input, and which Dockerfile shape a policy receives.
 */
import { dockerfileConftestInput } from './loaders/dockerfile.js';
import { dockerignoreConftestInput } from './loaders/dockerignore.js';
import type { Diagnostic, Module } from '@palisade/engine';
import type { InputDocument } from './model.js';

/**
 * conftest's "problematic if" check (OPA issue 6509): `deny[msg] if { … }` without `contains`
 * is, in Rego v1, an object rule `deny[msg] = true` — not the set of messages its author meant —
 * so conftest refuses it. The same diagnostic, for user modules.
 */
export function problematicIf(modules: readonly Module[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const m of modules) {
    for (const r of m.rules) {
      const h = r.head;
      if (h.ref.type !== 'ref' || h.args || h.contains || h.value !== undefined || h.ref.path.length === 0) continue;
      const head = h.ref.head;
      if (head.type !== 'var' || !RULE_NAME.test(head.name)) continue;
      out.push({
        code: 'rego_compile_error',
        message: `rule is using 'if' keyword without 'contains' keyword: ${head.name}[…] if {…} defines an object; write \`${head.name} contains … if\``,
        location: h.loc,
      });
    }
  }
  return out;
}

/** The kind of a policy rule, from its name prefix: `deny*`, `violation*` (failures) or `warn*` (warnings). */
export type RuleKind = 'deny' | 'violation' | 'warn';

/** `deny`, `violation`, `warn`, optionally suffixed: `deny_run_as_root`. */
export const RULE_NAME = /^(deny|violation|warn)(_[A-Za-z0-9_]+)?$/;

export function ruleKind(name: string): RuleKind {
  return name.startsWith('warn') ? 'warn' : name.startsWith('violation') ? 'violation' : 'deny';
}

/**
 * The name an `exception` entry uses for a rule: conftest strips the `deny_`/`violation_`/`warn_`
 * prefix (`deny_root` → `root`); an unsuffixed rule keeps its name (`deny`).
 */
export function exceptionName(rule: string): string {
  const m = /^(deny|violation|warn)_(.+)$/.exec(rule);
  return m ? m[2]! : rule;
}

/**
 * Names listed by an `exception` rule's value: conftest's `exception contains ["a", "b"]` makes a
 * set of arrays; a set of plain strings is accepted too.
 */
export function exceptionNames(value: unknown): Set<string> {
  const out = new Set<string>();
  const visit = (v: unknown, depth: number): void => {
    if (typeof v === 'string') out.add(v);
    else if (depth < 2 && v !== null && typeof v === 'object' && Symbol.iterator in v) {
      for (const x of v as Iterable<unknown>) visit(x, depth + 1);
    }
  };
  visit(value, 0);
  return out;
}

/** `data.conftest.file`: base name and directory (joined to `root` when the path is relative). */
export function conftestFile(path: string, root?: string): { name: string; dir: string } {
  const p = path.replace(/\\/g, '/');
  const i = p.lastIndexOf('/');
  const name = i === -1 ? p : p.slice(i + 1);
  let dir = i === -1 ? '' : p.slice(0, i) || '/';
  if (!p.startsWith('/') && root) dir = dir ? `${root.replace(/\/+$/, '')}/${dir}` : root;
  return { name, dir: dir || '.' };
}

/** Which Dockerfile document shape user policies receive: Trivy's, conftest's, or chosen per policy (`auto`). */
export type DockerfileShape = 'trivy' | 'conftest' | 'auto';

/** Whether a policy gets Trivy's Dockerfile shape (the stdlib always does). */
export function wantsTrivyShape(stdlib: boolean, trivyStyle: boolean, shape: DockerfileShape): boolean {
  if (stdlib) return true;
  if (shape === 'trivy') return true;
  if (shape === 'conftest') return false;
  return trivyStyle;
}

/**
 * The input a policy sees for a document: policies not written for Trivy get conftest's shapes of
 * Dockerfiles (flat command list) and `.dockerignore` files (`[{Kind, Value, Original}]`).
 */
export function documentInput(doc: InputDocument, trivy: boolean): unknown {
  if (trivy) return doc.value;
  if (doc.kind === 'dockerfile') return dockerfileConftestInput(doc);
  if (doc.kind === 'dockerignore') return dockerignoreConftestInput(doc);
  return doc.value;
}

/** Documents in the order of conftest's combined input: by path, a file's documents in order. */
export function combinedOrder(documents: readonly InputDocument[]): InputDocument[] {
  return [...documents].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * conftest's `--combine` input: one `{path, contents}` entry per document, sorted by path (a
 * multi-document YAML file gives one entry per document, all with its path), as conftest's
 * CombineConfigurations builds it.
 */
export function combinedInput(documents: readonly InputDocument[], trivy: boolean): { path: string; contents: unknown }[] {
  return combinedOrder(documents).map((d) => ({ path: d.path, contents: documentInput(d, trivy) }));
}
