import type { Bind, Node, Param, Pos, Visibility } from './jsonnet-syntax.js';
import { ConfigSyntaxError } from './plain.js';

/**
 * Jsonnet's values: lazy thunks, arrays of thunks, functions, and objects as a stack of layers —
 * `a + b` stacks b's layers on a's, so `self` and `super` bind late, as the language requires.
 * The bounds every evaluation runs under are here too.
 */

export const LIMITS = { steps: 10_000_000, depth: 500, arrayLength: 1_000_000, stringLength: 16 * 1024 * 1024 };

export type V = null | boolean | number | string | ArrV | ObjV | FnV;

export class JsonnetError extends ConfigSyntaxError {}

export function fail(msg: string, at?: Pos): never {
  throw new JsonnetError(msg, at?.line, at?.col);
}

export class Thunk {
  private v: V | undefined;
  private busy = false;
  constructor(
    private node?: Node,
    private env?: Env,
    value?: V,
  ) {
    if (value !== undefined) this.v = value;
  }
  static of(v: V): Thunk {
    return new Thunk(undefined, undefined, v);
  }
  get(ev: { eval(n: Node, env: Env): V }): V {
    if (this.v !== undefined) return this.v;
    if (this.busy) fail('infinite recursion: a value refers to itself', this.node);
    this.busy = true;
    try {
      this.v = ev.eval(this.node!, this.env!);
    } finally {
      this.busy = false;
    }
    this.node = undefined;
    this.env = undefined;
    return this.v;
  }
}

export class ArrV {
  constructor(readonly items: Thunk[]) {}
}

export interface Field {
  vis: Visibility;
  plus: boolean;
  body?: Node;
  env?: Env;
  /** A precomputed value (the standard library's functions). */
  value?: V;
}
export interface Layer {
  fields: Map<string, Field>;
  locals: Bind[];
  asserts: { cond: Node; msg?: Node; env: Env }[];
}

export class ObjV {
  private readonly cache = new Map<string, V>();
  /** Fields being evaluated: meeting one again is a field defined through itself. */
  readonly active = new Set<string>();
  asserted = false;
  constructor(readonly layers: Layer[]) {}
  static of(fields: Map<string, Field>): ObjV {
    return new ObjV([{ fields, locals: [], asserts: [] }]);
  }
  /** Index of the topmost layer below `below` that defines `name`, or -1. */
  find(name: string, below = this.layers.length): number {
    for (let i = below - 1; i >= 0; i--) if (this.layers[i]!.fields.has(name)) return i;
    return -1;
  }
  visible(name: string): boolean {
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const f = this.layers[i]!.fields.get(name);
      if (f?.vis === '::') return false;
      if (f?.vis === ':::') return true;
    }
    return true;
  }
  names(): string[] {
    const s = new Set<string>();
    for (const l of this.layers) for (const k of l.fields.keys()) s.add(k);
    return [...s].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
  cached(name: string): V | undefined {
    return this.cache.get(name);
  }
  remember(name: string, v: V): void {
    this.cache.set(name, v);
  }
}

export class FnV {
  constructor(
    readonly params: Param[],
    readonly body: Node | ((args: Thunk[], at: Pos) => V),
    readonly env?: Env,
  ) {}
}

export interface Env {
  vars: Record<string, Thunk>;
  self?: ObjV;
  /** The layer of `self` the code belongs to: `super` is everything below it. */
  layer?: number;
  dollar?: ObjV;
}

export const typeOf = (v: V): string =>
  v === null ? 'null' : typeof v === 'boolean' ? 'boolean' : typeof v === 'number' ? 'number' : typeof v === 'string' ? 'string' : v instanceof ArrV ? 'array' : v instanceof ObjV ? 'object' : 'function';

/**
 * Numbers in strings as go-jsonnet (the Jsonnet conftest embeds) writes them: integers in full
 * (`%.0f`), others as `%.17g` — so 0.1 is "0.10000000000000001", where jrsonnet would write "0.1".
 */
export function numberText(v: number): string {
  if (Number.isInteger(v)) return Object.is(v, -0) ? '-0' : BigInt(v).toString();
  const e = Math.floor(Math.log10(Math.abs(v)));
  if (e < -4 || e >= 17) {
    const [m, x] = v.toExponential(16).split('e');
    const mant = m!.includes('.') ? m!.replace(/0+$/, '').replace(/\.$/, '') : m!;
    const exp = Number(x);
    return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const s = v.toPrecision(17);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}
