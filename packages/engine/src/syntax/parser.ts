/**
 * The Rego v1 grammar as a chevrotain CstParser. Grammar only: every decision that needs more than
 * token lookahead (newline sensitivity, keywords used as ref heads, experimental `and`/`or`
 * operands) is a gate over the token flags set by the lexer. The CST is turned into the AST by
 * `cst-to-ast.ts`; semantic checks (v0 syntax, invalid heads…) happen there.
 */
import { CstParser, EOF, tokenMatcher, type CstNode, type IToken, type TokenType } from 'chevrotain';
import * as T from './lexer.js';
import type { RToken } from './lexer.js';
import { errorMessages } from './parser-messages.js';
import { bundledLookaheadTable, TableLookahead, type LookaheadTable } from './lookahead-table.js';

const { AssignOp } = T;

function isOpen(tok: IToken): boolean {
  return tok.tokenType === T.LParen || tok.tokenType === T.LBrack || tokenMatcher(tok, T.LCurly) || tok.tokenType === T.TplExprOpen;
}
function isClose(tok: IToken): boolean {
  return tok.tokenType === T.RParen || tok.tokenType === T.RBrack || tokenMatcher(tok, T.RCurly);
}

export class RegoParser extends CstParser {
  /** Experimental `and` / `or` enabled for the current parse. */
  logic = false;
  /** `not { body }` enabled (`import future.keywords.not`, or implied by `logic`). */
  notBody = false;
  private toks: RToken[] = [];

  /**
   * `lookahead.table`: precomputed lookahead (by default the one embedded in the engine bundle);
   * `lookahead.record`: fill this table instead (build time). See lookahead-table.ts.
   */
  constructor(lookahead: { table?: LookaheadTable; record?: LookaheadTable } = { table: bundledLookaheadTable() }) {
    super(T.allTokens, {
      maxLookahead: 3,
      lookaheadStrategy: new TableLookahead(T.allTokens, 3, lookahead.table, lookahead.record),
      recoveryEnabled: false,
      nodeLocationTracking: 'full',
      errorMessageProvider: errorMessages,
    });
    this.performSelfAnalysis();
  }

  /** Feeds tokens; `from` lets the caller resume after an error (token positions are kept). */
  load(tokens: RToken[], from = 0, logic = false, notBody = false): void {
    this.toks = tokens;
    this.logic = logic;
    this.notBody = notBody || logic;
    this.input = from === 0 ? tokens : tokens.slice(from);
  }

  // ---- gates --------------------------------------------------------------------------------

  private tok(i: number): RToken {
    return this.LA(i) as RToken;
  }
  /** The i-th lookahead token follows its predecessor without whitespace. */
  private adjacent(i = 1): boolean {
    const t = this.tok(i);
    return t.tokenType !== EOF && !t.ws;
  }
  /** A keyword directly followed by `.` or `[` is a name (`input.in`, `null.foo := 1`). */
  private kwRef(): boolean {
    const a = this.tok(1);
    const b = this.tok(2);
    return tokenMatcher(a, T.Keyword) && (b.tokenType === T.Dot || b.tokenType === T.LBrack) && !b.ws;
  }
  private startsKw(tt: TokenType): boolean {
    return this.tok(1).tokenType === tt && !this.kwRef();
  }
  /** The next token is a keyword used as a keyword (not the head of a ref like `in.foo`). */
  private notRef = (): boolean => !this.kwRef();
  /** Absolute index of the i-th lookahead token in `toks`. */
  private indexOf(tok: IToken): number {
    return (tok as RToken).idx ?? -1;
  }
  private matching(start: number): number {
    let depth = 0;
    for (let i = start; i < this.toks.length; i++) {
      const t = this.toks[i];
      if (isOpen(t)) depth++;
      else if (isClose(t) && --depth === 0) return i;
    }
    return -1;
  }
  /** `{ … }` is a logic operand block when next to `and` / `or` / `not`. */
  private logicBlock(): boolean {
    if (!this.notBody || !tokenMatcher(this.tok(1), T.LCurly)) return false;
    const prev = this.LA(0).tokenType;
    const end = this.matching(this.indexOf(this.tok(1)));
    const next = end >= 0 ? this.toks[end + 1] : undefined;
    // `not {1} == 0` and `not {1, 2}` negate a set literal, as in OPA: an operand, or braces with a
    // comma at their top level, never are a block.
    // `not {}` negates an empty object.
    if (prev === T.Not) return end !== this.indexOf(this.tok(1)) + 1 && !(next && (tokenMatcher(next, T.BinOp) || tokenMatcher(next, T.AssignOp) || tokenMatcher(next, T.In))) && !this.topLevelComma(end);
    if (!this.logic) return false;
    if (prev === T.AndKw || prev === T.OrKw) return true;
    return next !== undefined && (next.tokenType === T.AndKw || next.tokenType === T.OrKw);
  }
  /** True when the brackets opening at the next token and closing at `end` hold a top-level `,`. */
  private topLevelComma(end: number): boolean {
    for (let i = this.indexOf(this.tok(1)) + 1; i < end; i++) {
      const t = this.toks[i];
      if (t.tokenType === T.Comma) return true;
      if (isOpen(t)) {
        const close = this.matching(i);
        if (close < 0) return false;
        i = close;
      }
    }
    return false;
  }
  /**
   * `if {` starts an object literal rather than a body when the braces are empty or hold a `:`
   * at their top level (as OPA, which tries the single-expression form first).
   */
  private objectAhead(): boolean {
    const start = this.indexOf(this.tok(1));
    const next = this.toks[start + 1];
    if (next && tokenMatcher(next, T.RCurly)) return true;
    for (let i = start + 1; i < this.toks.length; i++) {
      const t = this.toks[i];
      if (t.tokenType === T.Colon) return true;
      if (isOpen(t)) {
        const end = this.matching(i);
        if (end < 0) return false;
        i = end;
      } else if (isClose(t)) return false;
    }
    return false;
  }
  /** `( … )` is a group of logic expressions when it holds `and` / `or` / `with` outside brackets. */
  private logicGroup(): boolean {
    if (!this.logic || this.tok(1).tokenType !== T.LParen) return false;
    const start = this.indexOf(this.tok(1));
    let depth = 0;
    for (let i = start; i < this.toks.length; i++) {
      const t = this.toks[i];
      const tt = t.tokenType;
      if (tt === T.LParen) depth++;
      else if (tt === T.RParen) {
        if (--depth === 0) return false;
      } else if (isOpen(t)) {
        const end = this.matching(i);
        if (end < 0) return false;
        i = end;
      } else if (tt === T.AndKw || tt === T.OrKw || tt === T.With) return true;
    }
    return false;
  }

  // ---- module structure ---------------------------------------------------------------------

  module = this.RULE('module', () => {
    this.SUBRULE(this.packageDecl);
    this.SUBRULE(this.statements);
  });

  statements = this.RULE('statements', () => {
    this.MANY(() => {
      this.OR({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { GATE: () => this.startsKw(T.Import), ALT: () => this.SUBRULE(this.importDecl) },
          { ALT: () => this.SUBRULE(this.ruleDecl) },
        ],
      });
    });
  });

  packageDecl = this.RULE('packageDecl', () => {
    this.CONSUME(T.Package);
    this.SUBRULE(this.pathRef);
  });

  importDecl = this.RULE('importDecl', () => {
    this.CONSUME(T.Import);
    this.SUBRULE(this.pathRef);
    this.OPTION({
      GATE: this.notRef,
      DEF: () => {
        this.CONSUME(T.As);
        this.CONSUME(T.Identifier);
      },
    });
  });

  /** `a.b["c"]` in package and import clauses. */
  pathRef = this.RULE('pathRef', () => {
    this.SUBRULE(this.anyName);
    this.MANY({
      GATE: () => this.adjacent(),
      DEF: () => this.SUBRULE(this.refOp),
    });
  });

  anyName = this.RULE('anyName', () => {
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [{ ALT: () => this.CONSUME(T.Identifier) }, { ALT: () => this.CONSUME(T.Keyword) }],
    });
  });

  /** `.name` or `[term]` */
  refOp = this.RULE('refOp', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Dot);
          this.SUBRULE(this.anyName);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LBrack);
          this.SUBRULE(this.inTerm, { ARGS: [false, false] });
          this.CONSUME(T.RBrack);
        },
      },
    ]);
  });

  // ---- rules --------------------------------------------------------------------------------

  ruleDecl = this.RULE('ruleDecl', () => {
    this.OPTION({ GATE: () => this.startsKw(T.Default), DEF: () => this.CONSUME(T.Default) });
    this.SUBRULE(this.ruleHead);
    this.OPTION2({
      GATE: this.notRef,
      DEF: () => this.OR([
        {
          ALT: () => {
            this.CONSUME(T.If);
            this.SUBRULE(this.ruleBody);
          },
        },
        { ALT: () => this.SUBRULE(this.braceBody) },
      ]),
    });
    // OPA's multi-body rules, `p { a } { b }` (v0) or `p if { a } { b }`: one rule per body. No
    // statement starts with `{`, so a brace here always continues the rule.
    this.MANY2({ GATE: () => tokenMatcher(this.LA(1), T.LCurly), DEF: () => this.SUBRULE2(this.braceBody, { LABEL: 'moreBody' }) });
    this.MANY({ GATE: () => this.startsKw(T.Else), DEF: () => this.SUBRULE(this.elseClause) });
  });

  headName = this.RULE('headName', () => {
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => this.CONSUME(T.Identifier) },
        { GATE: () => this.kwRef(), ALT: () => this.CONSUME(T.Keyword) },
      ],
    });
  });

  ruleHead = this.RULE('ruleHead', () => {
    this.SUBRULE(this.headName);
    this.MANY(() => this.SUBRULE(this.refOp));
    this.OPTION(() => {
      this.CONSUME(T.LParen);
      this.SUBRULE(this.args);
      this.CONSUME(T.RParen);
    });
    this.OPTION2({
      GATE: this.notRef,
      DEF: () => {
        this.OR([{ ALT: () => this.CONSUME(T.Contains) }, { ALT: () => this.CONSUME(AssignOp) }]);
        this.SUBRULE(this.inTerm, { ARGS: [false, false] });
      },
    });
  });

  /** After `if`: `{ body }` or a single expression. */
  ruleBody = this.RULE('ruleBody', () => {
    this.OR({
      IGNORE_AMBIGUITIES: true,
      MAX_LOOKAHEAD: 1,
      DEF: [
        { GATE: () => tokenMatcher(this.LA(1), T.LCurly) && !this.objectAhead(), ALT: () => this.SUBRULE(this.braceBody) },
        { ALT: () => this.SUBRULE(this.literal) },
      ],
    });
  });

  braceBody = this.RULE('braceBody', () => {
    this.CONSUME(T.LCurly);
    this.OPTION(() => this.SUBRULE(this.query));
    this.CONSUME(T.RCurly);
  });

  elseClause = this.RULE('elseClause', () => {
    this.CONSUME(T.Else);
    this.OPTION(() => {
      this.CONSUME(AssignOp);
      this.SUBRULE(this.inTerm, { ARGS: [false, false] });
    });
    this.OPTION2({
      GATE: this.notRef,
      DEF: () =>
        this.OR([
          {
            ALT: () => {
              this.CONSUME(T.If);
              this.SUBRULE(this.ruleBody);
            },
          },
          { ALT: () => this.SUBRULE(this.braceBody) },
        ]),
    });
  });

  // ---- bodies and expressions ---------------------------------------------------------------

  query = this.RULE('query', () => {
    this.SUBRULE(this.literal);
    this.MANY(() => {
      this.OR({
        ERR_MSG: '`;` or a new line between expressions',
        DEF: [
          {
            ALT: () => {
              this.CONSUME(T.Semi);
              this.SUBRULE2(this.literal);
            },
          },
          { GATE: () => this.tok(1).nl, ALT: () => this.SUBRULE3(this.literal) },
        ],
      });
    });
  });

  literal = this.RULE('literal', () => {
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { GATE: () => this.startsKw(T.Some), ALT: () => this.SUBRULE(this.someDecl) },
        { GATE: () => this.startsKw(T.Every), ALT: () => this.SUBRULE(this.everyDecl) },
        { ALT: () => this.SUBRULE(this.logicExpr) },
      ],
    });
    this.MANY({ GATE: this.notRef, DEF: () => this.SUBRULE(this.withMod) });
  });

  someDecl = this.RULE('someDecl', () => {
    this.CONSUME(T.Some);
    this.SUBRULE(this.binTerm, { ARGS: [false] });
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.binTerm, { ARGS: [false] });
    });
    this.OPTION({
      GATE: this.notRef,
      DEF: () => {
        this.CONSUME(T.In);
        this.SUBRULE3(this.binTerm, { ARGS: [false] });
      },
    });
  });

  everyDecl = this.RULE('everyDecl', () => {
    this.CONSUME(T.Every);
    this.SUBRULE(this.binTerm, { ARGS: [false] });
    this.OPTION(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.binTerm, { ARGS: [false] });
    });
    this.CONSUME(T.In);
    this.SUBRULE3(this.binTerm, { ARGS: [false] });
    this.SUBRULE(this.braceBody);
  });

  withMod = this.RULE('withMod', () => {
    this.CONSUME(T.With);
    this.SUBRULE(this.operand);
    this.CONSUME(T.As);
    this.SUBRULE(this.inTerm, { ARGS: [false, false] });
  });

  /** Operands joined by experimental `and` / `or` (precedence is resolved in cst-to-ast). */
  logicExpr = this.RULE('logicExpr', () => {
    this.SUBRULE(this.logicUnit);
    this.MANY({
      GATE: () => this.logic && !this.kwRef(),
      DEF: () => {
        this.OR([{ ALT: () => this.CONSUME(T.AndKw) }, { ALT: () => this.CONSUME(T.OrKw) }]);
        this.SUBRULE2(this.logicUnit);
      },
    });
  });

  /**
   * `not` followed by a `{ body }` block, a `( … )` group (logic mode) or an expression. Only logic
   * mode stacks `not not …`: OPA rejects it ("unexpected not keyword"), and each extra level used to
   * cost the safety check super-linear time (found by `pnpm fuzz`).
   */
  logicUnit = this.RULE('logicUnit', () => {
    this.OPTION9({ GATE: () => this.startsKw(T.Not), DEF: () => this.CONSUME(T.Not) });
    this.MANY({ GATE: () => this.logic && this.startsKw(T.Not), DEF: () => this.CONSUME2(T.Not) });
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { GATE: () => this.logicBlock(), ALT: () => this.SUBRULE(this.braceBody) },
        {
          GATE: () => this.logicGroup(),
          ALT: () => {
            this.CONSUME(T.LParen);
            this.SUBRULE(this.logicExpr);
            this.MANY2({ GATE: this.notRef, DEF: () => this.SUBRULE(this.withMod) });
            this.CONSUME(T.RParen);
          },
        },
        {
          ALT: () => {
            this.SUBRULE(this.inTerm, { ARGS: [true, false] });
            this.OPTION(() => {
              this.CONSUME(AssignOp);
              this.SUBRULE2(this.inTerm, { ARGS: [false, false] });
            });
          },
        },
      ],
    });
  });

  // ---- terms --------------------------------------------------------------------------------

  /** `a in b`, and with `keyVal` also `k, v in xs`; `noPipe` stops before a top-level `|`. */
  inTerm = this.RULE('inTerm', (keyVal?: boolean, noPipe?: boolean) => {
    this.SUBRULE(this.binTerm, { ARGS: [noPipe] });
    this.OPTION({
      GATE: () => keyVal === true,
      DEF: () => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.binTerm, { ARGS: [noPipe] });
        this.CONSUME(T.In);
        this.SUBRULE3(this.binTerm, { ARGS: [noPipe] });
      },
    });
    this.MANY({
      GATE: this.notRef,
      DEF: () => {
        this.CONSUME2(T.In);
        this.SUBRULE4(this.binTerm, { ARGS: [noPipe] });
      },
    });
  });

  /** Operands joined by binary operators; precedence is resolved in cst-to-ast. */
  binTerm = this.RULE('binTerm', (noPipe?: boolean) => {
    this.SUBRULE(this.operand);
    this.MANY({
      GATE: () => noPipe !== true || this.LA(1).tokenType !== T.Pipe,
      DEF: () => {
        this.CONSUME(T.BinOp);
        this.SUBRULE2(this.operand);
      },
    });
  });

  /** Unary minuses, a primary, then adjacent `.name`, `[term]` or `(args)`. */
  operand = this.RULE('operand', () => {
    this.MANY(() => this.CONSUME(T.Minus));
    this.SUBRULE(this.primary);
    this.MANY2({
      GATE: () => this.adjacent(),
      DEF: () => {
        this.OR([
          { ALT: () => this.SUBRULE(this.refOp) },
          {
            ALT: () => {
              this.CONSUME(T.LParen);
              this.SUBRULE(this.args);
              this.CONSUME(T.RParen);
            },
          },
        ]);
      },
    });
  });

  /** Call arguments (possibly none, trailing comma allowed). */
  args = this.RULE('args', () => {
    this.OPTION(() => {
      this.SUBRULE(this.inTerm, { ARGS: [false, false] });
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.inTerm, { ARGS: [false, false] });
      });
      this.OPTION2(() => this.CONSUME2(T.Comma));
    });
  });

  primary = this.RULE('primary', () => {
    this.OR({
      IGNORE_AMBIGUITIES: true,
      ERR_MSG: 'a term',
      DEF: [
        { GATE: () => this.kwRef(), ALT: () => this.CONSUME(T.Keyword) },
        { ALT: () => this.CONSUME(T.Identifier) },
        { ALT: () => this.CONSUME(T.Contains) },
        { ALT: () => this.CONSUME(T.Null) },
        { ALT: () => this.CONSUME(T.True) },
        { ALT: () => this.CONSUME(T.False) },
        { ALT: () => this.CONSUME(T.Number) },
        { ALT: () => this.CONSUME(T.String) },
        { ALT: () => this.CONSUME(T.RawString) },
        { ALT: () => this.SUBRULE(this.template) },
        { ALT: () => this.SUBRULE(this.arrayTerm) },
        { ALT: () => this.SUBRULE(this.braceTerm) },
        {
          ALT: () => {
            this.CONSUME(T.LParen);
            this.SUBRULE(this.inTerm, { ARGS: [true, false] });
            this.CONSUME(T.RParen);
          },
        },
      ],
    });
  });

  template = this.RULE('template', () => {
    this.OR([{ ALT: () => this.CONSUME(T.TplStart) }, { ALT: () => this.CONSUME(T.RawTplStart) }]);
    this.MANY(() => this.SUBRULE(this.tplPart));
    this.OR2([{ ALT: () => this.CONSUME(T.TplEnd) }, { ALT: () => this.CONSUME(T.RawTplEnd) }]);
  });

  tplPart = this.RULE('tplPart', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.TplText) },
      { ALT: () => this.CONSUME(T.RawTplText) },
      {
        ALT: () => {
          this.CONSUME(T.TplExprOpen);
          this.SUBRULE(this.literal);
          this.CONSUME(T.RCurly);
        },
      },
    ]);
  });

  /** `[]`, `[a, b]`, `[x | body]` */
  arrayTerm = this.RULE('arrayTerm', () => {
    this.CONSUME(T.LBrack);
    this.OPTION(() => {
      this.SUBRULE(this.inTerm, { ARGS: [false, true] });
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.Pipe);
            this.SUBRULE(this.query);
          },
        },
        { ALT: () => this.SUBRULE(this.itemsRest) },
      ]);
    });
    this.CONSUME(T.RBrack);
  });

  /** `, b, c` with an optional trailing comma. */
  itemsRest = this.RULE('itemsRest', () => {
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE(this.inTerm, { ARGS: [false, false] });
    });
    this.OPTION(() => this.CONSUME2(T.Comma));
  });

  /** `{}` (empty object), sets, objects and their comprehensions. */
  braceTerm = this.RULE('braceTerm', () => {
    this.CONSUME(T.LCurly);
    this.OPTION(() => {
      this.SUBRULE(this.inTerm, { ARGS: [false, true] });
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.Colon);
            this.SUBRULE2(this.inTerm, { ARGS: [false, true] });
            this.OR2([
              {
                ALT: () => {
                  this.CONSUME(T.Pipe);
                  this.SUBRULE(this.query);
                },
              },
              { ALT: () => this.SUBRULE(this.pairsRest) },
            ]);
          },
        },
        {
          ALT: () => {
            this.CONSUME2(T.Pipe);
            this.SUBRULE2(this.query);
          },
        },
        { ALT: () => this.SUBRULE(this.itemsRest) },
      ]);
    });
    this.CONSUME(T.RCurly);
  });

  pairsRest = this.RULE('pairsRest', () => {
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE(this.inTerm, { ARGS: [false, false] });
      this.CONSUME(T.Colon);
      this.SUBRULE2(this.inTerm, { ARGS: [false, false] });
    });
    this.OPTION(() => this.CONSUME2(T.Comma));
  });

  // ---- entry points -------------------------------------------------------------------------

  queryEntry = this.RULE('queryEntry', () => {
    this.SUBRULE(this.query);
  });

  termEntry = this.RULE('termEntry', () => {
    this.SUBRULE(this.inTerm, { ARGS: [false, false] });
  });
}

let instance: RegoParser | undefined;

/** The parser is expensive to build (grammar analysis), so one instance serves every parse. */
export function regoParser(): RegoParser {
  instance ??= new RegoParser();
  return instance;
}

/** The grammar's lookahead as a table, for embedding in the engine bundle (scripts/bundle-engine.mjs). */
export function computeLookaheadTable(): LookaheadTable {
  const table: LookaheadTable = { fingerprint: '', paths: {} };
  new RegoParser({ record: table });
  return table;
}

export type { CstNode };
