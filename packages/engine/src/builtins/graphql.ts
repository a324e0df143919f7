/**
 * `graphql.*` builtins. Documents are exchanged as the JSON of gqlparser's Go structs (pruned of
 * positions, nulls and empty collections), which is what OPA returns and accepts.
 */
import { builtinError, operandError, type BuiltinDecl } from './define.js';
import { argString } from './args.js';
import { T } from './signature.js';
import { isObject, type Value } from '../value/types.js';
import { GraphQLSyntaxError } from './graphql-lexer.js';
import { parseQueryDocument } from './graphql-parser.js';
import { parseSchemaDocument } from './graphql-sdl.js';
import { astToValue, queryDocumentFrom, schemaDocumentFrom, type GQueryDocument, type GSchemaDocument } from './graphql-ast.js';
import { SchemaError, buildSchema, type Schema } from './graphql-schema.js';
import { validateQueryDocument } from './graphql-validate.js';

/** A failure with OPA's message text (the builtin name is prefixed by the evaluator). */
class GraphQLFailure {
  constructor(readonly message: string) {}
}

function syntaxFailure(e: unknown): never {
  if (e instanceof GraphQLSyntaxError) {
    throw new GraphQLFailure(`${e.message} in GraphQL string at location ${e.pos.line}:${e.pos.column}`);
  }
  throw e;
}

function parseQueryText(text: string): GQueryDocument {
  try {
    return parseQueryDocument(text);
  } catch (e) {
    syntaxFailure(e);
  }
}

function parseSchemaText(text: string): GSchemaDocument {
  try {
    return parseSchemaDocument(text);
  } catch (e) {
    syntaxFailure(e);
  }
}

/** Operand positions are 0-based in these messages, as in OPA. */
function queryOperand(v: Value): GQueryDocument {
  if (typeof v === 'string') return parseQueryText(v);
  if (isObject(v)) return queryDocumentFrom(v);
  throw operandError(0, v, 'string', 'object');
}

function schemaOperand(v: Value): GSchemaDocument {
  if (typeof v === 'string') return parseSchemaText(v);
  if (isObject(v)) return schemaDocumentFrom(v);
  throw operandError(1, v, 'string', 'object');
}

function gqlErrorText(message: string, pos: { line: number; column: number } | undefined): string {
  return pos ? `input:${pos.line}:${pos.column}: ${message}` : `input: ${message}`;
}

function convertSchema(doc: GSchemaDocument): Schema {
  try {
    return buildSchema(doc);
  } catch (e) {
    if (e instanceof SchemaError) {
      throw new GraphQLFailure(`Error in gqlparser SchemaDocument to Schema conversion: ${gqlErrorText(e.message, e.pos)}`);
    }
    throw e;
  }
}

/** OPA keeps the list's text after the first error's location and trims the final ".\n". */
function validate(schema: Schema, doc: GQueryDocument): void {
  const errors = validateQueryDocument(schema, doc);
  if (errors.length === 0) return;
  const first = errors[0];
  const all = errors.map((e) => gqlErrorText(e.message, e.pos) + '\n').join('');
  if (!first.pos) throw new GraphQLFailure(all.replace(/^input: /, '').replace(/\.\n$/, '').replace(/\n$/, ''));
  const rest = all.split(':').slice(3).join(':').replace(/^ +/, '');
  const msg = rest.endsWith('.\n') ? rest.slice(0, -2) : rest;
  throw new GraphQLFailure(`${msg} in GraphQL string at location ${first.pos.line}:${first.pos.column}`);
}

/** Runs `f`, turning GraphQL failures into builtin errors. */
function guarded<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof GraphQLFailure) throw builtinError(e.message);
    throw e;
  }
}

/** Runs `f`, answering `fallback` on any GraphQL failure or operand problem. */
function lenient<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof GraphQLFailure) return fallback;
    if (e && typeof e === 'object' && 'code' in e) return fallback;
    throw e;
  }
}

const docType = T.union(T.string, T.object(T.any, T.any));

export const graphqlBuiltins: BuiltinDecl[] = [
  {
    name: 'graphql.parse',
    params: [
      { name: 'query', type: docType, description: 'GraphQL query text or AST object' },
      { name: 'schema', type: docType, description: 'GraphQL schema text or AST object' },
    ],
    result: T.array(T.object(T.any, T.any)),
    category: 'graphql',
    description: 'Parses a query and a schema, validates the query against the schema and returns both ASTs; invalid input is an error.',
    impl(args) {
      return guarded(() => {
        const q = queryOperand(args[0]);
        const s = schemaOperand(args[1]);
        validate(convertSchema(s), q);
        return [astToValue(q), astToValue(s)];
      });
    },
  },
  {
    name: 'graphql.parse_and_verify',
    params: [
      { name: 'query', type: docType, description: 'GraphQL query text or AST object' },
      { name: 'schema', type: docType, description: 'GraphQL schema text or AST object' },
    ],
    result: T.array(T.any),
    category: 'graphql',
    description: 'Like graphql.parse, but answers [false, {}, {}] instead of failing when parsing or validation fails.',
    impl(args) {
      const unverified: Value = [false, Object.create(null), Object.create(null)];
      return lenient(() => {
        const q = queryOperand(args[0]);
        const s = schemaOperand(args[1]);
        validate(convertSchema(s), q);
        return [true, astToValue(q), astToValue(s)];
      }, unverified);
    },
  },
  {
    name: 'graphql.parse_query',
    params: [{ name: 'query', type: T.string, description: 'GraphQL query text' }],
    result: T.object(T.any, T.any),
    category: 'graphql',
    description: 'Parses a GraphQL query into its AST object.',
    impl(args) {
      const text = argString(args, 0);
      return guarded(() => astToValue(parseQueryText(text)));
    },
  },
  {
    name: 'graphql.parse_schema',
    params: [{ name: 'schema', type: T.string, description: 'GraphQL schema text' }],
    result: T.object(T.any, T.any),
    category: 'graphql',
    description: 'Parses a GraphQL schema (SDL) into its AST object.',
    impl(args) {
      const text = argString(args, 0);
      return guarded(() => astToValue(parseSchemaText(text)));
    },
  },
  {
    name: 'graphql.is_valid',
    params: [
      { name: 'query', type: docType, description: 'GraphQL query text or AST object' },
      { name: 'schema', type: docType, description: 'GraphQL schema text or AST object' },
    ],
    result: T.boolean,
    category: 'graphql',
    description: 'Reports whether a query parses and validates against a schema.',
    impl(args) {
      return lenient(() => {
        const q = queryOperand(args[0]);
        const s = schemaOperand(args[1]);
        validate(convertSchema(s), q);
        return true;
      }, false);
    },
  },
  {
    name: 'graphql.schema_is_valid',
    params: [{ name: 'schema', type: docType, description: 'GraphQL schema text or AST object' }],
    result: T.boolean,
    category: 'graphql',
    description: 'Reports whether a schema parses and is a valid GraphQL schema.',
    impl(args) {
      return lenient(() => {
        const v = args[0];
        if (typeof v !== 'string' && !isObject(v)) return false;
        convertSchema(schemaOperand(v));
        return true;
      }, false);
    },
  },
];
