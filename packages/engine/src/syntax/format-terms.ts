/**
 * Printing of bodies, expressions and terms for the canonical formatter (format.ts). Output is
 * Rego v1 in OPA's style: tabs, one expression per line, `;` only inside one-line comprehensions,
 * composites and call arguments kept on several lines when the source had them so, parentheses
 * only where precedence needs them. Comments are taken from a shared cursor so none is lost:
 * those inside multi-line composites stay with their item, others move before the next line.
 */
import type { Body, Comment, Expr, Term, RefTerm, VarTerm, CallTerm } from './ast.js';
import { callName } from './ast.js';

const BIN_SYMBOL: Record<string, string> = {
  equal: '==', neq: '!=', lt: '<', lte: '<=', gt: '>', gte: '>=', or: '|', and: '&', plus: '+', minus: '-', mul: '*', div: '/', rem: '%',
};
const PREC: Record<string, number> = { equal: 0, neq: 0, lt: 0, lte: 0, gt: 0, gte: 0, or: 1, and: 2, plus: 3, minus: 3, mul: 4, div: 4, rem: 4 };
/** Precedence of `x in xs` (below every binary operator) and of primaries. */
const IN_PREC = -1;
const PRIMARY = 10;

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Keywords that would read as literals after a dot; printed in brackets. */
const LITERAL_WORDS = new Set(['true', 'false', 'null']);

export const TAB = '\t';

export class TermPrinter {
  private ci = 0;

  constructor(
    readonly source: string,
    private readonly comments: Comment[],
  ) {}

  // ---- comments -----------------------------------------------------------------------------

  /** Own-line comments starting before `offset` (single blank lines kept when `blanks`). */
  commentsBefore(offset: number, ind: string, prevEnd: number, blanks = true): { lines: string[]; end: number } {
    const lines: string[] = [];
    let end = prevEnd;
    while (this.ci < this.comments.length && this.comments[this.ci].loc.offset < offset) {
      const c = this.comments[this.ci++];
      if (blanks && end >= 0 && this.blankBetween(end, c.loc.offset)) lines.push('');
      lines.push(ind + '#' + c.text.trimEnd());
      end = c.loc.endOffset;
    }
    return { lines, end };
  }

  /** ` # text` for a comment on `row` at or after `offset`, else ''. */
  trailing(row: number, offset: number): string {
    const c = this.comments[this.ci];
    if (c && c.loc.row === row && c.loc.offset >= offset) {
      this.ci++;
      return ' #' + c.text.trimEnd();
    }
    return '';
  }

  /** Every comment not yet printed. */
  rest(): Comment[] {
    const out = this.comments.slice(this.ci);
    this.ci = this.comments.length;
    return out;
  }

  peekOffset(): number {
    return this.comments[this.ci]?.loc.offset ?? Infinity;
  }

  blankBetween(from: number, to: number): boolean {
    if (from < 0 || to <= from) return false;
    return /\n[ \t\r\f\v]*\n/.test(this.source.slice(from, to));
  }

  // ---- bodies and expressions ---------------------------------------------------------------

  /** Body lines at `ind` (used for rule bodies, `every` and multi-line comprehensions). */
  bodyLines(body: Body, ind: string, end: number): string[] {
    const out: string[] = [];
    let prevEnd = -1;
    for (const e of body) {
      const start = Math.min(e.loc.offset, this.peekOffset());
      if (prevEnd >= 0 && this.blankBetween(prevEnd, start)) out.push('');
      const lead = this.commentsBefore(e.loc.offset, ind, -1, false);
      out.push(...lead.lines);
      // Keep a blank line between a comment block and the expression when the source has one.
      if (lead.lines.length && this.blankBetween(lead.end, e.loc.offset)) out.push('');
      const text = this.expr(e, ind);
      out.push(ind + text + this.trailing(e.loc.endRow, e.loc.endOffset));
      prevEnd = e.loc.endOffset;
    }
    out.push(...this.commentsBefore(end, ind, prevEnd).lines);
    return out;
  }

  expr(e: Expr, ind: string): string {
    let s = this.exprNode(e, ind);
    if (e.negated && e.block) s = `not { ${s} }`;
    else if (e.negated) s = e.node.kind === 'logic' && !isBlockOnly(e) ? `not (${s})` : 'not ' + s;
    for (const w of e.with) s += ` with ${this.term(w.target, ind)} as ${this.term(w.value, ind)}`;
    return s;
  }

  private exprNode(e: Expr, ind: string): string {
    const n = e.node;
    switch (n.kind) {
      case 'term':
        return this.term(n.term, ind, true);
      case 'unify':
        return `${this.term(n.left, ind)} = ${this.term(n.right, ind)}`;
      case 'assign':
        return `${this.term(n.left, ind)} := ${this.term(n.right, ind)}`;
      case 'some':
        return 'some ' + n.vars.map((v) => v.name).join(', ');
      case 'somein': {
        const key = n.key ? this.operand(n.key, ind, PRIMARY - 1) + ', ' : '';
        return `some ${key}${this.operand(n.value, ind, PRIMARY - 1)} in ${this.operand(n.collection, ind, PRIMARY - 1)}`;
      }
      case 'every': {
        const key = n.key ? n.key.name + ', ' : '';
        const inner = this.bodyLines(n.body, ind + TAB, e.loc.endOffset);
        return `every ${key}${n.value.name} in ${this.operand(n.domain, ind, PRIMARY - 1)} {\n${inner.join('\n')}\n${ind}}`;
      }
      case 'logic':
        return this.logic(e, ind);
    }
  }

  /** `a and b`, `a or b`; a block used as one expression (`not not x`, `not { … }`) is an `and` with `true`. */
  private logic(e: Expr, ind: string): string {
    const n = e.node as Extract<Expr['node'], { kind: 'logic' }>;
    const last = n.left[n.left.length - 1];
    const r = n.right[0];
    const blockOnly = n.op === 'and' && n.right.length === 1 && r.node.kind === 'term' && r.node.term.type === 'boolean' && r.node.term.value && !r.negated && r.loc === last.loc;
    if (blockOnly) {
      // `not { not x }` keeps its braces: `not not x` does not parse (as in OPA).
      if (n.left.length === 1 && !(e.negated && n.left[0].negated)) return this.expr(n.left[0], ind);
      return this.block(n.left, ind, e.loc.endOffset);
    }
    const side = (b: Body, right: boolean): string => {
      if (b.length !== 1) return this.block(b, ind, b[b.length - 1].loc.endOffset);
      const x = b[0];
      const text = this.expr(x, ind);
      // `with` inside an operand only applies to it when grouped.
      if (x.with.length) return `(${text})`;
      if (x.node.kind === 'logic' && !x.negated && !isBlockOnly(x)) {
        const inner = x.node.op;
        // `and` binds tighter than `or`; both associate to the left.
        if ((n.op === 'and' && inner === 'or') || (right && inner === n.op)) return `(${text})`;
      }
      return text;
    };
    return `${side(n.left, false)} ${n.op} ${side(n.right, true)}`;
  }

  private block(b: Body, ind: string, end: number): string {
    return `{\n${this.bodyLines(b, ind + TAB, end).join('\n')}\n${ind}}`;
  }

  // ---- terms --------------------------------------------------------------------------------

  /** A term in an inTerm position; `exprLevel` allows `k, v in xs` without parentheses. */
  term(t: Term, ind: string, exprLevel = false): string {
    if (t.type === 'call' && callName(t.fn) === 'internal.member_3' && t.args.length === 3) {
      const [k, v, xs] = t.args;
      const s = `${this.operand(k, ind, 0)}, ${this.operand(v, ind, 0)} in ${this.operand(xs, ind, 0)}`;
      return exprLevel ? s : `(${s})`;
    }
    return this.raw(t, ind);
  }

  /** A term where only operators binding tighter than `minPrec` may appear without parentheses. */
  private operand(t: Term, ind: string, minPrec: number): string {
    const p = precOf(t);
    const s = this.term(t, ind);
    return p <= minPrec ? `(${s})` : s;
  }

  private raw(t: Term, ind: string): string {
    switch (t.type) {
      case 'null':
        return 'null';
      case 'boolean':
        return String(t.value);
      case 'number':
        return t.text;
      case 'string':
        return t.raw ? '`' + t.value + '`' : quote(t.value);
      case 'template':
        return this.template(t, ind);
      case 'var':
        return t.name;
      case 'ref':
        return this.ref(t, ind);
      case 'call':
        return this.call(t, ind);
      case 'array':
        return this.items('[', ']', t.items, t.loc, ind, false);
      case 'set':
        return t.items.length ? this.items('{', '}', t.items, t.loc, ind, false) : 'set()';
      case 'object':
        return this.objectTerm(t, ind);
      case 'arraycomp':
        return this.comprehension('[', ']', this.noPipe(t.term, ind), t.body, t, ind);
      case 'setcomp':
        return this.comprehension('{', '}', this.noPipe(t.term, ind), t.body, t, ind);
      case 'objectcomp':
        return this.comprehension('{', '}', `${this.noPipe(t.key, ind)}: ${this.noPipe(t.value, ind)}`, t.body, t, ind);
    }
  }

  /** A term before a top-level `|` must be parenthesised (it would start a comprehension body). */
  private noPipe(t: Term, ind: string): string {
    const s = this.term(t, ind);
    return hasTopPipe(t) ? `(${s})` : s;
  }

  private template(t: Extract<Term, { type: 'template' }>, ind: string): string {
    let s = t.raw ? '$`' : '$"';
    t.parts.forEach((p, i) => {
      if (typeof p === 'string') s += t.raw ? p.replace(/\{/g, '\\{') : quote(p).slice(1, -1).replace(/\{/g, '\\{');
      else {
        let w = '';
        for (const m of t.withs?.[i] ?? []) w += ` with ${this.term(m.target, ind)} as ${this.term(m.value, ind)}`;
        s += `{${this.term(p, ind)}${w}}`;
      }
    });
    return s + (t.raw ? '`' : '"');
  }

  ref(t: RefTerm | VarTerm, ind: string): string {
    if (t.type === 'var') return t.name;
    let s = t.head.type === 'var' ? t.head.name : this.operand(t.head, ind, PRIMARY - 1);
    for (const seg of t.path) {
      if (seg.type === 'string' && IDENT.test(seg.value) && !LITERAL_WORDS.has(seg.value)) s += '.' + seg.value;
      else s += `[${this.term(seg, ind)}]`;
    }
    return s;
  }

  private call(t: CallTerm, ind: string): string {
    const name = callName(t.fn);
    if (name && t.args.length === 2) {
      if (name === 'internal.member_2') return `${this.operand(t.args[0], ind, IN_PREC - 1)} in ${this.operand(t.args[1], ind, IN_PREC)}`;
      const sym = BIN_SYMBOL[name];
      if (sym) {
        const [a, b] = t.args;
        if (name === 'minus' && isUnaryZero(a, this.source)) return '-' + this.operand(b, ind, PRIMARY - 1);
        const p = PREC[name];
        return `${this.operand(a, ind, p - 1)} ${sym} ${this.operand(b, ind, p)}`;
      }
    }
    return this.ref(t.fn, ind) + this.items('(', ')', t.args, t.loc, ind, true);
  }

  private objectTerm(t: Extract<Term, { type: 'object' }>, ind: string): string {
    if (t.entries.length === 0) return '{}';
    const multi = t.entries.some(([k], i) => (i === 0 ? k.loc.row > t.loc.row : k.loc.row !== t.entries[i - 1][1].loc.endRow));
    const pair = ([k, v]: [Term, Term], i: number, inner: string) =>
      i === 0 ? `${this.noPipe(k, inner)}: ${this.noPipe(v, inner)}` : `${this.term(k, inner)}: ${this.term(v, inner)}`;
    if (!multi) return '{' + t.entries.map((e, i) => pair(e, i, ind)).join(', ') + '}';
    const inner = ind + TAB;
    const lines: string[] = [];
    t.entries.forEach((e, i) => {
      lines.push(...this.commentsBefore(e[0].loc.offset, inner, -1, false).lines);
      lines.push(inner + pair(e, i, inner) + ',' + this.trailing(e[1].loc.endRow, e[1].loc.endOffset));
    });
    lines.push(...this.commentsBefore(t.loc.endOffset, inner, -1, false).lines);
    return `{\n${lines.join('\n')}\n${ind}}`;
  }

  /** Array, set or call-argument items: one line, or one item per line when the source had that. */
  private items(open: string, close: string, items: Term[], loc: Term['loc'], ind: string, args: boolean): string {
    if (items.length === 0) return open + close;
    const multi = items.some((x, i) => (i === 0 ? x.loc.row > loc.row : x.loc.row !== items[i - 1].loc.endRow));
    const one = (x: Term, i: number, at: string) => (i === 0 && !args ? this.noPipe(x, at) : this.term(x, at));
    if (!multi) return open + items.map((x, i) => one(x, i, ind)).join(', ') + close;
    const inner = ind + TAB;
    const lines: string[] = [];
    items.forEach((x, i) => {
      lines.push(...this.commentsBefore(x.loc.offset, inner, -1, false).lines);
      lines.push(inner + one(x, i, inner) + ',' + this.trailing(x.loc.endRow, x.loc.endOffset));
    });
    lines.push(...this.commentsBefore(loc.endOffset, inner, -1, false).lines);
    return `${open}\n${lines.join('\n')}\n${ind}${close}`;
  }

  private comprehension(open: string, close: string, head: string, body: Body, t: Term, ind: string): string {
    const multi = body.some((e, i) => (i === 0 ? e.loc.row > t.loc.row : e.loc.row !== body[i - 1].loc.endRow));
    if (!multi) return `${open}${head} | ${body.map((e) => this.expr(e, ind)).join('; ')}${close}`;
    return `${open}${head} |\n${this.bodyLines(body, ind + TAB, t.loc.endOffset).join('\n')}\n${ind}${close}`;
  }
}

function isBlockOnly(x: Expr): boolean {
  if (x.node.kind !== 'logic' || x.node.op !== 'and' || x.node.right.length !== 1) return false;
  const r = x.node.right[0];
  return r.node.kind === 'term' && r.node.term.type === 'boolean' && r.loc === x.node.left[x.node.left.length - 1].loc;
}

/** `-x` is stored as `minus(0, x)` with the `0` at the `-` sign. */
function isUnaryZero(t: Term, source: string): boolean {
  return t.type === 'number' && t.text === '0' && source[t.loc.offset] === '-';
}

function precOf(t: Term): number {
  if (t.type !== 'call') return PRIMARY;
  const name = callName(t.fn);
  if (name === 'internal.member_2' || name === 'internal.member_3') return IN_PREC;
  if (name && t.args.length === 2 && name in PREC) return PREC[name];
  return PRIMARY;
}

function hasTopPipe(t: Term): boolean {
  if (t.type !== 'call') return false;
  const name = callName(t.fn);
  if (name === 'or' && t.args.length === 2) return true;
  if ((name && name in PREC && t.args.length === 2) || name === 'internal.member_2' || name === 'internal.member_3') return t.args.some(hasTopPipe);
  return false;
}

/** A double-quoted Rego string literal. */
export function quote(s: string): string {
  return JSON.stringify(s);
}
