/** Array builtins: array.concat, array.slice, array.reverse, array.flatten. */
import type { BuiltinDecl } from '../define.js';
import { argArray } from '../args.js';
import { intOperand } from '../int-args.js';
import { T } from '../signature.js';
import type { Value } from '../../value/types.js';

export const arraysBuiltins: BuiltinDecl[] = [
  {
    name: 'array.concat',
    params: [
      { name: 'x', type: T.array(), description: 'the first array' },
      { name: 'y', type: T.array(), description: 'the second array' },
    ],
    result: T.array(),
    category: 'arrays',
    description: 'Returns a new array holding the elements of the first array followed by those of the second.',
    impl(args) {
      const a = argArray(args, 0);
      const b = argArray(args, 1);
      return a.concat(b);
    },
  },
  {
    name: 'array.slice',
    params: [
      { name: 'arr', type: T.array(), description: 'the array to slice' },
      { name: 'start', type: T.number, description: 'first index, inclusive' },
      { name: 'stop', type: T.number, description: 'last index, exclusive' },
    ],
    result: T.array(),
    category: 'arrays',
    description: 'Returns the part of an array between two indexes; out-of-range indexes are clamped, never an error.',
    impl(args) {
      const arr = argArray(args, 0);
      let start = intOperand(args, 1);
      let stop = intOperand(args, 2);
      const len = BigInt(arr.length);
      if (stop < 0n) stop = 0n;
      else if (stop > len) stop = len;
      if (start < 0n) start = 0n;
      else if (start > stop) start = stop;
      return arr.slice(Number(start), Number(stop));
    },
  },
  {
    name: 'array.reverse',
    params: [{ name: 'arr', type: T.array(), description: 'the array to reverse' }],
    result: T.array(),
    category: 'arrays',
    description: 'Returns a new array with the elements in reverse order.',
    impl(args) {
      return [...argArray(args, 0)].reverse();
    },
  },
  {
    name: 'array.flatten',
    params: [{ name: 'arr', type: T.array(), description: 'the array to flatten' }],
    result: T.array(),
    category: 'arrays',
    description: 'Flattens one level of nesting: elements that are arrays are replaced by their elements.',
    impl(args) {
      const out: Value[] = [];
      for (const x of argArray(args, 0)) {
        if (Array.isArray(x)) for (const y of x) out.push(y);
        else out.push(x);
      }
      return out;
    },
  },
];
