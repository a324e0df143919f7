/**
 * What gqlparser (the Go library behind OPA's graphql builtins) does differently from graphql-js
 * around parsing: positions (columns in code points, string tokens located after their opening
 * quotes, directives and definitions at their name) and separate query and schema grammars.
 * graphql-js does the lexing and parsing; graphql-parse.ts adds gqlparser's error texts.
 */
import { GraphQLError, Kind, TokenKind, parse, type ASTNode, type DefinitionNode, type DocumentNode, type ParseOptions, type Token } from 'graphql';

export interface Pos {
  line: number;
  column: number;
}

/** A failure carrying OPA's message text (the evaluator prefixes the builtin name). */
export class GraphQLFailure {
  constructor(readonly message: string) {}
}

/** Query documents hold operations and fragments; schema documents type-system definitions. */
export type DocKind = 'query' | 'schema';

// gqlparser accepts variable definitions on fragments (a legacy syntax graphql-js parses on request).
const PARSE_OPTIONS: ParseOptions = { allowLegacyFragmentVariables: true };

/** Line and column as gqlparser counts them: columns in code points, CRLF one line break. */
export function positionAt(body: string, offset: number): Pos {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 10 || (c === 13 && body.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  let column = 1;
  for (let i = lineStart; i < offset; i++) {
    const c = body.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) column++;
  }
  return { line, column };
}

/** gqlparser places string tokens after their opening quote(s). */
export function tokenOffset(body: string, offset: number): number {
  if (body.startsWith('"""', offset)) return offset + 3;
  return body[offset] === '"' ? offset + 1 : offset;
}

/** Nodes gqlparser locates at their name: directives, fragment spreads, type and directive definitions. */
const LOCATED_AT_NAME = new Set<string>([
  Kind.DIRECTIVE,
  Kind.FRAGMENT_SPREAD,
  Kind.DIRECTIVE_DEFINITION,
  Kind.SCALAR_TYPE_DEFINITION,
  Kind.OBJECT_TYPE_DEFINITION,
  Kind.INTERFACE_TYPE_DEFINITION,
  Kind.UNION_TYPE_DEFINITION,
  Kind.ENUM_TYPE_DEFINITION,
  Kind.INPUT_OBJECT_TYPE_DEFINITION,
  Kind.SCALAR_TYPE_EXTENSION,
  Kind.OBJECT_TYPE_EXTENSION,
  Kind.INTERFACE_TYPE_EXTENSION,
  Kind.UNION_TYPE_EXTENSION,
  Kind.ENUM_TYPE_EXTENSION,
  Kind.INPUT_OBJECT_TYPE_EXTENSION,
]);

/** Where gqlparser reports a problem with `node` (undefined for documents built from AST objects). */
export function nodePosition(node: ASTNode | undefined): Pos | undefined {
  const loc = node?.loc;
  if (!node || !loc) return undefined;
  let offset = loc.start;
  // An inline fragment is located after its `...`.
  if (node.kind === Kind.INLINE_FRAGMENT) offset = loc.startToken.next?.start ?? offset;
  else if (LOCATED_AT_NAME.has(node.kind) && 'name' in node && node.name?.loc) offset = node.name.loc.start;
  return positionAt(loc.source.body, tokenOffset(loc.source.body, offset));
}

/** gqlparser's Token.String(): the kind, plus the Go-quoted value when there is one. */
export function tokenText(t: Token): string {
  if (t.kind === TokenKind.EOF) return '<EOF>';
  return typeof t.value === 'string' && t.value !== '' ? `${t.kind} ${goQuote(t.value)}` : t.kind;
}

/** Go's strconv.Quote for the characters that occur in practice. */
function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}

const EXECUTABLE = new Set<string>([Kind.OPERATION_DEFINITION, Kind.FRAGMENT_DEFINITION]);

/**
 * graphql-js parses one grammar for both document kinds (and, since 16.12, descriptions on
 * operations); gqlparser rejects, at its first token, a definition of the other kind, and any
 * description in a query document.
 */
function misplaced(doc: DocumentNode, kind: DocKind): Token | undefined {
  for (const def of doc.definitions) {
    if (kind === 'schema' && !EXECUTABLE.has(def.kind)) continue;
    if (kind === 'query' && EXECUTABLE.has(def.kind)) {
      const described = describedPart(def);
      if (!described) continue;
      return described.loc?.startToken;
    }
    return def.loc?.startToken;
  }
  return undefined;
}

function describedPart(def: DefinitionNode): ASTNode | undefined {
  if (def.kind !== Kind.OPERATION_DEFINITION && def.kind !== Kind.FRAGMENT_DEFINITION) return undefined;
  if (def.description) return def.description;
  return def.variableDefinitions?.find((v) => v.description)?.description;
}

/** graphql-js's parse, plus gqlparser's document-kind rule (failing as graphql-js fails: GraphQLError). */
export function parseChecked(text: string, kind: DocKind): DocumentNode {
  const doc = parse(text, PARSE_OPTIONS);
  const bad = misplaced(doc, kind);
  if (bad) throw new GraphQLError(`Syntax Error: Unexpected ${tokenText(bad)}.`, { source: doc.loc?.source, positions: [bad.start] });
  return doc;
}
