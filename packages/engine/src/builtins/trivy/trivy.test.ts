import { describe, expect, it } from 'vitest';
import { trivyBuiltins } from './trivy.js';
import { trivyResultCause } from './trivy-result.js';
import { caller, failure } from '../test-support.js';
import type { Value } from '../../value/types.js';

const call = caller(trivyBuiltins);
const fail = failure(trivyBuiltins);
const obj = (o: Record<string, unknown>) => Object.assign(Object.create(null), o) as Value;

describe('result.new (Trivy shape)', () => {
  it('takes the lines of a Dockerfile instruction and keeps the cause on the side', () => {
    const cause = obj({ Cmd: 'run', StartLine: 3, EndLine: 4, Value: ['x'] });
    const r = call('result.new', 'msg', cause) as Record<string, Value>;
    expect({ ...r }).toEqual({
      endline: 4, explicit: false, filepath: '', fskey: '', managed: true, msg: 'msg', parent: null, resource: '', sourceprefix: '', startline: 3,
    });
    expect(Object.keys(r)).toEqual([...Object.keys(r)].sort());
    expect(trivyResultCause(r)).toBe(cause);
  });

  it('reads __defsec_metadata (Path wins over filepath) and nests the parent without a message', () => {
    const cause = obj({ __defsec_metadata: obj({ startline: 7, endline: 9, filepath: 'a', Path: 'b', managed: false, parent: obj({ startline: 1, endline: 20 }) }) });
    const r = call('result.new', 'm', cause) as Record<string, Value>;
    expect(r.startline).toBe(7);
    expect(r.filepath).toBe('b');
    expect(r.managed).toBe(false);
    const parent = r.parent as Record<string, Value>;
    expect(parent.startline).toBe(1);
    expect(parent.endline).toBe(20);
    expect('msg' in parent).toBe(false);
  });

  it('gives the defaults for a scalar cause', () => {
    const r = call('result.new', 'm', 'Service') as Record<string, Value>;
    expect(r.startline).toBe(0);
    expect(r.managed).toBe(true);
    expect(trivyResultCause(r)).toBeUndefined();
  });
});

describe('isManaged', () => {
  it('is the managed flag of the metadata, true by default', () => {
    expect(call('isManaged', obj({ a: 1 }))).toBe(true);
    expect(call('isManaged', obj({ __defsec_metadata: obj({ managed: false }) }))).toBe(false);
    expect(call('isManaged', obj({ managed: false }))).toBe(false);
    expect(call('isManaged', 3)).toBe(true);
  });
});

describe('cidr', () => {
  it('counts addresses, with uint64 saturation as a big number', () => {
    expect(call('cidr.count_addresses', '10.0.0.0/8')).toBe(16777216);
    expect(call('cidr.count_addresses', '*')).toBe(18446744073709551615n);
    expect(call('cidr.count_addresses', '::/70')).toBe(2n ** 58n);
    expect(call('cidr.count_addresses', 'nope')).toBe(0);
  });
  it('judges ranges on their raw text, as Trivy does', () => {
    expect(call('cidr.is_public', '10.0.0.1-10.0.0.2')).toBe(true);
    expect(call('cidr.is_public', '10.0.0.0/8')).toBe(false);
    expect(call('cidr.is_public', '10.0.0.0/7')).toBe(true);
  });
  it('rejects non-string operands', () => {
    expect(fail('cidr.is_public', 1)).toBe('eval_type_error: operand 1 must be string but got number');
  });
});

describe('squealer.scan_string', () => {
  it('reports the first matching rule', () => {
    expect({ ...(call('squealer.scan_string', 'password=hunter2') as object) }).toEqual({ description: 'Password literal text', transgressionFound: true });
    expect({ ...(call('squealer.scan_string', 'hello') as object) }).toEqual({ description: '', transgressionFound: false });
  });
});

describe('sh.parse_commands', () => {
  it('lists calls in walk order, substitutions after their call', () => {
    expect(call('sh.parse_commands', 'RUN=1 apt-get update && echo $(id -u) | tee f')).toEqual([['apt-get', 'update'], ['echo', '$(id -u)'], ['id', '-u'], ['tee', 'f']]);
    expect(call('sh.parse_commands', '')).toEqual([]);
  });
  it('is an error for malformed scripts', () => {
    expect(fail('sh.parse_commands', 'a ||')).toBe('eval_builtin_error: parse command sequence error: 1:3: || must be followed by a statement');
  });
});
