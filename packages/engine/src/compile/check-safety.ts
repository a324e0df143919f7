/**
 * Stage `check-safety`: runs the SafetyChecker over every rule (see safety.ts). Negated
 * expressions are rewritten around it the way OPA does (see negation.ts): nested calls move
 * out before the check, refs after it.
 */
import type { IRBody, IRTerm } from './ir.js';
import { refSegments } from './lower.js';
import { hoistInTerm, hoistNegatedCalls, hoistNegatedRefs } from './negation.js';
import type { RuleDef } from './rule-tree.js';
import { SafetyChecker, collectVars } from './safety.js';
import type { CompileState } from './state.js';

export function checkSafety(st: CompileState): void {
  for (const rs of st.ruleSets) {
    for (const def of [...rs.defs, ...(rs.defaultDef ? [rs.defaultDef] : [])]) {
      const hoist = !importsNotKeyword(def);
      if (hoist) rewriteNegations(def, 'calls');
      const sc = new SafetyChecker(def.slotNames);
      const initial = new Set<number>();
      for (const a of def.args ?? []) collectVars(a, initial);
      const bound = sc.body(def.body, initial);
      sc.head(headTerms(def), bound);
      for (const e of def.elses) {
        const b = sc.body(e.body, initial);
        sc.head([e.value], b);
      }
      st.errors.push(...sc.errors);
      if (hoist) rewriteNegations(def, 'refs');
      def.nslots = def.slotNames.length;
    }
  }
}

/**
 * `import future.keywords.not` (that keyword by name) makes OPA negate a plain expression as a
 * whole, operands included (checked with OPA 1.17.1; `import future.keywords` does not).
 */
function importsNotKeyword(def: RuleDef): boolean {
  return def.module.imports.some((i) => refSegments(i.path)?.join('.') === 'future.keywords.not');
}

function headTerms(def: RuleDef): IRTerm[] {
  const head: IRTerm[] = [...def.keyPath];
  if (def.key) head.push(def.key);
  if (def.value) head.push(def.value);
  return head;
}

function rewriteNegations(def: RuleDef, phase: 'calls' | 'refs'): void {
  const bodies: IRBody[] = [def.body, ...def.elses.map((e) => e.body)];
  for (const b of bodies) {
    if (phase === 'calls') hoistNegatedCalls(b, def.slotNames);
    else hoistNegatedRefs(b, def.slotNames, true);
  }
  for (const t of [...headTerms(def), ...def.elses.map((e) => e.value)]) hoistInTerm(t, def.slotNames, phase, true);
}
