/**
 * Minimal DER reader and PEM decoder (Go `encoding/pem` semantics) for the certificate, key and
 * JWT builtins. Everything is synchronous byte work over Uint8Array, so it runs in browsers.
 */
import { base64Decode, Base64Error } from './bytes.js';

export class DerError {
  constructor(readonly message: string) {}
}

export interface Tlv {
  /** Full identifier octet (class, constructed bit and tag number for low tags). */
  tag: number;
  /** Content bytes. */
  value: Uint8Array;
  /** The whole element, header included. */
  raw: Uint8Array;
}

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8: 0x0c,
  PRINTABLE: 0x13,
  T61: 0x14,
  IA5: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  BMP: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** Reads one TLV at `offset`; throws DerError on truncation or unsupported length forms. */
export function readTlv(buf: Uint8Array, offset = 0): Tlv {
  if (offset + 2 > buf.length) throw new DerError('asn1: syntax error: data truncated');
  const tag = buf[offset];
  if ((tag & 0x1f) === 0x1f) throw new DerError('asn1: structure error: high-tag-number form is not supported');
  let len = buf[offset + 1];
  let pos = offset + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw new DerError('asn1: structure error: length too large');
    if (pos + n > buf.length) throw new DerError('asn1: syntax error: data truncated');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[pos + i];
    pos += n;
  }
  if (pos + len > buf.length) throw new DerError('asn1: syntax error: data truncated');
  return { tag, value: buf.subarray(pos, pos + len), raw: buf.subarray(offset, pos + len) };
}

/** The children of a constructed element. */
export function children(t: Tlv): Tlv[] {
  const out: Tlv[] = [];
  let off = 0;
  while (off < t.value.length) {
    const c = readTlv(t.value, off);
    out.push(c);
    off += c.raw.length;
  }
  return out;
}

/** Parses `buf` as exactly one element with the given tag. */
export function expectTlv(buf: Uint8Array, tag: number, what = 'structure'): Tlv {
  if (buf.length > 0 && buf[0] !== tag) {
    const got = buf[0];
    const len = buf.length > 1 ? buf[1] : 0;
    throw new DerError(`asn1: structure error: tags don't match (${tag & 0x1f} vs {class:${got >> 6} tag:${got & 0x1f} length:${len} isCompound:${(got & 0x20) !== 0}}) {optional:false explicit:false application:false private:false defaultValue:<nil> tag:<nil> stringType:0 timeType:0 set:false omitEmpty:false} ${what} @2`);
  }
  return readTlv(buf);
}

export function seq(t: Tlv, what = 'sequence'): Tlv[] {
  if (t.tag !== TAG.SEQUENCE) throw new DerError(`asn1: structure error: ${what} is not a sequence`);
  return children(t);
}

export function bytesToBigInt(b: Uint8Array): bigint {
  let n = 0n;
  for (const x of b) n = (n << 8n) | BigInt(x);
  return n;
}

/** Two's complement INTEGER content. */
export function intValue(t: Tlv): bigint {
  if (t.tag !== TAG.INTEGER) throw new DerError('asn1: structure error: integer expected');
  const v = bytesToBigInt(t.value);
  if (t.value.length > 0 && t.value[0] & 0x80) return v - (1n << BigInt(t.value.length * 8));
  return v;
}

export function bigIntToBytes(n: bigint, length?: number): Uint8Array {
  let hex = n.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  let bytes = Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
  if (n === 0n) bytes = new Uint8Array([0]);
  if (length !== undefined) {
    if (bytes.length > length) bytes = bytes.subarray(bytes.length - length);
    if (bytes.length < length) {
      const out = new Uint8Array(length);
      out.set(bytes, length - bytes.length);
      bytes = out;
    }
  }
  return bytes;
}

export function oidText(t: Tlv): string {
  if (t.tag !== TAG.OID) throw new DerError('asn1: structure error: object identifier expected');
  return oidParts(t.value).join('.');
}

export function oidParts(v: Uint8Array): number[] {
  const parts: number[] = [];
  let n = 0;
  for (const b of v) {
    n = n * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      if (parts.length === 0) {
        const first = n < 40 ? 0 : n < 80 ? 1 : 2;
        parts.push(first, n - first * 40);
      } else {
        parts.push(n);
      }
      n = 0;
    }
  }
  return parts;
}

/** BIT STRING content without the unused-bits octet. */
export function bitString(t: Tlv): Uint8Array {
  if (t.tag !== TAG.BIT_STRING || t.value.length === 0) throw new DerError('asn1: structure error: bit string expected');
  return t.value.subarray(1);
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
    const bytes = base64Decode(b64);
    if (bytes instanceof Base64Error) continue;
    const after = getLine(rest.slice(endIndex + '\n-----END '.length - 1))[1];
    return { block: { type: typeLine, headers, bytes }, rest: after };
  }
}

