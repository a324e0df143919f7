/**
 * Writes a user file (a baseline, a bundle, a pulled policy) so that a crash, a full disk or a
 * concurrent run never leaves it half-written: the bytes go to a temporary file in the same
 * directory, are flushed, and replace the target with one rename.
 */
import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/**
 * `mode` defaults to 0o644; a file rewritten in place (`fmt -w`) passes its own mode so the
 * rename does not change its permissions.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o644): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', mode);
    // The umask applies to openSync's mode; an in-place rewrite keeps the file's exact bits.
    if (mode !== 0o644) fchmodSync(fd, mode);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
}
