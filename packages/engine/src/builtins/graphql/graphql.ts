/**
 * `graphql.*` builtins, on graphql-js (lexing, parsing, schema building, validation). Documents
 * are exchanged as the JSON of gqlparser's Go structs (pruned of positions, nulls and empty
 * collections), which is what OPA returns and accepts; graphql-ast*.ts convert.
 */
import type { DocumentNode } from 'graphql';
import { builtinError, operandError, type BuiltinDecl } from '../define.js';
import { argString } from '../args.js';
import { T } from '../signature.js';
import { isObject, type Value } from '../../value/types.js';
import { GraphQLFailure } from './graphql-syntax.js';
import { parseDocument } from './graphql-parse.js';
import { queryToValue, schemaToValue } from './graphql-ast.js';
import { queryFromValue, schemaFromValue } from './graphql-ast-input.js';
import { buildSchema, validateQuery } from './graphql-schema.js';

/** Operand positions are 0-based in these messages, as in OPA. */
function queryOperand(v: Value): DocumentNode {
  if (typeof v === 'string') return parseDocument(v, 'query');
  if (isObject(v)) return queryFromValue(v);
  throw operandError(0, v, 'string', 'object');
}

function schemaOperand(v: Value): DocumentNode {
  if (typeof v === 'string') return parseDocument(v, 'schema');
  if (isObject(v)) return schemaFromValue(v);
  throw operandError(1, v, 'string', 'object');
}

/** Parses both operands and validates the query; answers the two documents. */
function parseAndValidate(args: Value[]): [DocumentNode, DocumentNode] {
  const q = queryOperand(args[0]);
  const s = schemaOperand(args[1]);
  validateQuery(buildSchema(s), q);
  return [q, s];
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
        const [q, s] = parseAndValidate(args);
        return [queryToValue(q), schemaToValue(s)];
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
        const [q, s] = parseAndValidate(args);
        return [true, queryToValue(q), schemaToValue(s)];
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
      return guarded(() => queryToValue(parseDocument(text, 'query')));
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
      return guarded(() => schemaToValue(parseDocument(text, 'schema')));
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
        parseAndValidate(args);
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
        buildSchema(schemaOperand(v));
        return true;
      }, false);
    },
  },
];
