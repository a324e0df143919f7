import { describe, expect, it } from 'vitest';
import type { Body, Expr, ExprNode, Term, VarTerm, WithModifier } from './ast.js';
import type { Location } from './location.js';
import { forEachChild, forEachExprChild, walkBody, walkRule } from './visit.js';
import { parseModule } from './parse.js';

const loc: Location = { file: 'x.rego', row: 1, col: 1, endRow: 1, endCol: 1, offset: 0, endOffset: 0 };
let n = 0;
const v = (): VarTerm => ({ type: 'var', name: `v${n++}`, loc });
const expr = (node: ExprNode, withs: WithModifier[] = []): Expr => ({ node, negated: false, with: withs, loc });
const body = (): Body => [expr({ kind: 'term', term: v() })];
const mod = (): WithModifier => ({ target: v(), value: v(), loc });

type TermOf<K extends Term['type']> = Extract<Term, { type: K }>;

/**
 * One term of each kind with every optional field filled. A mapped type over `Term['type']`: a
 * kind added to the AST without a sample here does not type-check (tsconfig.tests.json).
 */
const TERMS: { [K in Term['type']]: () => TermOf<K> } = {
  null: () => ({ type: 'null', loc }),
  boolean: () => ({ type: 'boolean', value: true, loc }),
  number: () => ({ type: 'number', text: '1', value: 1, loc }),
  string: () => ({ type: 'string', value: 's', raw: false, loc }),
  var: v,
  template: () => ({ type: 'template', parts: ['a', v(), 'b', v()], withs: [undefined, [mod()], undefined, [mod(), mod()]], raw: false, loc }),
  ref: () => ({ type: 'ref', head: v(), path: [v(), v()], loc }),
  call: () => ({ type: 'call', fn: v(), args: [v(), v()], loc }),
  array: () => ({ type: 'array', items: [v(), v()], loc }),
  set: () => ({ type: 'set', items: [v(), v()], loc }),
  object: () => ({ type: 'object', entries: [[v(), v()], [v(), v()]], loc }),
  arraycomp: () => ({ type: 'arraycomp', term: v(), body: body(), loc }),
  setcomp: () => ({ type: 'setcomp', term: v(), body: body(), loc }),
  objectcomp: () => ({ type: 'objectcomp', key: v(), value: v(), body: body(), loc }),
};

const EXPRS: { [K in ExprNode['kind']]: () => Expr } = {
  term: () => expr({ kind: 'term', term: v() }, [mod()]),
  unify: () => expr({ kind: 'unify', left: v(), right: v() }),
  assign: () => expr({ kind: 'assign', left: v(), right: v() }),
  some: () => expr({ kind: 'some', vars: [v(), v()] }),
  somein: () => expr({ kind: 'somein', key: v(), value: v(), collection: v() }),
  every: () => expr({ kind: 'every', key: v(), value: v(), domain: v(), body: body() }, [mod()]),
  logic: () => expr({ kind: 'logic', op: 'or', left: body(), right: body() }),
};

const TERM_KINDS = new Set<string>(Object.keys(TERMS));
const isTerm = (x: object): boolean => TERM_KINDS.has((x as { type?: string }).type ?? '') && 'loc' in x;
const isBody = (x: unknown): boolean => Array.isArray(x) && x.length > 0 && x.every((e) => typeof e === 'object' && e !== null && 'node' in e);
const isWith = (x: object): boolean => 'target' in x && 'value' in x && !('type' in x);

/**
 * The children of a node found by looking at its data rather than its kind: the nearest terms,
 * bodies and `with` modifiers anywhere in its fields (not inside them). What a visitor must report.
 */
function childrenByReflection(node: object): unknown[] {
  const out: unknown[] = [];
  const scan = (x: unknown): void => {
    if (typeof x !== 'object' || x === null) return;
    if (isBody(x) || (!Array.isArray(x) && (isTerm(x) || isWith(x)))) out.push(x);
    else for (const [k, y] of Object.entries(x)) if (k !== 'loc') scan(y);
  };
  for (const [k, y] of Object.entries(node)) if (k !== 'loc') scan(y);
  return out;
}

describe('the AST visitor', () => {
  it.each(Object.keys(TERMS) as Term['type'][])('gives every child of a %s term to exactly one callback, once', (kind) => {
    const t = TERMS[kind]();
    const seen: unknown[] = [];
    forEachChild(t, { term: (x) => seen.push(x), callee: (x) => seen.push(x), body: (b) => seen.push(b), with: (w) => seen.push(w) });
    const expected = childrenByReflection(t);
    expect(seen).toHaveLength(expected.length);
    expect(new Set(seen)).toEqual(new Set(expected));
  });

  it.each(Object.keys(EXPRS) as ExprNode['kind'][])('gives every child of a %s expression to exactly one callback, once', (kind) => {
    const e = EXPRS[kind]();
    const seen: unknown[] = [];
    forEachExprChild(e, { term: (x) => seen.push(x), declared: (x) => seen.push(x), body: (b) => seen.push(b), with: (w) => seen.push(w) });
    const expected = childrenByReflection(e);
    expect(seen).toHaveLength(expected.length);
    expect(new Set(seen)).toEqual(new Set(expected));
  });

  it('the deep walk reaches variables in template `with` modifiers, callees and else clauses', () => {
    const src = 'package p\n\nf(a) := $"{a with input as b}" if { c := 1; count([d | d := c]) > 0 } else := e if { some e }\n';
    const { module } = parseModule('p.rego', src);
    const names: string[] = [];
    walkRule(module!.rules[0]!, { term: (t) => void (t.type === 'var' && names.push(t.name)) });
    expect(new Set(names)).toEqual(new Set(['f', 'a', 'input', 'b', 'c', 'count', 'gt', 'd', 'e']));
  });

  it('walkBody calls `expr` for nested expressions too (comprehension and every bodies)', () => {
    const { module } = parseModule('p.rego', 'package p\n\np if { every x in [y | y := 1] { x > 0 } }\n');
    const rows: string[] = [];
    walkBody(module!.rules[0]!.body, { expr: (e) => rows.push(e.node.kind) });
    expect(rows).toEqual(['every', 'assign', 'term']);
  });
});
