/**
 * The one directory walker of the CLI (scan inputs, policy and data directories, the policy-author
 * commands). Trees under scan are untrusted, so the walk:
 * - never leaves the root it was given: a symbolic link is followed only to a regular file inside
 *   the root; links to directories are not followed (a directory inside the root is walked at its
 *   own path, so nothing is lost, and link loops such as `ln -s . self` cannot arise); links to
 *   anything outside the root, broken links, FIFOs, sockets and devices are skipped and named;
 * - turns an unreadable directory into an error for that path and walks the rest.
 * Written by hand because fast-glob can only throw on the first unreadable directory or suppress
 * all such errors silently, and follows links with neither a root boundary nor a loop check.
 */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** A regular file found by the walk. */
export interface WalkedFile {
  /** Path relative to the root, `/`-separated. */
  rel: string;
  abs: string;
}

/** Something the walk saw and did not take, with why (shown to the user: every skip is named). */
export interface WalkSkip {
  rel: string;
  abs: string;
  reason: string;
}

export interface WalkError {
  rel: string;
  abs: string;
  /** `cannot read directory: EACCES` and the like. */
  message: string;
}

export interface Walk {
  files: WalkedFile[];
  skipped: WalkSkip[];
  errors: WalkError[];
}

export interface WalkOptions {
  /** Directory names never entered (at any depth); `node_modules` and `.git` by default. */
  skipDirs?: readonly string[];
  /** Whether names starting with `.` are walked (default true). */
  dot?: boolean;
  /** Whether a path (relative, `/`-separated; `dir` for directories) is left out silently. */
  exclude?: (rel: string, dir: boolean) => boolean;
}

const DEFAULT_SKIP_DIRS = ['node_modules', '.git'];

function inside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && resolve(root, rel) === path);
}

/** Walks `root` (a directory) in sorted order; never throws for what it finds inside. */
export function walkTree(root: string, opts: WalkOptions = {}): Walk {
  const out: Walk = { files: [], skipped: [], errors: [] };
  const skipDirs = new Set(opts.skipDirs ?? DEFAULT_SKIP_DIRS);
  const dot = opts.dot ?? true;
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch (e) {
    out.errors.push({ rel: '', abs: root, message: `cannot read directory: ${errno(e)}` });
    return out;
  }
  const linked: WalkedFile[] = [];
  // Iterative (explicit stack): depth is bounded by the file system, not by the JS call stack.
  const stack: { abs: string; rel: string }[] = [{ abs: root, rel: '' }];
  while (stack.length) {
    const dir = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir.abs, { withFileTypes: true });
    } catch (e) {
      out.errors.push({ rel: dir.rel || '.', abs: dir.abs, message: `cannot read directory: ${errno(e)}` });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: { abs: string; rel: string }[] = [];
    for (const e of entries) {
      if (!dot && e.name.startsWith('.')) continue;
      const rel = dir.rel ? `${dir.rel}/${e.name}` : e.name;
      const abs = join(dir.abs, e.name);
      if (e.isDirectory()) {
        if (!skipDirs.has(e.name) && !opts.exclude?.(rel, true)) subdirs.push({ abs, rel });
        continue;
      }
      if (opts.exclude?.(rel, false)) continue;
      if (e.isFile()) {
        out.files.push({ rel, abs });
        continue;
      }
      if (!e.isSymbolicLink()) {
        out.skipped.push({ rel, abs, reason: 'not a regular file' });
        continue;
      }
      let target: string;
      try {
        target = realpathSync(abs);
      } catch (err) {
        out.skipped.push({ rel, abs, reason: `broken symbolic link (${errno(err)})` });
        continue;
      }
      if (!inside(target, realRoot)) {
        out.skipped.push({ rel, abs, reason: 'symbolic link to a path outside the directory scanned, not followed' });
        continue;
      }
      let st;
      try {
        st = statSync(target);
      } catch (err) {
        out.skipped.push({ rel, abs, reason: `broken symbolic link (${errno(err)})` });
        continue;
      }
      if (st.isDirectory()) out.skipped.push({ rel, abs, reason: 'symbolic link to a directory, not followed (its target is walked at its own path)' });
      else if (!st.isFile()) out.skipped.push({ rel, abs, reason: 'symbolic link to something other than a regular file' });
      else linked.push({ rel, abs });
    }
    // Reverse so that popping visits subdirectories in sorted order.
    for (let k = subdirs.length - 1; k >= 0; k--) stack.push(subdirs[k]!);
  }
  // A link to a file the walk also found directly would scan it twice; the file's own path wins.
  const direct = linked.length ? new Set(out.files.map((f) => safeReal(f.abs))) : new Set<string>();
  for (const l of linked) {
    if (direct.has(safeReal(l.abs))) out.skipped.push({ rel: l.rel, abs: l.abs, reason: 'symbolic link to a file scanned at its own path' });
    else out.files.push(l);
  }
  out.files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return out;
}

function safeReal(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}

export function errno(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}
