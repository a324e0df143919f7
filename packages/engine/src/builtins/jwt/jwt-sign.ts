/**
 * `io.jwt.encode_sign` and `io.jwt.encode_sign_raw`: JWS compact serialization signed with the
 * first key of a JWK (set). Header and payload bytes are used as given (raw) or as Go's
 * `json.Marshal` writes them (object form); error texts follow OPA with jwx v3.
 */
import { builtinError, type BuiltinDecl } from '../define.js';
import { argString } from '../args.js';
import { T } from '../signature.js';
import { base64Encode, utf8Encode } from '../bytes.js';
import { JWS_ALGORITHMS, JwkError, SignError, jwsSign, parseJwkSet } from '../crypto/crypto-keys.js';
import { goMarshal } from '../encoding/encoding-json.js';
import type { Value } from '../../value/types.js';

const b64url = (b: Uint8Array) => base64Encode(b, 'url', false);

/** jwsbb's header lookup of a string field, with its failure texts. */
function headerString(header: string, name: string): string | { error: string } {
  if (header.trim() === '') return { error: 'cannot parse JSON: cannot parse empty string' };
  let doc: unknown;
  try {
    doc = JSON.parse(header);
  } catch (e) {
    if (header.trimStart().startsWith('{')) return { error: `cannot parse JSON: ${(e as Error).message}` };
    return { error: `jwsbb: header "${name}" not found` };
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return { error: `jwsbb: header "${name}" not found` };
  const v = (doc as Record<string, unknown>)[name];
  if (v === undefined) return { error: `jwsbb: header "${name}" not found` };
  if (typeof v !== 'string') return { error: `jwsbb: header "${name}" is not a string` };
  return v;
}

function isValidJSON(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function encodeSign(header: string, payload: string, jwk: string): string {
  let keys;
  try {
    keys = parseJwkSet(jwk);
  } catch (e) {
    throw builtinError(e instanceof JwkError ? e.message : String(e));
  }
  if (keys.length === 0) throw builtinError('no keys found in JWK set');
  const alg = headerString(header, 'alg');
  if (typeof alg !== 'string') throw builtinError(`missing or invalid 'alg' header: ${alg.error}`);
  if (!JWS_ALGORITHMS.has(alg)) throw builtinError(`unknown JWS algorithm: ${alg}`);
  const typ = headerString(header, 'typ');
  if ((typeof typ !== 'string' || typ === 'JWT') && !isValidJSON(payload)) throw builtinError('type is JWT but payload is not JSON');
  const input = b64url(utf8Encode(header)) + '.' + b64url(utf8Encode(payload));
  try {
    return input + '.' + b64url(jwsSign(keys[0].key, alg, utf8Encode(input)));
  } catch (e) {
    if (e instanceof SignError) throw builtinError(e.message);
    throw e;
  }
}

const obj = T.object(T.string, T.any);

export const jwtSignBuiltins: BuiltinDecl[] = [
  {
    name: 'io.jwt.encode_sign',
    params: [
      { name: 'headers', type: obj, description: 'JWS protected header' },
      { name: 'payload', type: obj, description: 'JWS payload' },
      { name: 'key', type: obj, description: 'JSON Web Key (RFC 7517)' },
    ],
    result: T.string,
    category: 'tokens',
    description: 'Encodes and signs a JWT from header, payload and key objects.',
    nondeterministic: true,
    impl: (args: Value[]) => encodeSign(goMarshal(args[0]), goMarshal(args[1]), goMarshal(args[2])),
  },
  {
    name: 'io.jwt.encode_sign_raw',
    params: [
      { name: 'headers', type: T.string, description: 'JWS protected header' },
      { name: 'payload', type: T.string, description: 'JWS payload' },
      { name: 'key', type: T.string, description: 'JSON Web Key (RFC 7517)' },
    ],
    result: T.string,
    category: 'tokens',
    description: 'Encodes and signs a JWT from header, payload and key given as JSON text.',
    nondeterministic: true,
    impl: (args: Value[]) => {
      const key = argString(args, 2);
      const header = argString(args, 0);
      const payload = argString(args, 1);
      return encodeSign(header, payload, key);
    },
  },
];
