/**
 * Go-JSON shapes of keys (rsa.PrivateKey, ecdsa.PrivateKey, JWK export) and OPA's input
 * convention for the x509 builtins: PEM text as is, anything else base64 (std alphabet).
 */
import { base64Decode, Base64Error, base64Encode } from '../bytes.js';
import { bigIntToBytes } from '../crypto/crypto-der.js';
import type { PrivateKey } from '../crypto/crypto-keys.js';
import { normNumber } from '../../value/number.js';
import type { Value } from '../../value/types.js';

export class InputError {
  constructor(readonly message: string) {}
}

/** PEM text is used as is; other input must be base64 (its decoded bytes as text). */
export function decodeInput(text: string, pemPrefix = '-----BEGIN'): string {
  if (text.startsWith(pemPrefix)) return text;
  const b = base64Decode(text);
  if (b instanceof Base64Error) throw new InputError(b.message);
  return latin1(b);
}

/** Bytes as a string with one char per byte, so DER survives the string round trip. */
export function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return s;
}

export function latin1Bytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}


const num = (n: bigint): Value => normNumber(n);

function modInverse(a: bigint, m: bigint): bigint {
  let [r0, r1] = [((a % m) + m) % m, m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return ((s0 % m) + m) % m;
}

function rsaCrt(k: PrivateKey & { kind: 'rsa' }): { dp: bigint; dq: bigint; qi: bigint } | undefined {
  if (k.primes.length < 2) return undefined;
  const [p, q] = k.primes;
  return { dp: k.dp ?? k.d % (p - 1n), dq: k.dq ?? k.d % (q - 1n), qi: k.qi ?? modInverse(q, p) };
}

/** Go's json.Marshal of the crypto.PrivateKey values x509 returns. */
export function privateKeyJson(k: PrivateKey): Value {
  if (k.kind === 'rsa') {
    const crt = rsaCrt(k);
    return {
      N: num(k.n),
      E: num(k.e),
      D: num(k.d),
      Primes: k.primes.map(num),
      Precomputed: crt ? { Dp: num(crt.dp), Dq: num(crt.dq), Qinv: num(crt.qi), CRTValues: [] } : { Dp: null, Dq: null, Qinv: null, CRTValues: null },
    };
  }
  if (k.kind === 'ec') return { Curve: {}, X: num(k.x), Y: num(k.y), D: num(k.d) };
  const full = new Uint8Array(64);
  full.set(k.seed, 0);
  full.set(k.pub, 32);
  return base64Encode(full);
}

const b64u = (n: bigint, len?: number) => base64Encode(bigIntToBytes(n, len), 'url', false);

/** JWK of an RSA private key, as jwx exports it (members sorted by the value layer). */
export function rsaJwk(k: PrivateKey & { kind: 'rsa' }): Value {
  const crt = rsaCrt(k);
  const out: Record<string, Value> = { kty: 'RSA', n: b64u(k.n), e: b64u(k.e), d: b64u(k.d) };
  if (crt) {
    out.p = b64u(k.primes[0]);
    out.q = b64u(k.primes[1]);
    out.dp = b64u(crt.dp);
    out.dq = b64u(crt.dq);
    out.qi = b64u(crt.qi);
  }
  return out;
}

/** True when the private key belongs to the public key of a certificate. */
export function keyMatches(priv: PrivateKey, pub: { kind: string; n?: bigint; e?: bigint; x?: bigint; y?: bigint; pub?: Uint8Array }): boolean {
  if (priv.kind === 'rsa') return pub.kind === 'rsa' && pub.n === priv.n && pub.e === priv.e;
  if (priv.kind === 'ec') return pub.kind === 'ec' && pub.x === priv.x && pub.y === priv.y;
  return pub.kind === 'ed25519' && !!pub.pub && pub.pub.every((b, i) => b === priv.pub[i]);
}

