import { lex, type Pos, type Tok } from './jsonnet-lexer.js';
import { ConfigSyntaxError } from './plain.js';

/**
 * Jsonnet's abstract syntax (jsonnet.org/ref/spec.html) and its parser, over jsonnet-lexer.ts's
 * tokens; jsonnet-eval.ts evaluates the tree. Every node keeps its line and column for located errors.
 */

export type { Pos } from './jsonnet-lexer.js';

export type Visibility = ':' | '::' | ':::';
export interface Param {
  name: string;
  def?: Node;
}
export interface Bind {
  name: string;
  params?: Param[];
  body: Node;
}
export type Member =
  | { m: 'field'; name: Node; plus: boolean; vis: Visibility; body: Node; pos: Pos }
  | { m: 'local'; bind: Bind }
  | { m: 'assert'; cond: Node; msg?: Node; pos: Pos };
export type Spec = { t: 'for'; name: string; arr: Node } | { t: 'if'; cond: Node };

export type Node = Pos &
  (
    | { t: 'lit'; v: null | boolean | number | string }
    | { t: 'self' }
    | { t: 'dollar' }
    | { t: 'super'; index: Node }
    | { t: 'inSuper'; key: Node }
    | { t: 'var'; name: string }
    | { t: 'index'; target: Node; index: Node }
    | { t: 'slice'; target: Node; from?: Node; to?: Node; step?: Node }
    | { t: 'call'; fn: Node; args: Node[]; named: [string, Node][] }
    | { t: 'local'; binds: Bind[]; body: Node }
    | { t: 'if'; cond: Node; then: Node; else?: Node }
    | { t: 'fn'; params: Param[]; body: Node }
    | { t: 'assert'; cond: Node; msg?: Node; rest: Node }
    | { t: 'error'; msg: Node }
    | { t: 'unary'; op: string; e: Node }
    | { t: 'bin'; op: string; l: Node; r: Node }
    | { t: 'array'; items: Node[] }
    | { t: 'arrayFor'; body: Node; specs: Spec[] }
    | { t: 'object'; members: Member[] }
    | { t: 'objectFor'; locals: Bind[]; key: Node; value: Node; plus: boolean; specs: Spec[] }
  );

const PREC: Record<string, number> = { '*': 12, '/': 12, '%': 12, '+': 11, '-': 11, '<<': 10, '>>': 10, '<': 9, '>': 9, '<=': 9, '>=': 9, in: 9, '==': 8, '!=': 8, '&': 7, '^': 6, '|': 5, '&&': 4, '||': 3 };
const MAX_DEPTH = 256;

class Parser {
  private p = 0;
  private depth = 0;
  constructor(private readonly toks: Tok[]) {}
  private get t(): Tok {
    return this.toks[this.p]!;
  }
  private is(v: string, t = this.t): boolean {
    return (t.k === 'op' || t.k === 'kw') && t.v === v;
  }
  fail(m: string, at: Pos = this.t): never {
    throw new ConfigSyntaxError(m, at.line, at.col);
  }
  private expect(v: string): Tok {
    if (!this.is(v)) this.fail(`expected ${JSON.stringify(v)} but got ${this.t.k === 'eof' ? 'end of file' : JSON.stringify(this.t.v)}`);
    return this.toks[this.p++]!;
  }
  private ident(): string {
    if (this.t.k !== 'id') this.fail(`expected an identifier but got ${JSON.stringify(this.t.v)}`);
    return this.toks[this.p++]!.v;
  }

  file(): Node {
    const e = this.expr();
    if (this.t.k !== 'eof') this.fail(`unexpected ${JSON.stringify(this.t.v)} after the expression`);
    return e;
  }

  expr(minPrec = 0): Node {
    if (++this.depth > MAX_DEPTH) this.fail(`expression nests deeper than ${MAX_DEPTH} levels`);
    try {
      let l = this.unary();
      for (;;) {
        const t = this.t;
        const op = t.k === 'op' || (t.k === 'kw' && t.v === 'in') ? t.v : '';
        const prec = PREC[op];
        if (prec === undefined || prec <= minPrec) break;
        this.p++;
        if (op === 'in' && this.is('super')) {
          this.p++;
          l = { t: 'inSuper', key: l, line: t.line, col: t.col };
          continue;
        }
        l = { t: 'bin', op, l, r: this.expr(prec), line: t.line, col: t.col };
      }
      return l;
    } finally {
      this.depth--;
    }
  }

  private unary(): Node {
    const t = this.t;
    if (t.k === 'op' && ['-', '+', '!', '~'].includes(t.v)) {
      this.p++;
      if (++this.depth > MAX_DEPTH) this.fail(`expression nests deeper than ${MAX_DEPTH} levels`);
      try {
        return { t: 'unary', op: t.v, e: this.unary(), line: t.line, col: t.col };
      } finally {
        this.depth--;
      }
    }
    return this.postfix(this.primary());
  }

  private postfix(e: Node): Node {
    for (;;) {
      const t = this.t;
      if (this.is('.')) {
        this.p++;
        e = { t: 'index', target: e, index: { t: 'lit', v: this.ident(), line: t.line, col: t.col }, line: t.line, col: t.col };
      } else if (this.is('[')) {
        this.p++;
        const part = () => (this.is(':') || this.is('::') || this.is(']') ? undefined : this.expr());
        const from = part();
        if (this.is(']') && from) {
          this.p++;
          e = { t: 'index', target: e, index: from, line: t.line, col: t.col };
          continue;
        }
        const s: { from?: Node; to?: Node; step?: Node } = {};
        if (from) s.from = from;
        // `a[::2]` lexes as `::`: an empty end, then the step.
        const both = this.is('::');
        if (both) this.p++;
        else this.expect(':');
        const to = both ? undefined : part();
        if (to) s.to = to;
        if (both || this.is(':')) {
          if (!both) this.p++;
          const step = part();
          if (step) s.step = step;
        }
        this.expect(']');
        e = { t: 'slice', target: e, ...s, line: t.line, col: t.col };
      } else if (this.is('(')) {
        this.p++;
        const args: Node[] = [];
        const named: [string, Node][] = [];
        while (!this.is(')')) {
          if (this.t.k === 'id' && this.is('=', this.toks[this.p + 1])) {
            const n = this.ident();
            this.p++;
            named.push([n, this.expr()]);
          } else {
            if (named.length) this.fail('positional argument after a named argument');
            args.push(this.expr());
          }
          if (!this.is(')')) this.expect(',');
        }
        this.p++;
        if (this.is('tailstrict')) this.p++;
        e = { t: 'call', fn: e, args, named, line: t.line, col: t.col };
      } else if (this.is('{')) {
        // `a { … }` is `a + { … }`.
        e = { t: 'bin', op: '+', l: e, r: this.primary(), line: t.line, col: t.col };
      } else return e;
    }
  }

  private params(): Param[] {
    this.expect('(');
    const out: Param[] = [];
    while (!this.is(')')) {
      const name = this.ident();
      if (this.is('=')) {
        this.p++;
        out.push({ name, def: this.expr() });
      } else out.push({ name });
      if (!this.is(')')) this.expect(',');
    }
    this.p++;
    return out;
  }

  private bind(): Bind {
    const name = this.ident();
    const params = this.is('(') ? this.params() : undefined;
    this.expect('=');
    return params ? { name, params, body: this.expr() } : { name, body: this.expr() };
  }

  private primary(): Node {
    const t = this.t;
    const at = { line: t.line, col: t.col };
    if (t.k === 'num') return (this.p++, { t: 'lit', v: Number(t.v), ...at });
    if (t.k === 'str') return (this.p++, { t: 'lit', v: t.s!, ...at });
    if (t.k === 'id') return (this.p++, { t: 'var', name: t.v, ...at });
    if (t.k === 'kw') {
      this.p++;
      switch (t.v) {
        case 'null':
          return { t: 'lit', v: null, ...at };
        case 'true':
        case 'false':
          return { t: 'lit', v: t.v === 'true', ...at };
        case 'self':
          return { t: 'self', ...at };
        case 'super': {
          if (this.is('.')) {
            this.p++;
            return { t: 'super', index: { t: 'lit', v: this.ident(), ...at }, ...at };
          }
          this.expect('[');
          const index = this.expr();
          this.expect(']');
          return { t: 'super', index, ...at };
        }
        case 'local': {
          const binds = [this.bind()];
          while (this.is(',')) (this.p++, binds.push(this.bind()));
          this.expect(';');
          return { t: 'local', binds, body: this.expr(), ...at };
        }
        case 'if': {
          const cond = this.expr();
          this.expect('then');
          const then = this.expr();
          if (!this.is('else')) return { t: 'if', cond, then, ...at };
          this.p++;
          return { t: 'if', cond, then, else: this.expr(), ...at };
        }
        case 'function': {
          const params = this.params();
          return { t: 'fn', params, body: this.expr(), ...at };
        }
        case 'assert': {
          const cond = this.expr();
          const msg = this.is(':') ? (this.p++, this.expr()) : undefined;
          this.expect(';');
          const rest = this.expr();
          return msg ? { t: 'assert', cond, msg, rest, ...at } : { t: 'assert', cond, rest, ...at };
        }
        case 'error':
          return { t: 'error', msg: this.expr(), ...at };
        case 'import':
        case 'importstr':
        case 'importbin':
          return this.fail(`${t.v} is not supported: Palisade evaluates a Jsonnet file on its own, without reading other files`, at);
      }
      return this.fail(`unexpected ${JSON.stringify(t.v)}`, at);
    }
    if (this.is('$')) return (this.p++, { t: 'dollar', ...at });
    if (this.is('(')) {
      this.p++;
      const e = this.expr();
      this.expect(')');
      return e;
    }
    if (this.is('[')) return this.array();
    if (this.is('{')) return this.object();
    return this.fail(t.k === 'eof' ? 'unexpected end of file' : `unexpected ${JSON.stringify(t.v)}`, at);
  }

  private specs(): Spec[] {
    const out: Spec[] = [];
    while (this.is('for') || this.is('if')) {
      if (this.is('for')) {
        this.p++;
        const name = this.ident();
        this.expect('in');
        out.push({ t: 'for', name, arr: this.expr() });
      } else {
        this.p++;
        out.push({ t: 'if', cond: this.expr() });
      }
    }
    return out;
  }

  private array(): Node {
    const at = this.expect('[');
    const items: Node[] = [];
    while (!this.is(']')) {
      items.push(this.expr());
      if (this.is('for') && items.length === 1) {
        const specs = this.specs();
        this.expect(']');
        return { t: 'arrayFor', body: items[0]!, specs, line: at.line, col: at.col };
      }
      if (!this.is(']')) this.expect(',');
    }
    this.p++;
    return { t: 'array', items, line: at.line, col: at.col };
  }

  private object(): Node {
    const at = this.expect('{');
    const members: Member[] = [];
    while (!this.is('}')) {
      const t = this.t;
      if (this.is('local')) {
        this.p++;
        members.push({ m: 'local', bind: this.bind() });
      } else if (this.is('assert')) {
        this.p++;
        const cond = this.expr();
        const msg = this.is(':') ? (this.p++, this.expr()) : undefined;
        members.push(msg ? { m: 'assert', cond, msg, pos: t } : { m: 'assert', cond, pos: t });
      } else {
        let name: Node;
        const computed = this.is('[');
        if (computed) {
          this.p++;
          name = this.expr();
          this.expect(']');
        } else if (t.k === 'id' || t.k === 'str' || t.k === 'kw') {
          if (t.k === 'kw') this.fail(`the keyword ${t.v} cannot be a field name unquoted`);
          this.p++;
          name = { t: 'lit', v: t.k === 'str' ? t.s! : t.v, line: t.line, col: t.col };
        } else return this.fail(`unexpected ${JSON.stringify(t.v)} in an object`);
        const params = this.is('(') ? this.params() : undefined;
        const sep = this.t;
        if (sep.k !== 'op' || !['+:::', '+::', '+:', ':::', '::', ':'].includes(sep.v)) this.fail(`expected ":" after the field name`);
        this.p++;
        const plus = sep.v.startsWith('+');
        const vis = (plus ? sep.v.slice(1) : sep.v) as Visibility;
        let body = this.expr();
        if (params) body = { t: 'fn', params, body, line: t.line, col: t.col };
        if (computed && this.is('for') && members.length >= 0) {
          const specs = this.specs();
          const locals = members.filter((m): m is Extract<Member, { m: 'local' }> => m.m === 'local').map((m) => m.bind);
          if (members.some((m) => m.m !== 'local')) this.fail('an object comprehension has exactly one field', t);
          while (this.is(',')) this.p++;
          this.expect('}');
          return { t: 'objectFor', locals, key: name, value: body, plus, specs, line: at.line, col: at.col };
        }
        members.push({ m: 'field', name, plus, vis, body, pos: t });
      }
      if (!this.is('}')) this.expect(',');
    }
    this.p++;
    return { t: 'object', members, line: at.line, col: at.col };
  }
}

/** Parses Jsonnet source (throws ConfigSyntaxError at the first error). */
export function parseJsonnet(text: string): Node {
  return new Parser(lex(text)).file();
}
