/**
 * Aggregates over collections: count, sum, product, max, min, sort (and the deprecated any/all).
 * Integer sums and products are exact at any size; as soon as one element is not an integer
 * the result follows OPA's big.Float (64-bit mantissa) arithmetic.
 */
import { operandError, typeErrorText, type BuiltinDecl } from '../define.js';
import { T } from '../signature.js';
import { RSet, compare, isObject, objectSize, typeName, type Value } from '../../value/types.js';
import { normNumber, type Num } from '../../value/number.js';
import * as bf from '../numbers/big-float.js';

const numberCollection = T.union(T.array(T.number), T.set(T.number));
const anyCollection = T.union(T.array(T.any), T.set(T.any));

/** Elements of an array or set operand; OPA's error lists `set, array` in that order here. */
function setOrArray(v: Value): Value[] {
  if (Array.isArray(v)) return v;
  if (v instanceof RSet) return v.sorted();
  throw operandError(1, v, 'set', 'array');
}

function countCodePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A low surrogate that follows a high surrogate belongs to the same code point.
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const p = s.charCodeAt(i - 1);
      if (p >= 0xd800 && p <= 0xdbff) continue;
    }
    n++;
  }
  return n;
}

/** Numbers of a collection, or the OPA element error naming the offending type. */
function numbersOf(v: Value): Num[] {
  const items = setOrArray(v);
  const kind = Array.isArray(v) ? 'array' : 'set';
  for (const x of items) {
    if (typeof x !== 'number' && typeof x !== 'bigint') {
      throw typeErrorText(`operand 1 must be ${kind} of numbers but got ${kind} containing ${typeName(x)}`);
    }
  }
  return items as Num[];
}

function allIntegers(ns: Num[]): boolean {
  return ns.every((n) => typeof n === 'bigint' || Number.isInteger(n));
}

function accumulate(ns: Num[], init: bigint, exact: (a: bigint, b: bigint) => bigint, float: typeof bf.add): Num {
  if (allIntegers(ns)) {
    let acc = init;
    for (const n of ns) acc = exact(acc, BigInt(n));
    return normNumber(acc);
  }
  let acc = bf.fromRational(init, 1n);
  for (const n of ns) acc = float(acc, bf.fromNum(n));
  return bf.toNum(acc);
}

function extreme(v: Value, pick: (c: number) => boolean): Value | undefined {
  const items = setOrArray(v);
  if (items.length === 0) return undefined;
  let best = items[0];
  for (const x of items) if (pick(compare(x, best))) best = x;
  return best;
}

export const aggregatesBuiltins: BuiltinDecl[] = [
  {
    name: 'count',
    params: [{ name: 'collection', type: T.union(T.string, T.array(), T.object(), T.set()), description: 'the collection or string to count' }],
    result: T.number,
    category: 'aggregates',
    description: 'Returns the number of elements of an array, object or set, or the number of Unicode code points of a string.',
    impl(args) {
      const v = args[0];
      if (typeof v === 'string') return countCodePoints(v);
      if (Array.isArray(v)) return v.length;
      if (v instanceof RSet) return v.size;
      if (isObject(v)) return objectSize(v);
      throw operandError(1, v, 'array', 'object', 'set', 'string');
    },
  },
  {
    name: 'sum',
    params: [{ name: 'collection', type: numberCollection, description: 'the numbers to add' }],
    result: T.number,
    category: 'aggregates',
    description: 'Adds up the numbers of an array or set.',
    impl(args) {
      return accumulate(numbersOf(args[0]), 0n, (a, b) => a + b, bf.add);
    },
  },
  {
    name: 'product',
    params: [{ name: 'collection', type: numberCollection, description: 'the numbers to multiply' }],
    result: T.number,
    category: 'aggregates',
    description: 'Multiplies the numbers of an array or set together.',
    impl(args) {
      return accumulate(numbersOf(args[0]), 1n, (a, b) => a * b, bf.mul);
    },
  },
  {
    name: 'max',
    params: [{ name: 'collection', type: anyCollection, description: 'the values to compare' }],
    result: T.any,
    category: 'aggregates',
    description: 'Returns the greatest element of an array or set in the standard ordering of values; undefined when empty.',
    impl(args) {
      return extreme(args[0], (c) => c >= 0);
    },
  },
  {
    name: 'min',
    params: [{ name: 'collection', type: anyCollection, description: 'the values to compare' }],
    result: T.any,
    category: 'aggregates',
    description: 'Returns the smallest element of an array or set in the standard ordering of values; undefined when empty.',
    impl(args) {
      return extreme(args[0], (c) => c <= 0);
    },
  },
  {
    name: 'sort',
    params: [{ name: 'collection', type: anyCollection, description: 'the values to sort' }],
    result: T.array(T.any),
    category: 'aggregates',
    description: 'Returns the elements of an array or set as a new array in ascending standard order.',
    impl(args) {
      const v = args[0];
      if (v instanceof RSet) return [...v.sorted()];
      return [...setOrArray(v)].sort(compare);
    },
  },
  {
    name: 'all',
    params: [{ name: 'collection', type: anyCollection, description: 'the values to test' }],
    result: T.boolean,
    category: 'aggregates',
    description: 'Deprecated: true when every element of the array or set is `true`.',
    deprecated: true,
    impl(args) {
      const v = args[0];
      if (!Array.isArray(v) && !(v instanceof RSet)) throw operandError(1, v, 'array', 'set');
      for (const x of v) if (x !== true) return false;
      return true;
    },
  },
  {
    name: 'any',
    params: [{ name: 'collection', type: anyCollection, description: 'the values to test' }],
    result: T.boolean,
    category: 'aggregates',
    description: 'Deprecated: true when some element of the array or set is `true`.',
    deprecated: true,
    impl(args) {
      const v = args[0];
      if (v instanceof RSet) return v.has(true);
      if (Array.isArray(v)) return v.includes(true);
      throw operandError(1, v, 'array', 'set');
    },
  },
];
