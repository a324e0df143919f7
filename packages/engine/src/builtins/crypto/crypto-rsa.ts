/**
 * RSA signatures (PKCS #1 v1.5 and PSS, RFC 8017) with bigint arithmetic, matching Go's
 * crypto/rsa: PSS verification accepts any salt length (`PSSSaltLengthAuto`) and PSS signing uses
 * the hash length as salt length (as JWS requires).
 */
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { bigIntToBytes, bytesToBigInt } from './crypto-der.js';
import { builtinError } from '../define.js';

export interface RsaPublicKey {
  kind: 'rsa';
  n: bigint;
  e: bigint;
}

export interface RsaPrivateKey extends RsaPublicKey {
  d: bigint;
  primes: bigint[];
  dp?: bigint;
  dq?: bigint;
  qi?: bigint;
}

export type HashName = 'sha256' | 'sha384' | 'sha512';

const HASHES: Record<HashName, { fn: (m: Uint8Array) => Uint8Array; size: number; prefix: number[] }> = {
  sha256: {
    fn: sha256,
    size: 32,
    prefix: [0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20],
  },
  sha384: {
    fn: sha384,
    size: 48,
    prefix: [0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0x04, 0x30],
  },
  sha512: {
    fn: sha512,
    size: 64,
    prefix: [0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03, 0x05, 0x00, 0x04, 0x40],
  },
};

export function hashOf(name: HashName, msg: Uint8Array): Uint8Array {
  return HASHES[name].fn(msg);
}

export function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  let b = base % mod;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % mod;
    b = (b * b) % mod;
    e >>= 1n;
  }
  return result;
}

const byteLen = (n: bigint) => Math.ceil(n.toString(2).length / 8);

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i] ^ b[i];
  return d === 0;
}

function concat(...parts: (Uint8Array | number[])[]): Uint8Array {
  const len = parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(len);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function pkcs1Encoded(key: RsaPublicKey, hash: HashName, digest: Uint8Array): Uint8Array | undefined {
  const k = byteLen(key.n);
  const t = concat(HASHES[hash].prefix, digest);
  if (k < t.length + 11) return undefined;
  const ps = new Uint8Array(k - t.length - 3).fill(0xff);
  return concat([0x00, 0x01], ps, [0x00], t);
}

/** RSASSA-PKCS1-v1_5 verification of a precomputed digest. */
export function verifyPkcs1v15(key: RsaPublicKey, hash: HashName, digest: Uint8Array, sig: Uint8Array): boolean {
  const k = byteLen(key.n);
  if (sig.length !== k) return false;
  const s = bytesToBigInt(sig);
  if (s >= key.n) return false;
  const em = bigIntToBytes(modPow(s, key.e, key.n), k);
  const want = pkcs1Encoded(key, hash, digest);
  return want !== undefined && equalBytes(em, want);
}

export function signPkcs1v15(key: RsaPrivateKey, hash: HashName, digest: Uint8Array): Uint8Array {
  const em = pkcs1Encoded(key, hash, digest);
  if (!em) throw builtinError('crypto/rsa: message too long for RSA key size');
  const k = byteLen(key.n);
  return bigIntToBytes(modPow(bytesToBigInt(em), key.d, key.n), k);
}

function mgf1(hash: HashName, seed: Uint8Array, len: number): Uint8Array {
  const out = new Uint8Array(len);
  let done = 0;
  for (let counter = 0; done < len; counter++) {
    const c = new Uint8Array([counter >>> 24, (counter >>> 16) & 0xff, (counter >>> 8) & 0xff, counter & 0xff]);
    const h = hashOf(hash, concat(seed, c));
    out.set(h.subarray(0, Math.min(h.length, len - done)), done);
    done += h.length;
  }
  return out;
}

/** RSASSA-PSS verification with automatic salt length detection. */
export function verifyPss(key: RsaPublicKey, hash: HashName, digest: Uint8Array, sig: Uint8Array): boolean {
  const k = byteLen(key.n);
  if (sig.length !== k) return false;
  const s = bytesToBigInt(sig);
  if (s >= key.n) return false;
  const emBits = key.n.toString(2).length - 1;
  const emLen = Math.ceil(emBits / 8);
  const m = modPow(s, key.e, key.n);
  const em = bigIntToBytes(m, emLen);
  const hLen = HASHES[hash].size;
  if (emLen < hLen + 2 || em[emLen - 1] !== 0xbc) return false;
  const maskedDB = em.subarray(0, emLen - hLen - 1);
  const h = em.subarray(emLen - hLen - 1, emLen - 1);
  const topBits = 8 * emLen - emBits;
  if (topBits > 0 && maskedDB[0] & (0xff << (8 - topBits))) return false;
  const db = mgf1(hash, h, maskedDB.length);
  for (let i = 0; i < db.length; i++) db[i] ^= maskedDB[i];
  if (topBits > 0) db[0] &= 0xff >> topBits;
  let i = 0;
  while (i < db.length && db[i] === 0) i++;
  if (i >= db.length || db[i] !== 0x01) return false;
  const salt = db.subarray(i + 1);
  const mPrime = concat(new Uint8Array(8), digest, salt);
  return equalBytes(hashOf(hash, mPrime), h);
}

export function signPss(key: RsaPrivateKey, hash: HashName, digest: Uint8Array): Uint8Array {
  const hLen = HASHES[hash].size;
  const emBits = key.n.toString(2).length - 1;
  const emLen = Math.ceil(emBits / 8);
  const salt = randomBytes(hLen);
  const h = hashOf(hash, concat(new Uint8Array(8), digest, salt));
  const ps = new Uint8Array(emLen - salt.length - hLen - 2);
  const db = concat(ps, [0x01], salt);
  const mask = mgf1(hash, h, db.length);
  for (let i = 0; i < db.length; i++) db[i] ^= mask[i];
  const topBits = 8 * emLen - emBits;
  if (topBits > 0) db[0] &= 0xff >> topBits;
  const em = concat(db, h, [0xbc]);
  return bigIntToBytes(modPow(bytesToBigInt(em), key.d, key.n), byteLen(key.n));
}
