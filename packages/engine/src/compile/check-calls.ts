/** Stage `check-calls`: every call has the declared number of arguments (or one more, the output). */
import { ErrorCodes, PalisadeError } from '../errors.js';
import { typeText } from '../builtins/signature.js';
import type { IRBody, IRTerm } from './ir.js';
import type { CompileState } from './state.js';
import { defTerms, visitBody } from './walk-ir.js';

export function checkCalls(st: CompileState): void {
  for (const rs of st.ruleSets) {
    for (const def of [...rs.defs, ...(rs.defaultDef ? [rs.defaultDef] : [])]) defTerms(def, (t) => checkTerm(t, st));
  }
}

export function checkBodyCalls(body: IRBody, st: Pick<CompileState, 'errors'>): void {
  visitBody(body, (t) => checkTerm(t, st));
}

function checkTerm(t: IRTerm, st: Pick<CompileState, 'errors'>): void {
  if (t.t !== 'call') return;
  const n = t.args.length;
  if (t.fn.kind === 'builtin') {
    const d = t.fn.decl;
    const want = d.params.length;
    if (d.variadic ? n < want - 1 : n !== want && n !== want + 1) {
      const have = n === 0 ? '()' : `(${n} argument${n === 1 ? '' : 's'})`;
      const wantText = `(${d.params.map((p) => `${p.name}: ${typeText(p.type)}`).join(', ')})`;
      st.errors.push(new PalisadeError(ErrorCodes.type, `${d.name}: arity mismatch\n\thave: ${have}\n\twant: ${wantText}`, t.loc));
    }
  } else if (n !== t.fn.arity && n !== t.fn.arity + 1) {
    st.errors.push(
      new PalisadeError(ErrorCodes.type, `${t.fn.name}: arity mismatch: function takes ${t.fn.arity} argument${t.fn.arity === 1 ? '' : 's'}, got ${n}`, t.loc),
    );
  }
}
