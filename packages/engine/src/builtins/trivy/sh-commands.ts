/**
 * The simple commands of a shell script as Trivy's `sh.parse_commands` lists them: every call
 * with at least one word, in mvdan/sh's walk order (a call before the substitutions inside its
 * words; a statement's command before its redirections), each word printed as mvdan's printer
 * prints it (`$(…)` re-printed from its statements, backquotes as `$(…)`, arithmetic with
 * spaces around binary operators).
 */
import { parseShell, type Assign, type Command, type Part, type Redirect, type Stmt, type Word } from './sh-parse.js';

/** Calls of a script, each as its printed words; throws ShellSyntaxError when it does not parse. */
export function shellCommands(src: string): string[][] {
  const out: string[][] = [];
  walkStmts(parseShell(src), out);
  return out;
}

function walkStmts(stmts: Stmt[], out: string[][]): void {
  for (const s of stmts) walkStmt(s, out);
}

function walkStmt(s: Stmt, out: string[][]): void {
  if (s.cmd) walkCommand(s.cmd, out);
  for (const r of s.redirs) walkRedirect(r, out);
}

function walkRedirect(r: Redirect, out: string[][]): void {
  walkWord(r.word, out);
  if (r.hdoc) walkWord(r.hdoc, out);
}

function walkAssign(a: Assign, out: string[][]): void {
  if (a.value) walkWord(a.value, out);
  if (a.array) for (const w of a.array) walkWord(w, out);
  if (a.word) walkWord(a.word, out);
}

function walkCommand(c: Command, out: string[][]): void {
  switch (c.k) {
    case 'call':
      if (c.args.length) out.push(c.args.map(printWord));
      for (const a of c.assigns) walkAssign(a, out);
      for (const w of c.args) walkWord(w, out);
      return;
    case 'binary': {
      // `a && b && …` is a left-deep chain: walked along its spine, not by recursion.
      const rights: Stmt[] = [];
      let b: Command = c;
      while (b.k === 'binary') {
        rights.push(b.y);
        const x: Stmt = b.x;
        if (x.cmd?.k === 'binary' && x.redirs.length === 0 && !x.negated && !x.background) b = x.cmd;
        else {
          walkStmt(x, out);
          break;
        }
      }
      for (let i = rights.length - 1; i >= 0; i--) walkStmt(rights[i], out);
      return;
    }
    case 'block':
    case 'subshell':
    case 'else':
      walkStmts(c.stmts, out);
      return;
    case 'if':
      walkStmts(c.cond, out);
      walkStmts(c.then, out);
      if (c.else) walkCommand(c.else, out);
      return;
    case 'while':
      walkStmts(c.cond, out);
      walkStmts(c.body, out);
      return;
    case 'for':
      for (const w of c.items) walkWord(w, out);
      walkStmts(c.body, out);
      return;
    case 'case':
      walkWord(c.word, out);
      for (const item of c.items) {
        for (const w of item.patterns) walkWord(w, out);
        walkStmts(item.stmts, out);
      }
      return;
    case 'func':
      walkStmt(c.body, out);
      return;
    case 'test':
    case 'let':
    case 'arithcmd':
      for (const w of c.words) walkWord(w, out);
      return;
    case 'decl':
      for (const a of c.args) walkAssign(a, out);
      return;
    case 'time':
      if (c.stmt) walkStmt(c.stmt, out);
      return;
    case 'coproc':
      walkStmt(c.stmt, out);
      return;
  }
}

function walkWord(w: Word, out: string[][]): void {
  for (const p of w.parts) walkPart(p, out);
}

function walkPart(p: Part, out: string[][]): void {
  switch (p.k) {
    case 'dbl':
      for (const q of p.parts) walkPart(q, out);
      return;
    case 'cmd':
    case 'proc':
      walkStmts(p.stmts, out);
      return;
    case 'param':
    case 'arith':
      for (const w of p.words) walkWord(w, out);
      return;
    default:
      return;
  }
}

// --- printing ---------------------------------------------------------------------------------

export function printWord(w: Word): string {
  return w.parts.map(printPart).join('');
}

function printPart(p: Part): string {
  switch (p.k) {
    case 'lit':
    case 'sgl':
      return p.text;
    case 'param':
      return p.text;
    case 'dbl':
      return (p.dollar ? '$"' : '"') + p.parts.map(printPart).join('') + '"';
    case 'cmd':
      return '$(' + printBody(p.stmts) + ')';
    case 'proc':
      return p.op + printBody(p.stmts) + ')';
    case 'arith':
      return '$((' + printArith(p.text) + '))';
  }
}

/** One statement on a line; several each on their own line, closed by a newline (mvdan's layout). */
function printBody(stmts: Stmt[]): string {
  if (stmts.length === 1) return printStmt(stmts[0]);
  return stmts.map((s) => printStmt(s) + '\n').join('');
}

function printStmt(s: Stmt): string {
  let text = s.negated ? '! ' : '';
  if (s.cmd) text += printCommand(s.cmd);
  for (const r of s.redirs) text += (text === '' ? '' : ' ') + r.n + r.op + (r.op.startsWith('<<') && r.op !== '<<<' ? '' : '') + printWord(r.word);
  if (s.background) text += ' &';
  return text;
}

function printAssign(a: Assign): string {
  if (a.word) return printWord(a.word);
  const value = a.array ? '(' + a.array.map(printWord).join(' ') + ')' : a.value ? printWord(a.value) : '';
  return a.name + a.op + value;
}

function printCommand(c: Command): string {
  switch (c.k) {
    case 'call':
      return [...c.assigns.map(printAssign), ...c.args.map(printWord)].join(' ');
    case 'binary': {
      const tail: string[] = [];
      let b: Command = c;
      let head = '';
      while (b.k === 'binary') {
        tail.push(` ${b.op} ${printStmt(b.y)}`);
        const x: Stmt = b.x;
        if (x.cmd?.k === 'binary' && x.redirs.length === 0 && !x.negated && !x.background) b = x.cmd;
        else {
          head = printStmt(x);
          break;
        }
      }
      return head + tail.reverse().join('');
    }
    case 'subshell':
      return '(' + c.stmts.map(printStmt).join('; ') + ')';
    case 'block':
      return '{ ' + c.stmts.map((s) => printStmt(s) + '; ').join('') + '}';
    case 'decl':
      return [c.variant, ...c.args.map(printAssign)].join(' ');
    case 'let':
      return ['let', ...c.words.map(printWord)].join(' ');
    case 'test':
      return '[[ ' + c.words.map(printWord).join(' ') + ' ]]';
    case 'time':
      return 'time' + (c.stmt ? ' ' + printStmt(c.stmt) : '');
    default:
      // Compound commands inside a substitution are rare in RUN lines; their exact layout does not
      // change which tools a check sees.
      return printCompound(c);
  }
}

function printCompound(c: Command): string {
  switch (c.k) {
    case 'if':
      return `if ${c.cond.map(printStmt).join('; ')}; then ${c.then.map(printStmt).join('; ')}; ${c.else ? printElse(c.else) : ''}fi`;
    case 'while':
      return `${c.until ? 'until' : 'while'} ${c.cond.map(printStmt).join('; ')}; do ${c.body.map(printStmt).join('; ')}; done`;
    case 'for':
      return `for ${c.arith !== undefined ? `((${c.arith}))` : c.name + (c.items.length ? ' in ' + c.items.map(printWord).join(' ') : '')}; do ${c.body.map(printStmt).join('; ')}; done`;
    case 'func':
      return `${c.name}() ${printStmt(c.body)}`;
    case 'case':
      return `case ${printWord(c.word)} in ${c.items.map((i) => `${i.patterns.map(printWord).join(' | ')}) ${i.stmts.map(printStmt).join('; ')} ;;`).join(' ')} esac`;
    case 'arithcmd':
      return `((${printArith(c.text)}))`;
    case 'coproc':
      return `coproc ${printStmt(c.stmt)}`;
    default:
      return '';
  }
}

function printElse(c: Command): string {
  if (c.k === 'else') return `else ${c.stmts.map(printStmt).join('; ')}; `;
  return 'el' + printCompound(c).replace(/fi$/, '');
}

const ARITH_TOKEN = /\s*(\*\*=|<<=|>>=|&&|\|\||\*\*|<<|>>|<=|>=|==|!=|\+\+|--|[-+*/%&|^]=|[-+*/%<>=&|^!~?:,()])|\s*([^\s\-+*/%<>=&|^!~?:,()]+)/y;

/** Arithmetic re-printed as mvdan does for flat expressions: binary operators spaced, unary tight. */
function printArith(text: string): string {
  const tokens: { op?: string; v?: string }[] = [];
  let at = 0;
  for (;;) {
    ARITH_TOKEN.lastIndex = at;
    const m = ARITH_TOKEN.exec(text);
    if (!m) break;
    at = ARITH_TOKEN.lastIndex;
    if (m[1] !== undefined) tokens.push({ op: m[1] });
    else tokens.push({ v: m[2] });
  }
  if (text.slice(at).trim() !== '') return text.trim();
  let out = '';
  let prevOperand = false;
  for (const t of tokens) {
    if (t.v !== undefined) {
      out += t.v;
      prevOperand = true;
    } else if (t.op === '(') {
      out += '(';
      prevOperand = false;
    } else if (t.op === ')') {
      out += ')';
      prevOperand = true;
    } else if (t.op === '++' || t.op === '--') {
      out += t.op;
    } else if (t.op === ',') {
      out += ', ';
      prevOperand = false;
    } else if (prevOperand) {
      out += ` ${t.op} `;
      prevOperand = false;
    } else out += t.op;
  }
  return out;
}
