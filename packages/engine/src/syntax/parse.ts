/**
 * Public parser entry points. Never throw: every problem becomes a `rego_parse_error` diagnostic
 * with a location and a code frame. A module/body/term is returned only when there are no errors.
 */
import { EOF, tokenMatcher, type CstNode, type IRecognitionException, type IToken, type TokenType } from 'chevrotain';
import type { Body, Comment, Module, Term } from './ast.js';
import { codeFrame, type Location } from './location.js';
import { ErrorCodes, type Diagnostic } from '../errors.js';
import { tokenize, type LexResult, type RToken } from './lexer.js';
import * as T from './lexer.js';
import { regoParser } from './parser.js';
import { AstBuilder } from './cst-to-ast.js';
import { attachAnnotations } from './annotations.js';

export interface ParseOptions {
  /** Allow the experimental `and` / `or` operators even without `import future.keywords.and|or`. */
  experimentalLogic?: boolean;
  /** `v0`: read the module as OPA's Rego v0 (`--v0-compatible`); v1 when absent. */
  regoVersion?: RegoVersion;
}

/** The Rego dialect a module is read as: OPA's v1 (the default) or its older v0 (`--v0-compatible`). */
export type RegoVersion = 'v0' | 'v1';

/** After this many syntax errors the parser stops looking for more. */
const MAX_ERRORS = 20;

class Reporter {
  readonly diagnostics: Diagnostic[] = [];
  constructor(private readonly file: string, private readonly source: string) {}

  add(message: string, location: Location): void {
    this.diagnostics.push({ code: ErrorCodes.parse, message, location, frame: codeFrame(this.source, location) });
  }
  at(message: string, tok: IToken): void {
    this.add(message, tokenLocation(this.file, this.source, tok));
  }
  /** One error per line: later errors on a line are usually consequences of the first. */
  result(): Diagnostic[] {
    const seen = new Set<number>();
    const out: Diagnostic[] = [];
    const sorted = [...this.diagnostics].sort((a, b) => (a.location?.offset ?? 0) - (b.location?.offset ?? 0));
    for (const d of sorted) {
      const row = d.location?.row ?? 0;
      if (seen.has(row)) continue;
      seen.add(row);
      out.push(d);
    }
    return out;
  }
}

function tokenLocation(file: string, source: string, tok: IToken): Location {
  if (tok.tokenType === EOF || Number.isNaN(tok.startOffset)) {
    const lines = source.split('\n');
    const row = lines.length;
    const col = lines[row - 1].length + 1;
    return { file, row, col, endRow: row, endCol: col, offset: source.length, endOffset: source.length };
  }
  return {
    file,
    row: tok.startLine ?? 1,
    col: tok.startColumn ?? 1,
    endRow: tok.endLine ?? tok.startLine ?? 1,
    endCol: (tok.endColumn ?? 0) + 1,
    offset: tok.startOffset,
    endOffset: (tok.endOffset ?? tok.startOffset) + 1,
  };
}

function lexErrors(lex: LexResult, rep: Reporter, file: string): void {
  for (const e of lex.errors) {
    rep.add(e.message, { file, row: e.line, col: e.column, endRow: e.line, endCol: e.column + 1, offset: e.offset, endOffset: e.offset + 1 });
  }
}

function syntaxErrors(errors: IRecognitionException[], rep: Reporter): IToken | undefined {
  let last: IToken | undefined;
  for (const e of errors) {
    rep.at(e.message, e.token);
    last = e.token;
  }
  return last;
}

/**
 * `import future.keywords.and` / `.or` enables the experimental logic operators;
 * `import future.keywords.not` (or all future keywords) enables `not { body }`.
 */
function futureImports(tokens: RToken[]): { logic: boolean; notBody: boolean } {
  const found = { logic: false, notBody: false };
  for (let i = 0; i + 3 < tokens.length; i++) {
    if (tokens[i].tokenType !== T.Import) continue;
    const seq = tokens.slice(i + 1, i + 4).map((t) => t.image).join('');
    if (seq !== 'future.keywords') continue;
    const more = tokens[i + 4]?.tokenType === T.Dot && !tokens[i + 4].ws ? tokens[i + 5]?.image : undefined;
    if (more === 'and' || more === 'or') found.logic = true;
    if (more === 'not' || more === undefined) found.notBody = true;
  }
  return found;
}

/** The words Rego v1 made keywords; in a v0 module each is a keyword only once imported. */
const FUTURE_KEYWORDS = new Map<TokenType, string>([
  [T.If, 'if'],
  [T.Contains, 'contains'],
  [T.In, 'in'],
  [T.Every, 'every'],
]);

/**
 * Rego v0: `if`, `contains`, `in` and `every` are keywords only under `import future.keywords`
 * (all), `import future.keywords.<word>` or `import rego.v1`; elsewhere OPA's v0 parser reads them
 * as plain names (`contains(s, "x")` is a call; `deny contains msg if {` a parse error). The lexer
 * always produces keyword tokens, so an unimported one is turned back into a name here.
 */
function v0Names(tokens: RToken[]): void {
  const enabled = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].tokenType !== T.Import) continue;
    const parts: string[] = [];
    for (let j = i + 1; j < tokens.length && parts.length < 4; j += 2) {
      parts.push(tokens[j].image);
      if (tokens[j + 1]?.tokenType !== T.Dot || tokens[j + 1].ws) break;
    }
    const path = parts.join('.');
    if (path === 'rego.v1' || path === 'future.keywords') FUTURE_KEYWORDS.forEach((w) => enabled.add(w));
    else if (parts.length === 3 && parts[0] === 'future' && parts[1] === 'keywords') enabled.add(parts[2]!);
  }
  for (let i = 0; i < tokens.length; i++) {
    const word = FUTURE_KEYWORDS.get(tokens[i].tokenType);
    if (!word || enabled.has(word)) continue;
    tokens[i].tokenType = T.Identifier;
    tokens[i].tokenTypeIdx = T.Identifier.tokenTypeIdx!;
  }
}

/** Index of the first token after `tok`'s line that starts a line in column 1 and can start a statement. */
function resyncPoint(tokens: RToken[], tok: IToken): number {
  const after = (tok as RToken).idx ?? tokens.length;
  for (let i = after + 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.startColumn === 1 && t.nl && (tokenMatcher(t, T.Identifier) || tokenMatcher(t, T.Keyword))) return i;
  }
  return -1;
}

function internalError(file: string, err: unknown): Diagnostic {
  const message = `internal parser error: ${err instanceof Error ? err.message : String(err)}`;
  return { code: ErrorCodes.parse, message, location: { file, row: 1, col: 1, endRow: 1, endCol: 1, offset: 0, endOffset: 0 } };
}

function collectComments(lex: LexResult, file: string): Comment[] {
  return lex.comments.map((c) => ({ text: c.image.slice(1), loc: tokenLocation(file, '', c) }));
}

/** Parses one Rego module; syntax errors come back as diagnostics (several per file when possible), never thrown. */
export function parseModule(file: string, source: string, opts: ParseOptions = {}): { module?: Module; errors: Diagnostic[] } {
  try {
    const rep = new Reporter(file, source);
    const lex = tokenize(source);
    lexErrors(lex, rep, file);
    if (opts.regoVersion === 'v0') v0Names(lex.tokens);
    const future = futureImports(lex.tokens);
    const logic = opts.experimentalLogic === true || future.logic;
    const parser = regoParser();
    parser.load(lex.tokens, 0, logic, future.notBody);
    const cst = parser.module();
    let failedAt = syntaxErrors(parser.errors, rep);
    // Resume at the next statement so one file reports several independent errors.
    while (failedAt && rep.diagnostics.length < MAX_ERRORS) {
      const from = resyncPoint(lex.tokens, failedAt);
      if (from < 0) break;
      parser.load(lex.tokens, from, logic, future.notBody);
      parser.statements();
      failedAt = syntaxErrors(parser.errors, rep);
    }
    if (rep.diagnostics.length) return { errors: rep.result() };

    const builder = new AstBuilder(file, opts.regoVersion === 'v0');
    const mod = builder.module(cst, source);
    mod.comments = collectComments(lex, file);
    attachAnnotations(mod);
    for (const issue of builder.issues) rep.add(issue.message, issue.loc);
    return rep.diagnostics.length ? { errors: rep.result() } : { module: mod, errors: [] };
  } catch (err) {
    return { errors: [internalError(file, err)] };
  }
}

function parseWith<R>(
  source: string,
  file: string,
  logic: boolean,
  entry: 'queryEntry' | 'termEntry',
  build: (b: AstBuilder, cst: CstNode) => R,
): { value?: R; errors: Diagnostic[] } {
  try {
    const rep = new Reporter(file, source);
    const lex = tokenize(source);
    lexErrors(lex, rep, file);
    const parser = regoParser();
    parser.load(lex.tokens, 0, logic);
    const cst = parser[entry]();
    syntaxErrors(parser.errors, rep);
    if (rep.diagnostics.length) return { errors: rep.result() };
    const builder = new AstBuilder(file);
    const value = build(builder, cst);
    for (const issue of builder.issues) rep.add(issue.message, issue.loc);
    return rep.diagnostics.length ? { errors: rep.result() } : { value, errors: [] };
  } catch (err) {
    return { errors: [internalError(file, err)] };
  }
}

/** Parses a query (a body such as `x := data.p.allow; x == true`); errors come back as diagnostics. */
export function parseQuery(source: string, file = '', opts: ParseOptions = {}): { body?: Body; errors: Diagnostic[] } {
  const r = parseWith(source, file, opts.experimentalLogic === true, 'queryEntry', (b, cst) => b.query(cst.children.query[0] as CstNode));
  return r.value ? { body: r.value, errors: r.errors } : { errors: r.errors };
}

export function parseTerm(source: string, file = ''): { term?: Term; errors: Diagnostic[] } {
  const r = parseWith(source, file, false, 'termEntry', (b, cst) => b.inTerm(cst.children.inTerm[0] as CstNode));
  return r.value ? { term: r.value, errors: r.errors } : { errors: r.errors };
}
