import { parseEDNString } from 'edn-data';
import type { LoadResult } from '../../model.js';
import { setOwn } from '../common.js';
import { ConfigSyntaxError, loadPlain } from './plain.js';

/**
 * EDN as conftest gives it to policies: maps become objects keyed by the printed key
 * (`:db`), vectors and lists arrays, and every scalar its Go `%v` text — `5432` is "5432",
 * `:debug` is ":debug", `nil` is "<nil>" (conftest stringifies all non-string leaves).
 * edn-data does the parsing; this file only reshapes its tagged output.
 */
function goTime(d: Date): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const ms = d.getUTCMilliseconds();
  const frac = ms ? '.' + pad(ms, 3).replace(/0+$/, '') : '';
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${frac} +0000 UTC`;
}

/** Go's `%v` of a decoded EDN value that is not a map or a sequence. */
function scalar(v: unknown): string {
  if (v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return goTime(v);
  const o = v as Record<string, unknown>;
  if ('key' in o) return ':' + String(o['key']);
  if ('sym' in o) return String(o['sym']);
  if ('char' in o) return String(o['char']).replace(/^\\/, '');
  if ('set' in o) return `map[${(o['set'] as unknown[]).map((x) => `${scalar(x)}:true`).sort().join(' ')}]`;
  if ('tag' in o) return `{${String(o['tag'])} ${scalar(o['val'])}}`;
  if ('map' in o || 'list' in o || Array.isArray(v)) return JSON.stringify(v);
  return String(v);
}

function reshape(v: unknown, depth: number): unknown {
  if (depth > 512) throw new ConfigSyntaxError('EDN nests deeper than 512 levels');
  if (Array.isArray(v)) return v.map((x) => reshape(x, depth + 1));
  if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o['list'])) return (o['list'] as unknown[]).map((x) => reshape(x, depth + 1));
    if (Array.isArray(o['map'])) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of o['map'] as [unknown, unknown][]) setOwn(out, scalar(k), reshape(x, depth + 1));
      return out;
    }
  }
  return scalar(v);
}

export function parseEdn(text: string): unknown {
  const parsed: unknown = parseEDNString(text);
  // edn-data returns null for input that ends inside a form; a real `nil` is spelled out.
  if (parsed === null && !/^\s*nil\s*$/.test(text.replace(/;[^\n]*/g, ''))) throw new ConfigSyntaxError('unexpected end of input (unclosed map, vector, list or set?)');
  return reshape(parsed, 0);
}

export function loadEdn(path: string, text: string): LoadResult {
  return loadPlain('edn', path, text, parseEdn);
}
