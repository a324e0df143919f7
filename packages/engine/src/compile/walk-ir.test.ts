import { describe, expect, it } from 'vitest';
import type { Location } from '../syntax/location.js';
import type { IRBody, IRExpr, IRExprNode, IRTerm } from './ir.js';
import { forEachIRChild, forEachIRExprChild, visitBody } from './walk-ir.js';

const loc: Location = { file: 'x.rego', row: 1, col: 1, endRow: 1, endCol: 1, offset: 0, endOffset: 0 };
let n = 0;
const v = (): IRTerm => ({ t: 'var', slot: n, name: `v${n++}`, loc });
const expr = (node: IRExprNode, withValue = false): IRExpr => ({
  node,
  negated: false,
  with: withValue ? [{ target: { kind: 'input', path: [] }, value: { kind: 'term', term: v() }, loc }] : [],
  loc,
});
const body = (): IRBody => [expr({ kind: 'term', term: v() })];

type TermOf<K extends IRTerm['t']> = Extract<IRTerm, { t: K }>;

/**
 * One term of each kind with every optional field filled. A mapped type over `IRTerm['t']`: a
 * kind added to the IR without a sample here does not type-check (tsconfig.tests.json).
 */
const TERMS: { [K in IRTerm['t']]: () => TermOf<K> } = {
  const: () => ({ t: 'const', v: 1, loc }),
  var: () => v() as TermOf<'var'>,
  ref: () => ({ t: 'ref', root: { kind: 'term', term: v() }, path: [v(), v()], loc }),
  call: () => ({ t: 'call', fn: { kind: 'rule', path: ['f'], name: 'f', arity: 2 }, args: [v(), v()], loc }),
  array: () => ({ t: 'array', items: [v(), v()], loc }),
  set: () => ({ t: 'set', items: [v(), v()], loc }),
  object: () => ({ t: 'object', entries: [[v(), v()], [v(), v()]], loc }),
  arraycomp: () => ({ t: 'arraycomp', term: v(), body: body(), captured: [1], loc }),
  setcomp: () => ({ t: 'setcomp', term: v(), body: body(), captured: [1], loc }),
  objectcomp: () => ({ t: 'objectcomp', key: v(), value: v(), body: body(), captured: [1], loc }),
  template: () => ({ t: 'template', parts: ['a', v(), 'b', v()], spread: [false, true, false, false], loc }),
};

const EXPRS: { [K in IRExprNode['kind']]: () => IRExpr } = {
  term: () => expr({ kind: 'term', term: v() }, true),
  unify: () => expr({ kind: 'unify', left: v(), right: v() }),
  somein: () => expr({ kind: 'somein', key: v(), value: v(), collection: v() }),
  every: () => expr({ kind: 'every', key: v(), value: v(), domain: v(), body: body(), captured: [] }, true),
  and: () => expr({ kind: 'and', left: body(), right: body() }),
  or: () => expr({ kind: 'or', left: body(), right: body() }),
  true: () => expr({ kind: 'true' }, true),
};

const TERM_KINDS = new Set<string>(Object.keys(TERMS));
const isTerm = (x: object): boolean => TERM_KINDS.has((x as { t?: string }).t ?? '') && 'loc' in x;
const isBody = (x: unknown): boolean => Array.isArray(x) && x.length > 0 && x.every((e) => typeof e === 'object' && e !== null && 'node' in e);

/** The nearest terms and bodies anywhere in a node's fields, found from its data, not its kind. */
function childrenByReflection(node: object): unknown[] {
  const out: unknown[] = [];
  const scan = (x: unknown): void => {
    if (typeof x !== 'object' || x === null) return;
    if (isBody(x) || (!Array.isArray(x) && isTerm(x))) out.push(x);
    else for (const [k, y] of Object.entries(x)) if (k !== 'loc') scan(y);
  };
  for (const [k, y] of Object.entries(node)) if (k !== 'loc') scan(y);
  return out;
}

describe('the IR visitor', () => {
  it.each(Object.keys(TERMS) as IRTerm['t'][])('gives every child of a %s term to a callback, once', (kind) => {
    const t = TERMS[kind]();
    const seen: unknown[] = [];
    forEachIRChild(t, { term: (x) => seen.push(x), body: (b) => seen.push(b) });
    const expected = childrenByReflection(t);
    expect(seen).toHaveLength(expected.length);
    expect(new Set(seen)).toEqual(new Set(expected));
  });

  it.each(Object.keys(EXPRS) as IRExprNode['kind'][])('gives every child of a %s expression to a callback, once', (kind) => {
    const e = EXPRS[kind]();
    const seen: unknown[] = [];
    forEachIRExprChild(e, { term: (x) => seen.push(x), binder: (x) => seen.push(x), body: (b) => seen.push(b) });
    const expected = childrenByReflection(e);
    expect(seen).toHaveLength(expected.length);
    expect(new Set(seen)).toEqual(new Set(expected));
  });

  it('the deep walk enters comprehension and every bodies; typeChecked skips every bodies but not their closures', () => {
    const inner = TERMS.arraycomp();
    const everyBody: IRBody = [expr({ kind: 'unify', left: v(), right: inner })];
    const b: IRBody = [expr({ kind: 'every', value: v(), domain: v(), body: everyBody, captured: [] })];
    const all: IRTerm[] = [];
    visitBody(b, (t) => all.push(t));
    const checked: IRTerm[] = [];
    visitBody(b, (t) => checked.push(t), true);
    const left = (everyBody[0]!.node as { left: IRTerm }).left;
    expect(all).toContain(left);
    expect(all).toContain(inner);
    expect(checked).not.toContain(left);
    expect(checked).toContain(inner);
    expect(checked).toContain(inner.t === 'arraycomp' ? inner.term : undefined);
  });
});
