/**
 * `net.*` builtins: CIDR tests, expansion and merging with Go's address semantics (see
 * net-ip.ts), and `net.lookup_ip_addr`, which answers IP literals and `localhost` itself and
 * touches the network only when the embedder enabled it and supplied a resolver.
 */
import { builtinError, checkBudgetAfter, operandError, platformCallOptions, type BuiltinContext, type BuiltinDecl } from '../define.js';
import { argString } from '../args.js';
import { T } from '../signature.js';
import {
  CIDRParseError,
  bigIntToIP,
  cidrMask,
  defaultMask,
  ipString,
  lastAddress,
  netContains,
  netRange,
  netString,
  parseAddr,
  parseCIDR,
  parseIP,
  to4,
  type IPNet,
} from './net-ip.js';
import { RSet, objectEntries, isObject, type Value } from '../../value/types.js';

/** Most addresses `net.cidr_expand` will list; OPA has no bound but would exhaust memory. */
export const MAX_CIDR_EXPANSION = 1 << 20;

/** OPA reads every CIDR operand as operand 1 in its type errors. */
function netOperand(v: Value): IPNet {
  if (typeof v !== 'string') throw operandError(1, v, 'string');
  const r = parseCIDR(v);
  if (r instanceof CIDRParseError) throw builtinError(r.message);
  return r.net;
}

function cidrContains(a: Value, b: Value): boolean {
  const outer = netOperand(a);
  if (typeof b !== 'string') throw operandError(1, b, 'string');
  const ip = parseIP(b);
  if (ip) return netContains(outer, ip);
  const r = parseCIDR(b);
  if (r instanceof CIDRParseError) throw builtinError(`not a valid textual representation of an IP address or CIDR: ${b}`);
  // A contains B when it contains both B's first and last addresses.
  return netContains(outer, r.net.ip) && netContains(outer, lastAddress(r.net));
}

/** The (cidr, index) pairs of a `net.cidr_contains_matches` operand. */
function matchOperand(pos: number, v: Value): [Value, Value][] {
  const cidrOf = (x: Value): Value => {
    if (typeof x === 'string') return x;
    if (Array.isArray(x) && x.length > 0) return x[0];
    throw builtinError(`operand ${pos}: element must be string or non-empty array`);
  };
  if (typeof v === 'string') return [[v, v]];
  if (Array.isArray(v)) return v.map((x, i) => [cidrOf(x), i]);
  if (v instanceof RSet) return v.sorted().map((x) => [cidrOf(x), x]);
  if (isObject(v)) return objectEntries(v).map(([k, x]) => [cidrOf(x), k]);
  return [];
}

function networkOf(e: Value): IPNet {
  if (typeof e !== 'string') throw builtinError('element must be string');
  const ip = parseIP(e);
  if (!ip) {
    const r = parseCIDR(e);
    if (r instanceof CIDRParseError) throw builtinError(r.message);
    return r.net;
  }
  const mask = defaultMask(ip);
  if (!mask) throw builtinError('IPv6 invalid: needs prefix length');
  return { ip, mask };
}

/** The fewest CIDR blocks exactly covering [first, last]. */
function rangeToCIDRs(first: bigint, last: bigint, bits: number): string[] {
  const out: string[] = [];
  let start = first;
  while (start <= last) {
    let size = 0;
    while (size < bits && (start & ((1n << BigInt(size + 1)) - 1n)) === 0n && start + (1n << BigInt(size + 1)) - 1n <= last) size++;
    out.push(netString({ ip: bigIntToIP(start, bits / 8), mask: cidrMask(bits - size, bits) }));
    start += 1n << BigInt(size);
  }
  return out;
}

/**
 * A bare IPv4 address stands for its classful network (Go's `IP.DefaultMask`) but, like OPA's
 * `net.IPNet{IP: ip, Mask: ip.DefaultMask()}`, keeps its own address: when its range merges with
 * nothing it is printed unmasked (`192.168.1.1` → `192.168.1.1/24`).
 */
function bareAddressText(e: Value): string | undefined {
  if (typeof e !== 'string') return undefined;
  const ip = parseIP(e);
  const v4 = ip && to4(ip);
  if (!v4) return undefined;
  const ones = v4[0] < 0x80 ? 8 : v4[0] < 0xc0 ? 16 : 24;
  return `${ipString(v4)}/${ones}`;
}

function cidrMerge(items: Value[]): RSet {
  type Range = { first: bigint; last: bigint; text: string | undefined; merged: boolean };
  const byFamily = new Map<number, Range[]>();
  for (const e of items) {
    const r = netRange(networkOf(e));
    const list = byFamily.get(r.bits) ?? [];
    list.push({ first: r.first, last: r.last, text: bareAddressText(e), merged: false });
    byFamily.set(r.bits, list);
  }
  const out = new RSet();
  for (const [bits, ranges] of byFamily) {
    ranges.sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
    let cur = { ...ranges[0] };
    const flush = () => {
      if (!cur.merged && cur.text !== undefined) out.add(cur.text);
      else rangeToCIDRs(cur.first, cur.last, bits).forEach((c) => out.add(c));
    };
    for (const r of ranges.slice(1)) {
      if (r.first <= cur.last + 1n) {
        if (r.last > cur.last) cur.last = r.last;
        cur.merged = true;
      } else {
        flush();
        cur = { ...r };
      }
    }
    flush();
  }
  return out;
}

function cidrExpand(s: string): RSet {
  const r = parseCIDR(s);
  if (r instanceof CIDRParseError) throw builtinError(r.message);
  const { first, last, bits } = netRange(r.net);
  if (last - first + 1n > BigInt(MAX_CIDR_EXPANSION)) {
    throw builtinError(`CIDR ${s} has more than ${MAX_CIDR_EXPANSION} addresses to expand`);
  }
  const out = new RSet();
  for (let n = first; n <= last; n++) out.add(ipString(bigIntToIP(n, bits / 8)));
  return out;
}

function lookupIPAddr(name: string, ctx: BuiltinContext): RSet {
  const literal = parseAddr(name);
  if (literal) {
    const ip = to4(literal.ip) ?? literal.ip;
    return new RSet([ipString(ip) + (literal.zone ? '%' + literal.zone : '')]);
  }
  const cacheKey = `net.lookup_ip_addr\u0000${name}`;
  const cached = ctx.queryCache.get(cacheKey);
  if (cached instanceof RSet) return cached;
  let addrs: string[] | undefined;
  if (ctx.capabilities.network && ctx.platform.lookupIP) {
    addrs = ctx.platform.lookupIP(name, platformCallOptions(ctx, 'net.lookup_ip_addr'));
    checkBudgetAfter(ctx, 'net.lookup_ip_addr');
  }
  else if (/^localhost\.?$/i.test(name)) addrs = ['127.0.0.1', '::1'];
  else if (!ctx.capabilities.network) throw builtinError(`unallowed host: ${name} (network access is disabled)`);
  if (!addrs || addrs.length === 0) throw builtinError(`lookup ${name}: no such host`);
  const out = new RSet(addrs.map((a) => {
    const p = parseAddr(a);
    return p ? ipString(to4(p.ip) ?? p.ip) + (p.zone ? '%' + p.zone : '') : a;
  }));
  ctx.queryCache.set(cacheKey, out);
  return out;
}

const cidrParam = (name: string, description: string) => ({ name, type: T.string, description });
const containsParams = [cidrParam('cidr', 'CIDR to check against'), cidrParam('cidr_or_ip', 'CIDR or IP address to check')];
const matchSide = T.union(T.string, T.array(T.union(T.string, T.array(T.any))), T.set(T.union(T.string, T.array(T.any))), T.object(T.string, T.union(T.string, T.array(T.any))));

export const netBuiltins: BuiltinDecl[] = [
  {
    name: 'net.cidr_contains',
    params: containsParams,
    result: T.boolean,
    category: 'net',
    description: 'Reports whether a CIDR contains another CIDR or an IP address.',
    impl: (args) => cidrContains(args[0], args[1]),
  },
  {
    name: 'net.cidr_overlap',
    params: containsParams,
    result: T.boolean,
    category: 'net',
    description: 'Deprecated name of `net.cidr_contains`.',
    deprecated: true,
    impl: (args) => cidrContains(args[0], args[1]),
  },
  {
    name: 'net.cidr_intersects',
    params: [cidrParam('cidr1', 'first CIDR'), cidrParam('cidr2', 'second CIDR')],
    result: T.boolean,
    category: 'net',
    description: 'Reports whether two CIDRs share at least one address.',
    impl: (args) => {
      const a = netOperand(args[0]);
      const b = netOperand(args[1]);
      return netContains(a, b.ip) || netContains(b, a.ip);
    },
  },
  {
    name: 'net.cidr_contains_matches',
    params: [
      { name: 'cidrs', type: matchSide, description: 'CIDRs: a string, or a collection of strings or [cidr, …] tuples' },
      { name: 'cidrs_or_ips', type: matchSide, description: 'CIDRs or IPs, in the same forms' },
    ],
    result: T.set(T.array(T.any)),
    category: 'net',
    description: 'Lists the [key of the first operand, key of the second] pairs where the first CIDR contains the second CIDR or IP.',
    impl: (args) => {
      const out = new RSet();
      const left = matchOperand(1, args[0]);
      const right = matchOperand(2, args[1]);
      for (const [c1, i1] of left) for (const [c2, i2] of right) if (cidrContains(c1, c2)) out.add([i1, i2]);
      return out;
    },
  },
  {
    name: 'net.cidr_expand',
    params: [cidrParam('cidr', 'CIDR to expand')],
    result: T.set(T.string),
    category: 'net',
    description: 'Lists every address of a CIDR, network and broadcast addresses included.',
    impl: (args) => cidrExpand(argString(args, 0)),
  },
  {
    name: 'net.cidr_merge',
    params: [{ name: 'addrs', type: T.union(T.array(T.string), T.set(T.string)), description: 'CIDRs or IPv4 addresses' }],
    result: T.set(T.string),
    category: 'net',
    description: 'Merges addresses and CIDRs into the smallest set of CIDRs covering exactly the same addresses.',
    impl: (args) => {
      const v = args[0];
      if (Array.isArray(v)) return cidrMerge(v);
      if (v instanceof RSet) return cidrMerge(v.sorted());
      throw builtinError('operand must be an array');
    },
  },
  {
    name: 'net.cidr_is_valid',
    params: [cidrParam('cidr', 'text to check')],
    result: T.boolean,
    category: 'net',
    description: 'Reports whether a string is a valid CIDR.',
    impl: (args) => typeof args[0] === 'string' && !(parseCIDR(args[0]) instanceof CIDRParseError),
  },
  {
    name: 'net.lookup_ip_addr',
    params: [cidrParam('name', 'domain name or IP address')],
    result: T.set(T.string),
    category: 'net',
    description: 'Resolves a name to its IP addresses (IP literals and localhost offline; other names only with network access).',
    nondeterministic: true,
    impl: (args, ctx) => lookupIPAddr(argString(args, 0), ctx),
  },
];
