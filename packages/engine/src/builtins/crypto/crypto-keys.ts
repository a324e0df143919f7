/**
 * Public/private key decoding shared by the JWT and x509 builtins: SubjectPublicKeyInfo,
 * certificates' public keys, PKCS #1 / PKCS #8 / SEC 1 private keys and JWKs, plus the
 * algorithm-level sign/verify primitives (RSA, ECDSA on P-256/384/521, Ed25519, HMAC).
 */
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { OctetString } from '@peculiar/asn1-schema';
import { SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import { RSAPrivateKey, RSAPublicKey } from '@peculiar/asn1-rsa';
import { ECParameters, ECPrivateKey } from '@peculiar/asn1-ecc';
import { PrivateKeyInfo } from '@peculiar/asn1-pkcs8';
import { DerError, bigIntToBytes, bytes, bytesToBigInt, contentOf, elementsOf, intValue, parseDer, readElement, tagOf, type Schema } from './crypto-der.js';
import { hashOf, signPkcs1v15, signPss, verifyPkcs1v15, verifyPss, type HashName, type RsaPrivateKey, type RsaPublicKey } from './crypto-rsa.js';
import { base64Decode, Base64Error } from '../bytes.js';

export type CurveName = 'P-256' | 'P-384' | 'P-521';

export interface EcPublicKey {
  kind: 'ec';
  curve: CurveName;
  x: bigint;
  y: bigint;
}
export interface EcPrivateKey extends EcPublicKey {
  d: bigint;
}
export interface EdPublicKey {
  kind: 'ed25519';
  pub: Uint8Array;
}
export interface EdPrivateKey extends EdPublicKey {
  seed: Uint8Array;
}
export interface SecretKey {
  kind: 'oct';
  secret: Uint8Array;
}

export type PublicKey = RsaPublicKey | EcPublicKey | EdPublicKey;
export type PrivateKey = RsaPrivateKey | EcPrivateKey | EdPrivateKey;
export type AnyKey = PublicKey | PrivateKey | SecretKey;

export const isPrivate = (k: AnyKey): k is PrivateKey => 'd' in k || 'seed' in k;

const CURVES: Record<CurveName, { ecdsa: typeof p256; size: number; oid: string }> = {
  'P-256': { ecdsa: p256, size: 32, oid: '1.2.840.10045.3.1.7' },
  'P-384': { ecdsa: p384, size: 48, oid: '1.3.132.0.34' },
  'P-521': { ecdsa: p521, size: 66, oid: '1.3.132.0.35' },
};

export function curveByOid(oid: string): CurveName | undefined {
  return (Object.keys(CURVES) as CurveName[]).find((c) => CURVES[c].oid === oid);
}

export function curveSize(c: CurveName): number {
  return CURVES[c].size;
}

const OID_RSA = '1.2.840.113549.1.1.1';
const OID_EC = '1.2.840.10045.2.1';
const OID_ED25519 = '1.3.101.112';
const OID_DSA = '1.2.840.10040.4.1';

function ecPoint(curve: CurveName, point: Uint8Array): EcPublicKey {
  const size = CURVES[curve].size;
  if (point.length !== 1 + 2 * size || point[0] !== 4) throw new DerError('x509: failed to unmarshal elliptic curve point');
  const x = bytesToBigInt(point.subarray(1, 1 + size));
  const y = bytesToBigInt(point.subarray(1 + size));
  try {
    CURVES[curve].ecdsa.Point.fromBytes(point).assertValidity();
  } catch {
    throw new DerError('x509: failed to unmarshal elliptic curve point');
  }
  return { kind: 'ec', curve, x, y };
}

/** The named curve of an AlgorithmIdentifier's / ECPrivateKey's parameters, if supported. */
function namedCurve(params: ArrayBuffer | null | undefined, message: string): CurveName | undefined {
  if (!params) return undefined;
  const oid = parseDer(params, ECParameters, message).namedCurve;
  return oid === undefined ? undefined : curveByOid(oid);
}

/**
 * Go's `parsePublicKey` for a decoded SubjectPublicKeyInfo. DSA keys are recognised (Go's
 * PublicKeyAlgorithm 2) but not usable for verification, so they come back as `dsa`.
 */
export function parseSpki(spki: SubjectPublicKeyInfo): PublicKey | DsaPublicKey {
  const alg = spki.algorithm.algorithm;
  const params = spki.algorithm.parameters;
  const key = bytes(spki.subjectPublicKey);
  if (alg === OID_RSA) {
    if (params !== null) throw new DerError('x509: RSA key missing NULL parameters');
    const k = parseDer(key, RSAPublicKey, 'x509: invalid RSA public key');
    const n = intValue(k.modulus);
    const e = intValue(k.publicExponent);
    if (n <= 0n) throw new DerError('x509: RSA modulus is not a positive number');
    if (e <= 0n) throw new DerError('x509: RSA public exponent is not a positive number');
    return { kind: 'rsa', n, e };
  }
  if (alg === OID_EC) {
    const curve = namedCurve(params, 'x509: invalid ECDSA parameters');
    if (!curve) throw new DerError('x509: unsupported elliptic curve');
    return ecPoint(curve, key);
  }
  if (alg === OID_ED25519) {
    if (params !== undefined) throw new DerError('x509: Ed25519 key encoded with illegal parameters');
    if (key.length !== 32) throw new DerError('x509: wrong Ed25519 public key size');
    return { kind: 'ed25519', pub: key };
  }
  if (alg === OID_DSA) return parseDsa(key, params);
  throw new DerError('x509: unknown public key algorithm');
}

export interface DsaPublicKey {
  kind: 'dsa';
  p: bigint;
  q: bigint;
  g: bigint;
  y: bigint;
}

function parseDsa(key: Uint8Array, params: ArrayBuffer | null | undefined): DsaPublicKey {
  const y = readElement(key, 'x509: invalid DSA public key').node;
  const seq = params ? elementsOf(readElement(bytes(params), 'x509: invalid DSA parameters').node) : [];
  const ints = [...seq, y].map((n) => (tagOf(n).cls === 1 && tagOf(n).num === 2 ? intValue(contentOf(n)) : 0n));
  if (ints.length !== 4) throw new DerError('x509: invalid DSA parameters');
  if (ints.some((v) => v <= 0n)) throw new DerError('x509: zero or negative DSA parameter');
  const [p, q, g, yv] = ints;
  return { kind: 'dsa', p, q, g, y: yv };
}

/** Go's `x509.ParsePKIXPublicKey` (DSA keys are rejected: nothing here can use them). */
export function parsePkixPublicKey(der: Uint8Array): PublicKey {
  const k = parseSpki(parseDer(der, SubjectPublicKeyInfo, 'x509: malformed public key'));
  if (k.kind === 'dsa') throw new DerError('x509: unknown public key algorithm');
  return k;
}

// ---- private keys --------------------------------------------------------------------------

/** Which other private key format `der` is in, for Go's "use … instead" hints. */
function otherFormat(der: Uint8Array): string {
  const is = (schema: Schema<unknown>) => {
    try {
      parseDer(der, schema, '');
      return true;
    } catch {
      return false;
    }
  };
  if (is(PrivateKeyInfo)) return 'ParsePKCS8PrivateKey';
  if (is(ECPrivateKey)) return 'ParseECPrivateKey';
  if (is(RSAPrivateKey)) return 'ParsePKCS1PrivateKey';
  return '';
}

export function parsePkcs1PrivateKey(der: Uint8Array): RsaPrivateKey {
  let k: RSAPrivateKey;
  try {
    k = parseDer(der, RSAPrivateKey, 'x509: failed to parse private key');
  } catch (e) {
    const other = otherFormat(der);
    if (other) throw new DerError(`x509: failed to parse private key (use ${other} instead for this key format)`);
    throw e;
  }
  if (k.version > 1) throw new DerError('x509: unsupported private key version');
  const [n, e, d, p, q, dp, dq, qi] = [k.modulus, k.publicExponent, k.privateExponent, k.prime1, k.prime2, k.exponent1, k.exponent2, k.coefficient].map(intValue);
  const primes = [p, q, ...(k.otherPrimeInfos ?? []).map((o) => intValue(o.prime))];
  if (n <= 0n || d <= 0n || primes.some((x) => x <= 0n)) throw new DerError('x509: private key contains zero or negative value');
  return { kind: 'rsa', n, e, d, primes, dp, dq, qi };
}

export function parseEcPrivateKey(der: Uint8Array, curveHint?: CurveName): EcPrivateKey {
  let k: ECPrivateKey;
  try {
    k = parseDer(der, ECPrivateKey, 'x509: failed to parse EC private key');
  } catch (e) {
    const other = otherFormat(der);
    if (other) throw new DerError(`x509: failed to parse private key (use ${other} instead for this key format)`);
    throw e;
  }
  if (k.version !== 1) throw new DerError(`x509: unknown EC private key version ${k.version}`);
  const oid = k.parameters?.namedCurve;
  const curve = oid !== undefined ? curveByOid(oid) : curveHint;
  if (!curve) throw new DerError('x509: unknown elliptic curve');
  const d = bytesToBigInt(bytes(k.privateKey.buffer));
  const n = CURVES[curve].ecdsa.Point.CURVE().n;
  if (d <= 0n || d >= n) throw new DerError('x509: invalid elliptic curve private key value');
  const pt = CURVES[curve].ecdsa.Point.BASE.multiply(d).toAffine();
  return { kind: 'ec', curve, d, x: pt.x, y: pt.y };
}

export function parsePkcs8PrivateKey(der: Uint8Array): PrivateKey {
  let k: PrivateKeyInfo;
  try {
    k = parseDer(der, PrivateKeyInfo, 'x509: failed to parse private key');
  } catch (e) {
    const other = otherFormat(der);
    if (other) throw new DerError(`x509: failed to parse private key (use ${other} instead for this key format)`);
    throw e;
  }
  const alg = k.privateKeyAlgorithm.algorithm;
  const params = k.privateKeyAlgorithm.parameters;
  const inner = bytes(k.privateKey.buffer);
  if (alg === OID_RSA) return parsePkcs1PrivateKey(inner);
  if (alg === OID_EC) return parseEcPrivateKey(inner, namedCurve(params, 'x509: failed to parse EC private key'));
  if (alg === OID_ED25519) {
    if (params !== undefined) throw new DerError('x509: invalid Ed25519 private key parameters');
    const seed = bytes(parseDer(inner, OctetString, 'x509: invalid Ed25519 private key').buffer);
    if (seed.length !== 32) throw new DerError(`x509: invalid Ed25519 private key length: ${seed.length}`);
    return { kind: 'ed25519', seed, pub: ed25519.getPublicKey(seed) };
  }
  throw new DerError(`x509: PKCS#8 wrapping contained private key with unknown algorithm: ${alg}`);
}

// ---- JWK -----------------------------------------------------------------------------------

export interface JwkEntry {
  key: AnyKey;
  alg: string;
  kid: string;
}

export class JwkError {
  constructor(readonly message: string) {}
}

function b64u(v: unknown, field: string): Uint8Array {
  if (typeof v !== 'string') throw new JwkError(`required field ${field} is missing`);
  let s = v.replace(/=+$/, '');
  s += '='.repeat((4 - (s.length % 4)) % 4);
  const out = base64Decode(s, 'url');
  if (out instanceof Base64Error) throw new JwkError(`failed to decode field ${field}: ${out.message}`);
  return out;
}
const b64uInt = (v: unknown, field: string) => bytesToBigInt(b64u(v, field));

export function jwkToKey(o: Record<string, unknown>): AnyKey {
  switch (o.kty) {
    case 'RSA': {
      const pub: RsaPublicKey = { kind: 'rsa', n: b64uInt(o.n, 'n'), e: b64uInt(o.e, 'e') };
      if (o.d === undefined) return pub;
      const primes = o.p !== undefined && o.q !== undefined ? [b64uInt(o.p, 'p'), b64uInt(o.q, 'q')] : [];
      return { ...pub, d: b64uInt(o.d, 'd'), primes };
    }
    case 'EC': {
      const curve = o.crv as CurveName;
      if (!CURVES[curve]) throw new JwkError(`invalid curve algorithm ${String(o.crv)}`);
      const x = b64uInt(o.x, 'x');
      const y = b64uInt(o.y, 'y');
      if (o.d === undefined) return { kind: 'ec', curve, x, y };
      return { kind: 'ec', curve, x, y, d: b64uInt(o.d, 'd') };
    }
    case 'OKP': {
      if (o.crv !== 'Ed25519') throw new JwkError(`unsupported curve ${String(o.crv)}`);
      const pub = b64u(o.x, 'x');
      if (o.d === undefined) return { kind: 'ed25519', pub };
      return { kind: 'ed25519', pub, seed: b64u(o.d, 'd') };
    }
    case 'oct':
      return { kind: 'oct', secret: b64u(o.k, 'k') };
    default:
      throw new JwkError(`invalid key type from JSON (${String(o.kty)})`);
  }
}

/** A JWK or JWK set, as jwx's `jwk.Parse` accepts it. */
export function parseJwkSet(text: string): JwkEntry[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new JwkError(`failed to unmarshal JWK set: ${(e as Error).message}`);
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new JwkError('failed to unmarshal JWK set');
  const obj = doc as Record<string, unknown>;
  const list = Array.isArray(obj.keys) ? (obj.keys as unknown[]) : [obj];
  return list.map((k) => {
    if (k === null || typeof k !== 'object') throw new JwkError('failed to parse key');
    const o = k as Record<string, unknown>;
    return { key: jwkToKey(o), alg: typeof o.alg === 'string' ? o.alg : '', kid: typeof o.kid === 'string' ? o.kid : '' };
  });
}

// ---- JWS primitives ------------------------------------------------------------------------

const HS: Record<string, Parameters<typeof hmac>[0]> = { HS256: sha256, HS384: sha384, HS512: sha512 };
const SHA_OF: Record<string, HashName> = {
  RS256: 'sha256',
  RS384: 'sha384',
  RS512: 'sha512',
  PS256: 'sha256',
  PS384: 'sha384',
  PS512: 'sha512',
  ES256: 'sha256',
  ES384: 'sha384',
  ES512: 'sha512',
};

export const JWS_ALGORITHMS = new Set([...Object.keys(HS), ...Object.keys(SHA_OF), 'EdDSA']);

export function hmacOf(alg: string, key: Uint8Array, msg: Uint8Array): Uint8Array {
  return hmac(HS[alg], key, msg);
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i] ^ b[i];
  return d === 0;
}

function ecdsaVerifyRS(key: EcPublicKey, digest: Uint8Array, r: bigint, s: bigint): boolean {
  const c = CURVES[key.curve];
  const n = c.ecdsa.Point.CURVE().n;
  if (r <= 0n || s <= 0n || r >= n || s >= n) return false;
  const sig = new Uint8Array([...bigIntToBytes(r, c.size), ...bigIntToBytes(s, c.size)]);
  const pub = new Uint8Array([4, ...bigIntToBytes(key.x, c.size), ...bigIntToBytes(key.y, c.size)]);
  try {
    return c.ecdsa.verify(sig, digest, pub, { prehash: false, lowS: false });
  } catch {
    return false;
  }
}

/** OPA's verifyES: r and s are the two halves of the signature, whatever its length. */
export function verifyEcdsaHalves(key: PublicKey | PrivateKey, digest: Uint8Array, sig: Uint8Array): boolean {
  if (key.kind !== 'ec' || 'd' in key) return false;
  const half = sig.length >> 1;
  return ecdsaVerifyRS(key, digest, bytesToBigInt(sig.subarray(0, half)), bytesToBigInt(sig.subarray(half)));
}

/** jwsbb.Verify: checks `sig` over `input` with `key` for the JWS algorithm `alg`. */
export function jwsVerify(key: AnyKey | Uint8Array, alg: string, input: Uint8Array, sig: Uint8Array): boolean {
  if (key instanceof Uint8Array) return alg in HS && equalBytes(hmacOf(alg, key, input), sig);
  if (key.kind === 'oct') return alg in HS && equalBytes(hmacOf(alg, key.secret, input), sig);
  if (alg === 'EdDSA') {
    if (key.kind !== 'ed25519') return false;
    try {
      return ed25519.verify(sig, input, key.pub);
    } catch {
      return false;
    }
  }
  const hash = SHA_OF[alg];
  if (!hash) return false;
  const digest = hashOf(hash, input);
  if (alg.startsWith('RS') || alg.startsWith('PS')) {
    if (key.kind !== 'rsa') return false;
    return alg.startsWith('RS') ? verifyPkcs1v15(key, hash, digest, sig) : verifyPss(key, hash, digest, sig);
  }
  if (key.kind !== 'ec') return false;
  const size = CURVES[key.curve].size;
  if (sig.length !== 2 * size) return false;
  return ecdsaVerifyRS(key, digest, bytesToBigInt(sig.subarray(0, size)), bytesToBigInt(sig.subarray(size)));
}

export class SignError {
  constructor(readonly message: string) {}
}

/** jwsbb.Sign for the supported algorithms. */
export function jwsSign(key: AnyKey, alg: string, input: Uint8Array): Uint8Array {
  if (alg in HS) {
    if (key.kind !== 'oct') throw new SignError(`invalid key type for ${alg}`);
    return hmacOf(alg, key.secret, input);
  }
  if (alg === 'EdDSA') {
    if (key.kind !== 'ed25519' || !('seed' in key)) throw new SignError('invalid key type for EdDSA');
    return ed25519.sign(input, key.seed);
  }
  const hash = SHA_OF[alg];
  const digest = hashOf(hash, input);
  if (alg.startsWith('RS') || alg.startsWith('PS')) {
    if (key.kind !== 'rsa' || !('d' in key)) throw new SignError(`invalid key type for ${alg}`);
    return alg.startsWith('RS') ? signPkcs1v15(key, hash, digest) : signPss(key, hash, digest);
  }
  if (key.kind !== 'ec' || !('d' in key)) throw new SignError(`invalid key type for ${alg}`);
  const c = CURVES[key.curve];
  const sig = c.ecdsa.sign(digest, bigIntToBytes(key.d, c.size), { prehash: false, lowS: false });
  return sig;
}

export { hashOf, type HashName };
