/**
 * Rule indexing on `input` equality tests (DESIGN §4): a definition whose body requires
 * `input.kind == "Pod"` (or `input.kind = "Pod"`) is skipped without running its body when the
 * input says otherwise. It is a pure pre-filter: the same expression still runs in the body, so
 * results never change; it only saves the work of starting bodies that cannot succeed.
 */
import type { IRBody, IRTerm } from '../compile/ir.js';
import { equals, type Value } from '../value/types.js';
import { lookup } from './values.js';

export interface InputGuard {
  path: Value[];
  value: Value;
}

function inputPath(t: IRTerm): Value[] | undefined {
  if (t.t !== 'ref' || t.root.kind !== 'input') return undefined;
  const path: Value[] = [];
  for (const s of t.path) {
    if (s.t !== 'const' || (typeof s.v !== 'string' && typeof s.v !== 'number')) return undefined;
    path.push(s.v);
  }
  return path;
}

function guardOf(l: IRTerm, r: IRTerm): InputGuard | undefined {
  const lp = inputPath(l);
  if (lp && r.t === 'const') return { path: lp, value: r.v };
  const rp = inputPath(r);
  if (rp && l.t === 'const') return { path: rp, value: l.v };
  return undefined;
}

/** Equality tests between a constant input path and a constant, anywhere at the top of `body`. */
export function inputGuards(body: IRBody): InputGuard[] {
  const out: InputGuard[] = [];
  for (const e of body) {
    if (e.negated || e.with.length) continue;
    const n = e.node;
    let g: InputGuard | undefined;
    if (n.kind === 'unify') g = guardOf(n.left, n.right);
    else if (n.kind === 'term' && n.term.t === 'call' && n.term.fn.kind === 'builtin' && n.term.fn.name === 'equal' && n.term.args.length === 2) {
      g = guardOf(n.term.args[0], n.term.args[1]);
    }
    if (g) out.push(g);
  }
  return out;
}

/** False when some guard is certain to fail for `input` (then the body has no solution). */
export function guardsHold(input: Value | undefined, guards: InputGuard[]): boolean {
  for (const g of guards) {
    let v: Value | undefined = input;
    for (const p of g.path) {
      if (v === undefined) break;
      v = lookup(v, p);
    }
    if (v === undefined || !equals(v, g.value)) return false;
  }
  return true;
}
