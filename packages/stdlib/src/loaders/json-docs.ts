import type { LineRange, LoadError } from '../model.js';
import { LoadErrorCode, loadError, setOwn, sizeError } from './common.js';
import { TreeSourceMap } from './source-map.js';
import type { ParsedDoc } from './yaml-docs.js';

/**
 * A JSON parser that records line ranges while it builds plain values. Scan reports are often
 * tens of megabytes, so it scans the text once, counts lines as it skips whitespace (JSON
 * strings cannot hold raw newlines) and keeps integers beyond 2^53 exact as bigints.
 * Duplicate keys: the last one wins (as Go's encoding/json, which the tools emitting these
 * files and OPA use).
 */
export const MAX_JSON_DEPTH = 1000;

export type JsonParse = { ok: true; doc: ParsedDoc } | { ok: false; error: LoadError };

class JsonSyntaxError {
  constructor(
    readonly message: string,
    readonly pos: number,
  ) {}
}

const SAFE_INT_DIGITS = 15;
const NUMBER_RE = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

class JsonParser {
  private pos = 0;
  private line = 1;
  private depth = 0;
  readonly map: TreeSourceMap;

  constructor(private readonly text: string) {
    this.map = new TreeSourceMap(undefined, { startLine: 1, endLine: 1 });
  }

  parseDocument(): { value: unknown; range: LineRange } {
    this.ws();
    const startLine = this.line;
    const value = this.value(undefined, undefined);
    const endLine = this.line;
    this.ws();
    if (this.pos < this.text.length) this.error('unexpected text after the JSON value');
    return { value, range: { startLine, endLine } };
  }

  column(pos: number): { line: number; column: number } {
    let line = 1;
    let start = 0;
    for (let i = this.text.indexOf('\n'); i !== -1 && i < pos; i = this.text.indexOf('\n', i + 1)) {
      line++;
      start = i + 1;
    }
    return { line, column: pos - start + 1 };
  }

  private error(message: string, at = this.pos): never {
    throw new JsonSyntaxError(message, at);
  }

  private ws(): void {
    const t = this.text;
    let p = this.pos;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === 0x20 || c === 0x09 || c === 0x0d) p++;
      else if (c === 0x0a) {
        p++;
        this.line++;
      } else break;
    }
    this.pos = p;
  }

  private value(parent: object | undefined, key: string | number | undefined): unknown {
    const c = this.text[this.pos];
    switch (c) {
      case '{':
        return this.object(parent, key);
      case '[':
        return this.array(parent, key);
      case '"':
        return this.string();
      case 't':
        return this.literal('true', true);
      case 'f':
        return this.literal('false', false);
      case 'n':
        return this.literal('null', null);
      case undefined:
        return this.error('unexpected end of input');
      default:
        if (c === '-' || (c >= '0' && c <= '9')) return this.number();
        return this.error(`unexpected character ${JSON.stringify(c)}`);
    }
  }

  private literal<T>(word: string, v: T): T {
    if (!this.text.startsWith(word, this.pos)) this.error(`unexpected token, expected ${word}`);
    this.pos += word.length;
    return v;
  }

  private number(): number | bigint {
    NUMBER_RE.lastIndex = this.pos;
    const m = NUMBER_RE.exec(this.text);
    if (!m) return this.error('malformed number');
    const s = m[0];
    this.pos += s.length;
    const n = Number(s);
    if (s.length > SAFE_INT_DIGITS && /^-?[0-9]+$/.test(s) && !Number.isSafeInteger(n)) return BigInt(s);
    return n;
  }

  private string(): string {
    const t = this.text;
    const start = this.pos + 1;
    let p = start;
    let simple = true;
    for (;;) {
      const c = t.charCodeAt(p);
      if (Number.isNaN(c)) this.error('unterminated string', this.pos);
      if (c === 0x22) break;
      if (c < 0x20) this.error('control character in string', p);
      if (c === 0x5c) {
        simple = false;
        p += 2;
        continue;
      }
      p++;
    }
    this.pos = p + 1;
    if (simple) return t.slice(start, p);
    try {
      return JSON.parse(t.slice(start - 1, p + 1)) as string;
    } catch {
      return this.error('invalid escape sequence in string', start - 1);
    }
  }

  private enter(): void {
    if (++this.depth > MAX_JSON_DEPTH) this.error(`nesting deeper than ${MAX_JSON_DEPTH} levels`);
  }

  private object(parent: object | undefined, key: string | number | undefined): Record<string, unknown> {
    this.enter();
    const startLine = this.line;
    const obj: Record<string, unknown> = {};
    const slot = { startLine, endLine: startLine };
    this.map.addContainer(obj, parent, key, slot);
    this.pos++;
    this.ws();
    if (this.text[this.pos] === '}') {
      this.pos++;
    } else {
      for (;;) {
        if (this.text[this.pos] !== '"') this.error('expected a string key');
        const keyLine = this.line;
        const k = this.string();
        this.ws();
        if (this.text[this.pos] !== ':') this.error("expected ':' after key");
        this.pos++;
        this.ws();
        setOwn(obj, k, this.value(obj, k));
        this.map.addChild(obj, k, { startLine: keyLine, endLine: this.line });
        if (this.closes('}', 'object')) break;
      }
    }
    slot.endLine = this.line;
    this.depth--;
    return obj;
  }

  /** After an item: consumes `,` (false: another item follows) or the closing bracket (true). */
  private closes(close: '}' | ']', what: string): boolean {
    this.ws();
    const c = this.text[this.pos];
    if (c === ',') {
      this.pos++;
      this.ws();
      return false;
    }
    if (c === close) {
      this.pos++;
      return true;
    }
    return this.error(`expected ',' or '${close}' in ${what}`);
  }

  private array(parent: object | undefined, key: string | number | undefined): unknown[] {
    this.enter();
    const startLine = this.line;
    const arr: unknown[] = [];
    const slot = { startLine, endLine: startLine };
    this.map.addContainer(arr, parent, key, slot);
    this.pos++;
    this.ws();
    if (this.text[this.pos] === ']') {
      this.pos++;
    } else {
      for (;;) {
        const itemLine = this.line;
        const i = arr.length;
        arr.push(this.value(arr, i));
        this.map.addChild(arr, i, { startLine: itemLine, endLine: this.line });
        if (this.closes(']', 'array')) break;
      }
    }
    slot.endLine = this.line;
    this.depth--;
    return arr;
  }
}

/** Parses one JSON text (a BOM is ignored). Never throws. */
export function parseJsonText(path: string, text: string): JsonParse {
  const tooLarge = sizeError(path, text);
  if (tooLarge) return { ok: false, error: tooLarge };
  const src = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const p = new JsonParser(src);
  try {
    const { value, range } = p.parseDocument();
    p.map.root = value;
    p.map.rootRange = range;
    return { ok: true, doc: { index: 0, value, sourceMap: p.map, range, commentBefore: undefined } };
  } catch (e) {
    if (e instanceof JsonSyntaxError) {
      const { line, column } = p.column(e.pos);
      return { ok: false, error: loadError(path, LoadErrorCode.Syntax, `JSON: ${e.message}`, line, column) };
    }
    throw e;
  }
}
