/**
 * The one AST visitor: `forEachChild` and `forEachExprChild` name every child of every term and
 * expression kind once (in the spirit of OPA's ast/visit.go and TypeScript's `forEachChild`).
 * Every walk over the AST (lowering's variable scan, coverage, the CLI's strict checks) is written
 * over them, so a kind or field added to the AST is visited everywhere by adding it here.
 */
import type { Body, Expr, RefTerm, Rule, Term, VarTerm, WithModifier } from './ast.js';

/** What a term's children are given to. Each role has its own callback: callers choose what each means. */
export interface ChildVisitor {
  /** A subterm whose value the parent uses. */
  term(t: Term): void;
  /** The function a call names (`count`, `data.lib.f`): a name, not a value the call reads. */
  callee(fn: VarTerm | RefTerm): void;
  /** A comprehension's body. */
  body(b: Body): void;
  /** A `with` modifier: of an expression, or of a template string's embedded expression. */
  with(w: WithModifier): void;
}

/** What an expression's children are given to. */
export interface ExprChildVisitor {
  /** A term of the expression (operands, `some … in` key, value and collection, `every` domain). */
  term(t: Term): void;
  /** `some x`, and `every k, v in …`'s key and value: variables the expression introduces. */
  declared(v: VarTerm): void;
  /** `every`'s body, `and`/`or` operands. */
  body(b: Body): void;
  with(w: WithModifier): void;
}

type TermOf<K extends Term['type']> = Extract<Term, { type: K }>;
const noChildren = (): void => {};
const comprehension = (t: TermOf<'arraycomp' | 'setcomp'>, v: ChildVisitor): void => {
  v.term(t.term);
  v.body(t.body);
};

/**
 * Children of each term kind, in source order. A mapped type over the kinds: a kind added to
 * `Term` without a row here does not compile.
 */
const TERM_CHILDREN: { [K in Term['type']]: (t: TermOf<K>, v: ChildVisitor) => void } = {
  null: noChildren,
  boolean: noChildren,
  number: noChildren,
  string: noChildren,
  var: noChildren,
  template: (t, v) => {
    t.parts.forEach((p, i) => {
      if (typeof p === 'string') return;
      v.term(p);
      for (const w of t.withs?.[i] ?? []) v.with(w);
    });
  },
  ref: (t, v) => {
    v.term(t.head);
    for (const s of t.path) v.term(s);
  },
  call: (t, v) => {
    v.callee(t.fn);
    for (const a of t.args) v.term(a);
  },
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
};

/** Gives each child of `t` to `v`, without descending further. */
export function forEachChild(t: Term, v: ChildVisitor): void {
  (TERM_CHILDREN[t.type] as (t: Term, v: ChildVisitor) => void)(t, v);
}

/** Gives each child of `e` to `v`: its node's terms, declared variables and bodies, then its `with` modifiers. */
export function forEachExprChild(e: Expr, v: ExprChildVisitor): void {
  const n = e.node;
  switch (n.kind) {
    case 'term':
      v.term(n.term);
      break;
    case 'unify':
    case 'assign':
      v.term(n.left);
      v.term(n.right);
      break;
    case 'some':
      n.vars.forEach((x) => v.declared(x));
      break;
    case 'somein':
      if (n.key) v.term(n.key);
      v.term(n.value);
      v.term(n.collection);
      break;
    case 'every':
      if (n.key) v.declared(n.key);
      v.declared(n.value);
      v.term(n.domain);
      v.body(n.body);
      break;
    case 'logic':
      v.body(n.left);
      v.body(n.right);
      break;
  }
  for (const w of e.with) v.with(w);
}

/** What `walk` calls: `term` for every term (callees and declared variables included), `expr` for every expression. */
export interface Walker {
  term?(t: Term): void;
  expr?(e: Expr): void;
}

/** Visits `t` and everything under it, depth first. */
export function walkTerm(t: Term, w: Walker): void {
  w.term?.(t);
  forEachChild(t, deep(w));
}

/** Visits every expression of `b` and everything under it, depth first. */
export function walkBody(b: Body, w: Walker): void {
  const v = deep(w);
  for (const e of b) {
    w.expr?.(e);
    forEachExprChild(e, v);
  }
}

/** Visits a rule's head (ref, arguments, key, value), body and `else` clauses. */
export function walkRule(r: Rule, w: Walker): void {
  const h = r.head;
  walkTerm(h.ref, w);
  for (const t of [...(h.args ?? []), h.key, h.value]) if (t) walkTerm(t, w);
  walkBody(r.body, w);
  for (const e of r.else) {
    if (e.value) walkTerm(e.value, w);
    walkBody(e.body, w);
  }
}

function deep(w: Walker): ChildVisitor & ExprChildVisitor {
  const term = (t: Term): void => walkTerm(t, w);
  return {
    term,
    callee: term,
    declared: term,
    body: (b) => walkBody(b, w),
    with: (m) => {
      term(m.target);
      term(m.value);
    },
  };
}
