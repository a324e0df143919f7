/** Set builtins over sets of sets: intersection, union (and the deprecated set_diff). */
import { operandError, type BuiltinDecl } from '../define.js';
import { argSet } from '../args.js';
import { T } from '../signature.js';
import { RSet } from '../../value/types.js';

const setOfSets = T.set(T.set(T.any));

/** Members of the outer set, each checked to be a set (OPA reports it as operand 1). */
function innerSets(outer: RSet): RSet[] {
  return outer.sorted().map((x) => {
    if (!(x instanceof RSet)) throw operandError(1, x, 'set');
    return x;
  });
}

export const setsBuiltins: BuiltinDecl[] = [
  {
    name: 'intersection',
    params: [{ name: 'xs', type: setOfSets, description: 'the sets to intersect' }],
    result: T.set(T.any),
    category: 'sets',
    description: 'Returns the elements common to every set in a set of sets (the empty set for no sets).',
    impl(args) {
      const sets = innerSets(argSet(args, 0));
      if (sets.length === 0) return new RSet();
      let result = sets[0];
      for (const s of sets.slice(1)) {
        const next = new RSet();
        for (const [k, v] of result.map) if (s.map.has(k)) next.add(v);
        result = next;
      }
      return result;
    },
  },
  {
    name: 'union',
    params: [{ name: 'xs', type: setOfSets, description: 'the sets to join' }],
    result: T.set(T.any),
    category: 'sets',
    description: 'Returns the elements found in any set of a set of sets.',
    impl(args) {
      const out = new RSet();
      for (const s of innerSets(argSet(args, 0))) for (const v of s) out.add(v);
      return out;
    },
  },
  {
    name: 'set_diff',
    params: [
      { name: 'a', type: T.set(), description: 'the set to subtract from' },
      { name: 'b', type: T.set(), description: 'the set of elements to remove' },
    ],
    result: T.set(),
    category: 'sets',
    description: 'Deprecated (use the infix `-`): the elements of the first set that are not in the second.',
    deprecated: true,
    impl(args) {
      const a = argSet(args, 0);
      const b = argSet(args, 1);
      const out = new RSet();
      for (const [k, v] of a.map) if (!b.map.has(k)) out.add(v);
      return out;
    },
  },
];
