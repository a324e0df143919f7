/**
 * `palisade.shell_tokens(script)`: the words and operators of a shell script, as
 * `palisade.lib.shell.tokens` defines them: exactly what `regex.find_n(SHELL_TOKEN_RE, script, -1)`
 * returns (RE2 semantics), computed by one linear pass.
 *
 * Why not the regex: on a RUN of 100,000 `&&`-joined commands (a 2 MB script, issue 17) RE2's
 * NFA took about 0.8 s of a scan, every character stepping several threads; this pass costs a few
 * milliseconds. The regex stays the definition: `shell-tokens.test.ts` checks the two against
 * each other, and test/differential/shell-tokens.test.ts against the reference OPA.
 */
import { T, operandError, type BuiltinDecl } from '@palisade/engine';

/** The token grammar: a word is a run of plain characters, `&>`, `<&`/`>&`, escapes and quoted strings; then the operators. */
export const SHELL_TOKEN_RE = String.raw`(?:&>|[<>]&|[^\s'"\\;|&]|\\.|'[^']*'|"(?:[^"\\]|\\.)*")+|&&|\|\||[;|&\n]`;

const TAB = 9;
const LF = 10;
const FF = 12;
const CR = 13;
const SPACE = 32;
const DQUOTE = 34;
const AMP = 38;
const SQUOTE = 39;
const SEMI = 59;
const LT = 60;
const GT = 62;
const BACKSLASH = 92;
const PIPE = 124;

/** RE2's `\s` is `[\t\n\f\r ]` (no vertical tab, nothing beyond ASCII). */
function isSpace(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === FF || c === CR;
}

/** A character the plain class `[^\s'"\\;|&]` takes. */
function isPlain(c: number): boolean {
  return !isSpace(c) && c !== SQUOTE && c !== DQUOTE && c !== BACKSLASH && c !== SEMI && c !== PIPE && c !== AMP;
}

/**
 * The end of the word item starting at `i` (one repetition of the group, its alternatives tried
 * in order, as leftmost-first matching does), or -1 when none matches there. A repetition never
 * needs to be undone: the group may end after any of them, so the first alternative that matches
 * is the one the regex takes.
 */
function itemEnd(s: string, i: number): number {
  if (i >= s.length) return -1;
  const c = s.charCodeAt(i);
  const next = s.charCodeAt(i + 1);
  if (c === AMP && next === GT) return i + 2;
  if ((c === LT || c === GT) && next === AMP) return i + 2;
  if (isPlain(c)) return i + 1;
  // `\\.`: `.` is any character but a newline (a surrogate pair is one character).
  if (c === BACKSLASH) return i + 1 < s.length && next !== LF ? i + 2 + (isHighSurrogatePair(s, i + 1) ? 1 : 0) : -1;
  if (c === SQUOTE) {
    const close = s.indexOf("'", i + 1);
    return close < 0 ? -1 : close + 1;
  }
  if (c === DQUOTE) {
    for (let j = i + 1; j < s.length; j++) {
      const d = s.charCodeAt(j);
      if (d === DQUOTE) return j + 1;
      if (d === BACKSLASH) {
        if (j + 1 >= s.length || s.charCodeAt(j + 1) === LF) return -1;
        j++;
      }
    }
    return -1;
  }
  return -1;
}

function isHighSurrogatePair(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) return false;
  const d = s.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}

/** The tokens of `s`: what `regex.find_n(SHELL_TOKEN_RE, s, -1)` returns. */
export function shellTokens(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    let end = itemEnd(s, i);
    if (end >= 0) {
      for (let e = itemEnd(s, end); e >= 0; e = itemEnd(s, end)) end = e;
      out.push(s.slice(i, end));
      i = end;
      continue;
    }
    const c = s.charCodeAt(i);
    if ((c === AMP && s.charCodeAt(i + 1) === AMP) || (c === PIPE && s.charCodeAt(i + 1) === PIPE)) {
      out.push(s.slice(i, i + 2));
      i += 2;
    } else if (c === SEMI || c === PIPE || c === AMP || c === LF) {
      out.push(s[i]!);
      i++;
    } else {
      // No token starts here (blank, or a quote or backslash that does not close): the search moves on.
      i++;
    }
  }
  return out;
}

export const shellTokensBuiltin: BuiltinDecl = {
  name: 'palisade.shell_tokens',
  params: [{ name: 'script', type: T.string, description: 'a shell script (e.g. the text of a Dockerfile RUN)' }],
  result: T.array(T.string),
  category: 'palisade',
  description:
    'The words (quotes kept) and operators (`&&`, `||`, `;`, `|`, `&`, newline) of a shell script, in order: the same as `regex.find_n` with the pattern of `palisade.lib.shell`, in one linear pass.',
  impl(args) {
    const [script] = args;
    if (typeof script !== 'string') throw operandError(1, script, 'string');
    return shellTokens(script);
  },
};
