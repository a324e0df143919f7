/**
 * RE2 matching with Go `regexp` semantics on top of re2js, shared by the regex, glob and
 * template-match builtins. User patterns never reach JS `RegExp`: RE2 runs in linear time.
 *
 * Offsets are UTF-16 indices into the JS string (re2js works on them); whenever Go advances
 * "one rune" we advance one code point, so results equal Go's on the same text.
 */
import { RE2JS } from 're2js';
import { builtinError } from '../define.js';

/**
 * A small LRU cache keyed by string; insertion order of `Map` gives the recency order. A hit
 * moves its entry to the recent end only once it has fallen into the older half: a pattern
 * matched on every command of a long script then costs one lookup per call instead of a delete
 * and a re-insert (which profiled as a fifth of a short `regex.match`). An entry in the newer half
 * has at least capacity/2 insertions to go before it could be evicted, so recently used patterns
 * stay as with a strict LRU.
 */
export class LruCache<V> {
  private readonly map = new Map<string, { value: V; stamp: number }>();
  /** Insertions (and refreshes) so far; an entry's stamp is this counter when it was last put at the recent end. */
  private clock = 0;
  constructor(private readonly capacity: number) {}
  get(key: string): V | undefined {
    const e = this.map.get(key);
    if (e === undefined) return undefined;
    if (this.clock - e.stamp >= this.capacity / 2) {
      this.map.delete(key);
      this.map.set(key, e);
      e.stamp = ++this.clock;
    }
    return e.value;
  }
  set(key: string, value: V): void {
    if (this.map.has(key)) this.map.delete(key);
    else if (this.map.size >= this.capacity) {
      const oldest = this.map.keys().next();
      if (!oldest.done) this.map.delete(oldest.value);
    }
    this.map.set(key, { value, stamp: ++this.clock });
  }
  get size(): number {
    return this.map.size;
  }
}

/** Compiled pattern or the Go-style syntax error text (cached too: bad patterns repeat as well). */
type Compiled = RE2JS | { error: string };

const cache = new LruCache<Compiled>(1000);

function compileUncached(pattern: string): Compiled {
  try {
    return RE2JS.compile(pattern);
  } catch (e) {
    // re2js reports syntax errors with Go's wording (`error parsing regexp: …`).
    const msg = e instanceof Error ? e.message : String(e);
    return { error: msg };
  }
}

/** Compiles (cached) or returns the Go error message. */
export function tryCompile(pattern: string): RE2JS | string {
  let c = cache.get(pattern);
  if (c === undefined) {
    c = compileUncached(pattern);
    cache.set(pattern, c);
  }
  return c instanceof RE2JS ? c : c.error;
}

/** Compiles (cached) or throws the builtin error OPA reports for a bad pattern. */
export function compileRegex(pattern: string): RE2JS {
  const c = tryCompile(pattern);
  if (typeof c === 'string') throw builtinError(c);
  return c;
}

/** Width in UTF-16 units of the code point at `i` (1 past the end, as Go's "advance one"). */
function runeWidthAt(s: string, i: number): number {
  if (i >= s.length) return 1;
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/**
 * One match: `[start, end, g1start, g1end, …]`, -1 for groups that did not take part
 * (Go's index slices).
 */
export type MatchIndex = number[];

function indexOf(m: ReturnType<RE2JS['matcher']>, groups: number): MatchIndex {
  const out = [m.start(), m.end()];
  for (let g = 1; g <= groups; g++) out.push(m.start(g), m.end(g));
  return out;
}

/**
 * Go's `FindAll…Index(s, n)`: successive leftmost-first matches; an empty match right after
 * the previous match is skipped; `n < 0` means all.
 */
export function findAllIndex(re: RE2JS, s: string, n: number, withGroups: boolean): MatchIndex[] {
  const out: MatchIndex[] = [];
  if (n === 0) return out;
  const m = re.matcher(s);
  const groups = withGroups ? re.groupCount() : 0;
  let pos = 0;
  let prevEnd = -1;
  while (pos <= s.length && (n < 0 || out.length < n)) {
    if (!m.find(pos)) break;
    const start = m.start();
    const end = m.end();
    let accept = true;
    if (end === pos) {
      // An empty match: never directly after the previous match; step one code point.
      if (start === prevEnd) accept = false;
      pos += runeWidthAt(s, pos);
    } else {
      pos = end;
    }
    prevEnd = end;
    if (accept) out.push(indexOf(m, groups));
  }
  return out;
}

/** Go's `Regexp.Split(s, -1)`. */
export function regexSplit(re: RE2JS, s: string): string[] {
  if (re.pattern().length > 0 && s.length === 0) return [''];
  const matches = findAllIndex(re, s, -1, false);
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  for (const [ms, me] of matches) {
    end = ms;
    if (me !== 0) out.push(s.slice(beg, end));
    beg = me;
  }
  if (end !== s.length) out.push(s.slice(beg));
  return out;
}

/** Go's `Regexp.Expand` template syntax: `$1`, `${1}`, `$name`, `${name}`, `$$`. */
function expand(template: string, s: string, match: MatchIndex, names: Record<string, number>): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const d = template.indexOf('$', i);
    if (d < 0) break;
    out += template.slice(i, d);
    i = d + 1;
    if (template[i] === '$') {
      out += '$';
      i++;
      continue;
    }
    const ref = extractRef(template, i);
    if (!ref) {
      out += '$';
      continue;
    }
    i = ref.next;
    let g = -1;
    if (ref.num >= 0) g = ref.num;
    else if (Object.prototype.hasOwnProperty.call(names, ref.name)) g = names[ref.name];
    if (g >= 0 && 2 * g + 1 < match.length && match[2 * g] >= 0) out += s.slice(match[2 * g], match[2 * g + 1]);
  }
  return out + template.slice(i);
}

function extractRef(t: string, i: number): { name: string; num: number; next: number } | undefined {
  let brace = false;
  if (t[i] === '{') {
    brace = true;
    i++;
  }
  let j = i;
  while (j < t.length) {
    const c = t.codePointAt(j)!;
    const ch = String.fromCodePoint(c);
    if (!(ch === '_' || /^[\p{L}\p{Nd}]$/u.test(ch))) break;
    j += ch.length;
  }
  if (j === i) return undefined;
  const name = t.slice(i, j);
  if (brace) {
    if (t[j] !== '}') return undefined;
    j++;
  }
  let num = 0;
  for (let k = 0; k < name.length; k++) {
    const c = name.charCodeAt(k);
    if (c < 48 || c > 57 || num >= 1e8) {
      num = -1;
      break;
    }
    num = num * 10 + (c - 48);
  }
  if (name[0] === '0' && name.length > 1) num = -1;
  return { name, num, next: j };
}

/** Go's `Regexp.ReplaceAllString(src, repl)` with `$` expansion. */
export function regexReplaceAll(re: RE2JS, src: string, repl: string): string {
  const m = re.matcher(src);
  const groups = re.groupCount();
  const names = re.namedGroups();
  const needExpand = repl.includes('$');
  let out = '';
  let lastEnd = 0;
  let pos = 0;
  while (pos <= src.length) {
    if (!m.find(pos)) break;
    const a = indexOf(m, groups);
    out += src.slice(lastEnd, a[0]);
    // No replacement for an empty match right after the previous one (Go avoids doubling).
    if (a[1] > lastEnd || a[0] === 0) out += needExpand ? expand(repl, src, a, names) : repl;
    lastEnd = a[1];
    const width = runeWidthAt(src, pos);
    if (pos + width > a[1]) pos += width;
    else if (pos + 1 > a[1]) pos++;
    else pos = a[1];
  }
  return out + src.slice(lastEnd);
}
