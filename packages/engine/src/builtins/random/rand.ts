/** rand.intn: a random integer in [0, n), the same for the same (string, n) within one query. */
import type { BuiltinDecl } from '../define.js';
import { argString } from '../args.js';
import { intOperand } from '../int-args.js';
import { T } from '../signature.js';
import { normNumber } from '../../value/number.js';

/** Uniform random bigint in [0, n) for n > 0, by rejection sampling over whole bytes. */
export function randomBelow(n: bigint): bigint {
  const bytes = Math.ceil(n.toString(16).length / 2);
  const buf = new Uint8Array(bytes);
  const span = 1n << BigInt(bytes * 8);
  const limit = span - (span % n); // values at or above this would bias the result
  for (;;) {
    globalThis.crypto.getRandomValues(buf);
    let x = 0n;
    for (const b of buf) x = (x << 8n) | BigInt(b);
    if (x < limit) return x % n;
  }
}

export const randBuiltins: BuiltinDecl[] = [
  {
    name: 'rand.intn',
    params: [
      { name: 'str', type: T.string, description: 'a key; the same key and bound give the same number within one query' },
      { name: 'n', type: T.number, description: 'the exclusive upper bound (its absolute value is used)' },
    ],
    result: T.number,
    category: 'numbers',
    description: 'Returns a random integer from 0 up to (not including) |n|; 0 when n is 0.',
    nondeterministic: true,
    impl(args, ctx) {
      const str = argString(args, 0);
      let n = intOperand(args, 1);
      if (n === 0n) return 0;
      if (n < 0n) n = -n;
      const key = `rand.intn\u0000${str}-${n}`;
      const cached = ctx.queryCache.get(key);
      if (cached !== undefined) return cached;
      const r = normNumber(randomBelow(n));
      ctx.queryCache.set(key, r);
      return r;
    },
  },
];
