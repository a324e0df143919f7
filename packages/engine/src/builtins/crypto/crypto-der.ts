/**
 * DER decoding for the certificate, key and JWT builtins, on top of @peculiar/asn1-schema (typed
 * X.509 / PKCS #10 / PKCS #8 / SEC 1 / PKCS #1 structures) and the asn1js reader beneath it, plus
 * Go's `encoding/pem` decoder (neither library has one with Go's semantics).
 *
 * Why these libraries: they are the maintained, widely used pure-TypeScript ASN.1 schemas for PKIX,
 * parse synchronously over byte buffers, import no Node built-ins and need no `reflect-metadata`
 * (their decorators register schemas in a private store), so they bundle for browsers; pkijs
 * would add the same asn1js core plus a WebCrypto-oriented engine we do not use.
 */
import { fromBER, type AsnType } from 'asn1js';
import { AsnParser } from '@peculiar/asn1-schema';
import { base64Decode, Base64Error } from '../bytes.js';

export class DerError {
  constructor(readonly message: string) {}
}

/** Constructor of a peculiar schema class (what AsnParser accepts). */
export type Schema<T> = new () => T;

/** One decoded element: the asn1js node (for raw sub-element bytes) and its whole encoding. */
export interface Element {
  node: AsnType;
  raw: Uint8Array;
}

/**
 * Reads the first BER/DER element of `buf`; throws DerError(`message`) when there is none.
 * Trailing bytes are left to the caller (Go's parsers differ on them).
 */
export function readElement(buf: Uint8Array, message: string): Element {
  if (buf.length === 0) throw new DerError(message);
  const r = fromBER(buf);
  if (r.offset === -1 || r.result.error) throw new DerError(message);
  return { node: r.result, raw: buf.subarray(0, r.offset) };
}

/** Maps an asn1js node onto a peculiar schema; any mismatch becomes DerError(`message`). */
export function decodeAs<T>(node: AsnType, schema: Schema<T>, message: string): T {
  try {
    return AsnParser.fromASN(node, schema);
  } catch {
    throw new DerError(message);
  }
}

/** Decodes exactly one element of `buf` as `schema` (trailing data is an error, as in Go). */
export function parseDer<T>(buf: Uint8Array | ArrayBuffer, schema: Schema<T>, message: string): T {
  const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
  const el = readElement(bytes, message);
  if (el.raw.length !== bytes.length) throw new DerError(message);
  return decodeAs(el.node, schema, message);
}

/** The elements inside a constructed node (empty for primitives). */
export function elementsOf(node: AsnType): AsnType[] {
  const v = (node as { valueBlock?: { value?: unknown } }).valueBlock?.value;
  return Array.isArray(v) ? (v as AsnType[]) : [];
}

/** The complete encoding (header included) of a node produced by `readElement`. */
export function rawOf(node: AsnType): Uint8Array {
  return (node as unknown as { valueBeforeDecodeView: Uint8Array }).valueBeforeDecodeView;
}

/** Tag class (1 universal … 4 private) and number of a node. */
export function tagOf(node: AsnType): { cls: number; num: number; constructed: boolean } {
  const id = (node as unknown as { idBlock: { tagClass: number; tagNumber: number; isConstructed: boolean } }).idBlock;
  return { cls: id.tagClass, num: id.tagNumber, constructed: id.isConstructed };
}

/** Content octets of a primitive node. */
export function contentOf(node: AsnType): Uint8Array {
  return (node as unknown as { valueBlock: { valueHexView?: Uint8Array } }).valueBlock.valueHexView ?? new Uint8Array(0);
}

export function bytes(b: ArrayBuffer | ArrayBufferView): Uint8Array {
  return b instanceof ArrayBuffer ? new Uint8Array(b) : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/**
 * Go's `asn1.StructuralError` text for a top-level tag mismatch (what `asn1.Unmarshal` reports
 * when a CSR is not a SEQUENCE); `undefined` when `buf` starts with a SEQUENCE.
 */
export function sequenceTagMismatch(buf: Uint8Array, what: string): string | undefined {
  if (buf.length === 0 || buf[0] === 0x30) return undefined;
  const got = buf[0];
  const len = buf.length > 1 ? buf[1] : 0;
  return `asn1: structure error: tags don't match (16 vs {class:${got >> 6} tag:${got & 0x1f} length:${len} isCompound:${(got & 0x20) !== 0}}) {optional:false explicit:false application:false private:false defaultValue:<nil> tag:<nil> stringType:0 timeType:0 set:false omitEmpty:false} ${what} @2`;
}

export function bytesToBigInt(b: Uint8Array): bigint {
  let n = 0n;
  for (const x of b) n = (n << 8n) | BigInt(x);
  return n;
}

/** Two's complement INTEGER content, as the schemas hand it over (ArrayBuffer). */
export function intValue(b: ArrayBuffer | Uint8Array): bigint {
  const u = b instanceof Uint8Array ? b : new Uint8Array(b);
  const v = bytesToBigInt(u);
  return u.length > 0 && u[0] & 0x80 ? v - (1n << BigInt(u.length * 8)) : v;
}

export function bigIntToBytes(n: bigint, length?: number): Uint8Array {
  let hex = n.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  let out = Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
  if (n === 0n) out = new Uint8Array([0]);
  if (length !== undefined) {
    if (out.length > length) out = out.subarray(out.length - length);
    if (out.length < length) {
      const padded = new Uint8Array(length);
      padded.set(out, length - out.length);
      out = padded;
    }
  }
  return out;
}

/** Go's `asn1.ObjectIdentifier` JSON ([]int) from the schemas' dotted text. */
export function oidArray(dotted: string): number[] {
  return dotted.split('.').map(Number);
}

// ---- PEM -----------------------------------------------------------------------------------

export interface PemBlock {
  type: string;
  headers: Record<string, string>;
  bytes: Uint8Array;
}

function getLine(s: string): [string, string] {
  const i = s.indexOf('\n');
  const line = i < 0 ? s : s.slice(0, i);
  const rest = i < 0 ? '' : s.slice(i + 1);
  return [line.replace(/[ \t\r]+$/, ''), rest];
}

/**
 * Go's `pem.Decode`: the first well-formed block and the text after it, or `undefined` (and the
 * whole input as rest) when there is none.
 */
export function pemDecode(data: string): { block?: PemBlock; rest: string } {
  let rest = data;
  for (;;) {
    if (rest.startsWith('-----BEGIN ')) {
      rest = rest.slice('-----BEGIN '.length);
    } else {
      const i = rest.indexOf('\n-----BEGIN ');
      if (i < 0) return { rest: data };
      rest = rest.slice(i + '\n-----BEGIN '.length);
    }
    let typeLine: string;
    [typeLine, rest] = getLine(rest);
    if (!typeLine.endsWith('-----')) continue;
    typeLine = typeLine.slice(0, -5);
    const headers: Record<string, string> = {};
    let truncated = false;
    for (;;) {
      if (rest.length === 0) {
        truncated = true;
        break;
      }
      const [line, next] = getLine(rest);
      const c = line.indexOf(':');
      if (c < 0) break;
      headers[line.slice(0, c).trim()] = line.slice(c + 1).trim();
      rest = next;
    }
    if (truncated) return { rest: data };
    let endIndex: number;
    let endTrailerIndex: number;
    if (Object.keys(headers).length === 0 && rest.startsWith('-----END ')) {
      endIndex = 0;
      endTrailerIndex = '-----END '.length;
    } else {
      endIndex = rest.indexOf('\n-----END ');
      endTrailerIndex = endIndex + '\n-----END '.length;
    }
    if (endIndex < 0) continue;
    let endTrailer = rest.slice(endTrailerIndex);
    const trailerLen = typeLine.length + 5;
    if (endTrailer.length < trailerLen) continue;
    const restOfEndLine = endTrailer.slice(trailerLen);
    endTrailer = endTrailer.slice(0, trailerLen);
    if (!endTrailer.startsWith(typeLine) || !endTrailer.endsWith('-----')) continue;
    if (getLine(restOfEndLine)[0].length !== 0) continue;
    const b64 = rest.slice(0, endIndex).replace(/[ \t]/g, '');
    const decoded = base64Decode(b64);
    if (decoded instanceof Base64Error) continue;
    const after = getLine(rest.slice(endIndex + '\n-----END '.length - 1))[1];
    return { block: { type: typeLine, headers, bytes: decoded }, rest: after };
  }
}
