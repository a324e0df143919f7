/**
 * The string builtins. Semantics follow OPA (Go `strings` package): positions and lengths
 * count Unicode code points, not UTF-16 units; case mapping is Go's per-rune simple mapping.
 */
import { builtinError, operandError, typeErrorText, type BuiltinDecl } from '../define.js';
import { argNumber, argString } from '../args.js';
import { T } from '../signature.js';
import { elementError, intOperand, isAscii, runes, stringElements } from '../text-args.js';
import { isGoSpace } from '../go/go-quote.js';
import { formatInt, sprintf } from './strings-format.js';
import { RSet, compareStrings, isObject, objectEntries, type ObjectValue, type Value } from '../../value/types.js';

// ---- helpers --------------------------------------------------------------------------------

/** Go's `strings.Split`: an empty separator splits into code points. */
function goSplit(s: string, sep: string): string[] {
  if (sep === '') return runes(s);
  return s.split(sep);
}

/** Go's `strings.ReplaceAll`: an empty `old` inserts `repl` around every code point. */
function goReplaceAll(s: string, old: string, repl: string): string {
  if (old === '') return s === '' ? repl : repl + runes(s).join(repl) + repl;
  return s.split(old).join(repl);
}

function caseMapRune(ch: string, upper: boolean): string {
  const m = upper ? ch.toUpperCase() : ch.toLowerCase();
  if (m === ch) return ch;
  // Go maps rune to rune; JS full mappings that expand to several code points are not used.
  if (Array.from(m).length === 1) return m;
  if (!upper && ch === '\u0130') return 'i';
  return ch;
}

function caseMap(s: string, upper: boolean): string {
  if (isAscii(s)) return upper ? s.toUpperCase() : s.toLowerCase();
  let out = '';
  for (const ch of s) out += caseMapRune(ch, upper);
  return out;
}

function trimLeftSet(s: string, cut: Set<string>): string {
  const cps = runes(s);
  let i = 0;
  while (i < cps.length && cut.has(cps[i])) i++;
  return cps.slice(i).join('');
}

function trimRightSet(s: string, cut: Set<string>): string {
  const cps = runes(s);
  let j = cps.length;
  while (j > 0 && cut.has(cps[j - 1])) j--;
  return cps.slice(0, j).join('');
}

function trimSpace(s: string): string {
  const cps = runes(s);
  let i = 0;
  let j = cps.length;
  while (i < j && isGoSpace(cps[i].codePointAt(0)!)) i++;
  while (j > i && isGoSpace(cps[j - 1].codePointAt(0)!)) j--;
  return cps.slice(i, j).join('');
}

/** Code point indexes where `search` starts in `base` (overlapping), or only the first. */
function runeIndexes(base: string, search: string, firstOnly: boolean): number[] {
  const b = runes(base);
  const s = runes(search);
  const out: number[] = [];
  for (let i = 0; i + s.length <= b.length; i++) {
    let ok = true;
    for (let k = 0; k < s.length; k++) {
      if (b[i + k] !== s[k]) {
        ok = false;
        break;
      }
    }
    if (ok) {
      out.push(i);
      if (firstOnly) break;
    }
  }
  return out;
}

/** Go's `strings.Count`: non-overlapping occurrences; an empty needle counts code points + 1. */
function goCount(s: string, sub: string): number {
  if (sub === '') return runes(s).length + 1;
  let n = 0;
  let i = s.indexOf(sub);
  while (i >= 0) {
    n++;
    i = s.indexOf(sub, i + sub.length);
  }
  return n;
}

/**
 * Go's `strings.NewReplacer(pairs…).Replace(s)`: left to right, at each position the earliest
 * pair (in argument order) whose key matches wins; an empty key matches between code points,
 * but not twice at one position.
 */
function replaceMany(s: string, pairs: readonly [string, string][]): string {
  // Nothing to replace (most words of a script have no quote): the string itself, not a copy.
  if (pairs.every((p) => p[0] !== '' && !s.includes(p[0]))) return s;
  let out = '';
  let i = 0;
  // Text since the last replacement is copied in one slice, not a character at a time.
  let plain = 0;
  let prevMatchEmpty = false;
  while (i <= s.length) {
    let hit: readonly [string, string] | undefined;
    for (const p of pairs) {
      if (p[0] === '' ? !prevMatchEmpty : s.startsWith(p[0], i)) {
        hit = p;
        break;
      }
    }
    if (hit) {
      out += s.slice(plain, i) + hit[1];
      prevMatchEmpty = hit[0] === '';
      i += hit[0].length;
      plain = i;
      continue;
    }
    prevMatchEmpty = false;
    if (i === s.length) break;
    i += s.codePointAt(i)! > 0xffff ? 2 : 1;
  }
  return out + s.slice(plain);
}

/** The sorted pairs of a `strings.replace_n` pattern object (values never change: cached by identity). */
const replacePairs = new WeakMap<object, readonly [string, string][]>();

function patternPairs(pat: ObjectValue): readonly [string, string][] {
  let pairs = replacePairs.get(pat);
  if (pairs !== undefined) return pairs;
  const out: [string, string][] = [];
  for (const [k, v] of objectEntries(pat)) {
    if (typeof k !== 'string') throw typeErrorText('operand 1 non-string key found in pattern object');
    if (typeof v !== 'string') throw typeErrorText('operand 1 non-string value found in pattern object');
    out.push([k, v]);
  }
  out.sort((a, b) => compareStrings(a[0], b[0]));
  replacePairs.set(pat, out);
  return out;
}

/** Operand of any_prefix_match / any_suffix_match: a string, or an array/set of strings. */
function stringOrStrings(v: Value, pos: number): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) || v instanceof RSet) return stringElements(v, pos);
  throw operandError(pos, v, 'string', 'set', 'array');
}

function substring(args: Value[]): Value {
  const base = argString(args, 0);
  const start = intOperand(args, 1);
  if (start < 0) throw builtinError('negative offset');
  const length = intOperand(args, 2);
  if (base === '') return '';
  const cps = isAscii(base) ? null : runes(base);
  const n = cps ? cps.length : base.length;
  if (start >= n) return '';
  const end = length < 0 ? n : Math.min(n, start + length);
  return cps ? cps.slice(start, end).join('') : base.slice(start, end);
}

// ---- declarations ---------------------------------------------------------------------------

const S = T.string;
const str = (name: string, description: string) => ({ name, type: S, description });

function trimDecl(name: string, description: string, fn: (s: string, cut: string) => string): BuiltinDecl {
  return {
    name,
    params: [str('value', 'string to trim'), str(name.endsWith('fix') ? name.slice(5) : 'cutset', 'characters or text to remove')],
    result: S,
    category: 'strings',
    description,
    impl(args) {
      const s = argString(args, 0);
      const c = argString(args, 1);
      return fn(s, c);
    },
  };
}

export const stringsBuiltins: BuiltinDecl[] = [
  {
    name: 'concat',
    params: [str('delimiter', 'text placed between elements'), { name: 'collection', type: T.union(T.array(S), T.set(S)), description: 'strings to join' }],
    result: S,
    category: 'strings',
    description: 'Joins the strings of an array or set, putting the delimiter between them.',
    impl(args) {
      const sep = argString(args, 0);
      const c = args[1];
      if (!Array.isArray(c) && !(c instanceof RSet)) throw operandError(2, c, 'set', 'array');
      const items = Array.isArray(c) ? c : c.sorted();
      for (const x of items) if (typeof x !== 'string') throw elementError(2, c, x, 'string');
      return (items as string[]).join(sep);
    },
  },
  {
    name: 'contains',
    params: [str('haystack', 'string to search'), str('needle', 'text to look for')],
    result: T.boolean,
    category: 'strings',
    description: 'Reports whether the needle occurs in the haystack.',
    impl(args) {
      const h = argString(args, 0);
      const n = argString(args, 1);
      return h.includes(n);
    },
  },
  {
    name: 'startswith',
    params: [str('search', 'string to test'), str('base', 'prefix')],
    result: T.boolean,
    category: 'strings',
    description: 'Reports whether the string begins with the given prefix.',
    impl(args) {
      const s = argString(args, 0);
      const p = argString(args, 1);
      return s.startsWith(p);
    },
  },
  {
    name: 'endswith',
    params: [str('search', 'string to test'), str('base', 'suffix')],
    result: T.boolean,
    category: 'strings',
    description: 'Reports whether the string ends with the given suffix.',
    impl(args) {
      const s = argString(args, 0);
      const p = argString(args, 1);
      return s.endsWith(p);
    },
  },
  {
    name: 'format_int',
    params: [
      { name: 'number', type: T.number, description: 'number to format (truncated toward zero)' },
      { name: 'base', type: T.number, description: '2, 8, 10 or 16' },
    ],
    result: S,
    category: 'strings',
    description: 'Writes the integer part of a number in base 2, 8, 10 or 16.',
    impl(args) {
      const n = argNumber(args, 0);
      const base = argNumber(args, 1);
      if (base != 2 && base != 8 && base != 10 && base != 16) throw typeErrorText('operand 2 must be one of {2, 8, 10, 16}');
      return formatInt(n, Number(base));
    },
  },
  {
    name: 'indexof',
    params: [str('haystack', 'string to search'), str('needle', 'text to look for')],
    result: T.number,
    category: 'strings',
    description: 'Returns the code point index of the first occurrence of the needle, or -1.',
    impl(args) {
      const h = argString(args, 0);
      const n = argString(args, 1);
      if (n === '') throw builtinError('empty search character');
      if (isAscii(h) && isAscii(n)) return h.indexOf(n);
      const found = runeIndexes(h, n, true);
      return found.length ? found[0] : -1;
    },
  },
  {
    name: 'indexof_n',
    params: [str('haystack', 'string to search'), str('needle', 'text to look for')],
    result: T.array(T.number),
    category: 'strings',
    description: 'Returns the code point indexes of every occurrence of the needle, overlapping ones included.',
    impl(args) {
      const h = argString(args, 0);
      const n = argString(args, 1);
      if (n === '') throw builtinError('empty search character');
      return runeIndexes(h, n, false);
    },
  },
  {
    name: 'lower',
    params: [str('x', 'string to convert')],
    result: S,
    category: 'strings',
    description: 'Converts a string to lower case.',
    impl: (args) => caseMap(argString(args, 0), false),
  },
  {
    name: 'upper',
    params: [str('x', 'string to convert')],
    result: S,
    category: 'strings',
    description: 'Converts a string to upper case.',
    impl: (args) => caseMap(argString(args, 0), true),
  },
  {
    name: 'replace',
    params: [str('x', 'string to edit'), str('old', 'text to replace'), str('new', 'replacement')],
    result: S,
    category: 'strings',
    description: 'Replaces every occurrence of one substring with another.',
    impl(args) {
      const s = argString(args, 0);
      const o = argString(args, 1);
      const n = argString(args, 2);
      return goReplaceAll(s, o, n);
    },
  },
  {
    name: 'strings.replace_n',
    params: [
      { name: 'patterns', type: T.object(S, S), description: 'map from text to its replacement' },
      str('value', 'string to edit'),
    ],
    result: S,
    category: 'strings',
    description: 'Replaces several substrings in one left-to-right pass; at one position the smallest matching key wins.',
    impl(args) {
      const pat = args[0];
      if (!isObject(pat)) throw operandError(1, pat, 'object');
      const pairs = patternPairs(pat);
      return replaceMany(argString(args, 1), pairs);
    },
  },
  {
    name: 'split',
    params: [str('x', 'string to split'), str('delimiter', 'separator')],
    result: T.array(S),
    category: 'strings',
    description: 'Splits a string at every occurrence of the delimiter (into code points when it is empty).',
    impl(args) {
      const s = argString(args, 0);
      const d = argString(args, 1);
      return goSplit(s, d);
    },
  },
  {
    name: 'strings.split_n',
    params: [str('x', 'string to split'), str('delimiter', 'separator'), { name: 'n', type: T.number, description: 'parts to keep: first n, or last -n' }],
    result: T.array(S),
    category: 'strings',
    description: 'Splits a string like split and keeps the first n parts, or the last -n parts when n is negative.',
    impl(args) {
      const s = argString(args, 0);
      const d = argString(args, 1);
      const n = intOperand(args, 2);
      const parts = goSplit(s, d);
      return n >= 0 ? parts.slice(0, n) : parts.slice(Math.max(0, parts.length + n));
    },
  },
  {
    name: 'sprintf',
    params: [str('format', 'Go fmt format string'), { name: 'values', type: T.array(T.any), description: 'arguments for the format' }],
    result: S,
    category: 'strings',
    description: "Formats values with Go's fmt verbs (%v, %s, %d, %f, %x, %q, widths, precisions …).",
    impl(args) {
      const format = argString(args, 0);
      const values = args[1];
      if (!Array.isArray(values)) throw operandError(2, values, 'array');
      return sprintf(format, values);
    },
  },
  {
    name: 'substring',
    params: [
      str('value', 'string to cut'),
      { name: 'offset', type: T.number, description: 'first code point (not negative)' },
      { name: 'length', type: T.number, description: 'code points to keep; negative for the rest' },
    ],
    result: S,
    category: 'strings',
    description: 'Returns the part of a string starting at a code point offset, of a given length or to the end.',
    impl: substring,
  },
  trimDecl('trim', 'Removes leading and trailing characters that appear in the cutset.', (s, c) => {
    const cut = new Set(runes(c));
    return trimRightSet(trimLeftSet(s, cut), cut);
  }),
  trimDecl('trim_left', 'Removes leading characters that appear in the cutset.', (s, c) => trimLeftSet(s, new Set(runes(c)))),
  trimDecl('trim_right', 'Removes trailing characters that appear in the cutset.', (s, c) => trimRightSet(s, new Set(runes(c)))),
  trimDecl('trim_prefix', 'Removes the prefix once if the string starts with it.', (s, p) => (s.startsWith(p) ? s.slice(p.length) : s)),
  trimDecl('trim_suffix', 'Removes the suffix once if the string ends with it.', (s, p) =>
    p !== '' && s.endsWith(p) ? s.slice(0, s.length - p.length) : s,
  ),
  {
    name: 'trim_space',
    params: [str('value', 'string to trim')],
    result: S,
    category: 'strings',
    description: 'Removes leading and trailing white space.',
    impl: (args) => trimSpace(argString(args, 0)),
  },
  {
    name: 'strings.reverse',
    params: [str('x', 'string to reverse')],
    result: S,
    category: 'strings',
    description: 'Reverses the order of the code points of a string.',
    impl: (args) => runes(argString(args, 0)).reverse().join(''),
  },
  {
    name: 'strings.count',
    params: [str('search', 'string to search'), str('substring', 'text to count')],
    result: T.number,
    category: 'strings',
    description: 'Counts the non-overlapping occurrences of a substring.',
    impl(args) {
      const s = argString(args, 0);
      const sub = argString(args, 1);
      return goCount(s, sub);
    },
  },
  {
    name: 'strings.any_prefix_match',
    params: [
      { name: 'search', type: T.union(S, T.array(S), T.set(S)), description: 'string or strings to test' },
      { name: 'base', type: T.union(S, T.array(S), T.set(S)), description: 'prefix or prefixes' },
    ],
    result: T.boolean,
    category: 'strings',
    description: 'Reports whether any of the strings starts with any of the prefixes.',
    impl(args) {
      const strs = stringOrStrings(args[0], 1);
      const prefixes = stringOrStrings(args[1], 2);
      return strs.some((s) => prefixes.some((p) => s.startsWith(p)));
    },
  },
  {
    name: 'strings.any_suffix_match',
    params: [
      { name: 'search', type: T.union(S, T.array(S), T.set(S)), description: 'string or strings to test' },
      { name: 'base', type: T.union(S, T.array(S), T.set(S)), description: 'suffix or suffixes' },
    ],
    result: T.boolean,
    category: 'strings',
    description: 'Reports whether any of the strings ends with any of the suffixes.',
    impl(args) {
      const strs = stringOrStrings(args[0], 1);
      const suffixes = stringOrStrings(args[1], 2);
      return strs.some((s) => suffixes.some((p) => s.endsWith(p)));
    },
  },
];
