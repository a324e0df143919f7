/**
 * Stage `check-safety`: every variable must be bound before it is read. Body expressions are
 * reordered (stably: an expression moves only when it reads a variable bound later) so that
 * bindings come first, and nested bodies (comprehensions, `every`, `not`) are ordered with the
 * variables bound around them. Errors: `rego_unsafe_var_error: var x is unsafe`.
 */
import { ErrorCodes, PalisadeError } from '../errors.js';
import type { Location } from '../syntax/location.js';
import type { IRBody, IRExpr, IRTerm } from './ir.js';
import { forEachIRChild, forEachIRExprChild, isClosure } from './walk-ir.js';

type Bound = Set<number>;

export class SafetyChecker {
  readonly errors: PalisadeError[] = [];
  private reported = new Set<number>();

  constructor(private readonly slotNames: string[]) {}

  /** Reorders `body` in place given `bound`; returns the slots bound afterwards. */
  body(body: IRBody, bound: Bound): Bound {
    pruneClosureLocals(body, bound);
    const b = new Set(bound);
    const remaining = [...body];
    const out: IRExpr[] = [];
    let progress = true;
    while (remaining.length && progress) {
      progress = false;
      for (let i = 0; i < remaining.length; i++) {
        const e = remaining[i];
        if (this.schedulable(e, b, remaining)) {
          this.finish(e, b);
          out.push(e);
          remaining.splice(i, 1);
          i--;
          progress = true;
        }
      }
    }
    for (const e of remaining) {
      this.reportUnsafe(e, b);
      out.push(e);
    }
    body.splice(0, body.length, ...out);
    return b;
  }

  /** Checks head terms (rule value/key/key path) against the body's bindings. */
  head(terms: IRTerm[], bound: Bound): void {
    // OPA moves head closures into the body, so they are checked and ordered like body terms.
    const headVars = new Set<number>();
    for (const t of terms) walkTerm(t, (x) => void (x.t === 'var' && headVars.add(x.slot)));
    for (const t of terms) {
      pruneTermClosures(t, (s) => bound.has(s) || headVars.has(s));
      this.orderTerm(t, bound);
    }
    for (const t of terms) {
      for (const [slot, loc] of this.unboundVars(t, withSegmentVars(t, bound))) this.unsafe(slot, loc);
    }
  }

  private unsafe(slot: number, loc: Location): void {
    if (this.reported.has(slot)) return;
    this.reported.add(slot);
    const name = this.slotNames[slot];
    this.errors.push(new PalisadeError(ErrorCodes.unsafeVar, `var ${name === '_' ? '_' : name} is unsafe`, loc));
  }

  private reportUnsafe(e: IRExpr, bound: Bound): void {
    const vars: [number, Location][] = [];
    forEachTermOfExpr(e, (t) => this.unboundVars(t, bound, vars));
    let any = false;
    for (const [slot, loc] of vars) {
      if (bound.has(slot) || this.slotNames[slot] === '_') continue;
      this.unsafe(slot, loc);
      any = true;
    }
    if (!any && vars.length) this.unsafe(vars[0][0], vars[0][1]);
  }

  private unboundVars(t: IRTerm, bound: Bound, out: [number, Location][] = []): [number, Location][] {
    walkTerm(t, (x) => {
      if (x.t === 'var' && !bound.has(x.slot)) out.push([x.slot, x.loc]);
    });
    return out;
  }

  // ---- evaluability --------------------------------------------------------------------------

  /** True when `t` can produce values with `bound` (ref segments and patterns may bind). */
  private evaluable(t: IRTerm, bound: Bound): boolean {
    switch (t.t) {
      case 'const':
        return true;
      case 'var':
        return bound.has(t.slot);
      case 'ref':
        if (t.root.kind === 'term' && !this.evaluable(t.root.term, bound)) return false;
        return t.path.every((s) => s.t === 'var' || this.evaluable(s, bound) || isPattern(s));
      case 'call':
        return t.args.every((a) => this.evaluable(a, bound));
      case 'array':
      case 'set':
        return t.items.every((x) => this.evaluable(x, bound));
      case 'object':
        return t.entries.every(([k, v]) => this.evaluable(k, bound) && this.evaluable(v, bound));
      case 'template':
        return t.parts.every((p) => typeof p === 'string' || this.evaluable(p, bound));
      case 'arraycomp':
      case 'setcomp':
      case 'objectcomp':
        return t.captured.every((s) => bound.has(s));
    }
  }

  /** Terms that can take a value by unification: vars, evaluable terms, and literals of those. */
  private patternable(t: IRTerm, bound: Bound): boolean {
    switch (t.t) {
      case 'var':
        return true;
      case 'array':
        return t.items.every((x) => this.patternable(x, bound));
      case 'object':
        return t.entries.every(([k, v]) => this.evaluable(k, bound) && this.patternable(v, bound));
      default:
        return this.evaluable(t, bound);
    }
  }

  private unifiable(l: IRTerm, r: IRTerm, bound: Bound): boolean {
    if (this.evaluable(l, bound) && this.patternable(r, bound)) return true;
    if (this.evaluable(r, bound) && this.patternable(l, bound)) return true;
    const pairs = unifyPairs(l, r);
    if (pairs) {
      const b = new Set(bound);
      const pending = [...pairs];
      let progress = true;
      while (pending.length && progress) {
        progress = false;
        for (let i = 0; i < pending.length; i++) {
          if (this.unifiable(pending[i][0], pending[i][1], b)) {
            collectVars(pending[i][0], b);
            collectVars(pending[i][1], b);
            pending.splice(i--, 1);
            progress = true;
          }
        }
      }
      return pending.length === 0;
    }
    if (l.t === 'const' && r.t === 'array') return r.items.every((x) => isPattern(x) || this.evaluable(x, bound));
    if (r.t === 'const' && l.t === 'array') return l.items.every((x) => isPattern(x) || this.evaluable(x, bound));
    return false;
  }

  private schedulable(e: IRExpr, bound: Bound, others: IRExpr[]): boolean {
    for (const w of e.with) if (w.value.kind === 'term' && !this.evaluable(w.value.term, bound)) return false;
    if (e.negated) {
      const mine = new Set<number>();
      forEachTermOfExpr(e, (t) => collectVars(t, mine));
      if (e.node.kind !== 'and' && e.node.kind !== 'or' && !e.block) {
        // A negated expression binds nothing: every variable in it must be bound before (as OPA).
        for (const s of mine) if (!bound.has(s)) return false;
        return this.nodeSchedulable(e, bound, true);
      }
      // A negated block (`not { … }`) keeps the variables that occur nowhere else to itself.
      const elsewhere = new Set<number>();
      for (const o of others) if (o !== e) forEachTermOfExpr(o, (t) => collectVars(t, elsewhere));
      for (const s of mine) if (!bound.has(s) && elsewhere.has(s)) return false;
      const local = new Set(bound);
      for (const s of mine) if (!elsewhere.has(s)) local.add(s);
      return this.nodeSchedulable(e, local, true);
    }
    return this.nodeSchedulable(e, bound, false);
  }

  private nodeSchedulable(e: IRExpr, bound: Bound, negated: boolean): boolean {
    const n = e.node;
    switch (n.kind) {
      case 'true':
        return true;
      case 'term':
        if (n.term.t === 'call' && isOutputCall(n.term)) {
          const args = n.term.args;
          return args.slice(0, -1).every((a) => this.evaluable(a, bound)) && (negated || isPattern(args[args.length - 1]) || this.evaluable(args[args.length - 1], bound));
        }
        return this.evaluable(n.term, withSegmentVars(n.term, bound));
      case 'unify':
        return this.unifiable(n.left, n.right, withSegmentVars(n.right, withSegmentVars(n.left, bound)));
      case 'somein':
        return this.evaluable(n.collection, bound);
      case 'every':
        return this.evaluable(n.domain, bound) && n.captured.every((s) => bound.has(s));
      case 'and': {
        const b = new Set(bound);
        return this.subSchedulable([...n.left, ...n.right], b);
      }
      case 'or':
        return this.subSchedulable([...n.left], new Set(bound)) && this.subSchedulable([...n.right], new Set(bound));
    }
  }

  private subSchedulable(body: IRExpr[], b: Bound): boolean {
    const remaining = [...body];
    let progress = true;
    while (remaining.length && progress) {
      progress = false;
      for (let i = 0; i < remaining.length; i++) {
        if (this.schedulable(remaining[i], b, remaining)) {
          this.bindsOf(remaining[i], b);
          remaining.splice(i--, 1);
          progress = true;
        }
      }
    }
    return remaining.length === 0;
  }

  /** Records the expression's bindings in `b` and orders its nested bodies. */
  private finish(e: IRExpr, b: Bound): void {
    const inner = new Set(b);
    if (e.negated) forEachTermOfExpr(e, (t) => collectVars(t, inner));
    this.orderNested(e, e.negated ? inner : b);
    if (!e.negated) this.bindsOf(e, b);
  }

  private bindsOf(e: IRExpr, b: Bound): void {
    const n = e.node;
    if (e.negated) return;
    switch (n.kind) {
      case 'term':
        if (n.term.t === 'call' && isOutputCall(n.term)) collectVars(n.term.args[n.term.args.length - 1], b);
        else collectRefSegmentVars(n.term, b);
        break;
      case 'unify':
        collectVars(n.left, b);
        collectVars(n.right, b);
        break;
      case 'somein':
        collectRefSegmentVars(n.collection, b);
        if (n.key) collectVars(n.key, b);
        collectVars(n.value, b);
        break;
      case 'and':
        for (const x of [...n.left, ...n.right]) this.bindsOf(x, b);
        break;
      case 'or': {
        const l = new Set(b);
        const r = new Set(b);
        for (const x of n.left) this.bindsOf(x, l);
        for (const x of n.right) this.bindsOf(x, r);
        for (const s of l) if (r.has(s)) b.add(s);
        break;
      }
      default:
        break;
    }
  }

  /** Orders comprehension, every and logic bodies nested in `e`, given the outer bindings. */
  private orderNested(e: IRExpr, bound: Bound): void {
    const n = e.node;
    const visitTerm = (t: IRTerm) => this.orderTerm(t, bound);
    switch (n.kind) {
      case 'every': {
        visitTerm(n.domain);
        const b = new Set(bound);
        if (n.key) collectVars(n.key, b);
        collectVars(n.value, b);
        this.body(n.body, b);
        break;
      }
      case 'and': {
        const b = new Set(bound);
        this.body(n.left, b);
        this.body(n.right, this.bodyBinds(n.left, b));
        break;
      }
      case 'or':
        this.body(n.left, new Set(bound));
        this.body(n.right, new Set(bound));
        break;
      default:
        forEachTermOfExpr(e, visitTerm);
    }
  }

  private bodyBinds(body: IRBody, bound: Bound): Bound {
    const b = new Set(bound);
    for (const e of body) this.bindsOf(e, b);
    return b;
  }

  private orderTerm(t: IRTerm, bound: Bound): void {
    walkTerm(t, (x) => {
      if (x.t === 'arraycomp' || x.t === 'setcomp') {
        const b = this.body(x.body, bound);
        this.head([x.term], b);
        return false;
      }
      if (x.t === 'objectcomp') {
        const b = this.body(x.body, bound);
        this.head([x.key, x.value], b);
        return false;
      }
      return true;
    });
  }
}

// ---- IR walking helpers ----------------------------------------------------------------------

/**
 * Calls `f` on `t` and its subterms, stopping where `f` returns false. Closures are not entered:
 * they expose only their captured variables to the enclosing body.
 */
export function walkTerm(t: IRTerm, f: (t: IRTerm) => boolean | void): void {
  if (f(t) === false || isClosure(t)) return;
  forEachIRChild(t, { term: (x) => walkTerm(x, f), body: noBody });
}

const noBody = (): void => {};

/** The terms an expression reads, `and`/`or` operands included (not `every`'s bound variables or body). */
export function forEachTermOfExpr(e: IRExpr, f: (t: IRTerm) => void): void {
  const every = e.node.kind === 'every';
  forEachIRExprChild(e, { term: f, binder: noBody, body: (b) => every || b.forEach((x) => forEachTermOfExpr(x, f)) });
}

/** Adds every variable slot of `t` (including closures' captured ones) to `out`. */
export function collectVars(t: IRTerm, out: Set<number>): void {
  walkTerm(t, (x) => {
    if (x.t === 'var') out.add(x.slot);
    if (isClosure(x)) for (const s of x.captured) out.add(s);
  });
}

/** `bound` plus the variables bound by ref segments inside `t` (refs run before calls use them). */
function withSegmentVars(t: IRTerm, bound: Bound): Bound {
  const b = new Set(bound);
  collectRefSegmentVars(t, b);
  return b.size === bound.size ? bound : b;
}

function collectRefSegmentVars(t: IRTerm, out: Set<number>): void {
  walkTerm(t, (x) => {
    if (x.t === 'ref') for (const s of x.path) if (s.t === 'var' || ((s.t === 'array' || s.t === 'object') && isPattern(s))) collectVars(s, out);
    return !isClosure(x);
  });
}

/**
 * Element pairs for structural unification of two literals: arrays of equal length pairwise,
 * objects with the same constant keys by key (single-entry objects by position).
 */
export function unifyPairs(l: IRTerm, r: IRTerm): [IRTerm, IRTerm][] | undefined {
  if (l.t === 'array' && r.t === 'array' && l.items.length === r.items.length) return l.items.map((x, i) => [x, r.items[i]]);
  if (l.t === 'object' && r.t === 'object' && l.entries.length === r.entries.length) {
    if (l.entries.length === 1) return [[l.entries[0][0], r.entries[0][0]], [l.entries[0][1], r.entries[0][1]]];
    const pairs: [IRTerm, IRTerm][] = [];
    for (const [k, v] of l.entries) {
      if (k.t !== 'const') return undefined;
      const other = r.entries.find(([k2]) => k2.t === 'const' && keyEq(k2.v, k.v));
      if (!other) return undefined;
      pairs.push([v, other[1]]);
    }
    return pairs;
  }
  return undefined;
}

function keyEq(a: unknown, b: unknown): boolean {
  return a === b;
}

/** Terms that can take a value by unification: vars and array/object literals of patterns. */
function isPattern(t: IRTerm): boolean {
  switch (t.t) {
    case 'var':
    case 'const':
      return true;
    case 'array':
      return t.items.every(isPattern);
    case 'object':
      return t.entries.every(([k, v]) => k.t === 'const' && isPattern(v));
    default:
      return false;
  }
}

/** A call written with one extra argument (`plus(1, 2, x)`) binds its result to that argument. */
export function isOutputCall(t: Extract<IRTerm, { t: 'call' }>): boolean {
  if (t.fn.kind === 'builtin') {
    const d = t.fn.decl;
    return !d.variadic && t.args.length === d.params.length + 1;
  }
  return t.args.length === t.fn.arity + 1;
}

/**
 * A closure shares a variable with the enclosing body only when that body mentions it outside
 * closures or it is bound around the body; otherwise it is the closure's own (OPA: `some i`
 * declared in a body but used only inside a comprehension is local to the comprehension).
 * Removes such variables from the closures' captured lists so that they are bound inside.
 */
function pruneClosureLocals(body: IRBody, bound: Bound): void {
  const mentioned = new Set<number>();
  for (const e of body) forEachTermOfExpr(e, (t) => walkTerm(t, (x) => void (x.t === 'var' && mentioned.add(x.slot))));
  const shared = (s: number) => bound.has(s) || mentioned.has(s);
  for (const e of body) {
    if (e.node.kind === 'every') e.node.captured = e.node.captured.filter(shared);
    forEachTermOfExpr(e, (t) => pruneTermClosures(t, shared));
  }
}

function pruneTermClosures(t: IRTerm, shared: (s: number) => boolean): void {
  walkTerm(t, (x) => {
    if (isClosure(x)) x.captured = x.captured.filter(shared);
  });
}
