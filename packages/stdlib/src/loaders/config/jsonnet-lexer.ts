import { ConfigSyntaxError } from './plain.js';

/** Jsonnet's tokens (jsonnet.org/ref/spec.html): strings of every kind, text blocks, numbers, operators. */

export interface Pos {
  line: number;
  col: number;
}

type TokKind = 'id' | 'kw' | 'num' | 'str' | 'op' | 'eof';
export interface Tok extends Pos {
  k: TokKind;
  v: string;
  /** A string token's value (escapes applied, text blocks stripped). */
  s?: string;
}

const KEYWORDS = new Set(['assert', 'else', 'error', 'false', 'for', 'function', 'if', 'import', 'importstr', 'importbin', 'in', 'local', 'null', 'tailstrict', 'then', 'self', 'super', 'true']);
const OPS = ['+:::', '+::', ':::', '+:', '::', '==', '!=', '<=', '>=', '<<', '>>', '&&', '||', '{', '}', '[', ']', '(', ')', ',', '.', ';', ':', '$', '+', '-', '*', '/', '%', '<', '>', '!', '~', '&', '^', '|', '='];

/** The match of a sticky regular expression at `i` (no copy of the rest of the text). */
function at_(re: RegExp, text: string, i: number): string {
  re.lastIndex = i;
  return re.exec(text)?.[0] ?? '';
}

export function lex(text: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  let line = 1;
  let ls = 0;
  const fail = (m: string, at: number): never => {
    throw new ConfigSyntaxError(m, line, at - ls + 1);
  };
  const lines = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (text[k] === '\n') (line++, (ls = k + 1));
  };
  while (i < text.length) {
    const c = text[i]!;
    const at = { line, col: i - ls + 1 };
    if (c === '\n') (line++, i++, (ls = i));
    else if (c === ' ' || c === '\t' || c === '\r') i++;
    else if (c === '#' || text.startsWith('//', i)) while (i < text.length && text[i] !== '\n') i++;
    else if (text.startsWith('/*', i)) {
      const e = text.indexOf('*/', i + 2);
      if (e === -1) fail('unterminated comment', i);
      lines(i, e);
      i = e + 2;
    } else if (c === '"' || c === "'" || (c === '@' && (text[i + 1] === '"' || text[i + 1] === "'"))) {
      const verbatim = c === '@';
      const q = verbatim ? text[i + 1]! : c;
      let k = i + (verbatim ? 2 : 1);
      let s = '';
      for (;;) {
        if (k >= text.length) fail('unterminated string', i);
        const ch = text[k]!;
        if (ch === q) {
          if (verbatim && text[k + 1] === q) (s += q, (k += 2));
          else break;
        } else if (ch === '\\' && !verbatim) {
          const e = text[k + 1];
          const simple: Record<string, string> = { '"': '"', "'": "'", '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
          if (e === 'u') {
            const h = text.slice(k + 2, k + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(h)) fail('bad \\u escape', k);
            s += String.fromCharCode(parseInt(h, 16));
            k += 6;
          } else if (e !== undefined && simple[e] !== undefined) (s += simple[e], (k += 2));
          else fail(`unknown escape \\${e ?? ''}`, k);
        } else (s += ch, k++);
      }
      out.push({ k: 'str', v: text.slice(i, k + 1), s, ...at });
      lines(i, k);
      i = k + 1;
    } else if (text.startsWith('|||', i)) {
      // Text block: the first line's indentation is stripped from every line; `|||-` drops the final newline.
      let k = i + 3;
      const chomp = text[k] === '-';
      if (chomp) k++;
      while (text[k] === ' ' || text[k] === '\t') k++;
      if (text[k] !== '\n') fail('text block requires a new line after |||', k);
      k++;
      const indent = at_(/[ \t]*/y, text, k);
      if (indent === '') fail('text block\'s first line must be indented', k);
      let s = '';
      for (;;) {
        const nl = text.indexOf('\n', k);
        const l = text.slice(k, nl === -1 ? text.length : nl);
        if (l.startsWith(indent)) {
          s += l.slice(indent.length) + '\n';
          if (nl === -1) fail('unterminated text block', i);
          k = nl + 1;
        } else if (l.trim() === '') {
          if (nl === -1) fail('unterminated text block', i);
          s += '\n';
          k = nl + 1;
        } else if (l.trimStart().startsWith('|||')) {
          k += l.indexOf('|||') + 3;
          break;
        } else fail('text block not terminated with |||', k);
      }
      out.push({ k: 'str', v: text.slice(i, k), s: chomp ? s.replace(/\n$/, '') : s, ...at });
      lines(i, k);
      i = k;
    } else if (/[0-9]/.test(c)) {
      const m = at_(/(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y, text, i);
      out.push({ k: 'num', v: m, ...at });
      i += m.length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = at_(/[A-Za-z_][A-Za-z0-9_]*/y, text, i);
      out.push({ k: KEYWORDS.has(m) ? 'kw' : 'id', v: m, ...at });
      i += m.length;
    } else {
      const op = OPS.find((o) => text.startsWith(o, i));
      if (!op) fail(`unexpected character ${JSON.stringify(c)}`, i);
      out.push({ k: 'op', v: op!, ...at });
      i += op!.length;
    }
  }
  out.push({ k: 'eof', v: '', line, col: i - ls + 1 });
  return out;
}
