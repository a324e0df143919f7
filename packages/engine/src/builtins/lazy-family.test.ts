import { describe, expect, it } from 'vitest';
import { PalisadeError } from '../errors.js';
import { Engine } from '../api.js';
import { cryptoBuiltins } from './crypto/crypto.js';
import type { BuiltinDecl } from './define.js';
import { builtinInfo, lazyFamily } from './lazy-family.js';
import { testContext as ctx } from './test-support.js';

describe('lazyFamily', () => {
  it('declares the same data as the family and loads it only on the first call, once', () => {
    let loads = 0;
    const lazy = lazyFamily(cryptoBuiltins.map(builtinInfo), () => {
      loads++;
      return cryptoBuiltins;
    });
    expect(lazy.map(builtinInfo)).toEqual(cryptoBuiltins.map(builtinInfo));
    expect(loads).toBe(0);
    const sha = lazy.find((d) => d.name === 'crypto.sha256')!;
    const md5 = lazy.find((d) => d.name === 'crypto.md5')!;
    const real = cryptoBuiltins.find((d) => d.name === 'crypto.sha256')!;
    expect(sha.impl(['abc'], ctx)).toBe(real.impl(['abc'], ctx));
    expect(sha.impl(['abc'], ctx)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(md5.impl(['abc'], ctx)).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(loads).toBe(1);
  });

  it('calls the implementation as a method of the real declaration', () => {
    const real: BuiltinDecl = {
      ...builtinInfo(cryptoBuiltins[0]),
      impl(this: BuiltinDecl, args) {
        return `${this.name}:${String(args[0])}`;
      },
    };
    const [lazy] = lazyFamily([builtinInfo(real)], () => [real]);
    expect(lazy.impl(['x'], ctx)).toBe(`${real.name}:x`);
  });

  it('reports a declaration its module does not define as an engine error, not a bare Error', () => {
    const [lazy] = lazyFamily([{ ...builtinInfo(cryptoBuiltins[0]), name: 'crypto.nope' }], () => cryptoBuiltins);
    expect(() => lazy.impl(['x'], ctx)).toThrow(PalisadeError);
    expect(() => lazy.impl(['x'], ctx)).toThrow(/crypto\.nope is declared but its family module does not define it/);
  });

  it('evaluates in an engine like the eager family', () => {
    const engine = new Engine();
    let loads = 0;
    const load = () => (loads++, cryptoBuiltins);
    for (const d of lazyFamily(cryptoBuiltins.map(builtinInfo), load)) engine.registerBuiltin(d);
    const { query, errors } = engine.prepare('x := crypto.sha1("abc")');
    expect(errors).toEqual([]);
    expect(loads).toBe(0);
    expect(query!.evaluate().rows).toEqual([{ x: 'a9993e364706816aba3e25717850c26c9cd0d89d' }]);
    expect(loads).toBe(1);
  });
});
