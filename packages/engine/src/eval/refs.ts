/** Ref walking over values, and small term analyses shared by the planner. */
import type { IRTerm } from '../compile/ir.js';
import { forEachIRChild, isClosure } from '../compile/walk-ir.js';
import { RSet, type Value } from '../value/types.js';
import { toRegoText } from '../value/json.js';
import type { Ctx } from './context.js';
import { iterate, lookup } from './values.js';
import type { Frame, PatFn, TermFn, VK } from './plan-types.js';

export type Segment =
  | { kind: 'const'; value: Value }
  | { kind: 'var'; slot: number }
  | { kind: 'term'; fn: TermFn; pat: PatFn };

/** Walks `v` along `segs[i..]`, binding unbound variable segments by iteration. */
export function walkValue(segs: Segment[], c: Ctx, f: Frame, v: Value, i: number, k: VK, storage = false): boolean {
  if (i === segs.length) return k(v);
  const s = segs[i];
  if (s.kind === 'const' || (s.kind === 'var' && f[s.slot] !== undefined)) {
    let key = s.kind === 'const' ? s.value : f[s.slot]!;
    // Base documents are addressed like OPA's storage: integer keys read string keys of objects.
    if (storage && typeof key === 'number' && !Array.isArray(v)) key = String(key);
    const x = lookup(v, key);
    return x === undefined ? false : walkValue(segs, c, f, x, i + 1, k, storage);
  }
  if (s.kind === 'var') {
    const slot = s.slot;
    return iterate(v, (key, child) => {
      c.run.step();
      f[slot] = key;
      const stop = walkValue(segs, c, f, child, i + 1, k, storage);
      f[slot] = undefined;
      return stop;
    });
  }
  // A composite segment: try it as a value; if it has unbound parts, unify with each key.
  let evaluated = false;
  const r = s.fn(c, f, (key) => {
    evaluated = true;
    const x = lookup(v, key);
    return x === undefined ? false : walkValue(segs, c, f, x, i + 1, k, storage);
  });
  if (evaluated) return r;
  return iterate(v, (key, child) => s.pat(c, f, key, () => walkValue(segs, c, f, child, i + 1, k, storage)));
}

const noBody = (): void => {};

/** Slots a term reads as a value (ref segments and closures' locals excluded). */
export function needs(t: IRTerm, out: number[] = []): number[] {
  if (t.t === 'var') out.push(t.slot);
  else if (isClosure(t)) out.push(...t.captured);
  else if (t.t === 'ref') {
    // A variable segment is bound by walking the ref, not read.
    if (t.root.kind === 'term') needs(t.root.term, out);
    for (const s of t.path) if (s.t !== 'var') needs(s, out);
  } else forEachIRChild(t, { term: (x) => void needs(x, out), body: noBody });
  return out;
}

/** True when `t` contains a ref with a variable segment (which can bind that variable). */
export function hasGenerator(t: IRTerm): boolean {
  if (t.t === 'ref') return t.path.some((s) => s.t === 'var' || hasGenerator(s)) || (t.root.kind === 'term' && hasGenerator(t.root.term));
  // Comprehensions and template strings collect their parts' values themselves: they bind nothing outside.
  if (isClosure(t) || t.t === 'template') return false;
  let found = false;
  forEachIRChild(t, { term: (x) => void (found ||= hasGenerator(x)), body: noBody });
  return found;
}

export function allBound(f: Frame, slots: number[]): boolean {
  for (let i = 0; i < slots.length; i++) if (f[slots[i]] === undefined) return false;
  return true;
}

export function firstValue(t: TermFn, c: Ctx, f: Frame): Value | undefined {
  let out: Value | undefined;
  t(c, f, (v) => {
    out = v;
    return true;
  });
  return out;
}

export function startsWith(a: string[], prefix: string[]): boolean {
  if (a.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (a[i] !== prefix[i]) return false;
  return true;
}

/** Text of a template-string expression: one value as text, several as a set, none `<undefined>`. */
export function templateText(vals: Value[]): string {
  if (vals.length === 0) return '<undefined>';
  if (vals.length > 1) return toRegoText(new RSet(vals));
  const v = vals[0];
  return typeof v === 'string' ? v : toRegoText(v);
}

