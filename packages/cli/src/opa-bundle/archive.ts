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

/** Every regular file of a `.tar.gz`; throws ArchiveError on a corrupt, hostile or oversized archive. */
export async function readTarGz(bytes: Buffer, limit = MAX_EXPANDED_BYTES): Promise<ArchiveFile[]> {
  const files: ArchiveFile[] = [];
  const ex = extract();
  let total = 0;
  const done = new Promise<void>((resolve, reject) => {
    ex.on('entry', (header, stream, next) => {
      const chunks: Buffer[] = [];
      const path = entryPath(header.name);
      const type = header.type ?? 'file';
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
  const gunzip = createGunzip();
  gunzip.on('error', (e) => ex.destroy(new ArchiveError(`not a valid gzip stream: ${e.message}`)));
  Readable.from([bytes]).pipe(gunzip).pipe(ex);
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
