/**
 * `crypto.*` hashing and HMAC builtins and `crypto.parse_private_keys`; the certificate builtins
 * are in x509.ts. Digests are over the UTF-8 bytes of the string and returned as lowercase hex.
 */
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { hmac } from '@noble/hashes/hmac.js';
import { builtinError, type BuiltinDecl } from '../define.js';
import { argString } from '../args.js';
import { T } from '../signature.js';
import { hexEncode, utf8Encode } from '../bytes.js';
import { DerError, pemDecode } from './crypto-der.js';
import { parseEcPrivateKey, parsePkcs1PrivateKey, parsePkcs8PrivateKey, type PrivateKey } from './crypto-keys.js';
import { decodeInput, privateKeyJson } from '../x509/x509-json.js';
import type { Value } from '../../value/types.js';

type HashFn = Parameters<typeof hmac>[0] & ((m: Uint8Array) => Uint8Array);

function digest(name: string, fn: HashFn): BuiltinDecl {
  return {
    name,
    params: [{ name: 'x', type: T.string, description: 'input string' }],
    result: T.string,
    category: 'crypto',
    description: `Returns the hex-encoded ${name.slice('crypto.'.length).toUpperCase()} digest of the input string.`,
    impl: (args) => hexEncode(fn(utf8Encode(argString(args, 0)))),
  };
}

function hmacDecl(name: string, fn: HashFn): BuiltinDecl {
  return {
    name,
    params: [
      { name: 'x', type: T.string, description: 'input string' },
      { name: 'key', type: T.string, description: 'key to use' },
    ],
    result: T.string,
    category: 'crypto',
    description: `Returns the hex-encoded HMAC-${name.slice('crypto.hmac.'.length).toUpperCase()} of the input string under the key.`,
    impl: (args) => {
      const x = argString(args, 0);
      const key = argString(args, 1);
      return hexEncode(hmac(fn, utf8Encode(key), utf8Encode(x)));
    },
  };
}

/** Go's crypto.parse_private_keys: every RSA / PKCS #8 / EC private key PEM block of the input. */
function parsePrivateKeys(text: string): Value {
  if (text === '') return null;
  let data: string;
  try {
    data = decodeInput(text);
  } catch {
    return [];
  }
  const keys: PrivateKey[] = [];
  for (let rest = data; rest.length > 0; ) {
    const { block, rest: next } = pemDecode(rest);
    if (!block) break;
    rest = next;
    try {
      if (block.type === 'RSA PRIVATE KEY') keys.push(parsePkcs1PrivateKey(block.bytes));
      else if (block.type === 'PRIVATE KEY') keys.push(parsePkcs8PrivateKey(block.bytes));
      else if (block.type === 'EC PRIVATE KEY') keys.push(parseEcPrivateKey(block.bytes));
    } catch (e) {
      throw builtinError(e instanceof DerError ? e.message : String(e));
    }
  }
  return keys.map(privateKeyJson);
}

export const cryptoBuiltins: BuiltinDecl[] = [
  digest('crypto.md5', md5),
  digest('crypto.sha1', sha1),
  digest('crypto.sha256', sha256),
  hmacDecl('crypto.hmac.md5', md5),
  hmacDecl('crypto.hmac.sha1', sha1),
  hmacDecl('crypto.hmac.sha256', sha256),
  hmacDecl('crypto.hmac.sha512', sha512),
  {
    name: 'crypto.hmac.equal',
    params: [
      { name: 'mac1', type: T.string, description: 'mac1 to compare' },
      { name: 'mac2', type: T.string, description: 'mac2 to compare' },
    ],
    result: T.boolean,
    category: 'crypto',
    description: 'Compares two MACs in constant time.',
    impl: (args) => {
      const a = utf8Encode(argString(args, 0));
      const b = utf8Encode(argString(args, 1));
      if (a.length !== b.length) return false;
      let d = 0;
      for (let i = 0; i < a.length; i++) d |= a[i] ^ b[i];
      return d === 0;
    },
  },
  {
    name: 'crypto.parse_private_keys',
    params: [{ name: 'keys', type: T.string, description: 'PEM encoded data containing zero or more private keys, or base64 of it' }],
    result: T.array(T.object(T.string, T.any)),
    category: 'crypto',
    description: 'Parses the private keys in PEM data; an empty input gives null.',
    impl: (args) => parsePrivateKeys(argString(args, 0)),
  },
];
