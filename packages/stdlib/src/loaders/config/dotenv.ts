import type { LoadResult } from '../../model.js';
import { setOwn } from '../common.js';
import { ConfigSyntaxError, loadPlain } from './plain.js';

/**
 * `.env` files as conftest reads them (gotenv's strict parser): `KEY=value` or `KEY: value`,
 * optional `export `, `#` comments (also after an unquoted value), single quotes literal, double
 * quotes with `\n`/`\t`/`\"` escapes, and `${KEY}`/`$KEY` expanded from keys defined above
 * (outside single quotes). A line that is none of these is an error with its line.
 *
 * Hand-written: the `dotenv` package reads files and imports Node's fs/os/crypto at load,
 * which the browser entry of this package cannot carry.
 */
const LINE = /^\s*(?:export\s+)?([A-Za-z_][\w.-]*)\s*[=:]\s?(.*)$/;

export function parseDotenv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const expand = (v: string) =>
    v.replace(/\\?\$(?:\{([\w.]+)\}|([A-Za-z_]\w*))/g, (whole, a: string | undefined, b: string | undefined) =>
      whole.startsWith('\\') ? whole.slice(1) : (Object.prototype.hasOwnProperty.call(out, a ?? b!) ? out[a ?? b!]! : ''),
    );
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.trim();
    if (t === '' || t.startsWith('#')) continue;
    const m = LINE.exec(line);
    if (!m) throw new ConfigSyntaxError(`line ${JSON.stringify(t.length > 60 ? t.slice(0, 60) + '…' : t)} is not KEY=VALUE`, i + 1, 1);
    let raw = m[2]!.trim();
    let value: string;
    const q = raw[0];
    if (q === "'" || q === '"') {
      // A quoted value may run over several lines until its closing quote.
      let end = closing(raw, q);
      while (end === -1 && i + 1 < lines.length) {
        raw += '\n' + lines[++i];
        end = closing(raw, q);
      }
      if (end === -1) throw new ConfigSyntaxError(`unterminated ${q === '"' ? 'double' : 'single'}-quoted value of ${m[1]}`, i + 1, 1);
      const body = raw.slice(1, end);
      value = q === "'" ? body : expand(body.replace(/\\([nrt"\\])/g, (_w, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c as 'n'] ?? c));
    } else {
      const c = raw.search(/\s#/);
      value = expand((c === -1 ? raw : raw.slice(0, c)).trim());
    }
    setOwn(out, m[1]!, value);
  }
  return out;
}

function closing(s: string, q: string): number {
  for (let i = 1; i < s.length; i++) {
    if (s[i] === '\\' && q === '"') i++;
    else if (s[i] === q) return i;
  }
  return -1;
}

export function loadDotenv(path: string, text: string): LoadResult {
  return loadPlain('dotenv', path, text, parseDotenv);
}
