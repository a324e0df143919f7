/** Number builtins: abs, round, ceil, floor, numbers.range, numbers.range_step. */
import { builtinError, type BuiltinContext, type BuiltinDecl } from '../define.js';
import { argNumber } from '../args.js';
import { bigIntOperand } from '../int-args.js';
import { T } from '../signature.js';
import { abs, normNumber } from '../../value/number.js';
import type { Value } from '../../value/types.js';

/** Ranges beyond this many elements would exhaust memory; OPA would be cancelled by then. */
const MAX_RANGE_ELEMENTS = 50_000_000n;

/** Rounds half away from zero (OPA's `round`), exactly for every double. */
export function roundHalfAway(x: number): number {
  const t = Math.trunc(x) + 0; // `+ 0` turns -0 into 0
  const frac = x - t; // exact for doubles
  if (frac >= 0.5) return t + 1;
  if (frac <= -0.5) return t - 1;
  return t;
}

/*
 * OPA derives ceil and floor from truncation toward zero and the sign of the truncated value,
 * which is +0 for every x in (-1, 0): there ceil gives 1 and floor gives 0. Kept for parity.
 */
export function opaCeil(x: number): number {
  const t = Math.trunc(x) + 0;
  return t < 0 || t === x ? t : t + 1;
}

export function opaFloor(x: number): number {
  const t = Math.trunc(x) + 0;
  return t >= 0 || t === x ? t : t - 1;
}

/** Heap an array element takes (a pointer slot; small integers are not boxed). */
const BYTES_PER_ELEMENT = 8;

function range(from: bigint, to: bigint, step: bigint, ctx: BuiltinContext): Value[] {
  const count = (from <= to ? to - from : from - to) / step + 1n;
  if (count > MAX_RANGE_ELEMENTS) throw builtinError(`range of ${count} numbers is too large`);
  ctx.reserve?.(Number(count) * BYTES_PER_ELEMENT);
  const out: Value[] = [];
  if (from <= to) for (let i = from; i <= to; i += step) out.push(normNumber(i));
  else for (let i = from; i >= to; i -= step) out.push(normNumber(i));
  return out;
}

function numberFn(name: string, description: string, f: (x: number) => number): BuiltinDecl {
  return {
    name,
    params: [{ name: 'x', type: T.number, description: 'the number' }],
    result: T.number,
    category: 'numbers',
    description,
    impl(args) {
      const n = argNumber(args, 0);
      if (typeof n === 'bigint' || Number.isInteger(n)) return n;
      return f(n);
    },
  };
}

export const numbersBuiltins: BuiltinDecl[] = [
  {
    name: 'abs',
    params: [{ name: 'x', type: T.number, description: 'the number' }],
    result: T.number,
    category: 'numbers',
    description: 'Returns the absolute value of a number.',
    impl(args) {
      return abs(argNumber(args, 0));
    },
  },
  numberFn('round', 'Rounds a number to the nearest integer, halves away from zero.', roundHalfAway),
  numberFn('ceil', 'Rounds a number up to the nearest integer.', opaCeil),
  numberFn('floor', 'Rounds a number down to the nearest integer.', opaFloor),
  {
    name: 'numbers.range',
    params: [
      { name: 'a', type: T.number, description: 'the first integer' },
      { name: 'b', type: T.number, description: 'the last integer' },
    ],
    result: T.array(T.number),
    category: 'numbers',
    description: 'Returns the integers from a to b inclusive, counting down when b is below a.',
    impl(args, ctx) {
      const a = bigIntOperand(args, 0);
      const b = bigIntOperand(args, 1);
      return range(a, b, 1n, ctx);
    },
  },
  {
    name: 'numbers.range_step',
    params: [
      { name: 'a', type: T.number, description: 'the first integer' },
      { name: 'b', type: T.number, description: 'the bound, included when reached' },
      { name: 'step', type: T.number, description: 'the positive distance between numbers' },
    ],
    result: T.array(T.number),
    category: 'numbers',
    description: 'Returns the integers from a towards b (inclusive when reached) in steps of a positive step, counting down when b is below a.',
    impl(args, ctx) {
      const a = bigIntOperand(args, 0);
      const b = bigIntOperand(args, 1);
      const step = bigIntOperand(args, 2);
      if (step <= 0n) throw builtinError('step must be a positive integer');
      return range(a, b, step, ctx);
    },
  },
];
