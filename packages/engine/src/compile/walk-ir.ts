/** Visits every term of IR bodies, including nested closure and `every` bodies. */
import type { IRBody, IRExpr, IRTerm } from './ir.js';

export function visitBody(body: IRBody, f: (t: IRTerm) => void): void {
  for (const e of body) visitExpr(e, f);
}

export function visitExpr(e: IRExpr, f: (t: IRTerm) => void): void {
  const n = e.node;
  switch (n.kind) {
    case 'term':
      visitTerm(n.term, f);
      break;
    case 'unify':
      visitTerm(n.left, f);
      visitTerm(n.right, f);
      break;
    case 'somein':
      if (n.key) visitTerm(n.key, f);
      visitTerm(n.value, f);
      visitTerm(n.collection, f);
      break;
    case 'every':
      visitTerm(n.domain, f);
      visitBody(n.body, f);
      break;
    case 'and':
    case 'or':
      visitBody(n.left, f);
      visitBody(n.right, f);
      break;
  }
  for (const w of e.with) if (w.value.kind === 'term') visitTerm(w.value.term, f);
}

export function visitTerm(t: IRTerm, f: (t: IRTerm) => void): void {
  f(t);
  switch (t.t) {
    case 'ref':
      if (t.root.kind === 'term') visitTerm(t.root.term, f);
      t.path.forEach((s) => visitTerm(s, f));
      break;
    case 'call':
      t.args.forEach((a) => visitTerm(a, f));
      break;
    case 'array':
    case 'set':
      t.items.forEach((x) => visitTerm(x, f));
      break;
    case 'object':
      t.entries.forEach(([k, v]) => {
        visitTerm(k, f);
        visitTerm(v, f);
      });
      break;
    case 'template':
      t.parts.forEach((p) => typeof p !== 'string' && visitTerm(p, f));
      break;
    case 'arraycomp':
    case 'setcomp':
      visitTerm(t.term, f);
      visitBody(t.body, f);
      break;
    case 'objectcomp':
      visitTerm(t.key, f);
      visitTerm(t.value, f);
      visitBody(t.body, f);
      break;
  }
}

/** Terms of a rule definition: body, head parts and else clauses. */
export function defTerms(def: { body: IRBody; keyPath: IRTerm[]; key?: IRTerm; value?: IRTerm; args?: IRTerm[]; elses: { body: IRBody; value: IRTerm }[] }, f: (t: IRTerm) => void): void {
  visitBody(def.body, f);
  def.keyPath.forEach((t) => visitTerm(t, f));
  if (def.key) visitTerm(def.key, f);
  if (def.value) visitTerm(def.value, f);
  def.args?.forEach((t) => visitTerm(t, f));
  for (const e of def.elses) {
    visitBody(e.body, f);
    visitTerm(e.value, f);
  }
}

/** Calls `g` for every expression of `body`, nested ones included (comprehension, `every`, `and`/`or` bodies). */
export function visitExprsDeep(body: IRBody, g: (e: IRExpr) => void): void {
  for (const e of body) {
    g(e);
    const n = e.node;
    const nested = (t: IRTerm) => shallowClosures(t, (b) => visitExprsDeep(b, g));
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

/** Calls `h` with the body of each comprehension in `t`, without entering those bodies. */
function shallowClosures(t: IRTerm, h: (b: IRBody) => void): void {
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
      rec(t.term);
      h(t.body);
      break;
    case 'objectcomp':
      rec(t.key);
      rec(t.value);
      h(t.body);
      break;
  }
}

/** Calls `g` for every expression inside the comprehensions of `t` (nested ones included). */
export function visitTermExprsDeep(t: IRTerm, g: (e: IRExpr) => void): void {
  shallowClosures(t, (b) => visitExprsDeep(b, g));
}
