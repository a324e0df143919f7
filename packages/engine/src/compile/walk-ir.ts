/** Visits every term of IR bodies, including nested closure and `every` bodies. */
import type { IRBody, IRExpr, IRTerm } from './ir.js';

/**
 * With `typeChecked`, the bodies of `every` are skipped except for the comprehensions inside them:
 * what OPA's type checker looks at (it checks closures everywhere, but not `every` bodies).
 */
export function visitBody(body: IRBody, f: (t: IRTerm) => void, typeChecked = false): void {
  for (const e of body) visitExpr(e, f, typeChecked);
}

export function visitExpr(e: IRExpr, f: (t: IRTerm) => void, typeChecked = false): void {
  const n = e.node;
  const tc = typeChecked;
  switch (n.kind) {
    case 'term':
      visitTerm(n.term, f, tc);
      break;
    case 'unify':
      visitTerm(n.left, f, tc);
      visitTerm(n.right, f, tc);
      break;
    case 'somein':
      if (n.key) visitTerm(n.key, f, tc);
      visitTerm(n.value, f, tc);
      visitTerm(n.collection, f, tc);
      break;
    case 'every':
      visitTerm(n.domain, f, tc);
      if (tc) everyClosures(n.body, (c) => visitTerm(c, f, true));
      else visitBody(n.body, f);
      break;
    case 'and':
    case 'or':
      visitBody(n.left, f, tc);
      visitBody(n.right, f, tc);
      break;
  }
  for (const w of e.with) if (w.value.kind === 'term') visitTerm(w.value.term, f, tc);
}

export function visitTerm(t: IRTerm, f: (t: IRTerm) => void, typeChecked = false): void {
  const tc = typeChecked;
  f(t);
  switch (t.t) {
    case 'ref':
      if (t.root.kind === 'term') visitTerm(t.root.term, f, tc);
      t.path.forEach((s) => visitTerm(s, f, tc));
      break;
    case 'call':
      t.args.forEach((a) => visitTerm(a, f, tc));
      break;
    case 'array':
    case 'set':
      t.items.forEach((x) => visitTerm(x, f, tc));
      break;
    case 'object':
      t.entries.forEach(([k, v]) => {
        visitTerm(k, f, tc);
        visitTerm(v, f, tc);
      });
      break;
    case 'template':
      t.parts.forEach((p) => typeof p !== 'string' && visitTerm(p, f, tc));
      break;
    case 'arraycomp':
    case 'setcomp':
      visitTerm(t.term, f, tc);
      visitBody(t.body, f, tc);
      break;
    case 'objectcomp':
      visitTerm(t.key, f, tc);
      visitTerm(t.value, f, tc);
      visitBody(t.body, f, tc);
      break;
  }
}

/** Calls `h` with each comprehension in an `every` body (nested `every` bodies included), without entering them. */
export function everyClosures(body: IRBody, h: (comp: IRTerm) => void): void {
  for (const e of body) {
    const n = e.node;
    const shallow = (t: IRTerm) => shallowClosures(t, h);
    switch (n.kind) {
      case 'term':
        shallow(n.term);
        break;
      case 'unify':
        shallow(n.left);
        shallow(n.right);
        break;
      case 'somein':
        if (n.key) shallow(n.key);
        shallow(n.value);
        shallow(n.collection);
        break;
      case 'every':
        shallow(n.domain);
        everyClosures(n.body, h);
        break;
      case 'and':
      case 'or':
        everyClosures(n.left, h);
        everyClosures(n.right, h);
        break;
    }
    for (const w of e.with) if (w.value.kind === 'term') shallow(w.value.term);
  }
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
    const n = e.node;
    const nested = (t: IRTerm) => shallowClosures(t, (c) => closureExprsDeep(c, g));
    switch (n.kind) {
      case 'term':
        nested(n.term);
        break;
      case 'unify':
        nested(n.left);
        nested(n.right);
        break;
      case 'somein':
        if (n.key) nested(n.key);
        nested(n.value);
        nested(n.collection);
        break;
      case 'every':
        nested(n.domain);
        visitExprsDeep(n.body, g);
        break;
      case 'and':
      case 'or':
        visitExprsDeep(n.left, g);
        visitExprsDeep(n.right, g);
        break;
    }
    for (const w of e.with) if (w.value.kind === 'term') nested(w.value.term);
  }
}

function closureBody(c: IRTerm): IRBody {
  return c.t === 'arraycomp' || c.t === 'setcomp' || c.t === 'objectcomp' ? c.body : [];
}

/** Calls `h` with each comprehension in `t`, without entering their bodies. */
function shallowClosures(t: IRTerm, h: (comp: IRTerm) => void): void {
  const rec = (x: IRTerm) => shallowClosures(x, h);
  switch (t.t) {
    case 'ref':
      if (t.root.kind === 'term') rec(t.root.term);
      t.path.forEach(rec);
      break;
    case 'call':
      t.args.forEach(rec);
      break;
    case 'array':
    case 'set':
      t.items.forEach(rec);
      break;
    case 'object':
      t.entries.forEach(([k, v]) => {
        rec(k);
        rec(v);
      });
      break;
    case 'template':
      t.parts.forEach((p) => typeof p !== 'string' && rec(p));
      break;
    case 'arraycomp':
    case 'setcomp':
    case 'objectcomp':
      h(t);
      break;
  }
}

/** Calls `g` for every expression inside the comprehensions of `t` (nested ones included). */
export function visitTermExprsDeep(t: IRTerm, g: (e: IRExpr) => void): void {
  shallowClosures(t, (c) => closureExprsDeep(c, g));
}

/** The expressions of a comprehension: its body's and those of comprehensions in its head. */
function closureExprsDeep(c: IRTerm, g: (e: IRExpr) => void): void {
  visitExprsDeep(closureBody(c), g);
  const heads = c.t === 'arraycomp' || c.t === 'setcomp' ? [c.term] : c.t === 'objectcomp' ? [c.key, c.value] : [];
  for (const h of heads) visitTermExprsDeep(h, g);
}
