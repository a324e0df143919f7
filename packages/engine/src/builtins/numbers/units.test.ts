import { describe, expect, it } from 'vitest';

import { caller, failure } from '../test-support.js';
import { unitsBuiltins } from './units.js';

const call = caller(unitsBuiltins);
const fails = failure(unitsBuiltins);

describe('units.parse', () => {
  it('applies SI and binary suffixes exactly', () => {
    expect(call('units.parse', '500m')).toBe(0.5);
    expect(call('units.parse', '0.0005K')).toBe(0.5);
    expect(call('units.parse', '0.0000005M')).toBe(0.5);
    expect(call('units.parse', '1.1Ki')).toBe(1126.4);
    expect(call('units.parse', '10KI')).toBe(10240);
    expect(call('units.parse', '200M')).toBe(200000000);
    expect(call('units.parse', '10e')).toBe(10000000000000000000n);
    expect(call('units.parse', '10Ei')).toBe(11529215046068469760n);
    expect(call('units.parse', '2.5e3K')).toBe(2500000);
    expect(call('units.parse', '"100TI"')).toBe(109951162777600);
    expect(call('units.parse', '.0')).toBe(0);
  });
  it('reports OPA errors', () => {
    expect(fails('units.parse', '')).toBe('eval_builtin_error: no amount provided');
    expect(fails('units.parse', 'G')).toBe('eval_builtin_error: no amount provided');
    expect(fails('units.parse', '0.0.0')).toBe('eval_builtin_error: could not parse amount to a number');
    expect(fails('units.parse', ' 327Mi ')).toBe('eval_builtin_error: spaces not allowed in resource strings');
    expect(fails('units.parse', '10e10000000Ei')).toBe('eval_builtin_error: exponent too large');
    expect(fails('units.parse', '5mb')).toBe('eval_builtin_error: unit mb not recognized');
  });
});

describe('units.parse_bytes', () => {
  it('returns whole bytes after 64-bit float arithmetic', () => {
    expect(call('units.parse_bytes', '1.1KiB')).toBe(1126);
    expect(call('units.parse_bytes', '1.1KB')).toBe(1100);
    expect(call('units.parse_bytes', '10Kib')).toBe(10240);
    expect(call('units.parse_bytes', '100m')).toBe(100000000);
    expect(call('units.parse_bytes', '10eib')).toBe(11529215046068469760n);
    expect(call('units.parse_bytes', '1e-2KB')).toBe(10);
    expect(call('units.parse_bytes', '3.2E2MiB')).toBe(335544320);
    expect(call('units.parse_bytes', '5E')).toBe(5000000000000000000n);
    expect(call('units.parse_bytes', '"100TIB"')).toBe(109951162777600);
    // More than 64 significant bits are rounded, as big.Float does.
    expect(call('units.parse_bytes', '18446744073709551617')).toBe(18446744073709551616n);
  });
  it('reports OPA errors', () => {
    expect(fails('units.parse_bytes', 'GB')).toBe('eval_builtin_error: no byte amount provided');
    expect(fails('units.parse_bytes', '.5.2')).toBe('eval_builtin_error: could not parse byte amount to a number');
    expect(fails('units.parse_bytes', '100 kb')).toBe('eval_builtin_error: spaces not allowed in resource strings');
    expect(fails('units.parse_bytes', '10e10000000EiB')).toBe('eval_builtin_error: exponent too large');
    expect(fails('units.parse_bytes', '4xb')).toBe('eval_builtin_error: byte unit xb not recognized');
  });
});
