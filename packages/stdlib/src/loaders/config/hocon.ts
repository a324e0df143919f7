import type { LoadResult } from '../../model.js';
import { setOwn } from '../common.js';
import { ConfigSyntaxError, loadPlain } from './plain.js';

/**
 * HOCON (Typesafe/Lightbend config, `--parser hocon`, `*.conf` is not claimed by name) into JSON,
 * as conftest gives it to policies: objects, arrays, numbers, booleans, null and strings, with
 * duplicate keys merged (objects) or overridden, dotted keys (`a.b = 1`) nested, `+=` appends,
 * value concatenation (`75 seconds`, `${dir}/RUNNING_PID`) and substitutions resolved.
 *
 * Written here rather than taken from npm: the HOCON packages there either resolve `include`s from
 * the file system and URLs asynchronously (a loader is a synchronous pure function, and a scan must
 * not fetch) or implement a small part of the format (no substitutions, no concatenation).
 *
 * Deliberate limits: `include` is refused with an error (nothing is read besides the file);
 * substitutions resolve within the file only — no environment variables or system properties, so
 * a scan's result does not depend on the machine. `${?x}` that the file does not define leaves the
 * field as it was (or absent); `${x}` that it does not define is kept as its text (`${x}`), since
 * real configuration files (Play's `${play.server.dir}`) rely on values the runtime supplies.
 * Nesting is bounded (`MAX_DEPTH`), substitution chains too, and so is the size of the resolved
 * value (`MAX_NODES`), so a few self-multiplying substitutions cannot exhaust memory.
 */

const MAX_DEPTH = 256;
const MAX_SUBSTITUTION_DEPTH = 64;
const MAX_NODES = 1_000_000;

type Node =
  | { t: 'obj'; fields: Map<string, Assign[]> }
  | { t: 'arr'; items: Node[] }
  | { t: 'str'; v: string; quoted: boolean }
  | { t: 'lit'; v: number | boolean | null; text: string }
  | { t: 'sub'; path: string[]; optional: boolean; text: string }
  | { t: 'concat'; parts: Node[] };

/** One `key = value` (or `key += value`) of an object, in file order (`resolved`: a value already computed). */
interface Assign {
  node: Node;
  append: boolean;
  resolved?: unknown;
}

/** A layer of a merged object: an object literal of the file, or an object a substitution produced. */
type Layer = Extract<Node, { t: 'obj' }> | { value: Record<string, unknown> };

// Characters that end an unquoted string (HOCON spec "Unquoted strings"), plus white space.
const FORBIDDEN = new Set(['$', '"', '{', '}', '[', ']', ':', '=', ',', '+', '#', '`', '^', '?', '!', '@', '*', '&', '\\']);
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

class Parser {
  private i = 0;
  private line = 1;
  private col = 1;
  constructor(private readonly s: string) {}

  fail(message: string): never {
    throw new ConfigSyntaxError(message, this.line, this.col);
  }

  private peek(k = 0): string {
    return this.s[this.i + k] ?? '';
  }

  private next(): string {
    const c = this.s[this.i++] ?? '';
    if (c === '\n') {
      this.line++;
      this.col = 1;
    } else this.col++;
    return c;
  }

  private startsWith(t: string): boolean {
    return this.s.startsWith(t, this.i);
  }

  /** Skips spaces, tabs and comments; with `newlines`, line breaks too. Returns whether a newline was passed. */
  private skip(newlines: boolean): boolean {
    let nl = false;
    for (;;) {
      const c = this.peek();
      if (c === '#' || this.startsWith('//')) {
        while (this.i < this.s.length && this.peek() !== '\n') this.next();
      } else if (c === '\n') {
        if (!newlines) return nl;
        nl = true;
        this.next();
      } else if (c === ' ' || c === '\t' || c === '\r' || c === '\uFEFF' || c === '\u00A0') this.next();
      else return nl;
    }
  }

  parseRoot(): Node {
    this.skip(true);
    let root: Node;
    if (this.peek() === '{') {
      this.next();
      root = this.objectBody('}', 1);
    } else if (this.peek() === '[') {
      root = this.value(1);
    } else root = this.objectBody('', 1);
    this.skip(true);
    if (this.i < this.s.length) this.fail(`unexpected ${JSON.stringify(this.peek())} after the end of the document`);
    return root;
  }

  /** Fields up to `close` (`}`, or the end of the text for a root without braces). */
  private objectBody(close: string, depth: number): Node {
    if (depth > MAX_DEPTH) this.fail(`HOCON nests deeper than ${MAX_DEPTH} levels`);
    const obj: Node = { t: 'obj', fields: new Map() };
    for (;;) {
      this.skip(true);
      if (close === '' ? this.i >= this.s.length : this.peek() === close) {
        if (close) this.next();
        return obj;
      }
      if (this.i >= this.s.length) this.fail(`unterminated object: expected ${JSON.stringify(close)}`);
      if (this.peek() === ',') this.fail('unexpected ","');
      this.field(obj, depth);
      const nl = this.skip(false);
      if (this.peek() === ',') this.next();
      else if (!nl && this.peek() !== '\n' && this.peek() !== close && this.i < this.s.length) this.fail(`expected a new line or "," after a field, found ${JSON.stringify(this.peek())}`);
    }
  }

  private field(obj: Extract<Node, { t: 'obj' }>, depth: number): void {
    const path = this.key();
    this.skip(false);
    if (path.length === 1 && path[0] === 'include' && !this.keyWasQuoted && (this.peek() === '"' || this.startsWith('file(') || this.startsWith('url(') || this.startsWith('classpath(') || this.startsWith('required('))) {
      this.fail('include is not supported: a HOCON file is read on its own (merge the included file into it)');
    }
    this.skip(false);
    let append = false;
    if (this.peek() === '{') {
      // `key { … }`: an object without a separator.
    } else if (this.peek() === '=' || this.peek() === ':') this.next();
    else if (this.startsWith('+=')) {
      this.next();
      this.next();
      append = true;
    } else this.fail(`expected "=", ":" or "{" after the key ${JSON.stringify(path.join('.'))}`);
    this.skip(false);
    const value = this.value(depth + 1);
    // `a.b.c = v` is `a { b { c = v } }`.
    let target = obj;
    for (let k = 0; k < path.length - 1; k++) {
      const inner: Extract<Node, { t: 'obj' }> = { t: 'obj', fields: new Map() };
      pushAssign(target, path[k]!, { node: inner, append: false });
      target = inner;
    }
    pushAssign(target, path[path.length - 1]!, { node: value, append });
  }

  private keyWasQuoted = false;

  /** A key: dot-separated unquoted or quoted segments (`a.b`, `"a.b".c`). */
  private key(): string[] {
    const segs: string[] = [];
    let cur = '';
    let any = false;
    this.keyWasQuoted = false;
    for (;;) {
      const c = this.peek();
      if (c === '"') {
        cur += this.quoted();
        any = true;
        this.keyWasQuoted = true;
      } else if (c === '.') {
        this.next();
        segs.push(cur);
        cur = '';
        any = false;
      } else if (c === '' || c === '\n' || c === ' ' || c === '\t' || c === '\r' || FORBIDDEN.has(c) || this.startsWith('//')) break;
      else {
        cur += this.next();
        any = true;
      }
    }
    if (!any && segs.length === 0) this.fail(this.peek() ? `expected a key, found ${JSON.stringify(this.peek())}` : 'expected a key');
    segs.push(cur);
    return segs;
  }

  /** A value: one or more simple values, objects or arrays on one line (concatenated). */
  private value(depth: number): Node {
    if (depth > MAX_DEPTH) this.fail(`HOCON nests deeper than ${MAX_DEPTH} levels`);
    const parts: Node[] = [];
    for (;;) {
      const c = this.peek();
      if (c === '{') {
        this.next();
        parts.push(this.objectBody('}', depth + 1));
      } else if (c === '[') {
        this.next();
        parts.push(this.array(depth + 1));
      } else if (c === '"') {
        parts.push({ t: 'str', v: this.startsWith('"""') ? this.tripleQuoted() : this.quoted(), quoted: true });
      } else if (this.startsWith('${')) {
        parts.push(this.substitution());
      } else if (c !== '' && c !== '\n' && c !== ' ' && c !== '\t' && c !== '\r' && c !== ',' && c !== '}' && c !== ']' && c !== '#' && !this.startsWith('//') && !FORBIDDEN.has(c)) {
        parts.push(this.unquoted());
      } else if (c === ' ' || c === '\t' || c === '\r') {
        // White space between parts is part of a string concatenation.
        let ws = '';
        while (this.peek() === ' ' || this.peek() === '\t' || this.peek() === '\r') ws += this.next();
        const after = this.peek();
        const ends = after === '' || after === '\n' || after === ',' || after === '}' || after === ']' || after === '#' || this.startsWith('//');
        if (!ends && parts.length) parts.push({ t: 'str', v: ws.replace(/\r/g, ''), quoted: true });
        if (ends) break;
      } else break;
    }
    if (parts.length === 0) this.fail(this.i >= this.s.length ? 'expected a value, found the end of the text' : `expected a value, found ${JSON.stringify(this.peek())}`);
    return parts.length === 1 ? parts[0]! : { t: 'concat', parts };
  }

  private array(depth: number): Node {
    const items: Node[] = [];
    for (;;) {
      this.skip(true);
      if (this.peek() === ']') {
        this.next();
        return { t: 'arr', items };
      }
      if (this.i >= this.s.length) this.fail('unterminated array: expected "]"');
      items.push(this.value(depth));
      const nl = this.skip(false);
      if (this.peek() === ',') this.next();
      else if (!nl && this.peek() !== '\n' && this.peek() !== ']') this.fail(`expected a new line, "," or "]" in an array, found ${JSON.stringify(this.peek())}`);
    }
  }

  private unquoted(): Node {
    let v = '';
    for (;;) {
      const c = this.peek();
      if (c === '' || c === '\n' || c === ' ' || c === '\t' || c === '\r' || FORBIDDEN.has(c) || c === ',' || this.startsWith('//')) break;
      v += this.next();
    }
    if (v === 'true' || v === 'false') return { t: 'lit', v: v === 'true', text: v };
    if (v === 'null') return { t: 'lit', v: null, text: v };
    if (NUMBER.test(v)) return { t: 'lit', v: Number(v), text: v };
    return { t: 'str', v, quoted: false };
  }

  private quoted(): string {
    this.next();
    let v = '';
    for (;;) {
      const c = this.next();
      if (c === '' || c === '\n') this.fail('unterminated quoted string');
      if (c === '"') return v;
      if (c !== '\\') {
        v += c;
        continue;
      }
      const e = this.next();
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (e in simple) v += simple[e];
      else if (e === 'u') {
        const hex = this.s.slice(this.i, this.i + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('invalid \\u escape');
        for (let k = 0; k < 4; k++) this.next();
        v += String.fromCharCode(parseInt(hex, 16));
      } else this.fail(`invalid escape \\${e}`);
    }
  }

  private tripleQuoted(): string {
    for (let k = 0; k < 3; k++) this.next();
    const end = this.s.indexOf('"""', this.i);
    if (end < 0) this.fail('unterminated """ string');
    // Extra quotes right before the closing """ belong to the string.
    let stop = end;
    while (this.s[stop + 3] === '"') stop++;
    let v = '';
    while (this.i < stop) v += this.next();
    for (let k = 0; k < 3; k++) this.next();
    return v;
  }

  private substitution(): Node {
    const start = this.i;
    this.next();
    this.next();
    const optional = this.peek() === '?';
    if (optional) this.next();
    this.skip(false);
    const path = this.key();
    this.skip(false);
    if (this.peek() !== '}') this.fail('expected "}" to close the substitution');
    this.next();
    return { t: 'sub', path, optional, text: this.s.slice(start, this.i) };
  }
}

function pushAssign(obj: Extract<Node, { t: 'obj' }>, key: string, a: Assign): void {
  let list = obj.fields.get(key);
  if (!list) obj.fields.set(key, (list = []));
  list.push(a);
}

/** No value: an optional substitution the file does not define. */
const MISSING = Symbol('missing');
type Out = unknown;

class Resolver {
  private nodes = 0;
  private depth = 0;
  /** Assignments being resolved: a substitution of their own path sees only the ones before them. */
  private readonly active = new Set<Assign>();
  constructor(private readonly root: Extract<Node, { t: 'obj' }>) {}

  count(): void {
    if (++this.nodes > MAX_NODES) throw new ConfigSyntaxError(`the document resolves to more than ${MAX_NODES} values (substitutions multiplying it?)`);
  }

  node(n: Node): Out | typeof MISSING {
    this.count();
    switch (n.t) {
      case 'lit':
        return n.v;
      case 'str':
        return n.v;
      case 'arr': {
        const out: Out[] = [];
        for (const item of n.items) {
          const v = this.node(item);
          if (v !== MISSING) out.push(v);
        }
        return out;
      }
      case 'obj':
        return this.object([n]);
      case 'sub':
        return this.substitute(n);
      case 'concat':
        return this.concat(n.parts);
    }
  }

  /** Value concatenation: strings join, arrays append, objects merge (white-space-only parts between objects or arrays drop). */
  private concat(parts: Node[]): Out | typeof MISSING {
    const values = parts.map((p) => ({ p, v: this.node(p) }));
    const solid = values.filter((x) => x.v !== MISSING);
    const kinds = new Set(solid.filter((x) => !isSpace(x.p)).map((x) => (Array.isArray(x.v) ? 'arr' : isPlainObject(x.v) ? 'obj' : 'str')));
    if (kinds.size === 0) return solid.length ? solid.map((x) => text(x.v)).join('') : MISSING;
    if (kinds.size > 1) throw new ConfigSyntaxError(`cannot concatenate ${[...kinds].join(' and ')} values`);
    const kind = [...kinds][0];
    const real = solid.filter((x) => !isSpace(x.p));
    if (kind === 'arr') return real.flatMap((x) => x.v as Out[]);
    if (kind === 'obj') return real.reduce<Record<string, unknown>>((acc, x) => merge(acc, x.v as Record<string, unknown>), {});
    return solid.map((x) => text(x.v)).join('');
  }

  private substitute(n: Extract<Node, { t: 'sub' }>): Out | typeof MISSING {
    if (++this.depth > MAX_SUBSTITUTION_DEPTH) throw new ConfigSyntaxError(`substitution ${n.text} nests deeper than ${MAX_SUBSTITUTION_DEPTH} levels (a cycle?)`);
    try {
      const v = this.lookup([this.root], n.path);
      if (v !== MISSING) return v;
      return n.optional ? MISSING : n.text;
    } finally {
      this.depth--;
    }
  }

  /**
   * The value at `path` in the merged objects `layers` (earlier first): object literals are walked
   * without resolving them whole, so a substitution may point into the object it sits in.
   */
  private lookup(layers: Layer[], path: string[]): Out | typeof MISSING {
    const [key, ...rest] = path;
    const entries: Assign[] = [];
    for (const l of layers) {
      if ('fields' in l) entries.push(...(l.fields.get(key!) ?? []));
      else if (Object.prototype.hasOwnProperty.call(l.value, key!)) entries.push({ node: { t: 'str', v: '', quoted: true }, append: false, resolved: l.value[key!] });
    }
    if (rest.length === 0) {
      // An assignment being resolved sees only the ones before it (HOCON's self-reference).
      const firstActive = entries.findIndex((a) => this.active.has(a));
      return this.fold(firstActive < 0 ? entries : entries.slice(0, firstActive));
    }
    let sub: Layer[] = [];
    for (const a of entries) {
      if (a.resolved === undefined && a.node.t === 'obj' && !a.append) {
        sub.push(a.node);
        continue;
      }
      if (this.active.has(a)) break;
      const v = this.fold([a]);
      if (v === MISSING) continue;
      sub = isPlainObject(v) ? [...sub, { value: v as Record<string, unknown> }] : [];
    }
    return sub.length ? this.lookup(sub, rest) : MISSING;
  }

  /** Folds a field's assignments: later values override, objects merge, `+=` appends, missing optional values change nothing. */
  private fold(assigns: Assign[]): Out | typeof MISSING {
    let cur: Out | typeof MISSING = MISSING;
    for (const a of assigns) {
      this.active.add(a);
      let v: Out | typeof MISSING;
      try {
        v = a.resolved !== undefined ? a.resolved : this.node(a.node);
      } finally {
        this.active.delete(a);
      }
      if (v === MISSING) continue;
      if (a.append) cur = [...(Array.isArray(cur) ? cur : []), v];
      else if (isPlainObject(v) && isPlainObject(cur)) cur = merge(cur as Record<string, unknown>, v as Record<string, unknown>);
      else cur = v;
    }
    return cur;
  }

  object(layers: Extract<Node, { t: 'obj' }>[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const layer of layers) {
      for (const [key, assigns] of layer.fields) {
        const v = this.fold(assigns);
        if (v === MISSING) continue;
        const prev = Object.prototype.hasOwnProperty.call(out, key) ? out[key] : undefined;
        setOwn(out, key, isPlainObject(prev) && isPlainObject(v) ? merge(prev as Record<string, unknown>, v as Record<string, unknown>) : v);
      }
    }
    return out;
  }
}

function isSpace(n: Node): boolean {
  return n.t === 'str' && n.quoted && /^[ \t]+$/.test(n.v);
}

function isPlainObject(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function text(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new ConfigSyntaxError('cannot concatenate an object or array with a string');
}

function merge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(a)) setOwn(out, k, v);
  for (const [k, v] of Object.entries(b)) {
    const prev = Object.prototype.hasOwnProperty.call(out, k) ? out[k] : undefined;
    setOwn(out, k, isPlainObject(prev) && isPlainObject(v) ? merge(prev as Record<string, unknown>, v as Record<string, unknown>) : v);
  }
  return out;
}

/** Parses HOCON text into its JSON value; throws ConfigSyntaxError with a position. */
export function parseHocon(textIn: string): unknown {
  const root = new Parser(textIn).parseRoot();
  const r = new Resolver(root.t === 'obj' ? root : { t: 'obj', fields: new Map() });
  if (root.t !== 'obj') {
    const v = r.node(root);
    return v === MISSING ? null : v;
  }
  return r.object([root]);
}

export function loadHocon(path: string, text: string): LoadResult {
  return loadPlain('hocon', path, text, parseHocon);
}
