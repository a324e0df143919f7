/**
 * `glob.match` and `glob.quote_meta` with the semantics of the Go library gobwas/glob that OPA
 * uses: `*` (any run without delimiters), `**` (any run), `?` (one non-delimiter character),
 * `[abc]`, `[a-z]`, `[!…]`, `{alt,…}` and `\` escapes. Patterns are parsed with that library's
 * lexer rules and compiled to an anchored RE2 expression (linear-time matching), cached.
 */
import type { RE2JS } from 're2js';
import { builtinError, operandError, type BuiltinDecl } from '../define.js';
import { argString } from '../args.js';
import { T } from '../signature.js';
import { elementError } from '../text-args.js';
import { LruCache, tryCompile } from './regex-engine.js';
import type { Value } from '../../value/types.js';

/** Escapes one code point for use inside or outside an RE2 character class. */
function reChar(ch: string): string {
  return /^[A-Za-z0-9_]$/.test(ch) || ch.codePointAt(0)! > 0x7f ? ch : '\\' + ch;
}

function notDelims(delims: string[]): string {
  return delims.length === 0 ? '.' : `[^${delims.map(reChar).join('')}]`;
}

/** gobwas/glob's lexer + parser, emitting RE2 text; throws the library's error text. */
class GlobCompiler {
  private readonly chars: string[];
  private i = 0;
  private termsDepth = 0;
  constructor(pattern: string, private readonly delims: string[]) {
    this.chars = Array.from(pattern);
  }

  compile(): string {
    return `(?s)^(?:${this.sequence(false)})$`;
  }

  private peek(): string | undefined {
    return this.chars[this.i];
  }

  /** A sequence up to the end, or (inside `{…}`) up to the next `,` or `}`. */
  private sequence(inTerms: boolean): string {
    let out = '';
    for (;;) {
      const c = this.peek();
      if (c === undefined) return out;
      if (inTerms && (c === ',' || c === '}')) return out;
      if (c === '{') {
        this.i++;
        this.termsDepth++;
        const alts = [this.sequence(true)];
        while (this.peek() === ',') {
          this.i++;
          alts.push(this.sequence(true));
        }
        // An unclosed `{` simply runs to the end of the pattern, as in the Go library.
        if (this.peek() === '}') this.i++;
        this.termsDepth--;
        out += `(?:${alts.join('|')})`;
      } else if (c === '[') {
        this.i++;
        out += this.range();
      } else if (c === '?') {
        this.i++;
        out += notDelims(this.delims);
      } else if (c === '*') {
        this.i++;
        if (this.peek() === '*') {
          this.i++;
          out += '.*';
        } else {
          out += notDelims(this.delims) + '*';
        }
      } else {
        out += this.text(this.termsDepth > 0 ? '?*[{},' : '?*[{').map(reChar).join('');
      }
    }
  }

  /** Literal text up to a breaker character, `\` escaping the next one. */
  private text(breakers: string): string[] {
    const data: string[] = [];
    let escaped = false;
    for (;;) {
      const c = this.peek();
      if (c === undefined) break;
      if (!escaped) {
        if (c === '\\') {
          escaped = true;
          this.i++;
          continue;
        }
        if (breakers.includes(c)) break;
      }
      escaped = false;
      data.push(c);
      this.i++;
    }
    return data;
  }

  /** After `[`: `!`, then `lo-hi` or a character list, then `]`. */
  private range(): string {
    let not = false;
    let lo: string | undefined;
    let hi: string | undefined;
    let list: string[] = [];
    for (;;) {
      const c = this.peek();
      if (c === undefined) throw builtinError('unexpected end of input');
      if (lo !== undefined && hi !== undefined) {
        if (c !== ']') throw builtinError('expected close range character');
        this.i++;
        break;
      }
      if (lo !== undefined) {
        hi = c;
        this.i++;
        continue;
      }
      if (!not && c === '!') {
        not = true;
        this.i++;
        continue;
      }
      if (this.chars[this.i + 1] === '-') {
        lo = c;
        this.i += 2;
        continue;
      }
      list = this.text(']');
      if (this.peek() === undefined) throw builtinError('unexpected end of input');
      if (this.peek() !== ']') throw builtinError('expected close range character');
      this.i++;
      break;
    }
    const neg = not ? '^' : '';
    if (lo !== undefined && hi !== undefined) {
      if (hi.codePointAt(0)! < lo.codePointAt(0)!) {
        throw builtinError(`hi character '${hi}' should be greater than lo '${lo}'`);
      }
      return `[${neg}${reChar(lo)}-${reChar(hi)}]`;
    }
    if (list.length === 0) throw builtinError('could not parse range');
    return `[${neg}${list.map(reChar).join('')}]`;
  }
}

const globCache = new LruCache<RE2JS | string>(1000);

/** Compiles (cached) a glob with the given delimiters; throws the library's error. */
export function compileGlob(pattern: string, delims: string[]): RE2JS {
  const key = delims.join('') + '\u0000' + pattern;
  let re = globCache.get(key);
  if (re === undefined) {
    try {
      const source = new GlobCompiler(pattern, delims).compile();
      re = tryCompile(source);
    } catch (e) {
      if (!(e instanceof Error)) throw e;
      re = e.message;
    }
    globCache.set(key, re);
  }
  if (typeof re === 'string') throw builtinError(re);
  return re;
}

/** gobwas/glob `QuoteMeta`: escapes the glob meta characters `*?\[]{}`. */
export function globQuoteMeta(s: string): string {
  let out = '';
  for (const ch of s) out += '*?\\[]{}'.includes(ch) ? '\\' + ch : ch;
  return out;
}

function delimitersOperand(v: Value): string[] {
  if (v === null) return [];
  if (!Array.isArray(v)) throw operandError(2, v, 'array', 'null');
  const out: string[] = [];
  for (const x of v) {
    if (typeof x !== 'string') throw elementError(2, v, x, 'string');
    const cps = Array.from(x);
    if (cps.length !== 1) throw elementError(2, v, x, 'rune');
    out.push(cps[0]);
  }
  return out.length === 0 ? ['.'] : out;
}

export const globBuiltins: BuiltinDecl[] = [
  {
    name: 'glob.match',
    params: [
      { name: 'pattern', type: T.string, description: 'glob pattern' },
      {
        name: 'delimiters',
        type: T.union(T.array(T.string), T.null),
        description: 'characters `*` and `?` do not cross; [] means ["."], null means none',
      },
      { name: 'match', type: T.string, description: 'string to test' },
    ],
    result: T.boolean,
    category: 'glob',
    description: 'Reports whether the whole string matches the glob pattern, with the given delimiters.',
    impl(args) {
      const pattern = argString(args, 0);
      const delims = delimitersOperand(args[1]);
      const value = argString(args, 2);
      return compileGlob(pattern, delims).testExact(value);
    },
  },
  {
    name: 'glob.quote_meta',
    params: [{ name: 'pattern', type: T.string, description: 'text to escape' }],
    result: T.string,
    category: 'glob',
    description: 'Escapes the glob meta characters of a string so that it matches only itself.',
    impl(args) {
      return globQuoteMeta(argString(args, 0));
    },
  },
];

/**
 * Whether `text` matches the gobwas/glob `pattern` (as `glob.match`), for callers outside
 * evaluation such as OPA bundle manifests' `file_rego_versions`; an invalid pattern is a message.
 * Matching is linear in the text (the glob compiles to an RE2 program).
 */
export function globMatches(pattern: string, text: string, delimiters: string[] = []): { matched: boolean } | { error: string } {
  try {
    return { matched: compileGlob(pattern, delimiters).testExact(text) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
