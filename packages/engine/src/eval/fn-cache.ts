/**
 * Results of a user function by argument list: a trie with one level per argument, each level
 * keyed by the argument itself. Composite arguments are keyed by identity (cheap, and exact: the
 * same object always has the same value; equal copies simply miss the cache).
 *
 * No key string is built per call: a string like `"#12\u0000"` per call costs an allocation, an
 * identity lookup and a hash each time, which profiled as most of the cost of calling a cheap
 * function (a 100,000-command RUN makes millions of such calls). Strings from the input document
 * keep their hash, so keying by the string itself is cheap.
 */
import { keyOf, type Value } from '../value/types.js';
import type { UNDEF } from './sentinels.js';

type Result = Value | typeof UNDEF;

/** One argument position: a map per kind of key, so that no two kinds of value share a key. */
class Level<T> {
  private objects?: Map<object, T>;
  private strings?: Map<string, T>;
  private integers?: Map<number, T>;
  /** Booleans, null, bigints and other numbers, by `keyOf` (an integral float beyond 2^53 and the equal bigint are one key). */
  private others?: Map<string, T>;

  get(a: Value): T | undefined {
    if (typeof a === 'string') return this.strings?.get(a);
    if (a !== null && typeof a === 'object') return this.objects?.get(a);
    // Safe integers as themselves: 0 and -0 are one key in a Map, as they are one number in Rego.
    if (typeof a === 'number' && Number.isSafeInteger(a)) return this.integers?.get(a);
    return this.others?.get(keyOf(a));
  }

  set(a: Value, v: T): void {
    if (typeof a === 'string') (this.strings ??= new Map()).set(a, v);
    else if (a !== null && typeof a === 'object') (this.objects ??= new Map()).set(a, v);
    else if (typeof a === 'number' && Number.isSafeInteger(a)) (this.integers ??= new Map()).set(a, v);
    else (this.others ??= new Map()).set(keyOf(a), v);
  }
}

type Node = Level<Node | Result>;

export class FnResults {
  private readonly root: Node = new Level();
  private zeroArgs: Result | undefined;
  /** Results stored (the cross-evaluation cache is capped by it). */
  size = 0;

  get(args: Value[]): Result | undefined {
    if (args.length === 0) return this.zeroArgs;
    let node: Node = this.root;
    const last = args.length - 1;
    for (let i = 0; i < last; i++) {
      const next = node.get(args[i]);
      if (next === undefined) return undefined;
      node = next as Node;
    }
    return node.get(args[last]) as Result | undefined;
  }

  set(args: Value[], r: Result): void {
    this.size++;
    if (args.length === 0) return void (this.zeroArgs = r);
    let node: Node = this.root;
    const last = args.length - 1;
    for (let i = 0; i < last; i++) {
      let next = node.get(args[i]) as Node | undefined;
      if (next === undefined) node.set(args[i], (next = new Level()));
      node = next;
    }
    node.set(args[last], r);
  }
}

const identities = new WeakMap<object, number>();
let nextIdentity = 1;

/** A key that is equal for the same object (identity) or the same primitive value (sharing keys). */
export function identityOf(v: Value): string {
  if (v !== null && typeof v === 'object') {
    let id = identities.get(v);
    if (id === undefined) identities.set(v, (id = nextIdentity++));
    return '#' + id;
  }
  return keyOf(v);
}
