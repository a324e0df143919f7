import type { Evaluator } from './jsonnet-eval.js';
import { ArrV, FnV, LIMITS, ObjV, Thunk, fail, typeOf, type Field, type V } from './jsonnet-values.js';
import type { Node, Param, Pos } from './jsonnet-syntax.js';

/**
 * The part of Jsonnet's standard library that configuration files use, with the semantics of
 * jsonnet.org/ref/stdlib.html, and `%` formatting (std.format) as Jsonnet's own std.jsonnet
 * renders each code. A std function not listed here is an error naming it — never a guess.
 */

type Impl = (ev: Evaluator, a: V[], at: Pos) => V;

const num = (v: V, at: Pos, what = 'argument'): number => (typeof v === 'number' ? v : fail(`${what} must be a number, got ${typeOf(v)}`, at));
const str = (v: V, at: Pos): string => (typeof v === 'string' ? v : fail(`argument must be a string, got ${typeOf(v)}`, at));
const arr = (ev: Evaluator, v: V, at: Pos): V[] => (v instanceof ArrV ? v.items.map((t) => t.get(ev)) : fail(`argument must be an array, got ${typeOf(v)}`, at));
const obj = (v: V, at: Pos): ObjV => (v instanceof ObjV ? v : fail(`argument must be an object, got ${typeOf(v)}`, at));
const fn = (v: V, at: Pos): FnV => (v instanceof FnV ? v : fail(`argument must be a function, got ${typeOf(v)}`, at));
const list = (vs: V[]) => new ArrV(vs.map((v) => Thunk.of(v)));
const apply = (ev: Evaluator, f: FnV, args: V[], at: Pos) => ev.call(f, args.map((a) => Thunk.of(a)), [], at);
const sized = (n: number, at: Pos) => (n > LIMITS.arrayLength ? fail(`array longer than ${LIMITS.arrayLength} elements`, at) : n);

const STD: Record<string, [string[], Impl]> = {
  length: [['x'], (_, [x], at) => (typeof x === 'string' ? [...x].length : x instanceof ArrV ? x.items.length : x instanceof ObjV ? x.names().filter((k) => x.visible(k)).length : x instanceof FnV ? x.params.length : fail(`length of a ${typeOf(x!)}`, at))],
  type: [['x'], (_, [x]) => typeOf(x!)],
  ['toString' as string]: [['a'], (ev, [a], at) => ev.toStr(a!, at)],
  isString: [['v'], (_, [v]) => typeof v === 'string'],
  isNumber: [['v'], (_, [v]) => typeof v === 'number'],
  isBoolean: [['v'], (_, [v]) => typeof v === 'boolean'],
  isObject: [['v'], (_, [v]) => v instanceof ObjV],
  isArray: [['v'], (_, [v]) => v instanceof ArrV],
  isFunction: [['v'], (_, [v]) => v instanceof FnV],
  objectFields: [['o'], (_, [o], at) => list(obj(o!, at).names().filter((k) => (o as ObjV).visible(k)))],
  objectFieldsAll: [['o'], (_, [o], at) => list(obj(o!, at).names())],
  objectHas: [['o', 'f'], (_, [o, f], at) => obj(o!, at).find(str(f!, at)) >= 0 && (o as ObjV).visible(f as string)],
  objectHasAll: [['o', 'f'], (_, [o, f], at) => obj(o!, at).find(str(f!, at)) >= 0],
  objectValues: [['o'], (ev, [o], at) => list(obj(o!, at).names().filter((k) => (o as ObjV).visible(k)).map((k) => ev.field(o as ObjV, k, at)))],
  get: [['o', 'f', 'default', 'inc_hidden'], (ev, [o, f, d, h], at) => {
    const ob = obj(o!, at);
    const k = str(f!, at);
    return ob.find(k) >= 0 && (h !== false || ob.visible(k)) ? ev.field(ob, k, at) : d!;
  }],
  map: [['func', 'arr'], (ev, [f, a], at) => list(arr(ev, a!, at).map((x) => apply(ev, fn(f!, at), [x], at)))],
  filter: [['func', 'arr'], (ev, [f, a], at) => list(arr(ev, a!, at).filter((x) => apply(ev, fn(f!, at), [x], at) === true))],
  flatMap: [['func', 'arr'], (ev, [f, a], at) => list(arr(ev, a!, at).flatMap((x) => arr(ev, apply(ev, fn(f!, at), [x], at), at)))],
  foldl: [['func', 'arr', 'init'], (ev, [f, a, i], at) => arr(ev, a!, at).reduce((acc, x) => apply(ev, fn(f!, at), [acc, x], at), i!)],
  foldr: [['func', 'arr', 'init'], (ev, [f, a, i], at) => arr(ev, a!, at).reduceRight((acc, x) => apply(ev, fn(f!, at), [x, acc], at), i!)],
  range: [['from', 'to'], (_, [f, t], at) => {
    const a = num(f!, at);
    const b = num(t!, at);
    return list(Array.from({ length: sized(Math.max(0, b - a + 1), at) }, (_, i) => a + i));
  }],
  makeArray: [['sz', 'func'], (ev, [n, f], at) => list(Array.from({ length: sized(Math.max(0, num(n!, at)), at) }, (_, i) => apply(ev, fn(f!, at), [i], at)))],
  join: [['sep', 'arr'], (ev, [s, a], at) => {
    const items = arr(ev, a!, at).filter((x) => x !== null);
    if (typeof s === 'string') return items.map((x) => str(x, at)).join(s);
    const sep = arr(ev, s!, at);
    return list(items.flatMap((x, i) => [...(i ? sep : []), ...arr(ev, x, at)]));
  }],
  flattenArrays: [['arrs'], (ev, [a], at) => list(arr(ev, a!, at).flatMap((x) => arr(ev, x, at)))],
  reverse: [['arr'], (ev, [a], at) => list(arr(ev, a!, at).reverse())],
  member: [['arr', 'x'], (ev, [a, x], at) => (typeof a === 'string' ? a.includes(str(x!, at)) : arr(ev, a!, at).some((y) => ev.equal(y, x!, at)))],
  count: [['arr', 'x'], (ev, [a, x], at) => arr(ev, a!, at).filter((y) => ev.equal(y, x!, at)).length],
  sort: [['arr', 'keyF'], (ev, [a, k], at) => list(sortBy(ev, arr(ev, a!, at), k!, at))],
  uniq: [['arr', 'keyF'], (ev, [a, k], at) => list(uniqBy(ev, arr(ev, a!, at), k!, at))],
  set: [['arr', 'keyF'], (ev, [a, k], at) => list(uniqBy(ev, sortBy(ev, arr(ev, a!, at), k!, at), k!, at))],
  all: [['arr'], (ev, [a], at) => arr(ev, a!, at).every((x) => (typeof x === 'boolean' ? x : fail('std.all needs booleans', at)))],
  any: [['arr'], (ev, [a], at) => arr(ev, a!, at).some((x) => (typeof x === 'boolean' ? x : fail('std.any needs booleans', at)))],
  sum: [['arr'], (ev, [a], at) => arr(ev, a!, at).reduce<number>((s, x) => s + num(x, at), 0)],
  abs: [['n'], (_, [n], at) => Math.abs(num(n!, at))],
  sign: [['n'], (_, [n], at) => Math.sign(num(n!, at))],
  max: [['a', 'b'], (_, [a, b], at) => Math.max(num(a!, at), num(b!, at))],
  min: [['a', 'b'], (_, [a, b], at) => Math.min(num(a!, at), num(b!, at))],
  pow: [['x', 'n'], (_, [x, n], at) => Math.pow(num(x!, at), num(n!, at))],
  floor: [['x'], (_, [x], at) => Math.floor(num(x!, at))],
  ceil: [['x'], (_, [x], at) => Math.ceil(num(x!, at))],
  round: [['x'], (_, [x], at) => Math.round(num(x!, at))],
  sqrt: [['x'], (_, [x], at) => Math.sqrt(num(x!, at))],
  mod: [['a', 'b'], (ev, [a, b], at) => (typeof a === 'string' ? ev.format(a, b!, at) : num(b!, at) === 0 ? fail('division by zero', at) : num(a!, at) % (b as number))],
  substr: [['str', 'from', 'len'], (_, [s, f, l], at) => [...str(s!, at)].slice(num(f!, at), num(f!, at) + num(l!, at)).join('')],
  startsWith: [['a', 'b'], (_, [a, b], at) => str(a!, at).startsWith(str(b!, at))],
  endsWith: [['a', 'b'], (_, [a, b], at) => str(a!, at).endsWith(str(b!, at))],
  split: [['str', 'c'], (_, [s, c], at) => (str(c!, at) === '' ? fail("std.split's separator must not be empty", at) : list(str(s!, at).split(c as string)))],
  strReplace: [['str', 'from', 'to'], (_, [s, f, t], at) => str(s!, at).split(str(f!, at)).join(str(t!, at))],
  asciiUpper: [['str'], (_, [s], at) => str(s!, at).replace(/[a-z]/g, (c) => c.toUpperCase())],
  asciiLower: [['str'], (_, [s], at) => str(s!, at).replace(/[A-Z]/g, (c) => c.toLowerCase())],
  stringChars: [['str'], (_, [s], at) => list([...str(s!, at)])],
  codepoint: [['str'], (_, [s], at) => ([...str(s!, at)].length === 1 ? s!.toString().codePointAt(0)! : fail('std.codepoint needs a one-character string', at))],
  char: [['n'], (_, [n], at) => String.fromCodePoint(num(n!, at))],
  parseInt: [['str'], (_, [s], at) => (/^-?[0-9]+$/.test(str(s!, at)) ? Number(s) : fail(`${JSON.stringify(s)} is not an integer`, at))],
  lines: [['arr'], (ev, [a], at) => arr(ev, a!, at).map((x) => `${str(x, at)}\n`).join('')],
  format: [['str', 'vals'], (ev, [s, v], at) => ev.format(str(s!, at), v!, at)],
  equals: [['a', 'b'], (ev, [a, b], at) => ev.equal(a!, b!, at)],
  mergePatch: [['target', 'patch'], (ev, [t, p], at) => mergePatch(ev, t!, p!, at)],
  extVar: [['x'], (_, [x], at) => fail(`external variable ${JSON.stringify(x)} is not defined (Palisade passes no external variables)`, at)],
};

/** `null` as the default of optional std parameters. */
const NULL_DEFAULT: Node = { t: 'lit', v: null, line: 0, col: 0 };
const OPTIONAL = new Set(['keyF', 'default', 'inc_hidden']);

function sortBy(ev: Evaluator, xs: V[], keyF: V, at: Pos): V[] {
  const key = (x: V) => (keyF instanceof FnV ? apply(ev, keyF, [x], at) : x);
  const keyed = xs.map((x) => [key(x), x] as const);
  return keyed.sort((a, b) => ev.compare(a[0], b[0], at)).map((k) => k[1]);
}

function uniqBy(ev: Evaluator, xs: V[], keyF: V, at: Pos): V[] {
  const key = (x: V) => (keyF instanceof FnV ? apply(ev, keyF, [x], at) : x);
  return xs.filter((x, i) => i === 0 || !ev.equal(key(xs[i - 1]!), key(x), at));
}

function mergePatch(ev: Evaluator, target: V, patch: V, at: Pos): V {
  if (!(patch instanceof ObjV)) return patch;
  const t = target instanceof ObjV ? target : null;
  const fields = new Map<string, Field>();
  for (const k of t ? t.names().filter((n) => t.visible(n)) : []) fields.set(k, { vis: ':', plus: false, value: ev.field(t!, k, at) });
  for (const k of patch.names().filter((n) => patch.visible(n))) {
    const pv = ev.field(patch, k, at);
    if (pv === null) fields.delete(k);
    else fields.set(k, { vis: ':', plus: false, value: mergePatch(ev, fields.get(k)?.value ?? null, pv, at) });
  }
  return ObjV.of(fields);
}

/** The `std` object for one evaluation: every function above as a hidden field, and `std.thisFile`. */
export function stdObject(ev: Evaluator, fileName: string): ObjV {
  const fields = new Map<string, Field>();
  for (const [name, [params, impl]] of Object.entries(STD)) {
    const ps: Param[] = params.map((p) => (OPTIONAL.has(p) ? { name: p, def: NULL_DEFAULT } : { name: p }));
    fields.set(name, { vis: '::', plus: false, value: new FnV(ps, (args, at) => impl(ev, args.map((a) => a.get(ev)), at)) });
  }
  fields.set('thisFile', { vis: '::', plus: false, value: fileName });
  return ObjV.of(fields);
}
