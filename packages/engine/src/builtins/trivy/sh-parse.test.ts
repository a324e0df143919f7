import { describe, expect, it } from 'vitest';
import { parseShell, ShellSyntaxError } from './sh-parse.js';

function syntaxError(src: string): ShellSyntaxError {
  try {
    parseShell(src);
  } catch (e) {
    if (e instanceof ShellSyntaxError) return e;
    throw e;
  }
  throw new TypeError(`no syntax error for ${JSON.stringify(src)}`);
}

describe('parseShell on malformed [[ … ]]', () => {
  // Found by the fuzz campaign (docs/reliability.md): `[[ &` looped pushing empty words until the heap ran out.
  it.each(['T&[[&', '[[ & ]]', '[[ a ; ]]', '[[ | b ]]'])('%j is a syntax error, not a hang', (src) => {
    expect(syntaxError(src)).toBeInstanceOf(ShellSyntaxError);
  });

  it('still parses well-formed tests with && and ||', () => {
    expect(parseShell('[[ -f a && -n "$b" || ! -d c ]] && echo ok')).toHaveLength(1);
  });
});
