/**
 * uuid.rfc4122 (random version-4 UUIDs, stable per argument within one query) and uuid.parse
 * (the fields OPA decodes: version and variant, plus time, node and clock data for v1/v2).
 */
import type { BuiltinDecl } from '../define.js';
import { argString } from '../args.js';
import { T } from '../signature.js';
import { normNumber } from '../../value/number.js';
import { keyOf, makeObject, type Value } from '../../value/types.js';

function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A random RFC 4122 version-4 UUID in canonical lower-case form. */
export function randomUUIDv4(): string {
  const b = new Uint8Array(16);
  globalThis.crypto.getRandomValues(b);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = hex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const HEX_PAIR = /^[0-9a-fA-F]{2}$/;

function pairsToBytes(s: string, offsets: number[]): Uint8Array | undefined {
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) {
    const pair = s.slice(offsets[i], offsets[i] + 2);
    if (!HEX_PAIR.test(pair)) return undefined;
    out[i] = parseInt(pair, 16);
  }
  return out;
}

const DASHED_OFFSETS = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
const PLAIN_OFFSETS = Array.from({ length: 16 }, (_, i) => i * 2);

/**
 * The 16 bytes of a UUID in one of the accepted spellings: canonical, `urn:uuid:` prefixed,
 * wrapped in any two delimiters (braces), or 32 bare hex digits. Lengths count UTF-8 bytes.
 */
export function parseUUIDBytes(text: string): Uint8Array | undefined {
  const utf8 = new TextEncoder().encode(text);
  let s = text;
  switch (utf8.length) {
    case 32:
      return pairsToBytes(s, PLAIN_OFFSETS);
    case 36:
      break;
    case 45:
      if (s.slice(0, 9).toLowerCase() !== 'urn:uuid:') return undefined;
      s = s.slice(9);
      break;
    case 38:
      s = new TextDecoder().decode(utf8.slice(1, 37));
      break;
    default:
      return undefined;
  }
  if (s.length !== 36 || s[8] !== '-' || s[13] !== '-' || s[18] !== '-' || s[23] !== '-') return undefined;
  return pairsToBytes(s, DASHED_OFFSETS);
}

function variantName(b8: number): string {
  if ((b8 & 0xc0) === 0x80) return 'RFC4122';
  if ((b8 & 0xe0) === 0xc0) return 'Microsoft';
  if ((b8 & 0xe0) === 0xe0) return 'Future';
  return 'Reserved';
}

function macVariables(b: number): string {
  if ((b & 0b11) === 0b11) return 'local:multicast';
  if ((b & 0b01) === 0b01) return 'global:multicast';
  if ((b & 0b10) === 0b10) return 'local:unicast';
  return 'global:unicast';
}

const DOMAINS = ['Person', 'Group', 'Org'];
/** 100-ns intervals between 1582-10-15 (the UUID epoch) and 1970-01-01. */
const GREGORIAN_OFFSET = 122192928000000000n;

/** Nanoseconds since the Unix epoch of a v1/v2 timestamp, with Go's int64 wrap-around. */
function unixNanos(b: Uint8Array): bigint {
  const low = BigInt((b[0] << 24) >>> 0) + BigInt((b[1] << 16) | (b[2] << 8) | b[3]);
  const mid = BigInt((b[4] << 8) | b[5]);
  const high = BigInt(((b[6] << 8) | b[7]) & 0x0fff);
  const t = low | (mid << 32n) | (high << 48n);
  const sec = t - GREGORIAN_OFFSET;
  return BigInt.asIntN(64, (sec / 10_000_000n) * 1_000_000_000n + (sec % 10_000_000n) * 100n);
}

export function describeUUID(b: Uint8Array): Value {
  const version = b[6] >> 4;
  const entries: [string, Value][] = [
    ['version', version],
    ['variant', variantName(b[8])],
  ];
  if (version === 1 || version === 2) {
    const node = b.slice(10, 16);
    entries.push(
      ['time', normNumber(unixNanos(b))],
      ['nodeid', [...node].map((x) => x.toString(16).padStart(2, '0')).join('-')],
      ['macvariables', macVariables(node[0])],
      ['clocksequence', ((b[8] << 8) | b[9]) & 0x3fff],
    );
    if (version === 2) {
      const id = ((b[0] << 24) >>> 0) + ((b[1] << 16) | (b[2] << 8) | b[3]);
      entries.push(['id', id], ['domain', DOMAINS[b[9]] ?? `Domain${b[9]}`]);
    }
  }
  return makeObject(entries);
}

export const uuidBuiltins: BuiltinDecl[] = [
  {
    name: 'uuid.rfc4122',
    params: [{ name: 'k', type: T.string, description: 'a key; the same key gives the same UUID within one query' }],
    result: T.string,
    category: 'uuid',
    description: 'Returns a random version-4 UUID; calls with the same key in one query return the same UUID.',
    nondeterministic: true,
    impl(args, ctx) {
      const key = `uuid.rfc4122\u0000${keyOf(args[0])}`;
      const cached = ctx.queryCache.get(key);
      if (cached !== undefined) return cached;
      const id = randomUUIDv4();
      ctx.queryCache.set(key, id);
      return id;
    },
  },
  {
    name: 'uuid.parse',
    params: [{ name: 'uuid', type: T.string, description: 'the UUID text' }],
    result: T.object(T.string, T.any),
    category: 'uuid',
    description:
      'Parses a UUID and returns its version and variant, plus time, node id, MAC flags and clock sequence for versions 1 and 2; undefined when the text is not a UUID.',
    impl(args) {
      const bytes = parseUUIDBytes(argString(args, 0));
      return bytes ? describeUUID(bytes) : undefined;
    },
  },
];
