/**
 * Reads policy and data files for commands that take `-d/--data` paths: `.rego` files become
 * modules, `.json`/`.yaml` files are merged into `data` (at their directory path when loaded
 * from a directory, as OPA's loader does; at the root when named directly).
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { Engine, parseJSONExact, type Diagnostic } from '@palisade/engine';
import { applyTrivyBuiltins, stdlibBuiltins } from '@palisade/stdlib';
import { DATA_PATH_EXTENSIONS, expandDataPaths, parseYamlValue, readDataFile, readModuleText } from './data-files.js';

export interface LoadedPolicies {
  engine: Engine;
  errors: Diagnostic[];
  files: string[];
}

// serve/ and older callers import the walker from here; its one definition is in data-files.ts.
export { expandDataPaths, expandPaths, type FoundPath } from './data-files.js';

/**
 * The engine comes with the stdlib's extra builtins (`result.new`), so Trivy-style policies and
 * the stdlib itself evaluate under `eval` as they do under `scan` and `test`.
 */
export function loadPolicies(paths: string[], cwd: string, engine = new Engine({ builtins: stdlibBuiltins })): LoadedPolicies {
  const errors: Diagnostic[] = [];
  const found = expandDataPaths(paths, DATA_PATH_EXTENSIONS);
  const files = found.map((f) => f.file);
  for (const { file, at } of found) {
    const name = relative(cwd, file) || file;
    if (file.endsWith('.rego')) {
      const { text, error } = readModuleText(file, name);
      if (error) errors.push(error);
      else errors.push(...engine.addModule(name, text));
      continue;
    }
    const { value, error } = readDataFile(file, name);
    if (error) errors.push(error);
    else if (value !== undefined) errors.push(...engine.addData(value, at));
  }
  // Trivy checks get Trivy's builtins (auto mode; see docs/migrating-from-trivy.md).
  applyTrivyBuiltins(engine);
  return { engine, errors, files };
}

/** Reads an input document (JSON or YAML; `-` for stdin). */
export async function readInput(path: string, stdin: NodeJS.ReadableStream): Promise<unknown> {
  let text: string;
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const c of stdin) chunks.push(Buffer.from(c as Buffer));
    text = Buffer.concat(chunks).toString('utf8');
  } else text = readFileSync(path, 'utf8');
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return parseJSONExact(text);
    } catch {
      // fall through to YAML, which accepts JSON-like flow syntax with comments
    }
  }
  return parseYamlValue(text);
}
