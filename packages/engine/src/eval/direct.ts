/**
 * Direct reads: terms that have at most one value and no effects (a constant, a variable, a ref
 * from a variable or `input` through constant keys) read without a continuation.
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
import type { Frame } from './plan.js';
import { lookup } from './values.js';

export type DirectRead = (c: Ctx, f: Frame) => Value | undefined;

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
      const keys: Value[] = [];
      for (const s of t.path) {
        if (s.t !== 'const') return undefined;
        keys.push(s.v);
      }
      const root = t.root;
      if (root.kind === 'data') return undefined;
      if (root.kind === 'input') return (c) => walkKeys(c.input, keys);
      if (root.term.t !== 'var') return undefined;
      const slot = root.term.slot;
      return (_c, f) => walkKeys(f[slot], keys);
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

function walkKeys(v: Value | undefined, keys: readonly Value[]): Value | undefined {
  for (let i = 0; i < keys.length && v !== undefined; i++) v = lookup(v, keys[i]);
  return v;
}
