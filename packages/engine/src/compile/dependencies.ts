/**
 * Stage `analyze-dependencies`: what each rule set's value depends on, transitively: other rule
 * sets, `input`, base-data paths, and nondeterministic builtins (or `print`). The evaluator uses it
 * to keep values of rules that depend on none of the per-evaluation parts (input, per-evaluation
 * data overrides, nondeterminism) across evaluations of the same compiled policy — e.g. helper
 * rules over `data.palisade.inventory` are computed once per scan, not once per document.
 */
import type { IRExpr, IRTerm } from './ir.js';
import type { RuleDependencies, RuleSet, TreeNode } from './rule-types.js';
import type { CompileState } from './state.js';
import { defTerms, visitExpr, visitExprsDeep, visitTermExprsDeep } from './walk-ir.js';

export function analyzeDependencies(st: CompileState): void {
  const direct = new Map<RuleSet, RuleDependencies>();
  for (const rs of st.ruleSets) {
    const d: RuleDependencies = { rules: new Set(), shielded: new Set(), input: false, volatile: false, dataReads: [] };
    for (const def of [...rs.defs, ...(rs.defaultDef ? [rs.defaultDef] : [])]) {
      const shielded = inputReplaced(def);
      defTerms(def, (t) => visit(st.tree, t, d, shielded.has(t)));
    }
    direct.set(rs, d);
  }
  // Transitive closure; cycles (only possible through dynamic refs) are cut conservatively.
  const done = new Map<RuleSet, RuleDependencies>();
  const onStack = new Set<RuleSet>();
  const close = (rs: RuleSet): RuleDependencies => {
    const hit = done.get(rs);
    if (hit) return hit;
    const d = direct.get(rs)!;
    const out: RuleDependencies = { rules: d.rules, shielded: d.shielded, input: d.input, volatile: d.volatile, dataReads: [...d.dataReads] };
    if (onStack.has(rs)) return { ...out, input: true };
    onStack.add(rs);
    for (const dep of d.rules) {
      const c = close(dep);
      out.input ||= c.input;
      out.volatile ||= c.volatile;
      out.dataReads.push(...c.dataReads);
    }
    for (const dep of d.shielded) {
      const c = close(dep);
      out.volatile ||= c.volatile;
      out.dataReads.push(...c.dataReads);
    }
    onStack.delete(rs);
    done.set(rs, out);
    return out;
  };
  for (const rs of st.ruleSets) rs.dependencies = close(rs);
}

/**
 * The terms of `def` evaluated with the whole input replaced (`with input as v`, not `with
 * input.x as v`), nested expressions included; the replacement values themselves are not, since
 * OPA evaluates them before applying the modifier.
 */
function inputReplaced(def: Parameters<typeof defTerms>[0]): Set<IRTerm> {
  const out = new Set<IRTerm>();
  const mark = (e: IRExpr) => {
    if (e.with.some((w) => w.target.kind === 'input' && w.target.path.length === 0)) visitExpr({ ...e, with: [] }, (t) => out.add(t));
  };
  visitExprsDeep(def.body, mark);
  for (const e of def.elses) {
    visitExprsDeep(e.body, mark);
    visitTermExprsDeep(e.value, mark);
  }
  for (const t of [...def.keyPath, ...(def.key ? [def.key] : []), ...(def.value ? [def.value] : []), ...(def.args ?? [])]) visitTermExprsDeep(t, mark);
  return out;
}

function visit(tree: TreeNode, t: IRTerm, d: RuleDependencies, inputReplacedHere: boolean): void {
  const rules = inputReplacedHere ? d.shielded : d.rules;
  if (t.t === 'call') {
    if (t.fn.kind === 'builtin') {
      if (t.fn.decl.nondeterministic || t.fn.name === 'print') d.volatile = true;
    } else {
      const rs = nodeAt(tree, t.fn.path)?.ruleSet;
      if (rs) rules.add(rs);
      else d.input = true; // unknown target: be conservative
    }
    return;
  }
  if (t.t !== 'ref') return;
  if (t.root.kind === 'input') {
    if (!inputReplacedHere) d.input = true;
    return;
  }
  if (t.root.kind !== 'data') return;
  // Follow the constant prefix through the rule tree: rules met are dependencies, the rest is base data.
  const prefix: string[] = [];
  let node: TreeNode | undefined = tree;
  for (const seg of t.path) {
    if (seg.t !== 'const' || typeof seg.v !== 'string') break;
    prefix.push(seg.v);
    node = node?.children.get(seg.v);
    if (node?.ruleSet) break;
  }
  d.dataReads.push(prefix);
  if (node) addSubtree(node, rules);
}

function nodeAt(tree: TreeNode, path: string[]): TreeNode | undefined {
  let n: TreeNode | undefined = tree;
  for (const p of path) n = n?.children.get(p);
  return n;
}

function addSubtree(node: TreeNode, out: Set<RuleSet>): void {
  if (node.ruleSet) out.add(node.ruleSet);
  for (const c of node.children.values()) addSubtree(c, out);
}
