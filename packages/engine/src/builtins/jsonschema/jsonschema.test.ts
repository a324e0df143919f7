import { describe, expect, it } from 'vitest';
import { jsonschemaBuiltins } from './jsonschema.js';
import type { BuiltinContext } from '../define.js';
import type { Value } from '../../value/types.js';

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

type Err = { error: string; type: string; field: string; desc: string };
const match = (doc: Value, schema: Value) => call('json.match_schema', doc, schema) as [boolean, Err[]];
const brief = (doc: Value, schema: Value) => match(doc, schema)[1].map((e) => `${e.type} ${e.field}: ${e.desc}`);

describe('json.match_schema format checks (gojsonschema semantics)', () => {
  const cases: [string, string[], string[]][] = [
    ['date-time', ['2024-01-02T03:04:05Z', '2024-01-02T03:04:05.123+02:00', '2024-01-02', '12:30:00'], ['2024-13-02T03:04:05Z', '2024-01-02 03:04:05', '2024-01-02T03:04:05', 'yesterday']],
    ['date', ['2024-02-29', '1999-12-31'], ['2023-02-29', '2024-1-02', '2024-01-02T00:00:00Z']],
    ['time', ['23:59:59', '08:00:00Z', '08:00:00.5-05:00'], ['24:00:00', '8:00:00', '08:00']],
    ['email', ['a@example.com', 'John Doe <john.doe@example.org>', 'x+tag@host'], ['nope', 'a@@b', '@example.com', 'a b@example.com']],
    ['hostname', ['example.com', 'a-b.c1', 'localhost'], ['-bad.com', 'a_b.com', 'x..y', 'a'.repeat(64) + '.com']],
    ['ipv4', ['192.168.0.1', '0.0.0.0', '::ffff:1.2.3.4'], ['256.1.1.1', '01.2.3.4', '1.2.3', '::1']],
    ['ipv6', ['::1', 'fe80::1', '2001:db8::ff00:42:8329'], ['1.2.3.4', ':::', 'fe80::1::2', 'g::1']],
    ['uri', ['https://example.com/a?b#c', 'mailto:someone@example.com', 'urn:isbn:0451450523'], ['/relative/path', 'http://exa mple.com', 'http://x.com:abc/', 'http://x.com/%zz', 'http:\\\\x.com']],
    ['uri-reference', ['/relative/path', '../up', 'a:b', '#frag', ''], [':x', '1a:b', 'http://x.com/%g0']],
    ['uuid', ['123e4567-e89b-12d3-a456-426614174000', '123E4567-E89B-12D3-A456-426614174000'], ['123e4567e89b12d3a456426614174000', '123e4567-e89b-12d3-a456-42661417400g']],
    ['regex', ['^a+$', '(?i)abc', ''], ['(', '(?=x)y', 'a{2,1}']],
    ['json-pointer', ['', '/a/b~0c', '/a~1b'], ['a/b', '/a~2']],
  ];
  for (const [format, valid, invalid] of cases) {
    it(`checks ${format}`, () => {
      const schema = { type: 'string', format };
      for (const s of valid) expect(match(JSON.stringify(s), schema), s).toEqual([true, []]);
      for (const s of invalid) {
        expect(match(JSON.stringify(s), schema), s).toEqual([
          false,
          [{ error: `(root): Does not match format '${format}'`, type: 'format', field: '(root)', desc: `Does not match format '${format}'` }],
        ]);
      }
    });
  }
  it('lets unknown formats and non-strings pass', () => {
    expect(match('"anything"', { format: 'no-such-format' })).toEqual([true, []]);
    expect(match('5', { format: 'email' })).toEqual([true, []]);
  });
  it('reports format before pattern, as gojsonschema orders them', () => {
    expect(brief({ when: '1999-13-01' }, { properties: { when: { format: 'date', pattern: '^2' } } })).toEqual([
      "format when: Does not match format 'date'",
      "pattern when: Does not match pattern '^2'",
    ]);
  });
});

describe('json.match_schema error objects', () => {
  const schema = {
    definitions: { port: { type: 'integer', minimum: 1, maximum: 65535 } },
    type: 'object',
    required: ['kind', 'spec'],
    properties: {
      kind: { enum: ['Pod', 'Deployment'] },
      spec: {
        type: 'object',
        properties: {
          containers: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['name'],
              additionalProperties: false,
              properties: { name: { type: 'string', maxLength: 8 }, ports: { type: 'array', items: { $ref: '#/definitions/port' } }, tag: { type: ['string', 'null'] } },
            },
          },
        },
      },
    },
  };
  it('reports nested paths and array indices with gojsonschema texts', () => {
    const doc: Value = { kind: 'Job', spec: { containers: [{ name: 'ok', ports: [80, 0, 70000] }, { name: 'far-too-long', extra: true, tag: 3 }, {}] } };
    expect(match(doc, schema)).toEqual([
      false,
      [
        { error: 'kind: kind must be one of the following: "Pod", "Deployment"', type: 'enum', field: 'kind', desc: 'kind must be one of the following: "Pod", "Deployment"' },
        { error: 'spec.containers.0.ports.1: Must be greater than or equal to 1', type: 'number_gte', field: 'spec.containers.0.ports.1', desc: 'Must be greater than or equal to 1' },
        { error: 'spec.containers.0.ports.2: Must be less than or equal to 65535', type: 'number_lte', field: 'spec.containers.0.ports.2', desc: 'Must be less than or equal to 65535' },
        { error: 'spec.containers.1: Additional property extra is not allowed', type: 'additional_property_not_allowed', field: 'spec.containers.1', desc: 'Additional property extra is not allowed' },
        { error: 'spec.containers.1.name: String length must be less than or equal to 8', type: 'string_lte', field: 'spec.containers.1.name', desc: 'String length must be less than or equal to 8' },
        { error: 'spec.containers.1.tag: Invalid type. Expected: [string,null], given: integer', type: 'invalid_type', field: 'spec.containers.1.tag', desc: 'Invalid type. Expected: [string,null], given: integer' },
        { error: 'spec.containers.2: name is required', type: 'required', field: 'spec.containers.2', desc: 'name is required' },
      ],
    ]);
  });
  it('stops at a type mismatch, as gojsonschema does', () => {
    expect(brief({ kind: 'Pod', spec: { containers: 'none' } }, schema)).toEqual(['invalid_type spec.containers: Invalid type. Expected: array, given: string']);
    expect(brief('{"kind": "Pod", "spec": []}', schema)).toEqual(['invalid_type spec: Invalid type. Expected: object, given: array']);
  });
  it('maps combinators, conditions and array keywords', () => {
    expect(brief({}, { anyOf: [{ type: 'string' }, { type: 'object', required: ['x'] }] })).toEqual([
      'number_any_of (root): Must validate at least one schema (anyOf)',
      'required (root): x is required',
    ]);
    expect(brief('5', { oneOf: [{ type: 'integer' }, { minimum: 0 }] })).toEqual(['number_one_of (root): Must validate one and only one schema (oneOf)']);
    expect(brief({ a: 1 }, { if: { required: ['a'] }, then: { required: ['b'] } })).toEqual([
      'condition_then (root): Must validate "then" as "if" was valid',
      'required (root): b is required',
    ]);
    expect(brief('[1, 2, 1, 2]', { uniqueItems: true, maxItems: 3, contains: { type: 'string' } })).toEqual([
      'array_max_items (root): Array must have at most 3 items',
      'unique (root): array items[0,2] must be unique',
      'unique (root): array items[1,3] must be unique',
      'contains (root): At least one of the items must match',
      'invalid_type 0: Invalid type. Expected: string, given: integer',
    ]);
    expect(brief('["a", 1, 2]', { items: [{ type: 'string' }], additionalItems: false })).toEqual(['array_no_additional_items (root): No additional items allowed on array']);
    expect(brief({ abc: 1 }, { propertyNames: { maxLength: 2 } })).toEqual([
      'invalid_property_name (root): Property name of "abc" does not match',
      'string_lte (root): String length must be less than or equal to 2',
    ]);
    expect(brief({ a: 1 }, { properties: { a: false } })).toEqual(['false a: False always fails validation']);
  });
  it('reads draft-04 boolean exclusive bounds', () => {
    const schema4 = { $schema: 'http://json-schema.org/draft-04/schema#', minimum: 5, exclusiveMinimum: true, const: 1 };
    expect(brief('5', schema4)).toEqual(['number_gt (root): Must be greater than 5']);
  });
  it('runs pattern and patternProperties as RE2 expressions', () => {
    expect(match('"ABC"', { pattern: '(?i)^abc$' })).toEqual([true, []]);
    const pp = { patternProperties: { '(?i)^x-': { type: 'string' } }, additionalProperties: false };
    expect(match({ 'X-a': 's', 'x-b': 't' }, pp)).toEqual([true, []]);
    // gojsonschema interleaves these per key in Go map order; here pattern matches come first.
    expect(brief({ 'X-a': 1, y: 's' }, pp)).toEqual([
      'invalid_type X-a: Invalid type. Expected: string, given: integer',
      'additional_property_not_allowed (root): Additional property y is not allowed',
    ]);
    expect(brief({ y: 's' }, pp)).toEqual(['additional_property_not_allowed (root): Additional property y is not allowed']);
  });

  it('never backtracks on patternProperties keys, and rejects keys RE2 cannot compile', () => {
    // Run by a backtracking engine, this key takes ~2^40 steps on the document's key.
    const evil = { patternProperties: { '^(a+)+$': { type: 'integer' } } };
    const key = 'a'.repeat(40) + 'b';
    expect(match({ [key]: 's', aaa: 1 }, evil)).toEqual([true, []]);
    expect(brief({ aaa: 's' }, evil)).toEqual(['invalid_type aaa: Invalid type. Expected: integer, given: string']);
    expect(() => match({}, { patternProperties: { '(?=a)': {} } })).toThrow(/Invalid regex pattern/);
  });
  it('compares integers beyond 2^53', () => {
    expect(brief({ n: 2n ** 70n }, { properties: { n: { type: 'integer', maximum: 10 } } })).toEqual(['number_lte n: Must be less than or equal to 10']);
  });
  it('gives the same answer for a cached schema', () => {
    const s = { properties: { a: { type: 'string' } } };
    for (let i = 0; i < 3; i++) expect(brief({ a: i }, s)).toEqual(['invalid_type a: Invalid type. Expected: string, given: integer']);
    expect(brief({ a: 1 }, JSON.stringify(s))).toEqual(['invalid_type a: Invalid type. Expected: string, given: integer']);
  });
});

describe('schema references', () => {
  it('never fetches: a remote or unresolvable $ref is a schema error', () => {
    const [ok, msg] = call('json.verify_schema', { $ref: 'https://example.com/schema.json' }) as [boolean, string];
    expect(ok).toBe(false);
    expect(msg).toMatch(/^jsonschema: .*remote reference https:\/\/example\.com\/schema\.json/);
    expect(() => call('json.match_schema', {}, { properties: { a: { $ref: '#/definitions/missing' } } })).toThrow('#/definitions/missing');
  });
  it('resolves local references, including through $id', () => {
    const s = { $id: 'http://example.com/root.json', definitions: { s: { type: 'string' } }, items: { $ref: '#/definitions/s' } };
    expect(call('json.verify_schema', s)).toEqual([true, null]);
    expect(brief('["a", 2]', s)).toEqual(['invalid_type 1: Invalid type. Expected: string, given: integer']);
  });
});

describe('unusual keys', () => {
  it('treats __proto__ as an ordinary property name', () => {
    const schema = '{"properties": {"__proto__": {"type": "string"}}, "required": ["__proto__"]}';
    expect(brief('{"__proto__": 1}', schema)).toEqual(['invalid_type __proto__: Invalid type. Expected: string, given: integer']);
    expect(brief('{}', schema)).toEqual(['required (root): __proto__ is required']);
  });
});
