/**
 * `crypto.x509.*` builtins: certificates, certificate requests, key pairs and RSA private keys,
 * returned in the JSON shapes of Go's crypto/x509 and crypto/tls types (as OPA does).
 */
import { builtinError, type BuiltinDecl } from '../define.js';
import { argObject, argString } from '../args.js';
import { T } from '../signature.js';
import { base64Encode } from '../bytes.js';
import { DerError, pemDecode } from '../crypto/crypto-der.js';
import { parseEcPrivateKey, parsePkcs1PrivateKey, parsePkcs8PrivateKey, type PrivateKey } from '../crypto/crypto-keys.js';
import { parseCertificates, type ParsedCertificate } from './x509-cert.js';
import { parseCertificateRequest } from './x509-csr.js';
import { verifyChain } from './x509-verify.js';
import { InputError, decodeInput, keyMatches, latin1Bytes, privateKeyJson, rsaJwk } from './x509-json.js';
import { objectEntries, type PlainObject, type Value } from '../../value/types.js';

function fail(e: unknown): never {
  if (e instanceof DerError || e instanceof InputError) throw builtinError(e.message);
  throw e;
}

/** OPA's getX509CertsFromString + getX509CertsFromPem. */
function certsFromString(text: string): ParsedCertificate[] {
  try {
    let data = decodeInput(text);
    const der: number[] = [];
    let found = false;
    while (data.length > 0) {
      const { block, rest } = pemDecode(data);
      if (!block) break;
      if (block.type !== 'CERTIFICATE') throw new InputError(`PEM block type is '${block.type}', expected CERTIFICATE`);
      found = true;
      data = rest;
      der.push(...block.bytes);
    }
    return parseCertificates(found ? new Uint8Array(der) : latin1Bytes(data));
  } catch (e) {
    fail(e);
  }
}

function certsJson(certs: ParsedCertificate[]): Value {
  return certs.map((c) => c.json);
}

function parseCsr(text: string): Value {
  try {
    const data = text.startsWith('-----BEGIN CERTIFICATE REQUEST') ? text : decodeInput(text, '\u0000never');
    const { block } = pemDecode(data);
    if (block && block.type !== 'CERTIFICATE REQUEST') throw new InputError('invalid PEM-encoded certificate signing request');
    return parseCertificateRequest(block ? block.bytes : latin1Bytes(data));
  } catch (e) {
    fail(e);
  }
}

function privateKeyFromBlock(type: string, bytes: Uint8Array): PrivateKey {
  if (type === 'RSA PRIVATE KEY') return parsePkcs1PrivateKey(bytes);
  if (type === 'PRIVATE KEY') return parsePkcs8PrivateKey(bytes);
  if (type === 'EC PRIVATE KEY') return parseEcPrivateKey(bytes);
  throw new InputError(`PEM block type is '${type}', expected RSA PRIVATE KEY or PRIVATE KEY`);
}

function parseRsaPrivateKey(text: string): Value {
  try {
    const data = decodeInput(text);
    const { block } = pemDecode(data);
    if (!block) throw new InputError('failed to parse PEM block containing the key');
    if (block.type !== 'RSA PRIVATE KEY' && block.type !== 'PRIVATE KEY') {
      throw new InputError(`PEM block type is '${block.type}', expected RSA PRIVATE KEY or PRIVATE KEY`);
    }
    const key = privateKeyFromBlock(block.type, block.bytes);
    if (key.kind !== 'rsa') throw new InputError('private key is not an RSA key');
    return rsaJwk(key);
  } catch (e) {
    fail(e);
  }
}

/** Go's tls.X509KeyPair after OPA's base64/DER-to-PEM normalisation. */
function parseKeyPair(certText: string, keyText: string): Value {
  try {
    const certData = decodeInput(certText);
    const keyData = decodeInput(keyText);
    const certDer: Uint8Array[] = [];
    if (certData.startsWith('-----BEGIN')) {
      let rest = certData;
      for (;;) {
        const r = pemDecode(rest);
        if (!r.block) break;
        rest = r.rest;
        if (r.block.type === 'CERTIFICATE') certDer.push(r.block.bytes);
      }
      if (certDer.length === 0) throw new InputError('tls: failed to find any PEM data in certificate input');
    } else {
      certDer.push(latin1Bytes(certData));
    }
    let key: PrivateKey | undefined;
    if (keyData.startsWith('-----BEGIN')) {
      let rest = keyData;
      for (;;) {
        const r = pemDecode(rest);
        if (!r.block) throw new InputError('tls: failed to find any PEM data in key input');
        rest = r.rest;
        if (r.block.type === 'PRIVATE KEY' || r.block.type.endsWith(' PRIVATE KEY')) {
          key = privateKeyFromBlock(r.block.type, r.block.bytes);
          break;
        }
      }
    } else {
      key = parsePkcs8PrivateKey(latin1Bytes(keyData));
    }
    const leaf = parseCertificates(certDer[0])[0];
    if (!key || !leaf.publicKey || !keyMatches(key, leaf.publicKey)) throw new InputError('tls: private key does not match public key');
    return {
      Certificate: certDer.map((d) => base64Encode(d)),
      PrivateKey: privateKeyJson(key),
      SupportedSignatureAlgorithms: null,
      OCSPStaple: null,
      SignedCertificateTimestamps: null,
      Leaf: leaf.json,
    };
  } catch (e) {
    fail(e);
  }
}

function parseAndVerify(text: string, nowNs: bigint, options?: Value): Value {
  const invalid: Value = [false, []];
  let certs: ParsedCertificate[];
  try {
    certs = certsFromString(text);
  } catch {
    return invalid;
  }
  let now = Number(nowNs / 1_000_000n);
  if (options && typeof options === 'object' && !Array.isArray(options)) {
    for (const [k, v] of objectEntries(options as PlainObject)) {
      if (k === 'CurrentTime' && (typeof v === 'number' || typeof v === 'bigint')) now = Number(BigInt(v) / 1_000_000n);
    }
  }
  const chain = verifyChain(certs, now);
  return chain ? [true, certsJson(chain)] : invalid;
}

const str = (name: string, description: string) => ({ name, type: T.string, description });

export const x509Builtins: BuiltinDecl[] = [
  {
    name: 'crypto.x509.parse_certificates',
    params: [str('certs', 'base64 encoded DER or PEM data containing one or more certificates or a PEM string of one or more certificates')],
    result: T.array(T.object(T.string, T.any)),
    category: 'crypto',
    description: 'Parses X.509 certificates from PEM or base64 DER data.',
    impl: (args) => certsJson(certsFromString(argString(args, 0))),
  },
  {
    name: 'crypto.x509.parse_and_verify_certificates',
    params: [str('certs', 'base64 encoded DER or PEM data containing two or more certificates where the first is a root CA, the last is a leaf certificate, and all others are intermediate CAs')],
    result: T.array(T.any),
    category: 'crypto',
    description: 'Parses and verifies a certificate chain (root first, leaf last); answers [valid, certificates leaf to root].',
    impl: (args, ctx) => parseAndVerify(argString(args, 0), ctx.nowNs),
  },
  {
    name: 'crypto.x509.parse_and_verify_certificates_with_options',
    params: [
      str('certs', 'base64 encoded DER or PEM data containing two or more certificates where the first is a root CA, the last is a leaf certificate, and all others are intermediate CAs'),
      { name: 'options', type: T.object(T.string, T.any), description: 'verification options (CurrentTime in ns, DNSName, KeyUsages, MaxConstraintComparisons)' },
    ],
    result: T.array(T.any),
    category: 'crypto',
    description: 'Like crypto.x509.parse_and_verify_certificates, with verification options.',
    impl: (args, ctx) => parseAndVerify(argString(args, 0), ctx.nowNs, argObject(args, 1)),
  },
  {
    name: 'crypto.x509.parse_certificate_request',
    params: [str('csr', 'base64 string containing either a PEM encoded or DER CSR or a string containing a PEM CSR')],
    result: T.object(T.string, T.any),
    category: 'crypto',
    description: 'Parses a PKCS #10 certificate signing request.',
    impl: (args) => parseCsr(argString(args, 0)),
  },
  {
    name: 'crypto.x509.parse_keypair',
    params: [str('cert', 'string containing PEM or base64 encoded DER certificates'), str('pem', 'string containing PEM or base64 encoded DER keys')],
    result: T.object(T.string, T.any),
    category: 'crypto',
    description: 'Parses a certificate and its private key into a TLS key pair, checking that they match.',
    impl: (args) => parseKeyPair(argString(args, 0), argString(args, 1)),
  },
  {
    name: 'crypto.x509.parse_rsa_private_key',
    params: [str('pem', 'base64 string containing a PEM encoded RSA private key')],
    result: T.object(T.string, T.any),
    category: 'crypto',
    description: 'Parses an RSA private key (PKCS #1 or PKCS #8) into a JWK object.',
    impl: (args) => parseRsaPrivateKey(argString(args, 0)),
  },
];

