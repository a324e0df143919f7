/** Helpers of the CST → AST builder: CST accessors, `and`/`or` operands, rule-head checks. */
import type { CstNode, IToken } from 'chevrotain';
import type { Body, Expr, ExprNode, RuleHead, Term } from './ast.js';
import { spanOf, type Location } from './location.js';

export type Child = CstNode | IToken;

export function isNode(c: Child): c is CstNode {
  return (c as CstNode).children !== undefined;
}
export function lbrace(n: CstNode): IToken {
  return toks(n, 'LCurly')[0];
}
export function nodes(n: CstNode, key: string): CstNode[] {
  return (n.children[key] as CstNode[] | undefined) ?? [];
}
export function toks(n: CstNode, key: string): IToken[] {
  return (n.children[key] as IToken[] | undefined) ?? [];
}
// ---- helpers ----------------------------------------------------------------------------------

/** An operand of `and` / `or`: a single expression or a `{ … }` block. */
export type Operand = { expr: Expr; block?: undefined; loc: Location } | { block: Body; expr?: undefined; loc: Location };

export function combine(op: 'and' | 'or', l: Operand, r: Operand): Operand {
  const loc = spanOf(l.loc, r.loc);
  return { expr: { node: { kind: 'logic', op, left: asBody(l), right: asBody(r) }, negated: false, with: [], loc }, loc };
}
export function asBody(op: Operand): Body {
  return op.block ?? [op.expr as Expr];
}
export function asExpr(op: Operand): Expr {
  if (op.expr) return op.expr;
  if (op.block.length === 1) return op.block[0];
  return { node: andTrue(op.block), negated: false, with: [], loc: op.loc };
}
/** A block `{ a; b }` used as one expression: `{ a; b } and { true }` keeps its own scope. */
export function andTrue(body: Body): ExprNode {
  const last = body[body.length - 1];
  const t: Expr = { node: { kind: 'term', term: { type: 'boolean', value: true, loc: last.loc } }, negated: false, with: [], loc: last.loc };
  return { kind: 'logic', op: 'and', left: body, right: [t] };
}

export function termKind(t: Term): string {
  switch (t.type) {
    case 'arraycomp': case 'setcomp': case 'objectcomp': return 'comprehension';
    case 'template': return 'template string';
    default: return t.type;
  }
}

export function refName(head: RuleHead): string {
  const r = head.ref;
  if (r.type === 'var') return r.name;
  let s = r.head.type === 'var' ? r.head.name : '?';
  for (const p of r.path) s += p.type === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(p.value) ? `.${p.value}` : p.type === 'var' ? `[${p.name}]` : '[…]';
  return s;
}

/** `p[x]` with no value, `contains` or arguments: Rego v0's partial set syntax. */
export function isV0PartialSet(head: RuleHead): boolean {
  return head.ref.type === 'ref' && head.ref.path.length === 1 && head.ref.path[0].type !== 'string' && !head.args && head.value === undefined && !head.contains;
}

/** Default values must be constant (comprehensions excepted): returns the offending kind. */
export function findNonConstant(t: Term): string | undefined {
  switch (t.type) {
    case 'var': return 'var';
    case 'ref': return 'ref';
    case 'call': return 'call';
    case 'template': return t.parts.some((p) => typeof p !== 'string') ? 'template string' : undefined;
    case 'array': case 'set': for (const i of t.items) { const b = findNonConstant(i); if (b) return b; } return undefined;
    case 'object': for (const [k, v] of t.entries) { const b = findNonConstant(k) ?? findNonConstant(v); if (b) return b; } return undefined;
    default: return undefined;
  }
}

export function templateExprProblem(e: Expr): string | undefined {
  if (e.negated) return "unexpected negation ('not') in template-string expression";
  switch (e.node.kind) {
    case 'unify': return "unexpected unification ('=') in template-string expression";
    case 'assign': return "unexpected assignment (':=') in template-string expression";
    case 'some': case 'somein': return "unexpected 'some' in template-string expression";
    case 'every': return "unexpected 'every' in template-string expression";
    case 'logic': return `unexpected '${e.node.op}' in template-string expression`;
    default: break;
  }
  return undefined;
}
