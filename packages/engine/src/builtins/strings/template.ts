/**
 * `strings.render_template`: executes a Go text/template against an object of variables, with
 * the values OPA hands to Go (numbers as `json.Number`, i.e. string-kinded text; sets as
 * arrays). A key that is missing renders as `<undefined>`, as OPA does.
 */
import { builtinError, type BuiltinDecl } from '../define.js';
import { argObject, argString } from '../args.js';
import { T } from '../signature.js';
import { goSprintf, type GoArg } from '../go/go-printf.js';
import { formatFloat } from '../go/go-float.js';
import { utf8Length } from '../go/go-quote.js';
import { parseTemplate, TemplateError, type Command, type ControlNode, type Node, type Operand, type Pipeline } from './template-parse.js';
import { toJSONValue } from '../../value/json.js';
import { numberText } from '../../value/number.js';
import { compareStrings, type Value } from '../../value/types.js';

/** A Go value inside the template: `undefined` is Go's invalid (missing) value, `null` nil. */
type GV = undefined | null | boolean | string | bigint | JNum | GFloat | GV[] | GMap;
class JNum {
  constructor(readonly text: string) {}
}
class GFloat {
  constructor(readonly v: number) {}
}
class GMap {
  constructor(readonly m: Map<string, GV>) {}
  sortedKeys(): string[] {
    return [...this.m.keys()].sort(compareStrings);
  }
}

const UNDEFINED_TEXT = '<undefined>';

function fromValue(v: Value): GV {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return new JNum(numberText(v));
  if (Array.isArray(v)) return v.map(fromValue);
  const m = new Map<string, GV>();
  for (const [k, x] of Object.entries(v)) m.set(k, fromValue(x));
  return new GMap(m);
}

function typeOf(v: GV): string {
  if (v === undefined || v === null) return '<nil>';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'bigint') return 'int';
  if (v instanceof JNum) return 'json.Number';
  if (v instanceof GFloat) return 'float64';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

/** `fmt.Sprint`-style `%v` text of a value. */
function show(v: GV): string {
  if (v === undefined) return UNDEFINED_TEXT;
  if (v === null) return '<nil>';
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (typeof v === 'string') return v;
  if (v instanceof JNum) return v.text;
  if (v instanceof GFloat) return formatFloat(v.v, 'g', -1);
  if (Array.isArray(v)) return '[' + v.map(show).join(' ') + ']';
  return 'map[' + v.sortedKeys().map((k) => `${k}:${show(v.m.get(k))}`).join(' ') + ']';
}

function truth(v: GV): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return v.length > 0;
  if (typeof v === 'bigint') return v !== 0n;
  if (v instanceof JNum) return v.text.length > 0;
  if (v instanceof GFloat) return v.v !== 0;
  if (Array.isArray(v)) return v.length > 0;
  return v.m.size > 0;
}

function fail(msg: string): never {
  throw new TemplateError(msg);
}

type Kind = 'bool' | 'int' | 'float' | 'string' | 'other';
function basicKind(v: GV): Kind {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int';
  if (v instanceof GFloat) return 'float';
  if (typeof v === 'string' || v instanceof JNum) return 'string';
  return 'other';
}
const str = (v: GV): string => (v instanceof JNum ? v.text : (v as string));

function eq(a: GV, rest: GV[]): boolean {
  if (rest.length === 0) fail('missing argument for comparison');
  const k1 = basicKind(a);
  for (const b of rest) {
    const k2 = basicKind(b);
    if (k1 !== k2) {
      if (a !== undefined && a !== null && b !== undefined && b !== null) fail('incompatible types for comparison');
      continue;
    }
    switch (k1) {
      case 'bool':
      case 'int':
        if (a === b) return true;
        break;
      case 'float':
        if ((a as GFloat).v === (b as GFloat).v) return true;
        break;
      case 'string':
        if (str(a) === str(b)) return true;
        break;
      default:
        if ((a === undefined || a === null) && (b === undefined || b === null)) return true;
        if (Array.isArray(a) || Array.isArray(b) || a instanceof GMap || b instanceof GMap) {
          fail(`non-comparable type ${show(b)}: ${typeOf(b)}`);
        }
    }
  }
  return false;
}

function lt(a: GV, b: GV): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 === 'other' || k1 === 'bool' || k2 === 'other' || k2 === 'bool') fail('invalid type for comparison');
  if (k1 !== k2) fail('incompatible types for comparison');
  if (k1 === 'int') return (a as bigint) < (b as bigint);
  if (k1 === 'float') return (a as GFloat).v < (b as GFloat).v;
  return compareStrings(str(a), str(b)) < 0;
}

function goArg(v: GV): GoArg {
  if (typeof v === 'bigint') return { t: 'int', v };
  if (v instanceof GFloat) return { t: 'float', v: v.v };
  if (typeof v === 'string') return { t: 'string', v };
  if (v instanceof JNum) return { t: 'string', v: v.text, type: 'json.Number' };
  if (typeof v === 'boolean') return { t: 'bool', v };
  return { t: 'other', text: show(v === undefined ? null : v), type: typeOf(v) };
}

/** `fmt.Sprint`: a space between operands when neither side is a string. */
function sprint(args: GV[]): string {
  let out = '';
  let prevString = false;
  args.forEach((a, i) => {
    const isString = typeof a === 'string' || a instanceof JNum;
    if (i > 0 && !isString && !prevString) out += ' ';
    out += show(a === undefined ? null : a);
    prevString = isString;
  });
  return out;
}

function htmlEscape(s: string): string {
  return s.replace(/[<>&'"\u0000]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&#34;', '\u0000': '\uFFFD' })[c]!);
}

function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\\' || ch === "'" || ch === '"') out += '\\' + ch;
    else if ('<>&='.includes(ch) || cp < 0x20) out += '\\u' + cp.toString(16).toUpperCase().padStart(4, '0');
    else out += ch;
  }
  return out;
}

function index(item: GV, keys: GV[]): GV {
  let v = item;
  for (const k of keys) {
    if (Array.isArray(v) || typeof v === 'string') {
      if (typeof k !== 'bigint') fail(`cannot index slice/array with type ${typeOf(k)}`);
      const len = typeof v === 'string' ? utf8Length(v) : v.length;
      if (k < 0n || k >= BigInt(len)) fail(`error calling index: index out of range: ${k}`);
      v = typeof v === 'string' ? BigInt(new TextEncoder().encode(v)[Number(k)]) : v[Number(k)];
    } else if (v instanceof GMap) {
      if (typeof k !== 'string') fail(`error calling index: value has type ${typeOf(k)}; should be string`);
      v = v.m.has(k) ? v.m.get(k) : null;
    } else if (v === undefined || v === null) {
      fail('error calling index: index of untyped nil');
    } else {
      fail(`error calling index: can't index item of type ${typeOf(v)}`);
    }
  }
  return v;
}

type Vars = { name: string; value: GV }[];

class Exec {
  out = '';
  constructor(private readonly vars: Vars) {}

  walk(nodes: Node[], dot: GV): void {
    for (const n of nodes) {
      switch (n.k) {
        case 'text':
          this.out += n.text;
          break;
        case 'action': {
          const v = this.pipeline(n.pipe, dot);
          if (n.pipe.decl.length === 0) this.out += show(v);
          break;
        }
        case 'if':
        case 'with': {
          const mark = this.vars.length;
          const v = this.pipeline(n.pipe, dot);
          if (truth(v)) this.walk(n.list, n.k === 'with' ? v : dot);
          else if (n.elseList) this.walk(n.elseList, dot);
          this.vars.length = mark;
          break;
        }
        case 'range':
          this.range(n, dot);
          break;
        case 'break':
          throw BREAK;
        case 'continue':
          throw CONTINUE;
      }
    }
  }

  private range(n: ControlNode, dot: GV): void {
    const mark = this.vars.length;
    const v = this.pipeline({ ...n.pipe, decl: [] }, dot);
    let items: [GV, GV][];
    if (Array.isArray(v)) items = v.map((x, i) => [BigInt(i), x]);
    else if (v instanceof GMap) items = v.sortedKeys().map((k) => [k, v.m.get(k)]);
    else if (typeof v === 'bigint') {
      if (n.pipe.decl.length > 1) fail(`can't use ${v} to iterate over more than one variable`);
      items = [];
      for (let i = 0n; i < v; i++) items.push([i, i]);
    } else if (v === undefined || v === null) items = [];
    else fail(`range can't iterate over ${show(v)}`);
    for (const [key, elem] of items) {
      const inner = this.vars.length;
      if (n.pipe.decl.length === 1) this.vars.push({ name: n.pipe.decl[0], value: elem });
      else if (n.pipe.decl.length >= 2) this.vars.push({ name: n.pipe.decl[0], value: key }, { name: n.pipe.decl[1], value: elem });
      try {
        this.walk(n.list, elem);
      } catch (e) {
        if (e === BREAK) {
          this.vars.length = inner;
          break;
        }
        if (e !== CONTINUE) throw e;
      }
      this.vars.length = inner;
    }
    if (items.length === 0 && n.elseList) this.walk(n.elseList, dot);
    this.vars.length = mark;
  }

  pipeline(p: Pipeline, dot: GV): GV {
    let v: GV = undefined;
    let first = true;
    for (const c of p.cmds) {
      v = this.command(c, dot, first ? undefined : { value: v });
      // Go unwraps interfaces after each command, turning nil into the invalid value.
      if (v === null) v = undefined;
      first = false;
    }
    if (p.decl.length > 0) {
      if (p.assign) {
        const name = p.decl[0];
        let found = false;
        for (let i = this.vars.length - 1; i >= 0; i--) {
          if (this.vars[i].name === name) {
            this.vars[i].value = v;
            found = true;
            break;
          }
        }
        if (!found) fail(`undefined variable: ${name}`);
      } else this.vars.push({ name: p.decl[0], value: v });
    }
    return v;
  }

  private command(c: Command, dot: GV, final: { value: GV } | undefined): GV {
    const head = c.args[0];
    if (head.k === 'ident') return this.call(head.name, c.args.slice(1), dot, final);
    if (c.args.length > 1 || final) fail(`can't give argument to non-function ${describe(head)}`);
    return this.operand(head, dot);
  }

  operand(op: Operand, dot: GV): GV {
    switch (op.k) {
      case 'dot':
        return this.fields(dot, op.fields);
      case 'field':
        return this.fields(dot, op.fields);
      case 'var': {
        let base: GV = undefined;
        let found = false;
        for (let i = this.vars.length - 1; i >= 0; i--) {
          if (this.vars[i].name === op.name) {
            base = this.vars[i].value;
            found = true;
            break;
          }
        }
        if (!found) fail(`undefined variable: ${op.name}`);
        return this.fields(base, op.fields);
      }
      case 'string':
        return op.value;
      case 'number':
        return op.isInt ? (op.value as bigint) : new GFloat(op.value as number);
      case 'bool':
        return op.value;
      case 'nil':
        return fail('nil is not a command');
      case 'ident':
        return this.call(op.name, [], dot, undefined);
      case 'pipe':
        return this.fields(this.pipeline(op.pipe, dot), op.fields);
    }
  }

  private fields(v: GV, names: string[]): GV {
    for (const name of names) {
      if (v === undefined) return undefined;
      if (v === null) fail(`nil pointer evaluating interface {}.${name}`);
      if (!(v instanceof GMap)) fail(`can't evaluate field ${name} in type ${typeOf(v)}`);
      v = v.m.has(name) ? v.m.get(name) : undefined;
    }
    return v;
  }

  private call(name: string, argOps: Operand[], dot: GV, final: { value: GV } | undefined): GV {
    const lazy = argOps.map((op) => () => this.operand(op, dot));
    if (final) lazy.push(() => final.value);
    const args = (): GV[] => lazy.map((f) => f());
    switch (name) {
      case 'and':
      case 'or': {
        if (lazy.length === 0) fail(`wrong number of args for ${name}: want at least 1 got 0`);
        let v: GV = undefined;
        for (const f of lazy) {
          v = f();
          if (truth(v) === (name === 'or')) return v;
        }
        return v;
      }
      case 'not':
        if (lazy.length !== 1) fail(`wrong number of args for not: want 1 got ${lazy.length}`);
        return !truth(lazy[0]());
      case 'len': {
        if (lazy.length !== 1) fail(`wrong number of args for len: want 1 got ${lazy.length}`);
        const v = lazy[0]();
        if (typeof v === 'string') return BigInt(utf8Length(v));
        if (v instanceof JNum) return BigInt(v.text.length);
        if (Array.isArray(v)) return BigInt(v.length);
        if (v instanceof GMap) return BigInt(v.m.size);
        return fail(`error calling len: len of type ${typeOf(v)}`);
      }
      case 'index': {
        const a = args();
        if (a.length === 0) fail('wrong number of args for index: want at least 1 got 0');
        return index(a[0], a.slice(1));
      }
      case 'print':
        return sprint(args());
      case 'println':
        return args().map((a) => show(a === undefined ? null : a)).join(' ') + '\n';
      case 'printf': {
        const a = args();
        if (a.length === 0 || (typeof a[0] !== 'string' && !(a[0] instanceof JNum))) fail('wrong type for value; expected string');
        return goSprintf(str(a[0]), a.slice(1).map(goArg));
      }
      case 'eq': {
        const a = args();
        return eq(a[0], a.slice(1));
      }
      case 'ne': {
        const a = args();
        if (a.length !== 2) fail(`wrong number of args for ne: want 2 got ${a.length}`);
        return !eq(a[0], [a[1]]);
      }
      case 'lt':
      case 'le':
      case 'gt':
      case 'ge': {
        const a = args();
        if (a.length !== 2) fail(`wrong number of args for ${name}: want 2 got ${a.length}`);
        const less = lt(a[0], a[1]);
        const equal = !less && eq(a[0], [a[1]]);
        if (name === 'lt') return less;
        if (name === 'le') return less || equal;
        if (name === 'gt') return !less && !equal;
        return !less;
      }
      case 'html':
        return htmlEscape(escArg(args()));
      case 'js':
        return jsEscape(escArg(args()));
      case 'urlquery':
        return encodeURIComponent(escArg(args())).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
      default:
        return fail(`function "${name}" not supported`);
    }
  }
}

function escArg(a: GV[]): string {
  if (a.length === 1 && (typeof a[0] === 'string' || a[0] instanceof JNum)) return str(a[0]);
  return sprint(a);
}

function describe(op: Operand): string {
  if (op.k === 'field') return '.' + op.fields.join('.');
  if (op.k === 'var') return op.name + op.fields.map((f) => '.' + f).join('');
  if (op.k === 'string') return JSON.stringify(op.value);
  if (op.k === 'number') return op.text;
  return op.k === 'dot' ? '.' : op.k;
}

const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');

/** Renders a template with the given variables; throws TemplateError on parse/exec errors. */
export function renderTemplate(source: string, vars: Value): string {
  const nodes = parseTemplate(source);
  const data = fromValue(toJSONValue(vars));
  const exec = new Exec([{ name: '$', value: data }]);
  try {
    exec.walk(nodes, data);
  } catch (e) {
    if (e instanceof TemplateError) throw new TemplateError(`template: template: executing "template": ${e.message}`);
    throw e;
  }
  return exec.out;
}

export const templateBuiltins: BuiltinDecl[] = [
  {
    name: 'strings.render_template',
    params: [
      { name: 'value', type: T.string, description: 'Go text/template source' },
      { name: 'vars', type: T.object(T.string, T.any), description: 'variables the template refers to as .name' },
    ],
    result: T.string,
    category: 'strings',
    description: 'Renders a Go text/template with the given variables; missing keys render as <undefined>.',
    impl(args) {
      const source = argString(args, 0);
      const vars = argObject(args, 1);
      try {
        return renderTemplate(source, vars);
      } catch (e) {
        if (e instanceof TemplateError) throw builtinError(e.message);
        throw e;
      }
    },
  },
];
