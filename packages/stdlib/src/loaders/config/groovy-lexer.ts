import { ConfigSyntaxError } from './plain.js';

/**
 * Tokens of the Groovy 2.4 that Jenkins pipelines are written in (loaders/config/groovy.ts
 * parses them). Token kinds that conftest's parser (groovy-parser-go) is known to emit keep its
 * names — `Identifier`, `StringLiteral`, `SlashyStringLit`, `DollarSlashyStringLit`,
 * `GStringBegin`/`GStringPart`/`GStringEnd` — and a token's text is its source text, quotes
 * included, as there. An interpolated string is split as Groovy's own lexer splits it: the
 * begin/part tokens end with the `$`, then the interpolation's tokens (`${…}` bracketed by
 * `LBrace`/`RBrace`), then the next part or the end.
 */
export type TokKind =
  | 'Identifier'
  | 'Keyword'
  | 'IntegerLiteral'
  | 'FloatLiteral'
  | 'StringLiteral'
  | 'SlashyStringLit'
  | 'DollarSlashyStringLit'
  | 'GStringBegin'
  | 'GStringPart'
  | 'GStringEnd'
  | 'Op'
  | 'NL'
  | 'EOF';

export interface Tok {
  kind: TokKind;
  text: string;
  line: number;
  column: number;
}

/** Words Groovy reserves; the parser decides which statements it supports. */
export const KEYWORDS = new Set([
  'as', 'assert', 'break', 'case', 'catch', 'class', 'continue', 'def', 'default', 'do', 'else', 'enum', 'extends', 'false',
  'final', 'finally', 'for', 'if', 'implements', 'import', 'in', 'instanceof', 'interface', 'new', 'null', 'package',
  'return', 'static', 'switch', 'synchronized', 'this', 'super', 'throw', 'throws', 'trait', 'true', 'try', 'while',
]);

// Longest first, so `==~` is not read as `==` then `~`.
const OPS = [
  '>>>=', '===', '!==', '==~', '<=>', '>>=', '<<=', '**=', '?.', '*.', '.&', '.@', '..<', '...', '->', '::', '==', '!=', '<=', '>=', '&&',
  '||', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '=~', '?:', '**', '<<', '..',
  '{', '}', '(', ')', '[', ']', ';', ',', '.', ':', '?', '=', '<', '>', '+', '-', '*', '/', '%', '!', '~', '&', '|', '^', '@',
];

const isIdStart = (c: string) => /[A-Za-z_$\u00C0-\uFFFF]/.test(c);
const isIdPart = (c: string) => /[A-Za-z0-9_$\u00C0-\uFFFF]/.test(c);

/** After these a `/` divides; elsewhere it opens a slashy string (Groovy's own rule). */
function endsOperand(t: Tok | undefined): boolean {
  if (!t) return false;
  if (t.kind === 'Identifier' || t.kind === 'IntegerLiteral' || t.kind === 'FloatLiteral' || t.kind.endsWith('Lit') || t.kind === 'StringLiteral' || t.kind === 'GStringEnd') return true;
  if (t.kind === 'Keyword') return t.text === 'this' || t.text === 'super' || t.text === 'true' || t.text === 'false' || t.text === 'null';
  return t.kind === 'Op' && (t.text === ')' || t.text === ']' || t.text === '}');
}

export function lexGroovy(text: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  // One entry per open `{`: true when it is a `${` of a string, whose `}` resumes that string.
  const braces: { interp: boolean; quote: string }[] = [];

  const col = (at: number) => at - lineStart + 1;
  const fail = (msg: string, at: number): never => {
    throw new ConfigSyntaxError(msg, line, col(at));
  };
  /** Moves over text[from, to) counting its line breaks. */
  const advance = (from: number, to: number) => {
    for (let k = from; k < to; k++)
      if (text[k] === '\n') {
        line++;
        lineStart = k + 1;
      }
    i = to;
  };
  const push = (kind: TokKind, start: number, end: number, l = line, c = col(start)) => out.push({ kind, text: text.slice(start, end), line: l, column: c });

  /**
   * Reads string content from `start` (after the opening quote, or after an interpolation's `}`)
   * up to the closing quote or the next `$` interpolation; `first` says whether this is the
   * string's first piece. Returns whether the string ended.
   */
  const stringPiece = (tokStart: number, start: number, quote: string, first: boolean): void => {
    let l = line;
    let c = col(tokStart);
    let k = start;
    for (;;) {
      if (k >= text.length) fail('unterminated string', tokStart);
      const ch = text[k]!;
      if (quote.length === 1 && ch === '\n') fail('unterminated string (a line break inside "…"; use """…""" for several lines)', tokStart);
      if (ch === '\\') {
        k += 2;
        continue;
      }
      if (text.startsWith(quote, k)) {
        const end = k + quote.length;
        push(first ? 'StringLiteral' : 'GStringEnd', tokStart, end, l, c);
        advance(tokStart, end);
        return;
      }
      if (ch === '$' && (text[k + 1] === '{' || isIdStart(text[k + 1] ?? ''))) {
        push(first ? 'GStringBegin' : 'GStringPart', tokStart, k + 1, l, c);
        advance(tokStart, k + 1);
        if (text[i] === '{') {
          braces.push({ interp: true, quote });
          push('Op', i, i + 1);
          i++;
        } else {
          // `$name.prop`: the dotted name is the interpolation; the string goes on after it.
          let e = i;
          while (e < text.length && isIdPart(text[e]!)) e++;
          push('Identifier', i, e);
          while (text[e] === '.' && isIdStart(text[e + 1] ?? '')) {
            push('Op', e, e + 1);
            let f = e + 1;
            while (f < text.length && isIdPart(text[f]!)) f++;
            push('Identifier', e + 1, f);
            e = f;
          }
          // The string goes on after the name: its next piece starts here (a loop, not recursion,
          // so `"$a$a$a…"` cannot exhaust the stack).
          i = e;
          tokStart = i;
          k = i;
          first = false;
          l = line;
          c = col(i);
          continue;
        }
        return;
      }
      k++;
    }
  };

  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\n') {
      push('NL', i, i + 1);
      advance(i, i + 1);
    } else if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\f') i++;
    else if (ch === '\\' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) advance(i, text.indexOf('\n', i) + 1);
    else if (text.startsWith('//', i) || (i === 0 && text.startsWith('#!'))) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end === -1) fail('unterminated /* comment', i);
      advance(i, end + 2);
    } else if (ch === '"' || ch === "'") {
      const quote = text.startsWith(ch.repeat(3), i) ? ch.repeat(3) : ch;
      if (ch === "'") {
        let k = i + quote.length;
        for (;;) {
          if (k >= text.length || (quote.length === 1 && text[k] === '\n')) fail('unterminated string', i);
          if (text[k] === '\\') k += 2;
          else if (text.startsWith(quote, k)) break;
          else k++;
        }
        push('StringLiteral', i, k + quote.length);
        advance(i, k + quote.length);
      } else stringPiece(i, i + quote.length, quote, true);
    } else if (ch === '$' && text[i + 1] === '/') {
      const end = text.indexOf('/$', i + 2);
      if (end === -1) fail('unterminated $/…/$ string', i);
      if (/\$(\{|[A-Za-z_])/.test(text.slice(i + 2, end))) fail('interpolation in a $/…/$ string is not supported', i);
      push('DollarSlashyStringLit', i, end + 2);
      advance(i, end + 2);
    } else if (ch === '/' && !endsOperand(out[out.length - 1])) {
      let k = i + 1;
      while (k < text.length && text[k] !== '/') k += text[k] === '\\' ? 2 : 1;
      if (k >= text.length) fail('unterminated /…/ string', i);
      if (/\$(\{|[A-Za-z_])/.test(text.slice(i + 1, k))) fail('interpolation in a /…/ string is not supported', i);
      push('SlashyStringLit', i, k + 1);
      advance(i, k + 1);
    } else if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(text[i + 1] ?? '') && !endsOperand(out[out.length - 1]))) {
      const rest = text.slice(i, i + 400);
      const m = /^(0[xX][0-9a-fA-F_]+|0[bB][01_]+|[0-9][0-9_]*)([gGlLiI])?/.exec(rest);
      const f = /^([0-9][0-9_]*)?\.[0-9][0-9_]*([eE][+-]?[0-9]+)?[gGdDfF]?|^[0-9][0-9_]*[eE][+-]?[0-9]+[gGdDfF]?|^[0-9][0-9_]*[dDfF]/.exec(rest);
      const float = f !== null && f[0].length > (m?.[0].length ?? 0);
      const len = float ? f[0].length : m![0].length;
      push(float ? 'FloatLiteral' : 'IntegerLiteral', i, i + len);
      i += len;
    } else if (isIdStart(ch)) {
      let k = i + 1;
      while (k < text.length && isIdPart(text[k]!)) k++;
      const word = text.slice(i, k);
      push(KEYWORDS.has(word) ? 'Keyword' : 'Identifier', i, k);
      i = k;
    } else {
      const op = OPS.find((o) => text.startsWith(o, i));
      if (!op) fail(`unexpected character ${JSON.stringify(ch)}`, i);
      if (op === '{') braces.push({ interp: false, quote: '' });
      if (op === '}') {
        const open = braces.pop();
        if (open?.interp) {
          push('Op', i, i + 1);
          i++;
          stringPiece(i, i, open.quote, false);
          continue;
        }
      }
      push('Op', i, i + op!.length);
      i += op!.length;
    }
  }
  const open = braces.find((b) => b.interp);
  if (open) fail('unterminated string interpolation ${…}', i);
  out.push({ kind: 'EOF', text: '', line, column: col(i) });
  return out;
}
