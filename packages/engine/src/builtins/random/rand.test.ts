import { describe, expect, it } from 'vitest';

import { caller } from '../test-support.js';
import { randBuiltins, randomBelow } from './rand.js';

const call = caller(randBuiltins);

describe('rand.intn', () => {
  it('is memoised per (key, bound) within a query', () => {
    const a = call('rand.intn', 'key', 1000000) as number;
    expect(Number.isInteger(a) && a >= 0 && a < 1000000).toBe(true);
    expect(call('rand.intn', 'key', 1000000)).toBe(a);
    expect(call('rand.intn', 'key', -1000000)).toBe(a);
    expect(call('rand.intn', 'x', 0)).toBe(0);
  });
  it('stays in range for small and huge bounds', () => {
    for (let i = 0; i < 200; i++) {
      const x = randomBelow(3n);
      expect(x >= 0n && x < 3n).toBe(true);
    }
    const big = 1n << 70n;
    const y = randomBelow(big);
    expect(y >= 0n && y < big).toBe(true);
  });
});
