import { describe, expect, it } from 'vitest';
import { generateKeyPairSync, sign as nodeSign, createHmac, constants, type KeyObject } from 'node:crypto';
import { jwtBuiltins } from './jwt.js';
import type { BuiltinContext } from '../define.js';
import type { Value } from '../../value/types.js';

const byName = new Map(jwtBuiltins.map((d) => [d.name, d]));
const ctx = { nowNs: 1_700_000_000_000_000_000n } as BuiltinContext;
const call = (name: string, ...args: Value[]) => byName.get(name)!.impl(args, ctx);
const errorOf = (name: string, ...args: Value[]) => {
  try {
    call(name, ...args);
  } catch (e) {
    return (e as Error).message;
  }
  return '';
};
const b64u = (s: string | Buffer) => Buffer.from(s).toString('base64url');
const jwkOf = (k: KeyObject) => k.export({ format: 'jwk' }) as Record<string, Value>;
const pemOf = (k: KeyObject) => k.export({ type: 'spki', format: 'pem' }) as string;

/** A token signed by Node's crypto, independent of the code under test. */
function nodeToken(alg: string, key: KeyObject, payload: object = { iss: 'x' }): string {
  const input = b64u(JSON.stringify({ alg, typ: 'JWT' })) + '.' + b64u(JSON.stringify(payload));
  const hash = alg === 'EdDSA' ? null : 'sha' + alg.slice(2);
  const opts =
    alg.startsWith('PS') ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST } : alg.startsWith('ES') ? { key, dsaEncoding: 'ieee-p1363' as const } : key;
  return input + '.' + nodeSign(hash, Buffer.from(input), opts).toString('base64url');
}

describe('io.jwt verification against independently signed tokens', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const curves: Record<string, string> = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' };
  it('verifies RS/PS tokens with a PEM public key and rejects tampering', () => {
    for (const alg of ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512']) {
      const t = nodeToken(alg, rsa.privateKey);
      const fn = `io.jwt.verify_${alg.toLowerCase()}`;
      expect(call(fn, t, pemOf(rsa.publicKey))).toBe(true);
      expect(call(fn, t.slice(0, -4) + 'AAAA', pemOf(rsa.publicKey))).toBe(false);
    }
    expect(call('io.jwt.verify_rs256', nodeToken('PS256', rsa.privateKey), pemOf(rsa.publicKey))).toBe(false);
  });
  it('verifies ES and EdDSA tokens with JWKs', () => {
    for (const [alg, curve] of Object.entries(curves)) {
      const ec = generateKeyPairSync('ec', { namedCurve: curve });
      const t = nodeToken(alg, ec.privateKey);
      expect(call(`io.jwt.verify_${alg.toLowerCase()}`, t, JSON.stringify(jwkOf(ec.publicKey)))).toBe(true);
      expect(call(`io.jwt.verify_${alg.toLowerCase()}`, t, JSON.stringify({ keys: [jwkOf(ec.publicKey)] }))).toBe(true);
    }
    const ed = generateKeyPairSync('ed25519');
    expect(call('io.jwt.verify_eddsa', nodeToken('EdDSA', ed.privateKey), pemOf(ed.publicKey))).toBe(true);
  });
  it('verifies HMAC tokens', () => {
    const input = b64u('{"alg":"HS256"}') + '.' + b64u('{}');
    const t = input + '.' + createHmac('sha256', 'secret').update(input).digest('base64url');
    expect(call('io.jwt.verify_hs256', t, 'secret')).toBe(true);
    expect(call('io.jwt.verify_hs256', t, 'other')).toBe(false);
  });
});

describe('io.jwt.encode_sign and decode_verify', () => {
  it('round-trips every algorithm', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keys: Record<string, Record<string, Value>> = {
      HS256: { kty: 'oct', k: b64u('secret') },
      RS256: jwkOf(rsa.privateKey),
      PS384: jwkOf(rsa.privateKey),
      ES256: jwkOf(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey),
      ES512: jwkOf(generateKeyPairSync('ec', { namedCurve: 'P-521' }).privateKey),
      EdDSA: jwkOf(generateKeyPairSync('ed25519').privateKey),
    };
    for (const [alg, jwk] of Object.entries(keys)) {
      const token = call('io.jwt.encode_sign', { alg }, { iss: 'me', exp: 1_800_000_000 }, jwk) as string;
      const pub = { ...jwk };
      delete pub.d;
      const constraint: Record<string, Value> = alg === 'HS256' ? { secret: 'secret' } : { cert: JSON.stringify(pub) };
      const [valid, header, payload] = call('io.jwt.decode_verify', token, { ...constraint, iss: 'me' }) as Value[];
      expect([alg, valid]).toEqual([alg, true]);
      expect(header).toEqual({ alg });
      expect(payload).toEqual({ iss: 'me', exp: 1_800_000_000 });
      expect((call('io.jwt.decode_verify', token, { ...constraint, iss: 'you' }) as Value[])[0]).toBe(false);
      expect((call('io.jwt.decode_verify', token, { ...constraint, time: 1.9e18 }) as Value[])[0]).toBe(false);
    }
  });
  it('signs raw header bytes as given (RFC 7515 A.1)', () => {
    const key = '{"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"}';
    const out = call('io.jwt.encode_sign_raw', '{"typ":"JWT",\r\n "alg":"HS256"}', '{"iss":"joe",\r\n "exp":1300819380,\r\n "http://example.com/is_root":true}', key);
    expect(out).toBe(
      'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
    );
  });
  it('reports header and payload problems with OPA texts', () => {
    const key = '{"kty":"oct","k":"AAAA"}';
    expect(errorOf('io.jwt.encode_sign_raw', '{}', '{}', key)).toBe(`missing or invalid 'alg' header: jwsbb: header "alg" not found`);
    expect(errorOf('io.jwt.encode_sign_raw', '{"alg":"dummy"}', '{}', key)).toBe('unknown JWS algorithm: dummy');
    expect(errorOf('io.jwt.encode_sign_raw', '{"alg":"HS256"}', 'x', key)).toBe('type is JWT but payload is not JSON');
  });
});

describe('io.jwt.decode', () => {
  const token = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwIiwiaXNzIjoib3BhIn0.XmVoLoHI3pxMtMO_WRONMSJzGUDP9pDjy8Jp0_tdRXY';
  it('decodes without verifying', () => {
    expect(call('io.jwt.decode', token)).toEqual([
      { alg: 'HS256', typ: 'JWT' },
      { sub: '0', iss: 'opa' },
      '5e65682e81c8de9c4cb4c3bf59138d3122731940cff690e3cbc269d3fb5d4576',
    ]);
  });
  it('reports malformed tokens', () => {
    expect(errorOf('io.jwt.decode', 'abc')).toBe('encoded JWT had no period separators');
    expect(errorOf('io.jwt.decode', 'a.b')).toBe('encoded JWT must have 3 sections, found 2');
    expect(errorOf('io.jwt.decode', 'eyJhbGciOiJIU^%zI1NiI+sInR5cCI6IkpXVCJ9.e30.')).toBe(
      'JWT header had invalid encoding: illegal base64 data at input byte 13',
    );
    expect(errorOf('io.jwt.verify_rs256', token, '-----BEGIN FOO-----\nAAAA\n-----END FOO-----')).toBe('failed to extract a Key from the PEM certificate');
    expect(errorOf('io.jwt.verify_rs256', token, 'not a key')).toContain('failed to parse a JWK key (set)');
    expect(errorOf('io.jwt.decode_verify', token, { secret: 'a', cert: 'b' })).toContain('failed to parse a JWK key (set)');
    expect(errorOf('io.jwt.decode_verify', token, {})).toBe('no key constraint');
  });
});
