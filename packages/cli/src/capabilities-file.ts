/**
 * `scan --capabilities FILE`: an OPA capabilities file (`opa capabilities`, conftest
 * `--capabilities`), `{"builtins": [{"name": "count", "decl": …}, …], "features": […], …}`. The
 * builtin names are what Palisade takes from it: policies may call only those. `features`,
 * `allow_net` and `future_keywords` are not read (network access stays `--allow-network`'s).
 * Problems name the file and the line of the offending entry.
 */
import { loaders } from '@palisade/stdlib';
import { readInputFile } from './read-input.js';

/** Capabilities files are small (OPA's full list is about 200 KB); anything past this is refused. */
export const MAX_CAPABILITIES_BYTES = 8 * 1024 * 1024;

export type CapabilitiesRead = { builtins: string[]; error?: undefined } | { builtins?: undefined; error: string };

/** Parses a capabilities document's text; `file` names it in errors. */
export function parseCapabilities(file: string, text: string): CapabilitiesRead {
  const parsed = loaders.parseJsonText(file, text);
  if (!parsed.ok) {
    const e = parsed.error;
    return { error: `${file}${e.line ? `:${e.line}${e.column ? `:${e.column}` : ''}` : ''}: not a capabilities file: ${e.message}` };
  }
  const at = (path: (string | number)[]) => {
    const line = parsed.doc.sourceMap.rangeOfPath(path)?.startLine;
    return line ? `${file}:${line}` : file;
  };
  const doc = parsed.doc.value;
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return { error: `${file}:1: a capabilities file is a JSON object with a "builtins" list` };
  const list = (doc as Record<string, unknown>)['builtins'];
  if (!Array.isArray(list)) return { error: `${at([])}: a capabilities file needs a "builtins" list (the builtins policies may call)` };
  const names: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const b = list[i] as unknown;
    const name = b !== null && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>)['name'] : undefined;
    if (typeof name !== 'string' || name === '') return { error: `${at(['builtins', i])}: builtins[${i}] needs a "name" string` };
    names.push(name);
  }
  return { builtins: names };
}

/** Reads and parses a capabilities file (a regular file, at most `MAX_CAPABILITIES_BYTES`). */
export function readCapabilities(path: string, shownAs = path): CapabilitiesRead {
  const read = readInputFile(path, MAX_CAPABILITIES_BYTES);
  if (read.error) return { error: `${shownAs}: ${read.error.message}` };
  return parseCapabilities(shownAs, read.text);
}
