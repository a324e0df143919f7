/** Stage `collect-rules`: places every rule in the rule tree and checks rule-kind consistency. */
import { ErrorCodes, PalisadeError } from '../errors.js';
import type { Module } from '../syntax/ast.js';
import { childNode, headSplit, ruleKindOf, type RuleDef } from './rule-tree.js';
import type { CompileState } from './state.js';

export function packagePath(m: Module): string[] {
  return m.package.path.path.map((t) => (t.type === 'string' ? t.value : '?'));
}

export function collectRules(st: CompileState): void {
  let nextId = 0;
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
      } else if (rs.kind !== kind && !(rule.default && (rs.kind === 'complete' || kind === 'complete'))) {
        st.errors.push(new PalisadeError(ErrorCodes.compile, `conflicting rules data.${path.join('.')} found`, rule.loc));
        continue;
      } else if (kind === 'function' && rs.arity !== arity) {
        st.errors.push(new PalisadeError(ErrorCodes.type, `conflicting function arity for data.${path.join('.')}: ${rs.arity} and ${arity}`, rule.loc));
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
        if (rs.defaultDef) {
          st.errors.push(new PalisadeError(ErrorCodes.compile, `multiple default rules data.${path.join('.')} found`, rule.loc));
          continue;
        }
        rs.defaultDef = def;
        if (rs.defs.length === 0) rs.kind = kind;
      } else {
        if (rs.defs.length === 0 && rs.defaultDef && rs.kind !== kind && rs.defaultDef.kind === 'complete') rs.kind = kind;
        rs.defs.push(def);
      }
    }
  }
  // A default rule must be able to stand for the whole rule set.
  for (const rs of st.ruleSets) {
    if (rs.defaultDef && rs.kind === 'set') {
      st.errors.push(new PalisadeError(ErrorCodes.compile, `default rules must not be multi-value rules (data.${rs.path.join('.')})`, rs.defaultDef.loc));
    }
  }
}
