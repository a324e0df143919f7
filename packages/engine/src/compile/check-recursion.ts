/** Stage `check-recursion`: rules and functions must not depend on themselves. */
import { ErrorCodes, PalisadeError } from '../errors.js';
import type { IRTerm } from './ir.js';
import { findNode, type RuleSet, type TreeNode } from './rule-tree.js';
import type { CompileState } from './state.js';
import { defTerms } from './walk-ir.js';

export function checkRecursion(st: CompileState): void {
  const deps = new Map<RuleSet, Set<RuleSet>>();
  for (const rs of st.ruleSets) {
    const out = new Set<RuleSet>();
    for (const def of [...rs.defs, ...(rs.defaultDef ? [rs.defaultDef] : [])]) {
      defTerms(def, (t) => dependencies(st.tree, t, out));
    }
    deps.set(rs, out);
  }
  const state = new Map<RuleSet, 1 | 2>();
  const stack: RuleSet[] = [];
  const reported = new Set<RuleSet>();
  const visit = (rs: RuleSet): void => {
    state.set(rs, 1);
    stack.push(rs);
    for (const d of deps.get(rs) ?? []) {
      const s = state.get(d);
      if (s === 1) {
        const cycle = stack.slice(stack.indexOf(d));
        if (!reported.has(d)) {
          reported.add(d);
          const names = [...cycle, d].map((r) => 'data.' + r.path.join('.'));
          const loc = (d.defs[0] ?? d.defaultDef)!.loc;
          st.errors.push(new PalisadeError(ErrorCodes.recursion, `rule ${names[0]} is recursive: ${names.join(' -> ')}`, loc));
        }
      } else if (s === undefined) visit(d);
    }
    stack.pop();
    state.set(rs, 2);
  };
  for (const rs of st.ruleSets) if (!state.has(rs)) visit(rs);
}

function dependencies(tree: TreeNode, t: IRTerm, out: Set<RuleSet>): void {
  if (t.t === 'call' && t.fn.kind === 'rule') {
    const rs = findNode(tree, t.fn.path)?.ruleSet;
    if (rs) out.add(rs);
    return;
  }
  if (t.t !== 'ref' || t.root.kind !== 'data') return;
  let node: TreeNode | undefined = tree;
  for (const seg of t.path) {
    if (node.ruleSet) break;
    // A non-constant segment selects documents only at run time; like OPA, the static check
    // follows constant paths only (the evaluator's in-progress guard stops dynamic cycles).
    if (seg.t !== 'const' || typeof seg.v !== 'string') return;
    const next: TreeNode | undefined = node.children.get(seg.v as string);
    if (!next) return;
    node = next;
  }
  if (node.ruleSet) out.add(node.ruleSet);
  addSubtree(node, out);
}

function addSubtree(node: TreeNode, out: Set<RuleSet>): void {
  if (node.ruleSet && node.ruleSet.kind !== 'function') out.add(node.ruleSet);
  for (const c of node.children.values()) addSubtree(c, out);
}

export { findNode };
