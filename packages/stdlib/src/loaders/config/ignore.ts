import type { LoadResult } from '../../model.js';
import { loadPlain } from './plain.js';

/**
 * `.gitignore`-style files as conftest gives them to policies: one entry per line,
 * `{Kind, Value, Original}` with Kind `Path`, `NegatedPath`, `Comment` or `Empty` (the format of
 * go-ignore, conftest's parser). Hand-written: the format is five rules.
 */
export interface IgnoreEntry {
  Kind: 'Path' | 'NegatedPath' | 'Comment' | 'Empty';
  Value: string;
  Original: string;
}

/** Trailing spaces go unless escaped with `\`. */
function trimRight(s: string): string {
  let end = s.length;
  while (end > 0 && s[end - 1] === ' ') end--;
  if (end > 0 && end < s.length && s[end - 1] === '\\') end++;
  return s.slice(0, end);
}

/** go-ignore's unescaping: `\\` is a backslash, any other `\` is dropped. */
function unescape(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\') out += s[i];
    else if (s[i + 1] === '\\') {
      out += '\\';
      i++;
    }
  }
  return out;
}

export function parseIgnoreEntries(text: string): IgnoreEntry[] {
  return text.split('\n').map((line): IgnoreEntry => {
    const stripped = trimRight(line);
    if (stripped === '') return { Kind: 'Empty', Value: line, Original: line };
    if (line.startsWith('#')) return { Kind: 'Comment', Value: stripped.slice(1).trim(), Original: line };
    if (line.startsWith('!')) return { Kind: 'NegatedPath', Value: unescape(stripped.slice(1)), Original: line };
    return { Kind: 'Path', Value: unescape(stripped), Original: line };
  });
}

export function loadIgnore(path: string, text: string): LoadResult {
  return loadPlain('ignore', path, text, parseIgnoreEntries);
}
