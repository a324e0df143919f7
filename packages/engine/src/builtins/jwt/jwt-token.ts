/**
 * JWT plumbing shared by the `io.jwt.*` builtins: compact-serialization splitting, OPA's
 * base64url decoding (missing padding restored), header checks and verification-key loading
 * from a PEM certificate / public key or a JWK (set), each with OPA's error texts.
 */
import { builtinError } from '../define.js';
import { argString } from '../args.js';
import { base64Decode, Base64Error, utf8Decode, utf8Encode } from '../bytes.js';
import { DerError, pemDecode } from '../crypto/crypto-der.js';
import { JWS_ALGORITHMS, JwkError, parseJwkSet, parsePkixPublicKey, type AnyKey } from '../crypto/crypto-keys.js';
import { certificatePublicKey } from '../x509/x509-cert.js';
import { parseJSONExact } from '../../value/json.js';
import { isObject, objectEntries, objectGet, type ObjectValue, type Value } from '../../value/types.js';

export interface Token {
  header: string;
  payload: string;
  signature: string;
}

/** Splits a compact JWT (operand 1 of every io.jwt builtin). */
export function splitToken(args: Value[], i = 0): Token {
  const text = argString(args, i);
  return splitText(text);
}

export function splitText(text: string): Token {
  if (!text.includes('.')) throw builtinError('encoded JWT had no period separators');
  const parts = text.split('.');
  if (parts.length !== 3) throw builtinError(`encoded JWT must have 3 sections, found ${parts.length}`);
  return { header: parts[0], payload: parts[1], signature: parts[2] };
}

/** OPA's base64url.decode: pads unpadded input, then decodes; returns bytes or an error text. */
export function base64urlBytes(s: string): Uint8Array | string {
  let t = s;
  if (!t.endsWith('=')) {
    switch (t.length % 4) {
      case 0:
        break;
      case 2:
        t += '==';
        break;
      case 3:
        t += '=';
        break;
      default:
        return `illegal base64url string: ${s}`;
    }
  }
  const out = base64Decode(t, 'url');
  return out instanceof Base64Error ? out.message : out;
}

export function decodePart(s: string, what: 'header' | 'payload' | 'signature' | ''): Uint8Array {
  const r = base64urlBytes(s);
  if (typeof r === 'string') throw builtinError(what ? `JWT ${what} had invalid encoding: ${r}` : r);
  return r;
}

/** A JSON object from text, as OPA's extractJSONObject (last duplicate key wins). */
export function jsonObject(text: string): ObjectValue {
  let v: Value;
  try {
    v = parseJSONExact(text);
  } catch (e) {
    throw builtinError(`invalid JSON: ${(e as Error).message}`);
  }
  if (!isObject(v)) throw builtinError('decoded JSON type is not an Object');
  return v;
}

export function decodeHeader(t: Token): ObjectValue {
  const text = utf8Decode(decodePart(t.header, 'header'));
  let header: ObjectValue;
  try {
    header = jsonObject(text);
  } catch (e) {
    throw builtinError(`bad JWT header: ${(e as Error).message}`);
  }
  if (objectGet(header, 'enc') !== undefined) throw builtinError('JWT is a JWE object, which is not supported');
  return header;
}

export interface ParsedHeader {
  alg: string;
  kid: string;
  typ: string;
  cty: string;
  crit: Set<string> | undefined;
  unknown: string[];
}

/** OPA's parseTokenHeader: known fields type-checked, unknown names collected. */
export function parseHeader(h: ObjectValue): ParsedHeader {
  const out: ParsedHeader = { alg: '', kid: '', typ: '', cty: '', crit: undefined, unknown: [] };
  for (const [k, v] of objectEntries(h)) {
    const name = k as string;
    if (name === 'alg' || name === 'kid' || name === 'typ' || name === 'cty') {
      if (typeof v !== 'string') throw builtinError(`${name}: must be a string`);
      out[name] = v;
    } else if (name === 'crit') {
      if (!Array.isArray(v)) throw builtinError('crit: must be a list');
      out.crit = new Set(v.filter((x): x is string => typeof x === 'string'));
      if (out.crit.size === 0) throw builtinError('crit: must be a nonempty list');
    } else {
      out.unknown.push(name);
    }
  }
  return out;
}

export function headerValid(h: ParsedHeader): boolean {
  if (h.alg === '') return false;
  return !h.unknown.some((u) => h.crit?.has(u));
}

export interface VerificationKey {
  key: AnyKey;
  alg: string;
  kid: string;
}

/** OPA's getKeysFromCertOrJWK. */
export function keysFromCertOrJwk(text: string): VerificationKey[] {
  const { block, rest } = pemDecode(text);
  if (block) {
    if (rest.length > 0) throw builtinError('extra data after a PEM certificate block');
    if (block.type === 'CERTIFICATE') {
      try {
        return [{ key: certificatePublicKey(block.bytes), alg: '', kid: '' }];
      } catch (e) {
        throw builtinError(`failed to parse a PEM certificate: ${errText(e)}`);
      }
    }
    if (block.type === 'PUBLIC KEY') {
      try {
        return [{ key: parsePkixPublicKey(block.bytes), alg: '', kid: '' }];
      } catch (e) {
        throw builtinError(`failed to parse a PEM public key: ${errText(e)}`);
      }
    }
    throw builtinError('failed to extract a Key from the PEM certificate');
  }
  let entries;
  try {
    entries = parseJwkSet(text);
  } catch (e) {
    throw builtinError(`failed to parse a JWK key (set): ${errText(e)}`);
  }
  return entries.filter((e) => e.alg === '' || JWS_ALGORITHMS.has(e.alg));
}

export function errText(e: unknown): string {
  if (e instanceof DerError || e instanceof JwkError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

export const signingInput = (t: Token): Uint8Array => utf8Encode(t.header + '.' + t.payload);
