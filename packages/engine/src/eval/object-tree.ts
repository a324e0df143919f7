/** Building the nested objects of ref-head rules, with OPA's conflict rules. */
import { ErrorCodes, PalisadeError } from '../errors.js';
import type { Location } from '../syntax/location.js';
import { ObjectBuilder, RSet, equals, isObject, objectEntries, type ObjectValue, type Value } from '../value/types.js';

/** Sets `key` in `b`, merging objects and raising a conflict on differing non-object values. */
export function mergeInto(b: ObjectBuilder, key: Value, v: Value, depth: number, loc: Location | undefined): void {
  const prev = b.get(key);
  if (prev === undefined) {
    b.set(key, v);
    return;
  }
  if (prev instanceof RSet && v instanceof RSet) {
    b.set(key, new RSet([...prev, ...v]));
    return;
  }
  if (depth > 0 && isObject(prev) && isObject(v)) {
    const m = new ObjectBuilder();
    for (const [k, x] of objectEntries(prev)) m.set(k, x);
    for (const [k, x] of objectEntries(v)) mergeInto(m, k, x, depth - 1, loc);
    b.set(key, m.build());
    return;
  }
  if (!equals(prev, v)) throw new PalisadeError(ErrorCodes.evalConflict, 'object keys must be unique', loc);
}

// ---- nested object building for ref-head rules ------------------------------------------------

/** Inserts `v` at `keys` in a tree of ObjectBuilders, raising a conflict on differing leaves. */
export function insertPath(root: ObjectBuilder, keys: Value[], v: Value, loc: Location, multi = false): boolean {
  let node = root;
  for (let i = 0; i < keys.length - 1; i++) {
    let next = node.get(keys[i]);
    if (next === undefined) {
      const b = new ObjectBuilder();
      node.set(keys[i], b as unknown as Value);
      next = b as unknown as Value;
    }
    if (!(next instanceof ObjectBuilder)) {
      throw new PalisadeError(ErrorCodes.evalConflict, 'object keys must be unique', loc);
    }
    node = next;
  }
  const last = keys[keys.length - 1];
  const prev = node.get(last);
  if (multi) {
    if (prev === undefined) node.set(last, new RSet([v]));
    else if (prev instanceof RSet) prev.add(v);
    else throw new PalisadeError(ErrorCodes.evalConflict, 'object keys must be unique', loc);
    return false;
  }
  if (prev !== undefined && (prev instanceof ObjectBuilder || !equals(prev, v))) {
    throw new PalisadeError(ErrorCodes.evalConflict, 'object keys must be unique', loc);
  }
  node.set(last, v);
  return false;
}

export function finishTree(b: ObjectBuilder): Value {
  const o = b.build();
  const entries = objectEntries(o as ObjectValue);
  if (!entries.some(([, v]) => v instanceof ObjectBuilder)) return o;
  const out = new ObjectBuilder();
  for (const [k, v] of entries) out.set(k, v instanceof ObjectBuilder ? finishTree(v) : v);
  return out.build();
}

export function objectIsEmpty(b: ObjectBuilder): boolean {
  return objectEntries(b.build() as ObjectValue).length === 0;
}

