/**
 * Stages `check-arity` and `check-calls`: every call has the declared number of arguments (or one
 * more, the output), constant arguments fit the declared types, no call reaches a builtin OPA
 * deprecated before 1.0 (OPA 1.x rejects those in Rego v1 modules; `allowDeprecatedBuiltins`
 * accepts them), and, under OPA capabilities (`allowedBuiltins`), none reaches a builtin they
 * leave out. Arity is checked early, as OPA does with undefined functions.
 */
import { ErrorCodes, PalisadeError } from '../errors.js';
import { typeText, type BType } from '../builtins/signature.js';
import { RSet, isObject, objectEntries, typeName, type Value } from '../value/types.js';
import type { IRBody, IRTerm } from './ir.js';
import type { CompileState } from './state.js';
import { defTerms, visitBody } from './walk-ir.js';

/** Stage `check-arity`: argument counts of every call (OPA checks them with undefined functions, before safety). */
export function checkArity(st: CompileState): void {
  eachDefTerm(st, (t) => arityTerm(t, st));
}

/** Stage `check-calls`: deprecated builtins and constant arguments (part of OPA's type checking). */
export function checkCalls(st: CompileState): void {
  const allowed = st.options.allowedBuiltins;
  const names = allowed ? new Set(allowed.names) : undefined;
  for (const rs of st.ruleSets) {
    for (const def of [...rs.defs, ...(rs.defaultDef ? [rs.defaultDef] : [])]) {
      const only = names && (!allowed!.appliesTo || allowed!.appliesTo(def.module.file)) ? names : undefined;
      defTerms(def, (t) => (only && !capable(t, only, st) ? undefined : argumentsTerm(t, st)), true);
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

export function checkBodyArity(body: IRBody, st: Pick<CompileState, 'errors' | 'options'>): void {
  visitBody(body, (t) => arityTerm(t, st));
}

/** Constant arguments are part of OPA's type checking, which skips `every` bodies (but not the comprehensions in them). */
export function checkBodyCalls(body: IRBody, st: Pick<CompileState, 'errors' | 'options'>): void {
  visitBody(body, (t) => argumentsTerm(t, st), true);
}

function eachDefTerm(st: CompileState, f: (t: IRTerm) => void, typeChecked = false): void {
  for (const rs of st.ruleSets) {
    for (const def of [...rs.defs, ...(rs.defaultDef ? [rs.defaultDef] : [])]) defTerms(def, f, typeChecked);
  }
}

/** True when the call's argument count is wrong for its target (a deprecated builtin is never checked). */
function badArity(t: Extract<IRTerm, { t: 'call' }>, st: Pick<CompileState, 'options'>): boolean {
  const n = t.args.length;
  if (t.fn.kind !== 'builtin') return n !== t.fn.arity && n !== t.fn.arity + 1;
  const d = t.fn.decl;
  if (d.deprecated && !st.options.allowDeprecatedBuiltins) return false;
  const want = d.params.length;
  return d.variadic ? n < want - 1 : n !== want && n !== want + 1;
}

function arityTerm(t: IRTerm, st: Pick<CompileState, 'errors' | 'options'>): void {
  if (t.t !== 'call' || !badArity(t, st)) return;
  const n = t.args.length;
  if (t.fn.kind === 'builtin') {
    const d = t.fn.decl;
    const have = n === 0 ? '()' : `(${n} argument${n === 1 ? '' : 's'})`;
    const wantText = `(${d.params.map((p) => `${p.name}: ${typeText(p.type)}`).join(', ')})`;
    st.errors.push(new PalisadeError(ErrorCodes.type, `${d.name}: arity mismatch\n\thave: ${have}\n\twant: ${wantText}`, t.loc));
    return;
  }
  const name = `data.${t.fn.path.join('.')}`;
  st.errors.push(new PalisadeError(ErrorCodes.type, `function ${name} has arity ${t.fn.arity}, got ${n} argument${n === 1 ? '' : 's'}`, t.loc));
}

function argumentsTerm(t: IRTerm, st: Pick<CompileState, 'errors' | 'options'>): void {
  if (t.t !== 'call' || t.fn.kind !== 'builtin') return;
  const d = t.fn.decl;
  if (d.deprecated && !st.options.allowDeprecatedBuiltins) {
    st.errors.push(new PalisadeError(ErrorCodes.type, `deprecated built-in function calls in expression: ${d.name}`, t.loc));
    return;
  }
  if (badArity(t, st)) return;
  const n = t.args.length;
  const want = d.params.length;
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
