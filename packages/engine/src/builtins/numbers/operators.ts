/** Infix operators (comparison, arithmetic, set algebra), membership, `print` and `trace`. */
import { argNumber, argSet } from '../args.js';
import { builtinError, operandError, type BuiltinDecl } from '../define.js';
import { T } from '../signature.js';
import { RSet, compare, equals, isObject, objectEntries, objectGet, type Value } from '../../value/types.js';
import { isInteger, rem } from '../../value/number.js';
import { opaAdd, opaDiv, opaMul, opaSub } from './arith.js';
import { toRegoText } from '../../value/json.js';

const cmp = (name: string, desc: string, test: (c: number) => boolean): BuiltinDecl => ({
  name,
  params: [
    { name: 'x', type: T.any },
    { name: 'y', type: T.any },
  ],
  result: T.boolean,
  category: 'comparison',
  description: desc,
  impl: ([a, b]) => test(compare(a, b)),
});

const arith = (name: string, desc: string, op: (a: number | bigint, b: number | bigint) => Value): BuiltinDecl => ({
  name,
  params: [
    { name: 'x', type: T.number },
    { name: 'y', type: T.number },
  ],
  result: T.number,
  category: 'numbers',
  description: desc,
  impl: (args) => op(argNumber(args, 0), argNumber(args, 1)),
});

function members(coll: Value): Iterable<Value> | undefined {
  if (Array.isArray(coll)) return coll;
  if (coll instanceof RSet) return coll.values();
  if (isObject(coll)) return objectEntries(coll).map((e) => e[1]);
  return undefined;
}

export const operatorsBuiltins: BuiltinDecl[] = [
  {
    name: 'equal',
    params: [
      { name: 'x', type: T.any },
      { name: 'y', type: T.any },
    ],
    result: T.boolean,
    category: 'comparison',
    description: 'Checks if two values are equal (`x == y`).',
    impl: ([a, b]) => equals(a, b),
  },
  {
    name: 'neq',
    params: [
      { name: 'x', type: T.any },
      { name: 'y', type: T.any },
    ],
    result: T.boolean,
    category: 'comparison',
    description: 'Checks if two values are not equal (`x != y`).',
    impl: ([a, b]) => !equals(a, b),
  },
  cmp('lt', 'Checks if the first value is less than the second in the total order (`x < y`).', (c) => c < 0),
  cmp('lte', 'Checks if the first value is less than or equal to the second (`x <= y`).', (c) => c <= 0),
  cmp('gt', 'Checks if the first value is greater than the second (`x > y`).', (c) => c > 0),
  cmp('gte', 'Checks if the first value is greater than or equal to the second (`x >= y`).', (c) => c >= 0),
  arith('plus', 'Adds two numbers (`x + y`), with OPA\'s precision.', opaAdd),
  arith('mul', 'Multiplies two numbers (`x * y`), with OPA\'s precision.', opaMul),
  arith('div', 'Divides the first number by the second (`x / y`); dividing by zero is an error.', (a, b) => {
    const r = opaDiv(a, b);
    if (r === undefined) throw builtinError('divide by zero');
    return r;
  }),
  arith('rem', 'Remainder of integer division (`x % y`), with the sign of the dividend.', (a, b) => {
    if (!isInteger(a) || !isInteger(b)) throw builtinError('modulo on floating-point number');
    const r = rem(a, b);
    if (r === undefined) throw builtinError('modulo by zero');
    return r;
  }),
  {
    name: 'minus',
    params: [
      { name: 'x', type: T.union(T.number, T.set()) },
      { name: 'y', type: T.union(T.number, T.set()) },
    ],
    result: T.union(T.number, T.set()),
    category: 'numbers',
    description: 'Subtracts numbers, or computes the difference of two sets (`x - y`).',
    impl: (args) => {
      const [a, b] = args;
      if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) return opaSub(a, b);
      if (a instanceof RSet && b instanceof RSet) {
        const out = new RSet();
        for (const [k, v] of a.map) if (!b.map.has(k)) out.add(v);
        return out;
      }
      if (a instanceof RSet) throw operandError(2, b, 'set');
      if (typeof a === 'number' || typeof a === 'bigint') throw operandError(2, b, 'number');
      throw operandError(1, a, 'number', 'set');
    },
  },
  {
    name: 'and',
    params: [
      { name: 'x', type: T.set() },
      { name: 'y', type: T.set() },
    ],
    result: T.set(),
    category: 'sets',
    description: 'Intersection of two sets (`x & y`).',
    impl: (args) => {
      const a = argSet(args, 0);
      const b = argSet(args, 1);
      const out = new RSet();
      for (const [k, v] of a.map) if (b.map.has(k)) out.add(v);
      return out;
    },
  },
  {
    name: 'or',
    params: [
      { name: 'x', type: T.set() },
      { name: 'y', type: T.set() },
    ],
    result: T.set(),
    category: 'sets',
    description: 'Union of two sets (`x | y`).',
    impl: (args) => {
      const a = argSet(args, 0);
      const b = argSet(args, 1);
      return new RSet([...a, ...b]);
    },
  },
  {
    name: 'internal.member_2',
    params: [
      { name: 'x', type: T.any },
      { name: 'xs', type: T.any },
    ],
    result: T.boolean,
    category: 'internal',
    description: 'Membership `x in xs`: true when some element (array/set) or value (object) equals x.',
    impl: ([x, coll]) => {
      if (coll instanceof RSet) return coll.has(x);
      const it = members(coll);
      if (!it) return false;
      for (const m of it) if (equals(m, x)) return true;
      return false;
    },
  },
  {
    name: 'internal.member_3',
    params: [
      { name: 'k', type: T.any },
      { name: 'v', type: T.any },
      { name: 'xs', type: T.any },
    ],
    result: T.boolean,
    category: 'internal',
    description: 'Membership `k, v in xs`: true when xs has key/index k with value v.',
    impl: ([k, v, coll]) => {
      if (Array.isArray(coll)) return typeof k === 'number' && Number.isInteger(k) && k >= 0 && k < coll.length && equals(coll[k], v);
      if (coll instanceof RSet) return coll.has(k) && equals(k, v);
      if (isObject(coll)) {
        const x = objectGet(coll, k);
        return x !== undefined && equals(x, v);
      }
      return false;
    },
  },
  {
    name: 'print',
    params: [{ name: 'values', type: T.any }],
    variadic: true,
    result: T.null,
    category: 'debugging',
    description: 'Prints its arguments, space-separated, to the print sink (undefined arguments print as `<undefined>`).',
    impl: (args, ctx, loc) => {
      ctx.print(args.map((a) => (typeof a === 'string' ? a : toRegoText(a))).join(' '), loc);
      return true;
    },
  },
  {
    name: 'trace',
    params: [{ name: 'note', type: T.string }],
    result: T.boolean,
    category: 'debugging',
    description: 'Emits a note into the evaluation trace; always true.',
    impl: (args, ctx) => {
      if (typeof args[0] !== 'string') throw operandError(1, args[0], 'string');
      ctx.print(args[0]);
      return true;
    },
  },
];
