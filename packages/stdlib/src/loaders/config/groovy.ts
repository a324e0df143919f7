import type { LoadResult } from '../../model.js';
import { lexGroovy, type Tok } from './groovy-lexer.js';
import { ConfigSyntaxError, loadPlain } from './plain.js';

/**
 * Jenkinsfiles (and other Groovy 2.4 pipeline scripts) as conftest gives them to policies: a
 * concrete syntax tree of `{kind, text, line, column, children}` nodes, lines and columns 1-based,
 * an interior node at the position of its first child, tokens with their source text, comments
 * left out. conftest builds it with groovy-parser-go, which has no JavaScript build, so this
 * parser is written here, for the Groovy that pipelines use: statements, `def` and typed
 * declarations, methods, closures, command calls (`sh 'make'`, `agent any`), named arguments,
 * lists and maps, strings of every kind with interpolation, operators, if/for/while/try.
 *
 * The node kinds conftest's own tests and examples rely on have its names (FileNode,
 * ExpressionStmt, CallExpr, IdentExpr, LiteralExpr, ClosureExpr, GStringExpr and the token kinds
 * of groovy-lexer.ts); the others are named here after the same pattern (docs/inputs.md lists
 * them), and punctuation — brackets, commas, separators — is not in the tree. What this parser
 * does not cover (classes, switch, generics, …) is a located syntax error, never a partial tree.
 */

export interface GroovyNode {
  kind: string;
  text?: string;
  line: number;
  column: number;
  children?: GroovyNode[];
}

/** conftest's bounds on an untrusted pipeline's tree. */
const MAX_DEPTH = 256;
const MAX_NODES = 100_000;

const UNSUPPORTED = new Set(['class', 'interface', 'enum', 'trait', 'switch', 'case', 'default', 'do', 'synchronized', 'package', 'static', 'final']);
const ASSIGN = new Set(['=', '+=', '-=', '*=', '/=', '%=', '**=', '<<=', '>>=', '>>>=', '&=', '|=', '^=']);
/** Binary operators by precedence level, loosest first. */
const BINARY: readonly (readonly string[])[] = [
  ['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!=', '<=>', '=~', '==~', '===', '!=='], ['<', '>', '<=', '>=', 'in', 'instanceof', 'as'],
  ['<<', '>>', '>>>'], ['..', '..<'], ['+', '-'], ['*', '/', '%'], ['**'],
];

class Parser {
  private p = 0;
  private depth = 0;
  private nodes = 0;
  constructor(private readonly toks: Tok[]) {}

  private get t(): Tok {
    return this.toks[this.p]!;
  }
  private fail(msg: string, at: Tok = this.t): never {
    throw new ConfigSyntaxError(msg, at.line, at.column);
  }
  private is(text: string, t: Tok = this.t): boolean {
    return (t.kind === 'Op' || t.kind === 'Keyword') && t.text === text;
  }
  /** At the end of a statement: a line break, `;`, `}` or the end of the file. */
  private atEnd(): boolean {
    return this.t.kind === 'NL' || this.t.kind === 'EOF' || this.is(';') || this.is('}');
  }
  private skipNl(): void {
    while (this.t.kind === 'NL') this.p++;
  }
  private expect(text: string): void {
    if (!this.is(text)) this.fail(`expected ${JSON.stringify(text)}, found ${describe(this.t)}`);
    this.p++;
  }
  private leaf(kind = this.t.kind as string): GroovyNode {
    const t = this.t;
    this.p++;
    this.count();
    return { kind, text: t.text, line: t.line, column: t.column };
  }
  private count(): void {
    if (++this.nodes > MAX_NODES) this.fail(`syntax tree exceeds ${MAX_NODES} nodes`);
  }
  node(kind: string, children: GroovyNode[]): GroovyNode {
    this.count();
    const first = children[0];
    return first ? { kind, line: first.line, column: first.column, children } : { kind, line: 1, column: 1 };
  }
  private nest<T>(f: () => T): T {
    if (++this.depth > MAX_DEPTH) this.fail(`syntax tree exceeds a depth of ${MAX_DEPTH}`);
    try {
      return f();
    } finally {
      this.depth--;
    }
  }

  file(): GroovyNode {
    const stmts = this.statements('EOF');
    return this.node('FileNode', stmts);
  }

  /** Statements up to `}` (not consumed) or the end of the file. */
  private statements(end: '}' | 'EOF'): GroovyNode[] {
    const out: GroovyNode[] = [];
    for (;;) {
      while (this.t.kind === 'NL' || this.is(';')) this.p++;
      if (end === 'EOF' ? this.t.kind === 'EOF' : this.is('}')) return out;
      if (this.t.kind === 'EOF') this.fail('unexpected end of file: a "{" is not closed');
      out.push(this.statement());
      if (!this.atEnd()) this.fail(`unexpected ${describe(this.t)}`);
    }
  }

  private statement(): GroovyNode {
    return this.nest(() => {
      const t = this.t;
      if (t.kind === 'Keyword') {
        if (UNSUPPORTED.has(t.text)) this.fail(`\`${t.text}\` is not supported by Palisade's Groovy (Jenkinsfile) parser`);
        switch (t.text) {
          case 'import':
            return this.importDecl();
          case 'def':
            return this.declaration();
          case 'if':
            return this.ifStmt();
          case 'for':
            return this.forStmt();
          case 'while':
            return this.node('WhileStmt', [this.leaf(), this.parens(), this.body()]);
          case 'try':
            return this.tryStmt();
          case 'return':
          case 'throw': {
            const kw = this.leaf();
            return this.node(t.text === 'return' ? 'ReturnStmt' : 'ThrowStmt', this.atEnd() ? [kw] : [kw, this.expr()]);
          }
          case 'break':
          case 'continue':
            return this.node(t.text === 'break' ? 'BreakStmt' : 'ContinueStmt', [this.leaf()]);
          case 'assert':
            return this.node('AssertStmt', [this.leaf(), this.expr(), ...(this.is(':') || this.is(',') ? (this.p++, [this.expr()]) : [])]);
        }
      }
      if (this.is('@')) {
        // `@Library('lib') _`: the annotation and what it annotates.
        const a = this.annotation();
        while (this.t.kind === 'NL') this.p++;
        return this.is('}') || this.t.kind === 'EOF' ? a : this.node('AnnotatedStmt', [a, this.statement()]);
      }
      // `String name = …`, `void run() {…}`: a capitalised or primitive type, then a name.
      const next = this.toks[this.p + 1]!;
      if (t.kind === 'Identifier' && next.kind === 'Identifier' && (/^[A-Z]/.test(t.text) || t.text === 'void' || PRIMITIVES.has(t.text))) {
        const after = this.toks[this.p + 2]!;
        if (this.is('=', after) || this.is('(', after) || after.kind === 'NL' || after.kind === 'EOF' || this.is(';', after)) return this.declaration();
      }
      return this.node('ExpressionStmt', [this.commandOrExpr()]);
    });
  }

  private importDecl(): GroovyNode {
    const kids = [this.leaf()];
    if (this.is('static')) kids.push(this.leaf());
    kids.push(this.name());
    while (this.is('.')) {
      this.p++;
      if (this.is('*')) kids.push(this.leaf('Op'));
      else kids.push(this.name());
    }
    if (this.is('as')) kids.push(this.leaf(), this.name());
    return this.node('ImportDecl', kids);
  }

  private annotation(): GroovyNode {
    this.p++;
    const kids = [this.name()];
    while (this.is('.')) {
      this.p++;
      kids.push(this.name());
    }
    if (this.is('(')) kids.push(...this.args());
    return this.node('Annotation', kids);
  }

  private name(): GroovyNode {
    if (this.t.kind !== 'Identifier') this.fail(`expected a name, found ${describe(this.t)}`);
    return this.leaf();
  }

  /** `def x = …`, `String x`, `def f(a, b = 1) { … }`. */
  private declaration(): GroovyNode {
    const kids = [this.is('def') ? this.leaf() : this.leaf('Identifier')];
    if (this.t.kind === 'Identifier' && this.toks[this.p + 1]!.kind === 'Identifier') kids.push(this.leaf());
    if (this.is('(')) this.fail('multiple assignment `def (a, b) = …` is not supported by Palisade\'s Groovy (Jenkinsfile) parser');
    kids.push(this.name());
    if (this.is('(')) {
      this.p++;
      this.skipNl();
      while (!this.is(')')) {
        kids.push(this.parameter());
        this.skipNl();
        if (!this.is(')')) this.expect(',');
        this.skipNl();
      }
      this.p++;
      this.skipNl();
      kids.push(this.block());
      return this.node('MethodDecl', kids);
    }
    if (this.is('=')) {
      kids.push(this.leaf('Op'));
      this.skipNl();
      kids.push(this.expr());
    }
    return this.node('VarDecl', kids);
  }

  private parameter(): GroovyNode {
    const kids: GroovyNode[] = [];
    if (this.is('def') || (this.t.kind === 'Identifier' && this.toks[this.p + 1]!.kind === 'Identifier')) kids.push(this.leaf());
    kids.push(this.name());
    if (this.is('=')) {
      kids.push(this.leaf('Op'));
      kids.push(this.expr());
    }
    return this.node('Parameter', kids);
  }

  private parens(): GroovyNode {
    this.expect('(');
    this.skipNl();
    const e = this.expr();
    this.skipNl();
    this.expect(')');
    return e;
  }

  private block(): GroovyNode {
    this.expect('{');
    const stmts = this.statements('}');
    this.p++;
    return this.node('BlockStmt', stmts);
  }

  /** The body of if/for/while: a block or one statement. */
  private body(): GroovyNode {
    this.skipNl();
    return this.is('{') ? this.block() : this.statement();
  }

  private ifStmt(): GroovyNode {
    const kids = [this.leaf(), this.parens(), this.body()];
    let q = this.p;
    while (this.toks[q]!.kind === 'NL' || this.is(';', this.toks[q])) q++;
    if (this.is('else', this.toks[q])) {
      this.p = q;
      kids.push(this.leaf(), this.body());
    }
    return this.node('IfStmt', kids);
  }

  private forStmt(): GroovyNode {
    const kids = [this.leaf()];
    this.expect('(');
    let q = this.p;
    while (q < this.toks.length && !this.is(')', this.toks[q]) && !this.is(';', this.toks[q]) && !this.is('in', this.toks[q]) && !this.is(':', this.toks[q])) q++;
    if (this.is('in', this.toks[q]) || this.is(':', this.toks[q])) {
      while (this.p < q - 1) kids.push(this.leaf());
      kids.push(this.name());
      if (this.is('in')) kids.push(this.leaf());
      else this.p++;
      kids.push(this.expr());
    } else {
      // for (init; condition; update)
      for (let part = 0; part < 3; part++) {
        if (!this.is(';') && !this.is(')')) kids.push(part === 0 && (this.is('def') || this.toks[this.p + 1]!.kind === 'Identifier') ? this.declaration() : this.expr());
        if (part < 2) this.expect(';');
      }
    }
    this.expect(')');
    kids.push(this.body());
    return this.node('ForStmt', kids);
  }

  private tryStmt(): GroovyNode {
    const kids = [this.leaf()];
    this.skipNl();
    kids.push(this.block());
    const peekPast = (word: string) => {
      let q = this.p;
      while (this.toks[q]!.kind === 'NL') q++;
      if (!this.is(word, this.toks[q])) return false;
      this.p = q;
      return true;
    };
    while (peekPast('catch')) {
      const c = [this.leaf()];
      this.expect('(');
      c.push(this.parameter());
      this.expect(')');
      this.skipNl();
      c.push(this.block());
      kids.push(this.node('CatchClause', c));
    }
    if (peekPast('finally')) {
      const kw = this.leaf();
      this.skipNl();
      kids.push(this.node('FinallyClause', [kw, this.block()]));
    }
    if (kids.length === 2) this.fail('`try` without `catch` or `finally`');
    return this.node('TryStmt', kids);
  }

  /** A statement-level expression, where `name arg, key: value` is a call without parentheses. */
  private commandOrExpr(): GroovyNode {
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
  private argument(): GroovyNode {
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

  private args(): GroovyNode[] {
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
  private continueExpr(left: GroovyNode): GroovyNode {
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

  private binary(level: number, left?: GroovyNode): GroovyNode {
    if (level >= BINARY.length) return left ?? this.unary();
    let e = this.binary(level + 1, left);
    while ((this.t.kind === 'Op' || this.t.kind === 'Keyword') && BINARY[level]!.includes(this.t.text)) {
      const op = this.leaf('Op');
      this.skipNl();
      e = this.node('BinaryExpr', [e, op, this.nest(() => this.binary(level + 1))]);
    }
    return e;
  }

  private unary(): GroovyNode {
    if (this.t.kind === 'Op' && ['!', '-', '+', '~', '++', '--'].includes(this.t.text)) {
      const op = this.leaf('Op');
      return this.node('UnaryExpr', [op, this.nest(() => this.unary())]);
    }
    return this.postfix(this.primary());
  }

  private postfix(e: GroovyNode): GroovyNode {
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

  private closure(): GroovyNode {
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

  private primary(): GroovyNode {
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

  private listOrMap(): GroovyNode {
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

  private gstring(): GroovyNode {
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
}

const PRIMITIVES = new Set(['int', 'long', 'short', 'byte', 'char', 'boolean', 'float', 'double']);

function describe(t: Tok): string {
  if (t.kind === 'EOF') return 'end of file';
  if (t.kind === 'NL') return 'line break';
  return JSON.stringify(t.text);
}

/** Parses Groovy source into conftest's syntax-tree shape (throws ConfigSyntaxError). */
export function parseGroovy(text: string): GroovyNode {
  return new Parser(lexGroovy(text)).file();
}

export function loadGroovy(path: string, text: string): LoadResult {
  return loadPlain('groovy', path, text, parseGroovy);
}
