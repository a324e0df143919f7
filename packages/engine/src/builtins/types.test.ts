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
import { typesBuiltins } from './types.js';
import { RSet, makeObject } from '../value/types.js';

const call = caller(typesBuiltins);
const samples: [Value, string][] = [
  [null, 'null'],
  [false, 'boolean'],
  [-42.5, 'number'],
  [12345678901234567890n, 'number'],
  ['s', 'string'],
  [[1], 'array'],
  [{ a: 1 }, 'object'],
  [makeObject([[1, 2]]), 'object'],
  [new RSet([1]), 'set'],
];

describe('type builtins', () => {
  it('type_name names every kind', () => {
    for (const [v, name] of samples) expect(call('type_name', v)).toBe(name);
  });
  it('each is_* predicate is true for its own kind only', () => {
    for (const kind of ['null', 'boolean', 'number', 'string', 'array', 'object', 'set']) {
      for (const [v, name] of samples) expect(call(`is_${kind}`, v)).toBe(name === kind);
    }
  });
});
