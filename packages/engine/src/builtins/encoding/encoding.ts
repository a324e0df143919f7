/**
 * Encoding builtins: base64, base64url and hex here; JSON, YAML and URL query encodings live in
 * encoding-json.ts, encoding-yaml.ts, encoding-url.ts and encoding-uri.ts and are re-exported through
 * `encodingBuiltins`, the array the catalog imports.
 */
import { builtinError, type BuiltinDecl } from '../define.js';
import { argString } from '../args.js';
import { T } from '../signature.js';
import { Base64Error, base64Decode, base64Encode, hexDecode, hexEncode, utf8Decode, utf8Encode } from '../bytes.js';
import { jsonBuiltins } from './encoding-json.js';
import { yamlBuiltins } from './encoding-yaml.js';
import { urlqueryBuiltins } from './encoding-url.js';
import { uriBuiltins } from './encoding-uri.js';

const str = (name: string, description: string) => ({ name, type: T.string, description });

/** base64url without padding gets the padding RFC 7515 (appendix C) describes, as OPA does. */
function padBase64url(s: string): string {
  if (s.endsWith('=')) return s;
  switch (s.length % 4) {
    case 0:
      return s;
    case 2:
      return s + '==';
    case 3:
      return s + '=';
    default:
      throw builtinError(`illegal base64url string: ${s}`);
  }
}

function decoded(result: Uint8Array | Base64Error): string {
  if (result instanceof Base64Error) throw builtinError(result.message);
  return utf8Decode(result);
}

const base64Builtins: BuiltinDecl[] = [
  {
    name: 'base64.encode',
    params: [str('x', 'string to encode')],
    result: T.string,
    category: 'encoding',
    description: 'Encodes the UTF-8 bytes of a string as padded standard base64.',
    impl: (args) => base64Encode(utf8Encode(argString(args, 0))),
  },
  {
    name: 'base64.decode',
    params: [str('x', 'base64 text to decode')],
    result: T.string,
    category: 'encoding',
    description: 'Decodes padded standard base64 into a string.',
    impl: (args) => decoded(base64Decode(argString(args, 0))),
  },
  {
    name: 'base64.is_valid',
    params: [str('x', 'text to check')],
    result: T.boolean,
    category: 'encoding',
    description: 'Reports whether a string is valid padded standard base64.',
    impl: (args) => !(base64Decode(argString(args, 0)) instanceof Base64Error),
  },
  {
    name: 'base64url.encode',
    params: [str('x', 'string to encode')],
    result: T.string,
    category: 'encoding',
    description: 'Encodes the UTF-8 bytes of a string as padded URL-safe base64.',
    impl: (args) => base64Encode(utf8Encode(argString(args, 0)), 'url'),
  },
  {
    name: 'base64url.encode_no_pad',
    params: [str('x', 'string to encode')],
    result: T.string,
    category: 'encoding',
    description: 'Encodes the UTF-8 bytes of a string as URL-safe base64 without padding.',
    impl: (args) => base64Encode(utf8Encode(argString(args, 0)), 'url', false),
  },
  {
    name: 'base64url.decode',
    params: [str('x', 'URL-safe base64 text, padded or not')],
    result: T.string,
    category: 'encoding',
    description: 'Decodes URL-safe base64, with or without padding, into a string.',
    impl: (args) => decoded(base64Decode(padBase64url(argString(args, 0)), 'url')),
  },
  {
    name: 'hex.encode',
    params: [str('x', 'string to encode')],
    result: T.string,
    category: 'encoding',
    description: 'Encodes the UTF-8 bytes of a string as lower-case hexadecimal.',
    impl: (args) => hexEncode(utf8Encode(argString(args, 0))),
  },
  {
    name: 'hex.decode',
    params: [str('x', 'hexadecimal text')],
    result: T.string,
    category: 'encoding',
    description: 'Decodes hexadecimal text into a string.',
    impl: (args) => {
      const r = hexDecode(argString(args, 0));
      if (!(r instanceof Uint8Array)) throw builtinError(r.error);
      return utf8Decode(r);
    },
  },
];

export const encodingBuiltins: BuiltinDecl[] = [...base64Builtins, ...jsonBuiltins, ...yamlBuiltins, ...urlqueryBuiltins, ...uriBuiltins];
