/**
 * The temporary directories a pull assembles a policy directory in, beside it:
 * `.<name>.pull-<pid>-XXXXXX` (and `….old`, the previous directory during the final swap). A pull
 * that is killed leaves one behind; the next pull into the same directory removes those whose
 * pull is certainly over: its process is gone, or the directory is older than any pull runs.
 * A `.old` left with no directory in its place is the previous policy set, caught between the
 * two renames: it is put back instead of removed, so an interrupted swap never loses policies.
 *
 * Names without a pid (staged before the pid was part of the name) are judged by age alone.
 */
import { lstatSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** No pull lives this long (each request is bounded by --timeout, 2 min by default). */
export const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

/** The mkdtemp prefix for staging `destination`'s next content in `parent`. */
export function stagingPrefix(parent: string, base: string): string {
  return join(parent, `.${base}.pull-${process.pid}-`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, as another user's process.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Removes stale staging directories of `base` in `parent` (see the module comment); returns the
 * names removed and restored. Best effort: what cannot be removed (another user's) is left.
 */
export function cleanStaleStaging(parent: string, base: string, now = Date.now()): { removed: string[]; restored?: string } {
  const pattern = new RegExp(`^\\.${escape(base)}\\.pull-(?:(\\d+)-)?[A-Za-z0-9]{6}(\\.old)?$`);
  const removed: string[] = [];
  let restored: string | undefined;
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return { removed };
  }
  for (const name of names.sort()) {
    const m = pattern.exec(name);
    if (!m) continue;
    const path = join(parent, name);
    let st;
    try {
      st = lstatSync(path);
    } catch {
      continue;
    }
    // Only directories this code makes; a link or file of that name is someone else's.
    if (!st.isDirectory()) continue;
    const pid = m[1] === undefined ? undefined : Number(m[1]);
    const stale = (pid !== undefined && pid !== process.pid && !alive(pid)) || now - st.mtimeMs > STALE_AFTER_MS;
    if (!stale) continue;
    try {
      if (m[2] && !restored && !exists(join(parent, base))) {
        renameSync(path, join(parent, base));
        restored = name;
      } else {
        rmSync(path, { recursive: true, force: true });
        removed.push(name);
      }
    } catch {
      // Not ours to remove (permissions): left as it is.
    }
  }
  return restored ? { removed, restored } : { removed };
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
