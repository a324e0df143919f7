import { describe, expect, it } from 'vitest';
import { createHash, createHmac, generateKeyPairSync } from 'node:crypto';
import { cryptoBuiltins } from './crypto.js';
import type { BuiltinContext } from '../define.js';
import type { Value } from '../../value/types.js';

const byName = new Map(cryptoBuiltins.map((d) => [d.name, d]));
const call = (name: string, ...args: Value[]) => byName.get(name)!.impl(args, {} as BuiltinContext);

describe('crypto digests and HMACs', () => {
  const inputs = ['', 'lorem ipsum', 'åäöçß\u{1F972}♙Ω'];
  it('match the reference digests of the UTF-8 bytes', () => {
    for (const s of inputs) {
      expect(call('crypto.md5', s)).toBe(createHash('md5').update(s).digest('hex'));
      expect(call('crypto.sha1', s)).toBe(createHash('sha1').update(s).digest('hex'));
      expect(call('crypto.sha256', s)).toBe(createHash('sha256').update(s).digest('hex'));
    }
  });
  it('match the reference HMACs', () => {
    for (const alg of ['md5', 'sha1', 'sha256', 'sha512']) {
      expect(call(`crypto.hmac.${alg}`, 'foo', 'bar')).toBe(createHmac(alg, 'bar').update('foo').digest('hex'));
      expect(call(`crypto.hmac.${alg}`, inputs[2], '秘密の')).toBe(createHmac(alg, '秘密の').update(inputs[2]).digest('hex'));
    }
    expect(call('crypto.hmac.md5', 'foo', 'bar')).toBe('31b6db9e5eb4addb42f1a6ca07367adc');
  });
  it('compares MACs', () => {
    expect(call('crypto.hmac.equal', 'abc', 'abc')).toBe(true);
    expect(call('crypto.hmac.equal', 'abc', 'abd')).toBe(false);
    expect(call('crypto.hmac.equal', 'abc', 'ab')).toBe(false);
    expect(() => call('crypto.md5', 1)).toThrow('operand 1 must be string but got number');
  });
});

describe('crypto.parse_private_keys', () => {
  it('parses PKCS#1, PKCS#8 and EC keys', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem =
      (rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string) +
      (rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string) +
      (ec.privateKey.export({ type: 'sec1', format: 'pem' }) as string);
    const keys = call('crypto.parse_private_keys', pem) as Record<string, Value>[];
    expect(keys).toHaveLength(3);
    const jwk = rsa.privateKey.export({ format: 'jwk' });
    const n = BigInt('0x' + Buffer.from(jwk.n!, 'base64url').toString('hex'));
    expect(BigInt(keys[0].N as number | bigint)).toBe(n);
    expect(BigInt(keys[1].N as number | bigint)).toBe(n);
    const ecJwk = ec.privateKey.export({ format: 'jwk' });
    expect(BigInt(keys[2].X as number | bigint)).toBe(BigInt('0x' + Buffer.from(ecJwk.x!, 'base64url').toString('hex')));
    // base64 of the PEM text is accepted too
    expect(call('crypto.parse_private_keys', Buffer.from(pem).toString('base64'))).toHaveLength(3);
  });
  it('answers null for empty input and [] without keys', () => {
    expect(call('crypto.parse_private_keys', '')).toBe(null);
    expect(call('crypto.parse_private_keys', 'nope')).toEqual([]);
  });
});
