import { describe, expect, it } from 'vitest';
import type { BuiltinContext } from '../define.js';

import { caller } from '../test-support.js';
import { uuidBuiltins } from './uuid.js';
import { toJSONText } from '../../value/json.js';

const call = caller(uuidBuiltins);

describe('uuid.rfc4122', () => {
  it('gives a v4 UUID, the same per key within a query', () => {
    const a = call('uuid.rfc4122', 'key') as string;
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(call('uuid.rfc4122', 'key')).toBe(a);
    expect(call('uuid.rfc4122', 'other')).not.toBe(a);
    const fresh = { queryCache: new Map() } as unknown as BuiltinContext;
    expect(uuidBuiltins[0].impl(['key'], fresh)).not.toBe(a);
  });
});

describe('uuid.parse', () => {
  const parse = (s: string) => {
    const v = call('uuid.parse', s);
    return v === undefined ? 'undefined' : toJSONText(v);
  };
  it('decodes version, variant and v1/v2 fields', () => {
    const v2 =
      '{"clocksequence":12800,"domain":"Person","id":1000,"macvariables":"local:unicast","nodeid":"32-50-96-b3-9f-47","time":1693566990121469600,"variant":"RFC4122","version":2}';
    expect(parse('000003e8-48b9-21ee-b200-325096b39f47')).toBe(v2);
    expect(parse('urn:uuid:000003e8-48b9-21ee-b200-325096b39f47')).toBe(v2);
    expect(parse('{00000000-0000-4000-8000-000000000000}')).toBe('{"variant":"RFC4122","version":4}');
    expect(parse('6bea8ef2d3d33cd184e09bab06a52ece')).toBe('{"variant":"RFC4122","version":3}');
    expect(parse('00000000-0000-1000-c000-000000000000')).toContain('"variant":"Microsoft"');
  });
  it('is undefined for malformed text', () => {
    expect(parse('123')).toBe('undefined');
    expect(parse('00000000-0000-4000-8000-00000000000g')).toBe('undefined');
    expect(parse('00000000_0000-4000-8000-000000000000')).toBe('undefined');
  });
});
