/**
 * Small glob matcher shared by scan options (namespaces, waiver ids, paths, resources). Browser-safe:
 * no dependency, no file system.
 *
 * - Path globs (`kind: 'path'`): `**` spans directories, `*` and `?` stay inside one segment,
 *   `{a,b}` alternatives; a pattern without `/` also matches the base name (gitignore-like), so
 *   `Dockerfile*` matches `svc/Dockerfile.prod`.
 * - Name globs (`kind: 'name'`): `*` matches any run of characters (dots and slashes included),
 *   e.g. `palisade.kubernetes.*` or `KW-*`; matching is case-sensitive unless `ignoreCase`.
 */
export type GlobKind = 'path' | 'name';

const cache = new Map<string, RegExp>();

function escapeChar(c: string): string {
  return /[\\^$.|+()[\]{}*?/]/.test(c) ? `\\${c}` : c;
}

function translate(glob: string, kind: GlobKind): string {
  let out = '';
  let inGroup = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (kind === 'path' && glob[i + 1] === '*') {
        const slashAfter = glob[i + 2] === '/';
        out += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else out += kind === 'path' ? '[^/]*' : '.*';
    } else if (c === '?') out += kind === 'path' ? '[^/]' : '.';
    else if (c === '{') {
      inGroup++;
      out += '(?:';
    } else if (c === '}' && inGroup > 0) {
      inGroup--;
      out += ')';
    } else if (c === ',' && inGroup > 0) out += '|';
    else if (c === '\\' && i + 1 < glob.length) out += escapeChar(glob[++i]!);
    else out += escapeChar(c);
  }
  return out + ')'.repeat(inGroup);
}

/** Compiles a glob (`*`, `**`, `?`, `{a,b}`) of the given kind to an anchored RegExp (cached). */
export function globToRegExp(glob: string, kind: GlobKind, ignoreCase = false): RegExp {
  const key = `${kind}\u0000${ignoreCase ? 'i' : ''}\u0000${glob}`;
  let re = cache.get(key);
  if (!re) {
    re = new RegExp(`^${translate(glob, kind)}$`, ignoreCase ? 'i' : '');
    if (cache.size > 1000) cache.clear();
    cache.set(key, re);
  }
  return re;
}

/** Normalises a path for matching: forward slashes, no leading `./`. */
export function normalizePath(p: string): string {
  let s = p.replace(/\\/g, '/');
  while (s.startsWith('./')) s = s.slice(2);
  return s;
}

/** Whether `value` matches the glob (`path` kind: `*` stays within one path segment; `name` kind: `*` matches anything). */
export function matchGlob(glob: string, value: string, kind: GlobKind, ignoreCase = false): boolean {
  if (kind === 'name') return globToRegExp(glob, 'name', ignoreCase).test(value);
  const g = normalizePath(glob);
  const v = normalizePath(value);
  if (globToRegExp(g, 'path', ignoreCase).test(v)) return true;
  if (!g.includes('/')) {
    const base = v.slice(v.lastIndexOf('/') + 1);
    return globToRegExp(g, 'path', ignoreCase).test(base);
  }
  return false;
}

export function matchesAny(globs: readonly string[], value: string, kind: GlobKind, ignoreCase = false): boolean {
  return globs.some((g) => matchGlob(g, value, kind, ignoreCase));
}
