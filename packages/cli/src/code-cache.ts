/**
 * Loads one of the CLI's CommonJS command bundles (dist-bundle/<command>.cjs, written by
 * scripts/bundle-cli.mjs) with V8's code cache kept in the user's cache directory
 * (`$XDG_CACHE_HOME/palisade/v8-code/`, else `~/.cache/palisade/v8-code/`). Why: compiling the
 * ~1.6 MB bundle (engine, builtins, stdlib loaders) is a large part of every command's start-up,
 * and Node 20 has no compile cache of its own for ES modules (`module.enableCompileCache` is
 * Node 22); `vm.Script` accepts V8's serialized code for a CommonJS wrapper. Numbers:
 * docs/performance.md, "Start-up".
 *
 * Contract of an entry (the cache is an optimisation: any problem with it means "compile from
 * source", never a failed command):
 * - Content-addressed: the file name is a hash of the bundle's bytes, the Node/V8 version and the
 *   architecture, so an edited or rebuilt bundle, or another Node, never reads an old entry; V8
 *   also rejects data made under other flags (`cachedDataRejected`), which is then rewritten.
 * - Checked: the file holds a header with the payload's length and hash; a truncated or damaged
 *   entry fails the check, is ignored and is rewritten.
 * - Safe under concurrent runs: an entry is written to a unique temporary name and renamed into
 *   place (atomic on POSIX), so a reader sees a whole entry or none; concurrent writers write the
 *   same bytes for the same name. Entries of older builds of the same command are removed when a
 *   new one is written (a reader that already opened one still has its bytes).
 * `PALISADE_NO_CACHE=1` turns it off (nothing read or written).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';

const MAGIC = 'palisade-v8-code 1\n';
const SUBDIR = 'v8-code';

/** The directory entries go to, or undefined when caching is off or there is no home to put it in. */
export function codeCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  if (env['PALISADE_NO_CACHE'] && env['PALISADE_NO_CACHE'] !== '0') return undefined;
  const xdg = env['XDG_CACHE_HOME'];
  // XDG: a relative value is invalid and must be ignored.
  if (xdg && xdg.startsWith('/')) return join(xdg, 'palisade', SUBDIR);
  const home = env['HOME'] || homedir();
  return home ? join(home, '.cache', 'palisade', SUBDIR) : undefined;
}

// SHA-1 names and checks entries: it is a content address and a damage check, not a defence
// (whoever can write the cache directory can write the user's shell profile), and it hashes the
// bundle about 4× faster than SHA-256 on machines without SHA extensions.
const digest = (b: Buffer | string): string => createHash('sha1').update(b).digest('hex');

/** What happened to the cache on one load, for tests and `PALISADE_DEBUG_CACHE`. */
export type CacheOutcome = 'hit' | 'miss' | 'rejected' | 'damaged' | 'off';

export interface LoadedBundle {
  exports: Record<string, unknown>;
  outcome: CacheOutcome;
  /**
   * Writes the entry when the load did not hit. Call it after the command ran: V8 then includes
   * every function compiled so far, not only the top level. Never throws.
   */
  persist(): void;
}

function entryName(file: string, source: Buffer): string {
  const stem = basename(file).replace(/\.c?js$/, '');
  return `${stem}-${digest(Buffer.concat([source, Buffer.from(`\0${process.version}\0${process.versions.v8}\0${process.arch}`)]))}.bin`;
}

/** The payload of a valid entry, else undefined (absent, truncated, damaged, foreign). */
function readEntry(path: string): Buffer | undefined | 'damaged' {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  const headerEnd = bytes.indexOf(0x0a, MAGIC.length);
  if (bytes.subarray(0, MAGIC.length).toString('latin1') !== MAGIC || headerEnd < 0) return 'damaged';
  const [length, hash] = bytes.subarray(MAGIC.length, headerEnd).toString('latin1').split(' ');
  const payload = bytes.subarray(headerEnd + 1);
  if (Number(length) !== payload.length || digest(payload) !== hash) return 'damaged';
  return payload;
}

function writeEntry(dir: string, name: string, payload: Buffer): void {
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `.${name}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
    writeFileSync(tmp, Buffer.concat([Buffer.from(`${MAGIC}${payload.length} ${digest(payload)}\n`, 'latin1'), payload]));
    try {
      renameSync(tmp, join(dir, name));
    } catch {
      rmSync(tmp, { force: true });
      return;
    }
    const stem = name.slice(0, name.lastIndexOf('-') + 1);
    for (const other of readdirSync(dir)) {
      if (other !== name && other.startsWith(stem) && other.endsWith('.bin') && /^[0-9a-f]{40}\.bin$/.test(other.slice(stem.length))) rmSync(join(dir, other), { force: true });
    }
  } catch {
    // Read-only or full cache directory: the next run compiles from source again, as without a cache.
  }
}

/** Loads the CommonJS file at `file` (an absolute path) and returns its exports. */
export function loadCommonJs(file: string, cacheDir: string | undefined): LoadedBundle {
  const source = readFileSync(file);
  const name = cacheDir ? entryName(file, source) : '';
  const entry = cacheDir ? readEntry(join(cacheDir, name)) : undefined;
  const cachedData = entry instanceof Buffer ? entry : undefined;
  // CommonJS's own function wrapper (the bundle is a CommonJS module body), plus the bundle's way
  // to import an ES module (the TUI, see scripts/bundle-cli.mjs): a vm script's own import() needs
  // --experimental-vm-modules on Node 20.
  const script = new Script(`(function (exports, require, module, __filename, __dirname, __palisadeImport) {${source.toString('utf8')}\n})`, {
    filename: file,
    cachedData,
  });
  const outcome: CacheOutcome = !cacheDir ? 'off' : cachedData ? (script.cachedDataRejected ? 'rejected' : 'hit') : entry === 'damaged' ? 'damaged' : 'miss';
  const module = { exports: {} as Record<string, unknown> };
  const init = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string, load: (s: string) => Promise<unknown>) => void;
  const load = (specifier: string): Promise<unknown> => import(new URL(specifier, pathToFileURL(file)).href);
  init.call(module.exports, module.exports, createRequire(file), module, file, dirname(file), load);
  let persisted = outcome === 'hit' || outcome === 'off';
  return {
    exports: module.exports,
    outcome,
    persist() {
      if (persisted || !cacheDir) return;
      persisted = true;
      let data: Buffer;
      try {
        data = script.createCachedData();
      } catch {
        return;
      }
      writeEntry(cacheDir, name, data);
    },
  };
}
