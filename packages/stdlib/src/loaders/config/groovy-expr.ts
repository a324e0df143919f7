import { ConfigSyntaxError } from './plain.js';
import type { Tok } from './groovy-lexer.js';

/**
 * The expression half of the Groovy parser (loaders/config/groovy.ts has the statements and the
 * tree's contract): calls with and without parentheses, closures, named arguments, lists and
 * maps, interpolated strings, and Groovy's operators by precedence.
 */

export interface GroovyNode {
  kind: string;
  text?: string;
  line: number;
  column: number;
  children?: GroovyNode[];
}

/** conftest's bounds on an untrusted pipeline's tree. */
export const MAX_TREE_DEPTH = 256;
const MAX_NODES = 100_000;

const ASSIGN = new Set(['=', '+=', '-=', '*=', '/=', '%=', '**=', '<<=', '>>=', '>>>=', '&=', '|=', '^=']);
/** Binary operators by precedence level, loosest first. */
const BINARY: readonly (readonly string[])[] = [
  ['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!=', '<=>', '=~', '==~', '===', '!=='], ['<', '>', '<=', '>=', 'in', 'instanceof', 'as'],
  ['<<', '>>', '>>>'], ['..', '..<'], ['+', '-'], ['*', '/', '%'], ['**'],
];

export abstract class GroovyExprParser {
  protected p = 0;
  protected depth = 0;
  protected nodes = 0;
  constructor(protected readonly toks: Tok[]) {}

  protected get t(): Tok {
    return this.toks[this.p]!;
  }
  protected fail(msg: string, at: Tok = this.t): never {
    throw new ConfigSyntaxError(msg, at.line, at.column);
  }
  protected is(text: string, t: Tok = this.t): boolean {
    return (t.kind === 'Op' || t.kind === 'Keyword') && t.text === text;
  }
  /** At the end of a statement: a line break, `;`, `}` or the end of the file. */
  protected atEnd(): boolean {
    return this.t.kind === 'NL' || this.t.kind === 'EOF' || this.is(';') || this.is('}');
  }
  protected skipNl(): void {
    while (this.t.kind === 'NL') this.p++;
  }
  protected expect(text: string): void {
    if (!this.is(text)) this.fail(`expected ${JSON.stringify(text)}, found ${describe(this.t)}`);
    this.p++;
  }
  protected leaf(kind = this.t.kind as string): GroovyNode {
    const t = this.t;
    this.p++;
    this.count();
    return { kind, text: t.text, line: t.line, column: t.column };
  }
  protected count(): void {
    if (++this.nodes > MAX_NODES) this.fail(`syntax tree exceeds ${MAX_NODES} nodes`);
  }
  node(kind: string, children: GroovyNode[]): GroovyNode {
    this.count();
    const first = children[0];
    return first ? { kind, line: first.line, column: first.column, children } : { kind, line: 1, column: 1 };
  }
  protected nest<T>(f: () => T): T {
    if (++this.depth > MAX_TREE_DEPTH) this.fail(`syntax tree exceeds a depth of ${MAX_TREE_DEPTH}`);
    try {
      return f();
    } finally {
      this.depth--;
    }
  }


  protected name(): GroovyNode {
    if (this.t.kind !== 'Identifier') this.fail(`expected a name, found ${describe(this.t)}`);
    return this.leaf();
  }

  protected parameter(): GroovyNode {
    const kids: GroovyNode[] = [];
    if (this.is('def') || (this.t.kind === 'Identifier' && this.toks[this.p + 1]!.kind === 'Identifier')) kids.push(this.leaf());
    kids.push(this.name());
    if (this.is('=')) {
      kids.push(this.leaf('Op'));
      kids.push(this.expr());
    }
    return this.node('Parameter', kids);
  }

  protected commandOrExpr(): GroovyNode {
    if (this.t.kind === 'Op' && ['!', '-', '+', '~', '++', '--'].includes(this.t.text)) return this.expr();
    const head = this.postfix(this.primary());
    const t = this.t;
    const startsArg = t.kind === 'Identifier' || t.kind === 'IntegerLiteral' || t.kind === 'FloatLiteral' || t.kind === 'StringLiteral' || t.kind === 'GStringBegin' ||
      t.kind === 'SlashyStringLit' || t.kind === 'DollarSlashyStringLit' || (t.kind === 'Keyword' && ['true', 'false', 'null', 'this', 'new'].includes(t.text));
    if ((head.kind === 'IdentExpr' || head.kind === 'PropertyExpr') && startsArg) {
      const kids = [head, this.argument()];
      while (this.is(',')) {
        this.p++;
        this.skipNl();
        kids.push(this.argument());
      }
      if (this.is('{')) kids.push(this.closure());
      return this.node('CallExpr', kids);
    }
    return this.continueExpr(head);
  }

  /** A call argument: `key: value` or an expression. */
  protected argument(): GroovyNode {
    const t = this.t;
    const keyLike = t.kind === 'Identifier' || t.kind === 'StringLiteral' || t.kind === 'Keyword';
    if (keyLike && this.is(':', this.toks[this.p + 1])) {
      const key = this.leaf();
      this.p++;
      this.skipNl();
      return this.node('NamedArg', [key, this.expr()]);
    }
    return this.expr();
  }

  protected args(): GroovyNode[] {
    this.expect('(');
    const out: GroovyNode[] = [];
    this.skipNl();
    while (!this.is(')')) {
      out.push(this.argument());
      this.skipNl();
      if (!this.is(')')) this.expect(',');
      this.skipNl();
    }
    this.p++;
    return out;
  }

  expr(): GroovyNode {
    return this.nest(() => this.continueExpr(this.unary()));
  }

  /** The rest of an expression whose first operand is parsed: binary, ternary, assignment. */
  protected continueExpr(left: GroovyNode): GroovyNode {
    let e = this.binary(0, left);
    if (this.is('?') || this.is('?:')) {
      const elvis = this.is('?:');
      this.p++;
      this.skipNl();
      const a = this.expr();
      if (elvis) return this.node('ElvisExpr', [e, a]);
      this.skipNl();
      this.expect(':');
      this.skipNl();
      e = this.node('TernaryExpr', [e, a, this.expr()]);
    }
    if (this.t.kind === 'Op' && ASSIGN.has(this.t.text)) {
      const op = this.leaf('Op');
      this.skipNl();
      return this.node('AssignExpr', [e, op, this.expr()]);
    }
    return e;
  }

  protected binary(level: number, left?: GroovyNode): GroovyNode {
    if (level >= BINARY.length) return left ?? this.unary();
    let e = this.binary(level + 1, left);
    while ((this.t.kind === 'Op' || this.t.kind === 'Keyword') && BINARY[level]!.includes(this.t.text)) {
      const op = this.leaf('Op');
      this.skipNl();
      e = this.node('BinaryExpr', [e, op, this.nest(() => this.binary(level + 1))]);
    }
    return e;
  }

  protected unary(): GroovyNode {
    if (this.t.kind === 'Op' && ['!', '-', '+', '~', '++', '--'].includes(this.t.text)) {
      const op = this.leaf('Op');
      return this.node('UnaryExpr', [op, this.nest(() => this.unary())]);
    }
    return this.postfix(this.primary());
  }

  protected postfix(e: GroovyNode): GroovyNode {
    for (;;) {
      let q = this.p;
      while (this.toks[q]!.kind === 'NL') q++;
      const dot = ['.', '?.', '*.', '.&', '.@'].some((d) => this.is(d, this.toks[q]));
      if (dot) {
        this.p = q;
        const op = this.leaf('Op');
        this.skipNl();
        const t = this.t;
        const member = t.kind === 'Identifier' || t.kind === 'Keyword' ? this.leaf('Identifier') : t.kind === 'StringLiteral' ? this.leaf() : this.fail(`expected a property name, found ${describe(t)}`);
        e = this.node('PropertyExpr', op.text === '.' ? [e, member] : [e, op, member]);
      } else if (this.is('(')) e = this.node('CallExpr', [e, ...this.args(), ...(this.is('{') ? [this.closure()] : [])]);
      else if (this.is('{')) e = this.node('CallExpr', [e, this.closure()]);
      else if (this.is('[')) {
        this.p++;
        this.skipNl();
        const index = this.expr();
        this.skipNl();
        this.expect(']');
        e = this.node('IndexExpr', [e, index]);
      } else if (this.is('++') || this.is('--')) e = this.node('PostfixExpr', [e, this.leaf('Op')]);
      else return e;
    }
  }

  protected closure(): GroovyNode {
    return this.nest(() => {
      this.expect('{');
      const kids: GroovyNode[] = [];
      let q = this.p;
      while (this.toks[q]!.kind === 'NL') q++;
      let r = q;
      while (this.toks[r]!.kind === 'Identifier' || this.is(',', this.toks[r]) || this.is('def', this.toks[r])) r++;
      if (this.is('->', this.toks[r])) {
        this.p = q;
        while (!this.is('->')) {
          kids.push(this.parameter());
          if (this.is(',')) this.p++;
        }
        this.p++;
      }
      kids.push(...this.statements('}'));
      this.p++;
      return this.node('ClosureExpr', kids);
    });
  }

  protected primary(): GroovyNode {
    const t = this.t;
    switch (t.kind) {
      case 'Identifier':
        return this.node('IdentExpr', [this.leaf()]);
      case 'IntegerLiteral':
      case 'FloatLiteral':
      case 'StringLiteral':
      case 'SlashyStringLit':
      case 'DollarSlashyStringLit':
        return this.node('LiteralExpr', [this.leaf()]);
      case 'GStringBegin':
        return this.gstring();
      case 'Keyword':
        if (t.text === 'true' || t.text === 'false') return this.node('LiteralExpr', [this.leaf('BooleanLiteral')]);
        if (t.text === 'null') return this.node('LiteralExpr', [this.leaf('NullLiteral')]);
        if (t.text === 'this' || t.text === 'super') return this.node('IdentExpr', [this.leaf()]);
        if (t.text === 'new') {
          const kids = [this.leaf(), this.name()];
          while (this.is('.')) {
            this.p++;
            kids.push(this.name());
          }
          if (this.is('<')) this.fail("generic types are not supported by Palisade's Groovy (Jenkinsfile) parser");
          kids.push(...this.args());
          return this.node('NewExpr', kids);
        }
        break;
      case 'Op':
        if (t.text === '(') {
          this.p++;
          this.skipNl();
          const e = this.expr();
          this.skipNl();
          this.expect(')');
          return this.node('ParenExpr', [e]);
        }
        if (t.text === '[') return this.listOrMap();
        if (t.text === '{') return this.closure();
        break;
    }
    return this.fail(`unexpected ${describe(t)}`);
  }

  protected listOrMap(): GroovyNode {
    this.p++;
    this.skipNl();
    if (this.is(':') && this.is(']', this.toks[this.p + 1])) {
      this.p += 2;
      return this.node('MapExpr', []);
    }
    const items: GroovyNode[] = [];
    let map = false;
    while (!this.is(']')) {
      const a = this.argument();
      if (items.length === 0) map = a.kind === 'NamedArg';
      else if ((a.kind === 'NamedArg') !== map) this.fail('a list literal mixes `key: value` entries and plain values', this.t);
      items.push(map ? { ...a, kind: 'MapEntry' } : a);
      this.skipNl();
      if (!this.is(']')) this.expect(',');
      this.skipNl();
    }
    this.p++;
    return this.node(map ? 'MapExpr' : 'ListExpr', items);
  }

  protected gstring(): GroovyNode {
    const kids = [this.leaf()];
    for (;;) {
      if (this.is('{')) {
        this.p++;
        if (!this.is('}')) kids.push(this.expr());
        this.expect('}');
      } else {
        let e = this.node('IdentExpr', [this.name()]);
        while (this.is('.')) {
          this.p++;
          e = this.node('PropertyExpr', [e, this.name()]);
        }
        kids.push(e);
      }
      if (this.t.kind === 'GStringEnd') {
        kids.push(this.leaf());
        return this.node('GStringExpr', kids);
      }
      if (this.t.kind !== 'GStringPart') this.fail(`unexpected ${describe(this.t)} in a string`);
      kids.push(this.leaf());
    }
  }
  /** Statements up to `}` (not consumed) or the end of the file. */
  protected abstract statements(end: '}' | 'EOF'): GroovyNode[];
}

export function describe(t: Tok): string {
  if (t.kind === 'EOF') return 'end of file';
  if (t.kind === 'NL') return 'line break';
  return JSON.stringify(t.text);
}
