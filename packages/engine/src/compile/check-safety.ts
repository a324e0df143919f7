/** Stage `check-safety`: runs the SafetyChecker over every rule (see safety.ts). */
import type { IRTerm } from './ir.js';
import { SafetyChecker, collectVars } from './safety.js';
import type { CompileState } from './state.js';

export function checkSafety(st: CompileState): void {
  for (const rs of st.ruleSets) {
    for (const def of [...rs.defs, ...(rs.defaultDef ? [rs.defaultDef] : [])]) {
      const sc = new SafetyChecker(def.slotNames);
      const initial = new Set<number>();
      for (const a of def.args ?? []) collectVars(a, initial);
      const bound = sc.body(def.body, initial);
      const head: IRTerm[] = [...def.keyPath];
      if (def.key) head.push(def.key);
      if (def.value) head.push(def.value);
      sc.head(head, bound);
      for (const e of def.elses) {
        const b = sc.body(e.body, initial);
        sc.head([e.value], b);
      }
      st.errors.push(...sc.errors);
    }
  }
}
