/**
 * The value model (DESIGN §3).
 *
 * JSON values stay plain JS values so a 20 MB input is never copied: `null`, booleans, strings,
 * arrays and string-keyed objects are used as they come from `JSON.parse` / `yaml`. Numbers are
 * `number` when exactly representable and `bigint` for integers beyond 2^53 (never a bigint
 * inside the safe range — see `normNumber`). Sets and objects whose keys are not all strings use
 * the value-keyed collections `RSet` and `RObject`.
 *
 * Contract: a plain object is never mutated after it has been handed to the evaluator.
 */
export type Value = null | boolean | number | bigint | string | Value[] | PlainObject | RObject | RSet;

/** A Rego object whose keys are all strings, kept as a plain (possibly null-prototype) JS object. */
export interface PlainObject {
  [key: string]: Value;
}

/** Any Rego object: a plain object (string keys) or an `RObject` (keys of any type). */
export type ObjectValue = PlainObject | RObject;

/** Rank of each type in Rego's total order. */
export const enum TypeRank {
  Null = 0,
  Boolean = 1,
  Number = 2,
  String = 3,
  Array = 4,
  Object = 5,
  Set = 6,
}

/**
 * Value-keyed set; JS iteration follows insertion order, `sorted()` the total order (what Rego
 * iteration uses, as OPA does).
 */
export class RSet {
  readonly map: Map<string, Value>;
  private sortedCache: Value[] | undefined;
  constructor(items?: Iterable<Value>) {
    this.map = new Map();
    if (items) for (const v of items) this.map.set(keyOf(v), v);
  }
  get size(): number {
    return this.map.size;
  }
  add(v: Value): this {
    this.map.set(keyOf(v), v);
    this.sortedCache = undefined;
    return this;
  }
  has(v: Value): boolean {
    return this.map.has(keyOf(v));
  }
  values(): IterableIterator<Value> {
    return this.map.values();
  }
  [Symbol.iterator](): IterableIterator<Value> {
    return this.map.values();
  }
  sorted(): Value[] {
    if (!this.sortedCache) this.sortedCache = [...this.map.values()].sort(compare);
    return this.sortedCache;
  }
}

/** Value-keyed object, used when some key is not a string. */
export class RObject {
  readonly map: Map<string, [Value, Value]>;
  private sortedCache: [Value, Value][] | undefined;
  constructor(entries?: Iterable<[Value, Value]>) {
    this.map = new Map();
    if (entries) for (const [k, v] of entries) this.map.set(keyOf(k), [k, v]);
  }
  get size(): number {
    return this.map.size;
  }
  get(k: Value): Value | undefined {
    return this.map.get(keyOf(k))?.[1];
  }
  set(k: Value, v: Value): this {
    this.map.set(keyOf(k), [k, v]);
    this.sortedCache = undefined;
    return this;
  }
  /** Entries in key order (Rego's total order), cached until the next `set`. */
  sorted(): [Value, Value][] {
    if (!this.sortedCache) this.sortedCache = [...this.map.values()].sort((a, b) => compare(a[0], b[0]));
    return this.sortedCache;
  }
  has(k: Value): boolean {
    return this.map.has(keyOf(k));
  }
  entries(): IterableIterator<[Value, Value]> {
    return this.map.values();
  }
}

export function typeRank(v: Value): TypeRank {
  if (v === null) return TypeRank.Null;
  switch (typeof v) {
    case 'boolean':
      return TypeRank.Boolean;
    case 'number':
    case 'bigint':
      return TypeRank.Number;
    case 'string':
      return TypeRank.String;
  }
  if (Array.isArray(v)) return TypeRank.Array;
  if (v instanceof RSet) return TypeRank.Set;
  return TypeRank.Object;
}

const TYPE_NAMES = ['null', 'boolean', 'number', 'string', 'array', 'object', 'set'] as const;
export type TypeName = (typeof TYPE_NAMES)[number];

/** OPA's `type_name` of a value. */
export function typeName(v: Value): TypeName {
  return TYPE_NAMES[typeRank(v)];
}

export const isNumber = (v: Value): v is number | bigint => typeof v === 'number' || typeof v === 'bigint';
export const isString = (v: Value): v is string => typeof v === 'string';
export const isArray = (v: Value): v is Value[] => Array.isArray(v);
export const isSet = (v: Value): v is RSet => v instanceof RSet;
export function isObject(v: Value): v is ObjectValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof RSet);
}
export function isPlainObject(v: Value): v is PlainObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof RSet) && !(v instanceof RObject);
}

// ---- canonical keys -------------------------------------------------------------------------

/**
 * A string that is equal for two values exactly when the values are equal in Rego
 * (`1` and `1.0` share a key). Used to key sets and objects.
 */
export function keyOf(v: Value): string {
  switch (typeof v) {
    case 'string':
      return '"' + v;
    case 'number':
      return numberKey(v);
    case 'bigint':
      return 'n' + v.toString();
    case 'boolean':
      return v ? 'T' : 'F';
  }
  if (v === null) return 'N';
  return '#' + canonicalText(v);
}

function numberKey(n: number): string {
  if (Number.isSafeInteger(n)) return 'n' + n;
  if (Number.isInteger(n) && Number.isFinite(n)) return 'n' + BigInt(n).toString();
  return 'n' + n.toString();
}

/** Unambiguous text of a composite value, in canonical order. */
function canonicalText(v: Value): string {
  if (Array.isArray(v)) return '[' + v.map(keyOf).join(',') + ']';
  if (v instanceof RSet) return '<' + v.sorted().map(keyOf).join(',') + '>';
  const entries = objectEntries(v as ObjectValue).sort((a, b) => compare(a[0], b[0]));
  return '{' + entries.map(([k, x]) => keyOf(k) + ':' + keyOf(x)).join(',') + '}';
}

// ---- objects --------------------------------------------------------------------------------

const hasOwn = Object.prototype.hasOwnProperty;

export function objectGet(o: ObjectValue, k: Value): Value | undefined {
  if (o instanceof RObject) return o.get(k);
  if (typeof k !== 'string') return undefined;
  return hasOwn.call(o, k) ? o[k] : undefined;
}

export function objectHas(o: ObjectValue, k: Value): boolean {
  if (o instanceof RObject) return o.has(k);
  return typeof k === 'string' && hasOwn.call(o, k);
}

export function objectSize(o: ObjectValue): number {
  return o instanceof RObject ? o.size : Object.keys(o).length;
}

export function objectKeys(o: ObjectValue): Value[] {
  if (o instanceof RObject) return [...o.map.values()].map((e) => e[0]);
  return Object.keys(o);
}

/**
 * Keys of a plain object in Rego's order (code-point order), which is how OPA iterates objects.
 * JS enumerates integer-like keys first and the rest in insertion order, so the keys are sorted
 * here; larger objects keep their sorted keys (plain objects are never mutated once built).
 */
export function sortedPlainKeys(o: PlainObject): string[] {
  let ks = sortedKeysCache.get(o);
  if (ks !== undefined) return ks;
  ks = Object.keys(o);
  if (!isSortedStrings(ks)) ks.sort(compareStrings);
  if (ks.length > SORTED_KEYS_CACHE_MIN) sortedKeysCache.set(o, ks);
  return ks;
}

/** Small objects are re-sorted on each iteration: cheaper than a WeakMap entry per short-lived object. */
const SORTED_KEYS_CACHE_MIN = 8;
const sortedKeysCache = new WeakMap<PlainObject, string[]>();

function isSortedStrings(ks: string[]): boolean {
  for (let i = 1; i < ks.length; i++) if (compareStrings(ks[i - 1], ks[i]) > 0) return false;
  return true;
}

/** Entries of any object in key order (Rego's iteration order). */
export function sortedObjectEntries(o: ObjectValue): [Value, Value][] {
  if (o instanceof RObject) return o.sorted();
  return sortedPlainKeys(o).map((k) => [k, o[k]]);
}

export function objectEntries(o: ObjectValue): [Value, Value][] {
  if (o instanceof RObject) return [...o.map.values()];
  return Object.entries(o);
}

/**
 * Builds an object from entries, choosing the plain representation when every key is a string.
 * Later entries win on duplicate keys (callers that must detect conflicts check first).
 */
export function makeObject(entries: Iterable<[Value, Value]>): ObjectValue {
  const list = Array.isArray(entries) ? (entries as [Value, Value][]) : [...entries];
  if (list.every((e) => typeof e[0] === 'string')) {
    const o: PlainObject = Object.create(null);
    for (const [k, v] of list) o[k as string] = v;
    return o;
  }
  return new RObject(list);
}

/** Incremental object builder that switches representation on the first non-string key. */
export class ObjectBuilder {
  private plain: PlainObject | null = Object.create(null);
  private keyed: RObject | null = null;
  set(k: Value, v: Value): void {
    if (this.plain && typeof k === 'string') {
      this.plain[k] = v;
      return;
    }
    if (this.plain) {
      this.keyed = new RObject(Object.entries(this.plain));
      this.plain = null;
    }
    this.keyed!.set(k, v);
  }
  get(k: Value): Value | undefined {
    if (this.plain) return typeof k === 'string' && hasOwn.call(this.plain, k) ? this.plain[k] : undefined;
    return this.keyed!.get(k);
  }
  has(k: Value): boolean {
    return this.get(k) !== undefined;
  }
  build(): ObjectValue {
    return this.plain ?? this.keyed!;
  }
}

// ---- order ----------------------------------------------------------------------------------

/** Compares strings by Unicode code point (UTF-8 byte order), not by UTF-16 unit. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      const xs = x >= 0xd800 && x <= 0xdfff;
      const ys = y >= 0xd800 && y <= 0xdfff;
      if (xs === ys) return x < y ? -1 : 1;
      // A surrogate (code point ≥ U+10000) sorts after every BMP unit.
      return xs ? 1 : -1;
    }
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

export function compareNumbers(a: number | bigint, b: number | bigint): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  // Mixed number/bigint comparisons are exact in JS.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Rego's total order: null < false < true < numbers < strings < arrays < objects < sets. */
export function compare(a: Value, b: Value): number {
  if (a === b) return 0;
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case TypeRank.Null:
      return 0;
    case TypeRank.Boolean:
      return a === b ? 0 : a ? 1 : -1;
    case TypeRank.Number:
      return compareNumbers(a as number, b as number);
    case TypeRank.String:
      return compareStrings(a as string, b as string);
    case TypeRank.Array: {
      const x = a as Value[];
      const y = b as Value[];
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) {
        const c = compare(x[i], y[i]);
        if (c !== 0) return c;
      }
      return x.length - y.length < 0 ? -1 : x.length > y.length ? 1 : 0;
    }
    case TypeRank.Object: {
      const x = objectEntries(a as ObjectValue).sort((p, q) => compare(p[0], q[0]));
      const y = objectEntries(b as ObjectValue).sort((p, q) => compare(p[0], q[0]));
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) {
        const c = compare(x[i][0], y[i][0]);
        if (c !== 0) return c;
        const d = compare(x[i][1], y[i][1]);
        if (d !== 0) return d;
      }
      return x.length < y.length ? -1 : x.length > y.length ? 1 : 0;
    }
    default: {
      const x = (a as RSet).sorted();
      const y = (b as RSet).sorted();
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) {
        const c = compare(x[i], y[i]);
        if (c !== 0) return c;
      }
      return x.length < y.length ? -1 : x.length > y.length ? 1 : 0;
    }
  }
}

/** Rego equality (`1 == 1.0`), with fast paths for scalars and shared identity. */
export function equals(a: Value, b: Value): boolean {
  if (a === b) return true;
  const ta = typeof a;
  if (ta === 'string' || ta === 'boolean' || a === null || b === null) return false;
  if (ta === 'number' || ta === 'bigint') return (typeof b === 'number' || typeof b === 'bigint') && a == b;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equals(a[i], b[i])) return false;
    return true;
  }
  if (a instanceof RSet) {
    if (!(b instanceof RSet) || a.size !== b.size) return false;
    for (const k of a.map.keys()) if (!b.map.has(k)) return false;
    return true;
  }
  if (!isObject(b)) return false;
  const oa = a as ObjectValue;
  if (objectSize(oa) !== objectSize(b)) return false;
  for (const [k, v] of objectEntries(oa)) {
    const w = objectGet(b, k);
    if (w === undefined || !equals(v, w)) return false;
  }
  return true;
}
