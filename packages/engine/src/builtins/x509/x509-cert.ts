/**
 * X.509 certificate decoding into the JSON of Go's `x509.Certificate` (what OPA returns, plus
 * OPA's `URIStrings`); the DER structure is decoded by @peculiar/asn1-x509 (see crypto-der.ts for
 * why), the raw sub-element bytes Go exposes come from the asn1js tree beneath it. Chain
 * verification is in x509-verify.ts, extensions in x509-ext.ts.
 *
 * Every exported field of Go's struct is emitted. Known approximations: `URIs` entries follow
 * `url.Parse` for ordinary URIs only (`RawPath` / `RawFragment` stay ""), and Go's stricter
 * content checks (PrintableString / IA5String alphabets, domain syntax of SANs and name
 * constraints) are not applied, so a few certificates Go rejects are accepted here.
 */
import { Certificate, type AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { RsaSaPssParams } from '@peculiar/asn1-rsa';
import { base64Encode } from '../bytes.js';
import { DerError, bytes, decodeAs, elementsOf, intValue, parseDer, rawOf, readElement, tagOf } from '../crypto/crypto-der.js';
import { parseSpki, type DsaPublicKey, type PublicKey } from '../crypto/crypto-keys.js';
import { processExtensions } from './x509-ext.js';
import { nameJson } from './x509-name.js';
import { normNumber } from '../../value/number.js';
import type { PlainObject, Value } from '../../value/types.js';

export type CertPublicKey = PublicKey | DsaPublicKey;

export interface ParsedCertificate {
  json: PlainObject;
  /** The certificate's whole DER encoding. */
  raw: Uint8Array;
  tbs: Uint8Array;
  signature: Uint8Array;
  sigAlg: number;
  /** Undefined for public key algorithms Go does not know (PublicKeyAlgorithm 0). */
  publicKey?: CertPublicKey;
  rawSubject: Uint8Array;
  rawIssuer: Uint8Array;
  notBefore: number;
  notAfter: number;
  isCA: boolean;
  basicConstraintsValid: boolean;
  extKeyUsage: number[];
}

/** Go's SignatureAlgorithm enum by OID (RSASSA-PSS is resolved from its parameters). */
const SIG_ALGS: Record<string, number> = {
  '1.2.840.113549.1.1.2': 1,
  '1.2.840.113549.1.1.4': 2,
  '1.2.840.113549.1.1.5': 3,
  '1.3.14.3.2.29': 3,
  '1.2.840.113549.1.1.11': 4,
  '1.2.840.113549.1.1.12': 5,
  '1.2.840.113549.1.1.13': 6,
  '1.2.840.10040.4.3': 7,
  '2.16.840.1.101.3.4.3.2': 8,
  '1.2.840.10045.4.1': 9,
  '1.2.840.10045.4.3.2': 10,
  '1.2.840.10045.4.3.3': 11,
  '1.2.840.10045.4.3.4': 12,
  '1.3.101.112': 16,
};
const PSS_HASH: Record<string, number> = { '2.16.840.1.101.3.4.2.1': 13, '2.16.840.1.101.3.4.2.2': 14, '2.16.840.1.101.3.4.2.3': 15 };

/** Go's PublicKeyAlgorithm enum by SPKI algorithm OID. */
const PK_ALGS: Record<string, number> = { '1.2.840.113549.1.1.1': 1, '1.2.840.10040.4.1': 2, '1.2.840.10045.2.1': 3, '1.3.101.112': 4 };

export function signatureAlgorithm(ai: AlgorithmIdentifier): number {
  if (ai.algorithm !== '1.2.840.113549.1.1.10') return SIG_ALGS[ai.algorithm] ?? 0;
  if (!ai.parameters) return 0;
  try {
    return PSS_HASH[parseDer(ai.parameters, RsaSaPssParams, '').hashAlgorithm.algorithm] ?? 0;
  } catch {
    return 0;
  }
}

export function publicKeyAlgorithm(oid: string): number {
  return PK_ALGS[oid] ?? 0;
}

const num = (n: bigint): Value => normNumber(n);

/** Go's json.Marshal of the parsed public key (`*rsa.PublicKey`, `*ecdsa.PublicKey`, …). */
export function publicKeyJson(k: CertPublicKey | undefined): Value {
  if (!k) return null;
  if (k.kind === 'rsa') return { N: num(k.n), E: num(k.e) };
  if (k.kind === 'ec') return { Curve: {}, X: num(k.x), Y: num(k.y) };
  if (k.kind === 'dsa') return { Parameters: { P: num(k.p), Q: num(k.q), G: num(k.g) }, Y: num(k.y) };
  return base64Encode(k.pub);
}

function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

const b64 = (b: Uint8Array) => base64Encode(b);
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Decodes the certificate at the start of `der` (Go's `parseCertificate`; trailing bytes are left). */
export function parseCertificate(der: Uint8Array): ParsedCertificate {
  const el = readElement(der, 'x509: malformed certificate');
  const top = tagOf(el.node);
  if (top.cls !== 1 || top.num !== 16) throw new DerError('x509: malformed certificate');
  const cert = decodeAs(el.node, Certificate, 'x509: malformed certificate');
  const tbs = cert.tbsCertificate;
  const [tbsNode, outerAlgNode] = elementsOf(el.node);
  const parts = elementsOf(tbsNode);
  const i = tagOf(parts[0]).cls === 3 ? 1 : 0;
  const [innerAlgNode, issuerNode, , subjectNode, spkiNode] = parts.slice(i + 1);
  if (!sameBytes(rawOf(innerAlgNode), rawOf(outerAlgNode))) throw new DerError("x509: inner and outer signature algorithm identifiers don't match");

  const version = tbs.version + 1;
  if (version > 3) throw new DerError('x509: invalid version');
  const serial = intValue(tbs.serialNumber);
  if (serial < 0n) throw new DerError('x509: negative serial number');
  const pkAlg = publicKeyAlgorithm(tbs.subjectPublicKeyInfo.algorithm.algorithm);
  const publicKey = pkAlg === 0 ? undefined : parseSpki(tbs.subjectPublicKeyInfo);
  const sigAlg = signatureAlgorithm(cert.signatureAlgorithm);
  const notBefore = tbs.validity.notBefore.getTime().getTime();
  const notAfter = tbs.validity.notAfter.getTime().getTime();
  const signature = bytes(cert.signatureValue);

  const json: Record<string, Value> = {
    Raw: b64(el.raw),
    RawTBSCertificate: b64(rawOf(tbsNode)),
    RawSubjectPublicKeyInfo: b64(rawOf(spkiNode)),
    RawSubject: b64(rawOf(subjectNode)),
    RawIssuer: b64(rawOf(issuerNode)),
    Signature: b64(signature),
    SignatureAlgorithm: sigAlg,
    PublicKeyAlgorithm: pkAlg,
    PublicKey: publicKeyJson(publicKey),
    Version: version,
    SerialNumber: num(serial),
    Issuer: nameJson(tbs.issuer),
    Subject: nameJson(tbs.subject),
    NotBefore: rfc3339(notBefore),
    NotAfter: rfc3339(notAfter),
    KeyUsage: 0,
    Extensions: null,
    ExtraExtensions: null,
    UnhandledCriticalExtensions: null,
    ExtKeyUsage: null,
    UnknownExtKeyUsage: null,
    BasicConstraintsValid: false,
    IsCA: false,
    MaxPathLen: 0,
    MaxPathLenZero: false,
    SubjectKeyId: null,
    AuthorityKeyId: null,
    OCSPServer: null,
    IssuingCertificateURL: null,
    DNSNames: null,
    EmailAddresses: null,
    IPAddresses: null,
    URIs: null,
    PermittedDNSDomainsCritical: false,
    PermittedDNSDomains: null,
    ExcludedDNSDomains: null,
    PermittedIPRanges: null,
    ExcludedIPRanges: null,
    PermittedEmailAddresses: null,
    ExcludedEmailAddresses: null,
    PermittedURIDomains: null,
    ExcludedURIDomains: null,
    CRLDistributionPoints: null,
    PolicyIdentifiers: null,
    Policies: null,
    InhibitAnyPolicy: 0,
    InhibitAnyPolicyZero: false,
    InhibitPolicyMapping: 0,
    InhibitPolicyMappingZero: false,
    RequireExplicitPolicy: 0,
    RequireExplicitPolicyZero: false,
    PolicyMappings: null,
    URIStrings: null,
  };
  const extKeyUsage = version === 3 && tbs.extensions ? processExtensions(json, tbs.extensions) : [];
  return {
    json: json as PlainObject,
    raw: el.raw,
    tbs: rawOf(tbsNode),
    signature,
    sigAlg,
    publicKey,
    rawSubject: rawOf(subjectNode),
    rawIssuer: rawOf(issuerNode),
    notBefore,
    notAfter,
    isCA: json.IsCA === true,
    basicConstraintsValid: json.BasicConstraintsValid === true,
    extKeyUsage,
  };
}

/** Go's `x509.ParseCertificates`: concatenated DER certificates, no padding between them. */
export function parseCertificates(der: Uint8Array): ParsedCertificate[] {
  const out: ParsedCertificate[] = [];
  for (let off = 0; off < der.length; ) {
    const c = parseCertificate(der.subarray(off));
    out.push(c);
    off += c.raw.length;
  }
  return out;
}

/** The public key of one DER certificate, for JWT verification keys. */
export function certificatePublicKey(der: Uint8Array): PublicKey {
  const c = parseCertificate(der);
  if (c.raw.length !== der.length) throw new DerError('x509: trailing data');
  if (!c.publicKey || c.publicKey.kind === 'dsa') throw new DerError('x509: unknown public key algorithm');
  return c.publicKey;
}
