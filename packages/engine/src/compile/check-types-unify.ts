/**
 * Unification for the type checker: whether two terms certainly cannot unify (OPA's "match
 * error"), and the types that unifying a pattern gives its still unbound variables.
 */
import type { BType } from '../builtins/signature.js';
import { equals, isObject, objectEntries, objectSize, type Value } from '../value/types.js';
import type { IRTerm } from './ir.js';
import { CONST_DEPTH, OBJECT_ANY, ANY, fits, typeOfValue } from './type-lattice.js';
import { visitTerm } from './walk-ir.js';

/** Slot → type for every variable bound so far; an absent slot is unbound (reads as `any`). */
export type Env = Map<number, BType>;

/** The type of a term's values in `env` (computing only: no errors reported). */
export type TypeOf = (t: IRTerm, env: Env) => BType;

/** True when no value of `l` unifies with a value of `r` (array literals compared element-wise). */
export function disjoint(l: IRTerm, r: IRTerm, env: Env, typeOf: TypeOf): boolean {
  const items = (t: IRTerm): IRTerm[] | Value[] | undefined => (t.t === 'array' ? t.items : t.t === 'const' && !t.poisoned && Array.isArray(t.v) ? t.v : undefined);
  const lo = entriesOf(l);
  const ro = entriesOf(r);
  if (lo && ro) {
    // Object literals of known keys: OPA's object types are static, so the keys must be the same.
    if (lo.length !== ro.length) return true;
    for (const [k, v] of lo) {
      const hit = ro.find(([rk]) => equals(rk, k));
      if (!hit || disjoint(v, hit[1], env, typeOf)) return true;
    }
    return false;
  }
  const li = items(l);
  const ri = items(r);
  if (li && ri) {
    // OPA's type of `[]` has no elements to disagree with: it unifies with any array.
    if (li.length === 0 || ri.length === 0) return false;
    if (li.length !== ri.length) return true;
    for (let i = 0; i < li.length; i++) {
      const a = l.t === 'array' ? (li[i] as IRTerm) : constOf(li[i] as Value, l.loc);
      const b = r.t === 'array' ? (ri[i] as IRTerm) : constOf(ri[i] as Value, r.loc);
      if (disjoint(a, b, env, typeOf)) return true;
    }
    return false;
  }
  const lt = unifyType(l, env, typeOf);
  const rt = unifyType(r, env, typeOf);
  // An array literal against an array of one element type: each element must fit that type.
  const each = (xs: IRTerm[] | Value[], lit: IRTerm, of: BType) =>
    xs.some((x) => !fits(lit.t === 'array' ? unifyType(x as IRTerm, env, typeOf) : typeOfValue(x as Value, CONST_DEPTH), of));
  if (li && rt.k === 'array' && each(li, l, rt.of)) return true;
  if (ri && lt.k === 'array' && each(ri, r, lt.of)) return true;
  return !fits(lt, rt);
}

/** Key/value pairs of a non-empty object literal whose keys are all constants. */
function entriesOf(t: IRTerm): [Value, IRTerm][] | undefined {
  if (t.t === 'object') {
    if (t.entries.length === 0 || !t.entries.every(([k]) => k.t === 'const' && !k.poisoned)) return undefined;
    return t.entries.map(([k, v]) => [(k as { v: Value }).v, v]);
  }
  if (t.t === 'const' && !t.poisoned && isObject(t.v) && objectSize(t.v) > 0) return objectEntries(t.v).map(([k, v]) => [k, constOf(v, t.loc)]);
  return undefined;
}

/** `{}` is an object here: only builtin parameters give it the benefit of the doubt. */
function unifyType(t: IRTerm, env: Env, typeOf: TypeOf): BType {
  if (t.t === 'const' && !t.poisoned && isObject(t.v) && objectSize(t.v) === 0) return OBJECT_ANY;
  return typeOf(t, env);
}

/** Types the variables of pattern `p` unified with `other` (of type `ot`) when still unbound. */
export function bindPattern(p: IRTerm, other: IRTerm, ot: BType, env: Env, typeOf: TypeOf): void {
  if (p.t === 'var') {
    if (!env.has(p.slot)) env.set(p.slot, ot);
    return;
  }
  if (p.t === 'array') {
    if (other.t === 'array' && other.items.length === p.items.length) {
      p.items.forEach((x, i) => bindPattern(x, other.items[i], typeOf(other.items[i], env), env, typeOf));
    } else if (other.t === 'const' && Array.isArray(other.v) && other.v.length === p.items.length) {
      const vs = other.v;
      p.items.forEach((x, i) => bindVar(x, typeOfValue(vs[i], CONST_DEPTH), env));
    }
    return;
  }
  if (p.t === 'object') {
    for (const [k, v] of p.entries) {
      if (k.t !== 'const') continue;
      if (other.t === 'object') {
        const hit = other.entries.find(([ok]) => ok.t === 'const' && equals(ok.v, k.v));
        if (hit) bindPattern(v, hit[1], typeOf(hit[1], env), env, typeOf);
      } else if (other.t === 'const' && isObject(other.v)) {
        const hit = objectEntries(other.v).find(([ok]) => equals(ok, k.v));
        if (hit) bindVar(v, typeOfValue(hit[1], CONST_DEPTH), env);
      }
    }
  }
}

export function bindVar(p: IRTerm, t: BType, env: Env): void {
  if (p.t === 'var' && !env.has(p.slot)) env.set(p.slot, t);
}

/** Marks every variable of `t` bound, with no known type. */
export function markBound(t: IRTerm, env: Env): void {
  visitTerm(t, (x) => {
    if (x.t === 'var' && !env.has(x.slot)) env.set(x.slot, ANY);
  });
}

function constOf(v: Value, loc: IRTerm['loc']): IRTerm {
  return { t: 'const', v, loc };
}
