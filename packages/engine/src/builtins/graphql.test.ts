import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { graphqlBuiltins } from './graphql.js';
import { toJSONText } from '../value/json.js';
import type { BuiltinContext } from './define.js';
import type { Value } from '../value/types.js';

const ctx = {} as BuiltinContext;
const byName = new Map(graphqlBuiltins.map((d) => [d.name, d]));
function call(name: string, ...args: Value[]): Value | undefined {
  return byName.get(name)!.impl(args, ctx);
}
function errorOf(name: string, ...args: Value[]): string {
  try {
    call(name, ...args);
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}

describe('graphql.parse_query', () => {
  it('returns the pruned gqlparser AST', () => {
    expect(toJSONText(call('graphql.parse_query', 'query Q($a: [Int!]) { x: f(v: $a, w: ENUM) @skip(if: true) { ... on T { g } ...F } }')!)).toBe(
      JSON.stringify({
        Operations: [
          {
            Name: 'Q',
            Operation: 'query',
            SelectionSet: [
              {
                Alias: 'x',
                Arguments: [
                  { Name: 'v', Value: { ExpectedTypeHasDefault: false, Kind: 0, Raw: 'a' } },
                  { Name: 'w', Value: { ExpectedTypeHasDefault: false, Kind: 7, Raw: 'ENUM' } },
                ],
                Directives: [
                  { Arguments: [{ Name: 'if', Value: { ExpectedTypeHasDefault: false, Kind: 5, Raw: 'true' } }], Location: '', Name: 'skip' },
                ],
                Name: 'f',
                SelectionSet: [{ SelectionSet: [{ Alias: 'g', Name: 'g' }], TypeCondition: 'T' }, { Name: 'F' }],
              },
            ],
            VariableDefinitions: [
              { Type: { Elem: { NamedType: 'Int', NonNull: true }, NamedType: '', NonNull: false }, Used: false, Variable: 'a' },
            ],
          },
        ],
      }),
    );
  });

  it('reports syntax errors with gqlparser texts and positions', () => {
    expect(errorOf('graphql.parse_query', '{')).toBe('Expected Name, found <EOF> in GraphQL string at location 1:2');
    expect(errorOf('graphql.parse_query', '{ a(x: "abc')).toBe('Unexpected <Invalid> in GraphQL string at location 1:12');
    expect(errorOf('graphql.parse_query', 'fragment X Type')).toBe('Expected "on", found Name "Type" in GraphQL string at location 1:12');
    expect(errorOf('graphql.parse_query', 1)).toBe('operand 1 must be string but got number');
  });

  it('dedents block strings', () => {
    const ast = call('graphql.parse_query', '{ f(s: """\n    a\n      b\n  """) }');
    expect(toJSONText(ast!)).toContain('"Raw":"a\\n  b"');
  });
});

describe('graphql validation', () => {
  const schema = 'type Query { a(x: Int!): String b: B } type B { c: [String] } enum E { X }';
  it('accepts valid queries and rejects invalid ones', () => {
    expect(call('graphql.is_valid', '{ a(x: 1) b { c } }', schema)).toBe(true);
    expect(call('graphql.is_valid', '{ a }', schema)).toBe(false);
    expect(call('graphql.is_valid', '{ a(x: "s") }', schema)).toBe(false);
    expect(call('graphql.is_valid', '{ b }', schema)).toBe(false);
    expect(call('graphql.is_valid', '{ zz }', schema)).toBe(false);
    expect(call('graphql.is_valid', 'query($v: Int!) { a(x: $v) }', schema)).toBe(true);
    expect(call('graphql.is_valid', 'query($v: Int) { a(x: $v) }', schema)).toBe(false);
    expect(call('graphql.is_valid', 'query($v: Int!) { a(x: 1) }', schema)).toBe(false);
    expect(call('graphql.is_valid', '{ ...F } fragment F on Query { b { c } }', schema)).toBe(true);
    expect(call('graphql.is_valid', '{ ...G }', schema)).toBe(false);
  });
  it('formats validation errors like OPA', () => {
    expect(errorOf('graphql.parse', '{\n  zz\n}', schema)).toBe('Cannot query field "zz" on type "Query" in GraphQL string at location 2:3');
  });
  it('reports schema problems', () => {
    expect(call('graphql.schema_is_valid', 'type A { b: Missing }')).toBe(false);
    expect(call('graphql.schema_is_valid', 'type A { b: String }')).toBe(true);
    expect(errorOf('graphql.parse', '{ a }', 'type A { b: Missing }')).toBe(
      'Error in gqlparser SchemaDocument to Schema conversion: input:1:13: Undefined type Missing.',
    );
    expect(call('graphql.schema_is_valid', 42)).toBe(false);
  });
  it('round-trips AST objects', () => {
    const q = call('graphql.parse_query', '{ a(x: 1) }')!;
    const s = call('graphql.parse_schema', schema)!;
    expect(call('graphql.parse_and_verify', q, s)).toEqual([true, q, s]);
  });
});

// The OPA cases whose expectations can be checked without an evaluator: `parse_query` /
// `parse_schema` of a literal compared with an `ast := {...}` literal, and expected errors.
const DIR = new URL('../../../../../shared/conformance/opa-v1/graphql/', import.meta.url);
const haveCases = existsSync(DIR);
if (!haveCases) console.warn('graphql conformance cases not found; skipping case-driven tests');

interface Case {
  note: string;
  modules: string[];
  want_error?: string;
}

function caseFiles(): Case[] {
  const out: Case[] = [];
  for (const f of ['test-graphql-parse-query.yaml', 'test-graphql-parse-schema.yaml', 'test-graphql-basic-ast.yaml']) {
    out.push(...(parseYaml(readFileSync(new URL(f, DIR), 'utf8')) as { cases: Case[] }).cases);
  }
  return out;
}

describe.skipIf(!haveCases)('graphql OPA parse cases', () => {
  const cases = haveCases ? caseFiles() : [];
  for (const c of cases) {
    const mod = c.modules[0];
    const src = /gql := (`[^`]*`|"(?:[^"\\]|\\.)*")/.exec(mod) ?? /graphql\.parse_(?:query|schema)\((`[^`]*`)\)/.exec(mod);
    const fn = /graphql\.(parse_query|parse_schema)\(/.exec(mod)?.[1];
    const astText = /\bast := (\{[\s\S]*?)\n\s*\n/.exec(mod)?.[1];
    if (!src || !fn || (!c.want_error && !astText)) continue;
    const text = src[1].startsWith('`') ? src[1].slice(1, -1) : (JSON.parse(src[1]) as string);
    it(c.note, () => {
      if (c.want_error) {
        expect(`graphql.${fn}: ${errorOf(`graphql.${fn}`, text)}`).toContain(c.want_error);
        return;
      }
      const expected = JSON.parse(astText!.replace(/,(\s*[}\]])/g, '$1')) as Value;
      expect(toJSONText(call(`graphql.${fn}`, text)!)).toBe(toJSONText(expected));
    });
  }
});
