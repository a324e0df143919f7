/**
 * OPA bundle signatures: `.signatures.json` is `{"signatures": [JWT]}`, one compact JWS whose
 * payload lists every other file of the bundle with its digest (`{"files": [{name, hash,
 * algorithm}], …claims}`). Keys follow OPA's CLI: a PEM file (RSA/EC private key to sign; public
 * key, certificate or private key to verify) or, for HS* algorithms, the secret itself.
 * JWS itself comes from `jose`.
 */
import { createPrivateKey, createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { CompactSign, compactVerify, decodeProtectedHeader } from 'jose';
import { digest, HASHES } from './hash.js';
import type { ArchiveFile } from './archive.js';

export const SIGNATURES_FILE = '.signatures.json';
/** OPA's `--verification-key-id` default. */
export const DEFAULT_KEY_ID = 'default';
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'HS256', 'HS384', 'HS512'];

export interface FileDigest {
  name: string;
  hash: string;
  algorithm: string;
}

export interface SigningOptions {
  /** PEM file path, or the HMAC secret for HS* algorithms. */
  key: string;
  algorithm?: string;
  /** Extra payload claims (`scope`, `iss`, `keyid`…), as OPA's `--claims-file`. */
  claims?: Record<string, unknown>;
  keyId?: string;
}

export interface VerificationOptions {
  key: string;
  algorithm?: string;
  keyId?: string;
  scope?: string;
}

export class SignatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SignatureError';
  }
}

function checkAlgorithm(alg: string): string {
  if (!ALGORITHMS.includes(alg)) throw new SignatureError(`unknown signature algorithm: ${alg} (use one of ${ALGORITHMS.join(', ')})`);
  return alg;
}

/** The key text: the file's contents when `key` names a file, else `key` itself (a secret). */
function keyMaterial(key: string): string {
  return existsSync(key) ? readFileSync(key, 'utf8') : key;
}

function signingKey(key: string, alg: string): KeyObject {
  const text = keyMaterial(key);
  if (alg.startsWith('HS')) return createSecretKey(Buffer.from(text, 'utf8'));
  try {
    return createPrivateKey(text);
  } catch (e) {
    throw new SignatureError(`signing key ${key}: not a PEM private key (${(e as Error).message})`);
  }
}

function verificationKey(key: string, alg: string): KeyObject {
  const text = keyMaterial(key);
  if (alg.startsWith('HS')) return createSecretKey(Buffer.from(text, 'utf8'));
  try {
    return createPublicKey(text);
  } catch (e) {
    throw new SignatureError(`verification key ${key}: not a PEM public key, certificate or private key (${(e as Error).message})`);
  }
}

/** The digests of `files` for a signature payload (every file but the signatures file). */
export function fileDigests(files: ArchiveFile[]): FileDigest[] {
  return files.filter((f) => f.path !== SIGNATURES_FILE).map((f) => ({ name: f.path, hash: digest(f.path, f.data), algorithm: 'SHA-256' }));
}

/** The `.signatures.json` text for `files`. */
export async function sign(files: ArchiveFile[], opts: SigningOptions): Promise<string> {
  const alg = checkAlgorithm(opts.algorithm ?? 'RS256');
  const payload: Record<string, unknown> = { files: fileDigests(files) };
  if (opts.claims) Object.assign(payload, opts.claims);
  else if (opts.keyId) payload.keyid = opts.keyId;
  const header: Record<string, unknown> = { alg, typ: 'JWT', ...(opts.keyId ? { kid: opts.keyId } : {}) };
  const jwt = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader(header as { alg: string }).sign(signingKey(opts.key, alg));
  return JSON.stringify({ signatures: [jwt] }, null, 1) + '\n';
}

/** Verifies one signature JWT (key, algorithm, scope) and returns its payload. */
export async function verifyToken(token: string, opts: VerificationOptions): Promise<{ files?: FileDigest[]; scope?: string; keyid?: string; [claim: string]: unknown }> {
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(token) as Record<string, unknown>;
  } catch (e) {
    throw new SignatureError(`.signatures.json: not a JWT (${(e as Error).message})`);
  }
  const alg = checkAlgorithm(opts.algorithm ?? 'RS256');
  if (header.alg !== alg) throw new SignatureError(`.signatures.json: signed with ${String(header.alg)}, but the verification key is for ${alg} (set --signing-alg)`);
  let payload: { files?: FileDigest[]; scope?: string; keyid?: string };
  try {
    const res = await compactVerify(token, verificationKey(opts.key, alg), { algorithms: [alg] });
    payload = JSON.parse(new TextDecoder().decode(res.payload)) as typeof payload;
  } catch (e) {
    if (e instanceof SignatureError) throw e;
    throw new SignatureError(`.signatures.json: signature verification failed (${(e as Error).message})`);
  }
  if ((payload.scope ?? '') !== (opts.scope ?? '')) throw new SignatureError(`.signatures.json: scope mismatch (signed for "${payload.scope ?? ''}", expected "${opts.scope ?? ''}")`);
  return payload;
}

/**
 * Checks `.signatures.json` against the other files, as OPA does: exactly one JWT, signed by the
 * key, the scope matching, every file listed with a matching digest and no listed file missing.
 * Throws SignatureError naming the first problem.
 */
export async function verify(files: ArchiveFile[], opts: VerificationOptions): Promise<void> {
  const sigFile = files.find((f) => f.path === SIGNATURES_FILE);
  if (!sigFile) throw new SignatureError('bundle is not signed (no .signatures.json), but a verification key was given');
  let tokens: unknown;
  try {
    tokens = (JSON.parse(sigFile.data.toString('utf8')) as { signatures?: unknown }).signatures;
  } catch (e) {
    throw new SignatureError(`.signatures.json: invalid JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(tokens) || tokens.length === 0) throw new SignatureError('.signatures.json: missing JWT (expected exactly one)');
  if (tokens.length > 1) throw new SignatureError('.signatures.json: multiple JWTs not supported (expected exactly one)');
  const payload = await verifyToken(String(tokens[0]), opts);
  if (!Array.isArray(payload.files)) throw new SignatureError('.signatures.json: payload has no "files" list');
  const listed = new Map(payload.files.map((f) => [String(f.name).replace(/^\//, ''), f]));
  for (const f of files) {
    if (f.path === SIGNATURES_FILE) continue;
    const want = listed.get(f.path);
    if (!want) throw new SignatureError(`${f.path}: file not included in the bundle signature`);
    if (!HASHES[want.algorithm]) throw new SignatureError(`${f.path}: unsupported hashing algorithm ${want.algorithm}`);
    let got: string;
    try {
      got = digest(f.path, f.data, want.algorithm);
    } catch (e) {
      throw new SignatureError(`${f.path}: cannot hash (${(e as Error).message})`);
    }
    if (got !== String(want.hash).toLowerCase()) throw new SignatureError(`${f.path}: digest mismatch (signed ${want.hash}, got ${got})`);
    listed.delete(f.path);
  }
  if (listed.size) throw new SignatureError(`file(s) ${[...listed.keys()].join(', ')} listed in the bundle signature but not in the bundle`);
}
