/**
 * Parsing GraphQL text for the builtins: graphql-js parses; a failure is reported with the text
 * gqlparser (OPA's library) gives, derived from graphql-js's error position and the tokens there.
 */
import { GraphQLError, Kind, Lexer, Source, TokenKind, type DocumentNode, type Token } from 'graphql';
import { GraphQLFailure, parseChecked, positionAt, tokenOffset, tokenText, type DocKind } from './graphql-syntax.js';

/** Parses a query (executable) or schema (SDL) document, failing with OPA's message. */
export function parseDocument(text: string, kind: DocKind): DocumentNode {
  // gqlparser accepts a document without definitions; graphql-js requires one.
  if (skipIgnored(text, 0) === text.length) return { kind: Kind.DOCUMENT, definitions: [] };
  try {
    return parseChecked(text, kind);
  } catch (e) {
    if (!(e instanceof GraphQLError) || e.positions?.[0] === undefined) throw e;
    const { text: msg, offset } = syntaxMessage(text, e.message, e.positions[0], kind);
    const pos = positionAt(text, offset);
    throw new GraphQLFailure(`${msg} in GraphQL string at location ${pos.line}:${pos.column}`);
  }
}

function skipIgnored(body: string, i: number): number {
  while (i < body.length) {
    const ch = body[i];
    if (ch === '#') {
      while (i < body.length && body[i] !== '\n' && body[i] !== '\r') i++;
    } else if (' \t,\n\r\ufeff'.includes(ch)) {
      i++;
    } else {
      break;
    }
  }
  return i;
}

const KEYWORDS = new Set(['query', 'mutation', 'subscription', 'fragment', 'schema', 'scalar', 'type', 'interface', 'union', 'enum', 'input', 'directive', 'extend']);
const EXECUTABLE_KEYWORDS = new Set(['query', 'mutation', 'subscription', 'fragment']);
// A keyword after one of these is a name inside the current definition, not a new definition.
const NAME_CONTEXT = new Set<string>(['=', '|', '&', '@', '$', ':', 'implements', 'on', ...KEYWORDS]);
/**
 * Whether a `{` after `after` (preceded by `before`) follows a complete definition that has no
 * `{ … }` body (scalar, union, directive), and so starts a shorthand query.
 */
function completes(keyword: string | undefined, after: string, before: string): boolean {
  if (keyword === 'scalar' || keyword === 'union') return !NAME_CONTEXT.has(after);
  return keyword === 'directive' && (before === 'on' || before === '|') && !NAME_CONTEXT.has(after);
}
const OPEN = new Set<string>([TokenKind.BRACE_L, TokenKind.PAREN_L, TokenKind.BRACKET_L]);
const CLOSE = new Set<string>([TokenKind.BRACE_R, TokenKind.PAREN_R, TokenKind.BRACKET_R]);

interface Scan {
  /** The last token starting before the offset. */
  prev?: Token;
  /** The first token, up to the offset, starting a definition gqlparser rejects in this kind of document. */
  misplaced?: Token;
  /** The keyword of the definition whose braces enclose the offset directly (`schema` for `schema { … }`). */
  owner?: string;
  /** Start of the token graphql-js's lexer failed on. */
  invalidAt?: number;
}

/**
 * Reads the tokens before `offset` as gqlparser's document loop would see them: at nesting depth
 * 0, a definition starts at a keyword not in a name position, a description, or a `{` after a
 * complete definition (a shorthand query).
 */
function scan(body: string, offset: number, kind: DocKind): Scan {
  const lexer = new Lexer(new Source(body));
  const out: Scan = {};
  let depth = 0;
  let keyword: string | undefined;
  let before = ''; // the token before `prev`
  try {
    for (let t = lexer.advance(); t.kind !== TokenKind.EOF && t.start <= offset; t = lexer.advance()) {
      if (depth === 0 && !out.misplaced) {
        const prev = out.prev;
        const after = prev ? (prev.kind === TokenKind.NAME ? prev.value : prev.kind) : '';
        let wrong = false;
        if (t.kind === TokenKind.STRING || t.kind === TokenKind.BLOCK_STRING) wrong = kind === 'query';
        else if (t.kind === TokenKind.NAME && after === 'extend') keyword = t.value;
        else if (t.kind === TokenKind.NAME && KEYWORDS.has(t.value) && !NAME_CONTEXT.has(after)) {
          keyword = t.value;
          wrong = EXECUTABLE_KEYWORDS.has(t.value) !== (kind === 'query');
        } else if (t.kind === TokenKind.BRACE_L && (!prev || prev.kind === TokenKind.BRACE_R || completes(keyword, after, before))) {
          wrong = kind === 'schema';
        }
        if (wrong) out.misplaced = t;
      }
      if (t.start === offset) break;
      if (OPEN.has(t.kind)) {
        if (depth === 0) out.owner = keyword;
        depth++;
      } else if (CLOSE.has(t.kind)) {
        depth--;
      }
      before = out.prev ? (out.prev.kind === TokenKind.NAME ? out.prev.value : out.prev.kind) : '';
      out.prev = t;
    }
  } catch {
    out.invalidAt = skipIgnored(body, out.prev ? out.prev.end : 0);
  }
  if (depth !== 1) out.owner = undefined;
  return out;
}

/** The token starting at `offset` and the one after it (graphql-js reports parser errors at a token's start). */
function tokensAt(body: string, offset: number): [Token, Token | undefined] | undefined {
  try {
    const lexer = new Lexer(new Source(body.slice(offset)));
    const t = lexer.advance();
    let next: Token | undefined;
    try {
      next = lexer.advance();
    } catch {
      next = undefined;
    }
    return [t, next];
  } catch {
    return undefined;
  }
}

// graphql-js's lexer messages; gqlparser turns a lexing failure into an `<Invalid>` token.
const LEXER_ERROR = /^(Unexpected character|Invalid character|Unexpected single quote|Invalid number|Unterminated string|Invalid Unicode escape)/;
// gqlparser reports a bad escape one character later (after the backslash).
const ESCAPE_ERROR = /^Invalid (character|Unicode) escape sequence/;

/**
 * graphql-js message → gqlparser message (one table, by case; both without the final period):
 * - a definition of the wrong kind before the error (see scan) → `Unexpected <its first token>`;
 * - lexer errors → `Unexpected <Invalid>` or `Expected X, found <Invalid>` (see invalidTokenText);
 * - `Expected Name, found "}".` right after `{` or `(` → `expected at least one definition, found }`
 *   (gqlparser's message for lists that must not be empty);
 * - `Expected Name, found X.` for a root operation type in `schema { … }` → `Unexpected X`;
 * - `Expected "{", found Name "x".` → `Expected {, found Name`: punctuators unquoted; after an
 *   expected token kind gqlparser names only the found token's kind (after a keyword, the value too);
 * - `Unexpected description, …` → `Unexpected <the token after the description>` (the description
 *   itself before `extend`);
 * - `Unexpected "...".`, `Unexpected variable "$x" in constant value.` → `Unexpected <the token there>`.
 */
function syntaxMessage(body: string, message: string, offset: number, kind: DocKind): { text: string; offset: number } {
  const msg = message.replace(/^Syntax Error: /, '');
  const ctx = scan(body, offset, kind);
  const unexpected = (t: Token) => ({ text: `Unexpected ${tokenText(t)}`, offset: tokenOffset(body, t.start) });
  if (ctx.misplaced) return unexpected(ctx.misplaced);
  if (LEXER_ERROR.test(msg)) {
    const start = ctx.invalidAt ?? offset;
    const probe = probeAt(body, start, kind);
    // graphql-js lexes a token ahead; gqlparser first fails on the parser error before the bad token.
    if (probe && probe.offset < start) return syntaxMessage(body, probe.message, probe.offset, kind);
    const text = probe?.offset === start ? invalidTokenText(probe.message) : 'Unexpected <Invalid>';
    return { text, offset: ESCAPE_ERROR.test(msg) ? offset + 1 : offset };
  }
  const toks = tokensAt(body, offset);
  if (!toks) return { text: msg.replace(/\.$/, ''), offset };
  const [tok, next] = toks;
  const shifted = (t: Token) => ({ ...t, start: t.start + offset, end: t.end + offset }) as Token;
  const expected = /^Expected (.+?), found /.exec(msg);
  if (expected) {
    const want = expected[1];
    if (want === 'Name') {
      const prev = ctx.prev?.kind;
      const closes = tok.kind === TokenKind.BRACE_R || tok.kind === TokenKind.PAREN_R;
      if (closes && (prev === TokenKind.BRACE_L || prev === TokenKind.PAREN_L)) {
        return { text: `expected at least one definition, found ${tok.kind}`, offset: tokenOffset(body, offset) };
      }
      // gqlparser reads a root operation type as any token, then rejects it.
      if (ctx.owner === 'schema' && prev !== TokenKind.COLON) return unexpected(shifted(tok));
    }
    const keyword = /^"[A-Za-z_]\w*"$/.test(want);
    const found = keyword ? tokenText(tok) : tok.kind === TokenKind.EOF ? '<EOF>' : tok.kind;
    return { text: `Expected ${unquotePunctuator(want)}, found ${found}`, offset: tokenOffset(body, offset) };
  }
  if (msg.startsWith('Unexpected description') && next && !(next.kind === TokenKind.NAME && next.value === 'extend')) {
    return unexpected(shifted(next));
  }
  if (msg.startsWith('Unexpected ')) return unexpected(shifted(tok));
  return { text: msg.replace(/\.$/, ''), offset: tokenOffset(body, offset) };
}

function unquotePunctuator(s: string): string {
  const m = /^"(.*)"$/.exec(s);
  return m && !/^[A-Za-z_]/.test(m[1]) ? m[1] : s;
}

/**
 * The error graphql-js reports when the token that failed to lex, at `start`, is replaced by `&`,
 * a token valid almost nowhere (`|` where `&` is valid).
 */
function probeAt(body: string, start: number, kind: DocKind): { message: string; offset: number } | undefined {
  for (const probe of ['&', '|']) {
    try {
      parseChecked(body.slice(0, start) + probe, kind);
    } catch (e) {
      const offset = e instanceof GraphQLError ? e.positions?.[0] : undefined;
      if (offset === undefined || offset > start) continue;
      return { message: (e as GraphQLError).message, offset };
    }
  }
  return undefined;
}

/**
 * gqlparser says `Expected X, found <Invalid>` where its parser required a particular token and
 * `Unexpected <Invalid>` elsewhere, as graphql-js does about the probe token put in its place.
 */
function invalidTokenText(probeMessage: string): string {
  const m = /^Syntax Error: Expected (.+?), found /.exec(probeMessage);
  return m ? `Expected ${unquotePunctuator(m[1])}, found <Invalid>` : 'Unexpected <Invalid>';
}
