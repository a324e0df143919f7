/**
 * The rule tree for `data`: every rule is placed at the longest ground prefix of its head
 * reference (`a.b[x].c := 1` lives at `a.b` with key path `[x, "c"]`). One RuleSet per path
 * holds all definitions of that path; its kind decides how values combine.
 */
import type { Module, Rule, Term } from '../syntax/ast.js';
import type { Location } from '../syntax/location.js';
import type { IRBody, IRTerm } from './ir.js';
import type { RuleDependencies } from './dependencies.js';

export type RuleKind = 'complete' | 'set' | 'object' | 'function';

export interface ElseIR {
  value: IRTerm;
  body: IRBody;
  loc: Location;
}

export interface RuleDef {
  module: Module;
  rule: Rule;
  pkg: string[];
  kind: RuleKind;
  /** Head ref segments after the ground prefix (object rules); AST until lowered. */
  keyTerms: Term[];
  /** Lowered parts, filled by the `lower` stage. */
  keyPath: IRTerm[];
  key?: IRTerm;
  value?: IRTerm;
  args?: IRTerm[];
  body: IRBody;
  elses: ElseIR[];
  /** Frame size (number of local variable slots). */
  nslots: number;
  slotNames: string[];
  isDefault: boolean;
  /** Object rule whose leaves collect values into sets (`p[q] contains r`). */
  multi: boolean;
  loc: Location;
  /** Index of this definition in its rule set (for tracing/coverage). */
  index: number;
}

export interface RuleSet {
  /** Full path below `data` (package segments + ground head segments). */
  path: string[];
  kind: RuleKind;
  defs: RuleDef[];
  defaultDef?: RuleDef;
  arity: number;
  id: number;
  /** Filled by the `analyze-dependencies` stage. */
  dependencies?: RuleDependencies;
}

export interface TreeNode {
  path: string[];
  children: Map<string, TreeNode>;
  ruleSet?: RuleSet;
  /** True when some package declares exactly this path or a path below it. */
  isPackage: boolean;
}

export function newNode(path: string[]): TreeNode {
  return { path, children: new Map(), isPackage: false };
}

export function childNode(node: TreeNode, name: string): TreeNode {
  let c = node.children.get(name);
  if (!c) {
    c = newNode([...node.path, name]);
    node.children.set(name, c);
  }
  return c;
}

export function findNode(root: TreeNode, path: readonly string[]): TreeNode | undefined {
  let n: TreeNode | undefined = root;
  for (const p of path) {
    n = n.children.get(p);
    if (!n) return undefined;
  }
  return n;
}

/** Ground prefix (strings) of a rule head and the remaining key terms. */
export function headSplit(rule: Rule): { ground: string[]; rest: Term[] } {
  const ref = rule.head.ref;
  if (ref.type === 'var') return { ground: [ref.name], rest: [] };
  const head = ref.head;
  const ground = [head.type === 'var' ? head.name : '?'];
  let i = 0;
  for (; i < ref.path.length; i++) {
    const seg = ref.path[i];
    if (seg.type !== 'string') break;
    ground.push(seg.value);
  }
  return { ground, rest: ref.path.slice(i) };
}

export function ruleKindOf(rule: Rule, rest: Term[]): RuleKind {
  if (rule.head.args) return 'function';
  // `p[q] contains r` is an object whose leaves are sets (see RuleDef.multi).
  if (rule.head.contains) return rest.length > 0 ? 'object' : 'set';
  if (rest.length > 0) return 'object';
  return 'complete';
}
