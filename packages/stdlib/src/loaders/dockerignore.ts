import type { DockerignoreDocument, DockerignoreLine } from '../generated/dockerignore.js';
import type { LoadResult } from '../model.js';
import { LoadErrorCode, errorResult, internalError, lineCount, loadError, makeDocument, sizeError } from './common.js';
import { TreeSourceMap } from './source-map.js';
import { parseIgnoreEntries, type IgnoreEntry } from './config/ignore.js';

/** conftest's view of each loaded file (every line as an entry), for user policies written for it. */
const conftestEntries = new WeakMap<object, IgnoreEntry[]>();

/**
 * The document as conftest's `ignore` parser gives it: `[{Kind, Value, Original}]`, one entry per
 * line. Documents not made by this loader get entries rebuilt from their pattern lines.
 */
export function dockerignoreConftestInput(doc: { value: unknown }): IgnoreEntry[] {
  const v = doc.value as DockerignoreDocument;
  return conftestEntries.get(v) ?? parseIgnoreEntries((v.lines ?? []).map((l) => l.text).join('\n'));
}

/**
 * `.dockerignore` files (also BuildKit's `<name>.Dockerfile.dockerignore`). The document is
 * `{patterns, lines, excluded, excludedNested}`:
 * - `patterns`: the cleaned patterns exactly as Docker applies them, in order (`!` = re-include);
 * - `lines`: one entry per pattern line `{line, text, pattern, negated}` for locating findings;
 * - `excluded` / `excludedNested`: for well-known secret paths, whether the build context would
 *   leave them out — at the context root and one directory down — computed with Docker's
 *   matching semantics (anchored at the root, `**` for any depth, a matching parent directory
 *   excludes everything under it, the last matching pattern wins). Policies check these instead
 *   of re-implementing the matcher in Rego.
 */
export type { DockerignoreDocument, DockerignoreLine };

/** Probe name → a sample path at the context root. */
export const SENSITIVE_PROBES: Record<string, string> = {
  '.env': '.env',
  '.env.*': '.env.production',
  '*.pem': 'server.pem',
  '*.key': 'server.key',
  '*.p12': 'keystore.p12',
  '*.pfx': 'cert.pfx',
  'id_rsa': 'id_rsa',
  'secrets/': 'secrets/token',
  '.git/': '.git/config',
  '.ssh/': '.ssh/id_ed25519',
  '.aws/': '.aws/credentials',
  '.npmrc': '.npmrc',
  '.netrc': '.netrc',
  '.docker/': '.docker/config.json',
  '*.tfstate': 'terraform.tfstate',
};

/** Docker's path cleaning (filepath.Clean + ToSlash + leading `/` removed). */
function cleanPath(p: string): string {
  const abs = p.startsWith('/');
  const parts: string[] = [];
  for (const seg of p.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length && parts[parts.length - 1] !== '..') parts.pop();
      else if (!abs) parts.push('..');
      continue;
    }
    parts.push(seg);
  }
  const s = parts.join('/');
  return s === '' ? (abs ? '/' : '.') : s;
}

export function parseDockerignoreLines(text: string): DockerignoreLine[] {
  const out: DockerignoreLine[] = [];
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  src.split('\n').forEach((raw, i) => {
    const text = raw.replace(/\r$/, '');
    if (text.startsWith('#')) return;
    let p = text.trim();
    if (p === '') return;
    const negated = p.startsWith('!');
    if (negated) p = p.slice(1).trim();
    if (p.length > 0) {
      p = cleanPath(p);
      if (p.length > 1 && p.startsWith('/')) p = p.slice(1);
    }
    out.push({ line: i + 1, text, pattern: (negated ? '!' : '') + p, negated });
  });
  return out;
}

interface Compiled {
  re: RegExp;
  dirs: number;
  negated: boolean;
}

/**
 * Longest pattern worth compiling: its literal characters alone would be longer than any path
 * (PATH_MAX), and V8 refuses very large expressions when it first runs them.
 */
const MAX_PATTERN_CHARS = 4096;

function compile(pattern: string): Compiled | undefined {
  const negated = pattern.startsWith('!');
  const p = negated ? pattern.slice(1) : pattern;
  if (p === '' || p.length > MAX_PATTERN_CHARS) return undefined;
  let re = '^';
  for (let i = 0; i < p.length; i++) {
    const ch = p[i]!;
    if (ch === '*') {
      if (p[i + 1] === '*') {
        i++;
        // `**/` also matches zero directories; a trailing `**` matches everything below.
        if (p[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const end = p.indexOf(']', i + 1);
      if (end === -1) re += '\\[';
      else {
        let cls = p.slice(i + 1, end).replace(/\\/g, '\\\\');
        if (cls.startsWith('^') || cls.startsWith('!')) cls = '^' + cls.slice(1);
        re += `[${cls}]`;
        i = end;
      }
    } else if (ch === '\\' && i + 1 < p.length) re += escapeRe(p[++i]!);
    else re += escapeRe(ch);
  }
  try {
    return { re: new RegExp(re + '$'), dirs: p.split('/').length, negated };
  } catch {
    return undefined;
  }
}

function escapeRe(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? '\\' + ch : ch;
}

/** Whether Docker leaves `path` (relative to the context root) out of the build context. */
export function isExcluded(patterns: readonly string[], path: string): boolean {
  const file = cleanPath(path);
  const parts = file.split('/');
  let excluded = false;
  for (const pattern of patterns) {
    const c = compile(pattern);
    if (!c) continue;
    let match = c.re.test(file);
    if (!match && parts.length > 1 && c.dirs <= parts.length - 1) {
      // A pattern matching a parent directory excludes what is inside it.
      for (let n = 1; n < parts.length && !match; n++) match = c.re.test(parts.slice(0, n).join('/'));
    }
    if (match) excluded = !c.negated;
  }
  return excluded;
}

export function loadDockerignore(path: string, text: string): LoadResult {
  try {
    const tooLarge = sizeError(path, text);
    if (tooLarge) return errorResult(tooLarge);
    if (text.includes('\u0000')) return errorResult(loadError(path, LoadErrorCode.InvalidDocument, '.dockerignore contains NUL bytes (binary file?)', 1, 1));
    const lines = parseDockerignoreLines(text);
    const patterns = lines.map((l) => l.pattern);
    const excluded: Record<string, boolean> = {};
    const excludedNested: Record<string, boolean> = {};
    for (const [probe, sample] of Object.entries(SENSITIVE_PROBES)) {
      excluded[probe] = isExcluded(patterns, sample);
      excludedNested[probe] = isExcluded(patterns, `app/${sample}`);
    }
    const value: DockerignoreDocument = { patterns, lines, excluded, excludedNested };
    conftestEntries.set(value, parseIgnoreEntries(text));
    const whole = { startLine: 1, endLine: lineCount(text) };
    const sm = new TreeSourceMap(value, whole);
    sm.addContainer(value.patterns, value, 'patterns', whole);
    sm.addContainer(value.lines, value, 'lines', whole);
    lines.forEach((l, i) => {
      const r = { startLine: l.line, endLine: l.line };
      sm.addChild(value.patterns, i, r);
      sm.addContainer(l, value.lines, i, r);
    });
    return { documents: [makeDocument('dockerignore', path, 0, value, sm, whole)], errors: [] };
  } catch (e) {
    return errorResult(internalError(path, e));
  }
}
