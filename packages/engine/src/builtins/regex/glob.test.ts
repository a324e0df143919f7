import { describe, expect, it } from 'vitest';
import type { BuiltinContext } from '../define.js';
import { globBuiltins, globMatches } from './glob.js';
import type { Value } from '../../value/types.js';

const ctx = { queryCache: new Map() } as unknown as BuiltinContext;
const call = (name: string, ...args: Value[]) => globBuiltins.find((d) => d.name === name)!.impl(args, ctx);
const match = (pattern: string, delims: Value, s: string) => call('glob.match', pattern, delims, s);
const fails = (...args: Value[]) => {
  try {
    call('glob.match', ...args);
  } catch (e) {
    return `${(e as { code: string }).code}: ${(e as Error).message}`;
  }
  return 'no error';
};

describe('glob.match', () => {
  it('* stays within delimiters, ** crosses them', () => {
    expect(match('*.github.com', ['.'], 'api.github.com')).toBe(true);
    expect(match('*.github.com', ['.'], 'api.not-github.com')).toBe(false);
    expect(match('api.**.com', ['.'], 'api.cdn.github.com')).toBe(true);
    expect(match('*:github:com', [':'], 'api:github:com')).toBe(true);
  });

  it('[] means the default delimiter ".", null means none', () => {
    expect(match('*', [], 'foo')).toBe(true);
    expect(match('*', [], 'foo.bar')).toBe(false);
    expect(match('*', null, 'foo.bar')).toBe(true);
    expect(match('foo*', null, 'foo.bar')).toBe(true);
  });

  it('character lists, ranges, negation and ?', () => {
    expect(match('[abc]at', [], 'cat')).toBe(true);
    expect(match('[abc]at', [], 'fat')).toBe(false);
    expect(match('[!abc]at', [], 'fat')).toBe(true);
    expect(match('[a-c]at', [], 'bat')).toBe(true);
    expect(match('[!a-c]at', [], 'bat')).toBe(false);
    expect(match('?at', [], 'at')).toBe(false);
    expect(match('?at', ['f'], 'fat')).toBe(false);
    expect(match('?at', ['f'], 'bat')).toBe(true);
    // ? and [..] match one code point, not one UTF-16 unit.
    expect(match('?', [], '😀')).toBe(true);
  });

  it('alternatives, nesting and escapes', () => {
    for (const s of ['cat', 'bat', 'fat', 'rat']) expect(match('{cat,bat,[fr]at}', [], s)).toBe(true);
    expect(match('{cat,bat,[fr]at}', [], 'at')).toBe(false);
    expect(match('{a,b{c,d}}x', [], 'bdx')).toBe(true);
    expect(match('\\*.com', [], '*.com')).toBe(true);
    expect(match('\\*.com', [], 'a.com')).toBe(false);
    // Outside braces, `,` and `}` are ordinary characters; regex metacharacters are literal.
    expect(match('a,b}', [], 'a,b}')).toBe(true);
    expect(match('a+(b)|c$', [], 'a+(b)|c$')).toBe(true);
  });

  it('reports gobwas/glob errors and checks operands', () => {
    expect(fails('[a', [], 'a')).toBe('eval_builtin_error: unexpected end of input');
    expect(fails('[]', [], 'a')).toBe('eval_builtin_error: could not parse range');
    expect(fails('[z-a]', [], 'a')).toBe("eval_builtin_error: hi character 'a' should be greater than lo 'z'");
    expect(fails('*', 'x', 'a')).toBe('eval_type_error: operand 2 must be one of {array, null} but got string');
    expect(fails('*', ['ab'], 'a')).toBe('eval_type_error: operand 2 must be array of runes but got array containing string');
    expect(fails('*', [1], 'a')).toBe('eval_type_error: operand 2 must be array of strings but got array containing number');
  });
});

describe('glob.quote_meta', () => {
  it('escapes glob metacharacters only', () => {
    expect(call('glob.quote_meta', '*.github.com')).toBe('\\*.github.com');
    expect(call('glob.quote_meta', '{a,b}[c]?\\')).toBe('\\{a,b\\}\\[c\\]\\?\\\\');
    const quoted = call('glob.quote_meta', '[x]*?') as string;
    expect(match(quoted, [], '[x]*?')).toBe(true);
  });
});

describe('globMatches (outside evaluation)', () => {
  it('matches whole strings, `*` crossing `/` without delimiters, and reports bad patterns', () => {
    expect(globMatches('*/v1_*.rego', '/ex/v1_b.rego')).toEqual({ matched: true });
    expect(globMatches('*/v1_*.rego', '/ex/a.rego')).toEqual({ matched: false });
    expect(globMatches('/ex/*.rego', '/ex/sub/a.rego', ['/'])).toEqual({ matched: false });
    expect(globMatches('/ex/{a,b}.rego', '/ex/b.rego')).toEqual({ matched: true });
    expect(globMatches('[z-a]', 'q')).toHaveProperty('error');
  });
});
