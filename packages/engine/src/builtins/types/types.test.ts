import { describe, expect, it } from 'vitest';
import type { Value } from '../../value/types.js';

import { caller } from '../test-support.js';
import { typesBuiltins } from './types.js';
import { RSet, makeObject } from '../../value/types.js';

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
