/**
 * Node-only file reading for conftest's `parse_config_file` builtins: a path is read only when,
 * after resolving symbolic links, it lies inside the calling policy file's directory.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { ConfigFileReader } from './conftest-builtins.js';

export const nodeConfigFileReader: ConfigFileReader = (path, root) => {
  let real: string;
  let realRoot: string;
  try {
    realRoot = realpathSync(resolve(root));
    real = realpathSync(resolve(path));
  } catch (e) {
    throw new Error(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const rel = relative(realRoot, real);
  if (rel === '..' || rel.startsWith('..' + sep) || resolve(realRoot, rel) !== real) {
    throw new Error(`${path} is outside the directory of the calling policy (${root}); policies may read only their own directory`);
  }
  try {
    return readFileSync(real, 'utf8');
  } catch (e) {
    throw new Error(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
};
