/** Parse-error messages people understand (chevrotain's message provider for the Rego grammar). */
import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';
import * as T from './lexer.js';

const RULE_DESCRIPTIONS: Record<string, string> = {
  module: 'a rule or import',
  statements: 'a rule or import',
  ruleDecl: 'a rule',
  ruleHead: 'a rule name',
  ruleBody: 'a rule body',
  literal: 'an expression',
  logicUnit: 'an expression',
  operand: 'a term',
  query: '`;` or a new line between expressions',
  primary: 'a term',
  anyName: 'ident',
  pathRef: 'a path',
  headName: 'a rule name',
};

function showToken(tok: IToken | undefined): string {
  // OPA's wording for the end of input (some callers match OPA's error texts).
  if (!tok || tok.tokenType === EOF) return 'eof token';
  const img = tok.image.length > 24 ? `${tok.image.slice(0, 21)}...` : tok.image;
  return `\`${img.replace(/\n/g, '\\n')}\``;
}

function describe(tt: TokenType): string {
  return typeof tt.LABEL === 'string' ? tt.LABEL : tt.name;
}

export const errorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    if (expected === T.TplEnd || expected === T.RawTplEnd) return 'unterminated template string';
    return `unexpected ${showToken(actual)}: expected ${describe(expected)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant, ruleName }) {
    const what = RULE_DESCRIPTIONS[ruleName];
    return `unexpected ${showToken(firstRedundant)}${what ? `: expected ${what}` : ''}`;
  },
  buildNoViableAltMessage({ actual, customUserDescription, ruleName }) {
    const what = customUserDescription ?? RULE_DESCRIPTIONS[ruleName] ?? 'a term';
    return `unexpected ${showToken(actual[0])}: expected ${what}`;
  },
  buildEarlyExitMessage({ actual, customUserDescription, ruleName }) {
    const what = customUserDescription ?? RULE_DESCRIPTIONS[ruleName] ?? 'a term';
    return `unexpected ${showToken(actual[0])}: expected ${what}`;
  },
};

