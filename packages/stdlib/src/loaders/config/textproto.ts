import type { LoadResult } from '../../model.js';
import { setOwn } from '../common.js';
import { ConfigSyntaxError, loadPlain } from './plain.js';

/**
 * Protocol Buffers text format (`*.textproto`, `*.textpb`), as conftest reads it: the file names
 * its message type in a `# proto-message: pkg.Type` comment, the type comes from the `.proto`
 * files given with `--proto-file-dirs`, and policies see the message as protojson with the proto
 * field names (Go's `protojson` with `UseProtoNames`): 64-bit integers as strings, enums by name,
 * bytes in base64, proto3 fields at their default value left out.
 *
 * Both grammars are parsed here (no protobuf library on npm parses the text format, and the
 * `.proto` side needs only the declarations: packages, messages, enums, fields, maps, oneofs;
 * options, services and reserved ranges are skipped). Extensions and `google.protobuf.Any`
 * expansions (`[type.googleapis.com/…]`) are refused with an error. Nesting is bounded.
 */

const MAX_DEPTH = 256;

/** A syntax error in a `.proto` file (`file` names it) or in the textproto being read (`file` empty). */
export class ProtoSyntaxError extends ConfigSyntaxError {
  constructor(
    readonly file: string,
    message: string,
    line?: number,
    column?: number,
  ) {
    super(file ? `${file}: ${message}` : message, line, column);
  }
}

/** A `.proto` file given to the loader (from `--proto-file-dirs`). */
export interface ProtoFile {
  path: string;
  text: string;
}

interface FieldDesc {
  name: string;
  number: number;
  /** Scalar type name, or the resolved full name of a message/enum (after resolution). */
  type: string;
  repeated: boolean;
  /** proto2 fields and proto3 `optional` ones: emitted even at their default value. */
  presence: boolean;
  map?: { key: string; value: string };
  /** The scope the type name is resolved in. */
  scope: string;
}

interface MessageDesc {
  kind: 'message';
  name: string;
  fields: FieldDesc[];
  syntax: 'proto2' | 'proto3' | 'editions';
}

interface EnumDesc {
  kind: 'enum';
  name: string;
  values: Map<number, string>;
  byName: Map<string, number>;
}

type Registry = Map<string, MessageDesc | EnumDesc>;

const SCALARS = new Set(['double', 'float', 'int32', 'int64', 'uint32', 'uint64', 'sint32', 'sint64', 'fixed32', 'fixed64', 'sfixed32', 'sfixed64', 'bool', 'string', 'bytes']);
const INT64 = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']);
const UNSIGNED = new Set(['uint32', 'uint64', 'fixed32', 'fixed64']);

// ---- tokens (shared by both grammars) ------------------------------------------------------

type Tok = { k: 'id' | 'num' | 'str' | 'sym'; v: string; line: number; col: number };

function tokenize(text: string, file: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  let line = 1;
  let col = 1;
  const adv = (n: number) => {
    for (let j = 0; j < n; j++) {
      if (text[i] === '\n') {
        line++;
        col = 1;
      } else col++;
      i++;
    }
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n' || c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v' || c === '\uFEFF') {
      adv(1);
      continue;
    }
    if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      while (i < text.length && text[i] !== '\n') adv(1);
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) throw new ProtoSyntaxError(file, `unterminated /* comment`, line, col);
      adv(end + 2 - i);
      continue;
    }
    const start = { line, col };
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < text.length && /[A-Za-z0-9_]/.test(text[j]!)) j++;
      out.push({ k: 'id', v: text.slice(i, j), ...start });
      adv(j - i);
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      let j = i + 1;
      while (j < text.length && (/[0-9A-Za-z_.]/.test(text[j]!) || ((text[j] === '+' || text[j] === '-') && /[eE]/.test(text[j - 1]!) && !/^0[xX]/.test(text.slice(i, j))))) j++;
      out.push({ k: 'num', v: text.slice(i, j), ...start });
      adv(j - i);
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let v = '';
      for (;;) {
        const d = text[j];
        if (d === undefined || d === '\n') throw new ProtoSyntaxError(file, `unterminated string`, start.line, start.col);
        if (d === c) break;
        if (d !== '\\') {
          v += d;
          j++;
          continue;
        }
        const e = text[j + 1] ?? '';
        const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };
        if (e in simple) {
          v += simple[e];
          j += 2;
        } else if (e === 'x' || e === 'X') {
          const m = /^[0-9a-fA-F]{1,2}/.exec(text.slice(j + 2, j + 4));
          if (!m) throw new ProtoSyntaxError(file, `invalid \\x escape`, line, col);
          v += String.fromCharCode(parseInt(m[0], 16));
          j += 2 + m[0].length;
        } else if (/[0-7]/.test(e)) {
          const m = /^[0-7]{1,3}/.exec(text.slice(j + 1, j + 4))!;
          v += String.fromCharCode(parseInt(m[0], 8));
          j += 1 + m[0].length;
        } else if (e === 'u' || e === 'U') {
          const n = e === 'u' ? 4 : 8;
          const hex = text.slice(j + 2, j + 2 + n);
          if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) throw new ProtoSyntaxError(file, `invalid \\${e} escape`, line, col);
          v += String.fromCodePoint(parseInt(hex, 16));
          j += 2 + n;
        } else throw new ProtoSyntaxError(file, `invalid escape \\${e}`, line, col);
      }
      out.push({ k: 'str', v, ...start });
      adv(j + 1 - i);
      continue;
    }
    out.push({ k: 'sym', v: c, ...start });
    adv(1);
  }
  return out;
}

class Cursor {
  i = 0;
  constructor(
    readonly toks: Tok[],
    readonly file: string,
  ) {}
  peek(k = 0): Tok | undefined {
    return this.toks[this.i + k];
  }
  next(): Tok {
    const t = this.toks[this.i++];
    if (!t) this.fail('unexpected end of file');
    return t;
  }
  is(v: string, k = 0): boolean {
    const t = this.peek(k);
    return t !== undefined && (t.k === 'sym' || t.k === 'id') && t.v === v;
  }
  take(v: string): boolean {
    if (!this.is(v)) return false;
    this.i++;
    return true;
  }
  expect(v: string): Tok {
    if (!this.is(v)) this.fail(`expected ${JSON.stringify(v)}${this.peek() ? `, found ${JSON.stringify(this.peek()!.v)}` : ''}`);
    return this.next();
  }
  ident(what: string): string {
    const t = this.peek();
    if (!t || t.k !== 'id') this.fail(`expected ${what}`);
    this.i++;
    return t.v;
  }
  fail(message: string, at: Tok | undefined = this.peek() ?? this.toks[this.toks.length - 1]): never {
    throw new ProtoSyntaxError(this.file, message, at?.line, at?.col);
  }
}

// ---- .proto declarations -------------------------------------------------------------------

function dotted(c: Cursor): string {
  let name = c.take('.') ? '.' : '';
  name += c.ident('a name');
  while (c.is('.')) {
    c.next();
    name += '.' + c.ident('a name');
  }
  return name;
}

/** Skips a balanced `{ … }`, `[ … ]` or up to the next `;` (options, services, reserved). */
function skipStatement(c: Cursor): void {
  let depth = 0;
  for (;;) {
    const t = c.next();
    if (t.k === 'sym' && (t.v === '{' || t.v === '[' || t.v === '(')) depth++;
    else if (t.k === 'sym' && (t.v === '}' || t.v === ']' || t.v === ')')) {
      depth--;
      if (depth === 0 && t.v === '}') return;
    } else if (t.k === 'sym' && t.v === ';' && depth === 0) return;
    if (depth > MAX_DEPTH) c.fail('declarations nest too deeply');
  }
}

function parseProto(file: ProtoFile, reg: Registry, pending: { field: FieldDesc; at: Tok; file: string }[]): void {
  const c = new Cursor(tokenize(file.text, file.path), file.path);
  let pkg = '';
  let syntax: MessageDesc['syntax'] = 'proto2';
  const define = (full: string, d: MessageDesc | EnumDesc, at: Tok) => {
    if (reg.has(full)) c.fail(`${full} is defined twice`, at);
    reg.set(full, d);
  };
  const parseEnum = (scope: string) => {
    const at = c.peek()!;
    const name = c.ident('an enum name');
    const full = scope ? `${scope}.${name}` : name;
    const e: EnumDesc = { kind: 'enum', name: full, values: new Map(), byName: new Map() };
    c.expect('{');
    while (!c.take('}')) {
      if (c.is('option') || c.is('reserved')) {
        skipStatement(c);
        continue;
      }
      if (c.take(';')) continue;
      const vname = c.ident('an enum value');
      c.expect('=');
      const neg = c.take('-');
      const num = c.next();
      const n = (neg ? -1 : 1) * Number(num.v);
      if (!Number.isInteger(n)) c.fail(`enum value ${vname} needs an integer`, num);
      if (c.is('[')) skipStatement(c);
      else c.expect(';');
      if (!e.values.has(n)) e.values.set(n, vname);
      e.byName.set(vname, n);
    }
    define(full, e, at);
  };
  const parseMessage = (scope: string, depth: number) => {
    if (depth > MAX_DEPTH) c.fail('messages nest too deeply');
    const at = c.peek()!;
    const name = c.ident('a message name');
    const full = scope ? `${scope}.${name}` : name;
    const m: MessageDesc = { kind: 'message', name: full, fields: [], syntax };
    c.expect('{');
    body(m, full, depth);
    define(full, m, at);
  };
  const body = (m: MessageDesc, scope: string, depth: number) => {
    while (!c.take('}')) {
      if (c.take(';')) continue;
      if (c.take('message')) parseMessage(scope, depth + 1);
      else if (c.take('enum')) parseEnum(scope);
      else if (c.is('option') || c.is('reserved') || c.is('extensions') || c.is('extend')) skipStatement(c);
      else if (c.take('oneof')) {
        c.ident('a oneof name');
        c.expect('{');
        while (!c.take('}')) {
          if (c.is('option')) skipStatement(c);
          else if (!c.take(';')) field(m, scope, false);
        }
      } else field(m, scope, true);
    }
  };
  const field = (m: MessageDesc, scope: string, labelled: boolean) => {
    const at = c.peek()!;
    let repeated = false;
    let presence = syntax === 'proto2';
    if (labelled && c.take('repeated')) repeated = true;
    else if (labelled && c.take('optional')) presence = true;
    else if (labelled && c.take('required')) presence = true;
    if (!labelled) presence = true;
    let map: FieldDesc['map'];
    let type: string;
    if (c.is('map') && c.is('<', 1)) {
      c.next();
      c.next();
      const key = dotted(c);
      c.expect(',');
      const value = dotted(c);
      c.expect('>');
      map = { key, value };
      type = value;
      repeated = true;
    } else type = dotted(c);
    const name = c.ident('a field name');
    c.expect('=');
    const num = c.next();
    // Field options (`[deprecated = true]`) are skipped with the closing `;`.
    if (c.is('[')) skipStatement(c);
    else c.expect(';');
    const f: FieldDesc = { name, number: Number(num.v), type, repeated, presence: presence && !repeated, scope, ...(map ? { map } : {}) };
    m.fields.push(f);
    if (!SCALARS.has(type)) pending.push({ field: f, at, file: file.path });
  };
  while (c.peek()) {
    if (c.take('syntax') || c.take('edition')) {
      c.expect('=');
      const v = c.next().v;
      syntax = v === 'proto3' ? 'proto3' : v === 'proto2' ? 'proto2' : 'editions';
      c.expect(';');
    } else if (c.take('package')) {
      pkg = dotted(c);
      c.expect(';');
    } else if (c.take('import')) {
      // Types are looked up among every file given, so an import needs no action.
      skipStatement(c);
    } else if (c.take('message')) parseMessage(pkg, 0);
    else if (c.take('enum')) parseEnum(pkg);
    else if (c.is('option') || c.is('service') || c.is('extend')) skipStatement(c);
    else if (!c.take(';')) c.fail(`unexpected ${JSON.stringify(c.peek()!.v)}`);
  }
}

/** Resolves a type name from `scope` outwards, as protoc does. */
function resolveType(reg: Registry, scope: string, name: string): string | undefined {
  if (name.startsWith('.')) return reg.has(name.slice(1)) ? name.slice(1) : undefined;
  const parts = scope ? scope.split('.') : [];
  for (let n = parts.length; n >= 0; n--) {
    const full = [...parts.slice(0, n), name].join('.');
    if (reg.has(full)) return full;
  }
  return undefined;
}

const registries = new WeakMap<readonly ProtoFile[], Registry>();

/** The message and enum declarations of `files` (parsed once per list). */
export function protoRegistry(files: readonly ProtoFile[]): Registry {
  let reg = registries.get(files);
  if (reg) return reg;
  reg = new Map();
  const pending: { field: FieldDesc; at: Tok; file: string }[] = [];
  for (const f of files) parseProto(f, reg, pending);
  for (const p of pending) {
    for (const which of p.field.map ? (['key', 'value'] as const) : ([null] as const)) {
      const name = which ? p.field.map![which] : p.field.type;
      if (SCALARS.has(name)) continue;
      const full = resolveType(reg, p.field.scope, name);
      if (!full) throw new ProtoSyntaxError(p.file, `unknown type ${name} of field ${p.field.name}`, p.at.line, p.at.col);
      if (which) p.field.map![which] = full;
      if (which !== 'key') p.field.type = full;
    }
  }
  registries.set(files, reg);
  return reg;
}

/** The first problem of the `.proto` declarations, located in its own file (checked up front by the CLI). */
export function protoFilesProblem(files: readonly ProtoFile[]): { path: string; line?: number; column?: number; message: string } | undefined {
  try {
    protoRegistry(files);
    return undefined;
  } catch (e) {
    if (!(e instanceof ProtoSyntaxError) || !e.file) throw e;
    const message = e.message.slice(e.file.length + 2);
    return { path: e.file, ...(e.line ? { line: e.line } : {}), ...(e.column ? { column: e.column } : {}), message };
  }
}

// ---- text format ---------------------------------------------------------------------------

// One line, as conftest reads the comment line by line (spaces and tabs only, never a line break).
const MESSAGE_TYPE = /#[ \t]+proto-message:[ \t]+([A-Za-z0-9.]+)/;

function scalarValue(c: Cursor, type: string, reg: Registry, field: string): unknown {
  const t = c.next();
  const neg = t.k === 'sym' && t.v === '-';
  const v = neg ? c.next() : t;
  if (type === 'string' || type === 'bytes') {
    if (v.k !== 'str' || neg) c.fail(`field ${field}: expected a string`, v);
    let s = v.v;
    while (c.peek()?.k === 'str') s += c.next().v;
    if (type === 'bytes') return base64(s);
    return s;
  }
  if (type === 'bool') {
    const ok: Record<string, boolean> = { true: true, True: true, t: true, '1': true, false: false, False: false, f: false, '0': false };
    if (neg || !(v.v in ok) || v.k === 'str') c.fail(`field ${field}: invalid bool ${JSON.stringify(v.v)}`, v);
    return ok[v.v];
  }
  const en = reg.get(type);
  if (en?.kind === 'enum') {
    if (v.k === 'id' && !neg) {
      if (!en.byName.has(v.v)) c.fail(`field ${field}: ${JSON.stringify(v.v)} is not a value of ${type}`, v);
      return v.v;
    }
    if (v.k !== 'num' || !/^\d+$/.test(v.v)) c.fail(`field ${field}: invalid enum value`, v);
    const n = (neg ? -1 : 1) * Number(v.v);
    return en.values.get(n) ?? n;
  }
  if (type === 'float' || type === 'double') {
    if (v.k === 'id' && /^(inf|infinity|nan)$/i.test(v.v)) return /^nan$/i.test(v.v) ? 'NaN' : neg ? '-Infinity' : 'Infinity';
    if (v.k !== 'num') c.fail(`field ${field}: expected a number`, v);
    const n = Number(v.v.replace(/[fF]$/, ''));
    if (Number.isNaN(n)) c.fail(`field ${field}: invalid number ${JSON.stringify(v.v)}`, v);
    return neg ? -n : n;
  }
  if (v.k !== 'num') c.fail(`field ${field}: expected an integer`, v);
  let big: bigint;
  try {
    big = /^0[0-7]+$/.test(v.v) ? BigInt('0o' + v.v.slice(1)) : BigInt(v.v);
  } catch {
    c.fail(`field ${field}: invalid integer ${JSON.stringify(v.v)}`, v);
  }
  if (neg) big = -big;
  const bits = INT64.has(type) ? 64n : 32n;
  const min = UNSIGNED.has(type) ? 0n : -(1n << (bits - 1n));
  const max = UNSIGNED.has(type) ? (1n << bits) - 1n : (1n << (bits - 1n)) - 1n;
  if (big < min || big > max) c.fail(`field ${field}: ${big} is out of range for ${type}`, v);
  return INT64.has(type) ? big.toString() : Number(big);
}

/**
 * protojson's base64 of a `bytes` value: characters up to U+00FF are the bytes escapes wrote
 * (`\xff`, `\377`); others (raw non-ASCII text) are their UTF-8 bytes. No Buffer: this runs in browsers.
 */
function base64(s: string): string {
  const bytes: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp <= 0xff) bytes.push(cp);
    else bytes.push(...new TextEncoder().encode(ch));
  }
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    out += A[a >> 2]! + A[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? '=' : A[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? '=' : A[c & 63]!;
  }
  return out;
}

function isDefault(v: unknown, f: FieldDesc, reg: Registry): boolean {
  if (f.presence) return false;
  if (reg.get(f.type)?.kind === 'message') return false;
  const en = reg.get(f.type);
  if (en?.kind === 'enum') return v === en.values.get(0) || v === 0;
  return v === 0 || v === '0' || v === '' || v === false;
}

function message(c: Cursor, m: MessageDesc, reg: Registry, close: string, depth: number): Record<string, unknown> {
  if (depth > MAX_DEPTH) c.fail(`messages nest deeper than ${MAX_DEPTH} levels`);
  const out: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (;;) {
    if (close ? c.take(close) : !c.peek()) return out;
    if (!c.peek()) c.fail(`expected ${JSON.stringify(close)}`);
    if (c.is('[')) c.fail('extensions and google.protobuf.Any expansions are not supported');
    const at = c.peek()!;
    const name = c.ident('a field name');
    const f = m.fields.find((x) => x.name === name);
    if (!f) c.fail(`unknown field ${name} in message ${m.name}`, at);
    if (!f.repeated && seen.has(name)) c.fail(`non-repeated field ${name} is set twice`, at);
    seen.add(name);
    const sub = reg.get(f.map ? '' : f.type);
    const isMsg = f.map !== undefined || sub?.kind === 'message';
    const colon = c.take(':');
    if (!isMsg && !colon) c.fail(`expected ":" after field ${name}`);
    const one = (): unknown => {
      if (!isMsg) return scalarValue(c, f.type, reg, name);
      const open = c.next();
      if (!(open.k === 'sym' && (open.v === '{' || open.v === '<'))) c.fail(`field ${name}: expected "{" or "<"`, open);
      const end = open.v === '{' ? '}' : '>';
      if (f.map) {
        const entry: MessageDesc = {
          kind: 'message',
          name: `${m.name}.${name}Entry`,
          syntax: 'proto2',
          fields: [
            { name: 'key', number: 1, type: f.map.key, repeated: false, presence: true, scope: '' },
            { name: 'value', number: 2, type: f.map.value, repeated: false, presence: true, scope: '' },
          ],
        };
        return message(c, entry, reg, end, depth + 1);
      }
      return message(c, sub as MessageDesc, reg, end, depth + 1);
    };
    const values: unknown[] = [];
    if (f.repeated && c.is('[')) {
      c.next();
      if (!c.take(']')) {
        do values.push(one());
        while (c.take(','));
        c.expect(']');
      }
    } else values.push(one());
    if (f.map) {
      const obj = (out[name] as Record<string, unknown> | undefined) ?? {};
      for (const e of values as Record<string, unknown>[]) setOwn(obj, String(e['key'] ?? defaultKey(f.map.key)), e['value'] ?? defaultValue(f.map.value, reg));
      setOwn(out, name, obj);
    } else if (f.repeated) setOwn(out, name, [...((out[name] as unknown[] | undefined) ?? []), ...values]);
    else if (!isDefault(values[0], f, reg)) setOwn(out, name, values[0]);
    if (!c.take(',')) c.take(';');
  }
}

function defaultKey(type: string): string {
  return type === 'string' ? '' : type === 'bool' ? 'false' : '0';
}

function defaultValue(type: string, reg: Registry): unknown {
  const d = reg.get(type);
  if (d?.kind === 'message') return {};
  if (d?.kind === 'enum') return d.values.get(0) ?? 0;
  if (type === 'string' || type === 'bytes') return '';
  if (type === 'bool') return false;
  return INT64.has(type) ? '0' : 0;
}

/** Parses a textproto file into protojson, with its message type from `# proto-message:` looked up in `protos`. */
export function parseTextproto(text: string, protos: readonly ProtoFile[]): Record<string, unknown> {
  const m = MESSAGE_TYPE.exec(text);
  if (!m) throw new ConfigSyntaxError('file does not contain the necessary "# proto-message: pkg.Type" comment', 1, 1);
  const type = m[1]!;
  const desc = protoRegistry(protos).get(type);
  if (!desc || desc.kind !== 'message') {
    throw new ConfigSyntaxError(
      `look up message type ${JSON.stringify(type)}: not found in ${protos.length ? `the ${protos.length} .proto file${protos.length === 1 ? '' : 's'} given` : 'any .proto file (pass --proto-file-dirs DIR)'}`,
      text.slice(0, m.index).split('\n').length,
      1,
    );
  }
  return message(new Cursor(tokenize(text, ''), ''), desc, protoRegistry(protos), '', 0);
}

export function loadTextproto(path: string, text: string, protos: readonly ProtoFile[] = []): LoadResult {
  return loadPlain('textproto', path, text, (t) => parseTextproto(t, protos));
}
