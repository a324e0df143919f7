/**
 * The static type of each rule set, as OPA's type checker records it for refs and calls: the union
 * of its definitions' value types (complete rules, else and default values included), `set[K]` for
 * partial sets, `object[K: V]` for object rules with one variable key, and argument and result types
 * for functions (unions position by position). A rule set any of whose definitions has a type error
 * in its body is untyped (OPA's `any`), so that its users are not blamed for it.
 *
 * Types are computed on first use, which visits rule sets in dependency order (recursion has been
 * rejected before type checking), and are kept per rule set: queries compiled later against the
 * same rules reuse them.
 */
import type { BType } from '../builtins/signature.js';
import { ANY, unionOf } from './type-lattice.js';
import type { IRTerm } from './ir.js';
import type { RuleDef, RuleSet, TreeNode } from './rule-tree.js';

/** What checking one definition (or one else clause) found. */
export interface DefTypes {
  /** Its body (or head) had a type error. */
  failed: boolean;
  /** Types of the function arguments (functions only). */
  args: BType[];
  /** Types of the head key segments after the ground prefix (object rules) or of the set member. */
  keys: BType[];
  value: BType;
}

export type RuleSetType =
  | { k: 'value'; type: BType }
  | { k: 'function'; args: BType[]; result: BType };

const types = new WeakMap<RuleSet, RuleSetType | null | 'pending'>();

/**
 * The type of the rule set at `node` (undefined: untyped). `check` type-checks one definition,
 * reporting its errors, and returns what it found for the definition and each else clause.
 */
export function ruleSetType(node: TreeNode, check: (def: RuleDef) => DefTypes[]): RuleSetType | undefined {
  const rs = node.ruleSet;
  if (!rs) return undefined;
  const hit = types.get(rs);
  if (hit === 'pending') return undefined;
  if (hit !== undefined) return hit ?? undefined;
  types.set(rs, 'pending');
  const found: DefTypes[] = [];
  for (const d of [...rs.defs, ...(rs.defaultDef ? [rs.defaultDef] : [])]) found.push(...check(d));
  const t = combine(rs, node, found);
  types.set(rs, t ?? null);
  return t;
}

function combine(rs: RuleSet, node: TreeNode, found: DefTypes[]): RuleSetType | undefined {
  if (found.length === 0 || found.some((f) => f.failed)) return undefined;
  const value = unionOf(found.map((f) => f.value));
  switch (rs.kind) {
    case 'function': {
      const args: BType[] = [];
      for (let i = 0; i < rs.arity; i++) args.push(unionOf(found.map((f) => f.args[i] ?? ANY)));
      return { k: 'function', args, result: value };
    }
    case 'complete':
      // Rules below this one extend its value beyond what its definitions say.
      return node.children.size === 0 ? { k: 'value', type: value } : undefined;
    case 'set':
      return { k: 'value', type: { k: 'set', of: unionOf(found.map((f) => f.keys[0] ?? ANY)) } };
    case 'object':
      // `o[k] := v`: an object of its key and value types. Scalar constant keys (`o[0] := v`) are
      // paths to OPA, not object types (composite ones, `o[[]]`, are rewritten to variables), and
      // deeper key paths are left untyped.
      if (rs.defs.some((d) => d.multi || d.keyPath.length !== 1 || scalarConst(d.keyPath[0])) || node.children.size) return undefined;
      return { k: 'value', type: { k: 'object', key: unionOf(found.map((f) => f.keys[0] ?? ANY)), value } };
  }
}

function scalarConst(t: IRTerm): boolean {
  return t.t === 'const' && (t.v === null || typeof t.v !== 'object');
}

/**
 * `ruleSets` with every rule set after the ones it reads (from the `analyze-dependencies` stage),
 * so that typing each finds its dependencies typed: a long chain of rules never nests typing
 * deeper than one rule. Iterative, for the same reason.
 */
export function dependencyOrder(ruleSets: readonly RuleSet[]): RuleSet[] {
  const order: RuleSet[] = [];
  const seen = new Set<RuleSet>();
  for (const root of ruleSets) {
    if (seen.has(root)) continue;
    seen.add(root);
    const stack: [RuleSet, Iterator<RuleSet>][] = [[root, (root.dependencies?.rules ?? new Set<RuleSet>()).values()]];
    while (stack.length) {
      const top = stack[stack.length - 1];
      const next = top[1].next();
      if (next.done) {
        order.push(top[0]);
        stack.pop();
      } else if (!seen.has(next.value)) {
        seen.add(next.value);
        stack.push([next.value, (next.value.dependencies?.rules ?? new Set<RuleSet>()).values()]);
      }
    }
  }
  return order;
}
