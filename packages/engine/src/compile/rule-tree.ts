/**
 * The rule tree for `data`: every rule is placed at the longest ground prefix of its head
 * reference (`a.b[x].c := 1` lives at `a.b` with key path `[x, "c"]`). One RuleSet per path
 * holds all definitions of that path; its kind decides how values combine.
 */
import type { Rule, Term } from '../syntax/ast.js';
import type { RuleKind, TreeNode } from './rule-types.js';

// The evaluator and the compile stages name these types from here too; they are defined in rule-types.ts.
export type { ElseIR, RuleDef, RuleKind, RuleSet, TreeNode } from './rule-types.js';

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
