/**
 * Object builtins: object.get/keys/remove/filter/union/union_n/subset. The JSON-path family
 * (json.filter, json.remove, json.patch) lives in objects-json.ts and is re-exported here.
 */
import { operandError, typeErrorText, type BuiltinDecl } from '../define.js';
import { argArray, argObject } from '../args.js';
import { T } from '../signature.js';
import { jsonBuiltins } from './objects-json.js';
import {
  ObjectBuilder,
  RSet,
  equals,
  isObject,
  objectEntries,
  objectGet,
  objectKeys,
  typeName,
  type ObjectValue,
  type Value,
} from '../../value/types.js';

const keysParam = T.union(T.array(), T.object(), T.set());

/** The keys named by an array, set or object (its keys) operand. */
function keySet(v: Value): RSet {
  if (Array.isArray(v)) return new RSet(v);
  if (v instanceof RSet) return v;
  if (isObject(v)) return new RSet(objectKeys(v));
  throw operandError(2, v, 'object', 'set', 'array');
}

function keepEntries(obj: ObjectValue, keep: (k: Value) => boolean): ObjectValue {
  const b = new ObjectBuilder();
  for (const [k, v] of objectEntries(obj)) if (keep(k)) b.set(k, v);
  return b.build();
}

/** Follows a path through objects, arrays (integer indexes) and sets (members). */
function findPath(root: Value, path: Value[]): Value | undefined {
  let cur: Value | undefined = root;
  for (const seg of path) {
    if (cur === undefined) return undefined;
    if (Array.isArray(cur)) {
      if (typeof seg !== 'number' && typeof seg !== 'bigint') return undefined;
      const i = Number(seg);
      if (!Number.isInteger(i) || i < 0 || i >= cur.length) return undefined;
      cur = cur[i];
    } else if (cur instanceof RSet) {
      cur = cur.has(seg) ? seg : undefined;
    } else if (isObject(cur)) {
      cur = objectGet(cur, seg);
    } else {
      return undefined;
    }
  }
  return cur;
}

/** Recursive merge where the right side wins, except that two objects merge key by key. */
export function mergeObjects(a: ObjectValue, b: ObjectValue): ObjectValue {
  const out = new ObjectBuilder();
  for (const [k, v] of objectEntries(a)) out.set(k, v);
  for (const [k, v] of objectEntries(b)) {
    const old = out.get(k);
    out.set(k, old !== undefined && isObject(old) && isObject(v) ? mergeObjects(old, v) : v);
  }
  return out.build();
}

// ---- object.subset (OPA's rules: recursive for objects, flat for sets and arrays) ----------

function setSubset(sup: RSet, sub: RSet): boolean {
  for (const k of sub.map.keys()) if (!sup.map.has(k)) return false;
  return true;
}

/** `sub` must occur in `sup` as a contiguous run. */
function arraySubset(sup: Value[], sub: Value[]): boolean {
  if (sub.length > sup.length) return false;
  for (let start = 0; start + sub.length <= sup.length; start++) {
    let i = 0;
    while (i < sub.length && equals(sup[start + i], sub[i])) i++;
    if (i === sub.length) return true;
  }
  return false;
}

/** Every member of the set appears in the array (OPA counts matching array elements). */
function arraySetSubset(sup: Value[], sub: RSet): boolean {
  let unmatched = sub.size;
  for (const x of sup) {
    if (sub.has(x)) unmatched--;
    if (unmatched === 0) return true;
  }
  return false;
}

function objectSubset(sup: ObjectValue, sub: ObjectValue): boolean {
  for (const [k, subVal] of objectEntries(sub)) {
    const supVal = objectGet(sup, k);
    if (supVal === undefined) return false;
    if (equals(subVal, supVal)) continue;
    if (isObject(supVal) && isObject(subVal)) {
      if (!objectSubset(supVal, subVal)) return false;
    } else if (supVal instanceof RSet && subVal instanceof RSet) {
      if (!setSubset(supVal, subVal)) return false;
    } else if (Array.isArray(supVal) && Array.isArray(subVal)) {
      if (!arraySubset(supVal, subVal)) return false;
    } else {
      return false;
    }
  }
  return true;
}

const objectBuiltins: BuiltinDecl[] = [
  {
    name: 'object.get',
    params: [
      { name: 'object', type: T.object(), description: 'the object to look into' },
      { name: 'key', type: T.any, description: 'a key, or an array of keys forming a path' },
      { name: 'default', type: T.any, description: 'the value returned when nothing is found' },
    ],
    result: T.any,
    category: 'objects',
    description: 'Returns the value at a key (or at a path given as an array of keys) of an object, or a default when there is none.',
    impl(args) {
      const obj = argObject(args, 0);
      const key = args[1];
      // A present key holding null is a value, not a miss: compare with undefined only.
      const found = !Array.isArray(key) ? objectGet(obj, key) : key.length === 0 ? obj : findPath(obj, key);
      return found === undefined ? args[2] : found;
    },
  },
  {
    name: 'object.keys',
    params: [{ name: 'object', type: T.object(), description: 'the object' }],
    result: T.set(T.any),
    category: 'objects',
    description: 'Returns the set of keys of an object.',
    impl(args) {
      return new RSet(objectKeys(argObject(args, 0)));
    },
  },
  {
    name: 'object.remove',
    params: [
      { name: 'object', type: T.object(), description: 'the object to remove keys from' },
      { name: 'keys', type: keysParam, description: 'the keys to remove (array, set, or the keys of an object)' },
    ],
    // OPA declares this result as `any`: the type checker must not be narrower.
    result: T.any,
    category: 'objects',
    description: 'Returns a copy of an object without the given top-level keys.',
    impl(args) {
      const obj = argObject(args, 0);
      const keys = keySet(args[1]);
      return keepEntries(obj, (k) => !keys.has(k));
    },
  },
  {
    name: 'object.filter',
    params: [
      { name: 'object', type: T.object(), description: 'the object to filter' },
      { name: 'keys', type: keysParam, description: 'the keys to keep (array, set, or the keys of an object)' },
    ],
    // OPA declares this result as `any`: the type checker must not be narrower.
    result: T.any,
    category: 'objects',
    description: 'Returns a copy of an object holding only the given top-level keys.',
    impl(args) {
      const obj = argObject(args, 0);
      const keys = keySet(args[1]);
      return keepEntries(obj, (k) => keys.has(k));
    },
  },
  {
    name: 'object.union',
    params: [
      { name: 'a', type: T.object(), description: 'the left-hand object' },
      { name: 'b', type: T.object(), description: 'the right-hand object, whose values win' },
    ],
    result: T.any,
    category: 'objects',
    description:
      'Merges two objects recursively; on conflicting keys the right-hand value wins unless both values are objects, which are merged.',
    impl(args) {
      const a = argObject(args, 0);
      const b = argObject(args, 1);
      if (equals(a, b)) return a;
      return mergeObjects(a, b);
    },
  },
  {
    name: 'object.union_n',
    params: [{ name: 'objects', type: T.array(T.object()), description: 'the objects to merge, later ones winning' }],
    result: T.any,
    category: 'objects',
    description: 'Merges an array of objects left to right with the rules of object.union.',
    impl(args) {
      const arr = argArray(args, 0);
      let acc: ObjectValue = new ObjectBuilder().build();
      for (const o of arr) {
        if (!isObject(o)) throw typeErrorText(`operand 1 must be array of objects but got array containing ${typeName(o)}`);
        acc = mergeObjects(acc, o);
      }
      return acc;
    },
  },
  {
    name: 'object.subset',
    params: [
      { name: 'super', type: T.union(T.object(), T.set(), T.array()), description: 'the containing collection' },
      { name: 'sub', type: T.union(T.object(), T.set(), T.array()), description: 'the collection that should be contained' },
    ],
    // OPA declares this result as `any`: the type checker must not be narrower.
    result: T.any,
    category: 'objects',
    description:
      'Tests whether one collection is contained in another: objects recursively, sets by membership, arrays as a contiguous run, and a set within an array.',
    impl(args) {
      const [sup, sub] = args;
      if (isObject(sup) && isObject(sub)) return objectSubset(sup, sub);
      if (sup instanceof RSet && sub instanceof RSet) return setSubset(sup, sub);
      if (Array.isArray(sup) && Array.isArray(sub)) return arraySubset(sup, sub);
      if (Array.isArray(sup) && sub instanceof RSet) return arraySetSubset(sup, sub);
      throw typeErrorText('both arguments object.subset must be of the same type or array and set');
    },
  },
];

export const objectsBuiltins: BuiltinDecl[] = [...objectBuiltins, ...jsonBuiltins];
