import { parse } from 'dot-properties';
import type { LoadResult } from '../../model.js';
import { loadPlain } from './plain.js';

/**
 * Java `.properties` (dot-properties: `=`/`:`/space separators, `\` continuations, escapes):
 * one flat object of strings, as conftest's parser gives. `${key}` references are expanded the
 * way magiconair/properties (conftest's parser) expands them.
 */
export function parseProperties(text: string): Record<string, string> {
  const raw = parse(text) as Record<string, string>;
  const expand = (v: string, seen: Set<string>): string =>
    v.replace(/\$\{([^}]*)\}/g, (whole, key: string) => {
      if (!Object.prototype.hasOwnProperty.call(raw, key) || seen.has(key)) return whole;
      return expand(raw[key]!, new Set([...seen, key]));
    });
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) out[k] = expand(v, new Set([k]));
  return out;
}

export function loadProperties(path: string, text: string): LoadResult {
  return loadPlain('properties', path, text, parseProperties);
}
