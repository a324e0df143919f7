/**
 * Small glob matcher shared by scan options (namespaces, waiver ids, paths, resources) and the
 * CLI's ignore files. Browser-safe: no dependency, no file system.
 *
 * - Path globs (`kind: 'path'`): `**` spans directories, `*` and `?` stay inside one segment,
 *   `{a,b}` alternatives; a pattern without `/` also matches the base name (gitignore-like), so
 *   `Dockerfile*` matches `svc/Dockerfile.prod`.
 * - Name globs (`kind: 'name'`): `*` matches any run of characters (dots and slashes included),
 *   e.g. `palisade.kubernetes.*` or `KW-*`; matching is case-sensitive unless `ignoreCase`.
 *
 * Globs come from untrusted files (`.gitignore`, `.palisadeignore` and waivers in the repository
 * under scan), so matching must stay linear: a glob compiled to a JavaScript RegExp backtracks
 * (`*a*a*a*a*a*a*a*a*b` against a long name takes exponential time), and no library matches globs
 * without a backtracking RegExp (picomatch and minimatch both compile to one). So the glob is
 * compiled to a Thompson NFA here and run as a set of states: O(length of value × length of glob).
 */
export type GlobKind = 'path' | 'name';

/** A compiled glob. */
export interface GlobMatcher {
  test(value: string): boolean;
}

/** NFA state: `split` has only ε-edges; `char` consumes one code unit accepted by `accepts`. */
type State = { split: number[] } | { accepts: (c: string) => boolean; next: number } | { match: true };

type Node =
  | { t: 'lit'; c: string }
  | { t: 'one' }
  | { t: 'star' }
  | { t: 'anyRun' }
  /** `**​/`: nothing, or any run ending with `/`. */
  | { t: 'dirs' }
  | { t: 'alt'; seqs: Node[][] };

/** Groups nested deeper than this are literal text: parsing and compiling recurse per level. */
const MAX_GROUP_DEPTH = 32;

/** Parses `{a,b}` groups (an unclosed group runs to the end, as before) and escapes. */
function parse(glob: string, kind: GlobKind): Node[] {
  let i = 0;
  let depth = 0;
  const seq = (inGroup: boolean): { nodes: Node[]; end: 'eof' | ',' | '}' } => {
    const nodes: Node[] = [];
    while (i < glob.length) {
      const c = glob[i]!;
      if (c === '*') {
        if (kind === 'path' && glob[i + 1] === '*') {
          const slashAfter = glob[i + 2] === '/';
          nodes.push(slashAfter ? { t: 'dirs' } : { t: 'anyRun' });
          i += slashAfter ? 3 : 2;
        } else {
          nodes.push(kind === 'path' ? { t: 'star' } : { t: 'anyRun' });
          i++;
        }
      } else if (c === '?') {
        nodes.push({ t: 'one' });
        i++;
      } else if (c === '{' && depth < MAX_GROUP_DEPTH) {
        i++;
        depth++;
        const seqs: Node[][] = [];
        for (;;) {
          const r = seq(true);
          seqs.push(r.nodes);
          if (r.end !== ',') break;
        }
        depth--;
        nodes.push({ t: 'alt', seqs });
      } else if (inGroup && (c === ',' || c === '}')) {
        i++;
        return { nodes, end: c };
      } else if (c === '\\' && i + 1 < glob.length) {
        nodes.push({ t: 'lit', c: glob[i + 1]! });
        i += 2;
      } else {
        nodes.push({ t: 'lit', c });
        i++;
      }
    }
    return { nodes, end: 'eof' };
  };
  return seq(false).nodes;
}

function compile(nodes: Node[], kind: GlobKind, ignoreCase: boolean): State[] {
  const states: State[] = [{ match: true }];
  const add = (s: State): number => states.push(s) - 1;
  const notSlash = (c: string) => c !== '/';
  const anyChar = () => true;
  const fold = (s: string) => (ignoreCase ? s.toLowerCase() : s);
  // Built back to front: each node is compiled knowing the state that follows it.
  const build = (seq: Node[], next: number): number => {
    for (let k = seq.length - 1; k >= 0; k--) {
      const n = seq[k]!;
      if (n.t === 'lit') {
        const want = fold(n.c);
        next = add({ accepts: (c) => fold(c) === want, next });
      } else if (n.t === 'one') next = add({ accepts: kind === 'path' ? notSlash : anyChar, next });
      else if (n.t === 'star' || n.t === 'anyRun') {
        const loop = add({ split: [] });
        const step = add({ accepts: n.t === 'star' ? notSlash : anyChar, next: loop });
        (states[loop] as { split: number[] }).split.push(step, next);
        next = loop;
      } else if (n.t === 'dirs') {
        const slash = add({ accepts: (c) => c === '/', next });
        const loop = add({ split: [] });
        const step = add({ accepts: anyChar, next: loop });
        (states[loop] as { split: number[] }).split.push(step, slash);
        next = add({ split: [next, loop] });
      } else {
        const after = next;
        next = add({ split: n.seqs.map((s) => build(s, after)) });
      }
    }
    return next;
  };
  const start = build(nodes, 0);
  states.push({ split: [start] }); // the last state is the start
  return states;
}

function matcher(states: State[]): GlobMatcher {
  const start = states.length - 1;
  const mark = new Uint32Array(states.length);
  let gen = 0;
  const close = (s: number, into: number[]): void => {
    // Iterative ε-closure: nested groups must not grow the call stack.
    const stack = [s];
    while (stack.length) {
      const x = stack.pop()!;
      if (mark[x] === gen) continue;
      mark[x] = gen;
      const st = states[x]!;
      if ('split' in st) for (let k = st.split.length - 1; k >= 0; k--) stack.push(st.split[k]!);
      else into.push(x);
    }
  };
  return {
    test(value: string): boolean {
      gen++;
      let cur: number[] = [];
      close(start, cur);
      for (let i = 0; i < value.length && cur.length; i++) {
        const c = value[i]!;
        const nxt: number[] = [];
        gen++;
        for (const x of cur) {
          const st = states[x]!;
          if ('accepts' in st && st.accepts(c)) close(st.next, nxt);
        }
        cur = nxt;
      }
      return cur.some((x) => 'match' in states[x]!);
    },
  };
}

const cache = new Map<string, GlobMatcher>();

/** Compiles a glob (`*`, `**`, `?`, `{a,b}`, `\x`) of the given kind to an anchored matcher (cached). */
export function compileGlob(glob: string, kind: GlobKind, ignoreCase = false): GlobMatcher {
  const key = `${kind}\u0000${ignoreCase ? 'i' : ''}\u0000${glob}`;
  let m = cache.get(key);
  if (!m) {
    m = matcher(compile(parse(glob, kind), kind, ignoreCase));
    if (cache.size > 1000) cache.clear();
    cache.set(key, m);
  }
  return m;
}

/** Normalises a path for matching: forward slashes, no leading `./`. */
export function normalizePath(p: string): string {
  let s = p.replace(/\\/g, '/');
  while (s.startsWith('./')) s = s.slice(2);
  return s;
}

/** Whether `value` matches the glob (`path` kind: `*` stays within one path segment; `name` kind: `*` matches anything). */
export function matchGlob(glob: string, value: string, kind: GlobKind, ignoreCase = false): boolean {
  if (kind === 'name') return compileGlob(glob, 'name', ignoreCase).test(value);
  const g = normalizePath(glob);
  const v = normalizePath(value);
  if (compileGlob(g, 'path', ignoreCase).test(v)) return true;
  if (!g.includes('/')) {
    const base = v.slice(v.lastIndexOf('/') + 1);
    return compileGlob(g, 'path', ignoreCase).test(base);
  }
  return false;
}

export function matchesAny(globs: readonly string[], value: string, kind: GlobKind, ignoreCase = false): boolean {
  return globs.some((g) => matchGlob(g, value, kind, ignoreCase));
}
