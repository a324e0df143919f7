/**
 * Certificate extensions → the fields of Go's `x509.Certificate` that `processExtensions` fills
 * (key usages, basic and name constraints, SANs, key identifiers, AIA, CRL distribution points,
 * policies), with Go's error texts and its rule for UnhandledCriticalExtensions. The extension
 * values are decoded with the @peculiar/asn1-x509 schemas.
 */
import {
  AuthorityInfoAccessSyntax,
  AuthorityKeyIdentifier,
  BasicConstraints,
  CRLDistributionPoints,
  CertificatePolicies,
  ExtendedKeyUsage,
  InhibitAnyPolicy,
  KeyUsage,
  NameConstraints,
  PolicyConstraints,
  PolicyMappings,
  SubjectAlternativeName,
  SubjectKeyIdentifier,
  type Extension,
} from '@peculiar/asn1-x509';
import { base64Encode } from '../bytes.js';
import { DerError, bytes, intValue, oidArray, parseDer } from '../crypto/crypto-der.js';
import { applySan, constraintLists, sanLists } from './x509-name.js';
import type { Value } from '../../value/types.js';

/** Go's ExtKeyUsage enum by OID. */
const EXT_KEY_USAGE: Record<string, number> = {
  '2.5.29.37.0': 0,
  '1.3.6.1.5.5.7.3.1': 1,
  '1.3.6.1.5.5.7.3.2': 2,
  '1.3.6.1.5.5.7.3.3': 3,
  '1.3.6.1.5.5.7.3.4': 4,
  '1.3.6.1.5.5.7.3.5': 5,
  '1.3.6.1.5.5.7.3.6': 6,
  '1.3.6.1.5.5.7.3.7': 7,
  '1.3.6.1.5.5.7.3.8': 8,
  '1.3.6.1.5.5.7.3.9': 9,
  '1.3.6.1.4.1.311.10.3.3': 10,
  '2.16.840.1.113730.4.1': 11,
  '1.3.6.1.4.1.311.2.1.22': 12,
  '1.3.6.1.4.1.311.61.1.1': 13,
};

const OCSP = '1.3.6.1.5.5.7.48.1';
const CA_ISSUERS = '1.3.6.1.5.5.7.48.2';
const AIA = '1.3.6.1.5.5.7.1.1';

/** Go's `int` of a small non-negative INTEGER. */
function smallInt(b: ArrayBuffer, message: string): number {
  const v = intValue(b);
  if (v < 0n || v > BigInt(Number.MAX_SAFE_INTEGER)) throw new DerError(message);
  return Number(v);
}

function append(json: Record<string, Value>, field: string, v: Value): void {
  json[field] = [...((json[field] as Value[] | null) ?? []), v];
}

/** `pkix.Extension` JSON. */
export function extensionJson(e: Extension): Value {
  return { Id: oidArray(e.extnID), Critical: e.critical, Value: base64Encode(bytes(e.extnValue.buffer)) };
}

/**
 * Fills `json` from the extensions, as Go's `processExtensions`; returns the ExtKeyUsage values
 * (chain verification needs them). Malformed known extensions are errors, as in Go.
 */
export function processExtensions(json: Record<string, Value>, exts: Extension[]): number[] {
  const eku: number[] = [];
  const seen = new Set<string>();
  for (const e of exts) {
    if (seen.has(e.extnID)) throw new DerError(`x509: certificate contains duplicate extension with OID "${e.extnID}"`);
    seen.add(e.extnID);
  }
  json.Extensions = exts.map(extensionJson);
  for (const e of exts) {
    const v = bytes(e.extnValue.buffer);
    let unhandled = false;
    switch (e.extnID) {
      case '2.5.29.15': {
        const ku = parseDer(v, KeyUsage, 'x509: invalid key usage');
        const bits = bytes(ku.value);
        let usage = 0;
        for (let i = 0; i < 9; i++) if ((bits[i >> 3] ?? 0) & (0x80 >> (i & 7))) usage |= 1 << i;
        json.KeyUsage = usage;
        break;
      }
      case '2.5.29.19': {
        const bc = parseDer(v, BasicConstraints, 'x509: invalid basic constraints');
        json.BasicConstraintsValid = true;
        json.IsCA = bc.cA;
        json.MaxPathLen = bc.pathLenConstraint ?? -1;
        json.MaxPathLenZero = json.MaxPathLen === 0;
        break;
      }
      case '2.5.29.17': {
        const san = sanLists(parseDer(v, SubjectAlternativeName, 'x509: invalid subject alternative names'));
        unhandled = !applySan(json, san);
        if (san.URIs.length) json.URIStrings = san.URIs;
        break;
      }
      case '2.5.29.30': {
        const nc = parseDer(v, NameConstraints, 'x509: invalid NameConstraints extension');
        if (!nc.permittedSubtrees?.length && !nc.excludedSubtrees?.length) throw new DerError('x509: empty name constraints extension');
        const permitted = constraintLists((nc.permittedSubtrees ?? []).map((s) => s.base));
        const excluded = constraintLists((nc.excludedSubtrees ?? []).map((s) => s.base));
        const set = (field: string, list: Value[]) => {
          if (list.length) json[field] = list;
        };
        set('PermittedDNSDomains', permitted.dns);
        set('PermittedIPRanges', permitted.ips);
        set('PermittedEmailAddresses', permitted.emails);
        set('PermittedURIDomains', permitted.uris);
        set('ExcludedDNSDomains', excluded.dns);
        set('ExcludedIPRanges', excluded.ips);
        set('ExcludedEmailAddresses', excluded.emails);
        set('ExcludedURIDomains', excluded.uris);
        json.PermittedDNSDomainsCritical = e.critical;
        unhandled = permitted.unhandled || excluded.unhandled;
        break;
      }
      case '2.5.29.31':
        for (const dp of parseDer(v, CRLDistributionPoints, 'x509: invalid CRL distribution points')) {
          for (const n of dp.distributionPoint?.fullName ?? []) {
            if (n.uniformResourceIdentifier === undefined) break;
            append(json, 'CRLDistributionPoints', n.uniformResourceIdentifier);
          }
        }
        break;
      case '2.5.29.35': {
        if (e.critical) throw new DerError('x509: authority key identifier incorrectly marked critical');
        const aki = parseDer(v, AuthorityKeyIdentifier, 'x509: invalid authority key identifier');
        if (aki.keyIdentifier) json.AuthorityKeyId = base64Encode(bytes(aki.keyIdentifier.buffer));
        break;
      }
      case '2.5.29.36': {
        const msg = 'x509: invalid policy constraints extension';
        const pc = parseDer(v, PolicyConstraints, msg);
        if (pc.requireExplicitPolicy) {
          json.RequireExplicitPolicy = smallInt(pc.requireExplicitPolicy, msg);
          json.RequireExplicitPolicyZero = json.RequireExplicitPolicy === 0;
        }
        if (pc.inhibitPolicyMapping) {
          json.InhibitPolicyMapping = smallInt(pc.inhibitPolicyMapping, msg);
          json.InhibitPolicyMappingZero = json.InhibitPolicyMapping === 0;
        }
        break;
      }
      case '2.5.29.37':
        for (const oid of parseDer(v, ExtendedKeyUsage, 'x509: invalid extended key usages')) {
          const u = EXT_KEY_USAGE[oid];
          if (u === undefined) append(json, 'UnknownExtKeyUsage', oidArray(oid));
          else eku.push(u);
        }
        if (eku.length) json.ExtKeyUsage = [...eku];
        break;
      case '2.5.29.14':
        if (e.critical) throw new DerError('x509: subject key identifier incorrectly marked critical');
        json.SubjectKeyId = base64Encode(bytes(parseDer(v, SubjectKeyIdentifier, 'x509: invalid subject key identifier').buffer));
        break;
      case '2.5.29.32': {
        const ids = parseDer(v, CertificatePolicies, 'x509: invalid certificate policies').map((p) => p.policyIdentifier);
        if (new Set(ids).size !== ids.length) throw new DerError('x509: invalid certificate policies');
        json.Policies = ids;
        json.PolicyIdentifiers = ids.map(oidArray);
        break;
      }
      case '2.5.29.33':
        for (const m of parseDer(v, PolicyMappings, 'x509: invalid policy mappings extension')) {
          append(json, 'PolicyMappings', { IssuerDomainPolicy: m.issuerDomainPolicy, SubjectDomainPolicy: m.subjectDomainPolicy });
        }
        break;
      case '2.5.29.54': {
        const msg = 'x509: invalid inhibit any policy extension';
        json.InhibitAnyPolicy = smallInt(parseDer(v, InhibitAnyPolicy, msg).value, msg);
        json.InhibitAnyPolicyZero = json.InhibitAnyPolicy === 0;
        break;
      }
      case AIA:
        if (e.critical) throw new DerError('x509: authority info access incorrectly marked critical');
        for (const ad of parseDer(v, AuthorityInfoAccessSyntax, 'x509: invalid authority info access')) {
          const uri = ad.accessLocation.uniformResourceIdentifier;
          if (uri === undefined) continue;
          if (ad.accessMethod === OCSP) append(json, 'OCSPServer', uri);
          else if (ad.accessMethod === CA_ISSUERS) append(json, 'IssuingCertificateURL', uri);
        }
        break;
      default:
        unhandled = true;
    }
    if (e.critical && unhandled) append(json, 'UnhandledCriticalExtensions', oidArray(e.extnID));
  }
  return eku;
}
