/**
 * Certificate signature checks and Go-style chain building for
 * `crypto.x509.parse_and_verify_certificates`: the first certificate is the only root, the
 * middle ones are intermediates, the last is the leaf; validity periods, CA flags and the
 * default server-auth extended key usage are enforced.
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToBigInt } from '../crypto/crypto-der.js';
import { hashOf, verifyPkcs1v15, verifyPss, type HashName } from '../crypto/crypto-rsa.js';
import type { CertPublicKey, ParsedCertificate } from './x509-cert.js';


function sigHash(alg: number): HashName | 'sha1' | undefined {
  switch (alg) {
    case 3:
    case 9:
      return 'sha1';
    case 4:
    case 10:
    case 13:
      return 'sha256';
    case 5:
    case 11:
    case 14:
      return 'sha384';
    case 6:
    case 12:
    case 15:
      return 'sha512';
  }
  return undefined;
}

/** Checks `child`'s signature with `parent`'s public key. */
export function checkSignature(child: ParsedCertificate, key: CertPublicKey | undefined): boolean {
  if (!key) return false;
  const alg = child.sigAlg;
  if (alg === 16) return key.kind === 'ed25519' && safe(() => ed25519.verify(child.signature, child.tbs, key.pub));
  const hash = sigHash(alg);
  if (!hash) return false;
  const digest = hash === 'sha1' ? sha1(child.tbs) : hashOf(hash, child.tbs);
  if (alg >= 3 && alg <= 6) return key.kind === 'rsa' && hash !== 'sha1' ? verifyPkcs1v15(key, hash, digest, child.signature) : key.kind === 'rsa' && verifySha1Pkcs1(key, digest, child.signature);
  if (alg >= 13 && alg <= 15) return key.kind === 'rsa' && hash !== 'sha1' && verifyPss(key, hash, digest, child.signature);
  if (key.kind !== 'ec') return false;
  const curve = key.curve === 'P-256' ? p256 : key.curve === 'P-384' ? p384 : p521;
  const size = key.curve === 'P-256' ? 32 : key.curve === 'P-384' ? 48 : 66;
  const pub = new Uint8Array(1 + 2 * size);
  pub[0] = 4;
  pub.set(toBytes(key.x, size), 1);
  pub.set(toBytes(key.y, size), 1 + size);
  return safe(() => curve.verify(child.signature, digest, pub, { prehash: false, lowS: false, format: 'der' }));
}

function safe(f: () => boolean): boolean {
  try {
    return f();
  } catch {
    return false;
  }
}

function toBytes(n: bigint, len: number): Uint8Array {
  const out = new Uint8Array(len);
  for (let i = len - 1; i >= 0; i--) {
    out[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return out;
}

const SHA1_PREFIX = [0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14];

function verifySha1Pkcs1(key: { n: bigint; e: bigint }, digest: Uint8Array, sig: Uint8Array): boolean {
  const k = Math.ceil(key.n.toString(2).length / 8);
  if (sig.length !== k) return false;
  let m = 1n;
  let b = bytesToBigInt(sig) % key.n;
  let e = key.e;
  while (e > 0n) {
    if (e & 1n) m = (m * b) % key.n;
    b = (b * b) % key.n;
    e >>= 1n;
  }
  const em = toBytes(m, k);
  const t = [...SHA1_PREFIX, ...digest];
  if (em[0] !== 0 || em[1] !== 1) return false;
  const psEnd = k - t.length - 1;
  for (let j = 2; j < psEnd; j++) if (em[j] !== 0xff) return false;
  if (em[psEnd] !== 0) return false;
  return t.every((x, j) => em[psEnd + 1 + j] === x);
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, j) => x === b[j]);

/**
 * Go's `leaf.Verify` with the first certificate as the only root and the middle ones as
 * intermediates: returns the chain leaf→root, or undefined when no valid chain exists.
 */
export function verifyChain(certs: ParsedCertificate[], nowMs: number): ParsedCertificate[] | undefined {
  if (certs.length < 2) return undefined;
  const root = certs[0];
  const intermediates = certs.slice(1, -1);
  const leaf = certs[certs.length - 1];
  const timeOk = (c: ParsedCertificate) => nowMs >= c.notBefore && nowMs <= c.notAfter;
  const ekuOk = (c: ParsedCertificate) => c.extKeyUsage.length === 0 || c.extKeyUsage.includes(0) || c.extKeyUsage.includes(1);
  const search = (cur: ParsedCertificate, chain: ParsedCertificate[]): ParsedCertificate[] | undefined => {
    if (!timeOk(cur) || !ekuOk(cur)) return undefined;
    for (const cand of [root, ...intermediates]) {
      if (chain.includes(cand) || !sameBytes(cand.rawSubject, cur.rawIssuer)) continue;
      if (cand !== root && (!cand.basicConstraintsValid || !cand.isCA)) continue;
      if (cand === root && cand.basicConstraintsValid && !cand.isCA) continue;
      if (!checkSignature(cur, cand.publicKey)) continue;
      if (cand === root) return timeOk(root) ? [...chain, cur, root] : undefined;
      const found = search(cand, [...chain, cur]);
      if (found) return found;
    }
    return undefined;
  };
  if (leaf.json.Raw === root.json.Raw) return [leaf];
  return search(leaf, []);
}
