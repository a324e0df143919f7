import { describe, expect, it } from 'vitest';
import { RObject, RSet, type Value } from '../value/types.js';
import { iterate } from './values.js';

function keys(v: Value): Value[] {
  const out: Value[] = [];
  iterate(v, (k) => {
    out.push(k);
    return false;
  });
  return out;
}

describe('iterate visits children in Rego value order (as OPA)', () => {
  it('sorts plain object keys by code point, integer-like keys included', () => {
    expect(keys({ b: 1, a: 2, '10': 3, '9': 4, '\u{1F600}': 5, '\uFFFD': 6 })).toEqual(['10', '9', 'a', 'b', '\uFFFD', '\u{1F600}']);
  });
  it('sorts large plain objects too, and keeps the order on repeated iteration', () => {
    const o: Record<string, Value> = Object.create(null);
    const names = Array.from({ length: 40 }, (_, i) => `k${(i * 7) % 40}`);
    for (const n of names) o[n] = n;
    const sorted = [...names].sort();
    expect(keys(o)).toEqual(sorted);
    expect(keys(o)).toEqual(sorted);
  });
  it('sorts set members across types', () => {
    expect(keys(new RSet(['a', 3, null, [1], 1, false]))).toEqual([null, false, 1, 3, 'a', [1]]);
  });
  it('sorts non-string object keys, also after a later set', () => {
    const o = new RObject([[2, 'x'], ['a', 'y'], [1, 'z']]);
    expect(keys(o)).toEqual([1, 2, 'a']);
    o.set(0, 'w');
    expect(keys(o)).toEqual([0, 1, 2, 'a']);
  });
  it('stops when the callback asks to', () => {
    const seen: Value[] = [];
    expect(iterate({ b: 1, a: 2 }, (k) => (seen.push(k), true))).toBe(true);
    expect(seen).toEqual(['a']);
  });
  it('keeps arrays in index order', () => {
    expect(keys(['z', 'a'])).toEqual([0, 1]);
  });
});
