import type { Bind, Node, Pos, Spec } from './jsonnet-syntax.js';
import { ArrV, FnV, LIMITS, ObjV, Thunk, fail, numberText, typeOf, type Env, type Field, type Layer, type V } from './jsonnet-values.js';

/**
 * Jsonnet's evaluation (jsonnet.org/ref/spec.html): variables, calls, `self`/`super`/`$` through
 * the layers of jsonnet-values.ts, field visibility, comprehensions, operators, equality and
 * ordering, and manifestation to JSON. Every run is bounded — evaluation steps, call depth, array
 * and string sizes (LIMITS) — so hostile input ends in a located error, not a hung or exhausted
 * process.
 */

export class Evaluator {
  private steps = 0;
  private depth = 0;
  /** The standard library object, so a missing std function is named as such. */
  std?: ObjV;

  /** Counts one step of work; comprehensions count each iteration, as they build without evaluating. */
  tick(at: Pos): void {
    if (++this.steps > LIMITS.steps) fail(`evaluation exceeds ${LIMITS.steps} steps`, at);
  }

  /** The node being evaluated: where a JavaScript stack overflow is reported. */
  current: Pos = { line: 1, col: 1 };

  eval(n: Node, env: Env): V {
    this.tick(n);
    this.current = n;
    switch (n.t) {
      case 'lit':
        return n.v;
      case 'self':
        return env.self ?? fail('self used outside an object', n);
      case 'dollar':
        return env.dollar ?? fail('$ used outside an object', n);
      case 'var': {
        const th = env.vars[n.name];
        if (!th) fail(`unknown variable: ${n.name}`, n);
        return th.get(this);
      }
      case 'super': {
        if (!env.self) fail('super used outside an object', n);
        const name = this.str(this.eval(n.index, env), n);
        return this.field(env.self, name, n, env.layer);
      }
      case 'inSuper': {
        if (!env.self) fail('super used outside an object', n);
        return env.self.find(this.str(this.eval(n.key, env), n), env.layer) >= 0;
      }
      case 'index':
        return this.index(this.eval(n.target, env), this.eval(n.index, env), n);
      case 'slice':
        return this.slice(n, env);
      case 'call': {
        const fn = this.eval(n.fn, env);
        if (!(fn instanceof FnV)) fail(`only functions can be called, got ${typeOf(fn)}`, n);
        return this.call(fn, n.args.map((a) => new Thunk(a, env)), n.named.map(([k, a]) => [k, new Thunk(a, env)]), n);
      }
      case 'local':
        return this.eval(n.body, this.bindAll(n.binds, env));
      case 'if': {
        const c = this.eval(n.cond, env);
        if (typeof c !== 'boolean') fail(`if condition must be a boolean, got ${typeOf(c)}`, n.cond);
        return c ? this.eval(n.then, env) : n.else ? this.eval(n.else, env) : null;
      }
      case 'fn':
        return new FnV(n.params, n.body, env);
      case 'assert': {
        const c = this.eval(n.cond, env);
        if (c !== true) fail(n.msg ? `assertion failed: ${this.toStr(this.eval(n.msg, env), n)}` : 'assertion failed', n);
        return this.eval(n.rest, env);
      }
      case 'error': {
        const m = this.eval(n.msg, env);
        return fail(`RUNTIME ERROR: ${typeof m === 'string' ? m : this.toStr(m, n)}`, n);
      }
      case 'unary':
        return this.unary(n.op, this.eval(n.e, env), n);
      case 'bin':
        return this.binary(n.op, n.l, n.r, env, n);
      case 'array':
        return new ArrV(n.items.map((i) => new Thunk(i, env)));
      case 'arrayFor': {
        const out: Thunk[] = [];
        this.specs(n.specs, 0, env, (e) => {
          if (out.push(new Thunk(n.body, e)) > LIMITS.arrayLength) fail(`array longer than ${LIMITS.arrayLength} elements`, n);
        }, n);
        return new ArrV(out);
      }
      case 'object':
        return this.object(n, env);
      case 'objectFor': {
        const fields = new Map<string, Field>();
        this.specs(n.specs, 0, env, (e) => {
          const k = this.eval(n.key, e);
          if (k === null) return;
          const name = this.str(k, n.key);
          if (fields.has(name)) fail(`duplicate field name: ${JSON.stringify(name)}`, n.key);
          // The comprehension's locals see the loop variables and the object.
          fields.set(name, { vis: ':', plus: n.plus, body: n.locals.length ? { t: 'local', binds: n.locals, body: n.value, line: n.line, col: n.col } : n.value, env: e });
        }, n);
        return new ObjV([{ fields, locals: [], asserts: [] }]);
      }
    }
  }

  private specs(specs: Spec[], i: number, env: Env, emit: (e: Env) => void, at: Pos): void {
    if (i === specs.length) return emit(env);
    const s = specs[i]!;
    if (s.t === 'if') {
      const c = this.eval(s.cond, env);
      if (typeof c !== 'boolean') fail('comprehension condition must be a boolean', s.cond);
      if (c) this.specs(specs, i + 1, env, emit, at);
      return;
    }
    const arr = this.eval(s.arr, env);
    if (!(arr instanceof ArrV)) fail(`for loop over a ${typeOf(arr)}, not an array`, s.arr);
    for (const th of arr.items) {
      this.tick(s.arr);
      this.specs(specs, i + 1, { ...env, vars: withVar(env.vars, s.name, th) }, emit, at);
    }
  }

  bindAll(binds: Bind[], env: Env): Env {
    const vars = Object.create(env.vars) as Record<string, Thunk>;
    const inner: Env = { ...env, vars };
    for (const b of binds) vars[b.name] = b.params ? Thunk.of(new FnV(b.params, b.body, inner)) : new Thunk(b.body, inner);
    return inner;
  }

  private object(n: Extract<Node, { t: 'object' }>, env: Env): ObjV {
    const fields = new Map<string, Field>();
    const locals: Bind[] = [];
    const asserts: Layer['asserts'] = [];
    for (const m of n.members) if (m.m === 'local') locals.push(m.bind);
    for (const m of n.members) {
      if (m.m === 'field') {
        const k = this.eval(m.name, env);
        if (k === null) continue;
        const name = this.str(k, m.pos);
        if (fields.has(name)) fail(`duplicate field name: ${JSON.stringify(name)}`, m.pos);
        fields.set(name, { vis: m.vis, plus: m.plus, body: m.body, env });
      } else if (m.m === 'assert') asserts.push(m.msg ? { cond: m.cond, msg: m.msg, env } : { cond: m.cond, env });
    }
    return new ObjV([{ fields, locals, asserts }]);
  }

  /** The environment of code in layer `i` of `self`: `self`, `super`, `$` and the layer's locals. */
  private layerEnv(self: ObjV, i: number, env: Env): Env {
    const base: Env = { vars: env.vars, self, layer: i, dollar: env.dollar ?? self };
    const locals = self.layers[i]!.locals;
    return locals.length ? this.bindAll(locals, base) : base;
  }

  private checkAsserts(o: ObjV): void {
    if (o.asserted) return;
    o.asserted = true;
    o.layers.forEach((l, i) => {
      for (const a of l.asserts) {
        const env = this.layerEnv(o, i, a.env);
        if (this.eval(a.cond, env) !== true) fail(a.msg ? `object assertion failed: ${this.toStr(this.eval(a.msg, env), a.cond)}` : 'object assertion failed', a.cond);
      }
    });
  }

  /** Field `name` of `self`, looked up below layer `below` (all layers, or `super`'s). */
  field(self: ObjV, name: string, at: Pos, below?: number): V {
    const top = below === undefined;
    if (top) {
      const c = self.cached(name);
      if (c !== undefined) return c;
    }
    this.checkAsserts(self);
    const i = self.find(name, below);
    if (i < 0) fail(self === this.std ? `std.${name} is not supported by Palisade's Jsonnet evaluator` : `field does not exist: ${name}`, at);
    const f = self.layers[i]!.fields.get(name)!;
    if (top) {
      if (self.active.has(name)) fail(`infinite recursion: field ${name} is defined through itself`, at);
      self.active.add(name);
    }
    try {
      let v = f.value !== undefined ? f.value : this.eval(f.body!, this.layerEnv(self, i, f.env!));
      if (f.plus && self.find(name, i) >= 0) v = this.plus(this.field(self, name, at, i), v, at);
      if (top) self.remember(name, v);
      return v;
    } finally {
      if (top) self.active.delete(name);
    }
  }

  call(fn: FnV, args: Thunk[], named: [string, Thunk][], at: Pos): V {
    if (args.length > fn.params.length) fail(`too many arguments: the function takes ${fn.params.length}`, at);
    const given = new Map<string, Thunk>();
    fn.params.forEach((p, i) => {
      if (i < args.length) given.set(p.name, args[i]!);
    });
    for (const [k, th] of named) {
      if (!fn.params.some((p) => p.name === k)) fail(`function has no parameter ${k}`, at);
      if (given.has(k)) fail(`argument ${k} given twice`, at);
      given.set(k, th);
    }
    if (++this.depth > LIMITS.depth) fail(`max stack frames exceeded (${LIMITS.depth})`, at);
    try {
      if (typeof fn.body === 'function') {
        const list = fn.params.map((p) => given.get(p.name) ?? (p.def ? new Thunk(p.def, { vars: Object.create(null) as Record<string, Thunk> }) : fail(`missing argument: ${p.name}`, at)));
        return fn.body(list, at);
      }
      const vars = Object.create(fn.env!.vars) as Record<string, Thunk>;
      const env: Env = { ...fn.env!, vars };
      for (const p of fn.params) vars[p.name] = given.get(p.name) ?? (p.def ? new Thunk(p.def, env) : fail(`missing argument: ${p.name}`, at));
      return this.eval(fn.body, env);
    } finally {
      this.depth--;
    }
  }

  index(t: V, k: V, at: Pos): V {
    if (t instanceof ObjV) return this.field(t, this.str(k, at), at);
    if (t instanceof ArrV || typeof t === 'string') {
      if (typeof k !== 'number') fail(`index must be a number, got ${typeOf(k)}`, at);
      if (!Number.isInteger(k)) fail(`index ${k} is not an integer`, at);
      // Jsonnet strings are sequences of code points, not UTF-16 units.
      const items = t instanceof ArrV ? t.items : [...t];
      if (k < 0 || k >= items.length) fail(`index ${k} out of bounds [0, ${items.length})`, at);
      const x = items[k]!;
      return typeof x === 'string' ? x : x.get(this);
    }
    return fail(`cannot index a ${typeOf(t)}`, at);
  }

  private slice(n: Extract<Node, { t: 'slice' }>, env: Env): V {
    const t = this.eval(n.target, env);
    if (!(t instanceof ArrV) && typeof t !== 'string') fail(`cannot slice a ${typeOf(t)}`, n);
    const num = (x: Node | undefined, d: number) => {
      if (!x) return d;
      const v = this.eval(x, env);
      if (v === null) return d;
      if (typeof v !== 'number' || !Number.isInteger(v)) fail('slice bounds must be integers', x);
      return v;
    };
    const chars = typeof t === 'string' ? [...t] : [];
    const len = t instanceof ArrV ? t.items.length : chars.length;
    const from = Math.max(0, num(n.from, 0));
    const to = Math.min(len, num(n.to, len));
    const step = num(n.step, 1);
    if (step <= 0) fail('slice step must be positive', n);
    const idx: number[] = [];
    for (let i = from; i < to; i += step) idx.push(i);
    return t instanceof ArrV ? new ArrV(idx.map((i) => t.items[i]!)) : idx.map((i) => chars[i]).join('');
  }

  private unary(op: string, v: V, at: Pos): V {
    if (op === '!') return typeof v === 'boolean' ? !v : fail(`! needs a boolean, got ${typeOf(v)}`, at);
    if (typeof v !== 'number') fail(`unary ${op} needs a number, got ${typeOf(v)}`, at);
    if (op === '-') return -v;
    if (op === '+') return v;
    return Number(~BigInt(Math.trunc(v)));
  }

  private binary(op: string, ln: Node, rn: Node, env: Env, at: Pos): V {
    if (op === '&&' || op === '||') {
      const l = this.eval(ln, env);
      if (typeof l !== 'boolean') fail(`${op} needs booleans, got ${typeOf(l)}`, at);
      if (op === '&&' ? !l : l) return l;
      const r = this.eval(rn, env);
      if (typeof r !== 'boolean') fail(`${op} needs booleans, got ${typeOf(r)}`, at);
      return r;
    }
    const l = this.eval(ln, env);
    const r = this.eval(rn, env);
    switch (op) {
      case '+':
        return this.plus(l, r, at);
      case '==':
        return this.equal(l, r, at);
      case '!=':
        return !this.equal(l, r, at);
      case 'in':
        if (!(r instanceof ObjV)) fail(`in needs an object on its right, got ${typeOf(r)}`, at);
        return r.find(this.str(l, at)) >= 0;
      case '<':
      case '>':
      case '<=':
      case '>=': {
        const c = this.compare(l, r, at);
        return op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
      }
      case '%':
        if (typeof l === 'string') return this.format(l, r, at);
    }
    if (typeof l !== 'number' || typeof r !== 'number') fail(`operator ${op} needs numbers, got ${typeOf(l)} and ${typeOf(r)}`, at);
    let v: number;
    switch (op) {
      case '*':
        v = l * r;
        break;
      case '/':
        if (r === 0) fail('division by zero', at);
        v = l / r;
        break;
      case '%':
        if (r === 0) fail('division by zero', at);
        v = l % r;
        break;
      case '-':
        v = l - r;
        break;
      default: {
        const a = BigInt.asIntN(64, BigInt(Math.trunc(l)));
        const b = BigInt.asIntN(64, BigInt(Math.trunc(r)));
        if ((op === '<<' || op === '>>') && b < 0n) fail('shift by a negative amount', at);
        const big = op === '<<' ? BigInt.asIntN(64, a << (b % 64n)) : op === '>>' ? a >> (b % 64n) : op === '&' ? a & b : op === '^' ? a ^ b : a | b;
        v = Number(big);
      }
    }
    if (!Number.isFinite(v)) fail('overflow', at);
    return v;
  }

  plus(l: V, r: V, at: Pos): V {
    if (typeof l === 'number' && typeof r === 'number') {
      const v = l + r;
      return Number.isFinite(v) ? v : fail('overflow', at);
    }
    if (typeof l === 'string' || typeof r === 'string') {
      const s = this.toStr(l, at) + this.toStr(r, at);
      return s.length > LIMITS.stringLength ? fail(`string longer than ${LIMITS.stringLength} characters`, at) : s;
    }
    if (l instanceof ArrV && r instanceof ArrV) {
      if (l.items.length + r.items.length > LIMITS.arrayLength) fail(`array longer than ${LIMITS.arrayLength} elements`, at);
      return new ArrV([...l.items, ...r.items]);
    }
    if (l instanceof ObjV && r instanceof ObjV) return new ObjV([...l.layers, ...r.layers]);
    return fail(`operator + cannot add ${typeOf(l)} and ${typeOf(r)}`, at);
  }

  equal(l: V, r: V, at: Pos): boolean {
    if (l instanceof FnV || r instanceof FnV) fail('cannot test equality of functions', at);
    if (typeOf(l) !== typeOf(r)) return false;
    if (l instanceof ArrV && r instanceof ArrV) return l.items.length === r.items.length && l.items.every((x, i) => this.equal(x.get(this), r.items[i]!.get(this), at));
    if (l instanceof ObjV && r instanceof ObjV) {
      const a = l.names().filter((k) => l.visible(k));
      const b = r.names().filter((k) => r.visible(k));
      return a.length === b.length && a.every((k, i) => k === b[i] && this.equal(this.field(l, k, at), this.field(r, k, at), at));
    }
    return l === r;
  }

  compare(l: V, r: V, at: Pos): number {
    if (typeof l === 'number' && typeof r === 'number') return l - r;
    if (typeof l === 'string' && typeof r === 'string') return l < r ? -1 : l > r ? 1 : 0;
    if (l instanceof ArrV && r instanceof ArrV) {
      for (let i = 0; i < Math.min(l.items.length, r.items.length); i++) {
        const c = this.compare(l.items[i]!.get(this), r.items[i]!.get(this), at);
        if (c !== 0) return c;
      }
      return l.items.length - r.items.length;
    }
    return fail(`cannot compare ${typeOf(l)} and ${typeOf(r)}`, at);
  }

  str(v: V, at: Pos): string {
    return typeof v === 'string' ? v : fail(`expected a string, got ${typeOf(v)}`, at);
  }

  /** `std.toString`: a string as itself, anything else as its JSON on one line. */
  toStr(v: V, at: Pos): string {
    return typeof v === 'string' ? v : this.render(v, at);
  }

  /** One-line JSON as Jsonnet renders values in strings (`{"a": 1}`, `[1, 2]`). */
  render(v: V, at: Pos): string {
    if (v === null || typeof v === 'boolean') return String(v);
    if (typeof v === 'number') return numberText(v);
    if (typeof v === 'string') return JSON.stringify(v);
    if (v instanceof ArrV) return v.items.length ? `[${v.items.map((t) => this.render(t.get(this), at)).join(', ')}]` : '[ ]';
    if (v instanceof ObjV) {
      const ks = v.names().filter((k) => v.visible(k));
      return ks.length ? `{${ks.map((k) => `${JSON.stringify(k)}: ${this.render(this.field(v, k, at), at)}`).join(', ')}}` : '{ }';
    }
    return fail('cannot render a function', at);
  }

  /** The JSON value of `v` (the document a policy sees). */
  manifest(v: V, at: Pos): unknown {
    if (v instanceof ArrV) return v.items.map((t) => this.manifest(t.get(this), at));
    if (v instanceof ObjV) {
      const out: Record<string, unknown> = {};
      for (const k of v.names()) if (v.visible(k)) Object.defineProperty(out, k, { value: this.manifest(this.field(v, k, at), at), enumerable: true, writable: true, configurable: true });
      this.checkAsserts(v);
      return out;
    }
    if (v instanceof FnV) return fail('cannot manifest a function', at);
    return v;
  }

  /** `str % values` (std.format); set by jsonnet-std.ts, which owns the format codes. */
  format: (fmt: string, values: V, at: Pos) => string = () => fail('format is not available');
}

function withVar(vars: Record<string, Thunk>, name: string, th: Thunk): Record<string, Thunk> {
  const v = Object.create(vars) as Record<string, Thunk>;
  v[name] = th;
  return v;
}

