/**
 * OPA's file digests for bundle signatures. Unstructured files (policies) hash their bytes;
 * structured ones (`data.json`, `data.yaml`, `.manifest`) hash a canonical text — objects with
 * keys in byte order, `{"k":v,…}`, arrays `[v,…]`, scalars as Go's encoding/json writes them
 * without HTML escaping — so a signature does not depend on whitespace or key order.
 *
 * Numbers must keep their literal text (Go decodes them as json.Number), which JSON.parse loses
 * (`1.0` becomes `1`); so the canonical text is produced by a small JSON reader written here
 * rather than by parse + stringify.
 */
import { createHash } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { MAX_YAML_ALIASES } from '@palisade/engine';

/** Hash names OPA accepts in a signature's `files[].algorithm`, as node:crypto names. */
export const HASHES: Record<string, string> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-224': 'sha224',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
  'SHA-512-224': 'sha512-224',
  'SHA-512-256': 'sha512-256',
};

/** Files whose digest is taken over their JSON structure (by base name, as OPA decides). */
export function isStructured(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base === 'data.json' || base === 'data.yaml' || base === 'data.yml' || base === '.manifest';
}

/** Go's encoding/json string form (HTML escaping off): JSON.stringify plus U+2028/U+2029 escaped. */
function goString(s: string): string {
  return JSON.stringify(s).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** The canonical text of a JSON document (throws SyntaxError on invalid JSON). */
export function canonicalJSON(text: string): string {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (what: string): never => {
    throw new SyntaxError(`invalid JSON at offset ${i}: ${what}`);
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail('unterminated string');
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (depth: number): string => {
    if (depth > 10_000) fail('nesting too deep');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const entries = new Map<string, string>();
      ws();
      if (text[i] === '}') {
        i++;
        return '{}';
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a key');
        const k = str();
        ws();
        if (text[i] !== ':') fail('expected ":"');
        i++;
        entries.set(k, value(depth + 1)); // the last duplicate wins, as in Go's maps
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          break;
        }
        fail('expected "," or "}"');
      }
      return `{${[...entries.keys()].sort(byteOrder).map((k) => `${goString(k)}:${entries.get(k)}`).join(',')}}`;
    }
    if (c === '[') {
      i++;
      const items: string[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return '[]';
      }
      for (;;) {
        items.push(value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          break;
        }
        fail('expected "," or "]"');
      }
      return `[${items.join(',')}]`;
    }
    if (c === '"') return goString(str());
    const m = /^(-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (!m) fail('unexpected character');
    i += m![0].length;
    return m![0];
  };
  const out = value(0);
  ws();
  if (i < text.length) fail('trailing characters');
  return out;
}

/** Hex digest of a bundle file as OPA computes it for `files[].hash`. */
export function digest(path: string, bytes: Uint8Array, algorithm = 'SHA-256'): string {
  const name = HASHES[algorithm];
  if (!name) throw new RangeError(`unsupported hashing algorithm: ${algorithm}`);
  const h = createHash(name);
  if (!isStructured(path)) return h.update(bytes).digest('hex');
  const text = Buffer.from(bytes).toString('utf8');
  const json = /\.ya?ml$/.test(path) ? JSON.stringify(parseYaml(text, { maxAliasCount: MAX_YAML_ALIASES }) ?? null) : text;
  return h.update(canonicalJSON(json)).digest('hex');
}
