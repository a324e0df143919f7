import { describe, expect, it } from 'vitest';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { DerError } from './crypto-der.js';
import { parseEcPrivateKey, parsePkcs1PrivateKey, parsePkcs8PrivateKey, parsePkixPublicKey } from './crypto-keys.js';

const der = (k: KeyObject, type: 'pkcs1' | 'pkcs8' | 'sec1' | 'spki') => new Uint8Array(k.export({ type, format: 'der' } as never) as Buffer);
const int = (b64u: string | undefined) => BigInt('0x' + Buffer.from(b64u!, 'base64url').toString('hex'));
const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof DerError ? e.message : `unexpected ${String(e)}`;
  }
  return '';
};

describe('key decoding', () => {
  it('reads RSA keys in PKCS #1, PKCS #8 and SPKI form like Node', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const jwk = privateKey.export({ format: 'jwk' });
    for (const k of [parsePkcs1PrivateKey(der(privateKey, 'pkcs1')), parsePkcs8PrivateKey(der(privateKey, 'pkcs8'))]) {
      expect(k).toMatchObject({ kind: 'rsa', n: int(jwk.n), e: int(jwk.e), d: int(jwk.d), primes: [int(jwk.p), int(jwk.q)], dp: int(jwk.dp), dq: int(jwk.dq), qi: int(jwk.qi) });
    }
    expect(parsePkixPublicKey(der(publicKey, 'spki'))).toEqual({ kind: 'rsa', n: int(jwk.n), e: int(jwk.e) });
  });

  for (const [curve, size] of [['P-256', 32], ['P-384', 48], ['P-521', 66]] as const) {
    it(`reads ${curve} keys in SEC 1, PKCS #8 and SPKI form like Node`, () => {
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: curve });
      const jwk = privateKey.export({ format: 'jwk' });
      const want = { kind: 'ec', curve, x: int(jwk.x), y: int(jwk.y) };
      expect(parseEcPrivateKey(der(privateKey, 'sec1'))).toEqual({ ...want, d: int(jwk.d) });
      expect(parsePkcs8PrivateKey(der(privateKey, 'pkcs8'))).toEqual({ ...want, d: int(jwk.d) });
      expect(parsePkixPublicKey(der(publicKey, 'spki'))).toEqual(want);
      expect(Buffer.from(jwk.d!, 'base64url')).toHaveLength(size);
    });
  }

  it('reads Ed25519 keys like Node', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const jwk = privateKey.export({ format: 'jwk' });
    const k = parsePkcs8PrivateKey(der(privateKey, 'pkcs8'));
    expect(k.kind).toBe('ed25519');
    if (k.kind !== 'ed25519') return;
    expect(Buffer.from(k.seed).toString('base64url')).toBe(jwk.d);
    expect(Buffer.from(k.pub).toString('base64url')).toBe(jwk.x);
    expect(parsePkixPublicKey(der(publicKey, 'spki'))).toEqual({ kind: 'ed25519', pub: k.pub });
  });

  it('reports wrong formats with Go texts', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    expect(errorOf(() => parsePkcs1PrivateKey(der(rsa, 'pkcs8')))).toBe('x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key format)');
    expect(errorOf(() => parsePkcs1PrivateKey(der(ec, 'sec1')))).toBe('x509: failed to parse private key (use ParseECPrivateKey instead for this key format)');
    expect(errorOf(() => parsePkcs8PrivateKey(der(rsa, 'pkcs1')))).toBe('x509: failed to parse private key (use ParsePKCS1PrivateKey instead for this key format)');
    expect(errorOf(() => parsePkcs8PrivateKey(new Uint8Array([0x30, 0x03, 0x02, 0x01])))).toBe('x509: failed to parse private key');
    const x25519 = generateKeyPairSync('x25519');
    expect(errorOf(() => parsePkcs8PrivateKey(der(x25519.privateKey, 'pkcs8')))).toBe('x509: PKCS#8 wrapping contained private key with unknown algorithm: 1.3.101.110');
    expect(errorOf(() => parsePkixPublicKey(der(x25519.publicKey, 'spki')))).toBe('x509: unknown public key algorithm');
    const spki = der(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey, 'spki');
    expect(errorOf(() => parsePkixPublicKey(new Uint8Array([...spki, 0])))).toBe('x509: malformed public key');
  });
});
