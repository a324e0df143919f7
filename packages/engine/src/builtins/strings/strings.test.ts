import { describe, expect, it } from 'vitest';
import { caller, failure } from '../test-support.js';
import { stringsBuiltins } from './strings.js';
import { RSet, RObject, type Value } from '../../value/types.js';

const call = caller(stringsBuiltins);
const fails = failure(stringsBuiltins);

describe('basic string builtins', () => {
  it('concat joins arrays and sets (sets in sorted order)', () => {
    expect(call('concat', '/', ['', 'foo', 'bar'])).toBe('/foo/bar');
    expect(call('concat', ',', new RSet(['b', 'a', 'c']))).toBe('a,b,c');
    expect(fails('concat', ',', [1])).toBe('eval_type_error: operand 2 must be array of strings but got array containing number');
    expect(fails('concat', ',', new RSet([1]))).toBe('eval_type_error: operand 2 must be set of strings but got set containing number');
    expect(fails('concat', ',', 'x')).toBe('eval_type_error: operand 2 must be one of {set, array} but got string');
  });

  it('contains / startswith / endswith', () => {
    expect(call('contains', 'abcdefgh', 'defg')).toBe(true);
    expect(call('contains', 'abcdefgh', 'ac')).toBe(false);
    expect(call('startswith', 'abcdefgh', 'abcd')).toBe(true);
    expect(call('endswith', 'abcdefgh', 'fg')).toBe(false);
    expect(fails('startswith', 1, 'a')).toBe('eval_type_error: operand 1 must be string but got number');
  });

  it('format_int truncates toward zero and keeps big integers exact', () => {
    expect(call('format_int', 15.5, 16)).toBe('f');
    expect(call('format_int', -15.9, 16)).toBe('-f');
    expect(call('format_int', 18446744073709551617n, 2)).toBe('1' + '0'.repeat(63) + '1');
    expect(call('format_int', -18446744073709551617n, 10)).toBe('-18446744073709551617');
    expect(fails('format_int', 4.1, 199)).toBe('eval_type_error: operand 2 must be one of {2, 8, 10, 16}');
  });

  it('indexof and indexof_n count code points', () => {
    expect(call('indexof', 'abcabcabcdefgh', 'cde')).toBe(8);
    expect(call('indexof', 'skön var våren', 'vår')).toBe(9);
    expect(call('indexof', '🍧🍨🧁🍰🍮', '🍮')).toBe(4);
    expect(call('indexof', 'μ', 'μμ')).toBe(-1);
    expect(call('indexof_n', '😇😀😇😀😇😀', '😀')).toEqual([1, 3, 5]);
    expect(call('indexof_n', 'aaa', 'aa')).toEqual([0, 1]);
    expect(fails('indexof', 'abc', '')).toBe('eval_builtin_error: empty search character');
  });

  it('lower and upper map rune by rune like Go', () => {
    expect(call('lower', 'AbCdEf')).toBe('abcdef');
    expect(call('upper', 'straße')).toBe('STRAßE');
    expect(call('lower', 'İ')).toBe('i');
    expect(call('lower', 'ΟΔΟΣ')).toBe('οδοσ');
  });

  it('replace, including the empty pattern', () => {
    expect(call('replace', 'foo...bar', '..', ',,')).toBe('foo,,.bar');
    expect(call('replace', 'ab', '', 'X')).toBe('XaXbX');
    expect(call('replace', '', '', 'X')).toBe('X');
  });

  it('strings.replace_n applies the smallest matching key first', () => {
    expect(call('strings.replace_n', { '<': '&lt;', '>': '&gt;' }, 'This is <b>HTML</b>!')).toBe('This is &lt;b&gt;HTML&lt;/b&gt;!');
    expect(call('strings.replace_n', { foo: 'xxx', f: 'x' }, 'foobar')).toBe('xoobar');
    expect(call('strings.replace_n', { '': '-', a: '1' }, 'ab')).toBe('-1-b-');
    expect(fails('strings.replace_n', new RObject([[2, 'x']]), 'foo')).toBe(
      'eval_type_error: operand 1 non-string key found in pattern object',
    );
    expect(fails('strings.replace_n', { f: 100 }, 'foo')).toBe('eval_type_error: operand 1 non-string value found in pattern object');
    expect(fails('strings.replace_n', { foo: 'baz' }, 100)).toBe('eval_type_error: operand 2 must be string but got number');
  });

  it('strings.replace_n keeps text without keys, outside the BMP and between replacements', () => {
    const quotes = { '"': '', "'": '' };
    expect(call('strings.replace_n', quotes, 'plain')).toBe('plain');
    expect(call('strings.replace_n', quotes, `a"b'c😀"`)).toBe('abc😀');
    // The same pattern object again (its sorted keys are reused) gives the same answers.
    expect(call('strings.replace_n', quotes, `'x'`)).toBe('x');
    expect(call('strings.replace_n', { '': '-' }, '😀a')).toBe('-😀-a-');
    expect(call('strings.replace_n', { ab: 'X', b: 'Y' }, 'abbab')).toBe('XYX');
  });

  it('split and strings.split_n', () => {
    expect(call('split', '', '.')).toEqual(['']);
    expect(call('split', 'test', '')).toEqual(['t', 'e', 's', 't']);
    expect(call('split', '', '')).toEqual([]);
    expect(call('split', 'a😀b', '')).toEqual(['a', '😀', 'b']);
    expect(call('strings.split_n', 'a.b.c.d', '.', 2)).toEqual(['a', 'b']);
    expect(call('strings.split_n', 'a.b.c.d', '.', -2)).toEqual(['c', 'd']);
    expect(call('strings.split_n', 'a.b.c.d', '.', 0)).toEqual([]);
    expect(call('strings.split_n', 'a.b.c.d', '.', -10)).toEqual(['a', 'b', 'c', 'd']);
    expect(fails('strings.split_n', 'a.b', '.', 1.5)).toBe(
      'eval_type_error: operand 3 must be integer number but got floating-point number',
    );
  });

  it('substring works on code points', () => {
    expect(call('substring', 'abcdefgh', 2, 3)).toBe('cde');
    expect(call('substring', 'aåäö', 2, -1)).toBe('äö');
    expect(call('substring', 'abcdefghåäö', 2, 10000)).toBe('cdefghåäö');
    expect(call('substring', 'åäö', 3, -1)).toBe('');
    expect(fails('substring', 'åäö', -1, -1)).toBe('eval_builtin_error: negative offset');
    expect(fails('substring', 'abc', 1.5, 1)).toBe('eval_type_error: operand 2 must be integer number but got floating-point number');
  });

  it('trim family uses Go cutset and white space rules', () => {
    expect(call('trim', '...foo.bar...', '.fr')).toBe('oo.ba');
    expect(call('trim', '¡¡¡foo, bar!!!', '!¡')).toBe('foo, bar');
    expect(call('trim_left', '¡¡¡foo, bar!!!', '!¡')).toBe('foo, bar!!!');
    expect(call('trim_right', '¡¡¡foo, bar!!!', '!¡')).toBe('¡¡¡foo, bar');
    expect(call('trim_prefix', '¡¡¡foo, bar!!!', '¡¡¡foo')).toBe(', bar!!!');
    expect(call('trim_suffix', '¡¡¡foo, bar!!!', ', foo!!!')).toBe('¡¡¡foo, bar!!!');
    expect(call('trim_space', ' \t\n foo, bar \n\t\r\n')).toBe('foo, bar');
    // Go trims U+0085 but not U+FEFF (unlike String.prototype.trim).
    expect(call('trim_space', '\u0085x\uFEFF')).toBe('x\uFEFF');
  });

  it('strings.reverse, strings.count', () => {
    expect(call('strings.reverse', '1😀𝛾')).toBe('𝛾😀1');
    expect(call('strings.reverse', '2️⃣')).toBe('⃣️2');
    expect(fails('strings.reverse', 123)).toBe('eval_type_error: operand 1 must be string but got number');
    expect(call('strings.count', 'cheese', 'e')).toBe(3);
    expect(call('strings.count', '11111', '11')).toBe(2);
    expect(call('strings.count', 'dummy', '')).toBe(6);
    expect(call('strings.count', '', '')).toBe(1);
  });

  it('any_prefix_match / any_suffix_match accept strings, arrays and sets', () => {
    expect(call('strings.any_prefix_match', ['a/b/c', 'e/f/g'], ['x/', 'e/'])).toBe(true);
    expect(call('strings.any_prefix_match', 'a/b/c', new RSet(['g/', 'd/']))).toBe(false);
    expect(call('strings.any_suffix_match', new RSet(['a/b/c']), '/c')).toBe(true);
    expect(fails('strings.any_prefix_match', [1, 2], ['a'])).toBe(
      'eval_type_error: operand 1 must be array of strings but got array containing number',
    );
    expect(fails('strings.any_suffix_match', ['a'], 1)).toBe(
      'eval_type_error: operand 2 must be one of {string, set, array} but got number',
    );
  });
});

describe('sprintf (Go fmt semantics)', () => {
  const f = (format: string, ...args: Value[]) => call('sprintf', format, args);

  it('formats the common verbs', () => {
    expect(f('hi %s', 'there')).toBe('hi there');
    expect(f('hi %02d', 5)).toBe('hi 05');
    expect(f('hi %02X.%02X', 127, 1)).toBe('hi 7F.01');
    expect(f('hi %.2f', 3.1415)).toBe('hi 3.14');
    expect(f('%e|%g|%v', 123456.789, 1e-7, 0.1)).toBe('1.234568e+05|1e-07|0.1');
    expect(f('%x|%o|%b|%#x', 255, 8, 5, 255)).toBe('ff|10|101|0xff');
    expect(f('%q|%x', 'a"b\n', 'hi')).toBe('"a\\"b\\n"|6869');
    expect(f('%T %T %T', 1, 1.5, 'a')).toBe('int float64 string');
    expect(f('%d%%', 50)).toBe('50%');
  });

  it('pads, aligns and rounds half to even like Go', () => {
    expect(f('%8.3f|%-8.3f|%+08.3f', 3.14159, 3.14159, 3.14159)).toBe('   3.142|3.142   |+003.142');
    expect(f('%5s|%-5s|%.2s', 'abc', 'abc', 'abc')).toBe('  abc|abc  |ab');
    expect(f('%.0f %.0f %.0f', 0.5, 1.5, 2.5)).toBe('0 2 2');
    expect(f('%*d', 5, 3)).toBe('    3');
    expect(f('%v', 1234567.5)).toBe('1.2345675e+06');
  });

  it('prints non-scalar values in Rego syntax', () => {
    expect(f('hi %v', ['there', 5, 3.14])).toBe('hi ["there", 5, 3.14]');
    expect(f('%v', new RSet([2, 1]))).toBe('{1, 2}');
    expect(f('%v', new RSet())).toBe('set()');
    expect(f('%v', { b: 1, a: [null, true] })).toBe('{"a": [null, true], "b": 1}');
    expect(f('%s', true)).toBe('true');
  });

  it('keeps big integers exact and prints out-of-range floats as their literal', () => {
    expect(f('%s', 123456789123456789123n)).toBe('123456789123456789123');
    expect(f('%d|%x', 1208925819614629174706175n, 2n ** 70n)).toBe('1208925819614629174706175|400000000000000000');
    expect(f('hi %v', 2n * 10n ** 308n)).toBe('hi 2e308');
  });

  it('reports bad verbs, missing and extra arguments as Go does', () => {
    expect(f('%d %s', 'x', 1)).toBe('%!d(string=x) %!s(int=1)');
    expect(f('%v %v', 1)).toBe('1 %!v(MISSING)');
    expect(f('%d', 1, 'a')).toBe('1%!(EXTRA string=a)');
    expect(f('%f', 5)).toBe('%!f(int=5)');
    expect(f('%')).toBe('%!(NOVERB)');
    expect(f('%[3]d', 1)).toBe('%!d(BADINDEX)');
    expect(f('%[2]d %[1]d', 1, 2)).toBe('2 1');
  });

  it('checks its operands', () => {
    expect(fails('sprintf', '%v', 'x')).toBe('eval_type_error: operand 2 must be array but got string');
    expect(fails('sprintf', 1, [])).toBe('eval_type_error: operand 1 must be string but got number');
  });
});
