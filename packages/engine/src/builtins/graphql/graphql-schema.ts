/**
 * Schemas and query validation with graphql-js, under the rules of gqlparser (the library behind
 * OPA's graphql builtins): its prelude (the built-in scalars, introspection types and directives,
 * plus `@defer`) comes first, so user definitions of those names are redeclarations, except the
 * four spec directives, whose user definitions gqlparser ignores; extensions of undefined types
 * create them; no query root type is required. The first problem found is the error.
 */
import {
  GraphQLError,
  GraphQLSchema,
  Kind,
  KnownArgumentNamesRule,
  KnownDirectivesRule,
  KnownTypeNamesRule,
  LoneSchemaDefinitionRule,
  PossibleTypeExtensionsRule,
  ProvidedRequiredArgumentsRule,
  TypeInfo,
  UniqueArgumentDefinitionNamesRule,
  UniqueArgumentNamesRule,
  UniqueDirectiveNamesRule,
  UniqueDirectivesPerLocationRule,
  UniqueEnumValueNamesRule,
  UniqueFieldDefinitionNamesRule,
  UniqueInputFieldNamesRule,
  UniqueOperationTypesRule,
  UniqueTypeNamesRule,
  ValidationContext,
  buildASTSchema,
  parse,
  specifiedDirectives,
  validate,
  validateSchema,
  visit,
  visitInParallel,
  type ASTNode,
  type ASTVisitor,
  type DefinitionNode,
  type DocumentNode,
  type TypeExtensionNode,
} from 'graphql';
import { DEF_KINDS } from './graphql-ast.js';
import { GraphQLFailure, nodePosition, type Pos } from './graphql-syntax.js';

/** gqlparser's prelude beyond graphql-js's built-ins (the scalars are listed so redeclaring them fails). */
const PRELUDE_SDL = `scalar Int scalar Float scalar String scalar Boolean scalar ID
directive @defer(if: Boolean = true, label: String) on FRAGMENT_SPREAD | INLINE_FRAGMENT`;
const SPEC_DIRECTIVES = new Set(specifiedDirectives.map((d) => d.name));

let prelude: { schema: GraphQLSchema; directives: DefinitionNode[] } | undefined;
/** The prelude as a schema (user documents are validated as extending it) and its directive definitions. */
function getPrelude(): { schema: GraphQLSchema; directives: DefinitionNode[] } {
  if (!prelude) {
    const doc = parse(PRELUDE_SDL, { noLocation: true });
    prelude = { schema: buildASTSchema(doc), directives: doc.definitions.filter((d) => d.kind === Kind.DIRECTIVE_DEFINITION) };
  }
  return prelude;
}

type Rule = (context: ValidationContext) => ASTVisitor;
/**
 * graphql-js types its SDL-only rules for SDLValidationContext, which it does not export (nor
 * validateSDL, which would return located errors). Those rules use only getSchema, getDocument and
 * reportError, which ValidationContext provides with the same meaning.
 */
const sdlOnly = (rule: typeof UniqueTypeNamesRule): Rule => rule as unknown as Rule;

/** graphql-js's rules for SDL documents (the list in its validateSDL). */
const SDL_RULES: Rule[] = [
  sdlOnly(LoneSchemaDefinitionRule),
  sdlOnly(UniqueOperationTypesRule),
  sdlOnly(UniqueTypeNamesRule),
  sdlOnly(UniqueEnumValueNamesRule),
  sdlOnly(UniqueFieldDefinitionNamesRule),
  sdlOnly(UniqueArgumentDefinitionNamesRule),
  sdlOnly(UniqueDirectiveNamesRule),
  KnownTypeNamesRule,
  KnownDirectivesRule,
  UniqueDirectivesPerLocationRule,
  sdlOnly(PossibleTypeExtensionsRule),
  KnownArgumentNamesRule,
  UniqueArgumentNamesRule,
  UniqueInputFieldNamesRule,
  ProvidedRequiredArgumentsRule,
];

/**
 * Messages gqlparser words differently, where OPA users see them in "Error in gqlparser
 * SchemaDocument to Schema conversion" errors (graphql-js text → gqlparser text).
 */
const SCHEMA_MESSAGES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^Unknown type "([^"]+)"\./, (m) => `Undefined type ${m[1]}.`],
  [/^Unknown directive "@([^"]+)"\./, (m) => `Undefined directive ${m[1]}.`],
  [/^(?:There can be only one type named "([^"]+)"\.|Type "([^"]+)" already exists)/, (m) => `Cannot redeclare type ${m[1] ?? m[2]}.`],
  [/^(?:There can be only one directive named "@([^"]+)"\.|Directive "@([^"]+)" already exists)/, (m) => `Cannot redeclare directive ${m[1] ?? m[2]}.`],
];

function gqlErrorText(message: string, pos: Pos | undefined): string {
  return pos ? `input:${pos.line}:${pos.column}: ${message}` : `input: ${message}`;
}

function schemaFailure(e: GraphQLError): GraphQLFailure {
  let message = e.message;
  for (const [re, f] of SCHEMA_MESSAGES) {
    const m = re.exec(message);
    if (m) {
      message = f(m);
      break;
    }
  }
  // graphql-js lists every duplicate definition; gqlparser reports the one that redeclares.
  const node = e.message.startsWith('There can be only one') ? e.nodes?.at(-1) : e.nodes?.[0];
  return new GraphQLFailure(`Error in gqlparser SchemaDocument to Schema conversion: ${gqlErrorText(message, nodePosition(node))}`);
}

const isExtension = (d: DefinitionNode): d is TypeExtensionNode => d.kind.endsWith('Extension') && d.kind !== Kind.SCHEMA_EXTENSION;

/** The definitions gqlparser would build from: prelude directives kept, orphan extensions made definitions. */
function gqlparserDefinitions(doc: DocumentNode): DefinitionNode[] {
  const defined = new Set<string>();
  for (const d of doc.definitions) if ('name' in d && d.name && !isExtension(d) && d.kind !== Kind.DIRECTIVE_DEFINITION) defined.add(d.name.value);
  const out: DefinitionNode[] = [];
  for (const d of doc.definitions) {
    if (d.kind === Kind.DIRECTIVE_DEFINITION && SPEC_DIRECTIVES.has(d.name.value)) continue;
    // gqlparser does not check the directives applied to the schema itself.
    if (d.kind === Kind.SCHEMA_DEFINITION || d.kind === Kind.SCHEMA_EXTENSION) {
      out.push({ ...d, directives: [] });
      continue;
    }
    if (isExtension(d) && !defined.has(d.name.value) && !getPrelude().schema.getType(d.name.value)) {
      const kind = DEF_KINDS.find(([, , ext]) => ext === d.kind)![1];
      defined.add(d.name.value);
      out.push({ ...d, kind } as DefinitionNode);
      continue;
    }
    out.push(d);
  }
  return out;
}

function validateSDL(doc: DocumentNode): readonly GraphQLError[] {
  const errors: GraphQLError[] = [];
  const { schema } = getPrelude();
  const context = new ValidationContext(schema, doc, new TypeInfo(schema), (e) => errors.push(e));
  visit(doc, visitInParallel(SDL_RULES.map((rule) => rule(context))));
  return errors;
}

const NO_QUERY_ROOT = 'Query root type must be provided.';

/** Builds the schema of a schema document, or throws a GraphQLFailure with OPA's message. */
export function buildSchema(doc: DocumentNode): GraphQLSchema {
  const definitions = gqlparserDefinitions(doc);
  const sdl: DocumentNode = { kind: Kind.DOCUMENT, definitions };
  const sdlErrors = validateSDL(sdl);
  if (sdlErrors.length > 0) throw schemaFailure(sdlErrors[0]);
  let schema: GraphQLSchema;
  try {
    schema = buildASTSchema({ kind: Kind.DOCUMENT, definitions: [...definitions, ...getPrelude().directives] }, { assumeValidSDL: true });
  } catch (e) {
    // The rules above catch what buildASTSchema would reject; this keeps any other throw an error value.
    throw new GraphQLFailure(`Error in gqlparser SchemaDocument to Schema conversion: input: ${(e as Error).message}`);
  }
  const problems = validateSchema(schema).filter((e) => e.message !== NO_QUERY_ROOT);
  if (problems.length > 0) throw schemaFailure(problems[0]);
  // validate() insists on a valid schema; gqlparser does not require a query root type.
  return schema.getQueryType() ? schema : new GraphQLSchema({ ...schema.toConfig(), assumeValid: true });
}

/** gqlparser reports operations whose root type the schema lacks (graphql-js 16 has no such rule). */
function missingRoots(schema: GraphQLSchema, doc: DocumentNode): GraphQLError[] {
  const out: GraphQLError[] = [];
  for (const def of doc.definitions) {
    if (def.kind === Kind.OPERATION_DEFINITION && !schema.getRootType(def.operation)) {
      out.push(new GraphQLError(`Schema does not support operation type "${def.operation}"`, { nodes: def }));
    }
  }
  return out;
}

/**
 * Query validation messages gqlparser words differently (graphql-js text → gqlparser text):
 * field-merge conflicts name the fields and types without quotes.
 */
const QUERY_MESSAGES: [RegExp, string][] = [
  [/"([^"]*)" and "([^"]*)" are different fields/g, '$1 and $2 are different fields'],
  [/conflicting types "([^"]*)" and "([^"]*)"/g, 'conflicting types $1 and $2'],
];

function queryMessage(message: string): string {
  if (!message.startsWith('Fields "')) return message;
  return QUERY_MESSAGES.reduce((m, [re, to]) => m.replace(re, to), message);
}

/**
 * The node gqlparser reports an error at: for a field-merge conflict the second field (graphql-js
 * lists the first field, its conflicting subfields, then the second field and its subfields).
 */
function anchor(e: GraphQLError): ASTNode | undefined {
  const [first, ...rest] = e.nodes ?? [];
  if (!e.message.startsWith('Fields "') || first?.kind !== Kind.FIELD || !first.loc) return first;
  const name = (first.alias ?? first.name).value;
  const outside = (n: ASTNode) => !n.loc || n.loc.start >= first.loc!.end || n.loc.end <= first.loc!.start;
  return rest.find((n) => n.kind === Kind.FIELD && (n.alias ?? n.name).value === name && outside(n)) ?? first;
}

/**
 * Validates `doc` against `schema` with graphql-js's specified rules. OPA formats the error list
 * gqlparser returns: the text after the first error's location, without the final ".\n", and
 * that first location.
 */
export function validateQuery(schema: GraphQLSchema, doc: DocumentNode): void {
  const errors = [...missingRoots(schema, doc), ...validate(schema, doc)];
  if (errors.length === 0) return;
  // gqlparser reports unknown type conditions at the fragment, graphql-js at the type name.
  const owners = new Map<ASTNode, ASTNode>();
  visit(doc, {
    InlineFragment: (n) => void (n.typeCondition && owners.set(n.typeCondition, n)),
    FragmentDefinition: (n) => void owners.set(n.typeCondition, n),
  });
  const at = (n: ASTNode | undefined) => nodePosition(n && (owners.get(n) ?? n));
  const located = errors.map((e) => ({ message: queryMessage(e.message), pos: at(anchor(e)) }));
  const all = located.map((e) => gqlErrorText(e.message, e.pos) + '\n').join('');
  const first = located[0].pos;
  if (!first) throw new GraphQLFailure(all.replace(/^input: /, '').replace(/\.\n$/, '').replace(/\n$/, ''));
  const rest = all.split(':').slice(3).join(':').replace(/^ +/, '');
  const msg = rest.endsWith('.\n') ? rest.slice(0, -2) : rest;
  throw new GraphQLFailure(`${msg} in GraphQL string at location ${first.line}:${first.column}`);
}
