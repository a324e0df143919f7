import { describe, expect, it } from 'vitest';
import type { BuiltinContext } from '../define.js';
import { netBuiltins } from './net.js';
import { ipString, parseAddr, parseCIDR, CIDRParseError } from './net-ip.js';
import { RSet, type Value } from '../../value/types.js';
import { toJSONValue } from '../../value/json.js';
import { PalisadeError } from '../../errors.js';

function makeCtx(network = false, lookupIP?: (h: string) => string[] | undefined): BuiltinContext {
  return {
    nowNs: 0n,
    capabilities: { network, env: null },
    platform: { lookupIP },
    queryCache: new Map(),
    print: () => {},
    host: {} as BuiltinContext['host'],
  };
}

function call(name: string, args: Value[], ctx = makeCtx()): Value | undefined {
  const decl = netBuiltins.find((b) => b.name === name)!;
  return decl.impl(args, ctx);
}

const json = (v: Value | undefined) => toJSONValue(v as Value);

function failure(name: string, args: Value[], ctx = makeCtx()): { code: string; message: string } {
  try {
    call(name, args, ctx);
  } catch (e) {
    if (e instanceof PalisadeError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error(`${name} did not fail`);
}

describe('address parsing', () => {
  it('follows netip rules', () => {
    expect(parseAddr('010.0.0.1')).toBeUndefined();
    expect(parseAddr('1.2.3')).toBeUndefined();
    expect(parseAddr('1:2:3:4:5:6:7::')?.ip.length).toBe(16);
    expect(parseAddr('1:2:3:4:5:6:7:8::')).toBeUndefined();
    expect(parseAddr('::ffff:1.2.3.4')?.ip.length).toBe(16);
    expect(parseAddr('12345::')).toBeUndefined();
    expect(parseAddr('fe80::1%eth0')?.zone).toBe('eth0');
  });

  it('prints canonical text', () => {
    expect(ipString(parseAddr('2001:0db8:0000:0000:0000:0000:0000:0001')!.ip)).toBe('2001:db8::1');
    expect(ipString(parseAddr('1:0:0:2:0:0:0:3')!.ip)).toBe('1:0:0:2::3');
    expect(ipString(parseAddr('1:0:2:3:4:5:6:7')!.ip)).toBe('1:0:2:3:4:5:6:7');
    expect(ipString(parseAddr('::ffff:1.2.3.4')!.ip)).toBe('1.2.3.4');
  });

  it('parses CIDRs as net.ParseCIDR', () => {
    expect((parseCIDR('192.168.1.1/33') as CIDRParseError).message).toBe('invalid CIDR address: 192.168.1.1/33');
    expect(parseCIDR('10.0.0.0/')).toBeInstanceOf(CIDRParseError);
    expect(parseCIDR('10.0.0.0')).toBeInstanceOf(CIDRParseError);
    expect(parseCIDR('fe80::1%eth0/64')).toBeInstanceOf(CIDRParseError);
  });
});

describe('net.cidr_contains / intersects', () => {
  it('contains IPs and subnets, IPv4 and IPv6', () => {
    expect(call('net.cidr_contains', ['10.0.0.0/8', '10.1.0.0/24'])).toBe(true);
    expect(call('net.cidr_contains', ['172.17.0.0/24', '172.17.0.0/16'])).toBe(false);
    expect(call('net.cidr_contains', ['10.0.0.0/8', '10.1.2.3'])).toBe(true);
    expect(call('net.cidr_contains', ['10.0.0.0/8', '::ffff:10.1.2.3'])).toBe(true);
    expect(call('net.cidr_contains', ['2001:4860:4860::8888/32', '2001:4860:4860:1234::8888/40'])).toBe(true);
    expect(call('net.cidr_contains', ['2001:4860::/96', '2001:4860::/32'])).toBe(false);
    expect(call('net.cidr_overlap', ['10.0.0.0/8', '192.168.1.1'])).toBe(false);
  });

  it('reports malformed operands', () => {
    expect(failure('net.cidr_contains', ['not-a-cidr', '1.2.3.4'])).toEqual({ code: 'eval_builtin_error', message: 'invalid CIDR address: not-a-cidr' });
    expect(failure('net.cidr_contains', ['10.0.0.0/8', 'nope']).message).toBe('not a valid textual representation of an IP address or CIDR: nope');
    expect(failure('net.cidr_contains', ['10.0.0.0/8', 1])).toEqual({ code: 'eval_type_error', message: 'operand 1 must be string but got number' });
  });

  it('intersects', () => {
    expect(call('net.cidr_intersects', ['192.168.1.0/25', '192.168.1.64/25'])).toBe(true);
    expect(call('net.cidr_intersects', ['192.168.1.0/24', '192.168.2.0/24'])).toBe(false);
    expect(call('net.cidr_intersects', ['fd1e:5bfe:8af3:9ddc::/64', 'fd1e:5bfe:8af3:9ddc:1111::/72'])).toBe(true);
  });
});

describe('net.cidr_contains_matches', () => {
  it('pairs keys of matching entries', () => {
    expect(json(call('net.cidr_contains_matches', ['1.1.1.0/24', '1.1.1.1']))).toEqual([['1.1.1.0/24', '1.1.1.1']]);
    expect(json(call('net.cidr_contains_matches', [[['1.1.2.0/24', 1], '1.1.1.0/24'], ['1.1.1.1', '1.1.2.1']]))).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(json(call('net.cidr_contains_matches', [{ k1: '1.1.1.1/24', k2: ['1.1.1.2/24', 1] }, '1.1.1.128']))).toEqual([
      ['k1', '1.1.1.128'],
      ['k2', '1.1.1.128'],
    ]);
    expect(json(call('net.cidr_contains_matches', [new RSet([['1.1.1.0/24', 'bar']]), new RSet([['1.1.1.1', 'baz']])]))).toEqual([
      [
        ['1.1.1.0/24', 'bar'],
        ['1.1.1.1', 'baz'],
      ],
    ]);
  });

  it('rejects bad elements with the operand position', () => {
    expect(failure('net.cidr_contains_matches', [['1.1.1.0/24'], ['1.1.1.1', 1]])).toEqual({
      code: 'eval_builtin_error',
      message: 'operand 2: element must be string or non-empty array',
    });
    expect(failure('net.cidr_contains_matches', [new RSet([[]]), '1.1.1.1']).message).toBe('operand 1: element must be string or non-empty array');
  });
});

describe('net.cidr_expand / merge / is_valid', () => {
  it('expands including network and broadcast addresses', () => {
    expect(json(call('net.cidr_expand', ['192.168.1.1/30']))).toEqual(['192.168.1.0', '192.168.1.1', '192.168.1.2', '192.168.1.3']);
    expect(json(call('net.cidr_expand', ['192.168.1.1/32']))).toEqual(['192.168.1.1']);
    expect(json(call('net.cidr_expand', ['2001:db8::/127']))).toEqual(['2001:db8::', '2001:db8::1']);
    expect(failure('net.cidr_expand', ['192.168.1.1/33']).message).toBe('invalid CIDR address: 192.168.1.1/33');
    expect(failure('net.cidr_expand', ['10.0.0.0/8']).message).toMatch(/more than/);
  });

  it('merges into the fewest covering CIDRs', () => {
    const merge = (xs: Value[]) => json(call('net.cidr_merge', [xs]));
    expect(merge(['192.0.128.0/24', '192.0.129.0/24'])).toEqual(['192.0.128.0/23']);
    expect(merge(['192.0.2.112/31', '192.0.2.116/31', '192.0.2.118/31'])).toEqual(['192.0.2.112/31', '192.0.2.116/30']);
    expect(merge(['192.0.2.112', '192.0.2.116/31'])).toEqual(['192.0.2.0/24']);
    expect(merge(['::/0', 'fe80::1/128', '10.0.0.0/8'])).toEqual(['10.0.0.0/8', '::/0']);
    expect(merge(['2601:600:8a80:207e:a57d:7567:e2c9:e7b3/64'])).toEqual(['2601:600:8a80:207e::/64']);
    expect(merge([])).toEqual([]);
    // A bare address keeps its own IP with its classful mask unless its range merged (OPA, via Go's IPNet).
    expect(merge(['192.168.1.1'])).toEqual(['192.168.1.1/24']);
    expect(merge(['1.2.3.4/24', '10.1.1.1'])).toEqual(['1.2.3.0/24', '10.1.1.1/8']);
    expect(merge(['::ffff:1.2.3.4'])).toEqual(['1.2.3.4/8']);
    expect(merge(['192.168.1.1', '192.168.2.1'])).toEqual(['192.168.1.0/24', '192.168.2.0/24']);
    expect(merge(['10.1.2.3', '10.1.2.3'])).toEqual(['10.0.0.0/8']);
    expect(failure('net.cidr_merge', [['2601:600::1']]).message).toBe('IPv6 invalid: needs prefix length');
    expect(failure('net.cidr_merge', [['foo']]).message).toBe('invalid CIDR address: foo');
    expect(failure('net.cidr_merge', [[1]]).message).toBe('element must be string');
  });

  it('validates CIDRs', () => {
    expect(call('net.cidr_is_valid', ['192.168.1.0/24'])).toBe(true);
    expect(call('net.cidr_is_valid', ['2002::1234:abcd:ffff:c0a8:101/64'])).toBe(true);
    expect(call('net.cidr_is_valid', ['192.168.1.2'])).toBe(false);
    expect(call('net.cidr_is_valid', [''])).toBe(false);
    expect(call('net.cidr_is_valid', [1])).toBe(false);
  });
});

describe('net.lookup_ip_addr', () => {
  it('answers literals and localhost without the network', () => {
    expect(json(call('net.lookup_ip_addr', ['10.0.0.0']))).toEqual(['10.0.0.0']);
    expect(json(call('net.lookup_ip_addr', ['::']))).toEqual(['::']);
    expect(json(call('net.lookup_ip_addr', ['localhost']))).toEqual(['127.0.0.1', '::1']);
    expect(failure('net.lookup_ip_addr', ['example.com']).code).toBe('eval_builtin_error');
  });

  it('uses the platform resolver only when network access is enabled', () => {
    const seen: string[] = [];
    const lookup = (h: string) => {
      seen.push(h);
      return h === 'example.com' ? ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'] : undefined;
    };
    const off = makeCtx(false, lookup);
    expect(failure('net.lookup_ip_addr', ['example.com'], off).message).toMatch(/unallowed host/);
    expect(seen).toEqual([]);
    const on = makeCtx(true, lookup);
    expect(json(call('net.lookup_ip_addr', ['example.com'], on))).toEqual(['2606:2800:220:1:248:1893:25c8:1946', '93.184.216.34']);
    call('net.lookup_ip_addr', ['example.com'], on);
    expect(seen).toEqual(['example.com']);
    expect(failure('net.lookup_ip_addr', ['nx.invalid'], on).message).toBe('lookup nx.invalid: no such host');
  });
});
