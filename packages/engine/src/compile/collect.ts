/**
 * Stage `collect-rules`: places every rule in the rule tree and checks rule-kind consistency.
 * Conflicts are `rego_type_error`s with OPA's messages (OPA finds them in its rule-conflict stage).
 */
import { ErrorCodes, PalisadeError } from '../errors.js';
import type { Module } from '../syntax/ast.js';
import type { Location } from '../syntax/location.js';
import { compareStrings } from '../value/types.js';
import { childNode, headSplit, ruleKindOf, type RuleDef, type RuleSet, type TreeNode } from './rule-tree.js';
import type { CompileState } from './state.js';

export function packagePath(m: Module): string[] {
  return m.package.path.path.map((t) => (t.type === 'string' ? t.value : '?'));
}

export function collectRules(st: CompileState): void {
  let nextId = 0;
  /** Every default rule of a rule set, in source order (OPA reports them together). */
  const defaults = new Map<RuleSet, Location[]>();
  /** Where each rule set was first defined (its conflicts are reported there). */
  const firstLoc = new Map<RuleSet, Location>();
  const conflicted = new Set<RuleSet>();
  for (const m of st.modules) {
    const pkg = packagePath(m);
    let pnode = st.tree;
    for (const seg of pkg) {
      pnode = childNode(pnode, seg);
      pnode.isPackage = true;
    }
    const names = st.ruleNames.get(pkg.join('.')) ?? new Set<string>();
    st.ruleNames.set(pkg.join('.'), names);
    for (const rule of m.rules) {
      const { ground, rest } = headSplit(rule);
      names.add(ground[0]);
      const kind = ruleKindOf(rule, rest);
      let node = pnode;
      for (const seg of ground) node = childNode(node, seg);
      const path = node.path;
      let rs = node.ruleSet;
      const arity = rule.head.args?.length ?? 0;
      if (!rs) {
        rs = { path, kind, defs: [], arity, id: nextId++ };
        node.ruleSet = rs;
        st.ruleSets.push(rs);
        firstLoc.set(rs, rule.loc);
      } else if (rs.kind !== kind || (kind === 'function' && rs.arity !== arity)) {
        // As OPA: once per path, at its first rule. A default (a complete rule) goes only with
        // complete rules.
        if (!conflicted.has(rs)) st.errors.push(new PalisadeError(ErrorCodes.type, `conflicting rules data.${path.join('.')} found`, firstLoc.get(rs)!));
        conflicted.add(rs);
        continue;
      }
      const def: RuleDef = {
        module: m,
        rule,
        pkg,
        kind,
        keyTerms: rest,
        keyPath: [],
        body: [],
        elses: [],
        nslots: 0,
        slotNames: [],
        isDefault: rule.default,
        multi: kind === 'object' && rule.head.contains,
        loc: rule.loc,
        index: rs.defs.length + (rs.defaultDef ? 1 : 0),
      };
      if (rule.default) {
        const locs = defaults.get(rs) ?? [];
        defaults.set(rs, [...locs, rule.loc]);
        if (rs.defaultDef) continue;
        rs.defaultDef = def;
        if (rs.defs.length === 0) rs.kind = kind;
      } else rs.defs.push(def);
    }
  }
  const nested = nestedRuleConflicts(st, firstLoc);
  packageRuleConflicts(st);
  for (const [rs, locs] of defaults) {
    if (locs.length < 2 || nested.has(rs)) continue;
    // OPA names every default's place and points at the package clause of the first one's module.
    const where = locs.map((l) => `${l.file}:${l.row}`).join(', ');
    const loc = rs.defaultDef!.module.package.loc;
    st.errors.push(new PalisadeError(ErrorCodes.type, `multiple default rules data.${rs.path.join('.')} found at ${where}`, loc));
  }
}

/**
 * A rule whose whole document is one value (complete rules, partial sets, functions) cannot have
 * rules below it (`p := 1` with `p.a := 2`, or a package under a rule), as OPA checks. Partial
 * objects (`p[k] := v`) may: their keys are dynamic. Returns the rule sets reported.
 */
function nestedRuleConflicts(st: CompileState, firstLoc: Map<RuleSet, Location>): Set<RuleSet> {
  const reported = new Set<RuleSet>();
  for (const rs of st.ruleSets) {
    if (rs.kind === 'object') continue;
    let node: TreeNode | undefined = st.tree;
    for (const seg of rs.path) node = node?.children.get(seg);
    if (!node || node.children.size === 0) continue;
    const below: string[][] = [];
    const walk = (n: TreeNode): void => {
      if (n.ruleSet && n !== node) below.push(n.ruleSet.path);
      for (const c of n.children.values()) walk(c);
    };
    walk(node);
    if (below.length === 0) continue;
    below.sort(comparePaths);
    const names = below.map((p) => `data.${p.join('.')}`).join(' ');
    st.errors.push(new PalisadeError(ErrorCodes.type, `rule data.${rs.path.join('.')} conflicts with [${names}]`, firstLoc.get(rs)));
    reported.add(rs);
  }
  return reported;
}

function comparePaths(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareStrings(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** A package named like a rule of its parent package (`package t.s` beside `s := 1` in `t`), as OPA reports it. */
function packageRuleConflicts(st: CompileState): void {
  for (const m of st.modules) {
    const pkg = packagePath(m);
    let node: TreeNode | undefined = st.tree;
    for (const seg of pkg) node = node?.children.get(seg);
    const rs = node?.ruleSet;
    if (!rs) continue;
    const parent = pkg.slice(0, -1).join('.');
    const def = [...rs.defs, ...(rs.defaultDef ? [rs.defaultDef] : [])].find((d) => d.pkg.join('.') === parent && d.rule.head.ref.type === 'var');
    if (!def) continue;
    const msg = `package ${pkg.join('.')} conflicts with rule ${pkg[pkg.length - 1]} defined at ${def.loc.file}:${def.loc.row}`;
    st.errors.push(new PalisadeError(ErrorCodes.type, msg, def.module.package.loc));
  }
}
