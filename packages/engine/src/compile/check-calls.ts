/**
 * Stage `check-calls`: every call has the declared number of arguments (or one more, the output),
 * constant arguments fit the declared types, no call reaches a builtin OPA deprecated before
 * 1.0 (OPA 1.x rejects those in Rego v1 modules; `allowDeprecatedBuiltins` accepts them), and,
 * under OPA capabilities (`allowedBuiltins`), none reaches a builtin they leave out.
 */
import { ErrorCodes, PalisadeError } from '../errors.js';
import { typeText, type BType } from '../builtins/signature.js';
import { RSet, isObject, objectEntries, typeName, type Value } from '../value/types.js';
import type { IRBody, IRTerm } from './ir.js';
import type { CompileState } from './state.js';
import { defTerms, visitBody } from './walk-ir.js';

export function checkCalls(st: CompileState): void {
  const allowed = st.options.allowedBuiltins;
  const names = allowed ? new Set(allowed.names) : undefined;
  for (const rs of st.ruleSets) {
    for (const def of [...rs.defs, ...(rs.defaultDef ? [rs.defaultDef] : [])]) {
      const only = names && (!allowed!.appliesTo || allowed!.appliesTo(def.module.file)) ? names : undefined;
      defTerms(def, (t) => (only && !capable(t, only, st) ? undefined : checkTerm(t, st)));
    }
  }
}

/**
 * A call to a builtin the capabilities leave out is `undefined function NAME`, as OPA reports it
 * (`print` is allowed by `print` or OPA's `internal.print`). Returns false after reporting one.
 */
function capable(t: IRTerm, names: ReadonlySet<string>, st: Pick<CompileState, 'errors'>): boolean {
  if (t.t !== 'call' || t.fn.kind !== 'builtin') return true;
  const name = t.fn.name;
  if (names.has(name) || (name === 'print' && names.has('internal.print'))) return true;
  st.errors.push(new PalisadeError(ErrorCodes.type, `undefined function ${name}`, t.loc));
  return false;
}

export function checkBodyCalls(body: IRBody, st: Pick<CompileState, 'errors' | 'options'>): void {
  visitBody(body, (t) => checkTerm(t, st));
}

function checkTerm(t: IRTerm, st: Pick<CompileState, 'errors' | 'options'>): void {
  if (t.t !== 'call') return;
  const n = t.args.length;
  if (t.fn.kind === 'builtin') {
    const d = t.fn.decl;
    if (d.deprecated && !st.options.allowDeprecatedBuiltins) {
      st.errors.push(new PalisadeError(ErrorCodes.type, `deprecated built-in function calls in expression: ${d.name}`, t.loc));
      return;
    }
    const want = d.params.length;
    if (d.variadic ? n < want - 1 : n !== want && n !== want + 1) {
      const have = n === 0 ? '()' : `(${n} argument${n === 1 ? '' : 's'})`;
      const wantText = `(${d.params.map((p) => `${p.name}: ${typeText(p.type)}`).join(', ')})`;
      st.errors.push(new PalisadeError(ErrorCodes.type, `${d.name}: arity mismatch\n\thave: ${have}\n\twant: ${wantText}`, t.loc));
      return;
    }
    // Constant arguments are checked against the declared parameter types now, not at run time.
    for (let i = 0; i < Math.min(n, want); i++) {
      const a = t.args[i];
      const p = d.variadic ? d.params[Math.min(i, want - 1)] : d.params[i];
      if (a.t !== 'const' || a.poisoned || !p || matches(p.type, a.v)) continue;
      st.errors.push(
        new PalisadeError(
          ErrorCodes.type,
          `${d.name}: invalid argument(s)\n\thave: argument ${i + 1} ${typeName(a.v)}\n\twant: ${p.name}: ${typeText(p.type)}`,
          a.loc,
        ),
      );
    }
  } else if (n !== t.fn.arity && n !== t.fn.arity + 1) {
    st.errors.push(
      new PalisadeError(ErrorCodes.type, `${t.fn.name}: arity mismatch: function takes ${t.fn.arity} argument${t.fn.arity === 1 ? '' : 's'}, got ${n}`, t.loc),
    );
  }
}

/** True when a constant value fits a declared type (element types are checked one level deep). */
export function matches(t: BType, v: Value): boolean {
  switch (t.k) {
    case 'any':
      return true;
    case 'null':
      return v === null;
    case 'boolean':
      return typeof v === 'boolean';
    case 'number':
      return typeof v === 'number' || typeof v === 'bigint';
    case 'string':
      return typeof v === 'string';
    case 'array':
      return Array.isArray(v) && v.every((x) => matches(t.of, x));
    case 'set':
      return v instanceof RSet && [...v].every((x) => matches(t.of, x));
    case 'object':
      return isObject(v) && objectEntries(v).every(([k, x]) => matches(t.key, k) && matches(t.value, x));
    case 'union':
      return t.of.some((x) => matches(x, v));
  }
}
