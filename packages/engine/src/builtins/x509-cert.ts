/**
 * X.509 certificate decoding into the JSON shape of Go's `x509.Certificate` (what OPA returns);
 * chain verification is in x509-verify.ts.
 */
import { base64Encode } from './bytes.js';
import { DerError, TAG, bitString, children, intValue, oidParts, oidText, readTlv, seq, type Tlv } from './crypto-der.js';
import { parseSpki, type PublicKey } from './crypto-keys.js';
import { normNumber } from '../value/number.js';
import type { PlainObject, Value } from '../value/types.js';

export interface ParsedCertificate {
  json: PlainObject;
  tbs: Uint8Array;
  signature: Uint8Array;
  sigAlg: number;
  publicKey: PublicKey;
  rawSubject: Uint8Array;
  rawIssuer: Uint8Array;
  notBefore: number;
  notAfter: number;
  isCA: boolean;
  basicConstraintsValid: boolean;
  extKeyUsage: number[];
}

const SIG_ALGS: Record<string, number> = {
  '1.2.840.113549.1.1.2': 1,
  '1.2.840.113549.1.1.4': 2,
  '1.2.840.113549.1.1.5': 3,
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

const NAME_FIELDS: Record<string, string> = {
  '2.5.4.6': 'Country',
  '2.5.4.10': 'Organization',
  '2.5.4.11': 'OrganizationalUnit',
  '2.5.4.7': 'Locality',
  '2.5.4.8': 'Province',
  '2.5.4.9': 'StreetAddress',
  '2.5.4.17': 'PostalCode',
};

const b64 = (b: Uint8Array) => base64Encode(b);
const num = (n: bigint): Value => normNumber(n);

function stringValue(t: Tlv): string {
  if (t.tag === TAG.BMP) {
    let s = '';
    for (let i = 0; i + 1 < t.value.length; i += 2) s += String.fromCharCode((t.value[i] << 8) | t.value[i + 1]);
    return s;
  }
  return new TextDecoder().decode(t.value);
}

/** pkix.Name as Go marshals it (single-valued attributes collected per field). */
export function parseName(t: Tlv): PlainObject {
  const name: Record<string, Value> = {
    Country: null,
    Organization: null,
    OrganizationalUnit: null,
    Locality: null,
    Province: null,
    StreetAddress: null,
    PostalCode: null,
    SerialNumber: '',
    CommonName: '',
    Names: [],
    ExtraNames: null,
  };
  const names: Value[] = [];
  for (const rdn of children(t)) {
    for (const atv of children(rdn)) {
      const [oid, val] = children(atv);
      const id = oidText(oid);
      const value = stringValue(val);
      names.push({ Type: oidParts(oid.value), Value: value });
      if (id === '2.5.4.3') name.CommonName = value;
      else if (id === '2.5.4.5') name.SerialNumber = value;
      else if (NAME_FIELDS[id]) {
        const f = NAME_FIELDS[id];
        name[f] = [...((name[f] as Value[] | null) ?? []), value];
      }
    }
  }
  name.Names = names.length > 0 ? names : null;
  return name as PlainObject;
}

function parseTime(t: Tlv): number {
  const s = new TextDecoder().decode(t.value);
  let m: RegExpExecArray | null;
  if (t.tag === TAG.UTC_TIME && (m = /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(s))) {
    const yy = +m[1];
    return Date.UTC(yy < 50 ? 2000 + yy : 1900 + yy, +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  }
  if (t.tag === TAG.GENERALIZED_TIME && (m = /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(s))) {
    return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  }
  throw new DerError('x509: malformed validity');
}

function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

function publicKeyJson(k: PublicKey): Value {
  if (k.kind === 'rsa') return { N: num(k.n), E: num(k.e) };
  if (k.kind === 'ec') return { Curve: {}, X: num(k.x), Y: num(k.y) };
  return b64(k.pub);
}

function urlJson(u: string): Value {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):(\/\/([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?$/.exec(u);
  return {
    Scheme: m?.[1] ?? '',
    Opaque: m && !m[2] ? m[4] : '',
    User: null,
    Host: m?.[3] ?? '',
    Path: m && m[2] ? m[4] : '',
    RawPath: '',
    OmitHost: false,
    ForceQuery: false,
    RawQuery: m?.[6] ?? '',
    Fragment: m?.[8] ?? '',
    RawFragment: '',
  };
}

function ipText(b: Uint8Array): string {
  if (b.length === 4) return [...b].join('.');
  const groups: string[] = [];
  for (let i = 0; i < b.length; i += 2) groups.push(((b[i] << 8) | b[i + 1]).toString(16));
  return groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
}

/** Decodes one DER certificate. */
export function parseCertificate(der: Uint8Array): ParsedCertificate {
  let root: Tlv;
  try {
    root = readTlv(der);
  } catch {
    throw new DerError('x509: malformed certificate');
  }
  if (root.tag !== TAG.SEQUENCE) throw new DerError('x509: malformed certificate');
  const [tbsT, sigAlgT, sigT] = children(root);
  if (!tbsT || !sigAlgT || !sigT || tbsT.tag !== TAG.SEQUENCE) throw new DerError('x509: malformed certificate');
  const tbs = children(tbsT);
  let i = 0;
  let version = 1;
  if (tbs[0]?.tag === 0xa0) {
    version = Number(intValue(children(tbs[0])[0])) + 1;
    i = 1;
  }
  const serial = intValue(tbs[i]);
  const issuerT = tbs[i + 2];
  const validity = seq(tbs[i + 3], 'validity');
  const subjectT = tbs[i + 4];
  const spkiT = tbs[i + 5];
  if (!spkiT) throw new DerError('x509: malformed certificate');
  const publicKey = parseSpki(spkiT);
  const sigOid = oidText(seq(sigAlgT)[0]);
  let sigAlg = SIG_ALGS[sigOid] ?? 0;
  if (sigOid === '1.2.840.113549.1.1.10') sigAlg = pssAlg(seq(sigAlgT)[1]);
  const pkAlg = publicKey.kind === 'rsa' ? 1 : publicKey.kind === 'ec' ? 3 : 4;

  const json: Record<string, Value> = {
    Raw: b64(root.raw),
    RawTBSCertificate: b64(tbsT.raw),
    RawSubjectPublicKeyInfo: b64(spkiT.raw),
    RawSubject: b64(subjectT.raw),
    RawIssuer: b64(issuerT.raw),
    Signature: b64(bitString(sigT)),
    SignatureAlgorithm: sigAlg,
    PublicKeyAlgorithm: pkAlg,
    PublicKey: publicKeyJson(publicKey),
    Version: version,
    SerialNumber: num(serial),
    Issuer: parseName(issuerT),
    Subject: parseName(subjectT),
    NotBefore: rfc3339(parseTime(validity[0])),
    NotAfter: rfc3339(parseTime(validity[1])),
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
  const extKeyUsage: number[] = [];
  for (const t of tbs.slice(i + 6)) {
    if (t.tag !== 0xa3) continue;
    const exts: Value[] = [];
    for (const ext of children(children(t)[0])) {
      const parts = children(ext);
      const id = oidText(parts[0]);
      const critical = parts.length === 3 && parts[1].tag === TAG.BOOLEAN && parts[1].value[0] !== 0;
      const value = parts[parts.length - 1].value;
      exts.push({ Id: oidParts(parts[0].value), Critical: critical, Value: b64(value) });
      applyExtension(json, id, value, extKeyUsage);
    }
    json.Extensions = exts;
  }
  return {
    json: json as PlainObject,
    tbs: tbsT.raw,
    signature: bitString(sigT),
    sigAlg,
    publicKey,
    rawSubject: subjectT.raw,
    rawIssuer: issuerT.raw,
    notBefore: parseTime(validity[0]),
    notAfter: parseTime(validity[1]),
    isCA: json.IsCA === true,
    basicConstraintsValid: json.BasicConstraintsValid === true,
    extKeyUsage,
  };
}

function pssAlg(params: Tlv | undefined): number {
  if (!params || params.tag !== TAG.SEQUENCE) return 0;
  for (const p of children(params)) {
    if (p.tag === 0xa0) {
      const h = oidText(seq(children(p)[0])[0]);
      if (h === '2.16.840.1.101.3.4.2.1') return 13;
      if (h === '2.16.840.1.101.3.4.2.2') return 14;
      if (h === '2.16.840.1.101.3.4.2.3') return 15;
    }
  }
  return 0;
}

function applyExtension(json: Record<string, Value>, id: string, value: Uint8Array, eku: number[]): void {
  const t = readTlv(value);
  switch (id) {
    case '2.5.29.15': {
      const bits = bitString(t);
      let usage = 0;
      for (let b = 0; b < 9; b++) if (bits[b >> 3] !== undefined && bits[b >> 3] & (0x80 >> (b & 7))) usage |= 1 << b;
      json.KeyUsage = usage;
      return;
    }
    case '2.5.29.19': {
      json.BasicConstraintsValid = true;
      const parts = children(t);
      let k = 0;
      if (parts[k]?.tag === TAG.BOOLEAN) json.IsCA = parts[k++].value[0] !== 0;
      if (parts[k]?.tag === TAG.INTEGER) {
        json.MaxPathLen = Number(intValue(parts[k]));
        json.MaxPathLenZero = json.MaxPathLen === 0;
      } else {
        json.MaxPathLen = -1;
      }
      return;
    }
    case '2.5.29.17': {
      const dns: Value[] = [];
      const emails: Value[] = [];
      const ips: Value[] = [];
      const uris: Value[] = [];
      for (const gn of children(t)) {
        const text = new TextDecoder().decode(gn.value);
        if (gn.tag === 0x82) dns.push(text);
        else if (gn.tag === 0x81) emails.push(text);
        else if (gn.tag === 0x86) uris.push(text);
        else if (gn.tag === 0x87) ips.push(ipText(gn.value));
      }
      if (dns.length) json.DNSNames = dns;
      if (emails.length) json.EmailAddresses = emails;
      if (ips.length) json.IPAddresses = ips;
      if (uris.length) {
        json.URIs = uris.map((u) => urlJson(u as string));
        json.URIStrings = uris;
      }
      return;
    }
    case '2.5.29.37': {
      const unknown: Value[] = [];
      for (const o of children(t)) {
        const u = EXT_KEY_USAGE[oidText(o)];
        if (u === undefined) unknown.push(oidParts(o.value));
        else eku.push(u);
      }
      if (eku.length) json.ExtKeyUsage = [...eku];
      if (unknown.length) json.UnknownExtKeyUsage = unknown;
      return;
    }
    case '2.5.29.14':
      json.SubjectKeyId = b64(t.value);
      return;
    case '2.5.29.35':
      for (const c of children(t)) if (c.tag === 0x80) json.AuthorityKeyId = b64(c.value);
      return;
    case '1.3.6.1.5.5.7.1.1': {
      for (const ad of children(t)) {
        const [m, loc] = children(ad);
        if (loc?.tag !== 0x86) continue;
        const field = oidText(m) === '1.3.6.1.5.5.7.48.1' ? 'OCSPServer' : oidText(m) === '1.3.6.1.5.5.7.48.2' ? 'IssuingCertificateURL' : '';
        if (field) json[field] = [...((json[field] as Value[] | null) ?? []), new TextDecoder().decode(loc.value)];
      }
      return;
    }
    case '2.5.29.31': {
      const points: Value[] = [];
      for (const dp of children(t)) {
        for (const f of children(dp)) {
          if (f.tag !== 0xa0) continue;
          for (const n of children(f)) if (n.tag === 0xa0) for (const g of children(n)) if (g.tag === 0x86) points.push(new TextDecoder().decode(g.value));
        }
      }
      if (points.length) json.CRLDistributionPoints = points;
      return;
    }
    case '2.5.29.32': {
      const ids: Value[] = [];
      for (const p of children(t)) ids.push(oidParts(children(p)[0].value));
      if (ids.length) {
        json.PolicyIdentifiers = ids;
        json.Policies = ids.map(() => ({}));
      }
      return;
    }
  }
}

/** Parses concatenated DER certificates (Go's `x509.ParseCertificates`). */
export function parseCertificates(der: Uint8Array): ParsedCertificate[] {
  const out: ParsedCertificate[] = [];
  let off = 0;
  while (off < der.length) {
    let t: Tlv;
    try {
      t = readTlv(der, off);
    } catch {
      throw new DerError('x509: malformed certificate');
    }
    out.push(parseCertificate(t.raw));
    off += t.raw.length;
  }
  return out;
}
