/**
 * Direct reads: terms that have at most one value and no effects (a constant, a variable, a ref
 * from a variable or `input` through constant keys or bound variables) read without a continuation.
 *
 * Why: in continuation-passing style every argument of a call, item of an array and entry of an
 * object costs a closure per evaluation, and a RUN of 100,000 commands evaluates millions of such
 * terms (`count(seg.words)`, `{"pos": k, …}`); those closures were most of the garbage collector's
 * work. A direct read answers `undefined` exactly where the term's continuation would not have
 * been called (an unbound variable, a missing key), so callers fail the same way.
 */
import type { IRTerm } from '../compile/ir.js';
import type { Value } from '../value/types.js';
import type { Ctx } from './context.js';
import type { Frame } from './plan-types.js';
import { lookup } from './values.js';

/**
 * Answers a ref's variable key that is not bound yet: the ref then iterates (it is a generator
 * there), which only its continuation-passing form does; callers fall back to it.
 */
export const UNBOUND: unique symbol = Symbol('unbound');

export type DirectRead = (c: Ctx, f: Frame) => Value | undefined | typeof UNBOUND;

/** A direct read of `t`, or undefined when `t` may have several values or needs evaluation. */
export function directRead(t: IRTerm): DirectRead | undefined {
  switch (t.t) {
    case 'const': {
      const v = t.v;
      return () => v;
    }
    case 'var': {
      const slot = t.slot;
      return (_c, f) => f[slot];
    }
    case 'ref': {
      // Keys: a constant, or the slot of a variable (read when the ref is evaluated).
      const keys: { v?: Value; slot?: number }[] = [];
      for (const s of t.path) {
        if (s.t === 'const') keys.push({ v: s.v });
        else if (s.t === 'var') keys.push({ slot: s.slot });
        else return undefined;
      }
      const root = t.root;
      if (root.kind === 'data') return undefined;
      if (root.kind === 'input') return (c, f) => walkKeys(c.input, keys, f);
      if (root.term.t !== 'var') return undefined;
      const slot = root.term.slot;
      return (_c, f) => walkKeys(f[slot], keys, f);
    }
    default:
      return undefined;
  }
}

/** Direct reads of all of `ts`, or undefined unless every one of them has one. */
export function directReads(ts: readonly IRTerm[]): DirectRead[] | undefined {
  const out: DirectRead[] = [];
  for (const t of ts) {
    const r = directRead(t);
    if (r === undefined) return undefined;
    out.push(r);
  }
  return out;
}

function walkKeys(v: Value | undefined, keys: readonly { v?: Value; slot?: number }[], f: Frame): Value | undefined | typeof UNBOUND {
  for (let i = 0; i < keys.length && v !== undefined; i++) {
    const key = keys[i];
    let kv = key.v;
    if (key.slot !== undefined) {
      kv = f[key.slot];
      if (kv === undefined) return UNBOUND;
    }
    v = lookup(v, kv!);
  }
  return v;
}
