import { describe, expect, it } from 'vitest';
import { tokenize, unescapeString, unescapeRawTemplate } from './lexer.js';

const kinds = (src: string) => tokenize(src).tokens.map((t) => `${t.tokenType.name}:${t.image}`);

describe('lexer', () => {
  it('separates keywords from identifiers', () => {
    expect(kinds('in input not nothing some_x every')).toEqual(['In:in', 'Identifier:input', 'Not:not', 'Identifier:nothing', 'Identifier:some_x', 'Every:every']);
  });
  it('lexes operators longest first', () => {
    expect(kinds(':= == != <= >= < > = :')).toEqual([
      'Assign::=', 'Eq:==', 'Neq:!=', 'Lte:<=', 'Gte:>=', 'Lt:<', 'Gt:>', 'Unify:=', 'Colon::',
    ]);
  });
  it('lexes numbers without signs', () => {
    expect(kinds('1 1.5 1e-3 .5 -2')).toEqual(['Number:1', 'Number:1.5', 'Number:1e-3', 'Number:.5', 'Minus:-', 'Number:2']);
  });
  it('marks tokens preceded by whitespace and newlines', () => {
    const toks = tokenize('a.b [c]\n# x\nd').tokens;
    expect(toks.map((t) => [t.image, t.ws, t.nl])).toEqual([
      ['a', false, false], ['.', false, false], ['b', false, false], ['[', true, false],
      ['c', false, false], [']', false, false], ['d', true, true],
    ]);
  });
  it('collects comments separately', () => {
    const r = tokenize('a # one\n#two');
    expect(r.comments.map((c) => c.image)).toEqual(['# one', '#two']);
  });
  it('lexes template strings with nested braces and templates', () => {
    expect(kinds('$"a {{1}} {$"{x}"} b"')).toEqual([
      'TplStart:$"', 'TplText:a ', 'TplExprOpen:{', 'LBracePush:{', 'Number:1', 'RBracePop:}', 'RBracePop:}',
      'TplText: ', 'TplExprOpen:{', 'TplStart:$"', 'TplExprOpen:{', 'Identifier:x', 'RBracePop:}', 'TplEnd:"',
      'RBracePop:}', 'TplText: b', 'TplEnd:"',
    ]);
  });
  it('reports unterminated literals and bad characters', () => {
    expect(tokenize('"abc').errors.map((e) => e.message)).toEqual(['unterminated string']);
    expect(tokenize('x ~ y').errors.map((e) => [e.message, e.column])).toEqual([['unexpected character "~"', 3]]);
  });
});

describe('string decoding', () => {
  it('decodes JSON escapes', () => {
    expect(unescapeString('a\\n\\t\\"\\\\\\/\\b\\f\\r')).toBe('a\n\t"\\/\b\f\r');
    expect(unescapeString('\\u0041\\ud83d\\ude00')).toBe('A😀');
    expect(unescapeString('\\x')).toBeUndefined();
    expect(unescapeString('\\u12')).toBeUndefined();
  });
  it('only template text treats \\{ as an escape', () => {
    expect(unescapeString('\\{', true)).toBe('{');
    expect(unescapeString('\\{')).toBeUndefined();
    expect(unescapeRawTemplate('a\\{b\\n')).toBe('a{b\\n');
  });
});
