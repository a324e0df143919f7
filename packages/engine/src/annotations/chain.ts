/**
 * `rego.metadata.rule()` / `rego.metadata.chain()` values in OPA's output shape, plus a registry
 * that lets an evaluation find the annotation set of the policy it runs against.
 */
import type { Module, Rule } from '../syntax/ast.js';
import type { TreeNode } from '../compile/rule-tree.js';
import { fromJS } from '../value/json.js';
import type { Value } from '../value/types.js';
import type { AnnotationFields } from './parse.js';
import { annotationChain, buildAnnotationSet, type AnnotationSet } from './scopes.js';

/** OPA's object form of one annotation block (only non-empty fields; `scope` always). */
export function annotationObject(f: AnnotationFields): Record<string, unknown> {
  const o: Record<string, unknown> = { scope: f.scope };
  if (f.title) o.title = f.title;
  if (f.entrypoint) o.entrypoint = true;
  if (f.description) o.description = f.description;
  if (f.organizations?.length) o.organizations = f.organizations;
  if (f.relatedResources?.length) o.related_resources = f.relatedResources.map((r) => (r.description ? { ref: r.ref, description: r.description } : { ref: r.ref }));
  if (f.authors?.length) {
    o.authors = f.authors.map((a) => {
      const x: Record<string, string> = {};
      if (a.name) x.name = a.name;
      if (a.email) x.email = a.email;
      return x;
    });
  }
  if (f.schemas?.length) {
    o.schemas = f.schemas.map((s) => {
      const x: Record<string, unknown> = { path: s.path };
      if (s.schema) x.schema = s.schema;
      if (s.definition !== undefined) x.definition = s.definition;
      return x;
    });
  }
  if (f.custom && Object.keys(f.custom).length) o.custom = f.custom;
  return o;
}

function toValue(x: unknown): Value {
  return fromJS(x) ?? null;
}

/** `rego.metadata.rule()`: the closest `rule`-scoped block of the rule, or `{}`. */
export function metadataRuleValue(set: AnnotationSet, mod: Module, rule: Rule): Value {
  const own = annotationChain(set, mod, rule)[0];
  return toValue(own.entry ? annotationObject(own.entry.fields) : {});
}

/** `rego.metadata.chain()`: `[{path, annotations?}]` from the rule outwards. */
export function metadataChainValue(set: AnnotationSet, mod: Module, rule: Rule): Value {
  return toValue(
    annotationChain(set, mod, rule).map((link) => (link.entry ? { path: link.path, annotations: annotationObject(link.entry.fields) } : { path: link.path })),
  );
}

const registry = new WeakMap<object, { modules: () => Module[]; set?: AnnotationSet }>();

/** Associates the modules of a compiled policy with a key object (the policy's evaluator). */
export function bindAnnotationModules(key: object, modules: Module[]): void {
  registry.set(key, { modules: () => modules });
}

/** The annotation set for `key` (built on first use; from `fallback` modules when none were bound). */
export function annotationSetFor(key: object, fallback: () => Module[]): AnnotationSet {
  let entry = registry.get(key);
  if (!entry) registry.set(key, (entry = { modules: fallback }));
  entry.set ??= buildAnnotationSet(entry.modules());
  return entry.set;
}

/** Modules that define at least one rule of a rule tree (fallback when no module list was bound). */
export function modulesOfTree(root: TreeNode): Module[] {
  const seen = new Set<Module>();
  const visit = (n: TreeNode): void => {
    for (const d of n.ruleSet?.defs ?? []) seen.add(d.module);
    if (n.ruleSet?.defaultDef) seen.add(n.ruleSet.defaultDef.module);
    for (const c of n.children.values()) visit(c);
  };
  visit(root);
  return [...seen];
}
