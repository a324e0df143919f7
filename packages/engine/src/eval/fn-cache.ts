/**
 * Results of a user function by argument list. Composite arguments are keyed by identity (cheap,
 * and exact: the same object always has the same value; equal copies simply miss the cache).
 *
 * One-argument calls, the common case, key a `Map` by the object or string itself: a string built
 * per call (`"#12\u0000"`) costs an allocation and a hash each time, which profiled as most of the
 * cost of a call to a cheap function; a string from the input document keeps its hash.
 */
import { keyOf, type Value } from '../value/types.js';
import type { UNDEF } from './context.js';

type Result = Value | typeof UNDEF;

export class FnResults {
  private readonly byObject = new Map<object, Result>();
  private readonly byString = new Map<string, Result>();
  /**
   * Safe integers as themselves (0 and -0 are one key, as in Rego). Other numbers go through `keyOf`,
   * which makes an integral float beyond 2^53 and the equal bigint one key.
   */
  private readonly byNumber = new Map<number, Result>();
  private readonly byKey = new Map<string, Result>();

  get size(): number {
    return this.byObject.size + this.byString.size + this.byNumber.size + this.byKey.size;
  }

  get(args: Value[]): Result | undefined {
    if (args.length === 1) {
      const a = args[0];
      if (typeof a === 'string') return this.byString.get(a);
      if (typeof a === 'number' && Number.isSafeInteger(a)) return this.byNumber.get(a);
      if (a !== null && typeof a === 'object') return this.byObject.get(a);
    }
    return this.byKey.get(argsKey(args));
  }

  set(args: Value[], r: Result): void {
    if (args.length === 1) {
      const a = args[0];
      if (typeof a === 'string') return void this.byString.set(a, r);
      if (typeof a === 'number' && Number.isSafeInteger(a)) return void this.byNumber.set(a, r);
      if (a !== null && typeof a === 'object') return void this.byObject.set(a, r);
    }
    this.byKey.set(argsKey(args), r);
  }
}

const identities = new WeakMap<object, number>();
let nextIdentity = 1;

/** A key that is equal for the same object (identity) or the same primitive value. */
export function identityOf(v: Value): string {
  if (v !== null && typeof v === 'object') {
    let id = identities.get(v);
    if (id === undefined) identities.set(v, (id = nextIdentity++));
    return '#' + id;
  }
  return keyOf(v);
}

/** Key of an argument list (see `identityOf`), also used for the input part of sharing keys. */
export function argsKey(args: Value[]): string {
  let s = '';
  for (const a of args) s += identityOf(a) + '\u0000';
  return s;
}


