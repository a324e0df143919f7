import type { LoadResult } from '../../model.js';
import { setOwn } from '../common.js';
import { ConfigSyntaxError, loadPlain } from './plain.js';

/**
 * INI as conftest reads it (go-ini with default options, then conftest's typing): sections keep
 * their dotted names flat (`[auth.basic]` is the key `auth.basic`), keys before the first section
 * (go-ini's DEFAULT section) are dropped, values that parse as numbers become numbers and Go
 * boolean spellings (`true`, `F`, `1`…) booleans, `#`/`;` start comments even after a value.
 *
 * Hand-written: the npm `ini` package nests dotted section names, keeps DEFAULT keys, and types
 * only `true`/`false`, so conftest policies (`input["auth.basic"].enabled`) would not match.
 */
export function parseIni(text: string): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  let section: Record<string, unknown> | undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.startsWith('[')) {
      const end = line.indexOf(']');
      if (end === -1) throw new ConfigSyntaxError(`unclosed section header ${JSON.stringify(line)}`, i + 1, 1);
      const name = line.slice(1, end).trim();
      if (name === 'DEFAULT' || name === '') {
        section = undefined;
        continue;
      }
      section = Object.prototype.hasOwnProperty.call(out, name) ? out[name] : undefined;
      if (!section) setOwn(out, name, (section = {}));
      continue;
    }
    const { key, rest } = splitKey(line, i + 1);
    const value = typed(readValue(rest));
    if (section) setOwn(section, key, value);
  }
  return out;
}

function splitKey(line: string, lineNo: number): { key: string; rest: string } {
  const q = line[0];
  if (q === '"' || q === '`') {
    const end = line.indexOf(q, 1);
    if (end === -1) throw new ConfigSyntaxError(`unclosed quoted key in ${JSON.stringify(line)}`, lineNo, 1);
    const after = line.slice(end + 1).trimStart();
    if (after[0] !== '=' && after[0] !== ':') throw new ConfigSyntaxError(`key-value delimiter not found: ${line}`, lineNo, 1);
    return { key: line.slice(1, end), rest: after.slice(1) };
  }
  const m = /[=:]/.exec(line);
  if (!m) throw new ConfigSyntaxError(`key-value delimiter not found: ${line}`, lineNo, 1);
  return { key: line.slice(0, m.index).trim(), rest: line.slice(m.index + 1) };
}

function readValue(raw: string): string {
  const v = raw.trim();
  for (const q of ['"""', '"', "'", '`']) {
    if (v.startsWith(q)) {
      const end = v.indexOf(q, q.length);
      if (end !== -1) return v.slice(q.length, end);
    }
  }
  const c = v.search(/[#;]/);
  return (c === -1 ? v : v.slice(0, c)).trim();
}

const GO_BOOLS: Record<string, boolean> = { '1': true, t: true, T: true, TRUE: true, true: true, True: true, '0': false, f: false, F: false, FALSE: false, false: false, False: false };
/** Decimal numbers as Go's strconv.ParseFloat reads them (its hex floats and inf/nan are left as text). */
const GO_FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** conftest's typing of INI values: numbers first (so `1` is 1), then Go booleans, else text. */
export function typed(v: string): unknown {
  if (GO_FLOAT.test(v)) {
    const n = Number(v);
    if (Number.isFinite(n)) return n;
  }
  if (Object.prototype.hasOwnProperty.call(GO_BOOLS, v)) return GO_BOOLS[v];
  return v;
}

export function loadIni(path: string, text: string): LoadResult {
  return loadPlain('ini', path, text, parseIni);
}
