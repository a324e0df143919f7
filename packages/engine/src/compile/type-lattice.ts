/**
 * The types the checker infers (the builtin declaration language, `BType`) and how they relate:
 * whether two types have a value in common, unions, the type of a constant, and what indexing or
 * iterating a value of a type yields. One definition of each, shared by the checker's parts.
 */
import type { BType } from '../builtins/signature.js';
import { RSet, objectEntries, type Value } from '../value/types.js';

export const ANY: BType = { k: 'any' };
export const NULL: BType = { k: 'null' };
export const BOOLEAN: BType = { k: 'boolean' };
export const NUMBER: BType = { k: 'number' };
export const STRING: BType = { k: 'string' };
export const ARRAY_ANY: BType = { k: 'array', of: ANY };
export const SET_ANY: BType = { k: 'set', of: ANY };
export const OBJECT_ANY: BType = { k: 'object', key: ANY, value: ANY };
/** `{}` is an empty object, but reads like an empty set to many authors: never blame it. */
const EMPTY_OBJECT: BType = { k: 'union', of: [OBJECT_ANY, SET_ANY] };

/** Constants are typed this many levels deep, and from at most this many elements each. */
export const CONST_DEPTH = 2;
const CONST_ELEMENTS = 32;
/** Unions with more members than this degrade to `any`. */
const MAX_UNION = 8;

/** True unless `have` and `want` certainly have no value in common. */
export function fits(have: BType, want: BType): boolean {
  if (have.k === 'any' || want.k === 'any') return true;
  if (have.k === 'union') return have.of.some((h) => fits(h, want));
  if (want.k === 'union') return want.of.some((w) => fits(have, w));
  if (have.k !== want.k) return false;
  if ((have.k === 'array' || have.k === 'set') && (want.k === 'array' || want.k === 'set')) return fits(have.of, want.of);
  // OPA compares the values of objects' dynamic parts, never their key types.
  if (have.k === 'object' && want.k === 'object') return fits(have.value, want.value);
  return true;
}

/** The type of a constant, `depth` levels deep (deeper or larger parts are `any`). */
export function typeOfValue(v: Value, depth: number): BType {
  if (v === null) return NULL;
  switch (typeof v) {
    case 'boolean':
      return BOOLEAN;
    case 'number':
    case 'bigint':
      return NUMBER;
    case 'string':
      return STRING;
  }
  if (Array.isArray(v)) return { k: 'array', of: elementsType(v, depth) };
  if (v instanceof RSet) return { k: 'set', of: elementsType([...v], depth) };
  const entries = objectEntries(v);
  if (entries.length === 0) return EMPTY_OBJECT;
  if (depth <= 0 || entries.length > CONST_ELEMENTS) return OBJECT_ANY;
  return {
    k: 'object',
    key: unionOf(entries.map(([k]) => typeOfValue(k, depth - 1))),
    value: unionOf(entries.map(([, x]) => typeOfValue(x, depth - 1))),
  };
}

function elementsType(items: Value[], depth: number): BType {
  if (depth <= 0 || items.length === 0 || items.length > CONST_ELEMENTS) return ANY;
  return unionOf(items.map((x) => typeOfValue(x, depth - 1)));
}

/** The union of `types`; `any` when one is `any`, when there are none, or too many. */
export function unionOf(types: BType[]): BType {
  if (types.length === 1) return types[0];
  const members: BType[] = [];
  for (const t of types) {
    if (t.k === 'any') return ANY;
    if (t.k === 'union') {
      for (const m of t.of) if (!addMember(members, m)) return ANY;
    } else if (!addMember(members, t)) return ANY;
  }
  if (members.length === 0) return ANY;
  return members.length === 1 ? members[0] : { k: 'union', of: members };
}

/** Adds `m` unless present; false when the union grew too large. */
function addMember(members: BType[], m: BType): boolean {
  for (const x of members) if (sameType(x, m)) return true;
  members.push(m);
  return members.length <= MAX_UNION;
}

function sameType(a: BType, b: BType): boolean {
  if (a === b) return true;
  if (a.k !== b.k) return false;
  switch (a.k) {
    case 'array':
    case 'set':
      return sameType(a.of, (b as typeof a).of);
    case 'object':
      return sameType(a.key, (b as typeof a).key) && sameType(a.value, (b as typeof a).value);
    case 'union': {
      const bo = (b as typeof a).of;
      return a.of.length === bo.length && a.of.every((x, i) => sameType(x, bo[i]));
    }
    default:
      return true;
  }
}

/** The type of `x[_]` for `x` of type `t` (`any` unless `t` is one kind of collection). */
export function element(t: BType): BType {
  switch (t.k) {
    case 'array':
    case 'set':
      return t.of;
    case 'object':
      return t.value;
    default:
      return ANY;
  }
}

/**
 * The type of the keys that index a value of type `t` (array positions, set members, object
 * keys); undefined unless `t` is one kind of collection (unions are not blamed).
 */
export function keysOf(t: BType): BType | undefined {
  switch (t.k) {
    case 'array':
      return NUMBER;
    case 'set':
      return t.of;
    case 'object':
      return t.key;
    default:
      return undefined;
  }
}

/** Key and value types of `some k, v in x` for `x` of type `t`. */
export function iteration(t: BType): [BType, BType] {
  const k = keysOf(t);
  return k ? [k, element(t)] : [ANY, ANY];
}

/** True when every value of type `t` is a scalar (nothing to iterate or index). */
export function scalarOnly(t: BType): boolean {
  switch (t.k) {
    case 'null':
    case 'boolean':
    case 'number':
    case 'string':
      return true;
    case 'union':
      return t.of.every(scalarOnly);
    default:
      return false;
  }
}
