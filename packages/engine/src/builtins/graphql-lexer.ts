/**
 * GraphQL lexer reproducing the token kinds, positions and error behaviour of the Go library
 * OPA uses (gqlparser): positions count code points, string tokens start after their opening
 * quote(s), and a lexing failure becomes an `<Invalid>` token that carries the error, so a
 * parser that only peeks at it reports "Unexpected <Invalid>" while consuming it reports the
 * lexer's own message.
 */

export type TokenKind =
  | 'Invalid'
  | 'EOF'
  | '!'
  | '$'
  | '&'
  | '('
  | ')'
  | '...'
  | ':'
  | '='
  | '@'
  | '['
  | ']'
  | '{'
  | '|'
  | '}'
  | 'Name'
  | 'Int'
  | 'Float'
  | 'String'
  | 'BlockString';

export interface Pos {
  line: number;
  column: number;
}

export interface Token {
  kind: TokenKind;
  value: string;
  pos: Pos;
  /** Lexer error message for `Invalid` tokens. */
  error?: string;
}

/** A parse or lex failure at a source position (message without trailing location). */
export class GraphQLSyntaxError {
  constructor(
    readonly message: string,
    readonly pos: Pos,
  ) {}
}

export function kindText(k: TokenKind): string {
  if (k === 'Invalid') return '<Invalid>';
  if (k === 'EOF') return '<EOF>';
  return k;
}

/** `Kind "value"` for tokens with a value, else the kind alone (gqlparser's Token.String). */
export function tokenText(t: Token): string {
  return t.value !== '' ? `${kindText(t.kind)} ${goQuote(t.value)}` : kindText(t.kind);
}

/** Go's strconv.Quote for the characters that occur in practice. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}

const PUNCT = new Set(['!', '$', '&', '(', ')', ':', '=', '@', '[', ']', '{', '|', '}']);

export class Lexer {
  private readonly chars: string[];
  private i = 0;
  private line = 1;
  private lineStart = 0;

  constructor(source: string) {
    this.chars = Array.from(source);
  }

  private posAt(index: number): Pos {
    return { line: this.line, column: index - this.lineStart + 1 };
  }

  private invalid(message: string): Token {
    return { kind: 'Invalid', value: '', pos: this.posAt(this.i), error: message };
  }

  private newline(): void {
    this.line++;
    this.lineStart = this.i;
  }

  private skipIgnored(): void {
    const c = this.chars;
    while (this.i < c.length) {
      const ch = c[this.i];
      if (ch === ' ' || ch === '\t' || ch === ',' || ch === '\ufeff') {
        this.i++;
      } else if (ch === '\n') {
        this.i++;
        this.newline();
      } else if (ch === '\r') {
        this.i++;
        if (c[this.i] === '\n') this.i++;
        this.newline();
      } else if (ch === '#') {
        while (this.i < c.length && c[this.i] !== '\n' && c[this.i] !== '\r') this.i++;
      } else {
        return;
      }
    }
  }

  next(): Token {
    this.skipIgnored();
    const c = this.chars;
    const start = this.i;
    if (start >= c.length) return { kind: 'EOF', value: '', pos: this.posAt(start) };
    const ch = c[start];
    if (PUNCT.has(ch)) {
      this.i++;
      return { kind: ch as TokenKind, value: '', pos: this.posAt(start) };
    }
    if (ch === '.') {
      if (c[start + 1] === '.' && c[start + 2] === '.') {
        this.i += 3;
        return { kind: '...', value: '', pos: this.posAt(start) };
      }
      this.i++;
      return this.invalid(`Unexpected character ${goQuote('.')}.`);
    }
    if (/[_A-Za-z]/.test(ch)) {
      let j = start + 1;
      while (j < c.length && /[_0-9A-Za-z]/.test(c[j])) j++;
      this.i = j;
      return { kind: 'Name', value: c.slice(start, j).join(''), pos: this.posAt(start) };
    }
    if (ch === '-' || /[0-9]/.test(ch)) return this.readNumber(start);
    if (ch === '"') {
      if (c[start + 1] === '"' && c[start + 2] === '"') return this.readBlockString(start);
      return this.readString(start);
    }
    this.i++;
    return this.invalid(`Cannot parse the unexpected character ${goQuote(ch)}.`);
  }

  private readDigits(): boolean {
    const c = this.chars;
    if (this.i >= c.length || !/[0-9]/.test(c[this.i])) return false;
    while (this.i < c.length && /[0-9]/.test(c[this.i])) this.i++;
    return true;
  }

  private readNumber(start: number): Token {
    const c = this.chars;
    let float = false;
    if (c[this.i] === '-') this.i++;
    if (c[this.i] === '0') {
      this.i++;
      if (this.i < c.length && /[0-9]/.test(c[this.i])) {
        return this.invalid(`Invalid number, unexpected digit after 0: ${goQuote(c[this.i])}.`);
      }
    } else if (!this.readDigits()) {
      return this.invalid(`Invalid number, expected digit but got: ${this.describeChar()}.`);
    }
    if (c[this.i] === '.') {
      float = true;
      this.i++;
      if (!this.readDigits()) return this.invalid(`Invalid number, expected digit but got: ${this.describeChar()}.`);
    }
    if (c[this.i] === 'e' || c[this.i] === 'E') {
      float = true;
      this.i++;
      if (c[this.i] === '+' || c[this.i] === '-') this.i++;
      if (!this.readDigits()) return this.invalid(`Invalid number, expected digit but got: ${this.describeChar()}.`);
    }
    return { kind: float ? 'Float' : 'Int', value: c.slice(start, this.i).join(''), pos: this.posAt(start) };
  }

  private describeChar(): string {
    return this.i < this.chars.length ? goQuote(this.chars[this.i]) : '<EOF>';
  }

  private readString(start: number): Token {
    const c = this.chars;
    const pos = this.posAt(start + 1);
    this.i = start + 1;
    let out = '';
    while (this.i < c.length) {
      const ch = c[this.i];
      if (ch === '"') {
        this.i++;
        return { kind: 'String', value: out, pos };
      }
      if (ch === '\n' || ch === '\r') break;
      const code = ch.codePointAt(0)!;
      if (code < 0x20 && ch !== '\t') return this.invalid(`Invalid character within String: ${goQuote(ch)}.`);
      if (ch === '\\') {
        const e = c[this.i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && Object.prototype.hasOwnProperty.call(simple, e)) {
          out += simple[e];
          this.i += 2;
          continue;
        }
        if (e === 'u') {
          const hex = c.slice(this.i + 2, this.i + 6).join('');
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
            this.i++;
            return this.invalid(`Invalid character escape sequence: \\u${hex}.`);
          }
          out += String.fromCharCode(parseInt(hex, 16));
          this.i += 6;
          continue;
        }
        this.i++;
        return this.invalid(`Invalid character escape sequence: \\${e ?? ''}.`);
      }
      out += ch;
      this.i++;
    }
    return this.invalid('Unterminated string.');
  }

  private readBlockString(start: number): Token {
    const c = this.chars;
    const pos = this.posAt(start + 3);
    this.i = start + 3;
    let raw = '';
    while (this.i < c.length) {
      const ch = c[this.i];
      if (ch === '"' && c[this.i + 1] === '"' && c[this.i + 2] === '"') {
        this.i += 3;
        return { kind: 'BlockString', value: blockStringValue(raw), pos };
      }
      if (ch === '\\' && c[this.i + 1] === '"' && c[this.i + 2] === '"' && c[this.i + 3] === '"') {
        raw += '"""';
        this.i += 4;
        continue;
      }
      this.i++;
      if (ch === '\n') {
        this.newline();
      } else if (ch === '\r') {
        if (c[this.i] === '\n') {
          raw += '\r';
          this.i++;
          raw += '\n';
          this.newline();
          continue;
        }
        this.newline();
      }
      raw += ch;
    }
    return this.invalid('Unterminated string.');
  }
}

/** The spec's BlockStringValue: common indentation and blank leading/trailing lines removed. */
export function blockStringValue(raw: string): string {
  const lines = raw.split(/\r\n|\n|\r/);
  let common: number | undefined;
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k];
    const indent = line.length - line.replace(/^[ \t]+/, '').length;
    if (indent < line.length && (common === undefined || indent < common)) common = indent;
  }
  if (common !== undefined && common > 0) {
    for (let k = 1; k < lines.length; k++) lines[k] = lines[k].slice(common);
  }
  const blank = (s: string) => /^[ \t]*$/.test(s);
  while (lines.length > 0 && blank(lines[0])) lines.shift();
  while (lines.length > 0 && blank(lines[lines.length - 1])) lines.pop();
  return lines.join('\n');
}
