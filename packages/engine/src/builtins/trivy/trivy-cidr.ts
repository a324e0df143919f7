/**
 * Trivy's CIDR helpers (trivy-checks `internal/cidr`), over Go's `net` parsing rules
 * (net-ip.ts). Quirks kept on purpose, since checks were written against them: the wildcards
 * `*`, `internet` and `any` count as the whole address space; a range `a-b` is judged on the
 * raw bytes of each side's text (Go converts the string to `net.IP` without parsing it), so a
 * range is public unless both sides are 4- or 16-byte strings that fall in private blocks.
 */
import { netContains, parseCIDR, parseIP, CIDRParseError, type IP, type IPNet } from '../net/net-ip.js';
import type { Value } from '../../value/types.js';

const UINT64_MAX = 0xffffffffffffffffn;

const PRIVATE_BLOCKS: IPNet[] = [
  '127.0.0.0/8',
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '169.254.0.0/16',
  '::1/128',
  'fe80::/10',
  'fc00::/7',
  '100.64.0.0/10',
].map((c) => {
  const r = parseCIDR(c);
  if (r instanceof CIDRParseError) throw new TypeError(`bad private block ${c}`);
  return r.net;
});

function isPrivate(ip: IP): boolean {
  return PRIVATE_BLOCKS.some((b) => netContains(b, ip));
}

const WILDCARDS = new Set(['*', 'internet', 'any']);

/** Number of ones in a mask and its length in bits (`IPMask.Size`); [0, 0] for a non-canonical mask. */
function maskSize(mask: Uint8Array): [number, number] {
  let ones = 0;
  let seenZero = false;
  for (const b of mask) {
    for (let bit = 7; bit >= 0; bit--) {
      if (b & (1 << bit)) {
        if (seenZero) return [0, 0];
        ones++;
      } else seenZero = true;
    }
  }
  return [ones, mask.length * 8];
}

export function cidrCountAddresses(s: string): Value {
  if (WILDCARDS.has(s)) return UINT64_MAX;
  if (!s.includes('/')) return parseIP(s) ? 1 : 0;
  const r = parseCIDR(s);
  if (r instanceof CIDRParseError) return 0;
  const [ones, bits] = maskSize(r.net.mask);
  const power = bits - ones;
  if (power >= 63) return UINT64_MAX;
  const n = 1n << BigInt(power);
  return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
}

/** Go's `strings.TrimSpace`. */
function trimSpace(s: string): string {
  return s.replace(/^[\s\u0085]+|[\s\u0085]+$/gu, '');
}

export function cidrIsPublic(s: string): boolean {
  if (WILDCARDS.has(s)) return true;
  if (s.includes('-')) {
    const parts = s.split('-');
    if (parts.length !== 2) return false;
    const enc = new TextEncoder();
    return parts.some((p) => !isPrivate(enc.encode(trimSpace(p))));
  }
  if (!s.includes('/')) {
    const ip = parseIP(s);
    return ip ? !isPrivate(ip) : false;
  }
  const r = parseCIDR(s);
  if (r instanceof CIDRParseError) return false;
  if (!isPrivate(r.ip)) return true;
  const [ones, bits] = maskSize(r.net.mask);
  const raw = Uint8Array.from(r.net.ip);
  for (let i = 0; i < bits - ones; i++) raw[raw.length - 1 - (i >> 3)] ^= 1 << (i % 8);
  return !isPrivate(raw);
}
