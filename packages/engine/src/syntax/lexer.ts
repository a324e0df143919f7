/**
 * Rego tokens and the chevrotain lexer.
 *
 * Whitespace is skipped, but Rego is newline-sensitive in a few places (expressions in a body are
 * separated by newlines, `a [0]` is not a ref). After lexing, every token gets two flags:
 * `nl` (a line break precedes it) and `ws` (any whitespace or comment precedes it); the parser's
 * gates read them.
 *
 * Template strings (`$"… {expr} …"`) need lexer modes: `{` inside a template opens a nested code
 * mode in which braces push/pop, so the `}` matching the template's `{` returns to the text mode.
 * Outside templates braces never change modes, so unbalanced code cannot break the lexer.
 */
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';

export interface RToken extends IToken {
  /** A line break occurs between the previous token and this one. */
  nl: boolean;
  /** Whitespace or a comment occurs between the previous token and this one. */
  ws: boolean;
  /** Index in the token array. */
  idx: number;
}

const t = (name: string, pattern: RegExp | string, label: string, extra: Record<string, unknown> = {}) =>
  createToken({ name, pattern, label, ...extra });

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f\v]+/, group: Lexer.SKIPPED, line_breaks: true });
export const Comment = createToken({ name: 'Comment', pattern: /#[^\r\n]*/, group: 'comments' });

export const Identifier = t('Identifier', /[A-Za-z_][A-Za-z0-9_]*/, 'a name');
/** Every keyword is in this category, so `.keyword` ref segments can match any of them. */
export const Keyword = createToken({ name: 'Keyword', pattern: Lexer.NA, label: 'a keyword' });

const kw = (word: string, categories: TokenType[] = []) =>
  createToken({
    name: word[0].toUpperCase() + word.slice(1),
    pattern: new RegExp(word),
    label: `\`${word}\``,
    longer_alt: Identifier,
    categories: [Keyword, ...categories],
  });

export const As = kw('as');
export const Default = kw('default');
export const Else = kw('else');
export const Every = kw('every');
export const False = kw('false');
export const If = kw('if');
export const Import = kw('import');
export const In = kw('in');
export const Not = kw('not');
export const Null = kw('null');
export const Package = kw('package');
export const Some = kw('some');
export const True = kw('true');
export const With = kw('with');
export const Contains = kw('contains');
/** Experimental logic keywords; ordinary names unless the module enables them (category Identifier). */
export const AndKw = kw('and', [Identifier]);
export const OrKw = kw('or', [Identifier]);

/** Binary operators share one category so the CST keeps them in one ordered list. */
export const BinOp = createToken({ name: 'BinOp', pattern: Lexer.NA, label: 'an operator' });
export const AssignOp = createToken({ name: 'AssignOp', pattern: Lexer.NA, label: '`:=` or `=`' });

const bin = { categories: [BinOp] };
export const Assign = t('Assign', ':=', '`:=`', { categories: [AssignOp] });
export const Eq = t('Eq', '==', '`==`', bin);
export const Neq = t('Neq', '!=', '`!=`', bin);
export const Lte = t('Lte', '<=', '`<=`', bin);
export const Gte = t('Gte', '>=', '`>=`', bin);
export const Lt = t('Lt', '<', '`<`', bin);
export const Gt = t('Gt', '>', '`>`', bin);
export const Unify = t('Unify', '=', '`=`', { categories: [AssignOp] });
export const Plus = t('Plus', '+', '`+`', bin);
export const Minus = t('Minus', '-', '`-`', bin);
export const Star = t('Star', '*', '`*`', bin);
export const Slash = t('Slash', '/', '`/`', bin);
export const Percent = t('Percent', '%', '`%`', bin);
export const Amp = t('Amp', '&', '`&`', bin);
export const Pipe = t('Pipe', '|', '`|`', bin);
export const Comma = t('Comma', ',', '`,`');
export const Semi = t('Semi', ';', '`;`');
export const Colon = t('Colon', ':', '`:`');
export const LParen = t('LParen', '(', '`(`');
export const RParen = t('RParen', ')', '`)`');
export const LBrack = t('LBrack', '[', '`[`');
export const RBrack = t('RBrack', ']', '`]`');
export const LCurly = createToken({ name: 'LCurly', pattern: Lexer.NA, label: '`{`' });
export const RCurly = createToken({ name: 'RCurly', pattern: Lexer.NA, label: '`}`' });
const LBraceTop = t('LBraceTop', '{', '`{`', { categories: [LCurly] });
const RBraceTop = t('RBraceTop', '}', '`}`', { categories: [RCurly] });
const LBracePush = t('LBracePush', '{', '`{`', { categories: [LCurly], push_mode: 'nested' });
const RBracePop = t('RBracePop', '}', '`}`', { categories: [RCurly], pop_mode: true });

export const Number = t('Number', /(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/, 'a number');
/** The dot must come after Number so `.5` lexes as a number. */
export const Dot = t('Dot', '.', '`.`');
export const String = t('String', /"(?:[^"\\\r\n]|\\[^\r\n])*"/, 'a string');
export const BadString = t('BadString', /"(?:[^"\\\r\n]|\\[^\r\n])*\\?/, 'an unterminated string');
export const RawString = t('RawString', /`[^`]*`/, 'a raw string', { line_breaks: true });
export const BadRawString = t('BadRawString', /`[^`]*/, 'an unterminated raw string', { line_breaks: true });

export const TplStart = t('TplStart', '$"', '`$"`', { push_mode: 'tpl' });
export const RawTplStart = t('RawTplStart', '$`', '`$`', { push_mode: 'rawTpl' });
export const TplText = t('TplText', /(?:[^"\\{\r\n]|\\[^\r\n])+/, 'template text');
export const RawTplText = t('RawTplText', /(?:[^`\\{]|\\\{?)+/, 'template text', { line_breaks: true });
export const TplExprOpen = t('TplExprOpen', '{', '`{`', { push_mode: 'nested' });
export const TplEnd = t('TplEnd', '"', '`"`', { pop_mode: true });
export const RawTplEnd = t('RawTplEnd', '`', '`` ` ``', { pop_mode: true });
/** A line break inside `$"…"`: the template is unterminated; leave the mode so lexing goes on. */
export const TplBreak = t('TplBreak', /\r?\n/, 'a line break', { pop_mode: true, line_breaks: true });

const shared: TokenType[] = [
  WhiteSpace, Comment,
  TplStart, RawTplStart, String, BadString, RawString, BadRawString,
  Assign, Eq, Neq, Lte, Gte, Lt, Gt, Unify, Plus, Minus, Star, Slash, Percent, Amp, Pipe,
  Comma, Semi, Colon, LParen, RParen, LBrack, RBrack, Number, Dot,
  As, Default, Else, Every, False, If, Import, In, Not, Null, Package, Some, True, With, Contains,
  AndKw, OrKw, Identifier,
];

/** All token types the parser knows about (categories included). */
export const allTokens: TokenType[] = [
  ...shared, LBraceTop, RBraceTop, LBracePush, RBracePop, LCurly, RCurly, Keyword, BinOp, AssignOp,
  TplText, RawTplText, TplExprOpen, TplEnd, RawTplEnd, TplBreak,
];

const regoLexer = new Lexer(
  {
    modes: {
      top: [...shared, LBraceTop, RBraceTop],
      nested: [...shared, LBracePush, RBracePop],
      tpl: [TplText, TplExprOpen, TplEnd, TplBreak],
      rawTpl: [RawTplText, TplExprOpen, RawTplEnd],
    },
    defaultMode: 'top',
  },
  { positionTracking: 'full', ensureOptimizations: false, skipValidations: true },
);

export interface LexError {
  message: string;
  offset: number;
  line: number;
  column: number;
}

export interface LexResult {
  tokens: RToken[];
  comments: IToken[];
  errors: LexError[];
}

export function tokenize(source: string): LexResult {
  const res = regoLexer.tokenize(source);
  const tokens = res.tokens as RToken[];
  let prevEnd = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    tok.idx = i;
    tok.ws = tok.startOffset > prevEnd;
    let nl = false;
    for (let j = prevEnd; j < tok.startOffset; j++) {
      const c = source.charCodeAt(j);
      if (c === 10 || c === 13) {
        nl = true;
        break;
      }
    }
    tok.nl = nl;
    prevEnd = (tok.endOffset ?? tok.startOffset) + 1;
  }
  const errors: LexError[] = [];
  for (const e of res.errors) {
    const ch = source.slice(e.offset, e.offset + Math.max(1, Math.min(e.length, 1)));
    errors.push({
      message: `unexpected character ${JSON.stringify(ch)}`,
      offset: e.offset,
      line: e.line ?? 1,
      column: e.column ?? 1,
    });
  }
  for (const tok of tokens) {
    const msg = badTokenMessage(tok.tokenType);
    if (msg) errors.push({ message: msg, offset: tok.startOffset, line: tok.startLine ?? 1, column: tok.startColumn ?? 1 });
  }
  errors.sort((a, b) => a.offset - b.offset);
  return { tokens, comments: res.groups.comments ?? [], errors };
}

function badTokenMessage(tt: TokenType): string | undefined {
  if (tt === BadString) return 'unterminated string';
  if (tt === BadRawString) return 'unterminated raw string';
  if (tt === TplBreak) return 'unterminated template string';
  return undefined;
}

// ---- literal decoding ------------------------------------------------------------------------

const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t',
};

/**
 * Decodes the inside of a double-quoted string (JSON escapes, as Go's encoding/json reads them:
 * `\uXXXX` pairs form surrogate pairs, a lone surrogate becomes U+FFFD). With `template`, `\{`
 * stands for `{`. Returns undefined for an invalid escape.
 */
export function unescapeString(inner: string, template = false): string | undefined {
  if (!inner.includes('\\')) return inner;
  let out = '';
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = inner[++i];
    if (e === undefined) return undefined;
    if (e === 'u') {
      const hex = inner.slice(i + 1, i + 5);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return undefined;
      i += 4;
      let code = parseInt(hex, 16);
      if (code >= 0xd800 && code < 0xdc00) {
        const lo = /^\\u([dD][c-fC-F][0-9a-fA-F]{2})/.exec(inner.slice(i + 1));
        if (lo) {
          out += globalThis.String.fromCharCode(code, parseInt(lo[1], 16));
          i += 6;
          continue;
        }
        code = 0xfffd;
      } else if (code >= 0xdc00 && code < 0xe000) {
        code = 0xfffd;
      }
      out += globalThis.String.fromCharCode(code);
    } else if (template && e === '{') {
      out += '{';
    } else {
      const s = SIMPLE_ESCAPES[e];
      if (s === undefined) return undefined;
      out += s;
    }
  }
  return out;
}

/** Raw template text: only `\{` is an escape. */
export function unescapeRawTemplate(text: string): string {
  return text.replace(/\\\{/g, '{');
}
