import { describe, expect, it } from 'vitest';
import { shellTokens, shellTokensBuiltin } from './shell-tokens.js';

// Equality with regex.find_n on generated scripts (Palisade's RE2 and the reference OPA): test/stdlib/shell-tokens.test.ts.

describe('palisade.shell_tokens', () => {
  it('splits words, quotes and operators as the regex does', () => {
    expect(shellTokens(`FOO="a b" apt-get install -y 'x y' 2>&1 && echo ok||true; a|b & c\nd`)).toEqual([
      'FOO="a b"', 'apt-get', 'install', '-y', "'x y'", '2>&1', '&&', 'echo', 'ok', '||', 'true', ';', 'a', '|', 'b', '&', 'c', '\n', 'd',
    ]);
    // An unclosed quote and a backslash before a newline start no token (the search moves on); the newline is an operator.
    expect(shellTokens(`echo "abc \\\n' x`)).toEqual(['echo', 'abc', '\n', 'x']);
    expect(shellTokens('a\\ b &>out <&3')).toEqual(['a\\ b', '&>out', '<&3']);
    expect(shellTokens('')).toEqual([]);
  });

  it('is linear: a 100,000-command script is one pass', () => {
    const parts = ['echo start'];
    for (let i = 0; i < 100_000; i++) parts.push(`echo "line ${i}"`);
    const tokens = shellTokens(parts.join(' && '));
    expect(tokens.length).toBe(100_001 * 2 + 100_000);
    expect(tokens[tokens.length - 1]).toBe('"line 99999"');
  });

  it('rejects a non-string operand with a typed error', () => {
    expect(() => shellTokensBuiltin.impl([1], undefined as never, undefined as never)).toThrow(/operand 1 must be string/);
  });
});
