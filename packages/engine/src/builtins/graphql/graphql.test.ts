import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { graphqlBuiltins } from './graphql.js';
import { fromJS, toJSONText } from '../../value/json.js';
import type { BuiltinContext } from '../define.js';
import type { Value } from '../../value/types.js';

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

describe('graphql syntax errors as OPA prints them', () => {
  it('locates errors on later lines and after string quotes', () => {
    expect(errorOf('graphql.parse_query', '{\n  a(x: $)\n}')).toBe('Expected Name, found ) in GraphQL string at location 2:9');
    expect(errorOf('graphql.parse_schema', '\n  "d"\n  extend type A { b: Int }')).toBe('Unexpected String "d" in GraphQL string at location 2:4');
    expect(errorOf('graphql.parse_schema', 'type A {}')).toBe('expected at least one definition, found } in GraphQL string at location 1:9');
  });
  it('rejects definitions of the other document kind at their first token', () => {
    expect(errorOf('graphql.parse_query', '{ a }\ntype A { b: Int }')).toBe('Unexpected Name "type" in GraphQL string at location 2:1');
    expect(errorOf('graphql.parse_schema', 'type A { b: Int }\n{ a }')).toBe('Unexpected { in GraphQL string at location 2:1');
    // gqlparser stops at the misplaced definition before reaching the later syntax error.
    expect(errorOf('graphql.parse_query', 'type A { b: }')).toBe('Unexpected Name "type" in GraphQL string at location 1:1');
  });
  it('reports a token that does not lex as <Invalid>', () => {
    expect(errorOf('graphql.parse_query', '{ a %')).toBe('Expected Name, found <Invalid> in GraphQL string at location 1:5');
    expect(errorOf('graphql.parse_query', '{ a(x: "\\q") }')).toBe('Unexpected <Invalid> in GraphQL string at location 1:10');
  });
  it('accepts documents without definitions', () => {
    expect(call('graphql.parse_query', '  # nothing\n')).toEqual({});
    expect(call('graphql.is_valid', '', 'type Query { a: Int }')).toBe(true);
  });
});

describe('graphql field merging (OverlappingFieldsCanBeMerged)', () => {
  const schema = 'type Query { f1: String f2: String o: O o2: O } type O { x: Int y: String }';
  it('rejects one response name for different fields', () => {
    expect(call('graphql.is_valid', '{ a: f1 a: f2 }', schema)).toBe(false);
    expect(call('graphql.is_valid', '{ o { x } o: o2 { x } }', schema)).toBe(false);
    expect(call('graphql.parse_and_verify', '{ a: f1 a: f2 }', schema)).toEqual([false, {}, {}]);
    expect(errorOf('graphql.parse', '{ a: f1 a: f2 }', schema)).toBe(
      'Fields "a" conflict because f1 and f2 are different fields. Use different aliases on the fields to fetch both if this was intentional in GraphQL string at location 1:9',
    );
  });
  it('rejects conflicts in subfields and through fragments', () => {
    expect(errorOf('graphql.parse', '{ o { v: x } o { v: y } }', schema)).toBe(
      'Fields "o" conflict because subfields "v" conflict because x and y are different fields. Use different aliases on the fields to fetch both if this was intentional in GraphQL string at location 1:14',
    );
    expect(call('graphql.is_valid', '{ a: f1 ...F } fragment F on Query { a: f2 }', schema)).toBe(false);
  });
  it('accepts repeated identical fields', () => {
    expect(call('graphql.is_valid', '{ f1 f1 o { x } o { y } }', schema)).toBe(true);
  });
});

describe('graphql schemas', () => {
  it('applies extensions, and creates the types that extensions of undefined types name', () => {
    const schema = 'type Query { a: Int } extend type Query { b: String } extend type Extra { c: Int }';
    expect(call('graphql.schema_is_valid', schema)).toBe(true);
    expect(call('graphql.is_valid', '{ a b }', schema)).toBe(true);
    expect(call('graphql.is_valid', '{ c }', schema)).toBe(false);
    expect(call('graphql.is_valid', '{ a }', 'extend type Query { a: Int }')).toBe(true);
    expect(call('graphql.schema_is_valid', 'type A { a: Int } extend union A = A')).toBe(false);
  });
  it('returns extensions in the AST', () => {
    expect(toJSONText(call('graphql.parse_schema', 'extend type Q @deprecated { b: Int }')!)).toBe(
      JSON.stringify({
        Extensions: [
          {
            BuiltIn: false,
            Description: '',
            Directives: [{ Location: '', Name: 'deprecated' }],
            Fields: [{ Description: '', Name: 'b', Type: { NamedType: 'Int', NonNull: false } }],
            Kind: 'OBJECT',
            Name: 'Q',
          },
        ],
      }),
    );
  });
  it('treats the prelude as gqlparser does', () => {
    expect(errorOf('graphql.parse', '{ a }', 'scalar String type Query { a: String }')).toBe(
      'Error in gqlparser SchemaDocument to Schema conversion: input:1:8: Cannot redeclare type String.',
    );
    // User definitions of the spec directives are ignored; @defer is known.
    expect(call('graphql.is_valid', '{ a }', 'directive @skip on FIELD type Query { a: Int }')).toBe(true);
    expect(call('graphql.is_valid', '{ ... @defer { a } }', 'type Query { a: Int }')).toBe(true);
    // No query root is required of a schema, only of a query that uses it.
    expect(errorOf('graphql.parse', '{ a }', 'type A { a: Int }')).toBe('Schema does not support operation type "query"\n in GraphQL string at location 1:1');
  });
  it('keeps Go-only fields of AST objects', () => {
    const q = { Operations: [{ Operation: 'query', SelectionSet: [{ Alias: 'a', Name: 'a' }], VariableDefinitions: [{ Variable: 'v', Type: { NamedType: 'Int' }, Used: true }] }] };
    const out = call('graphql.parse_query', 'query($v: Int) { a }');
    expect(out).not.toEqual(q);
    const res = call('graphql.parse_and_verify', fromJS(q)!, 'type Query { a(x: Int): Int }') as Value[];
    expect(res[0]).toBe(false); // $v is unused
    expect(call('graphql.parse_and_verify', fromJS({ ...q, Operations: [{ ...q.Operations[0], SelectionSet: [{ Alias: 'a', Name: 'a', Arguments: [{ Name: 'x', Value: { Kind: 0, Raw: 'v' } }] }] }] })!, 'type Query { a(x: Int): Int }'))
      .toSatisfy((r: Value[]) => r[0] === true && toJSONText(r[1]).includes('"Used":true'));
  });
});

// The OPA cases whose expectations can be checked without an evaluator: `parse_query` /
// `parse_schema` of a literal compared with an `ast := {...}` literal, and expected errors.
const DIR = new URL('../../../../../../shared/conformance/opa-v1/graphql/', import.meta.url);
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
