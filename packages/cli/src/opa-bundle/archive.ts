/**
 * Reading and writing gzipped tarballs (OPA bundles, OCI layers) in memory, with the limits a
 * hostile archive needs: a cap on the expanded size (gzip bombs), regular files only (no links or
 * devices), and entry names that stay inside the archive (no `..`, no absolute escapes).
 */
import { createGunzip, gzipSync } from 'node:zlib';
import { Readable } from 'node:stream';
import { extract, pack } from 'tar-stream';

/** One file of an archive; `path` is relative, `/`-separated, without a leading slash. */
export interface ArchiveFile {
  path: string;
  data: Buffer;
}

/** OPA reads at most 1 GiB from a bundle; so do we. */
export const MAX_EXPANDED_BYTES = 1024 * 1024 * 1024;

export class ArchiveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArchiveError';
  }
}

/** A safe relative name for an archive entry, or undefined for a name that escapes the archive. */
export function entryPath(name: string): string | undefined {
  const parts = name.replace(/\\/g, '/').split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0 || parts.some((p) => p === '..' || p.includes('\0'))) return undefined;
  return parts.join('/');
}

/** Bounds on what one archive may hold. */
export interface ArchiveLimits {
  /** Expanded bytes of all files together (default 1 GiB). */
  bytes?: number;
  /** Entries of any type (default: no bound). */
  entries?: number;
  /** Whether the bytes are gzipped: yes (default), no, or `auto` (by the gzip magic number). */
  gzip?: boolean | 'auto';
}

/** Do these bytes start like a gzip stream? */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Do these bytes look like a tar archive (the `ustar` magic of POSIX and GNU headers)? */
export function isTar(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && Buffer.from(bytes.subarray(257, 262)).toString('latin1') === 'ustar';
}

/**
 * Every regular file of a `.tar.gz` (or, with `gzip: false`, a plain `.tar`); throws ArchiveError
 * on a corrupt, hostile or oversized archive. A number is the expanded-size bound.
 */
export async function readTarGz(bytes: Buffer, limits: number | ArchiveLimits = MAX_EXPANDED_BYTES): Promise<ArchiveFile[]> {
  const opts: ArchiveLimits = typeof limits === 'number' ? { bytes: limits } : limits;
  const limit = opts.bytes ?? MAX_EXPANDED_BYTES;
  const maxEntries = opts.entries ?? Infinity;
  const gzipped = opts.gzip === 'auto' ? isGzip(bytes) : opts.gzip !== false;
  const files: ArchiveFile[] = [];
  const ex = extract();
  let total = 0;
  let entries = 0;
  const done = new Promise<void>((resolve, reject) => {
    ex.on('entry', (header, stream, next) => {
      const chunks: Buffer[] = [];
      const path = entryPath(header.name);
      const type = header.type ?? 'file';
      if (++entries > maxEntries) {
        reject(new ArchiveError(`archive has more than ${maxEntries} entries`));
        stream.destroy();
        ex.destroy();
        return;
      }
      if (type === 'directory') {
        stream.resume();
        stream.on('end', next);
        return;
      }
      if (type !== 'file' && type !== 'contiguous-file') {
        reject(new ArchiveError(`${header.name}: ${type} entries are not allowed in a bundle`));
        stream.destroy();
        return;
      }
      if (!path) {
        reject(new ArchiveError(`${header.name}: entry name escapes the archive`));
        stream.destroy();
        return;
      }
      stream.on('data', (chunk) => {
        const c = chunk as Buffer;
        total += c.length;
        if (total > limit) {
          reject(new ArchiveError(`archive expands to more than ${limit} bytes`));
          stream.destroy();
          ex.destroy();
          return;
        }
        chunks.push(c);
      });
      stream.on('end', () => {
        files.push({ path, data: Buffer.concat(chunks) });
        next();
      });
      stream.on('error', reject);
    });
    ex.on('finish', resolve);
    ex.on('error', (e) => reject(new ArchiveError(`not a valid tar archive: ${e.message}`)));
  });
  if (gzipped) {
    const gunzip = createGunzip();
    gunzip.on('error', (e) => ex.destroy(new ArchiveError(`not a valid gzip stream: ${e.message}`)));
    Readable.from([bytes]).pipe(gunzip).pipe(ex);
  } else Readable.from([bytes]).pipe(ex);
  await done;
  return files;
}

/**
 * A `.tar.gz` of `files`, entries named `/path` as OPA writes bundles, in the given order, with
 * fixed modes and a fixed time so the same content gives the same bytes.
 */
export async function writeTarGz(files: ArchiveFile[], opts: { leadingSlash?: boolean } = {}): Promise<Buffer> {
  const p = pack();
  const chunks: Buffer[] = [];
  p.on('data', (c) => chunks.push(c as Buffer));
  const ended = new Promise<void>((resolve, reject) => {
    p.on('end', resolve);
    p.on('error', reject);
  });
  for (const f of files) {
    await new Promise<void>((resolve, reject) =>
      p.entry({ name: (opts.leadingSlash === false ? '' : '/') + f.path, size: f.data.length, mode: 0o644, mtime: new Date(0), type: 'file' }, f.data, (e) => (e ? reject(e) : resolve())),
    );
  }
  p.finalize();
  await ended;
  return gzipSync(Buffer.concat(chunks));
}
