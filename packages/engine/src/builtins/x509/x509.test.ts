import { describe, expect, it } from 'vitest';
import { X509Certificate, generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { x509Builtins } from './x509.js';
import type { BuiltinContext } from '../define.js';
import type { Value } from '../../value/types.js';

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
const DIR = new URL('../../../../../../shared/conformance/opa-v1/', import.meta.url);
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

// Fixed fixtures made with OpenSSL (Node cannot issue certificates): a P-256 CA certificate with
// every extension Go's parser fills a field from, plus an unknown critical one, and a CSR with an
// extension request. Values are checked against what Node's X509Certificate reads from them.
const FIXTURE_CERT = `-----BEGIN CERTIFICATE-----
MIIECTCCA7CgAwIBAgIKASNFZ4mrze8BIzAKBggqhkjOPQQDAjBQMQswCQYDVQQG
EwJHQjEUMBIGA1UECgwLRXhhbXBsZSBMdGQxETAPBgNVBAsMCFBsYXRmb3JtMRgw
FgYDVQQDDA9maXh0dXJlLmV4YW1wbGUwHhcNMjYxMTMwMDMwMTIxWhcNMzYxMTI3
MDMwMTIxWjBQMQswCQYDVQQGEwJHQjEUMBIGA1UECgwLRXhhbXBsZSBMdGQxETAP
BgNVBAsMCFBsYXRmb3JtMRgwFgYDVQQDDA9maXh0dXJlLmV4YW1wbGUwWTATBgcq
hkjOPQIBBggqhkjOPQMBBwNCAASXgkQYyoLswGwAKdd4RqCL89dPIpjC8zTNMNde
L2aitA5ILoztHvKolZxWjVX0SuPLd1LKPi0OpKsPGwkaCff8o4ICcDCCAmwwHQYD
VR0OBBYEFGN4FmLpczJY8Dp2GQmn1795Vz4EMB8GA1UdIwQYMBaAFGN4FmLpczJY
8Dp2GQmn1795Vz4EMH8GA1UdEQR4MHaCD2ZpeHR1cmUuZXhhbXBsZYIRKi5maXh0
dXJlLmV4YW1wbGWHBMAAAgeHECABDbgAAAAAAAEAAAAAAAGBE29wc0BmaXh0dXJl
LmV4YW1wbGWGI3NwaWZmZTovL2ZpeHR1cmUuZXhhbXBsZS9ucy9kZWZhdWx0MA4G
A1UdDwEB/wQEAwICpDAoBgNVHSUEITAfBggrBgEFBQcDAQYIKwYBBQUHAwIGCSsG
AQQBho0fATASBgNVHRMBAf8ECDAGAQH/AgEAME0GA1UdHgRGMESgIDASghAuZml4
dHVyZS5leGFtcGxlMAqHCMAAAgD///8AoSAwDYELYmFkLmV4YW1wbGUwD4YNLmV2
aWwuZXhhbXBsZTAgBgNVHSAEGTAXMAgGBmeBDAECATALBgkrBgEEAYaNHwIwMgYD
VR0fBCswKTAnoCWgI4YhaHR0cDovL2NybC5maXh0dXJlLmV4YW1wbGUvY2EuY3Js
MGUGCCsGAQUFBwEBBFkwVzAnBggrBgEFBQcwAYYbaHR0cDovL29jc3AuZml4dHVy
ZS5leGFtcGxlMCwGCCsGAQUFBzAChiBodHRwOi8vY2EuZml4dHVyZS5leGFtcGxl
L2NhLmNydDAPBgNVHSQECDAGgAEAgQECMAoGA1UdNgQDAgEBMB4GA1UdIQQXMBUw
EwYGZ4EMAQIBBgkrBgEEAYaNHwMwEgYJKwYBBAGGjR8JAQH/BAIFADAKBggqhkjO
PQQDAgNHADBEAiAaLaIkWDCW3FjGUwzeSqexMOj51EEmyXNmTavQSMXpDAIgIQQv
0BUIYKcvgM3QR8zpef7SPHMcGdeK72FoOGIi03A=
-----END CERTIFICATE-----`;
const FIXTURE_CSR = `-----BEGIN CERTIFICATE REQUEST-----
MIIBSzCB8gIBADA0MRwwGgYDVQQDDBNjc3IuZml4dHVyZS5leGFtcGxlMRQwEgYD
VQQKDAtFeGFtcGxlIEx0ZDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABJeCRBjK
guzAbAAp13hGoIvz108imMLzNM0w114vZqK0DkgujO0e8qiVnFaNVfRK48t3Uso+
LQ6kqw8bCRoJ9/ygXDBaBgkqhkiG9w0BCQ4xTTBLMDkGA1UdEQQyMDCCE2Nzci5m
aXh0dXJlLmV4YW1wbGWHBMYzZAGBE2NzckBmaXh0dXJlLmV4YW1wbGUwDgYDVR0P
AQH/BAQDAgeAMAoGCCqGSM49BAMCA0gAMEUCIA+ssDtM8sL0/Qa85qWma/d/GBpw
OrIbbAMGtNYa7IXjAiEAgyD5sOu7sbTURFpymScGIoi+oNuaody4LmrecjpGtRI=
-----END CERTIFICATE REQUEST-----`;

const nodeIp = (s: string) => new URL(`http://${s.includes(':') ? `[${s}]` : s}/`).hostname.replace(/^\[|\]$/g, '');

describe('crypto.x509.parse_certificates: Go x509.Certificate fields', () => {
  const [c] = call('crypto.x509.parse_certificates', FIXTURE_CERT) as Record<string, Value>[];
  const ref = new X509Certificate(FIXTURE_CERT);
  it('reads serial, validity, version and algorithms like Node', () => {
    expect(typeof c.SerialNumber).toBe('bigint');
    expect(c.SerialNumber).toBe(BigInt('0x' + ref.serialNumber));
    expect(Date.parse(c.NotBefore as string)).toBe(Date.parse(ref.validFrom));
    expect(Date.parse(c.NotAfter as string)).toBe(Date.parse(ref.validTo));
    expect(c.NotAfter).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(c.Version).toBe(3);
    expect([c.SignatureAlgorithm, c.PublicKeyAlgorithm]).toEqual([10, 3]); // ECDSAWithSHA256, ECDSA
    const jwk = ref.publicKey.export({ format: 'jwk' });
    const pk = c.PublicKey as Record<string, Value>;
    expect(BigInt(pk.X as bigint)).toBe(BigInt('0x' + Buffer.from(jwk.x!, 'base64url').toString('hex')));
    expect(BigInt(pk.Y as bigint)).toBe(BigInt('0x' + Buffer.from(jwk.y!, 'base64url').toString('hex')));
    expect(c.Raw).toBe(ref.raw.toString('base64'));
  });
  it('lists the subject alternative names Node reports', () => {
    const san = ref.subjectAltName!.split(', ').map((e) => e.split(/:(.*)/s));
    const of = (kind: string) => san.filter(([k]) => k === kind).map(([, v]) => v);
    expect(c.DNSNames).toEqual(of('DNS'));
    expect(c.EmailAddresses).toEqual(of('email'));
    expect(c.URIStrings).toEqual(of('URI'));
    expect(c.IPAddresses).toEqual(of('IP Address').map(nodeIp));
    expect(c.IPAddresses).toEqual(['192.0.2.7', '2001:db8::1:0:0:1']);
    const [uri] = c.URIs as Record<string, Value>[];
    expect([uri.Scheme, uri.Host, uri.Path]).toEqual(['spiffe', 'fixture.example', '/ns/default']);
  });
  it('decodes key usage, basic constraints and extended key usage', () => {
    expect(c.IsCA).toBe(ref.ca);
    expect([c.BasicConstraintsValid, c.MaxPathLen, c.MaxPathLenZero]).toEqual([true, 0, true]);
    // digitalSignature (1) | keyEncipherment (4) | certSign (32)
    expect(c.KeyUsage).toBe(1 | 4 | 32);
    const known: Record<string, number> = { '1.3.6.1.5.5.7.3.1': 1, '1.3.6.1.5.5.7.3.2': 2 };
    expect(c.ExtKeyUsage).toEqual(ref.keyUsage!.filter((o) => o in known).map((o) => known[o]));
    expect(c.UnknownExtKeyUsage).toEqual(ref.keyUsage!.filter((o) => !(o in known)).map((o) => o.split('.').map(Number)));
  });
  it('decodes the remaining extensions into Go fields', () => {
    const aia = ref.infoAccess!.trim().split('\n');
    expect(c.OCSPServer).toEqual(aia.filter((l) => l.startsWith('OCSP')).map((l) => l.replace(/^.*URI:/, '')));
    expect(c.IssuingCertificateURL).toEqual(aia.filter((l) => l.startsWith('CA Issuers')).map((l) => l.replace(/^.*URI:/, '')));
    expect(c.CRLDistributionPoints).toEqual(['http://crl.fixture.example/ca.crl']);
    expect(c.SubjectKeyId).toBe(c.AuthorityKeyId);
    expect(Buffer.from(c.SubjectKeyId as string, 'base64')).toHaveLength(20);
    expect(c.PolicyIdentifiers).toEqual([[2, 23, 140, 1, 2, 1], [1, 3, 6, 1, 4, 1, 99999, 2]]);
    expect(c.Policies).toEqual(['2.23.140.1.2.1', '1.3.6.1.4.1.99999.2']);
    expect(c.PolicyMappings).toEqual([{ IssuerDomainPolicy: '2.23.140.1.2.1', SubjectDomainPolicy: '1.3.6.1.4.1.99999.3' }]);
    expect([c.RequireExplicitPolicy, c.RequireExplicitPolicyZero, c.InhibitPolicyMapping, c.InhibitPolicyMappingZero]).toEqual([0, true, 2, false]);
    expect([c.InhibitAnyPolicy, c.InhibitAnyPolicyZero]).toEqual([1, false]);
    expect(c.PermittedDNSDomains).toEqual(['.fixture.example']);
    expect(c.PermittedIPRanges).toEqual([{ IP: '192.0.2.0', Mask: Buffer.from([255, 255, 255, 0]).toString('base64') }]);
    expect(c.ExcludedEmailAddresses).toEqual(['bad.example']);
    expect(c.ExcludedURIDomains).toEqual(['.evil.example']);
    expect(c.PermittedDNSDomainsCritical).toBe(false);
    expect(c.UnhandledCriticalExtensions).toEqual([[1, 3, 6, 1, 4, 1, 99999, 9]]);
    const exts = c.Extensions as Record<string, Value>[];
    expect(exts).toHaveLength(14);
    expect(exts.find((e) => (e.Id as number[]).join('.') === '2.5.29.15')).toEqual({ Id: [2, 5, 29, 15], Critical: true, Value: Buffer.from([3, 2, 2, 0xa4]).toString('base64') });
  });
  it('fills pkix.Name like Go', () => {
    const subject = c.Subject as Record<string, Value>;
    expect(subject.CommonName).toBe(/CN=(.*)/.exec(ref.subject)![1]);
    expect([subject.Country, subject.Organization, subject.OrganizationalUnit]).toEqual([['GB'], ['Example Ltd'], ['Platform']]);
    expect((subject.Names as Value[])[0]).toEqual({ Type: [2, 5, 4, 6], Value: 'GB' });
    expect(c.Issuer).toEqual(subject);
    expect(c.RawIssuer).toBe(c.RawSubject);
  });
  it('parses the extension request of a CSR', () => {
    const csr = call('crypto.x509.parse_certificate_request', FIXTURE_CSR) as Record<string, Value>;
    expect([csr.Version, csr.SignatureAlgorithm, csr.PublicKeyAlgorithm]).toEqual([0, 10, 3]);
    expect(csr.DNSNames).toEqual(['csr.fixture.example']);
    expect(csr.IPAddresses).toEqual(['198.51.100.1']);
    expect(csr.EmailAddresses).toEqual(['csr@fixture.example']);
    expect((csr.Extensions as Record<string, Value>[]).map((e) => [(e.Id as number[]).join('.'), e.Critical])).toEqual([['2.5.29.17', false], ['2.5.29.15', true]]);
    // Go's deprecated Attributes: the critical flag decodes to nil in an ANY field
    const [attr] = csr.Attributes as Record<string, Value>[];
    expect(attr.Type).toEqual([1, 2, 840, 113549, 1, 9, 14]);
    expect((attr.Value as Value[][])[0][1]).toEqual({ Type: [2, 5, 29, 15], Value: null });
    expect((csr.PublicKey as Record<string, Value>).X).toEqual(((call('crypto.x509.parse_certificates', FIXTURE_CERT) as Record<string, Value>[])[0].PublicKey as Record<string, Value>).X);
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
