/**
 * PKCS #10 certificate requests into the JSON of Go's `x509.CertificateRequest` (OPA's
 * `crypto.x509.parse_certificate_request`), decoded with @peculiar/asn1-csr.
 */
import { CertificationRequest } from '@peculiar/asn1-csr';
import { Extensions, SubjectAlternativeName, type Attribute } from '@peculiar/asn1-x509';
import type { AsnType } from 'asn1js';
import { base64Encode } from '../bytes.js';
import { DerError, bytes, contentOf, decodeAs, elementsOf, intValue, oidArray, parseDer, rawOf, readElement, sequenceTagMismatch, tagOf } from '../crypto/crypto-der.js';
import { parseSpki } from '../crypto/crypto-keys.js';
import { publicKeyAlgorithm, publicKeyJson, signatureAlgorithm } from './x509-cert.js';
import { extensionJson } from './x509-ext.js';
import { applySan, nameJson, sanLists } from './x509-name.js';
import { normNumber } from '../../value/number.js';
import type { PlainObject, Value } from '../../value/types.js';

const EXTENSION_REQUEST = '1.2.840.113549.1.9.14';

/**
 * What Go's encoding/asn1 stores in an `any` field: strings, INTEGER, OID, OCTET STRING,
 * BIT STRING and times decode; everything else (BOOLEAN, constructed values, …) stays nil.
 */
function goAny(node: AsnType): Value {
  const t = tagOf(node);
  if (t.cls !== 1 || t.constructed) return null;
  const c = contentOf(node);
  switch (t.num) {
    case 2:
      return normNumber(intValue(c));
    case 3:
      return { Bytes: base64Encode(c.subarray(1)), BitLength: Math.max(0, (c.length - 1) * 8 - (c[0] ?? 0)) };
    case 4:
      return base64Encode(c);
    case 6:
      return (node as unknown as { valueBlock: { toString(): string } }).valueBlock.toString().split('.').map(Number);
    case 12:
      return new TextDecoder().decode(c);
    case 18:
    case 19:
    case 20:
    case 22:
      return String.fromCharCode(...c);
    case 23:
    case 24:
      return new Date((node as unknown as { toDate(): Date }).toDate()).toISOString().replace(/\.000Z$/, 'Z');
    case 30: {
      let s = '';
      for (let i = 0; i + 1 < c.length; i += 2) s += String.fromCharCode((c[i] << 8) | c[i + 1]);
      return s;
    }
  }
  return null;
}

/** One `pkix.AttributeTypeAndValueSET`, or undefined when Go's Unmarshal would reject it. */
function attributeSet(attr: Attribute): Value | undefined {
  const sets: Value[] = [];
  for (const v of attr.values) {
    const seq = readElement(bytes(v), '').node;
    if (tagOf(seq).num !== 16 || !tagOf(seq).constructed) return undefined;
    const atvs: Value[] = [];
    for (const atv of elementsOf(seq)) {
      const [type, value] = elementsOf(atv);
      if (tagOf(atv).num !== 16 || !type || tagOf(type).num !== 6 || !value) return undefined;
      atvs.push({ Type: goAny(type), Value: goAny(value) });
    }
    sets.push(atvs);
  }
  return { Type: oidArray(attr.type), Value: sets };
}

/** Go's `x509.ParseCertificateRequest` of DER bytes. */
export function parseCertificateRequest(der: Uint8Array): PlainObject {
  const mismatch = sequenceTagMismatch(der, 'certificateRequest');
  if (mismatch) throw new DerError(mismatch);
  const el = readElement(der, 'asn1: syntax error: data truncated');
  if (el.raw.length !== der.length) throw new DerError('asn1: syntax error: trailing data');
  const csr = decodeAs(el.node, CertificationRequest, 'asn1: structure error: malformed certificate request');
  const info = csr.certificationRequestInfo;
  const [infoNode] = elementsOf(el.node);
  const [, subjectNode, spkiNode] = elementsOf(infoNode);
  const pkAlg = publicKeyAlgorithm(info.subjectPKInfo.algorithm.algorithm);

  const attributes: Value[] = [];
  const extensions: Value[] = [];
  const seen = new Set<string>();
  const out: Record<string, Value> = {
    Raw: base64Encode(el.raw),
    RawTBSCertificateRequest: base64Encode(rawOf(infoNode)),
    RawSubjectPublicKeyInfo: base64Encode(rawOf(spkiNode)),
    RawSubject: base64Encode(rawOf(subjectNode)),
    Version: info.version,
    Signature: base64Encode(bytes(csr.signature)),
    SignatureAlgorithm: signatureAlgorithm(csr.signatureAlgorithm),
    PublicKeyAlgorithm: pkAlg,
    PublicKey: publicKeyJson(pkAlg === 0 ? undefined : parseSpki(info.subjectPKInfo)),
    Subject: nameJson(info.subject),
    Attributes: null,
    Extensions: null,
    ExtraExtensions: null,
    DNSNames: null,
    EmailAddresses: null,
    IPAddresses: null,
    URIs: null,
  };
  for (const attr of info.attributes) {
    let set: Value | undefined;
    try {
      set = attributeSet(attr);
    } catch {
      set = undefined;
    }
    if (set !== undefined) attributes.push(set);
    if (attr.type !== EXTENSION_REQUEST || attr.values.length === 0) continue;
    for (const ext of parseDer(attr.values[0], Extensions, 'x509: malformed extension request')) {
      if (seen.has(ext.extnID)) throw new DerError('x509: certificate request contains duplicate requested extensions');
      seen.add(ext.extnID);
      extensions.push(extensionJson(ext));
      if (ext.extnID === '2.5.29.17') {
        applySan(out, sanLists(parseDer(bytes(ext.extnValue.buffer), SubjectAlternativeName, 'x509: invalid subject alternative names')));
      }
    }
  }
  if (attributes.length) out.Attributes = attributes;
  if (extensions.length) out.Extensions = extensions;
  return out as PlainObject;
}
