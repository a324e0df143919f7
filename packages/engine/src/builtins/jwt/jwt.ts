/**
 * `io.jwt.*` builtins: decoding, signature verification per algorithm, full decode-and-verify
 * with constraints, and signing (see jwt-sign.ts). Behaviour and error texts follow OPA's
 * topdown/tokens.go.
 */
import { builtinError, type BuiltinDecl } from '../define.js';
import { argObject, argString } from '../args.js';
import { T } from '../signature.js';
import { hexEncode, utf8Decode } from '../bytes.js';
import { hashOf, hmacOf, isPrivate, jwsVerify, verifyEcdsaHalves, type AnyKey } from '../crypto/crypto-keys.js';
import { verifyPkcs1v15, verifyPss, type HashName } from '../crypto/crypto-rsa.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import {
  decodeHeader,
  decodePart,
  headerValid,
  jsonObject,
  keysFromCertOrJwk,
  parseHeader,
  signingInput,
  splitText,
  splitToken,
  type VerificationKey,
} from './jwt-token.js';
import { jwtSignBuiltins } from './jwt-sign.js';
import { toDouble } from '../../value/number.js';
import { compareNumbers, objectEntries, objectGet, type ObjectValue, type Value } from '../../value/types.js';

function decodeToken(text: string): Value {
  const t = splitText(text);
  const header = decodeHeader(t);
  const payloadText = utf8Decode(decodePart(t.payload, 'payload'));
  const cty = objectGet(header, 'cty');
  if (typeof cty === 'string' && cty === 'JWT') {
    return decodeToken(payloadText.replace(/^["']+|["']+$/g, ''));
  }
  const payload = jsonObject(payloadText);
  const sig = decodePart(t.signature, 'signature');
  return [header, payload, hexEncode(sig)];
}

type Verifier = (key: AnyKey, input: Uint8Array, sig: Uint8Array) => boolean;

/** OPA's builtinJWTVerify: kid match first, then any key whose alg is unset or equal. */
function verifyWith(args: Value[], verify: Verifier): boolean {
  const t = splitToken(args, 0);
  const keys = keysFromCertOrJwk(argString(args, 1));
  const sig = decodePart(t.signature, '');
  const header = parseHeader(decodeHeader(t));
  const input = signingInput(t);
  if (header.kid !== '') {
    const k = keys.find((x) => x.kid === header.kid);
    if (k) return verify(k.key, input, sig);
  }
  for (const k of keys) {
    if (k.alg !== '' && k.alg !== header.alg) continue;
    if (verify(k.key, input, sig)) return true;
  }
  return false;
}

const rsaVerifier =
  (hash: HashName, pss: boolean): Verifier =>
  (key, input, sig) => {
    if (key.kind !== 'rsa' || isPrivate(key)) return false;
    const digest = hashOf(hash, input);
    return pss ? verifyPss(key, hash, digest, sig) : verifyPkcs1v15(key, hash, digest, sig);
  };

const esVerifier =
  (hash: HashName): Verifier =>
  (key, input, sig) =>
    key.kind !== 'oct' && verifyEcdsaHalves(key, hashOf(hash, input), sig);

const edVerifier: Verifier = (key, input, sig) => {
  if (key.kind !== 'ed25519' || isPrivate(key)) return false;
  try {
    return ed25519.verify(sig, input, key.pub);
  } catch {
    return false;
  }
};

function verifyHs(args: Value[], alg: string): boolean {
  const jwt = argString(args, 0);
  const secret = argString(args, 1);
  const t = splitText(jwt);
  const mac = hmacOf(alg, new TextEncoder().encode(secret), signingInput(t));
  const sig = decodePart(t.signature, '');
  return sig.length === mac.length && sig.every((b, i) => b === mac[i]);
}

// ---- decode_verify -------------------------------------------------------------------------

interface Constraints {
  keys?: VerificationKey[];
  secret: string;
  alg: string;
  iss: string;
  aud: string;
  time: number;
}

function timeFrom(v: Value): number {
  if (typeof v !== 'number' && typeof v !== 'bigint') throw builtinError('token time constraint: must be a number');
  const f = toDouble(v);
  if (f < 0) throw builtinError('token time constraint: must not be negative');
  return f;
}

function parseConstraints(o: ObjectValue, nowNs: bigint): Constraints {
  const c: Constraints = { secret: '', alg: '', iss: '', aud: '', time: -1 };
  for (const [k, v] of objectEntries(o)) {
    const name = k as string;
    switch (name) {
      case 'cert':
        if (typeof v !== 'string') throw builtinError('cert constraint: must be a string');
        c.keys = keysFromCertOrJwk(v);
        break;
      case 'secret':
      case 'alg':
      case 'iss':
      case 'aud':
        if (typeof v !== 'string') throw builtinError(`${name} constraint: must be a string`);
        c[name] = v;
        break;
      case 'time':
        c.time = timeFrom(v);
        break;
      default:
        throw builtinError(`unknown token validation constraint: ${typeof k === 'string' ? k : String(k)}`);
    }
  }
  if (c.time === -1) c.time = Number(nowNs);
  const keys = (c.keys ? 1 : 0) + (c.secret !== '' ? 1 : 0);
  if (keys > 1) throw builtinError('duplicate key constraints');
  if (keys < 1) throw builtinError('no key constraint');
  return c;
}

function constraintsVerify(c: Constraints, kid: string, alg: string, input: Uint8Array, sig: Uint8Array): boolean {
  if (c.keys) {
    if (kid !== '') {
      const k = c.keys.find((x) => x.kid === kid);
      if (k) return jwsVerify(k.key, alg, input, sig);
    }
    return c.keys.some((k) => (k.alg === '' || k.alg === alg) && jwsVerify(k.key, alg, input, sig));
  }
  return jwsVerify(new TextEncoder().encode(c.secret), alg, input, sig);
}

function validAudience(c: Constraints, aud: Value): boolean {
  if (typeof aud === 'string') return aud === c.aud;
  if (!Array.isArray(aud)) return false;
  return aud.some((e) => typeof e === 'string' && e === c.aud);
}

/** Compares the constraint time in seconds with a claim the way OPA does (exact numbers). */
function compareSeconds(timeNs: number, claim: number | bigint): number {
  return compareNumbers(timeNs / 1e9, claim);
}

function decodeVerify(args: Value[], nowNs: bigint): Value {
  const unverified: Value = [false, Object.create(null), Object.create(null)];
  const c = parseConstraints(argObject(args, 1), nowNs);
  let text = argString(args, 0);
  let header: ObjectValue;
  let payloadText: string;
  for (;;) {
    const t = splitText(text);
    header = decodeHeader(t);
    const h = parseHeader(header);
    if (!headerValid(h)) return unverified;
    if (c.alg !== '' && c.alg !== h.alg) return unverified;
    const sig = decodePart(t.signature, '');
    if (!constraintsVerify(c, h.kid, h.alg, signingInput(t), sig)) return unverified;
    payloadText = utf8Decode(decodePart(t.payload, 'payload'));
    if (h.cty.toUpperCase() === 'JWT') {
      text = payloadText;
      continue;
    }
    break;
  }
  const payload = jsonObject(payloadText);
  if (c.iss !== '') {
    const iss = objectGet(payload, 'iss');
    if (iss === undefined || iss !== c.iss) return unverified;
  }
  const aud = objectGet(payload, 'aud');
  if (aud !== undefined) {
    if (!validAudience(c, aud)) return unverified;
  } else if (c.aud !== '') {
    return unverified;
  }
  const exp = objectGet(payload, 'exp');
  if (exp !== undefined) {
    if (typeof exp !== 'number' && typeof exp !== 'bigint') throw builtinError('exp value must be a number');
    if (compareSeconds(c.time, exp) !== -1) return unverified;
  }
  const nbf = objectGet(payload, 'nbf');
  if (nbf !== undefined) {
    if (typeof nbf !== 'number' && typeof nbf !== 'bigint') throw builtinError('nbf value must be a number');
    if (compareSeconds(c.time, nbf) === -1) return unverified;
  }
  return [true, header, payload];
}

// ---- declarations --------------------------------------------------------------------------

const jwtParam = { name: 'jwt', type: T.string, description: 'JWT token whose signature is to be verified' };
const certParam = { name: 'certificate', type: T.string, description: 'PEM encoded certificate, PEM encoded public key, or the JWK key (set) used to verify the signature' };

function asymmetric(name: string, alg: string, verify: Verifier): BuiltinDecl {
  return {
    name,
    params: [jwtParam, certParam],
    result: T.boolean,
    category: 'tokens',
    description: `Verifies the signature of a ${alg} JWT with a certificate, public key or JWK (set).`,
    impl: (args) => verifyWith(args, verify),
  };
}

function symmetric(name: string, alg: string): BuiltinDecl {
  return {
    name,
    params: [jwtParam, { name: 'secret', type: T.string, description: 'plain text secret used to verify the signature' }],
    result: T.boolean,
    category: 'tokens',
    description: `Verifies the HMAC signature of a ${alg} JWT with a plain text secret.`,
    impl: (args) => verifyHs(args, alg),
  };
}

export const jwtBuiltins: BuiltinDecl[] = [
  {
    name: 'io.jwt.decode',
    params: [{ name: 'jwt', type: T.string, description: 'JWT token to decode' }],
    result: T.array(T.any),
    category: 'tokens',
    description: 'Decodes a JWT without verifying it into [header, payload, signature as hex].',
    impl: (args) => decodeToken(argString(args, 0)),
  },
  {
    name: 'io.jwt.decode_verify',
    params: [
      { name: 'jwt', type: T.string, description: 'JWT token whose signature is to be verified and whose claims are to be checked' },
      { name: 'constraints', type: T.object(T.string, T.any), description: 'token constraints (cert or secret, alg, iss, aud, time)' },
    ],
    result: T.array(T.any),
    category: 'tokens',
    description: 'Verifies a JWT signature and its claims against constraints; answers [valid, header, payload].',
    impl: (args, ctx) => decodeVerify(args, ctx.nowNs),
  },
  symmetric('io.jwt.verify_hs256', 'HS256'),
  symmetric('io.jwt.verify_hs384', 'HS384'),
  symmetric('io.jwt.verify_hs512', 'HS512'),
  asymmetric('io.jwt.verify_rs256', 'RS256', rsaVerifier('sha256', false)),
  asymmetric('io.jwt.verify_rs384', 'RS384', rsaVerifier('sha384', false)),
  asymmetric('io.jwt.verify_rs512', 'RS512', rsaVerifier('sha512', false)),
  asymmetric('io.jwt.verify_ps256', 'PS256', rsaVerifier('sha256', true)),
  asymmetric('io.jwt.verify_ps384', 'PS384', rsaVerifier('sha384', true)),
  asymmetric('io.jwt.verify_ps512', 'PS512', rsaVerifier('sha512', true)),
  asymmetric('io.jwt.verify_es256', 'ES256', esVerifier('sha256')),
  asymmetric('io.jwt.verify_es384', 'ES384', esVerifier('sha384')),
  asymmetric('io.jwt.verify_es512', 'ES512', esVerifier('sha512')),
  asymmetric('io.jwt.verify_eddsa', 'EdDSA', edVerifier),
  ...jwtSignBuiltins,
];
