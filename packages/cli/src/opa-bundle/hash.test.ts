import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJSON, digest, isStructured } from './hash.js';

const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

describe('OPA file digests', () => {
  it('canonical JSON sorts keys in byte order, is compact and keeps number literals', () => {
    expect(canonicalJSON('{ "b": 1.50, "a": [ true, null, 1e3 ], "é": {}, "z": "x" }')).toBe('{"a":[true,null,1e3],"b":1.50,"z":"x","é":{}}');
    // Byte order, not UTF-16 order: U+FF5E (EF BD 9E) sorts before U+1F600 (F0 9F 98 80).
    expect(canonicalJSON('{"\u{1F600}": 1, "\uFF5E": 2}')).toBe('{"\uFF5E":2,"\u{1F600}":1}');
    expect(canonicalJSON('{"k": "<a>&\u2028"}')).toBe('{"k":"<a>&\\u2028"}');
    expect(canonicalJSON('{"a": 1, "a": 2}')).toBe('{"a":2}');
    expect(canonicalJSON('123.45678911111111111111111111111111111111111111111111111')).toBe('123.45678911111111111111111111111111111111111111111111111');
  });

  it('rejects what is not JSON', () => {
    for (const bad of ['{', '{"a" 1}', '[1,]', 'tru', '{"a":1} x', "{'a':1}"]) expect(() => canonicalJSON(bad), bad).toThrow(SyntaxError);
  });

  it('hashes structured files by content and others by bytes', () => {
    expect(isStructured('data.json')).toBe(true);
    expect(isStructured('a/b/data.yaml')).toBe(true);
    expect(isStructured('.manifest')).toBe(true);
    expect(isStructured('x.json')).toBe(false);
    const a = digest('data.json', Buffer.from('{"b": 2,\n "a": 1}'));
    expect(a).toBe(digest('data.json', Buffer.from('{"a":1,"b":2}')));
    expect(a).toBe(sha256('{"a":1,"b":2}'));
    expect(digest('a/data.yaml', Buffer.from('b: 2\na: 1\n'))).toBe(a);
    expect(digest('p.rego', Buffer.from('package p\n'))).toBe(sha256('package p\n'));
    expect(digest('p.rego', Buffer.from('x'), 'MD5')).toBe(createHash('md5').update('x').digest('hex'));
    expect(() => digest('p.rego', Buffer.from('x'), 'MD6')).toThrow(/unsupported hashing algorithm/);
  });
});
