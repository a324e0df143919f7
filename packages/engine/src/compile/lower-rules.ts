/** Stage `resolve-and-lower`: lowers every rule definition to IR (see lower.ts). */
import type { Term } from '../syntax/ast.js';
import type { IRTerm } from './ir.js';
import { Lowerer, constTerm, occursAndDeclared, occursIn, termVarNames } from './lower.js';
import type { RuleDef } from './rule-tree.js';
import type { CompileState } from './state.js';

export function resolveAndLower(st: CompileState): void {
  for (const rs of st.ruleSets) {
    for (const def of [...rs.defs, ...(rs.defaultDef ? [rs.defaultDef] : [])]) lowerDef(st, def);
  }
}

function lowerDef(st: CompileState, def: RuleDef): void {
  const env = { tree: st.tree, builtins: st.builtins, ruleNames: st.ruleNames };
  const L = new Lowerer(env, def.pkg, def.module.imports);
  const rule = def.rule;
  const head = rule.head;
  const headNames: string[] = [];
  const add = (t: Term | undefined) => t && termVarNames(t, headNames);
  head.args?.forEach(add);
  add(head.key);
  add(head.value);
  def.keyTerms.forEach(add);
  const { occurs, declared } = occursAndDeclared(rule.body);
  for (const n of headNames) if (!declared.has(n)) occurs.add(n);
  L.pushScope(occurs);
  L.beginBody();
  // Template-string arguments are computed from body variables: they match the argument value
  // through an equality checked with the body (as OPA rewrites them), not as a pattern up front.
  const deferred: { slot: number; term: Term }[] = [];
  if (head.args) {
    def.args = head.args.map((a) => {
      if (a.type !== 'template') return lowerArg(L, a);
      const slot = L.freshSlot('$arg');
      deferred.push({ slot, term: a });
      return { t: 'var', slot, name: '$arg', loc: a.loc } as IRTerm;
    });
  }
  def.body = L.bodyInScope(rule.body);
  for (const d of deferred) {
    const left: IRTerm = { t: 'var', slot: d.slot, name: '$arg', loc: d.term.loc };
    def.body.push({ node: { kind: 'unify', left, right: L.term(d.term) }, negated: false, with: [], loc: d.term.loc });
  }
  def.keyPath = def.keyTerms.map((t) => L.term(t));
  if (head.key) def.key = L.term(head.key);
  def.value = head.value ? L.term(head.value) : constTerm(true, head.loc);
  L.checkDeclaredUsed(def.body, [...def.keyPath, ...(def.key ? [def.key] : []), def.value]);
  def.elses = rule.else.map((e) => {
    const eo = occursIn(e.body);
    if (e.value) termVarNames(e.value, [...eo]).forEach((n) => eo.add(n));
    L.pushScope(eo);
    L.beginBody();
    const body = L.bodyInScope(e.body);
    const value = e.value ? L.term(e.value) : constTerm(true, e.loc);
    L.checkDeclaredUsed(body, [value]);
    L.popScope();
    return { body, value, loc: e.loc };
  });
  L.popScope();
  def.nslots = L.slotNames.length;
  def.slotNames = L.slotNames;
  st.errors.push(...L.errors);
  (st.localVarErrors ??= []).push(...L.localVarErrors);
}

/** Function arguments are patterns whose variables are declared (a repeated name is one var). */
function lowerArg(L: Lowerer, t: Term): ReturnType<Lowerer['term']> {
  if (t.type === 'var') {
    if (t.name === '_') return L.resolveVar(t);
    return L.declareOrGet(t);
  }
  if (t.type === 'array') return { t: 'array', items: t.items.map((x) => lowerArg(L, x)), loc: t.loc };
  if (t.type === 'object') return { t: 'object', entries: t.entries.map(([k, v]) => [L.term(k), lowerArg(L, v)] as [ReturnType<Lowerer['term']>, ReturnType<Lowerer['term']>]), loc: t.loc };
  return L.term(t);
}
