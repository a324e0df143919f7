/**
 * OPA evaluates parts of a negated expression before the negation, so an undefined part makes
 * the whole `not …` undefined instead of true. Two rewrites reproduce exactly which parts:
 *
 * - `hoistNegatedCalls` (before the safety check, as OPA's expression-term expansion): calls
 *   nested in the expression's operands (not the expression's own call), template strings, and
 *   composite ref subjects (`[x][0]`) are bound to fresh variables first. Their variables may be
 *   bound by these new, non-negated expressions (`not count(xs[_]) == 0` iterates outside).
 * - `hoistNegatedRefs` (after the safety check, as OPA's dynamic-term rewrite): refs that are
 *   call arguments, and refs inside ref segments or composite literals, are bound first. The top
 *   ref of a term expression or of a unification side stays inside (`not input.a` is true when
 *   `input.a` is undefined, `not names[input.missing]` is undefined). In modules `a == b` is a
 *   unification by then (OPA rewrites `==` in rule bodies, not in queries).
 *
 * Each hoisted expression carries the negated expression's `with` modifiers.
 *
 * The same after-safety rewrite binds, in positive expressions too, the refs with a variable
 * segment that sit inside a composite literal or a call argument: `v := [i, input.xs[i]]` must
 * iterate `i` through the ref before the array reads it, as OPA's dynamic-term rewrite makes it
 * (without it the array is evaluated with `i` unbound and the expression fails). Refs without a
 * variable segment stay in place: hoisting them would change nothing but cost.
 */
import type { IRBody, IRExpr, IRTerm } from './ir.js';
import { forEachIRChild, forEachIRExprChild, isClosure } from './walk-ir.js';

type Hoist = (t: IRTerm) => IRTerm;

/** Rewrites every negated expression in `body` and in the bodies nested in it. */
export function hoistNegatedCalls(body: IRBody, slotNames: string[]): void {
  rewriteBodies(body, slotNames, expandNegated);
}

/** As `hoistNegatedCalls`, for the refs OPA evaluates first; `module` selects the `==` rule. */
export function hoistNegatedRefs(body: IRBody, slotNames: string[], module: boolean): void {
  rewriteBodies(body, slotNames, (e, h) => dynamicNegated(e, h, module), iterationRefs);
}

/** Applies the rewrite to the closures of `t` (head terms, else values). */
export function hoistInTerm(t: IRTerm, slotNames: string[], phase: 'calls' | 'refs', module: boolean): void {
  const f = phase === 'calls' ? expandNegated : (e: IRExpr, h: Hoist) => dynamicNegated(e, h, module);
  forEachClosureBody(t, (b) => rewriteBodies(b, slotNames, f, phase === 'refs' ? iterationRefs : undefined));
  if (phase === 'refs') forEachTermClosure(t, (c) => iterationHead(c, slotNames));
}

/** A hoist binding each term to a fresh variable by an expression appended to `into`. */
function hoistInto(into: IRExpr[], slotNames: string[], withs: IRExpr['with']): Hoist {
  return (t) => {
    const slot = slotNames.length;
    slotNames.push('$neg');
    const v: IRTerm = { t: 'var', slot, name: '$neg', loc: t.loc };
    into.push({ node: { kind: 'unify', left: v, right: t }, negated: false, with: withs, loc: t.loc });
    return v;
  };
}

/** `f` rewrites negated expressions; `positive`, when given, the others. */
function rewriteBodies(body: IRBody, slotNames: string[], f: (e: IRExpr, h: Hoist) => void, positive?: (e: IRExpr, h: Hoist) => void): void {
  const out: IRExpr[] = [];
  for (const e of body) {
    forEachNestedBody(e, (b) => rewriteBodies(b, slotNames, f, positive));
    if (positive) forEachExprClosure(e, (c) => iterationHead(c, slotNames));
    const g = e.negated ? (e.block ? undefined : f) : positive;
    if (g) {
      g(e, hoistInto(out, slotNames, e.with));
    }
    out.push(e);
  }
  body.splice(0, body.length, ...out);
}

// ---- before safety: calls, template strings, composite ref subjects ------------------------

function expandNegated(e: IRExpr, h: Hoist): void {
  const n = e.node;
  if (n.kind === 'term') {
    if (n.term.t === 'call') n.term = { ...n.term, args: n.term.args.map((a) => expand(a, h)) };
    else n.term = expand(n.term, h);
  } else if (n.kind === 'unify') {
    n.left = expand(n.left, h);
    n.right = expand(n.right, h);
  }
}

function expand(t: IRTerm, h: Hoist): IRTerm {
  switch (t.t) {
    case 'call':
      return h({ ...t, args: t.args.map((a) => expand(a, h)) });
    case 'template':
      return h(t);
    case 'ref': {
      const path = t.path.map((s) => expand(s, h));
      if (t.root.kind !== 'term') return { ...t, path };
      const r = expand(t.root.term, h);
      return { ...t, root: { kind: 'term', term: r.t === 'var' || r.t === 'const' ? r : h(r) }, path };
    }
    case 'array':
      return { ...t, items: t.items.map((x) => expand(x, h)) };
    case 'set':
      return { ...t, items: t.items.map((x) => expand(x, h)) };
    case 'object':
      return { ...t, entries: t.entries.map(([k, v]) => [expand(k, h), expand(v, h)] as [IRTerm, IRTerm]) };
    default:
      return t;
  }
}

// ---- after safety: refs --------------------------------------------------------------------

function dynamicNegated(e: IRExpr, h: Hoist, module: boolean): void {
  const n = e.node;
  if (n.kind === 'term') {
    const t = n.term;
    if (t.t === 'call') {
      const asUnify = module && t.fn.kind === 'builtin' && t.fn.name === 'equal' && t.args.length === 2;
      n.term = { ...t, args: t.args.map((a) => (asUnify ? dynamicSide(a, h) : dynamicOne(a, h))) };
    } else n.term = dynamicSide(t, h);
  } else if (n.kind === 'unify') {
    n.left = dynamicSide(n.left, h);
    n.right = dynamicSide(n.right, h);
  }
}

/** A unification side or term expression: a ref keeps its head, only its segments move out. */
function dynamicSide(t: IRTerm, h: Hoist): IRTerm {
  if (t.t === 'ref') return { ...t, path: t.path.map((s) => dynamicOne(s, h)) };
  if (isClosure(t)) return t;
  return dynamicOne(t, h);
}

function dynamicOne(t: IRTerm, h: Hoist): IRTerm {
  switch (t.t) {
    case 'ref':
      return h({ ...t, path: t.path.map((s) => dynamicOne(s, h)) });
    case 'arraycomp':
    case 'setcomp':
    case 'objectcomp':
      return h(t);
    case 'array':
      return { ...t, items: t.items.map((x) => dynamicOne(x, h)) };
    case 'set':
      return { ...t, items: t.items.map((x) => dynamicOne(x, h)) };
    case 'object':
      return { ...t, entries: t.entries.map(([k, v]) => [dynamicOne(k, h), dynamicOne(v, h)] as [IRTerm, IRTerm]) };
    default:
      return t;
  }
}

// ---- positive expressions: refs that iterate inside composites and call arguments --------------

function iterationRefs(e: IRExpr, h: Hoist): void {
  const n = e.node;
  if (n.kind === 'term') {
    const t = n.term;
    n.term = t.t === 'call' ? { ...t, args: t.args.map((a) => iterationOne(a, h)) } : iterationSide(t, h);
  } else if (n.kind === 'unify') {
    n.left = iterationSide(n.left, h);
    n.right = iterationSide(n.right, h);
  }
}

/** A unification side or term expression: its own top ref stays (it iterates in place). */
function iterationSide(t: IRTerm, h: Hoist): IRTerm {
  if (t.t === 'ref') return t.root.kind === 'term' ? { ...t, root: { kind: 'term', term: iterationOne(t.root.term, h) } } : t;
  if (isClosure(t)) return t;
  return iterationOne(t, h);
}

function iterationOne(t: IRTerm, h: Hoist): IRTerm {
  switch (t.t) {
    case 'ref':
      if (t.path.some((s) => s.t === 'var')) return h(t);
      return t.root.kind === 'term' ? { ...t, root: { kind: 'term', term: iterationOne(t.root.term, h) } } : t;
    case 'call':
      return { ...t, args: t.args.map((a) => iterationOne(a, h)) };
    case 'array':
      return { ...t, items: t.items.map((x) => iterationOne(x, h)) };
    case 'set':
      return { ...t, items: t.items.map((x) => iterationOne(x, h)) };
    case 'object':
      return { ...t, entries: t.entries.map(([k, v]) => [iterationOne(k, h), iterationOne(v, h)] as [IRTerm, IRTerm]) };
    default:
      return t;
  }
}

/**
 * A comprehension's head is evaluated after its body, so its iterating refs are bound at the
 * body's end: `[[i, input.xs[i]] | true]` iterates `i` (OPA rewrites the head the same way).
 */
function iterationHead(c: IRTerm, slotNames: string[]): void {
  if (c.t !== 'arraycomp' && c.t !== 'setcomp' && c.t !== 'objectcomp') return;
  const h = hoistInto(c.body, slotNames, []);
  if (c.t === 'objectcomp') {
    c.key = iterationSide(c.key, h);
    c.value = iterationSide(c.value, h);
  } else c.term = iterationSide(c.term, h);
}

/** The closures among `e`'s terms (and inside their heads), not those inside nested bodies. */
function forEachExprClosure(e: IRExpr, f: (c: IRTerm) => void): void {
  forEachIRExprChild(e, { term: (t) => forEachTermClosure(t, f), binder: ignore, body: ignore });
}

function forEachTermClosure(t: IRTerm, f: (c: IRTerm) => void): void {
  if (isClosure(t)) f(t);
  forEachIRChild(t, { term: (x) => forEachTermClosure(x, f), body: ignore });
}

// ---- nested bodies -------------------------------------------------------------------------

const ignore = (): void => {};

/** Bodies nested in `e` (its own and its closures'), the expression's own bodies first. */
function forEachNestedBody(e: IRExpr, f: (b: IRBody) => void): void {
  const terms: IRTerm[] = [];
  forEachIRExprChild(e, { term: (t) => terms.push(t), binder: ignore, body: f });
  for (const t of terms) forEachClosureBody(t, f);
}

/** Bodies of the closures in `t` (not inside those bodies: `rewriteBodies` recurses itself). */
function forEachClosureBody(t: IRTerm, f: (b: IRBody) => void): void {
  if (isClosure(t)) forEachIRChild(t, { term: ignore, body: f });
  forEachIRChild(t, { term: (x) => forEachClosureBody(x, f), body: ignore });
}
