/**
 * The one IR visitor: `forEachIRChild` and `forEachIRExprChild` name every child of every term and
 * expression kind, once (as TypeScript's `forEachChild` does for its tree); the walks below and
 * every analysis over IR (safety, the planner's term analyses, recursion and type checks) are
 * written over them, so a new kind or field is visited everywhere by adding it here.
 */
import type { IRBody, IRExpr, IRTerm } from './ir.js';

/** What a term's children are given to: subterms, and the bodies of comprehensions. */
export interface IRChildVisitor {
  term(t: IRTerm): void;
  body(b: IRBody): void;
}

/** An expression's children: its terms, `every`'s bound key and value, and nested bodies. */
export interface IRExprChildVisitor extends IRChildVisitor {
  /** `every k, v in …`: the variables each element binds (not values the expression reads). */
  binder(t: IRTerm): void;
}

type TermOf<K extends IRTerm['t']> = Extract<IRTerm, { t: K }>;
const noChildren = (): void => {};
const comprehension = (t: TermOf<'arraycomp' | 'setcomp'>, v: IRChildVisitor): void => {
  v.term(t.term);
  v.body(t.body);
};

/**
 * Children of each term kind, in source order. A mapped type over the kinds: a kind added to
 * `IRTerm` without a row here does not compile.
 */
const TERM_CHILDREN: { [K in IRTerm['t']]: (t: TermOf<K>, v: IRChildVisitor) => void } = {
  const: noChildren,
  var: noChildren,
  ref: (t, v) => {
    if (t.root.kind === 'term') v.term(t.root.term);
    for (const s of t.path) v.term(s);
  },
  call: (t, v) => t.args.forEach((a) => v.term(a)),
  array: (t, v) => t.items.forEach((x) => v.term(x)),
  set: (t, v) => t.items.forEach((x) => v.term(x)),
  object: (t, v) => {
    for (const [k, x] of t.entries) {
      v.term(k);
      v.term(x);
    }
  },
  arraycomp: comprehension,
  setcomp: comprehension,
  objectcomp: (t, v) => {
    v.term(t.key);
    v.term(t.value);
    v.body(t.body);
  },
  template: (t, v) => {
    for (const p of t.parts) if (typeof p !== 'string') v.term(p);
  },
};

/** Gives each child of `t` to `v`, without descending further. */
export function forEachIRChild(t: IRTerm, v: IRChildVisitor): void {
  (TERM_CHILDREN[t.t] as (t: IRTerm, v: IRChildVisitor) => void)(t, v);
}

/** Gives each child of `e` to `v`: its node's terms and bodies, then its `with` values. */
export function forEachIRExprChild(e: IRExpr, v: IRExprChildVisitor): void {
  const n = e.node;
  switch (n.kind) {
    case 'term':
      v.term(n.term);
      break;
    case 'unify':
      v.term(n.left);
      v.term(n.right);
      break;
    case 'somein':
      if (n.key) v.term(n.key);
      v.term(n.value);
      v.term(n.collection);
      break;
    case 'every':
      if (n.key) v.binder(n.key);
      v.binder(n.value);
      v.term(n.domain);
      v.body(n.body);
      break;
    case 'and':
    case 'or':
      v.body(n.left);
      v.body(n.right);
      break;
    case 'true':
      break;
  }
  for (const w of e.with) if (w.value.kind === 'term') v.term(w.value.term);
}

export const isClosure = (t: IRTerm): t is TermOf<'arraycomp' | 'setcomp' | 'objectcomp'> => t.t === 'arraycomp' || t.t === 'setcomp' || t.t === 'objectcomp';

/**
 * With `typeChecked`, the bodies of `every` are skipped except for the comprehensions inside them:
 * what OPA's type checker looks at (it checks closures everywhere, but not `every` bodies).
 */
export function visitBody(body: IRBody, f: (t: IRTerm) => void, typeChecked = false): void {
  for (const e of body) visitExpr(e, f, typeChecked);
}

export function visitExpr(e: IRExpr, f: (t: IRTerm) => void, typeChecked = false): void {
  const every = e.node.kind === 'every';
  forEachIRExprChild(e, {
    term: (t) => visitTerm(t, f, typeChecked),
    binder: noChildren,
    body: (b) => (every && typeChecked ? everyClosures(b, (c) => visitTerm(c, f, true)) : visitBody(b, f, typeChecked)),
  });
}

export function visitTerm(t: IRTerm, f: (t: IRTerm) => void, typeChecked = false): void {
  f(t);
  forEachIRChild(t, { term: (x) => visitTerm(x, f, typeChecked), body: (b) => visitBody(b, f, typeChecked) });
}

/** Calls `h` with each comprehension in an `every` body (nested `every` bodies included), without entering them. */
export function everyClosures(body: IRBody, h: (comp: IRTerm) => void): void {
  for (const e of body) forEachIRExprChild(e, { term: (t) => shallowClosures(t, h), binder: noChildren, body: (b) => everyClosures(b, h) });
}

/** Terms of a rule definition: body, head parts and else clauses. */
export function defTerms(def: { body: IRBody; keyPath: IRTerm[]; key?: IRTerm; value?: IRTerm; args?: IRTerm[]; elses: { body: IRBody; value: IRTerm }[] }, f: (t: IRTerm) => void, typeChecked = false): void {
  const tc = typeChecked;
  visitBody(def.body, f, tc);
  def.keyPath.forEach((t) => visitTerm(t, f, tc));
  if (def.key) visitTerm(def.key, f, tc);
  if (def.value) visitTerm(def.value, f, tc);
  def.args?.forEach((t) => visitTerm(t, f, tc));
  for (const e of def.elses) {
    visitBody(e.body, f, tc);
    visitTerm(e.value, f, tc);
  }
}

/** Calls `g` for every expression of `body`, nested ones included (comprehension, `every`, `and`/`or` bodies). */
export function visitExprsDeep(body: IRBody, g: (e: IRExpr) => void): void {
  for (const e of body) {
    g(e);
    forEachIRExprChild(e, { term: (t) => visitTermExprsDeep(t, g), binder: noChildren, body: (b) => visitExprsDeep(b, g) });
  }
}

/** Calls `h` with each comprehension in `t`, without entering their bodies. */
function shallowClosures(t: IRTerm, h: (comp: IRTerm) => void): void {
  if (isClosure(t)) h(t);
  else forEachIRChild(t, { term: (x) => shallowClosures(x, h), body: noChildren });
}

/** Calls `g` for every expression inside the comprehensions of `t` (nested ones included). */
export function visitTermExprsDeep(t: IRTerm, g: (e: IRExpr) => void): void {
  shallowClosures(t, (c) => closureExprsDeep(c, g));
}

/** The expressions of a comprehension: its body's, then those of comprehensions in its head. */
function closureExprsDeep(c: IRTerm, g: (e: IRExpr) => void): void {
  forEachIRChild(c, { term: noChildren, body: (b) => visitExprsDeep(b, g) });
  forEachIRChild(c, { term: (h) => visitTermExprsDeep(h, g), body: noChildren });
}
