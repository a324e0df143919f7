/**
 * JSON-path builtins: json.filter, json.remove and json.patch (RFC 6902 on Rego values,
 * sets included). Paths are `/`-separated strings (leading slashes ignored, `~1` → `/`,
 * `~0` → `~`) or arrays of segments.
 */
import { operandError, typeErrorText, type BuiltinDecl } from '../define.js';
import { argArray, argObject } from '../args.js';
import { T } from '../signature.js';
import {
  ObjectBuilder,
  RSet,
  equals,
  isObject,
  keyOf,
  objectEntries,
  objectGet,
  objectHas,
  typeName,
  type Value,
} from '../../value/types.js';

// ---- paths ----------------------------------------------------------------------------------

/** A path string or segment array as a list of segments; undefined for other values. */
function parsePath(p: Value): Value[] | undefined {
  if (typeof p === 'string') {
    if (p === '') return [];
    return p
      .replace(/^\/+/, '')
      .split('/')
      .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
  }
  if (Array.isArray(p)) return p;
  return undefined;
}

function pathOperand(p: Value): Value[] {
  const path = parsePath(p);
  if (path === undefined) {
    throw typeErrorText(
      `operand 2 must be one of {set, array} containing string paths or array of path segments but got ${typeName(p)}`,
    );
  }
  return path;
}

function pathsOperand(v: Value): Value[][] {
  if (Array.isArray(v)) return v.map(pathOperand);
  if (v instanceof RSet) return v.sorted().map(pathOperand);
  throw operandError(2, v, 'set', 'array');
}

/** Tree of path prefixes; a `null` child marks the end of a path (the whole subtree is selected). */
type PathTree = Map<string, { key: Value; child: PathTree | null }>;

function pathsToTree(paths: Value[][]): PathTree {
  const root: PathTree = new Map();
  for (const path of paths) {
    if (path.length === 0) continue;
    let node = root;
    let done = false;
    for (let i = 0; i < path.length - 1 && !done; i++) {
      const k = keyOf(path[i]);
      const entry = node.get(k);
      if (entry === undefined) {
        const child: PathTree = new Map();
        node.set(k, { key: path[i], child });
        node = child;
      } else if (entry.child === null) {
        done = true;
      } else {
        node = entry.child;
      }
    }
    if (!done) node.set(keyOf(path[path.length - 1]), { key: path[path.length - 1], child: null });
  }
  return root;
}

/** Array positions are matched against string segments ("0"), as OPA does. */
function indexKey(i: number): string {
  return keyOf(String(i));
}

function filterValue(v: Value, tree: PathTree | null): Value {
  if (tree === null) return v;
  if (Array.isArray(v)) {
    const out: Value[] = [];
    v.forEach((x, i) => {
      const e = tree.get(indexKey(i));
      if (e) out.push(filterValue(x, e.child));
    });
    return out;
  }
  if (v instanceof RSet) {
    const out = new RSet();
    for (const x of v) {
      const e = tree.get(keyOf(x));
      if (e) out.add(filterValue(x, e.child));
    }
    return out;
  }
  if (isObject(v)) {
    const out = new ObjectBuilder();
    for (const [k, x] of objectEntries(v)) {
      const e = tree.get(keyOf(k));
      if (e) out.set(k, filterValue(x, e.child));
    }
    return out.build();
  }
  return v;
}

/** The value without the selected subtrees; undefined when the value itself is selected. */
function removeValue(v: Value, tree: PathTree | null | undefined): Value | undefined {
  if (tree === undefined) return v;
  if (tree === null) return undefined;
  if (Array.isArray(v)) {
    const out: Value[] = [];
    v.forEach((x, i) => {
      const r = removeValue(x, tree.get(indexKey(i))?.child);
      if (r !== undefined) out.push(r);
    });
    return out;
  }
  if (v instanceof RSet) {
    const out = new RSet();
    for (const x of v) {
      const r = removeValue(x, tree.get(keyOf(x))?.child);
      if (r !== undefined) out.add(r);
    }
    return out;
  }
  if (isObject(v)) {
    const out = new ObjectBuilder();
    for (const [k, x] of objectEntries(v)) {
      const r = removeValue(x, tree.get(keyOf(k))?.child);
      if (r !== undefined) out.set(k, r);
    }
    return out.build();
  }
  return v;
}

// ---- json.patch -----------------------------------------------------------------------------

/** Internal failure of one patch operation; the builtin turns it into an undefined result. */
class PatchFailure extends Error {}

function fail(msg: string): never {
  throw new PatchFailure(msg);
}

/** OPA's array index rules: integers, "-" for the end, decimal strings without leading zeros. */
function toIndex(len: number, seg: Value): number {
  if (typeof seg === 'number' || typeof seg === 'bigint') {
    if (typeof seg === 'number' && !Number.isInteger(seg)) fail('invalid number type for indexing');
    return Number(seg);
  }
  if (typeof seg === 'string') {
    if (seg === '-') return len;
    if (!/^[+-]?[0-9]+$/.test(seg)) fail('invalid string for indexing');
    if (seg !== '0' && seg.startsWith('0')) fail('leading zeros are not allowed in JSON paths');
    return Number(seg);
  }
  return fail('invalid type for indexing');
}

function copyObjectWith(obj: Value, key: Value, value: Value | undefined): Value {
  const out = new ObjectBuilder();
  for (const [k, v] of objectEntries(obj as never)) if (!equals(k, key)) out.set(k, v);
  if (value !== undefined) out.set(key, value);
  return out.build();
}

/** The child of a composite at one segment, or a failure. */
function child(container: Value, seg: Value): Value {
  if (isObject(container)) {
    const v = objectGet(container, seg);
    return v === undefined ? fail('path does not exist in object') : v;
  }
  if (container instanceof RSet) return container.has(seg) ? container.map.get(keyOf(seg))! : fail('path does not exist in set');
  if (Array.isArray(container)) {
    const i = toIndex(container.length, seg);
    return i >= 0 && i < container.length ? container[i] : fail('path does not exist in array');
  }
  return fail('expected composite type');
}

/** Replaces the child at `seg` (which must exist) by `next`. */
function replaceChild(container: Value, seg: Value, next: Value): Value {
  if (isObject(container)) return copyObjectWith(container, seg, next);
  if (container instanceof RSet) {
    const out = new RSet();
    const old = keyOf(seg);
    for (const [k, v] of container.map) if (k !== old) out.add(v);
    return out.add(next);
  }
  const arr = [...(container as Value[])];
  arr[toIndex(arr.length, seg)] = next;
  return arr;
}

function updateAt(doc: Value | undefined, path: Value[], fn: (v: Value | undefined) => Value | undefined): Value | undefined {
  if (path.length === 0) return fn(doc);
  if (doc === undefined) return fail('nil value encountered where composite value was expected');
  const [seg, ...rest] = path;
  const next = updateAt(child(doc, seg), rest, fn);
  return replaceChild(doc, seg, next as Value);
}

function insertChild(parent: Value | undefined, key: Value, value: Value): Value {
  if (parent === undefined) return fail('deleted node encountered during insert operation');
  if (isObject(parent)) return copyObjectWith(parent, key, value);
  if (parent instanceof RSet) {
    if (!equals(key, value)) fail('set key does not equal value to be inserted');
    return new RSet(parent).add(value);
  }
  if (Array.isArray(parent)) {
    const i = toIndex(parent.length, key);
    if (i < 0 || i > parent.length) fail('index for array insertion out of bounds');
    return [...parent.slice(0, i), value, ...parent.slice(i)];
  }
  return fail('expected composite type');
}

function deleteChild(parent: Value | undefined, key: Value): Value {
  if (parent === undefined) return fail('deleted node encountered during delete operation');
  if (isObject(parent)) {
    if (!objectHas(parent, key)) fail('cannot delete child key that does not exist');
    return copyObjectWith(parent, key, undefined);
  }
  if (parent instanceof RSet) {
    if (!parent.has(key)) fail('cannot delete child key that does not exist');
    const out = new RSet();
    const gone = keyOf(key);
    for (const [k, v] of parent.map) if (k !== gone) out.add(v);
    return out;
  }
  if (Array.isArray(parent)) {
    const i = toIndex(parent.length, key);
    if (i < 0 || i >= parent.length) fail('index for array delete out of bounds');
    return [...parent.slice(0, i), ...parent.slice(i + 1)];
  }
  return fail('expected composite type');
}

function renderAt(doc: Value | undefined, path: Value[]): Value {
  let cur = doc;
  for (const seg of path) {
    if (cur === undefined) fail('nil value encountered where composite value was expected');
    cur = child(cur, seg);
  }
  return cur === undefined ? fail('deleted document') : cur;
}

function insertAt(doc: Value | undefined, path: Value[], value: Value): Value | undefined {
  if (path.length === 0) return value;
  return updateAt(doc, path.slice(0, -1), (p) => insertChild(p, path[path.length - 1], value));
}

function deleteAt(doc: Value | undefined, path: Value[]): Value | undefined {
  if (path.length === 0) return doc === undefined ? fail('deleted node encountered during delete operation') : undefined;
  return updateAt(doc, path.slice(0, -1), (p) => deleteChild(p, path[path.length - 1]));
}

const VALID_OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

function attribute(op: Value, name: string): Value {
  const v = objectGet(op as never, name);
  return v === undefined ? fail(`missing '${name}' attribute`) : v;
}

function patchPath(p: Value): Value[] {
  return parsePath(p) ?? fail('invalid path');
}

function applyOperation(doc: Value | undefined, operation: Value): Value | undefined {
  if (!isObject(operation)) fail('must be an array of JSON-Patch objects');
  const op = attribute(operation, 'op');
  if (typeof op !== 'string') fail("attribute 'op' must be a string");
  if (!VALID_OPS.has(op)) fail(`unrecognized op '${op}'`);
  const rawPath = attribute(operation, 'path');
  const rawFrom = op === 'move' || op === 'copy' ? attribute(operation, 'from') : undefined;
  const value = op === 'add' || op === 'replace' || op === 'test' ? attribute(operation, 'value') : undefined;
  const path = patchPath(rawPath);
  switch (op) {
    case 'add':
      return insertAt(doc, path, value!);
    case 'remove':
      return deleteAt(doc, path);
    case 'replace':
      return insertAt(deleteAt(doc, path), path, value!);
    case 'move': {
      const from = patchPath(rawFrom!);
      const chunk = renderAt(doc, from);
      return insertAt(deleteAt(doc, from), path, chunk);
    }
    case 'copy':
      return insertAt(doc, path, renderAt(doc, patchPath(rawFrom!)));
    default:
      if (!equals(renderAt(doc, path), value!)) fail('test failed');
      return doc;
  }
}

// ---- declarations ---------------------------------------------------------------------------

const pathsParam = T.union(T.array(T.union(T.string, T.array())), T.set(T.union(T.string, T.array())));

export const jsonBuiltins: BuiltinDecl[] = [
  {
    name: 'json.filter',
    params: [
      { name: 'object', type: T.object(), description: 'the document to filter' },
      { name: 'paths', type: pathsParam, description: 'JSON paths ("a/b/c" or ["a", "b", "c"]) to keep' },
    ],
    result: T.any,
    category: 'objects',
    description: 'Returns only the parts of a document selected by a list of JSON paths.',
    impl(args) {
      const obj = argObject(args, 0);
      return filterValue(obj, pathsToTree(pathsOperand(args[1])));
    },
  },
  {
    name: 'json.remove',
    params: [
      { name: 'object', type: T.object(), description: 'the document to prune' },
      { name: 'paths', type: pathsParam, description: 'JSON paths ("a/b/c" or ["a", "b", "c"]) to remove' },
    ],
    result: T.any,
    category: 'objects',
    description:
      'Returns a document without the parts selected by a list of JSON paths; array elements after a removed one shift left.',
    impl(args) {
      const obj = argObject(args, 0);
      return removeValue(obj, pathsToTree(pathsOperand(args[1])));
    },
  },
  {
    name: 'json.patch',
    params: [
      { name: 'object', type: T.any, description: 'the document to patch' },
      { name: 'patches', type: T.array(T.object(T.string, T.any)), description: 'RFC 6902 operations' },
    ],
    result: T.any,
    category: 'objects',
    description:
      'Applies RFC 6902 JSON Patch operations (add, remove, replace, move, copy, test) to a document, sets included; undefined when an operation fails.',
    impl(args) {
      const ops = argArray(args, 1);
      let doc: Value | undefined = args[0];
      try {
        for (const op of ops) doc = applyOperation(doc, op);
      } catch (e) {
        if (e instanceof PatchFailure) return undefined;
        throw e;
      }
      return doc;
    },
  },
];
