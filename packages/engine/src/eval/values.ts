/** Value navigation used by ref evaluation: one-step lookup, iteration and copy-on-write update. */
import {
  RObject,
  RSet,
  isObject,
  objectEntries,
  objectGet,
  sortedPlainKeys,
  type ObjectValue,
  type PlainObject,
  type Value,
} from '../value/types.js';

/** `v[key]`, or undefined. Sets answer with the element itself when it is a member. */
export function lookup(v: Value, key: Value): Value | undefined {
  if (Array.isArray(v)) {
    if (typeof key === 'number') return Number.isInteger(key) && key >= 0 && key < v.length ? v[key] : undefined;
    return undefined;
  }
  if (v === null || typeof v !== 'object') return undefined;
  if (v instanceof RSet) return v.has(key) ? key : undefined;
  return objectGet(v as ObjectValue, key);
}

/**
 * Calls `f(key, child)` for every child; stops and returns true when `f` does. Objects and sets
 * are visited in Rego's value order (as OPA does), so results built by iteration (array
 * comprehensions, query rows, first solutions) come out in the same order as OPA's.
 */
export function iterate(v: Value, f: (k: Value, c: Value) => boolean): boolean {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (f(i, v[i])) return true;
    return false;
  }
  if (v === null || typeof v !== 'object') return false;
  if (v instanceof RSet) {
    const items = v.sorted();
    for (let i = 0; i < items.length; i++) if (f(items[i], items[i])) return true;
    return false;
  }
  if (v instanceof RObject) {
    const entries = v.sorted();
    for (let i = 0; i < entries.length; i++) if (f(entries[i][0], entries[i][1])) return true;
    return false;
  }
  const o = v as PlainObject;
  const keys = sortedPlainKeys(o);
  for (let i = 0; i < keys.length; i++) if (f(keys[i], o[keys[i]])) return true;
  return false;
}

/** A copy of `v` with `path` set to `x` (objects created along the way); `v` is not mutated. */
export function setPath(v: Value | undefined, path: readonly string[], x: Value, i = 0): Value {
  if (i === path.length) return x;
  const key = path[i];
  if (Array.isArray(v)) {
    const idx = Number(key);
    if (Number.isInteger(idx) && idx >= 0 && idx < v.length) {
      const copy = v.slice();
      copy[idx] = setPath(v[idx], path, x, i + 1);
      return copy;
    }
  }
  if (v instanceof RObject) {
    const copy = new RObject(v.entries());
    copy.set(key, setPath(v.get(key), path, x, i + 1));
    return copy;
  }
  const base: PlainObject = Object.create(null);
  if (isObject(v as Value)) for (const [k, c] of objectEntries(v as ObjectValue)) base[k as string] = c;
  base[key] = setPath(isObject(v as Value) ? objectGet(v as ObjectValue, key) : undefined, path, x, i + 1);
  return base;
}
