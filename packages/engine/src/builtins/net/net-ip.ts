/**
 * IP addresses and networks with Go's `net` / `net/netip` semantics, as byte arrays: IPv4 is 4
 * bytes, IPv6 16; `net.ParseIP` yields 16 bytes even for IPv4, and the `To4` / `Mask` /
 * `Contains` rules below mirror Go's so that mixed IPv4 / IPv4-mapped IPv6 inputs behave as
 * they do in OPA.
 */

export type IP = Uint8Array;

export interface IPNet {
  ip: IP;
  mask: Uint8Array;
}

const V4_IN_V6_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

function parseIPv4Bytes(s: string): number[] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p) || (p.length > 1 && p[0] === '0')) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    out.push(n);
  }
  return out;
}

function parseIPv6Bytes(s: string): number[] | undefined {
  const out: number[] = [];
  let ellipsis = -1;
  let rest = s;
  if (rest.startsWith('::')) {
    ellipsis = 0;
    rest = rest.slice(2);
    if (rest === '') return new Array(16).fill(0);
  }
  while (out.length < 16) {
    const m = /^[0-9a-fA-F]{1,4}/.exec(rest);
    if (!m) return undefined;
    // An embedded IPv4 address may end the text.
    if (rest.length > m[0].length && rest[m[0].length] === '.') {
      if (ellipsis < 0 && out.length !== 12) return undefined;
      if (out.length + 4 > 16) return undefined;
      const v4 = parseIPv4Bytes(rest);
      if (!v4) return undefined;
      out.push(...v4);
      rest = '';
      break;
    }
    const n = parseInt(m[0], 16);
    out.push(n >> 8, n & 0xff);
    rest = rest.slice(m[0].length);
    if (rest === '') break;
    if (rest[0] !== ':' || rest.length === 1) return undefined;
    rest = rest.slice(1);
    if (rest[0] === ':') {
      if (ellipsis >= 0) return undefined;
      ellipsis = out.length;
      rest = rest.slice(1);
      if (rest === '') break;
    }
  }
  if (rest !== '') return undefined;
  if (out.length < 16) {
    if (ellipsis < 0) return undefined;
    const fill = 16 - out.length;
    out.splice(ellipsis, 0, ...new Array(fill).fill(0));
  } else if (ellipsis >= 0) {
    // `::` must stand for at least one group of zeros.
    return undefined;
  }
  return out;
}

/** `netip.ParseAddr`: 4 bytes for IPv4, 16 for IPv6 (with optional zone). */
export function parseAddr(s: string): { ip: IP; zone: string } | undefined {
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '.') {
      const b = parseIPv4Bytes(s);
      return b ? { ip: Uint8Array.from(b), zone: '' } : undefined;
    }
    if (c === ':') {
      const pct = s.indexOf('%');
      let zone = '';
      let addr = s;
      if (pct >= 0) {
        zone = s.slice(pct + 1);
        addr = s.slice(0, pct);
        if (zone === '') return undefined;
      }
      const b = parseIPv6Bytes(addr);
      return b ? { ip: Uint8Array.from(b), zone } : undefined;
    }
    if (c === '%') return undefined;
  }
  return undefined;
}

/** `net.ParseIP`: always 16 bytes; zones are rejected. */
export function parseIP(s: string): IP | undefined {
  const a = parseAddr(s);
  if (!a || a.zone !== '') return undefined;
  return to16(a.ip);
}

export function to16(ip: IP): IP {
  if (ip.length === 16) return ip;
  return Uint8Array.from([...V4_IN_V6_PREFIX, ...ip]);
}

/** `IP.To4`: the 4-byte form of an IPv4 or IPv4-mapped address, else undefined. */
export function to4(ip: IP): IP | undefined {
  if (ip.length === 4) return ip;
  if (ip.length === 16 && V4_IN_V6_PREFIX.every((b, i) => ip[i] === b)) return ip.slice(12);
  return undefined;
}

export function cidrMask(ones: number, bits: number): Uint8Array {
  const m = new Uint8Array(bits / 8);
  for (let i = 0; i < m.length; i++) {
    const n = Math.max(0, Math.min(8, ones - i * 8));
    m[i] = (0xff << (8 - n)) & 0xff;
  }
  return m;
}

/** `IP.Mask`. */
export function maskIP(ip: IP, mask: Uint8Array): IP | undefined {
  let m = mask;
  let x = ip;
  if (m.length === 16 && x.length === 4 && m.subarray(0, 12).every((b) => b === 0xff)) m = m.subarray(12);
  if (m.length === 4 && x.length === 16 && V4_IN_V6_PREFIX.every((b, i) => x[i] === b)) x = x.subarray(12);
  if (m.length !== x.length) return undefined;
  return x.map((b, i) => b & m[i]);
}

export class CIDRParseError {
  constructor(readonly text: string) {}
  get message(): string {
    return `invalid CIDR address: ${this.text}`;
  }
}

/** `net.ParseCIDR`: the address (16 bytes) and the masked network. */
export function parseCIDR(s: string): { ip: IP; net: IPNet } | CIDRParseError {
  const slash = s.indexOf('/');
  if (slash < 0) return new CIDRParseError(s);
  const addr = parseAddr(s.slice(0, slash));
  if (!addr || addr.zone !== '') return new CIDRParseError(s);
  const maskText = s.slice(slash + 1);
  const bits = addr.ip.length * 8;
  if (!/^[0-9]+$/.test(maskText)) return new CIDRParseError(s);
  const n = maskText.length > 4 ? Infinity : Number(maskText);
  if (n > bits) return new CIDRParseError(s);
  const mask = cidrMask(n, bits);
  const ip16 = to16(addr.ip);
  return { ip: ip16, net: { ip: maskIP(ip16, mask)!, mask } };
}

/** Go's `networkNumberAndMask`: the comparable network bytes and mask, or undefined. */
function networkNumberAndMask(n: IPNet): { ip: IP; mask: Uint8Array } | undefined {
  let ip = to4(n.ip);
  if (!ip) {
    ip = n.ip;
    if (ip.length !== 16) return undefined;
  }
  let m = n.mask;
  if (m.length === 4) {
    if (ip.length !== 4) return undefined;
  } else if (m.length === 16) {
    if (ip.length === 4) m = m.subarray(12);
  } else return undefined;
  return { ip, mask: m };
}

/** `IPNet.Contains`. */
export function netContains(n: IPNet, ip: IP): boolean {
  const nm = networkNumberAndMask(n);
  if (!nm) return false;
  const x = to4(ip) ?? ip;
  if (x.length !== nm.ip.length) return false;
  for (let i = 0; i < x.length; i++) if ((nm.ip[i] & nm.mask[i]) !== (x[i] & nm.mask[i])) return false;
  return true;
}

/** The last address of a network (all host bits set), in the network's byte length. */
export function lastAddress(n: IPNet): IP {
  const nm = networkNumberAndMask(n)!;
  return nm.ip.map((b, i) => b | (~nm.mask[i] & 0xff));
}

/** `IP.String`. */
export function ipString(ip: IP): string {
  const v4 = to4(ip);
  if (v4) return [...v4].join('.');
  if (ip.length !== 16) return '?' + [...ip].map((b) => b.toString(16).padStart(2, '0')).join('');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((ip[i] << 8) | ip[i + 1]);
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (g: number[]) => g.map((x) => x.toString(16)).join(':');
  if (bestStart < 0) return hex(groups);
  return hex(groups.slice(0, bestStart)) + '::' + hex(groups.slice(bestStart + bestLen));
}

function maskOnes(m: Uint8Array): number {
  let ones = 0;
  let done = false;
  for (const b of m) {
    for (let bit = 7; bit >= 0; bit--) {
      const set = (b >> bit) & 1;
      if (set && done) return -1;
      if (set) ones++;
      else done = true;
    }
  }
  return ones;
}

/** `IPNet.String`. */
export function netString(n: IPNet): string {
  const nm = networkNumberAndMask(n);
  if (!nm) return '<nil>';
  const ones = maskOnes(nm.mask);
  if (ones < 0) return ipString(nm.ip) + '/' + [...nm.mask].map((b) => b.toString(16).padStart(2, '0')).join('');
  return ipString(nm.ip) + '/' + ones;
}

/** Go's `IP.DefaultMask` (classful) for IPv4; undefined for IPv6. */
export function defaultMask(ip: IP): Uint8Array | undefined {
  const v4 = to4(ip);
  if (!v4) return undefined;
  return cidrMask(v4[0] < 0x80 ? 8 : v4[0] < 0xc0 ? 16 : 24, 32);
}

export function ipToBigInt(ip: IP): bigint {
  let n = 0n;
  for (const b of ip) n = (n << 8n) | BigInt(b);
  return n;
}

export function bigIntToIP(n: bigint, bytes: number): IP {
  const out = new Uint8Array(bytes);
  for (let i = bytes - 1; i >= 0; i--) {
    out[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return out;
}

/** The network range of `n` as integers with its bit width (32 or 128). */
export function netRange(n: IPNet): { first: bigint; last: bigint; bits: number } {
  const nm = networkNumberAndMask(n)!;
  const first = nm.ip.map((b, i) => b & nm.mask[i]);
  return { first: ipToBigInt(first), last: ipToBigInt(lastAddress(n)), bits: nm.ip.length * 8 };
}
