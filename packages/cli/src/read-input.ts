/**
 * Reading untrusted input files and stdin with a size bound enforced while reading. A path can
 * name a FIFO (opening it blocks until a writer comes), a device (`/dev/zero` never ends) or a
 * file that grows while read, so: only regular files are read, the file is opened non-blocking
 * and checked again after opening, and no more than the limit plus one byte is ever buffered.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { loaders } from '@palisade/stdlib';

/** Bytes read from one input at most (the loaders' limit: a file within it is within theirs). */
export const MAX_INPUT_BYTES = loaders.MAX_INPUT_CHARS;

export interface ReadProblem {
  code: 'read_error' | 'not_found' | 'input_too_large';
  message: string;
}

export type ReadResult = { text: string; error?: undefined } | { text?: undefined; error: ReadProblem };

const MB = 1024 * 1024;

function tooLarge(what: string, limit: number): ReadProblem {
  return { code: 'input_too_large', message: `${what} is larger than the limit of ${limit / MB} MB; not read` };
}

function kindOf(st: { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean; isDirectory(): boolean }): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Reads a regular file as UTF-8, refusing anything else and anything above `limit` bytes. */
export function readInputFile(path: string, limit = MAX_INPUT_BYTES): ReadResult {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? { code: 'not_found', message: 'no such file or directory' } : { code: 'read_error', message: `cannot read file: ${code ?? (e as Error).message}` } };
  }
  if (!st.isFile()) return { error: { code: 'read_error', message: `cannot read ${kindOf(st)}: only regular files are read` } };
  if (st.size > limit) return { error: tooLarge('file', limit) };
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return { error: { code: 'read_error', message: `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` } };
  }
  try {
    // The path may have been swapped for a FIFO or device between stat and open.
    const fst = fstatSync(fd);
    if (!fst.isFile()) return { error: { code: 'read_error', message: `cannot read ${kindOf(fst)}: only regular files are read` } };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(1 * MB, limit + 1 - total));
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      total += n;
      if (total > limit) return { error: tooLarge('file', limit) };
    }
    return { text: Buffer.concat(chunks, total).toString('utf8') };
  } catch (e) {
    return { error: { code: 'read_error', message: `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` } };
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a stream (stdin) as UTF-8, stopping as soon as more than `limit` bytes arrived: the rest
 * is never buffered. Resolves to an error value, never rejects.
 */
export async function readStreamBounded(stream: NodeJS.ReadableStream, limit = MAX_INPUT_BYTES): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const c of stream) {
      const b = typeof c === 'string' ? Buffer.from(c) : (c as Buffer);
      total += b.length;
      // Leaving the loop ends the iteration, which destroys the stream.
      if (total > limit) return { error: tooLarge('standard input', limit) };
      chunks.push(b);
    }
  } catch (e) {
    return { error: { code: 'read_error', message: `cannot read standard input: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` } };
  }
  return { text: Buffer.concat(chunks, total).toString('utf8') };
}
