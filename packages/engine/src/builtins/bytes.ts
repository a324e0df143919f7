/**
 * Byte-level codecs shared by the encoding, crypto and JWT builtins: UTF-8, base64 (standard and
 * URL alphabets, with Go's `encoding/base64` decoding rules and error offsets) and hex (Go's
 * `encoding/hex` errors). Pure code over `Uint8Array`, so the engine core runs in browsers
 * (no Node `Buffer`, no `atob`).
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export function utf8Encode(s: string): Uint8Array {
  return encoder.encode(s);
}

/** Decodes UTF-8; invalid sequences become U+FFFD (as Go does when such a string is printed as JSON). */
export function utf8Decode(b: Uint8Array): string {
  return decoder.decode(b);
}

const STD_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export type Base64Alphabet = 'std' | 'url';

function reverseTable(alphabet: string): Int16Array {
  const t = new Int16Array(256).fill(-1);
  for (let i = 0; i < alphabet.length; i++) t[alphabet.charCodeAt(i)] = i;
  return t;
}

const STD_REVERSE = reverseTable(STD_ALPHABET);
const URL_REVERSE = reverseTable(URL_ALPHABET);

export function base64Encode(data: Uint8Array, alphabet: Base64Alphabet = 'std', pad = true): string {
  const chars = alphabet === 'std' ? STD_ALPHABET : URL_ALPHABET;
  let out = '';
  let i = 0;
  for (; i + 2 < data.length; i += 3) {
    const n = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
    out += chars[(n >> 18) & 63] + chars[(n >> 12) & 63] + chars[(n >> 6) & 63] + chars[n & 63];
  }
  const rest = data.length - i;
  if (rest === 1) {
    const n = data[i] << 16;
    out += chars[(n >> 18) & 63] + chars[(n >> 12) & 63] + (pad ? '==' : '');
  } else if (rest === 2) {
    const n = (data[i] << 16) | (data[i + 1] << 8);
    out += chars[(n >> 18) & 63] + chars[(n >> 12) & 63] + chars[(n >> 6) & 63] + (pad ? '=' : '');
  }
  return out;
}

/** A decoding failure at a byte offset of the input, worded as Go's `CorruptInputError`. */
export class Base64Error {
  constructor(readonly offset: number) {}
  get message(): string {
    return `illegal base64 data at input byte ${this.offset}`;
  }
}

const isNewline = (c: number) => c === 0x0a || c === 0x0d;

/**
 * Decodes padded base64 the way Go's `Encoding.DecodeString` does: `\r` and `\n` are skipped,
 * padding is required (when `pad`), and the first offending byte offset is reported.
 * Returns the bytes or a `Base64Error`.
 */
export function base64Decode(text: string, alphabet: Base64Alphabet = 'std', pad = true): Uint8Array | Base64Error {
  const src = utf8Encode(text);
  const rev = alphabet === 'std' ? STD_REVERSE : URL_REVERSE;
  const out: number[] = [];
  let si = 0;
  while (si < src.length) {
    const quantum = [0, 0, 0, 0];
    let dlen = 4;
    let j = 0;
    for (; j < 4; ) {
      if (si === src.length) {
        if (j === 0) return new Uint8Array(out);
        if (j === 1 || pad) return new Base64Error(si - j);
        dlen = j;
        break;
      }
      const c = src[si];
      si++;
      if (isNewline(c)) continue;
      const v = rev[c];
      if (v >= 0) {
        quantum[j++] = v;
        continue;
      }
      if (c !== 0x3d || !pad) return new Base64Error(si - 1);
      // Padding: only valid as the third or fourth character of a quantum.
      if (j === 0 || j === 1) return new Base64Error(si - 1);
      if (j === 2) {
        while (si < src.length && isNewline(src[si])) si++;
        if (si === src.length) return new Base64Error(src.length);
        if (src[si] !== 0x3d) return new Base64Error(si - 1);
        si++;
      }
      while (si < src.length && isNewline(src[si])) si++;
      if (si < src.length) return new Base64Error(si);
      dlen = j;
      break;
    }
    const n = (quantum[0] << 18) | (quantum[1] << 12) | (quantum[2] << 6) | quantum[3];
    if (dlen >= 2) out.push((n >> 16) & 0xff);
    if (dlen >= 3) out.push((n >> 8) & 0xff);
    if (dlen >= 4) out.push(n & 0xff);
    if (dlen < 4) break;
  }
  return new Uint8Array(out);
}

const HEX = '0123456789abcdef';

export function hexEncode(data: Uint8Array): string {
  let out = '';
  for (const b of data) out += HEX[b >> 4] + HEX[b & 15];
  return out;
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

/** `%#U` of a byte value as Go prints it: `U+0067 'g'`, without the quoted glyph when unprintable. */
export function goRuneText(code: number): string {
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  const printable = !(code < 0x20 || (code >= 0x7f && code <= 0xa0) || code === 0xad);
  return printable ? `U+${hex} '${String.fromCodePoint(code)}'` : `U+${hex}`;
}

/** Decodes hex as Go's `hex.DecodeString`; returns the bytes or Go's error text. */
export function hexDecode(text: string): Uint8Array | { error: string } {
  const src = utf8Encode(text);
  const out = new Uint8Array(src.length >> 1);
  let j = 1;
  for (; j < src.length; j += 2) {
    const a = hexValue(src[j - 1]);
    const b = hexValue(src[j]);
    if (a < 0) return { error: `encoding/hex: invalid byte: ${goRuneText(src[j - 1])}` };
    if (b < 0) return { error: `encoding/hex: invalid byte: ${goRuneText(src[j])}` };
    out[(j - 1) >> 1] = (a << 4) | b;
  }
  if (src.length % 2 === 1) {
    if (hexValue(src[j - 1]) < 0) return { error: `encoding/hex: invalid byte: ${goRuneText(src[j - 1])}` };
    return { error: 'encoding/hex: odd length hex string' };
  }
  return out;
}
