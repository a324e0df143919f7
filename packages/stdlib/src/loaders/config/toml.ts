import { TomlError, parse } from 'smol-toml';
import type { LoadResult } from '../../model.js';
import { ConfigSyntaxError, loadPlain } from './plain.js';

/** TOML (smol-toml: TOML 1.0, spec-tested); dates and times become their TOML text. */
export function loadToml(path: string, text: string): LoadResult {
  return loadPlain('toml', path, text, (t) => {
    try {
      return parse(t);
    } catch (e) {
      if (e instanceof TomlError) throw new ConfigSyntaxError(e.message.split('\n')[0]!, e.line, e.column);
      throw e;
    }
  });
}
