/**
 * `--proto-file-dirs DIR[,DIR…]` (conftest's flag): the `.proto` files under these directories
 * declare the message types of textproto inputs. Read as plain texts, each size-bounded, for the
 * textproto loader (which runs on the main thread and in workers alike).
 */
import { relative, resolve } from 'node:path';
import { loaders } from '@palisade/stdlib';
import { expandPaths } from './data-files.js';
import { readInputFile } from './read-input.js';


/** A proto file is a schema, not data: 4 MB is far above any real one. */
export const MAX_PROTO_BYTES = 4 * 1024 * 1024;

/** The flag's values (repeatable, comma-separated, as cobra's string slices). */
export function protoDirsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? (value as unknown[]) : typeof value === 'string' ? [value] : [];
  return list.flatMap((v) => String(v).split(',')).map((d) => d.trim()).filter((d) => d !== '');
}

/** Reads every `.proto` file under `dirs` and checks their declarations; problems are `path:line: message` strings. */
export function readProtoFiles(dirs: readonly string[], cwd: string): { files: loaders.ProtoFile[]; errors: string[] } {
  const files: loaders.ProtoFile[] = [];
  const errors: string[] = [];
  for (const file of expandPaths(dirs.map((d) => resolve(cwd, d)), ['proto'])) {
    const shown = relative(cwd, file) || file;
    const read = readInputFile(file, MAX_PROTO_BYTES);
    if (read.error) errors.push(`${shown}: ${read.error.message}`);
    else files.push({ path: shown, text: read.text });
  }
  if (!files.length && !errors.length) errors.push(`--proto-file-dirs: no .proto files in ${dirs.join(', ')}`);
  // Declarations are checked once here, so their problems name the .proto file and line.
  const problem = errors.length ? undefined : loaders.protoFilesProblem(files);
  if (problem) errors.push(`${problem.path}${problem.line ? `:${problem.line}${problem.column ? `:${problem.column}` : ''}` : ''}: ${problem.message}`);
  return { files, errors };
}
