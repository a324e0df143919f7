/**
 * `git::` sources: the system `git` run directly (no shell), bounded in time, with no prompts, into
 * a temporary directory; then the files of the wanted subdirectory are read with the same limits
 * as an archive (regular files only: a symbolic link in the checkout is refused).
 */
import { execFile } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArchiveFile } from '../opa-bundle/archive.js';
import { RemoteError, RemoteErrorCodes } from './errors.js';
import { checkTransport } from './http.js';
import type { GitSource } from './source.js';
import type { Limits } from './limits.js';

function git(args: string[], opts: { cwd?: string; timeoutMs: number; env: NodeJS.ProcessEnv }): Promise<void> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = {
      ...opts.env,
      GIT_TERMINAL_PROMPT: '0',
      GIT_ASKPASS: '',
      SSH_ASKPASS: '',
      GIT_SSH_COMMAND: opts.env['GIT_SSH_COMMAND'] ?? 'ssh -o BatchMode=yes',
      GIT_CONFIG_NOSYSTEM: '1',
      LC_ALL: 'C',
    };
    const base = ['-c', 'protocol.ext.allow=never', '-c', 'core.hooksPath=/dev/null', '-c', 'advice.detachedHead=false'];
    execFile('git', [...base, ...args], { cwd: opts.cwd, timeout: opts.timeoutMs, killSignal: 'SIGKILL', maxBuffer: 1024 * 1024, env, windowsHide: true }, (err, _stdout, stderr) => {
      if (!err) return resolve();
      const e = err as NodeJS.ErrnoException & { killed?: boolean; signal?: string };
      if (e.code === 'ENOENT') return reject(new RemoteError(RemoteErrorCodes.git, 'git is not installed (git:: sources run the system git)'));
      if (e.killed || e.signal === 'SIGKILL') return reject(new RemoteError(RemoteErrorCodes.git, `git ${args[0]} did not finish within ${opts.timeoutMs} ms`));
      const why = String(stderr).trim().split('\n').filter(Boolean).slice(-3).join('; ');
      reject(new RemoteError(RemoteErrorCodes.git, `git ${args[0]} failed${why ? `: ${why}` : ''}`));
    });
  });
}

/** Regular files under `root` (`.git` left out), bounded; a link or special file is an error. */
export function readCheckout(root: string, what: string, limits: Limits): ArchiveFile[] {
  const out: ArchiveFile[] = [];
  let total = 0;
  const walk = (abs: string, rel: string) => {
    for (const e of readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.name === '.git' && !rel) continue;
      if (e.isSymbolicLink()) throw new RemoteError(RemoteErrorCodes.archive, `${what}: ${p} is a symbolic link; links are not pulled`);
      if (e.isDirectory()) walk(join(abs, e.name), p);
      else if (e.isFile()) {
        if (out.length >= limits.files) throw new RemoteError(RemoteErrorCodes.limit, `${what}: more than ${limits.files} files`);
        const size = lstatSync(join(abs, e.name)).size;
        total += size;
        if (total > limits.expandedBytes) throw new RemoteError(RemoteErrorCodes.limit, `${what}: more than the limit of ${limits.expandedBytes} bytes`);
        out.push({ path: p, data: readFileSync(join(abs, e.name)) });
      } else throw new RemoteError(RemoteErrorCodes.archive, `${what}: ${p} is not a regular file`);
    }
  };
  walk(root, '');
  return out;
}

/** The files of a git source (its subdirectory when it names one). */
export async function fetchGit(src: GitSource, opts: { cwd: string; timeoutMs: number; insecure?: boolean; env: NodeJS.ProcessEnv; limits: Limits }): Promise<ArchiveFile[]> {
  if (/^https?:\/\//i.test(src.repository)) checkTransport(new URL(src.repository), opts);
  const tmp = mkdtempSync(join(tmpdir(), 'palisade-git-'));
  try {
    const dir = join(tmp, 'checkout');
    const sha = src.ref !== undefined && /^[0-9a-f]{40}$/.test(src.ref);
    const clone = ['clone', '--quiet', '--no-recurse-submodules'];
    if (!sha) clone.push('--depth', String(src.depth ?? 1));
    if (src.ref !== undefined && !sha) clone.push('--branch', src.ref);
    // A path is given as file:// so --depth applies to local repositories too.
    const repo = /^[a-z][a-z0-9+.-]*:\/\//i.test(src.repository) || /^[^/]+@[^/:]+:/.test(src.repository) ? src.repository : pathToFileURL(resolve(opts.cwd, src.repository)).href;
    await git([...clone, '--', repo, dir], { timeoutMs: opts.timeoutMs, env: opts.env });
    if (sha) await git(['checkout', '--quiet', src.ref!, '--'], { cwd: dir, timeoutMs: opts.timeoutMs, env: opts.env });
    let root = dir;
    for (const part of src.subdir?.split('/') ?? []) {
      root = join(root, part);
      let st;
      try {
        st = lstatSync(root);
      } catch {
        throw new RemoteError(RemoteErrorCodes.source, `${src.text}: the repository has no directory ${src.subdir}`);
      }
      // Checked at each step: a link on the way could lead out of the checkout.
      if (!st.isDirectory()) throw new RemoteError(RemoteErrorCodes.source, `${src.text}: ${src.subdir} is not a directory in the repository`);
    }
    return readCheckout(root, src.text, opts.limits);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
