/**
 * Go-JSON shapes of the naming types inside certificates and CSRs: `pkix.Name`, the general-name
 * lists of subjectAltName (DNS, e-mail, IP, URI), `net.IP`, `net.IPNet` and `url.URL`. Input
 * structures come decoded by @peculiar/asn1-x509 (see crypto-der.ts).
 */
import { AsnIpConverter, type AttributeValue, type GeneralName, type Name } from '@peculiar/asn1-x509';
import { base64Encode } from '../bytes.js';
import { DerError, bytes, contentOf, oidArray, readElement, tagOf } from '../crypto/crypto-der.js';
import type { PlainObject, Value } from '../../value/types.js';

const NAME_FIELDS: Record<string, string> = {
  '2.5.4.6': 'Country',
  '2.5.4.7': 'Locality',
  '2.5.4.8': 'Province',
  '2.5.4.9': 'StreetAddress',
  '2.5.4.10': 'Organization',
  '2.5.4.11': 'OrganizationalUnit',
  '2.5.4.17': 'PostalCode',
};

/**
 * The string of an attribute value, with Go's `parseASN1String` rules: the DirectoryString
 * types plus IA5String and NumericString; UniversalString and non-string values are errors.
 */
function attributeString(v: AttributeValue): string {
  const s = v.utf8String ?? v.printableString ?? v.teletexString ?? v.bmpString ?? v.ia5String;
  if (s !== undefined) return s;
  if (v.anyValue) {
    const { node } = readElement(bytes(v.anyValue), 'x509: invalid RDNSequence: invalid attribute value');
    const tag = tagOf(node);
    if (tag.cls === 1 && tag.num === 18) {
      const text = String.fromCharCode(...contentOf(node));
      if (/^[0-9 ]*$/.test(text)) return text;
      throw new DerError('x509: invalid RDNSequence: invalid attribute value: invalid NumericString');
    }
    throw new DerError(`x509: invalid RDNSequence: invalid attribute value: unsupported string type: ${tag.num}`);
  }
  throw new DerError('x509: invalid RDNSequence: invalid attribute value: unsupported string type: 28');
}

/** `pkix.Name` after `FillFromRDNSequence`, as Go marshals it. */
export function nameJson(name: Name): PlainObject {
  const out: Record<string, Value> = {
    Country: null,
    Organization: null,
    OrganizationalUnit: null,
    Locality: null,
    Province: null,
    StreetAddress: null,
    PostalCode: null,
    SerialNumber: '',
    CommonName: '',
    Names: null,
    ExtraNames: null,
  };
  const names: Value[] = [];
  for (const rdn of name) {
    for (const atv of rdn) {
      const value = attributeString(atv.value);
      names.push({ Type: oidArray(atv.type), Value: value });
      if (atv.type === '2.5.4.3') out.CommonName = value;
      else if (atv.type === '2.5.4.5') out.SerialNumber = value;
      else if (NAME_FIELDS[atv.type]) {
        const f = NAME_FIELDS[atv.type];
        out[f] = [...((out[f] as Value[] | null) ?? []), value];
      }
    }
  }
  if (names.length > 0) out.Names = names;
  return out as PlainObject;
}

/** Go's `net.IP.String()`. */
export function ipText(b: Uint8Array): string {
  if (b.length === 0) return '<nil>';
  const v4mapped = b.length === 16 && b.subarray(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff;
  if (b.length === 4 || v4mapped) return [...b.subarray(b.length - 4)].join('.');
  if (b.length !== 16) return '?' + [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((b[i] << 8) | b[i + 1]);
  let bestAt = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestAt = i;
      bestLen = j - i;
    }
    i = j === i ? i + 1 : j;
  }
  const hex = (g: number[]) => g.map((x) => x.toString(16)).join(':');
  if (bestAt < 0) return hex(groups);
  return `${hex(groups.slice(0, bestAt))}::${hex(groups.slice(bestAt + bestLen))}`;
}

/** The octets of a GeneralName iPAddress (the schema hands it over as text). */
export function ipOctets(text: string): Uint8Array {
  try {
    return contentOf(AsnIpConverter.toASN(text));
  } catch {
    throw new DerError(`x509: cannot parse IP address ${JSON.stringify(text)}`);
  }
}

/** `net.IPNet` of a name-constraint iPAddress (address then mask). */
function ipNetJson(text: string): Value {
  const b = ipOctets(text);
  if (b.length !== 8 && b.length !== 32) throw new DerError(`x509: IP constraint contained value of length ${b.length}`);
  return { IP: ipText(b.subarray(0, b.length / 2)), Mask: base64Encode(b.subarray(b.length / 2)) };
}

function unescapePercent(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Go's `url.Parse` result as JSON (`*url.URL`, with `User` a field-less `{}` when present). */
export function urlJson(u: string): Value {
  let rest = u;
  let fragment = '';
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    fragment = unescapePercent(rest.slice(hash + 1));
    rest = rest.slice(0, hash);
  }
  let scheme = '';
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(rest);
  if (m) {
    scheme = m[1].toLowerCase();
    rest = rest.slice(m[0].length);
  }
  let rawQuery = '';
  let forceQuery = false;
  const q = rest.indexOf('?');
  if (q >= 0) {
    rawQuery = rest.slice(q + 1);
    forceQuery = rawQuery === '';
    rest = rest.slice(0, q);
  }
  const out: Record<string, Value> = { Scheme: scheme, Opaque: '', User: null, Host: '', Path: '', RawPath: '', OmitHost: false, ForceQuery: forceQuery, RawQuery: rawQuery, Fragment: fragment, RawFragment: '' };
  if (scheme && !rest.startsWith('/')) {
    out.Opaque = rest;
    return out;
  }
  if (rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    let authority = slash < 0 ? rest.slice(2) : rest.slice(2, slash);
    rest = slash < 0 ? '' : rest.slice(slash);
    const at = authority.lastIndexOf('@');
    if (at >= 0) {
      out.User = {};
      authority = authority.slice(at + 1);
    }
    out.Host = unescapePercent(authority);
  } else if (scheme && rest.startsWith('/')) {
    out.OmitHost = true;
  }
  out.Path = unescapePercent(rest);
  return out;
}

export interface SanLists {
  DNSNames: Value[];
  EmailAddresses: Value[];
  IPAddresses: Value[];
  URIs: string[];
}

/** Go's `parseSANExtension`: the DNS, e-mail, IP and URI entries of a GeneralNames list. */
export function sanLists(names: GeneralName[]): SanLists {
  const out: SanLists = { DNSNames: [], EmailAddresses: [], IPAddresses: [], URIs: [] };
  for (const n of names) {
    if (n.dNSName !== undefined) out.DNSNames.push(n.dNSName);
    else if (n.rfc822Name !== undefined) out.EmailAddresses.push(n.rfc822Name);
    else if (n.uniformResourceIdentifier !== undefined) out.URIs.push(n.uniformResourceIdentifier);
    else if (n.iPAddress !== undefined) {
      const b = ipOctets(n.iPAddress);
      if (b.length !== 4 && b.length !== 16) throw new DerError(`x509: cannot parse IP address of length ${b.length}`);
      out.IPAddresses.push(ipText(b));
    }
  }
  return out;
}

/** Writes SAN lists into a certificate / CSR JSON object (empty lists stay null, as in Go). */
export function applySan(json: Record<string, Value>, san: SanLists): boolean {
  if (san.DNSNames.length) json.DNSNames = san.DNSNames;
  if (san.EmailAddresses.length) json.EmailAddresses = san.EmailAddresses;
  if (san.IPAddresses.length) json.IPAddresses = san.IPAddresses;
  if (san.URIs.length) json.URIs = san.URIs.map(urlJson);
  return san.DNSNames.length + san.EmailAddresses.length + san.IPAddresses.length + san.URIs.length > 0;
}

export interface ConstraintLists {
  dns: Value[];
  ips: Value[];
  emails: Value[];
  uris: Value[];
  /** A subtree of a type Go does not handle (directoryName, otherName, …). */
  unhandled: boolean;
}

/** Go's name-constraint subtree split (dNSName, iPAddress, rfc822Name, URI). */
export function constraintLists(bases: GeneralName[]): ConstraintLists {
  const out: ConstraintLists = { dns: [], ips: [], emails: [], uris: [], unhandled: false };
  for (const n of bases) {
    if (n.dNSName !== undefined) out.dns.push(n.dNSName);
    else if (n.iPAddress !== undefined) out.ips.push(ipNetJson(n.iPAddress));
    else if (n.rfc822Name !== undefined) out.emails.push(n.rfc822Name);
    else if (n.uniformResourceIdentifier !== undefined) out.uris.push(n.uniformResourceIdentifier);
    else out.unhandled = true;
  }
  return out;
}
