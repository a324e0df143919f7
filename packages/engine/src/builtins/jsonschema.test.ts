import { describe, expect, it } from 'vitest';
import { jsonschemaBuiltins } from './jsonschema.js';
import type { BuiltinContext } from './define.js';
import type { Value } from '../value/types.js';

const byName = new Map(jsonschemaBuiltins.map((d) => [d.name, d]));
const call = (name: string, ...args: Value[]) => byName.get(name)!.impl(args, {} as BuiltinContext);

describe('json.verify_schema', () => {
  it('accepts valid schemas as text or values', () => {
    expect(call('json.verify_schema', '{"type": "boolean"}')).toEqual([true, null]);
    expect(call('json.verify_schema', { type: ['string', 'null'] })).toEqual([true, null]);
  });
  it('reports unknown primitive types', () => {
    expect(call('json.verify_schema', { type: 'unknown_type' })).toEqual([
      false,
      'jsonschema: has a primitive type that is NOT VALID -- given: /unknown_type/ Expected valid values are:[array boolean integer number null object string]',
    ]);
  });
});

describe('json.match_schema', () => {
  const schema = {
    properties: {
      id: { type: 'integer' },
      tags: { type: 'array', items: { type: 'string' }, minItems: 1 },
      name: { type: 'string', pattern: '^[a-z]+$', maxLength: 5 },
    },
    required: ['id'],
    additionalProperties: false,
  };
  const errs = (doc: Value) => (call('json.match_schema', doc, schema) as [boolean, Record<string, Value>[]])[1];
  it('accepts matching documents', () => {
    expect(call('json.match_schema', { id: 5, tags: ['a'], name: 'abc' }, schema)).toEqual([true, []]);
    expect(call('json.match_schema', '{"id": 5}', JSON.stringify(schema))).toEqual([true, []]);
  });
  it('reports errors in gojsonschema form', () => {
    expect(errs({ id: 'foo' })).toEqual([
      { error: 'id: Invalid type. Expected: integer, given: string', type: 'invalid_type', field: 'id', desc: 'Invalid type. Expected: integer, given: string' },
    ]);
    expect(errs({}).map((e) => [e.type, e.field])).toEqual([['required', '(root)']]);
    expect(errs({ id: 1, extra: 1 }).map((e) => e.desc)).toEqual(['Additional property extra is not allowed']);
    expect(errs({ id: 1, tags: [1] }).map((e) => e.field)).toEqual(['tags.0']);
    expect(errs({ id: 1, tags: [] }).map((e) => e.type)).toEqual(['array_min_items']);
    expect(errs({ id: 1, name: 'ABCDEFG' }).map((e) => e.type)).toEqual(['string_lte', 'pattern']);
  });
  it('fails on invalid schemas and inputs', () => {
    expect(() => call('json.match_schema', {}, { type: 'unknown' })).toThrow('has a primitive type that is NOT VALID');
    expect(() => call('json.match_schema', '{', {})).toThrow('invalid JSON string');
  });
});
