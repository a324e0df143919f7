import { describe, expect, it } from 'vitest';
import { X509Certificate, generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { x509Builtins } from './x509.js';
import type { BuiltinContext } from './define.js';
import type { Value } from '../value/types.js';

const byName = new Map(x509Builtins.map((d) => [d.name, d]));
const ctx = { nowNs: BigInt(Date.UTC(2025, 0, 1)) * 1_000_000n } as BuiltinContext;
const call = (name: string, ...args: Value[]) => byName.get(name)!.impl(args, ctx);
const errorOf = (name: string, ...args: Value[]) => {
  try {
    call(name, ...args);
  } catch (e) {
    return (e as Error).message;
  }
  return '';
};

// Real-world certificates come from the OPA cases (read in place; skipped when absent).
const DIR = new URL('../../../../../shared/conformance/opa-v1/', import.meta.url);
const have = existsSync(DIR);
if (!have) console.warn('conformance cases not found; skipping certificate fixture tests');
function caseString(file: string, varName: string): string {
  const text = readFileSync(new URL(file, DIR), 'utf8');
  const m = new RegExp(`${varName} := ("(?:[^"\\\\]|\\\\.)*")`).exec(text)!;
  return JSON.parse(m[1]) as string;
}

describe.skipIf(!have)('crypto.x509.parse_certificates', () => {
  it('decodes PEM chains like Node does', () => {
    const pem = caseString('cryptox509parsecertificates/test-cryptox509parsecertificates-0122.yaml', 'certs');
    const certs = call('crypto.x509.parse_certificates', pem) as Record<string, Value>[];
    const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g)!;
    expect(certs).toHaveLength(blocks.length);
    certs.forEach((c, i) => {
      const ref = new X509Certificate(blocks[i]);
      expect((c.Subject as Record<string, Value>).CommonName).toBe(/CN=([^\n]*)/.exec(ref.subject)![1]);
      expect(BigInt(c.SerialNumber as number | bigint)).toBe(BigInt('0x' + ref.serialNumber));
      expect(Date.parse(c.NotAfter as string)).toBe(Date.parse(ref.validTo));
      expect(c.Raw).toBe(ref.raw.toString('base64'));
    });
    expect(certs[0].DNSNames).toContain('openpolicyagent.org');
    // base64 of the PEM text gives the same certificates
    expect(call('crypto.x509.parse_certificates', Buffer.from(pem).toString('base64'))).toEqual(certs);
  });
  it('reports bad input with Go texts', () => {
    expect(errorOf('crypto.x509.parse_certificates', 'YmFkc3RyaW5n')).toBe('x509: malformed certificate');
    expect(errorOf('crypto.x509.parse_certificates', 'foobar')).toBe('illegal base64 data at input byte 4');
  });
  it('verifies a chain root-first', () => {
    const text = readFileSync(new URL('cryptox509parseandverifycertificates/test-cryptox509parseandverifycertificates.yaml', DIR), 'utf8');
    const pem = /certs := `([\s\S]*?)`/.exec(text)![1].replace(/^ {8}/gm, '');
    const [valid, chain] = call('crypto.x509.parse_and_verify_certificates', pem) as [boolean, Record<string, Value>[]];
    expect(valid).toBe(true);
    expect(chain.map((c) => (c.Subject as Record<string, Value>).CommonName)).toEqual(['notarealsite.opa.localhost', 'OPA Test Intermediate CA', 'OPA Test Root CA']);
    const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\n/g)!;
    expect(call('crypto.x509.parse_and_verify_certificates', blocks[0] + blocks[2])).toEqual([false, []]);
  });
  it('parses certificate requests', () => {
    const csr = caseString('cryptox509parsecertificaterequest/test-cryptox509parsecertificaterequest-0126.yaml', 'csr');
    const out = call('crypto.x509.parse_certificate_request', csr) as Record<string, Value>;
    expect((out.Subject as Record<string, Value>).CommonName).toBe('example.com');
    expect(out.PublicKeyAlgorithm).toBe(1);
    expect(errorOf('crypto.x509.parse_certificate_request', 'YmFkc3RyaW5n')).toContain('asn1: structure error');
  });
});

describe('crypto.x509.parse_rsa_private_key', () => {
  it('exports the key as a JWK', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }) as string;
    const jwk = privateKey.export({ format: 'jwk' });
    const want = { kty: 'RSA', n: jwk.n, e: jwk.e, d: jwk.d, p: jwk.p, q: jwk.q, dp: jwk.dp, dq: jwk.dq, qi: jwk.qi };
    expect(call('crypto.x509.parse_rsa_private_key', pem)).toEqual(want);
    expect(call('crypto.x509.parse_rsa_private_key', Buffer.from(pem).toString('base64'))).toEqual(want);
    expect(errorOf('crypto.x509.parse_rsa_private_key', 'invalid')).toContain('illegal base64');
  });
});

describe.skipIf(!have)('crypto.x509.parse_keypair', () => {
  it('rejects a key that does not belong to the certificate', () => {
    const pem = caseString('cryptox509parsecertificates/test-cryptox509parsecertificates-0120.yaml', 'certs');
    const key = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    expect(errorOf('crypto.x509.parse_keypair', pem, key)).toBe('tls: private key does not match public key');
  });
});
