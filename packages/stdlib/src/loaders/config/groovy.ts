import type { LoadResult } from '../../model.js';
import { lexGroovy } from './groovy-lexer.js';
import { describe, GroovyExprParser, MAX_TREE_DEPTH, type GroovyNode } from './groovy-expr.js';
import { ConfigSyntaxError, loadPlain } from './plain.js';

export type { GroovyNode } from './groovy-expr.js';

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

const UNSUPPORTED = new Set(['class', 'interface', 'enum', 'trait', 'switch', 'case', 'default', 'do', 'synchronized', 'package', 'static', 'final']);
const PRIMITIVES = new Set(['int', 'long', 'short', 'byte', 'char', 'boolean', 'float', 'double']);

class Parser extends GroovyExprParser {
  file(): GroovyNode {
    const stmts = this.statements('EOF');
    return this.node('FileNode', stmts);
  }

  /** Statements up to `}` (not consumed) or the end of the file. */
  protected statements(end: '}' | 'EOF'): GroovyNode[] {
    const out: GroovyNode[] = [];
    for (;;) {
      while (this.t.kind === 'NL' || this.is(';')) this.p++;
      if (end === 'EOF' ? this.t.kind === 'EOF' : this.is('}')) return out;
      if (this.t.kind === 'EOF') this.fail('unexpected end of file: a "{" is not closed');
      out.push(this.statement());
      if (!this.atEnd()) this.fail(`unexpected ${describe(this.t)}`);
    }
  }

  protected statement(): GroovyNode {
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

  protected importDecl(): GroovyNode {
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

  protected annotation(): GroovyNode {
    this.p++;
    const kids = [this.name()];
    while (this.is('.')) {
      this.p++;
      kids.push(this.name());
    }
    if (this.is('(')) kids.push(...this.args());
    return this.node('Annotation', kids);
  }


  /** `def x = …`, `String x`, `def f(a, b = 1) { … }`. */
  protected declaration(): GroovyNode {
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


  protected parens(): GroovyNode {
    this.expect('(');
    this.skipNl();
    const e = this.expr();
    this.skipNl();
    this.expect(')');
    return e;
  }

  protected block(): GroovyNode {
    this.expect('{');
    const stmts = this.statements('}');
    this.p++;
    return this.node('BlockStmt', stmts);
  }

  /** The body of if/for/while: a block or one statement. */
  protected body(): GroovyNode {
    this.skipNl();
    return this.is('{') ? this.block() : this.statement();
  }

  protected ifStmt(): GroovyNode {
    const kids = [this.leaf(), this.parens(), this.body()];
    let q = this.p;
    while (this.toks[q]!.kind === 'NL' || this.is(';', this.toks[q])) q++;
    if (this.is('else', this.toks[q])) {
      this.p = q;
      kids.push(this.leaf(), this.body());
    }
    return this.node('IfStmt', kids);
  }

  protected forStmt(): GroovyNode {
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

  protected tryStmt(): GroovyNode {
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

  /** A statement-level expression, where `name arg, key: value` is a call without parentheses. */}

/**
 * conftest's depth bound on the finished tree (its validateTree): the parser's own nesting guard
 * keeps recursion bounded, but one parser level can add several tree levels.
 */
function checkDepth(root: GroovyNode): void {
  const stack: [GroovyNode, number][] = [[root, 1]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    if (d > MAX_TREE_DEPTH) throw new ConfigSyntaxError(`syntax tree exceeds a depth of ${MAX_TREE_DEPTH}`, n.line, n.column);
    for (const c of n.children ?? []) stack.push([c, d + 1]);
  }
}

/** Parses Groovy source into conftest's syntax-tree shape (throws ConfigSyntaxError). */
export function parseGroovy(text: string): GroovyNode {
  const tree = new Parser(lexGroovy(text)).file();
  checkDepth(tree);
  return tree;
}

export function loadGroovy(path: string, text: string): LoadResult {
  return loadPlain('groovy', path, text, parseGroovy);
}
