/**
 * A shell (bash dialect) parser for Trivy's `sh.parse_commands`, shaped after mvdan/sh's
 * `syntax` package: statements, pipelines and `&&`/`||` lists, compound commands, declarations,
 * redirections with here-documents, and words made of literals, quotes, parameter expansions,
 * command/process substitutions and arithmetic. It keeps only what the builtin needs (the node
 * kinds mvdan's walk visits, in the same order) and reports mvdan's errors for the malformed
 * input real Dockerfiles contain (unclosed quotes and substitutions, dangling operators,
 * misplaced reserved words).
 *
 * Hand-written because the maintained WebAssembly build of mvdan/sh on npm (`sh-syntax`) cannot
 * serve a builtin: its API is asynchronous (builtins are synchronous), it starts a fresh Go
 * runtime per call (~15 ms each, measured; trivy-checks call it for every RUN), its JSON AST
 * drops the contents of interface-typed nodes (a statement's command arrives as bare positions,
 * so the call words cannot be read back), and it installs globals (`Go`, `fs`, `crypto`).
 * The results are checked against mvdan/sh itself (test/trivy/sh-fixtures.json, see its README).
 * Linear in the input; nesting is bounded by MAX_DEPTH.
 */

export type Part =
  | { k: 'lit'; text: string }
  | { k: 'sgl'; text: string }
  | { k: 'dbl'; dollar: boolean; parts: Part[] }
  | { k: 'param'; text: string; words: Word[] }
  | { k: 'cmd'; stmts: Stmt[] }
  | { k: 'arith'; text: string; words: Word[] }
  | { k: 'proc'; op: string; stmts: Stmt[] };

export interface Word {
  parts: Part[];
}

export interface Assign {
  name: string;
  /** `+=`, `=`, or '' for a bare name in a declaration. */
  op: string;
  value?: Word;
  array?: Word[];
  /** A declaration argument that is a plain word (`declare -x`). */
  word?: Word;
}

export interface Redirect {
  n: string;
  op: string;
  word: Word;
  hdoc?: Word;
}

export type Command =
  | { k: 'call'; assigns: Assign[]; args: Word[] }
  | { k: 'binary'; op: string; x: Stmt; y: Stmt }
  | { k: 'block'; stmts: Stmt[] }
  | { k: 'subshell'; stmts: Stmt[] }
  | { k: 'if'; cond: Stmt[]; then: Stmt[]; else?: Command }
  | { k: 'else'; stmts: Stmt[] }
  | { k: 'while'; until: boolean; cond: Stmt[]; body: Stmt[] }
  | { k: 'for'; name: string; items: Word[]; arith?: string; body: Stmt[] }
  | { k: 'case'; word: Word; items: { patterns: Word[]; stmts: Stmt[] }[] }
  | { k: 'func'; name: string; body: Stmt }
  | { k: 'test'; words: Word[] }
  | { k: 'arithcmd'; text: string; words: Word[] }
  | { k: 'decl'; variant: string; args: Assign[] }
  | { k: 'let'; words: Word[] }
  | { k: 'time'; stmt?: Stmt }
  | { k: 'coproc'; stmt: Stmt };

export interface Stmt {
  cmd?: Command;
  negated: boolean;
  background: boolean;
  redirs: Redirect[];
}

/** mvdan's parse error: `line:col: message`. */
export class ShellSyntaxError {
  constructor(
    readonly line: number,
    readonly col: number,
    readonly text: string,
  ) {}
  get message(): string {
    return `${this.line}:${this.col}: ${this.text}`;
  }
}

const MAX_DEPTH = 200;
const RESERVED_END = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}']);
const DECL = new Set(['declare', 'local', 'export', 'readonly', 'typeset', 'nameref']);
const META = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);
const ASSIGN_RE = /^([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?(\+?=)/;

interface PendingHeredoc {
  redir: Redirect;
  delim: string;
  quoted: boolean;
  strip: boolean;
}

class Parser {
  i = 0;
  depth = 0;
  heredocs: PendingHeredoc[] = [];

  constructor(readonly src: string) {}

  fail(at: number, text: string): never {
    let line = 1;
    let col = 1;
    for (let j = 0; j < at && j < this.src.length; j++) {
      if (this.src[j] === '\n') {
        line++;
        col = 1;
      } else col++;
    }
    throw new ShellSyntaxError(line, col, text);
  }

  enter(): void {
    if (++this.depth > MAX_DEPTH) this.fail(this.i, 'nesting too deep');
  }

  peek(n = 0): string {
    return this.src[this.i + n] ?? '';
  }

  startsWith(s: string): boolean {
    return this.src.startsWith(s, this.i);
  }

  /** Skips blanks, line continuations and comments (not newlines). */
  blanks(): void {
    for (;;) {
      const c = this.peek();
      if (c === ' ' || c === '\t' || c === '\r') this.i++;
      else if (c === '\\' && this.peek(1) === '\n') this.i += 2;
      else if (c === '#') {
        while (this.i < this.src.length && this.src[this.i] !== '\n') this.i++;
      } else return;
    }
  }

  /** Consumes one newline and the bodies of the here-documents it ends. */
  newline(): void {
    this.i++;
    if (this.heredocs.length) this.readHeredocs();
  }

  /** Skips blanks, comments and newlines (between statements). */
  separators(): void {
    for (;;) {
      this.blanks();
      if (this.peek() === '\n') this.newline();
      else return;
    }
  }

  // --- statement lists ------------------------------------------------------------------------

  /** Statements until EOF or a terminator that the caller handles (`stop` says which). */
  stmtList(stop: (p: Parser) => boolean): Stmt[] {
    const out: Stmt[] = [];
    for (;;) {
      this.separators();
      if (this.i >= this.src.length || stop(this)) return out;
      const c = this.peek();
      if (c === ';' || c === '&' || c === '|') {
        if (this.startsWith(';;')) this.fail(this.i, ';; can only be used in a case clause');
        if (c === ';') this.fail(this.i, '; can only immediately follow a statement');
        if (this.startsWith('&&') || this.startsWith('||')) this.fail(this.i, `${this.src.slice(this.i, this.i + 2)} can only immediately follow a statement`);
        this.fail(this.i, `${c} can only immediately follow a statement`);
      }
      if (c === ')') this.fail(this.i, 'a command can only contain words and redirects; encountered )');
      const s = this.andOr();
      if (!s) this.fail(this.i, `a command can only contain words and redirects; encountered ${this.peek()}`);
      out.push(s);
      this.blanks();
      const t = this.peek();
      if (t === ';' && !this.startsWith(';;') && !this.startsWith(';&')) this.i++;
      else if (t === '&' && !this.startsWith('&&') && !this.startsWith('&>')) {
        s.background = true;
        this.i++;
      } else if (t === '\n') this.newline();
      else if (this.i >= this.src.length || stop(this) || t === ';' || t === ')') continue;
      else this.fail(this.i, 'statements must be separated by &, ; or a newline');
    }
  }

  atWordStart(): boolean {
    const c = this.peek();
    if ((c === '<' || c === '>') && this.peek(1) === '(') return true;
    return c !== '' && !META.has(c);
  }

  andOr(): Stmt | undefined {
    let left = this.pipeline();
    if (!left) return undefined;
    for (;;) {
      this.blanks();
      const op = this.startsWith('&&') ? '&&' : this.startsWith('||') ? '||' : undefined;
      if (!op) return left;
      const at = this.i;
      this.i += 2;
      this.separators();
      const right = this.pipeline();
      if (!right) this.fail(at, `${op} must be followed by a statement`);
      left = { cmd: { k: 'binary', op, x: left, y: right }, negated: false, background: false, redirs: [] };
    }
  }

  pipeline(): Stmt | undefined {
    this.blanks();
    let negated = false;
    if (this.peek() === '!' && (META.has(this.peek(1)) || this.peek(1) === '')) {
      negated = true;
      this.i++;
      this.blanks();
    }
    let left = this.command();
    if (!left) {
      if (negated) this.fail(this.i, '! must be followed by a statement');
      return undefined;
    }
    left.negated = negated;
    for (;;) {
      this.blanks();
      if (this.peek() !== '|' || this.startsWith('||')) return left;
      const at = this.i;
      const op = this.startsWith('|&') ? '|&' : '|';
      this.i += op.length;
      this.separators();
      const right = this.command();
      if (!right) this.fail(at, `${op} must be followed by a statement`);
      left = { cmd: { k: 'binary', op, x: left, y: right }, negated: false, background: false, redirs: [] };
    }
  }

  // --- commands -------------------------------------------------------------------------------

  /** The reserved word at the cursor, if the next word is exactly one. */
  keyword(): string | undefined {
    const m = /^(?:[A-Za-z]+|\{|\}|\[\[|!)/.exec(this.src.slice(this.i, this.i + 12));
    if (!m) return undefined;
    const after = this.src[this.i + m[0].length] ?? '';
    if (after !== '' && !META.has(after)) return undefined;
    return m[0];
  }

  expectKeyword(word: string, construct: string, at: number): void {
    this.separators();
    if (this.keyword() !== word) this.fail(at, `${construct} must be followed by ${word}`);
    this.i += word.length;
  }

  command(): Stmt | undefined {
    this.enter();
    try {
      this.blanks();
      const stmt: Stmt = { negated: false, background: false, redirs: [] };
      const start = this.i;
      const kw = this.keyword();
      if (kw !== undefined && RESERVED_END.has(kw)) {
        return undefined;
      }
      let cmd: Command | undefined;
      switch (kw) {
        case 'if':
          cmd = this.ifClause(start);
          break;
        case 'while':
        case 'until':
          cmd = this.whileClause(kw, start);
          break;
        case 'for':
        case 'select':
          cmd = this.forClause(kw, start);
          break;
        case 'case':
          cmd = this.caseClause(start);
          break;
        case '{':
          this.i++;
          cmd = { k: 'block', stmts: this.stmtList((p) => p.keyword() === '}') };
          if (this.keyword() !== '}') this.fail(start, 'reached EOF without matching { with }');
          this.i++;
          break;
        case '[[':
          cmd = this.testClause(start);
          break;
        case 'function':
          cmd = this.funcDecl(start);
          break;
        case 'time':
          this.i += 4;
          this.blanks();
          if (this.startsWith('-p ')) this.i += 2;
          cmd = { k: 'time', stmt: this.pipeline() };
          return { ...stmt, cmd };
        case 'coproc': {
          this.i += 6;
          const inner = this.command();
          if (!inner) this.fail(start, 'coproc clause requires a command');
          return { ...stmt, cmd: { k: 'coproc', stmt: inner } };
        }
        default:
          break;
      }
      if (!cmd && this.startsWith('((')) cmd = this.arithCommand(start);
      if (!cmd && this.peek() === '(') {
        this.i++;
        const stmts = this.stmtList((p) => p.peek() === ')');
        if (this.peek() !== ')') this.fail(start, 'reached EOF without matching ( with )');
        this.i++;
        cmd = { k: 'subshell', stmts };
      }
      if (cmd) {
        this.redirects(stmt);
        stmt.cmd = cmd;
        return stmt;
      }
      return this.simple(stmt);
    } finally {
      this.depth--;
    }
  }

  /** Redirections after a compound command. */
  redirects(stmt: Stmt): void {
    for (;;) {
      this.blanks();
      if (!this.redirect(stmt)) return;
    }
  }

  simple(stmt: Stmt): Stmt | undefined {
    const assigns: Assign[] = [];
    const args: Word[] = [];
    let decl: string | undefined;
    const declArgs: Assign[] = [];
    for (;;) {
      this.blanks();
      if (this.redirect(stmt)) continue;
      if (!this.atWordStart()) break;
      if (args.length === 0 && decl === undefined) {
        const a = this.assignment();
        if (a) {
          assigns.push(a);
          continue;
        }
      }
      const at = this.i;
      if (decl !== undefined) {
        declArgs.push(this.declArg());
        continue;
      }
      const w = this.word();
      if (args.length === 0 && assigns.length === 0) {
        const lit = literalText(w);
        if (lit !== undefined && DECL.has(lit)) {
          decl = lit;
          continue;
        }
        if (lit === 'let') {
          const words: Word[] = [];
          for (;;) {
            this.blanks();
            if (this.redirect(stmt)) continue;
            if (!this.atWordStart()) break;
            words.push(this.word());
          }
          if (words.length === 0) this.fail(at, 'let clause requires at least one expression');
          stmt.cmd = { k: 'let', words };
          return stmt;
        }
        // `name() body` declares a function.
        const save = this.i;
        this.blanks();
        if (lit !== undefined && this.peek() === '(') {
          this.i++;
          this.blanks();
          if (this.peek() === ')') {
            this.i++;
            this.separators();
            const body = this.command();
            if (!body) this.fail(at, `"foo()" must be followed by a statement`);
            stmt.cmd = { k: 'func', name: lit, body };
            return stmt;
          }
          this.fail(save, 'a command can only contain words and redirects; encountered (');
        }
        this.i = save;
      }
      args.push(w);
    }
    if (decl !== undefined) {
      stmt.cmd = { k: 'decl', variant: decl, args: declArgs };
      return stmt;
    }
    if (assigns.length === 0 && args.length === 0 && stmt.redirs.length === 0) return undefined;
    stmt.cmd = { k: 'call', assigns, args };
    if (this.peek() === '(') this.fail(this.i, 'a command can only contain words and redirects; encountered (');
    return stmt;
  }

  assignment(): Assign | undefined {
    const m = ASSIGN_RE.exec(this.src.slice(this.i, this.i + 256));
    if (!m) return undefined;
    this.i += m[0].length;
    const a: Assign = { name: m[1] + (m[2] ?? ''), op: m[3] };
    if (this.peek() === '(') {
      this.i++;
      const items: Word[] = [];
      for (;;) {
        this.separators();
        if (this.peek() === ')') break;
        if (this.i >= this.src.length) this.fail(this.i, 'reached EOF without matching ( with )');
        if (!this.atWordStart()) this.fail(this.i, `array element values must be words`);
        items.push(this.word());
      }
      this.i++;
      a.array = items;
      return a;
    }
    if (this.atWordStart()) a.value = this.word();
    return a;
  }

  declArg(): Assign {
    const a = this.assignment();
    if (a) return a;
    return { name: '', op: '', word: this.word() };
  }

  redirect(stmt: Stmt): boolean {
    const m = /^(\d+|\{[A-Za-z_][A-Za-z0-9_]*\})?(<<<|<<-|<<|<>|<&|<|&>>|&>|>>|>&|>\||>)/.exec(this.src.slice(this.i, this.i + 40));
    if (!m) return false;
    // `<(` and `>(` start process substitutions (words), not redirections.
    if (!m[1] && (m[2] === '<' || m[2] === '>') && this.src[this.i + 1] === '(') return false;
    const at = this.i;
    this.i += m[0].length;
    this.blanks();
    if (!this.atWordStart()) this.fail(at, `${m[2]} must be followed by a word`);
    const wordStart = this.i;
    const word = this.word();
    const r: Redirect = { n: m[1] ?? '', op: m[2], word };
    stmt.redirs.push(r);
    if (m[2] === '<<' || m[2] === '<<-') {
      const raw = this.src.slice(wordStart, this.i);
      const quoted = /["'\\]/.test(raw);
      this.heredocs.push({ redir: r, delim: unquoteDelim(raw), quoted, strip: m[2] === '<<-' });
    }
    return true;
  }

  readHeredocs(): void {
    const pending = this.heredocs;
    this.heredocs = [];
    for (const h of pending) {
      const bodyStart = this.i;
      let end = -1;
      let next = this.src.length;
      let j = this.i;
      while (j <= this.src.length) {
        const nl = this.src.indexOf('\n', j);
        const lineEnd = nl < 0 ? this.src.length : nl;
        let line = this.src.slice(j, lineEnd);
        if (h.strip) line = line.replace(/^\t+/, '');
        if (line === h.delim) {
          end = j;
          next = nl < 0 ? this.src.length : nl + 1;
          break;
        }
        if (nl < 0) break;
        j = nl + 1;
      }
      if (end < 0) this.fail(this.src.length, `unclosed here-document '${h.delim}'`);
      const body = this.src.slice(bodyStart, end);
      h.redir.hdoc = h.quoted ? { parts: [{ k: 'lit', text: body }] } : this.heredocBody(body, bodyStart);
      this.i = next;
    }
  }

  /** An unquoted here-document body: literal text with expansions. */
  heredocBody(body: string, offset: number): Word {
    const sub = new Parser(this.src.slice(0, offset + body.length));
    sub.i = offset;
    sub.depth = this.depth;
    const parts: Part[] = [];
    let lit = '';
    while (sub.i < sub.src.length) {
      const c = sub.peek();
      if (c === '\\') {
        lit += sub.src.slice(sub.i, sub.i + 2);
        sub.i += 2;
      } else if (c === '$' || c === '`') {
        const p = c === '$' ? sub.dollar() : sub.backquote();
        if (p) {
          if (lit) parts.push({ k: 'lit', text: lit });
          lit = '';
          parts.push(p);
        } else {
          lit += c;
          sub.i++;
        }
      } else {
        lit += c;
        sub.i++;
      }
    }
    if (lit) parts.push({ k: 'lit', text: lit });
    return { parts };
  }

  // --- compound commands ------------------------------------------------------------------------

  ifClause(start: number, keywordLength = 2): Command {
    this.i += keywordLength;
    const cond = this.stmtList((p) => p.keyword() === 'then');
    if (cond.length === 0 && this.keyword() === 'then') this.fail(start, '"if" must be followed by a statement list');
    this.expectKeyword('then', '"if <cond>"', start);
    const then = this.stmtList((p) => ['elif', 'else', 'fi'].includes(p.keyword() ?? ''));
    const node: Command = { k: 'if', cond, then };
    const kw = this.keyword();
    if (kw === 'elif') {
      node.else = this.ifClause(this.i, 4);
      return node;
    }
    if (kw === 'else') {
      this.i += 4;
      node.else = { k: 'else', stmts: this.stmtList((p) => p.keyword() === 'fi') };
    }
    if (this.keyword() !== 'fi') this.fail(start, 'if statement must end with a "fi"');
    this.i += 2;
    return node;
  }

  whileClause(kw: string, start: number): Command {
    this.i += kw.length;
    const cond = this.stmtList((p) => p.keyword() === 'do');
    if (cond.length === 0) this.fail(start, `"${kw}" must be followed by a statement list`);
    this.expectKeyword('do', `"${kw} <cond>"`, start);
    const body = this.stmtList((p) => p.keyword() === 'done');
    if (this.keyword() !== 'done') this.fail(start, `${kw} statement must end with a "done"`);
    this.i += 4;
    return { k: 'while', until: kw === 'until', cond, body };
  }

  forClause(kw: string, start: number): Command {
    this.i += kw.length;
    this.blanks();
    let name = '';
    let arith: string | undefined;
    const items: Word[] = [];
    if (kw === 'for' && this.startsWith('((')) {
      const end = this.src.indexOf('))', this.i + 2);
      if (end < 0) this.fail(start, 'reached EOF without matching (( with ))');
      arith = this.src.slice(this.i + 2, end);
      this.i = end + 2;
    } else {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.src.slice(this.i, this.i + 256));
      if (!m) this.fail(start, `"${kw} foo" must be followed by "in", "do", ;, or a newline`);
      name = m[0];
      this.i += name.length;
      this.blanks();
      this.separatorsKeepingIn();
      if (this.keyword() === 'in') {
        this.i += 2;
        for (;;) {
          this.blanks();
          if (!this.atWordStart()) break;
          items.push(this.word());
        }
      }
    }
    this.blanks();
    if (this.peek() === ';') this.i++;
    this.expectKeyword('do', `"${kw} foo [in words]"`, start);
    const body = this.stmtList((p) => p.keyword() === 'done');
    if (this.keyword() !== 'done') this.fail(start, `${kw} statement must end with a "done"`);
    this.i += 4;
    return { k: 'for', name, items, arith, body };
  }

  separatorsKeepingIn(): void {
    const save = this.i;
    this.separators();
    if (this.keyword() !== 'in' && this.keyword() !== 'do') this.i = save;
  }

  caseClause(start: number): Command {
    this.i += 4;
    this.blanks();
    if (!this.atWordStart()) this.fail(start, '"case" must be followed by a word');
    const word = this.word();
    this.separators();
    if (this.keyword() !== 'in') this.fail(start, '"case x" must be followed by "in"');
    this.i += 2;
    const items: { patterns: Word[]; stmts: Stmt[] }[] = [];
    for (;;) {
      this.separators();
      if (this.keyword() === 'esac') break;
      if (this.i >= this.src.length) this.fail(start, 'case statement must end with "esac"');
      if (this.peek() === '(') this.i++;
      const patterns: Word[] = [];
      for (;;) {
        this.blanks();
        if (!this.atWordStart()) this.fail(this.i, 'case patterns must consist of words');
        patterns.push(this.word());
        this.blanks();
        if (this.peek() === '|') {
          this.i++;
          continue;
        }
        if (this.peek() === ')') {
          this.i++;
          break;
        }
        this.fail(this.i, 'case patterns must be separated with |');
      }
      const stmts = this.stmtList((p) => p.startsWith(';;') || p.startsWith(';&') || p.keyword() === 'esac');
      items.push({ patterns, stmts });
      if (this.startsWith(';;&')) this.i += 3;
      else if (this.startsWith(';;') || this.startsWith(';&')) this.i += 2;
      else if (this.keyword() !== 'esac') this.fail(start, 'case statement must end with "esac"');
    }
    this.i += 4;
    return { k: 'case', word, items };
  }

  testClause(start: number): Command {
    this.i += 2;
    const words: Word[] = [];
    for (;;) {
      this.blanks();
      if (this.peek() === '\n') {
        this.newline();
        continue;
      }
      if (this.i >= this.src.length) this.fail(start, 'reached EOF without matching [[ with ]]');
      if (this.startsWith(']]') && (META.has(this.peek(2)) || this.peek(2) === '')) {
        this.i += 2;
        break;
      }
      const op = /^(&&|\|\||[()!<>])/.exec(this.src.slice(this.i, this.i + 2));
      if (op) {
        this.i += op[0].length;
        continue;
      }
      // A lone `&`, `;` or `|` starts no word: without this check the loop would never advance.
      if (!this.atWordStart()) this.fail(this.i, `not a valid test operator: ${this.peek()}`);
      words.push(this.word());
    }
    return { k: 'test', words };
  }

  arithCommand(start: number): Command {
    const { text, words, end } = this.arithBody(this.i + 2, start, '((');
    this.i = end;
    return { k: 'arithcmd', text, words };
  }

  /** Text up to the `))` that closes an arithmetic expression opened at `from`. */
  arithBody(from: number, start: number, open: string): { text: string; words: Word[]; end: number } {
    let depth = 0;
    const words: Word[] = [];
    let j = from;
    let text = '';
    while (j < this.src.length) {
      const c = this.src[j];
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) {
          if (this.src[j + 1] === ')') return { text, words, end: j + 2 };
          this.fail(start, `reached ) without matching ${open} with ))`);
        }
        depth--;
      } else if (c === '$' || c === '`') {
        this.i = j;
        const p = c === '$' ? this.dollar() : this.backquote();
        if (p) {
          words.push({ parts: [p] });
          text += this.src.slice(j, this.i);
          j = this.i;
          continue;
        }
      }
      text += c;
      j++;
    }
    this.fail(start, `reached EOF without matching ${open} with ))`);
  }

  funcDecl(start: number): Command {
    this.i += 8;
    this.blanks();
    const m = /^[^\s;&|()<>]+/.exec(this.src.slice(this.i, this.i + 256));
    if (!m) this.fail(start, '"function" must be followed by a name');
    this.i += m[0].length;
    this.blanks();
    if (this.startsWith('()')) this.i += 2;
    else if (this.peek() === '(') {
      this.i++;
      this.blanks();
      if (this.peek() !== ')') this.fail(start, 'functions must start like "foo()"');
      this.i++;
    }
    this.separators();
    const body = this.command();
    if (!body) this.fail(start, `"foo()" must be followed by a statement`);
    return { k: 'func', name: m[0], body };
  }

  // --- words ------------------------------------------------------------------------------------

  word(): Word {
    const parts: Part[] = [];
    let lit = '';
    const flush = () => {
      if (lit) parts.push({ k: 'lit', text: lit });
      lit = '';
    };
    while (this.i < this.src.length) {
      const c = this.peek();
      if (c === '\\') {
        if (this.peek(1) === '\n') {
          this.i += 2;
          continue;
        }
        lit += this.src.slice(this.i, this.i + 2);
        this.i += 2;
        continue;
      }
      if (c === "'") {
        flush();
        parts.push({ k: 'sgl', text: this.singleQuoted(this.i, "'") });
        continue;
      }
      if (c === '"') {
        flush();
        parts.push(this.doubleQuoted(false));
        continue;
      }
      if (c === '$') {
        if (this.peek(1) === "'") {
          flush();
          this.i++;
          parts.push({ k: 'sgl', text: '$' + this.singleQuoted(this.i, "'", true) });
          continue;
        }
        if (this.peek(1) === '"') {
          flush();
          this.i++;
          const d = this.doubleQuoted(true);
          parts.push(d);
          continue;
        }
        const p = this.dollar();
        if (p) {
          flush();
          parts.push(p);
        } else {
          lit += '$';
          this.i++;
        }
        continue;
      }
      if (c === '`') {
        flush();
        parts.push(this.backquote()!);
        continue;
      }
      if ((c === '<' || c === '>') && this.peek(1) === '(' && parts.length === 0 && lit === '') {
        const at = this.i;
        this.i += 2;
        const stmts = this.stmtList((p) => p.peek() === ')');
        if (this.peek() !== ')') this.fail(at, `reached EOF without matching ${c}( with )`);
        this.i++;
        parts.push({ k: 'proc', op: c + '(', stmts });
        continue;
      }
      if (c === '(' && /[?*+@!]$/.test(lit)) {
        // extglob `@(a|b)`: literal up to the matching paren.
        let depth = 0;
        const at = this.i;
        while (this.i < this.src.length) {
          const d = this.src[this.i++];
          lit += d;
          if (d === '(') depth++;
          else if (d === ')' && --depth === 0) break;
        }
        if (depth !== 0) this.fail(at, 'reached EOF without matching ( with )');
        continue;
      }
      if (META.has(c)) break;
      if (c === '{' || c === '}' || c === '#' || c === '!' || c === '[' || c === ']' || c === '\r') {
        lit += c;
        this.i++;
        continue;
      }
      lit += c;
      this.i++;
    }
    flush();
    return { parts };
  }

  /** `'…'` (or `$'…'` with backslash escapes); returns the text with its quotes. */
  singleQuoted(at: number, q: string, escapes = false): string {
    let j = at + 1;
    while (j < this.src.length) {
      const c = this.src[j];
      if (escapes && c === '\\') {
        j += 2;
        continue;
      }
      if (c === q) {
        const text = this.src.slice(at, j + 1);
        this.i = j + 1;
        return text;
      }
      j++;
    }
    this.fail(escapes ? at - 1 : at, `reached EOF without closing quote ${q}`);
  }

  doubleQuoted(dollar: boolean): Part {
    const at = this.i;
    this.i++;
    const parts: Part[] = [];
    let lit = '';
    const flush = () => {
      if (lit) parts.push({ k: 'lit', text: lit });
      lit = '';
    };
    while (this.i < this.src.length) {
      const c = this.peek();
      if (c === '"') {
        this.i++;
        flush();
        return { k: 'dbl', dollar, parts };
      }
      if (c === '\\') {
        if (this.peek(1) === '\n') {
          this.i += 2;
          continue;
        }
        lit += this.src.slice(this.i, this.i + 2);
        this.i += 2;
        continue;
      }
      if (c === '$' || c === '`') {
        const p = c === '$' ? this.dollar() : this.backquote();
        if (p) {
          flush();
          parts.push(p);
          continue;
        }
      }
      lit += c;
      this.i++;
    }
    this.fail(dollar ? at - 1 : at, 'reached EOF without closing quote "');
  }

  backquote(): Part | undefined {
    const at = this.i;
    let j = at + 1;
    let inner = '';
    while (j < this.src.length && this.src[j] !== '`') {
      if (this.src[j] === '\\' && (this.src[j + 1] === '`' || this.src[j + 1] === '\\' || this.src[j + 1] === '$')) {
        inner += this.src[j + 1];
        j += 2;
        continue;
      }
      inner += this.src[j++];
    }
    if (j >= this.src.length) this.fail(at, 'reached EOF without closing quote `');
    const sub = new Parser(inner);
    sub.depth = this.depth + 1;
    if (sub.depth > MAX_DEPTH) this.fail(at, 'nesting too deep');
    let stmts: Stmt[];
    try {
      stmts = sub.stmtList(() => false);
    } catch (e) {
      if (e instanceof ShellSyntaxError) this.fail(at, e.text);
      throw e;
    }
    this.i = j + 1;
    return { k: 'cmd', stmts };
  }

  /** `$name`, `$1`, `${…}`, `$(…)`, `$((…))`; undefined when `$` is a plain character. */
  dollar(): Part | undefined {
    const at = this.i;
    const c = this.peek(1);
    if (c === '(') {
      if (this.peek(2) === '(') {
        const { text, words, end } = this.arithBody(at + 3, at, '$((');
        this.i = end;
        return { k: 'arith', text, words };
      }
      this.i += 2;
      this.enter();
      const stmts = this.stmtList((p) => p.peek() === ')');
      this.depth--;
      if (this.peek() !== ')') this.fail(at, 'reached EOF without matching $( with )');
      this.i++;
      return { k: 'cmd', stmts };
    }
    if (c === '{') return this.paramBraced(at);
    const m = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]|[@*#?$!\-])/.exec(this.src.slice(at + 1, at + 257));
    if (!m) return undefined;
    this.i = at + 1 + m[0].length;
    return { k: 'param', text: '$' + m[0], words: [] };
  }

  paramBraced(at: number): Part {
    let j = at + 2;
    const words: Word[] = [];
    let depth = 0;
    while (j < this.src.length) {
      const c = this.src[j];
      if (c === '}' && depth === 0) {
        this.i = j + 1;
        return { k: 'param', text: this.src.slice(at, j + 1), words };
      }
      if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '\\') {
        j += 2;
        continue;
      } else if (c === "'") {
        const end = this.src.indexOf("'", j + 1);
        if (end < 0) this.fail(j, "reached EOF without closing quote '");
        j = end + 1;
        continue;
      } else if (c === '"' || c === '$' || c === '`') {
        this.i = j;
        const p = c === '"' ? this.doubleQuoted(false) : c === '$' ? this.dollar() : this.backquote();
        if (p) {
          words.push({ parts: [p] });
          j = this.i;
          continue;
        }
      }
      j++;
    }
    this.fail(at, 'reached EOF without matching ${ with }');
  }
}

/** The text of a word made of one unquoted literal, else undefined. */
export function literalText(w: Word): string | undefined {
  return w.parts.length === 1 && w.parts[0].k === 'lit' ? w.parts[0].text : undefined;
}

function unquoteDelim(raw: string): string {
  return raw.replace(/\\(.)/g, '$1').replace(/["']/g, '');
}

/** Parses a script; throws ShellSyntaxError for malformed input. */
export function parseShell(src: string): Stmt[] {
  const p = new Parser(src);
  const stmts = p.stmtList(() => false);
  if (p.i < src.length) {
    const c = src[p.i];
    if (c === ')') p.fail(p.i, 'a command can only contain words and redirects; encountered )');
    const kw = p.keyword();
    if (kw && RESERVED_END.has(kw)) p.fail(p.i, kw === '}' ? `} can only be used to close a block` : `"${kw}" can only be used ${kwContext(kw)}`);
    p.fail(p.i, `a command can only contain words and redirects; encountered ${c}`);
  }
  if (p.heredocs.length) p.fail(src.length, `unclosed here-document '${p.heredocs[0].delim}'`);
  return stmts;
}

function kwContext(kw: string): string {
  switch (kw) {
    case 'then':
    case 'elif':
    case 'else':
    case 'fi':
      return 'in an if';
    case 'do':
    case 'done':
      return 'in a loop';
    default:
      return 'to end a case';
  }
}

