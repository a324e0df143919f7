/**
 * `regex.globs_match`: whether two "globs" (the regex subset `.`, `[set]`, literal characters,
 * each optionally followed by `*` or `+`; `\` escapes) have a non-empty intersection.
 *
 * OPA delegates to the Go library glob-intersection, whose answer comes from a greedy
 * token-by-token walk rather than an automaton product; to give the same answers (including
 * its known approximations) this module follows the same walk, and reports syntax errors with
 * the library's texts.
 */
import { builtinError } from '../define.js';
import type { PalisadeError } from '../../errors.js';

const enum Kind {
  Char = 0,
  Dot = 1,
  Set = 2,
}
const enum Flag {
  None = 0,
  Plus = 1,
  Star = 2,
}

interface Token {
  kind: Kind;
  flag: Flag;
  cp: number; // Char
  set: Set<number> | null; // Set
}

function invalid(input: number[], pos: number, message: string): PalisadeError {
  const text = String.fromCodePoint(...input);
  return builtinError(`input:${text}, pos:${pos}, ${message}: the input provided is invalid`);
}

const BACKSLASH = 0x5c;

/** Reads one rune honouring `\` escapes; `undefined` at the end of the input. */
function nextRune(input: number[], i: number): { next: number; r: number; escaped: boolean } | undefined {
  if (i >= input.length) return undefined;
  if (input[i] === BACKSLASH) {
    if (i < input.length - 1) return { next: i + 2, r: input[i + 1], escaped: true };
    throw invalid(input, i, 'input ends with a \\ (escape) character');
  }
  return { next: i + 1, r: input[i], escaped: false };
}

function readSet(input: number[], index: number): { next: number; set: Set<number> } {
  const set = new Set<number>();
  let prev = 0;
  let prevExists = false;
  let i = index;
  let rr = nextRune(input, i);
  while (rr) {
    i = rr.next;
    let { r } = rr;
    if (!rr.escaped && r === 0x2d /* - */) {
      if (!prevExists) throw invalid(input, i, "range character '-' must be preceded by a Unicode character");
      if (i >= input.length - 1) throw invalid(input, i, "range character '-' must be followed by a Unicode character");
      const hi = nextRune(input, i)!;
      i = hi.next;
      r = hi.r;
      if (!hi.escaped && (r === 0x5d || r === 0x2d)) {
        throw invalid(input, i, "range character '-' cannot be followed by a special symbol");
      }
      if (r < prev) {
        throw invalid(input, i, `range is out of order: '${String.fromCodePoint(r)}' comes before '${String.fromCodePoint(prev)}' in Unicode`);
      }
      for (let x = prev; x <= r; x++) set.add(x);
      prevExists = false;
    } else if (!rr.escaped && r === 0x5d /* ] */) {
      return { next: i, set };
    } else {
      set.add(r);
      prev = r;
      prevExists = true;
    }
    rr = nextRune(input, i);
  }
  throw invalid(input, i, 'found [ without matching ]');
}

function tokenize(text: string): Token[] {
  const input = Array.from(text, (c) => c.codePointAt(0)!);
  const tokens: Token[] = [];
  let i = 0;
  for (;;) {
    const rr = nextRune(input, i);
    if (!rr) return tokens;
    i = rr.next;
    let tok: Token;
    if (rr.escaped) tok = { kind: Kind.Char, flag: Flag.None, cp: rr.r, set: null };
    else if (rr.r === 0x2e) tok = { kind: Kind.Dot, flag: Flag.None, cp: 0, set: null };
    else if (rr.r === 0x5d) throw invalid(input, i, "set-close ']' with no preceding '['");
    else if (rr.r === 0x5b) {
      const s = readSet(input, i);
      i = s.next;
      tok = { kind: Kind.Set, flag: Flag.None, cp: 0, set: s.set };
    } else if (rr.r === 0x2b || rr.r === 0x2a) {
      throw invalid(input, i, `flag '${String.fromCodePoint(rr.r)}' must be preceded by a non-flag`);
    } else tok = { kind: Kind.Char, flag: Flag.None, cp: rr.r, set: null };
    const f = nextRune(input, i);
    if (f && !f.escaped && (f.r === 0x2b || f.r === 0x2a)) {
      tok.flag = f.r === 0x2b ? Flag.Plus : Flag.Star;
      i = f.next;
    }
    tokens.push(tok);
  }
}

function sameToken(a: Token, b: Token): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === Kind.Char) return a.cp === b.cp;
  if (a.kind === Kind.Dot) return true;
  if (a.set!.size !== b.set!.size) return false;
  for (const x of a.set!) if (!b.set!.has(x)) return false;
  return true;
}

/** Merges adjacent equal flagged tokens (`a*a+` → `a+`), as the library does. */
function simplify(tokens: Token[]): Token[] {
  if (tokens.length === 0) return tokens;
  const out = [tokens[0]];
  let latest = tokens[0];
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.flag !== Flag.None && latest.flag !== Flag.None && sameToken(t, latest)) {
      out[out.length - 1].flag = t.flag === Flag.Plus || latest.flag === Flag.Plus ? Flag.Plus : Flag.Star;
      continue;
    }
    latest = t;
    out.push(t);
  }
  return out;
}

/** Whether two single tokens can match a common character (flags ignored). */
function match(a: Token | undefined, b: Token | undefined): boolean {
  if (!a || !b) return false;
  if (a.kind > b.kind) [a, b] = [b, a];
  if (a.kind === Kind.Char) {
    if (b.kind === Kind.Char) return a.cp === b.cp;
    if (b.kind === Kind.Dot) return true;
    return b.set!.has(a.cp);
  }
  if (a.kind === Kind.Dot) return true;
  for (const x of a.set!) if (b.set!.has(x)) return true;
  return false;
}

function trim(g1: Token[], g2: Token[]): [Token[], Token[]] | undefined {
  let l = 0;
  for (; l < g1.length && l < g2.length && g1[l].flag === Flag.None && g2[l].flag === Flag.None; l++) {
    if (!match(g1[l], g2[l])) return undefined;
  }
  if (l > 0) l--;
  let r1 = g1.length - 1;
  let r2 = g2.length - 1;
  for (; r1 >= 0 && r1 >= l && r2 >= 0 && r2 >= l && g1[r1].flag === Flag.None && g2[r2].flag === Flag.None; r1--, r2--) {
    if (!match(g1[r1], g2[r2])) return undefined;
  }
  if (r1 < g1.length - 1) {
    r1++;
    r2++;
  }
  return [g1.slice(l, r1 + 1), g2.slice(l, r2 + 1)];
}

function intersectNormal(g1: Token[], g2: Token[]): boolean {
  let i = 0;
  let j = 0;
  for (; i < g1.length && j < g2.length; i++, j++) {
    if (g1[i].flag === Flag.None && g2[j].flag === Flag.None) {
      if (!match(g1[i], g2[j])) return false;
    } else {
      return intersectSpecial(g1.slice(i), g2.slice(j));
    }
  }
  return i === g1.length && j === g2.length;
}

function intersectSpecial(g1: Token[], g2: Token[]): boolean {
  if (g1[0].flag !== Flag.None) return g1[0].flag === Flag.Plus ? intersectPlus(g1, g2) : intersectStar(g1, g2);
  return g2[0].flag === Flag.Plus ? intersectPlus(g2, g1) : intersectStar(g2, g1);
}

function intersectPlus(plussed: Token[], other: Token[]): boolean {
  if (!match(plussed[0], other[0])) return false;
  if (intersectStar(plussed, other.slice(1))) return true;
  return other[0].flag !== Flag.None && intersectNormal(plussed.slice(1), other);
}

function intersectStar(starred: Token[], other: Token[]): boolean {
  const star = starred[0];
  const next = starred.length > 1 ? starred[1] : undefined;
  for (let i = 0; i < other.length; i++) {
    const t = other[i];
    if (next && match(t, next)) {
      if (intersectNormal(starred.slice(1), other.slice(i))) return true;
      if (!match(t, star)) return false;
    } else if (!match(t, star)) {
      return false;
    }
  }
  return next === undefined;
}

/** The library's `NonEmpty(lhs, rhs)`; throws the library's error for malformed globs. */
export function globsIntersect(lhs: string, rhs: string): boolean {
  const g1 = simplify(tokenize(lhs));
  const g2 = simplify(tokenize(rhs));
  const trimmed = trim(g1, g2);
  if (!trimmed) return false;
  return intersectNormal(trimmed[0], trimmed[1]);
}
