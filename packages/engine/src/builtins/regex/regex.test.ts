import { describe, expect, it } from 'vitest';
import { caller, failure } from '../test-support.js';
import { regexBuiltins } from './regex.js';
import { LruCache } from './regex-engine.js';

const call = caller(regexBuiltins);
const fails = failure(regexBuiltins);

describe('regex builtins', () => {
  it('regex.match / re_match search anywhere', () => {
    expect(call('regex.match', '^[a-z]+\\[[0-9]+\\]$', 'foo[1]')).toBe(true);
    expect(call('regex.match', '', 'x')).toBe(true);
    expect(call('regex.match', '^$', 'something')).toBe(false);
    expect(call('re_match', 'b+', 'abbbc')).toBe(true);
    expect(fails('regex.match', '$^[[[', 'x')).toBe('eval_builtin_error: error parsing regexp: missing closing ]: `[[[`');
  });

  it('uses RE2 syntax, not JavaScript RegExp', () => {
    // RE2 named groups and \pN classes; backreferences and lookahead are syntax errors.
    expect(call('regex.match', '(?P<y>\\d{4})-\\pN', '2024-5')).toBe(true);
    expect(fails('regex.match', '(a)\\1', 'aa')).toBe('eval_builtin_error: error parsing regexp: invalid escape sequence: `\\1`');
    expect(fails('regex.match', 'a(?=b)', 'ab')).toMatch(/^eval_builtin_error: error parsing regexp: /);
    // A pattern that backtracks exponentially in JS stays linear in RE2.
    expect(call('regex.match', '^(a+)+$', 'a'.repeat(5000) + 'b')).toBe(false);
  });

  it('regex.is_valid never fails', () => {
    expect(call('regex.is_valid', '.+')).toBe(true);
    expect(call('regex.is_valid', '++')).toBe(false);
    expect(call('regex.is_valid', 10)).toBe(false);
  });

  it('regex.find_n follows Go FindAllString', () => {
    expect(call('regex.find_n', 'a.', 'paranormal', -1)).toEqual(['ar', 'an', 'al']);
    expect(call('regex.find_n', 'a.', 'paranormal', 2)).toEqual(['ar', 'an']);
    expect(call('regex.find_n', 'a.', 'paranormal', 0)).toEqual([]);
    expect(call('regex.find_n', '^a.', 'abacadaeaf', -1)).toEqual(['ab']);
    // Empty matches: none directly after a previous match; stepping by code point.
    expect(call('regex.find_n', 'a*', 'baaab', -1)).toEqual(['', 'aaa', '']);
    expect(call('regex.find_n', 'x*', '😀😀', -1)).toEqual(['', '', '']);
    expect(fails('regex.find_n', 'a', 'a', 1.5)).toBe('eval_type_error: operand 3 must be integer number but got floating-point number');
  });

  it('regex.find_all_string_submatch_n returns groups, "" for unmatched ones', () => {
    expect(call('regex.find_all_string_submatch_n', 'a(x*)b', '-ab-axb-', -1)).toEqual([
      ['ab', ''],
      ['axb', 'x'],
    ]);
    expect(call('regex.find_all_string_submatch_n', '[^aouiye]([aouiye])([^aouiye])?', 'somestri', -1)).toEqual([
      ['som', 'o', 'm'],
      ['ri', 'i', ''],
    ]);
    expect(call('regex.find_all_string_submatch_n', 'a(x*)b', '-', -1)).toEqual([]);
  });

  it('regex.split follows Go Regexp.Split', () => {
    expect(call('regex.split', 'a', 'banana')).toEqual(['b', 'n', 'n', '']);
    expect(call('regex.split', 'z+', 'pizza')).toEqual(['pi', 'a']);
    expect(call('regex.split', '^[a-z]+', 'foobar baz')).toEqual(['', ' baz']);
    expect(call('regex.split', '^[a-z ]+$', 'foobar baz')).toEqual(['', '']);
    expect(call('regex.split', 'x', '')).toEqual(['']);
  });

  it('regex.replace expands $ references like Go', () => {
    expect(call('regex.replace', '-wy-wxxy-', 'w(x*)y', '0')).toBe('-0-0-');
    expect(call('regex.replace', 'foo', '(foo)', '$1$1')).toBe('foofoo');
    expect(call('regex.replace', 'foo bar', '(?P<w>[a-z]+)', '<${w}>')).toBe('<foo> <bar>');
    // `$1x` names group "1x", which does not exist: it expands to nothing.
    expect(call('regex.replace', 'ab', '(a)', '$1x')).toBe('b');
    expect(call('regex.replace', 'ab', 'a', '$$')).toBe('$b');
    expect(call('regex.replace', 'abc', 'x*', '-')).toBe('-a-b-c-');
    expect(call('regex.replace', 'foo barx', '[a-z]{2}', '_')).toBe('_o __');
    expect(fails('regex.replace', 'foo', '[', '$1')).toBe('eval_builtin_error: error parsing regexp: missing closing ]: `[`');
  });

  it('regex.template_match', () => {
    expect(call('regex.template_match', 'urn:foo:{.*}', 'urn:foo:bar:baz', '{', '}')).toBe(true);
    expect(call('regex.template_match', 'urn:foo:<.*>', 'urn:foo:bar:baz', '<', '>')).toBe(true);
    expect(call('regex.template_match', 'urn:foo.{[a-z]+}', 'urnXfoo.bar', '{', '}')).toBe(false);
    expect(fails('regex.template_match', 'a{b', 'ab', '{', '}')).toBe('eval_builtin_error: unbalanced braces in "a{b"');
    expect(fails('regex.template_match', 'a', 'a', '{{', '}')).toBe(
      'eval_builtin_error: start delimiter has to be exactly one character long but is 2 long',
    );
  });

  it('regex.globs_match follows glob-intersection', () => {
    expect(call('regex.globs_match', 'a.a.[0-9]+z', '.b.b2359825792*594823z')).toBe(true);
    expect(call('regex.globs_match', '[a-z]+', '[0-9]*')).toBe(false);
    expect(call('regex.globs_match', '[a-z]+\\[[0-9]+\\]', 'foo\\[1\\]')).toBe(true);
    expect(call('regex.globs_match', '[a-z]+\\[[0-9]+\\]', 'foo["bar"]')).toBe(false);
    expect(fails('regex.globs_match', 'pqrs]', '[a-b]+')).toBe(
      "eval_builtin_error: input:pqrs], pos:5, set-close ']' with no preceding '[': the input provided is invalid",
    );
    expect(fails('regex.globs_match', '*a', 'a')).toBe(
      "eval_builtin_error: input:*a, pos:1, flag '*' must be preceded by a non-flag: the input provided is invalid",
    );
    expect(fails('regex.globs_match', '[ab', 'a')).toBe(
      'eval_builtin_error: input:[ab, pos:3, found [ without matching ]: the input provided is invalid',
    );
  });
});

describe('LruCache', () => {
  it('evicts the least recently used entry', () => {
    const c = new LruCache<number>(2);
    c.set('a', 1);
    c.set('b', 2);
    expect(c.get('a')).toBe(1);
    c.set('c', 3);
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBe(1);
    expect(c.get('c')).toBe(3);
    expect(c.size).toBe(2);
  });

  it('keeps an entry that is hit often while other keys come and go', () => {
    const c = new LruCache<number>(10);
    c.set('hot', 0);
    for (let i = 0; i < 100; i++) {
      c.set(`k${i}`, i);
      expect(c.get('hot')).toBe(0);
    }
    expect(c.size).toBe(10);
    // The ten most recent cold keys cannot all be there with `hot`: the oldest of them went.
    expect(c.get('k90')).toBeUndefined();
    expect(c.get('k99')).toBe(99);
  });
});
