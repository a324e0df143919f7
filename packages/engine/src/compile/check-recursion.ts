/**
 * Stage `check-recursion`: rules and functions must not depend on themselves. As OPA, the graph's
 * vertices are rule definitions and their else clauses (a reference to a rule reaches all of
 * them), and every vertex on a cycle gets its own error naming a path back to itself.
 */
import { ErrorCodes, PalisadeError } from '../errors.js';
import type { Location } from '../syntax/location.js';
import type { IRBody, IRExpr, IRTerm } from './ir.js';
import { findNode, type RuleDef, type RuleSet, type TreeNode } from './rule-tree.js';
import type { CompileState } from './state.js';
import { visitBody, visitExprsDeep, visitTerm, visitTermExprsDeep } from './walk-ir.js';

interface Vertex {
  rs: RuleSet;
  loc: Location;
  deps: Set<RuleSet>;
}

export function checkRecursion(st: CompileState): void {
  const vertices = new Map<RuleSet, Vertex[]>();
  for (const rs of st.ruleSets) {
    const vs: Vertex[] = [];
    for (const def of [...rs.defs, ...(rs.defaultDef ? [rs.defaultDef] : [])]) {
      vs.push({ rs, loc: def.loc, deps: headAndBodyDeps(st.tree, def) });
      for (const e of def.elses) vs.push({ rs, loc: e.loc, deps: bodyDeps(st.tree, e.body, [e.value]) });
    }
    vertices.set(rs, vs);
  }
  for (const vs of vertices.values()) {
    for (const v of vs) {
      const path = pathBack(v, vertices);
      if (!path) continue;
      const names = path.map((x) => 'data.' + x.rs.path.join('.'));
      st.errors.push(new PalisadeError(ErrorCodes.recursion, `rule ${names[0]} is recursive: ${names.join(' -> ')}`, v.loc));
    }
  }
}

/** A path of vertices from `start` back to itself (depth first, each vertex entered once), or undefined. */
function pathBack(start: Vertex, vertices: Map<RuleSet, Vertex[]>): Vertex[] | undefined {
  const visited = new Set<Vertex>();
  const dfs = (u: Vertex): Vertex[] | undefined => {
    if (visited.has(u)) return undefined;
    visited.add(u);
    for (const rs of u.deps) {
      for (const w of vertices.get(rs) ?? []) {
        if (w === start) return [u, start];
        const p = dfs(w);
        if (p) return [u, ...p];
      }
    }
    return undefined;
  };
  return dfs(start);
}

function headAndBodyDeps(tree: TreeNode, def: RuleDef): Set<RuleSet> {
  const head: IRTerm[] = [...def.keyPath, ...(def.key ? [def.key] : []), ...(def.value ? [def.value] : []), ...(def.args ?? [])];
  return bodyDeps(tree, def.body, head);
}

function bodyDeps(tree: TreeNode, body: IRBody, head: IRTerm[]): Set<RuleSet> {
  const out = new Set<RuleSet>();
  visitBody(body, (t) => dependencies(tree, t, out));
  for (const t of head) visitTerm(t, (x) => dependencies(tree, x, out));
  // A `with` target names a document, and OPA counts it as a reference to the rules there.
  const withTargets = (e: IRExpr) => {
    for (const w of e.with) {
      if (w.target.kind === 'data' || w.target.kind === 'function') refDependencies(tree, w.target.path, out);
    }
  };
  visitExprsDeep(body, withTargets);
  for (const t of head) visitTermExprsDeep(t, withTargets);
  return out;
}

function dependencies(tree: TreeNode, t: IRTerm, out: Set<RuleSet>): void {
  if (t.t === 'call' && t.fn.kind === 'rule') {
    const rs = findNode(tree, t.fn.path)?.ruleSet;
    if (rs) out.add(rs);
    return;
  }
  if (t.t !== 'ref' || t.root.kind !== 'data') return;
  matchRules(tree, t.path, 0, out);
}

/** The rule sets a reference to `data.<path>` reads: the rule on the path, or every rule below it. */
function refDependencies(tree: TreeNode, path: string[], out: Set<RuleSet>): void {
  matchRules(
    tree,
    path.map((v) => ({ t: 'const', v }) as IRTerm),
    0,
    out,
  );
}

/**
 * Rules a `data` ref may read, as OPA's dynamic rule lookup: a variable segment matches every
 * child, constant ones their own child; a rule on the way or any rule below the end is read.
 */
function matchRules(node: TreeNode, segs: IRTerm[], i: number, out: Set<RuleSet>): void {
  if (node.ruleSet) {
    // The rule's value, with the rules below it (ref heads) merged in.
    out.add(node.ruleSet);
    addSubtree(node, out);
    return;
  }
  if (i === segs.length) {
    addSubtree(node, out);
    return;
  }
  const seg = segs[i];
  if (seg.t === 'const') {
    // A constant that is not a string names no rule (rule names are strings).
    const child = typeof seg.v === 'string' ? node.children.get(seg.v) : undefined;
    if (child) matchRules(child, segs, i + 1, out);
    return;
  }
  for (const child of node.children.values()) matchRules(child, segs, i + 1, out);
}

function addSubtree(node: TreeNode, out: Set<RuleSet>): void {
  if (node.ruleSet && node.ruleSet.kind !== 'function') out.add(node.ruleSet);
  for (const c of node.children.values()) addSubtree(c, out);
}

export { findNode };
