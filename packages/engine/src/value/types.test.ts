import { describe, expect, it } from 'vitest';
import { ObjectBuilder, RObject, RSet, compare, compareStrings, equals, keyOf, makeObject, typeName } from './types.js';
import { add, mul, parseNumberText, sub, div, rem, numberText } from './number.js';
import { parseJSONExact, toJSONText, toRegoText } from './json.js';

describe('total order', () => {
  it('orders types null < boolean < number < string < array < object < set', () => {
    const vals = [new RSet([1]), { a: 1 }, [1], 'a', 1, true, false, null];
    const sorted = [...vals].sort(compare);
    expect(sorted.map(typeName)).toEqual(['null', 'boolean', 'boolean', 'number', 'string', 'array', 'object', 'set']);
    expect(sorted[1]).toBe(false);
  });
  it('compares strings by code point, not UTF-16 unit', () => {
    // U+FFFD (BMP, high unit) must sort before U+1F600 (surrogate pair).
    expect(compareStrings('\uFFFD', '\u{1F600}')).toBeLessThan(0);
    expect('\uFFFD' < '\u{1F600}').toBe(false); // JS order differs, which is why compareStrings exists
  });
  it('compares numbers across bigint and double exactly', () => {
    expect(compare(9007199254740993n, 9007199254740992)).toBe(1);
    expect(compare(1, 1.0)).toBe(0);
  });
  it('compares objects by sorted keys then values', () => {
    expect(compare({ a: 1 }, { b: 0 })).toBeLessThan(0);
    expect(compare({ a: 1 }, { a: 2 })).toBeLessThan(0);
    expect(compare({ a: 1 }, { a: 1, b: 1 })).toBeLessThan(0);
  });
});

describe('equality and keys', () => {
  it('treats 1 and 1.0 as equal with the same key', () => {
    expect(equals(1, 1.0)).toBe(true);
    expect(keyOf(1)).toBe(keyOf(1.0));
  });
  it('compares plain objects and RObjects with string keys as equal', () => {
    expect(equals({ a: [1, 2] }, new RObject([['a', [1, 2]]]))).toBe(true);
  });
  it('dedupes set members by value', () => {
    const s = new RSet([[1, 2], [1, 2], { a: 1 }]);
    expect(s.size).toBe(2);
    expect(s.has([1, 2])).toBe(true);
  });
  it('builds plain objects for string keys and RObjects otherwise', () => {
    expect(makeObject([['a', 1]])).not.toBeInstanceOf(RObject);
    expect(makeObject([[1, 'a']])).toBeInstanceOf(RObject);
    const b = new ObjectBuilder();
    b.set('x', 1);
    b.set(2, 'y');
    const o = b.build();
    expect(o).toBeInstanceOf(RObject);
    expect((o as RObject).get('x')).toBe(1);
  });
});

describe('exact numbers', () => {
  it('keeps integers beyond 2^53 exact', () => {
    expect(add(9007199254740991, 2)).toBe(9007199254740993n);
    expect(mul(4294967296, 4294967296)).toBe(18446744073709551616n);
    expect(sub(18446744073709551616n, 18446744073709551615n)).toBe(1);
  });
  it('divides exactly when possible and gives doubles otherwise', () => {
    expect(div(18446744073709551616n, 2n as unknown as number)).toBe(9223372036854775808n);
    expect(div(1, 4)).toBe(0.25);
    expect(div(1, 0)).toBeUndefined();
    expect(rem(-7, 3)).toBe(-1);
  });
  it('parses number literals exactly', () => {
    expect(parseNumberText('18446744073709551614')).toBe(18446744073709551614n);
    expect(parseNumberText('1e3')).toBe(1000);
    expect(parseNumberText('1.5')).toBe(1.5);
    expect(parseNumberText('01')).toBeUndefined();
    expect(parseNumberText('1e400')).toBe(10n ** 400n);
    expect(parseNumberText('1e10001')).toBe(Infinity); // past the bound: the parser reports "number too big"

    expect(numberText(1e21)).toBe('1e+21');
    expect(numberText(123456789012)).toBe('123456789012');
  });
});

describe('JSON', () => {
  it('parses long integers exactly and short ones with JSON.parse', () => {
    expect(parseJSONExact('{"a": 18446744073709551614, "b": 1}')).toEqual({ a: 18446744073709551614n, b: 1 });
    expect(() => parseJSONExact('{"a": 18446744073709551614,')).toThrow();
  });
  it('reads big exponents as numbers and lone surrogates as U+FFFD (as OPA)', () => {
    expect(parseJSONExact('[1e400, 2.5e-3]')).toEqual([10n ** 400n, 0.0025]);
    expect(parseJSONExact('{"\\udc00": "\\ud83d\\ude00\\ud800"}')).toEqual({ '\ufffd': '\u{1f600}\ufffd' });
  });
  it('writes sorted keys, sets as sorted arrays and exact bigints', () => {
    expect(toJSONText({ b: new RSet([3, 1]), a: 18446744073709551614n })).toBe('{"a":18446744073709551614,"b":[1,3]}');
    expect(toJSONText(new RObject([[1, 'x']]))).toBe('{"1":"x"}');
  });
  it('prints Rego term syntax', () => {
    expect(toRegoText(new RSet())).toBe('set()');
    expect(toRegoText({ a: [1, 'x'] })).toBe('{"a": [1, "x"]}');
  });
});
