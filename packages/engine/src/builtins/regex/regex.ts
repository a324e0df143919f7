/**
 * The `regex.*` family (and the deprecated `re_match`), with Go `regexp` (RE2) semantics via
 * re2js. Compiled patterns are cached (bounded LRU) in regex-engine.ts.
 */
import type { RE2JS } from 're2js';
import { builtinError, type BuiltinDecl } from '../define.js';
import { argString } from '../args.js';
import { T } from '../signature.js';
import { compileRegex, findAllIndex, LruCache, regexReplaceAll, regexSplit, tryCompile } from './regex-engine.js';
import { globsIntersect } from './glob-intersect.js';
import { intOperand } from '../text-args.js';
import { goQuote, utf8Length } from '../go/go-quote.js';
import type { Value } from '../../value/types.js';

function match(args: Value[]): Value {
  const pattern = argString(args, 0);
  const value = argString(args, 1);
  return compileRegex(pattern).test(value);
}

// ---- regex.template_match -----------------------------------------------------------------

/** Go's `regexp.QuoteMeta`. */
function quoteMeta(s: string): string {
  let out = '';
  for (const ch of s) out += '\\.+*?()|[]{}^$'.includes(ch) ? '\\' + ch : ch;
  return out;
}

const templateCache = new LruCache<RE2JS | string>(1000);

/**
 * Builds the anchored regex of a template such as `urn:foo:{.*}`: text outside top-level
 * delimiters is literal, text inside is a regex group. Returns an error text when the
 * delimiters are unbalanced or a part does not compile.
 */
function templateRegex(template: string, open: string, close: string): RE2JS | string {
  const idxs: number[] = [];
  let level = 0;
  let start = 0;
  for (let i = 0; i < template.length; i++) {
    // The opening delimiter is tested first, as in the Go switch (equal delimiters never close).
    if (template[i] === open) {
      if (++level === 1) start = i;
    } else if (template[i] === close) {
      if (--level === 0) idxs.push(start, i + 1);
      else if (level < 0) return `unbalanced braces in ${goQuote(template)}`;
    }
  }
  if (level !== 0) return `unbalanced braces in ${goQuote(template)}`;
  let pattern = '^';
  let end = 0;
  for (let i = 0; i < idxs.length; i += 2) {
    const raw = template.slice(end, idxs[i]);
    end = idxs[i + 1];
    const part = template.slice(idxs[i] + 1, end - 1);
    pattern += `${quoteMeta(raw)}(${part})`;
    const check = tryCompile(`^${part}$`);
    if (typeof check === 'string') return check;
  }
  pattern += quoteMeta(template.slice(end)) + '$';
  return tryCompile(pattern);
}

function templateMatch(args: Value[]): Value {
  const template = argString(args, 0);
  const value = argString(args, 1);
  const open = argString(args, 2);
  const close = argString(args, 3);
  const openLen = utf8Length(open);
  if (openLen !== 1) throw builtinError(`start delimiter has to be exactly one character long but is ${openLen} long`);
  const closeLen = utf8Length(close);
  if (closeLen !== 1) throw builtinError(`end delimiter has to be exactly one character long but is ${closeLen} long`);
  const key = `${open}${close}${template}`;
  let re = templateCache.get(key);
  if (re === undefined) {
    re = templateRegex(template, open, close);
    templateCache.set(key, re);
  }
  if (typeof re === 'string') throw builtinError(re);
  return re.test(value);
}

// ---- declarations ---------------------------------------------------------------------------

const patternParam = { name: 'pattern', type: T.string, description: 'regular expression (RE2 syntax)' };

export const regexBuiltins: BuiltinDecl[] = [
  {
    name: 'regex.match',
    params: [patternParam, { name: 'value', type: T.string, description: 'string to search' }],
    result: T.boolean,
    category: 'regex',
    description: 'Reports whether the regular expression finds a match anywhere in the value.',
    impl: match,
  },
  {
    name: 're_match',
    params: [patternParam, { name: 'value', type: T.string, description: 'string to search' }],
    result: T.boolean,
    category: 'regex',
    description: 'Older name of regex.match, kept for compatibility.',
    deprecated: true,
    impl: match,
  },
  {
    name: 'regex.is_valid',
    params: [{ name: 'pattern', type: T.any, description: 'candidate regular expression' }],
    result: T.boolean,
    category: 'regex',
    description: 'Reports whether the operand is a string that compiles as an RE2 regular expression.',
    impl(args) {
      const p = args[0];
      return typeof p === 'string' && typeof tryCompile(p) !== 'string';
    },
  },
  {
    name: 'regex.split',
    params: [patternParam, { name: 'value', type: T.string, description: 'string to split' }],
    result: T.array(T.string),
    category: 'regex',
    description: 'Cuts the value at every match of the regular expression and returns the pieces between them.',
    impl(args) {
      const pattern = argString(args, 0);
      const value = argString(args, 1);
      return regexSplit(compileRegex(pattern), value);
    },
  },
  {
    name: 'regex.find_n',
    params: [
      patternParam,
      { name: 'value', type: T.string, description: 'string to search' },
      { name: 'number', type: T.number, description: 'most matches to return; -1 for all' },
    ],
    result: T.array(T.string),
    category: 'regex',
    description: 'Returns up to n successive non-overlapping matches of the regular expression in the value.',
    impl(args) {
      const pattern = argString(args, 0);
      const value = argString(args, 1);
      const n = intOperand(args, 2);
      return findAllIndex(compileRegex(pattern), value, n, false).map((m) => value.slice(m[0], m[1]));
    },
  },
  {
    name: 'regex.find_all_string_submatch_n',
    params: [
      patternParam,
      { name: 'value', type: T.string, description: 'string to search' },
      { name: 'number', type: T.number, description: 'most matches to return; -1 for all' },
    ],
    result: T.array(T.array(T.string)),
    category: 'regex',
    description: 'Returns up to n matches, each as the whole match followed by its capture groups.',
    impl(args) {
      const pattern = argString(args, 0);
      const value = argString(args, 1);
      const n = intOperand(args, 2);
      return findAllIndex(compileRegex(pattern), value, n, true).map((m) => {
        const row: string[] = [];
        for (let g = 0; g < m.length; g += 2) row.push(m[g] >= 0 ? value.slice(m[g], m[g + 1]) : '');
        return row;
      });
    },
  },
  {
    name: 'regex.template_match',
    params: [
      { name: 'template', type: T.string, description: 'literal text with regular expressions between delimiters' },
      { name: 'value', type: T.string, description: 'string to match' },
      { name: 'delimiter_start', type: T.string, description: 'one-character opening delimiter' },
      { name: 'delimiter_end', type: T.string, description: 'one-character closing delimiter' },
    ],
    result: T.boolean,
    category: 'regex',
    description: 'Matches the whole value against a template whose delimited parts are regular expressions.',
    impl: templateMatch,
  },
  {
    name: 'regex.replace',
    params: [
      { name: 's', type: T.string, description: 'string to edit' },
      patternParam,
      { name: 'value', type: T.string, description: 'replacement; $1, ${name} refer to groups' },
    ],
    result: T.string,
    category: 'regex',
    description: 'Replaces every match of the regular expression, expanding group references in the replacement.',
    impl(args) {
      const s = argString(args, 0);
      const pattern = argString(args, 1);
      const value = argString(args, 2);
      return regexReplaceAll(compileRegex(pattern), s, value);
    },
  },
  {
    name: 'regex.globs_match',
    params: [
      { name: 'glob1', type: T.string, description: 'first glob (`.`, `[set]`, `*`, `+`)' },
      { name: 'glob2', type: T.string, description: 'second glob' },
    ],
    result: T.boolean,
    category: 'regex',
    description: 'Reports whether some non-empty string is matched by both regex-style globs.',
    impl(args) {
      const a = argString(args, 0);
      const b = argString(args, 1);
      return globsIntersect(a, b);
    },
  },
];
