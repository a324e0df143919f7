import { describe, expect, it } from 'vitest';
import type { BuiltinContext, BuiltinDecl } from './define.js';
import type { Value } from '../value/types.js';

const ctx = { queryCache: new Map() } as unknown as BuiltinContext;
const caller = (decls: BuiltinDecl[]) => (name: string, ...args: Value[]) => decls.find((d) => d.name === name)!.impl(args, ctx);
const failure = (decls: BuiltinDecl[]) => (name: string, ...args: Value[]) => {
  try {
    caller(decls)(name, ...args);
  } catch (e) {
    return `${(e as { code: string }).code}: ${(e as Error).message}`;
  }
  return 'no error';
};
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
