/**
 * The error text Go's JSON decoder (as OPA's `util.UnmarshalJSON` drives it) gives for malformed
 * input. Only called after `JSON.parse` has rejected the text, so this scanner needs to locate
 * the first problem and word it like Go, not to build values.
 */

const GO_SHORT: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };

/** Go's `quoteChar` for the byte that starts `ch`. */
function quoteChar(ch: string): string {
  if (ch === "'") return "'\\''";
  if (ch === '"') return '\'"\'';
  let code = ch.codePointAt(0)!;
  // Go reports the first UTF-8 byte, printed as the Latin-1 rune of that value.
  if (code >= 0x80) code = new TextEncoder().encode(ch)[0];
  if (code === 0x5c) return "'\\\\'";
  if (GO_SHORT[code]) return `'${GO_SHORT[code]}'`;
  if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0) || code === 0xad) return `'\\x${code.toString(16).padStart(2, '0')}'`;
  return `'${String.fromCharCode(code)}'`;
}

class Fail {
  constructor(readonly message: string) {}
}

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isDigit = (c: string) => c >= '0' && c <= '9';
const isHex = (c: string) => isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

class Scanner {
  i = 0;
  constructor(readonly s: string) {}

  private eof(): never {
    throw new Fail('unexpected EOF');
  }
  private bad(context: string): never {
    throw new Fail(`invalid character ${quoteChar(this.ch())} ${context}`);
  }
  private ch(): string {
    return String.fromCodePoint(this.s.codePointAt(this.i)!);
  }
  skipSpace(): void {
    while (this.i < this.s.length && isSpace(this.s[this.i])) this.i++;
  }
  /** Next significant character, or throws the EOF error. */
  private peek(): string {
    this.skipSpace();
    if (this.i >= this.s.length) this.eof();
    return this.s[this.i];
  }

  value(): void {
    const c = this.peek();
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || isDigit(c)) return this.number();
    if (c === 't') return this.literal('true');
    if (c === 'f') return this.literal('false');
    if (c === 'n') return this.literal('null');
    this.bad('looking for beginning of value');
  }

  private object(): void {
    this.i++;
    if (this.peek() === '}') {
      this.i++;
      return;
    }
    for (;;) {
      if (this.peek() !== '"') this.bad('looking for beginning of object key string');
      this.string();
      if (this.peek() !== ':') this.bad('after object key');
      this.i++;
      this.value();
      const c = this.peek();
      this.i++;
      if (c === '}') return;
      if (c !== ',') {
        this.i--;
        this.bad('after object key:value pair');
      }
    }
  }

  private array(): void {
    this.i++;
    if (this.peek() === ']') {
      this.i++;
      return;
    }
    for (;;) {
      this.value();
      const c = this.peek();
      this.i++;
      if (c === ']') return;
      if (c !== ',') {
        this.i--;
        this.bad('after array element');
      }
    }
  }

  private string(): void {
    this.i++;
    for (;;) {
      if (this.i >= this.s.length) this.eof();
      const c = this.s[this.i];
      if (c === '"') {
        this.i++;
        return;
      }
      if (c < ' ') this.bad('in string literal');
      if (c === '\\') {
        this.i++;
        if (this.i >= this.s.length) this.eof();
        const e = this.s[this.i];
        if (e === 'u') {
          for (let k = 0; k < 4; k++) {
            this.i++;
            if (this.i >= this.s.length) this.eof();
            if (!isHex(this.s[this.i])) this.bad('in \\u hexadecimal character escape');
          }
        } else if (!'"\\/bfnrt'.includes(e)) this.bad('in string escape code');
      }
      this.i++;
    }
  }

  private number(): void {
    if (this.s[this.i] === '-') {
      this.i++;
      if (this.i >= this.s.length) this.eof();
      if (!isDigit(this.s[this.i])) this.bad('in numeric literal');
    }
    if (this.s[this.i] === '0') this.i++;
    else while (this.i < this.s.length && isDigit(this.s[this.i])) this.i++;
    if (this.s[this.i] === '.') {
      this.i++;
      if (this.i >= this.s.length) this.eof();
      if (!isDigit(this.s[this.i])) this.bad('after decimal point in numeric literal');
      while (this.i < this.s.length && isDigit(this.s[this.i])) this.i++;
    }
    if (this.s[this.i] === 'e' || this.s[this.i] === 'E') {
      this.i++;
      if (this.s[this.i] === '+' || this.s[this.i] === '-') this.i++;
      if (this.i >= this.s.length) this.eof();
      if (!isDigit(this.s[this.i])) this.bad('in exponent of numeric literal');
      while (this.i < this.s.length && isDigit(this.s[this.i])) this.i++;
    }
  }

  private literal(word: string): void {
    for (let k = 0; k < word.length; k++, this.i++) {
      if (this.i >= this.s.length) this.eof();
      if (this.s[this.i] !== word[k]) this.bad(`in literal ${word} (expecting ${quoteChar(word[k])})`);
    }
  }
}

/** Go's error message for malformed JSON text (`EOF` for empty input). */
export function goJSONSyntaxError(text: string): string {
  const sc = new Scanner(text);
  sc.skipSpace();
  if (sc.i >= text.length) return 'EOF';
  try {
    sc.value();
    sc.skipSpace();
    if (sc.i < text.length) {
      const c = text[sc.i];
      // A second value after the first is reported by the trailing-token check.
      if ('{["-tfn'.includes(c) || isDigit(c)) return `error: invalid character '${c}' after top-level value`;
      return `invalid character ${quoteChar(String.fromCodePoint(text.codePointAt(sc.i)!))} looking for beginning of value`;
    }
    return 'unexpected EOF';
  } catch (e) {
    if (e instanceof Fail) return e.message;
    throw e;
  }
}
