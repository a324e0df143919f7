import { describe, expect, it } from 'vitest';
import type { BuiltinContext } from '../define.js';
import { encodingBuiltins } from './encoding.js';
import { base64Decode, Base64Error, hexDecode } from '../bytes.js';
import { goJSONSyntaxError } from '../go/go-json-errors.js';
import { goYamlKeyLess, goFormatFloatG } from './encoding-yaml.js';
import { RObject, RSet, type Value } from '../../value/types.js';
import { PalisadeError } from '../../errors.js';

const ctx = {} as BuiltinContext;

function call(name: string, ...args: Value[]): Value | undefined {
  const decl = encodingBuiltins.find((b) => b.name === name);
  if (!decl) throw new Error(`no builtin ${name}`);
  return decl.impl(args, ctx);
}

function failure(name: string, ...args: Value[]): { code: string; message: string } {
  try {
    call(name, ...args);
  } catch (e) {
    if (e instanceof PalisadeError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error(`${name} did not fail`);
}

describe('base64 / base64url / hex', () => {
  it('round-trips UTF-8 text', () => {
    expect(call('base64.encode', 'hello')).toBe('aGVsbG8=');
    expect(call('base64.encode', 'subjects?_d')).toBe('c3ViamVjdHM/X2Q=');
    expect(call('base64.decode', 'c3ViamVjdHM/X2Q=')).toBe('subjects?_d');
    expect(call('base64.decode', call('base64.encode', 'héllo ✓ 😀')!)).toBe('héllo ✓ 😀');
    expect(call('base64url.encode', 'subjects?_d')).toBe('c3ViamVjdHM_X2Q=');
    expect(call('base64url.encode_no_pad', 'hello')).toBe('aGVsbG8');
    expect(call('base64url.decode', 'aGVsbG8')).toBe('hello');
    expect(call('base64url.decode', 'aGVsbG8=')).toBe('hello');
    expect(call('hex.encode', 'lorem ipsum')).toBe('6c6f72656d20697073756d');
    expect(call('hex.decode', '6C6F72')).toBe('lor');
  });

  it('validates base64 as Go does (padding required, newlines skipped)', () => {
    expect(call('base64.is_valid', 'aGVsbG8=')).toBe(true);
    expect(call('base64.is_valid', 'aGVsbG8')).toBe(false);
    expect(call('base64.is_valid', "{'not':'base64'}")).toBe(false);
    expect(call('base64.decode', 'aGVs\nbG8=')).toBe('hello');
    expect(call('base64.decode', '')).toBe('');
  });

  it('reports Go error offsets', () => {
    expect((base64Decode('aGVsbG8') as Base64Error).message).toBe('illegal base64 data at input byte 4');
    expect((base64Decode('a!==') as Base64Error).offset).toBe(1);
    expect((base64Decode('aGVsbG8=x') as Base64Error).offset).toBe(8);
    expect(failure('base64.decode', 'a')).toEqual({ code: 'eval_builtin_error', message: 'illegal base64 data at input byte 0' });
    expect(failure('base64url.decode', 'abcde').message).toBe('illegal base64url string: abcde');
  });

  it('words hex errors as encoding/hex', () => {
    expect(failure('hex.decode', 'fghijkl').message).toBe("encoding/hex: invalid byte: U+0067 'g'");
    expect(failure('hex.decode', 'abc').message).toBe('encoding/hex: odd length hex string');
    expect(hexDecode('a\n')).toEqual({ error: 'encoding/hex: invalid byte: U+000A' });
  });

  it('rejects non-string operands with type errors', () => {
    expect(failure('base64.encode', 1)).toEqual({ code: 'eval_type_error', message: 'operand 1 must be string but got number' });
  });
});

describe('urlquery', () => {
  it('escapes like url.QueryEscape', () => {
    expect(call('urlquery.encode', 'a=b+1')).toBe('a%3Db%2B1');
    expect(call('urlquery.encode', 'a b~c-d_e.f/é')).toBe('a+b~c-d_e.f%2F%C3%A9');
    expect(call('urlquery.decode', 'a%3Db%2B1+x')).toBe('a=b+1 x');
    expect(failure('urlquery.decode', 'a%zz').message).toBe('invalid URL escape "%zz"');
    expect(failure('urlquery.decode', '%4').message).toBe('invalid URL escape "%4"');
  });

  it('encodes objects with sorted keys and repeated values', () => {
    expect(call('urlquery.encode_object', {})).toBe('');
    expect(call('urlquery.encode_object', { c: 'd', a: 'b' })).toBe('a=b&c=d');
    expect(call('urlquery.encode_object', { a: ['b+1', 'c+2'] })).toBe('a=b%2B1&a=c%2B2');
    expect(call('urlquery.encode_object', { a: new RSet(['y', 'x']) })).toBe('a=x&a=y');
    expect(failure('urlquery.encode_object', { a: [1] })).toEqual({ code: 'eval_type_error', message: 'operand 1 only array of strings supported' });
    expect(failure('urlquery.encode_object', { a: 1 }).message).toBe('operand 1 only strings, arrays of strings, or sets of strings supported');
  });

  it('decodes query strings into objects of arrays', () => {
    expect(call('urlquery.decode_object', 'a=value_a1&b=value_b&a=value_a2')).toEqual({ a: ['value_a1', 'value_a2'], b: ['value_b'] });
    expect(call('urlquery.decode_object', 'a=value_a1&b')).toEqual({ a: ['value_a1'], b: [''] });
    expect(call('urlquery.decode_object', '')).toEqual({});
    expect(failure('urlquery.decode_object', 'a=1;b=2').message).toBe('invalid semicolon separator in query');
  });
});

describe('json', () => {
  it('marshals with sorted keys, sets as arrays and Go escaping', () => {
    expect(call('json.marshal', [{ foo: new RSet([3, 1, 2]) }])).toBe('[{"foo":[1,2,3]}]');
    expect(call('json.marshal', { b: 1, a: '<&>\u2028' })).toBe('{"a":"\\u003c\\u0026\\u003e\\u2028","b":1}');
    expect(call('json.marshal', 12345678901234567890n)).toBe('12345678901234567890');
    expect(call('json.marshal', new RObject([[1, 'x']]))).toBe('{"1":"x"}');
    expect(call('json.marshal', '\u0001\b')).toBe('"\\u0001\\b"');
  });

  it('pretty-prints as MarshalIndent with OPA option rules', () => {
    expect(call('json.marshal_with_options', [1, 2], { pretty: true })).toBe('[\n\t1,\n\t2\n]');
    expect(call('json.marshal_with_options', { b: 1, a: [] }, { prefix: '> ', indent: ' ' })).toBe('> {\n>  "a": [],\n>  "b": 1\n> }');
    expect(call('json.marshal_with_options', [1], { pretty: false, indent: 'x' })).toBe('[1]');
    expect(call('json.marshal_with_options', [], { indent: '    ', prefix: '---' })).toBe('---[]');
    expect(failure('json.marshal_with_options', [], { nope: true })).toEqual({
      code: 'eval_type_error',
      message: 'operand 2 object contained unknown key "nope"',
    });
    expect(failure('json.marshal_with_options', [], { pretty: 'yes' }).message).toBe(
      'operand 2 key pretty failed cast to bool: operand 0 must be boolean but got string',
    );
  });

  it('unmarshals exactly and reports Go syntax errors', () => {
    expect(call('json.unmarshal', '[{"foo":[1,2,3]}]')).toEqual([{ foo: [1, 2, 3] }]);
    expect(call('json.unmarshal', '{"n": 18446744073709551614}')).toEqual({ n: 18446744073709551614n });
    expect(failure('json.unmarshal', '{"a" 1}').message).toBe("invalid character '1' after object key");
    expect(failure('json.unmarshal', 1)).toEqual({ code: 'eval_type_error', message: 'operand 1 must be string but got number' });
  });

  it('is_valid answers false for non-strings and bad text', () => {
    expect(call('json.is_valid', '{"json": "ok"}')).toBe(true);
    expect(call('json.is_valid', '{')).toBe(false);
    expect(call('json.is_valid', 'plainstring')).toBe(false);
    expect(call('json.is_valid', 1)).toBe(false);
  });

  it('words syntax errors like encoding/json', () => {
    expect(goJSONSyntaxError('')).toBe('EOF');
    expect(goJSONSyntaxError('[1,2')).toBe('unexpected EOF');
    expect(goJSONSyntaxError('plainstring')).toBe("invalid character 'p' looking for beginning of value");
    expect(goJSONSyntaxError('[1 2]')).toBe("invalid character '2' after array element");
    expect(goJSONSyntaxError('{"a":1 "b"}')).toBe("invalid character '\"' after object key:value pair");
    expect(goJSONSyntaxError('{1:2}')).toBe("invalid character '1' looking for beginning of object key string");
    expect(goJSONSyntaxError('tru')).toBe('unexpected EOF');
    expect(goJSONSyntaxError('trux')).toBe("invalid character 'x' in literal true (expecting 'e')");
    expect(goJSONSyntaxError('"a\u0001"')).toBe("invalid character '\\x01' in string literal");
    expect(goJSONSyntaxError('1.x')).toBe("invalid character 'x' after decimal point in numeric literal");
    expect(goJSONSyntaxError('{} x')).toBe("invalid character 'x' looking for beginning of value");
  });
});

describe('yaml', () => {
  it('round-trips through marshal and unmarshal', () => {
    const text = call('yaml.marshal', [{ foo: new RSet([1, 2, 3]) }]) as string;
    expect(text).toBe('- foo:\n  - 1\n  - 2\n  - 3\n');
    expect(call('yaml.unmarshal', text)).toEqual([{ foo: [1, 2, 3] }]);
  });

  it('writes go-yaml style scalars and key order', () => {
    expect(call('yaml.marshal', { yes: 'no', n: '123', s: 'a: b', a10: 1, a9: 1.5, e: '' })).toBe(
      'a9: 1.5\na10: 1\ne: ""\n"n": "123"\ns: \'a: b\'\n"yes": "no"\n',
    );
    expect(call('yaml.marshal', 'abc')).toBe('abc\n');
    expect(goYamlKeyLess('a9', 'a10')).toBe(true);
    expect(goYamlKeyLess('b', '1')).toBe(false);
    expect(goFormatFloatG(1234567.5)).toBe('1.2345675e+06');
    expect(goFormatFloatG(0.00001)).toBe('1e-05');
    expect(goFormatFloatG(0.5)).toBe('0.5');
  });

  it('reads YAML 1.1 scalars as go-yaml v2 does', () => {
    expect(call('yaml.unmarshal', 'a: yes\nb: off\nc: 0777\nd: 2001-12-14\ne: 1:20\n1: x\nbig: 18446744073709551614')).toEqual({
      a: true,
      b: false,
      c: 511,
      d: '2001-12-14',
      e: '1:20',
      '1': 'x',
      big: 18446744073709551614n,
    });
    // go-yaml tries Go's ParseInt(s, 0, 64) first (0o, 0B prefixes); beyond 64 bits a float; overflowing floats stay strings.
    expect(call('yaml.unmarshal', 'a: 0o17\nb: -0O17\nc: 0B101\nd: 1e400\ne: 123456789012345678901\nf: !!binary aGVsbG8=')).toEqual({
      a: 15,
      b: -15,
      c: 5,
      d: '1e400',
      e: 123456789012345680000n,
      f: 'hello',
    });
    expect(call('yaml.unmarshal', 'base: &b {x: 1}\nderived:\n  <<: *b\n  z: 2')).toEqual({ base: { x: 1 }, derived: { x: 1, z: 2 } });
    // go-yaml v2 reads a bare `y` key as the boolean true, which becomes the key "true".
    expect(call('yaml.unmarshal', 'y: 2')).toEqual({ true: 2 });
    expect(call('yaml.unmarshal', 'a: 1\na: 2')).toEqual({ a: 2 });
    expect(call('yaml.unmarshal', 'a: 1\n---\nb: 2')).toEqual({ a: 1 });
    expect(call('yaml.unmarshal', '')).toBe(null);
  });

  it('reports go-yaml error texts and bounds aliases', () => {
    expect(failure('yaml.unmarshal', '[1,2,3')).toEqual({ code: 'eval_builtin_error', message: "yaml: line 1: did not find expected ',' or ']'" });
    expect(failure('yaml.unmarshal', 'foo:\n  - baz: {').message).toBe("yaml: line 2: did not find expected ',' or '}'");
    expect(failure('yaml.unmarshal', 'a: &a [*a]').message).toBe('yaml: anchor value contains itself');
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x,x]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]'];
    expect(failure('yaml.unmarshal', bomb.join('\n')).message).toBe('yaml: document contains excessive aliasing');
  });

  it('is_valid', () => {
    expect(call('yaml.is_valid', 'foo:\n - qux: bar\n - baz: 2')).toBe(true);
    expect(call('yaml.is_valid', 'foo:\n - qux: bar\n - baz: {')).toBe(false);
    expect(call('yaml.is_valid', 1)).toBe(false);
  });
});

describe('uri', () => {
  it('splits URIs as net/url does', () => {
    expect(call('uri.parse', 'https://example.com:8080/api?q=1#top')).toEqual({
      scheme: 'https',
      hostname: 'example.com',
      port: '8080',
      path: '/api',
      raw_path: '/api',
      raw_query: 'q=1',
      fragment: 'top',
    });
    expect(call('uri.parse', 'http://[::1]:8080/a%20b')).toEqual({ scheme: 'http', hostname: '::1', port: '8080', path: '/a b', raw_path: '/a%20b' });
    expect(call('uri.parse', 'https://example.com/path%2Fwith%2Fslashes')).toMatchObject({ path: '/path/with/slashes', raw_path: '/path%2Fwith%2Fslashes' });
    expect(call('uri.parse', 'mailto:user@example.com')).toEqual({ scheme: 'mailto' });
    expect(call('uri.parse', 'HTTP://user:pw@host/x#a%20b')).toEqual({ scheme: 'http', hostname: 'host', path: '/x', raw_path: '/x', fragment: 'a b' });
    expect(call('uri.parse', '')).toEqual({});
  });

  it('reports Go parse errors and validity', () => {
    expect(failure('uri.parse', 'http://[invalid').message).toBe('parse "http://[invalid": missing \']\' in host');
    expect(failure('uri.parse', 'http://host:port/').message).toBe('parse "http://host:port/": invalid port ":port" after host');
    expect(failure('uri.parse', ':foo').message).toBe('parse ":foo": missing protocol scheme');
    expect(call('uri.is_valid', 'https://example.com/path?q=1')).toBe(true);
    expect(call('uri.is_valid', '')).toBe(false);
    expect(call('uri.is_valid', 'http://[invalid')).toBe(false);
    expect(call('uri.is_valid', 'a b/%zz')).toBe(false);
  });
});
