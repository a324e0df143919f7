/**
 * conftest's builtins: `parse_config(parser, text)`, `parse_config_file(path)` and
 * `parse_combined_config_files(paths)`, on Palisade's loaders (so every kind `--parser` knows).
 * The file builtins resolve paths against the directory of the module that calls them, as
 * conftest does, and may read only inside that directory: policies get no general file access.
 * Reading is a platform service (`setConfigFileReader`, registered by the Node entry).
 */
import { T, builtinError, operandError, type BuiltinDecl, type Value } from '@palisade/engine';
import { combinedInput, documentInput } from './conftest.js';
import { loadFile } from './loaders/load.js';
import { DOCUMENT_KINDS } from './loaders/registry.js';
import type { DocumentKind, InputDocument } from './model.js';

/** Reads `path` (relative to the process's working directory) when it lies inside `root`; throws a message otherwise. */
export type ConfigFileReader = (path: string, root: string) => string;

let reader: ConfigFileReader | undefined;

/** Registers how `parse_config_file` reads files (the Node entry does; browsers have none). */
export function setConfigFileReader(r: ConfigFileReader | undefined): void {
  reader = r;
}

function docsOf(path: string, text: string, parser?: DocumentKind): InputDocument[] {
  const r = loadFile(path, text, parser ? { parser } : {});
  const e = r.errors[0];
  if (e) throw builtinError(`${e.path}${e.line ? `:${e.line}` : ''}: ${e.message}`);
  return r.documents;
}

/** A file's value as conftest's parsers give it: one document's value, or the array of a multi-document file's. */
function valueOf(docs: InputDocument[]): Value {
  const values = docs.map((d) => documentInput(d, false));
  return (values.length === 1 ? values[0] : values) as Value;
}

function dirOf(file: string | undefined): string {
  if (!file) return '.';
  const p = file.replace(/\\/g, '/');
  const i = p.lastIndexOf('/');
  return i === -1 ? '.' : i === 0 ? '/' : p.slice(0, i);
}

function joinPath(dir: string, rel: string): string {
  if (rel.startsWith('/')) return rel;
  return dir === '.' ? rel : `${dir}/${rel}`;
}

function read(path: string, root: string): string {
  if (!reader) throw builtinError('reading files is not available here');
  try {
    return reader(path, root);
  } catch (e) {
    throw builtinError(e instanceof Error ? e.message : String(e));
  }
}

/** conftest's parser names are Palisade's document kinds (`hcl1`, `toml`, `dockerfile`, …). */
function kindOf(name: string): DocumentKind {
  if (!(DOCUMENT_KINDS as readonly string[]).includes(name)) throw builtinError(`unknown parser ${JSON.stringify(name)} (known: ${DOCUMENT_KINDS.join(', ')})`);
  return name as DocumentKind;
}

export const parseConfig: BuiltinDecl = {
  name: 'parse_config',
  params: [
    { name: 'parser', type: T.string, description: 'parser name, as for `--parser` (`yaml`, `toml`, `hcl2`, `dockerfile`, …)' },
    { name: 'config', type: T.string, description: 'the configuration text' },
  ],
  result: T.any,
  category: 'conftest',
  description: "Parses configuration text with the named parser, as conftest's `parse_config`.",
  impl([parser, config]) {
    if (typeof parser !== 'string') throw operandError(1, parser!, 'string');
    if (typeof config !== 'string') throw operandError(2, config!, 'string');
    return valueOf(docsOf('-', config, kindOf(parser)));
  },
};

export const parseConfigFile: BuiltinDecl = {
  name: 'parse_config_file',
  params: [{ name: 'path', type: T.string, description: "file path, relative to the calling policy file's directory" }],
  result: T.any,
  category: 'conftest',
  description: "Reads and parses a configuration file (kind by file name, then content), as conftest's `parse_config_file`; only files under the calling policy's directory.",
  impl([path], _ctx, call) {
    if (typeof path !== 'string') throw operandError(1, path!, 'string');
    const root = dirOf(call?.file);
    const file = joinPath(root, path);
    return valueOf(docsOf(file, read(file, root)));
  },
};

export const parseCombinedConfigFiles: BuiltinDecl = {
  name: 'parse_combined_config_files',
  params: [{ name: 'paths', type: T.array(T.string), description: "file paths, relative to the calling policy file's directory" }],
  result: T.array(T.object(T.string, T.any)),
  category: 'conftest',
  description: "Reads and parses files into the `--combine` input, `[{path, contents}]` per document sorted by path, as conftest's `parse_combined_config_files`.",
  impl([paths], _ctx, call) {
    if (!Array.isArray(paths) || paths.some((p) => typeof p !== 'string')) throw operandError(1, paths!, 'array of strings');
    const root = dirOf(call?.file);
    const docs: InputDocument[] = [];
    for (const p of paths as string[]) {
      const file = joinPath(root, p);
      docs.push(...docsOf(file, read(file, root)));
    }
    return combinedInput(docs, false) as unknown as Value;
  },
};

/** conftest's builtins: parse_config, parse_config_file and parse_combined_config_files (files only under the calling policy's directory). */
export const conftestBuiltins: BuiltinDecl[] = [parseConfig, parseConfigFile, parseCombinedConfigFiles];
