/**
 * The planner compiles IR into closures once; evaluation only calls them. Continuation-passing
 * style: a term calls `k(value)` for each of its values, an expression calls `k()` for each
 * solution; a continuation returning `true` stops the search (used by `not`, `every`, first-
 * solution lookups). Variable slots live in a per-rule frame array; a binding made by a closure
 * is undone before it returns, so frames are always clean between solutions.
 */
import { ErrorCodes, PalisadeError } from '../errors.js';
import type { CallTarget, IRBody, IRExpr, IRTerm, IRWith } from '../compile/ir.js';
import { isOutputCall, unifyPairs } from '../compile/safety.js';
import { ObjectBuilder, RSet, equals, isObject, objectGet, objectSize, type Value } from '../value/types.js';
import { toRegoText } from '../value/json.js';
import { Ctx, type DataOverlay, type Mock } from './context.js';
import { iterate, setPath } from './values.js';
import { allBound, firstValue, hasGenerator, needs, startsWith, templateText, walkValue, type Segment } from './refs.js';
import type { RuleEvaluator } from './rules.js';
import type { RuleSet, TreeNode } from '../compile/rule-tree.js';
import type { BodyPlanner, ExprFn, Frame, K, PatFn, TermFn, VK } from './plan-types.js';
import { tracedExpr } from './trace.js';
import { UNBOUND, directRead, directReads } from './direct.js';

/** The first rule-set node along `prefix` and the number of segments leading to it, or null. */
function resolveRuleNode(tree: TreeNode, prefix: string[]): { node: TreeNode; depth: number } | null {
  let node: TreeNode | undefined = tree;
  for (let i = 0; i < prefix.length; i++) {
    node = node.children.get(prefix[i]);
    if (!node) return null;
    if (node.ruleSet) return { node, depth: i + 1 };
  }
  return null;
}

/** True when base data holds something at `path` or at one of its prefixes that is not an object. */
function hasBaseAt(base: Value, path: string[]): boolean {
  let cur: Value | undefined = base;
  for (const p of path) {
    if (cur === undefined) return false;
    if (!isObject(cur)) return true;
    cur = objectGet(cur, p);
  }
  return cur !== undefined;
}

// Defined in plan-types.ts (so that rules.ts and refs.ts need not import this file); named from here too.
export type { ExprFn, Frame, K, PatFn, TermFn, VK } from './plan-types.js';

export class Planner implements BodyPlanner {
  rules!: RuleEvaluator;

  // ---- bodies and expressions ----------------------------------------------------------------

  body(body: IRBody): ExprFn {
    const fns = body.map((e) => this.expr(e));
    const locs = body.map((e) => `${e.loc.file}:${e.loc.row}`);
    const n = fns.length;
    if (n === 0) return (_c, _f, k) => k();
    if (n === 1) {
      const a = fns[0];
      return (c, f, k) => {
        c.run.step();
        if (c.run.coverage !== undefined) c.run.coverage.add(locs[0]);
        if (c.run.tracer !== undefined) return tracedExpr(c.run.tracer, c.run.depth, body[0].loc, (k2) => a(c, f, k2), k);
        return a(c, f, k);
      };
    }
    const run = (i: number, c: Ctx, f: Frame, k: K): boolean => {
      c.run.step();
      if (c.run.coverage !== undefined) c.run.coverage.add(locs[i]);
      if (c.run.tracer !== undefined) {
        return tracedExpr(c.run.tracer, c.run.depth, body[i].loc, (k2) => fns[i](c, f, k2), i === n - 1 ? k : () => run(i + 1, c, f, k));
      }
      if (i === n - 1) return fns[i](c, f, k);
      return fns[i](c, f, () => run(i + 1, c, f, k));
    };
    return (c, f, k) => run(0, c, f, k);
  }

  expr(e: IRExpr): ExprFn {
    let fn = this.exprNode(e);
    if (e.negated) {
      const inner = fn;
      fn = (c, f, k) => (inner(c, f, () => true) ? false : k());
    }
    if (e.with.length) fn = this.withMods(e.with, fn);
    return fn;
  }

  private exprNode(e: IRExpr): ExprFn {
    const n = e.node;
    switch (n.kind) {
      case 'true':
        return (_c, _f, k) => k();
      case 'term': {
        const t = n.term;
        if (t.t === 'call' && isOutputCall(t)) {
          const call = this.call({ ...t, args: t.args.slice(0, -1) });
          const out = this.pattern(t.args[t.args.length - 1]);
          return (c, f, k) => call(c, f, (v) => out(c, f, v, k));
        }
        const tf = this.term(t);
        return (c, f, k) => tf(c, f, (v) => (v === false ? false : k()));
      }
      case 'unify':
        return this.unify(n.left, n.right);
      case 'somein': {
        const coll = this.term(n.collection);
        const val = this.pattern(n.value);
        const key = n.key ? this.pattern(n.key) : undefined;
        return (c, f, k) =>
          coll(c, f, (cv) =>
            iterate(cv, (ek, ev) => {
              c.run.step();
              return key ? key(c, f, ek, () => val(c, f, ev, k)) : val(c, f, ev, k);
            }),
          );
      }
      case 'every': {
        const dom = this.term(n.domain);
        const val = this.pattern(n.value);
        const key = n.key ? this.pattern(n.key) : undefined;
        const body = this.body(n.body);
        return (c, f, k) =>
          dom(c, f, (dv) => {
            if (dv === null || typeof dv !== 'object') return false;
            let ok = true;
            iterate(dv, (ek, ev) => {
              c.run.step();
              const found = key
                ? key(c, f, ek, () => val(c, f, ev, () => body(c, f, () => true)))
                : val(c, f, ev, () => body(c, f, () => true));
              if (!found) ok = false;
              return !ok;
            });
            return ok ? k() : false;
          });
      }
      case 'and':
      case 'or': {
        // A logic expression is a test: it succeeds at most once, and `or` stops at the first side
        // that holds (bindings made inside the operands stay inside them).
        const l = this.body(n.left);
        const r = this.body(n.right);
        const stop = () => true;
        if (n.kind === 'and') return (c, f, k) => (l(c, f, () => r(c, f, stop)) ? k() : false);
        return (c, f, k) => (l(c, f, stop) || r(c, f, stop) ? k() : false);
      }
    }
  }

  private withMods(mods: IRWith[], inner: ExprFn): ExprFn {
    const values = mods.map((m) => (m.value.kind === 'term' ? this.term(m.value.term) : undefined));
    return (c, f, k) => {
      let input = c.input;
      let overlays: DataOverlay[] | null = c.overlays;
      let mocks: Map<string, Mock> | null = c.mocks;
      for (let i = 0; i < mods.length; i++) {
        const m = mods[i];
        let mock: Mock;
        if (m.value.kind === 'function') mock = { kind: 'function', fn: m.value.fn };
        else {
          const v = firstValue(values[i]!, c, f);
          if (v === undefined) return false;
          mock = { kind: 'value', value: v };
        }
        const tgt = m.target;
        if (tgt.kind === 'input') {
          if (mock.kind !== 'value') return false;
          input = tgt.path.length === 0 ? mock.value : setPath(input, tgt.path, mock.value);
        } else if (tgt.kind === 'data') {
          if (mock.kind !== 'value') return false;
          overlays = [...(overlays ?? []).filter((o) => !startsWith(o.path, tgt.path)), { path: tgt.path, value: mock.value }];
        } else {
          mocks = new Map(mocks ?? []);
          mocks.set(tgt.kind === 'builtin' ? tgt.name : 'data.' + tgt.path.join('.'), mock);
        }
      }
      const c2 = new Ctx(c.run, input, overlays, mocks);
      return inner(c2, f, k);
    };
  }

  // ---- unification ---------------------------------------------------------------------------

  private unify(l: IRTerm, r: IRTerm): ExprFn {
    const lNeeds = needs(l);
    const rNeeds = needs(r);
    const lt = this.term(l);
    const rt = this.term(r);
    const lp = this.pattern(l);
    const rp = this.pattern(r);
    const pairs = unifyPairs(l, r);
    const pairwise = pairs
      ? this.body(pairs.map(([x, y]) => ({ node: { kind: 'unify', left: x, right: y }, negated: false, with: [], loc: x.loc }) as IRExpr))
      : undefined;
    // `x := y.z`, `x := f(a)` with its arguments read directly: no continuation for the value.
    const rRead = directRead(r);
    return (c, f, k) => {
      if (allBound(f, rNeeds)) {
        const v = rRead === undefined ? UNBOUND : rRead(c, f);
        if (v === UNBOUND) return rt(c, f, (x) => lp(c, f, x, k));
        return v === undefined ? false : lp(c, f, v, k);
      }
      if (allBound(f, lNeeds)) return lt(c, f, (v) => rp(c, f, v, k));
      if (pairwise) return pairwise(c, f, k);
      return false;
    };
  }

  /** Compiles a term used as a unification pattern. */
  pattern(t: IRTerm): PatFn {
    switch (t.t) {
      case 'var': {
        const slot = t.slot;
        return (_c, f, v, k) => {
          const cur = f[slot];
          if (cur !== undefined) return equals(cur, v) ? k() : false;
          f[slot] = v;
          const r = k();
          f[slot] = undefined;
          return r;
        };
      }
      case 'const': {
        const cv = t.v;
        return (_c, _f, v, k) => (equals(cv, v) ? k() : false);
      }
      case 'array': {
        const items = t.items.map((x) => this.pattern(x));
        const n = items.length;
        return (c, f, v, k) => {
          if (!Array.isArray(v) || v.length !== n) return false;
          const step = (i: number): boolean => (i === n ? k() : items[i](c, f, v[i], () => step(i + 1)));
          return step(0);
        };
      }
      case 'object': {
        const keys = t.entries.map(([key]) => this.term(key));
        const vals = t.entries.map(([, val]) => this.pattern(val));
        const n = keys.length;
        return (c, f, v, k) => {
          if (!isObject(v) || objectSize(v) !== n) return false;
          const step = (i: number): boolean => {
            if (i === n) return k();
            return keys[i](c, f, (kv) => {
              const x = objectGet(v, kv);
              return x === undefined ? false : vals[i](c, f, x, () => step(i + 1));
            });
          };
          return step(0);
        };
      }
      default: {
        const tf = this.term(t);
        return (c, f, v, k) => tf(c, f, (x) => (equals(x, v) ? k() : false));
      }
    }
  }

  // ---- terms ---------------------------------------------------------------------------------

  term(t: IRTerm): TermFn {
    switch (t.t) {
      case 'const': {
        const v = t.v;
        return (_c, _f, k) => k(v);
      }
      case 'var': {
        const slot = t.slot;
        return (_c, f, k) => {
          const v = f[slot];
          return v === undefined ? false : k(v);
        };
      }
      case 'ref':
        return this.ref(t);
      case 'call':
        return this.call(t);
      case 'array': {
        const items = t.items.map((x) => this.term(x));
        const reads = directReads(t.items);
        const general: TermFn = (c, f, k) => {
          const out: Value[] = new Array(items.length);
          const step = (i: number): boolean => {
            if (i === items.length) return k(out.slice());
            return items[i](c, f, (v) => {
              out[i] = v;
              return step(i + 1);
            });
          };
          return step(0);
        };
        if (!reads) return general;
        return (c, f, k) => {
          const out: Value[] = new Array(reads.length);
          for (let i = 0; i < reads.length; i++) {
            const v = reads[i](c, f);
            if (v === UNBOUND) return general(c, f, k);
            if (v === undefined) return false;
            out[i] = v;
          }
          return k(out);
        };
      }
      case 'set': {
        const items = t.items.map((x) => this.term(x));
        return (c, f, k) => {
          const out: Value[] = new Array(items.length);
          const step = (i: number): boolean => {
            if (i === items.length) return k(new RSet(out));
            return items[i](c, f, (v) => {
              out[i] = v;
              return step(i + 1);
            });
          };
          return step(0);
        };
      }
      case 'object': {
        const keys = t.entries.map(([x]) => this.term(x));
        const vals = t.entries.map(([, x]) => this.term(x));
        const n = keys.length;
        // Entries read directly are read inline; the others (a comprehension, a call) take their continuation.
        const keyReads = t.entries.map(([x]) => directRead(x));
        const valReads = t.entries.map(([, x]) => directRead(x));
        return (c, f, k) => {
          const ks: Value[] = new Array(n);
          const vs: Value[] = new Array(n);
          const step = (i: number): boolean => {
            if (i === n) {
              const b = new ObjectBuilder();
              for (let j = 0; j < n; j++) b.set(ks[j], vs[j]);
              return k(b.build());
            }
            const kr = keyReads[i];
            const kd = kr === undefined ? UNBOUND : kr(c, f);
            if (kd === undefined) return false;
            const withKey = (kv: Value): boolean => {
              ks[i] = kv;
              const vr = valReads[i];
              const vd = vr === undefined ? UNBOUND : vr(c, f);
              if (vd === undefined) return false;
              if (vd !== UNBOUND) {
                vs[i] = vd;
                return step(i + 1);
              }
              return vals[i](c, f, (vv) => {
                vs[i] = vv;
                return step(i + 1);
              });
            };
            return kd === UNBOUND ? keys[i](c, f, withKey) : withKey(kd);
          };
          return step(0);
        };
      }
      case 'arraycomp': {
        const body = this.body(t.body);
        const head = this.term(t.term);
        return (c, f, k) => {
          const out: Value[] = [];
          body(c, f, () =>
            head(c, f, (v) => {
              out.push(v);
              return false;
            }),
          );
          return k(out);
        };
      }
      case 'setcomp': {
        const body = this.body(t.body);
        const head = this.term(t.term);
        return (c, f, k) => {
          const out = new RSet();
          body(c, f, () =>
            head(c, f, (v) => {
              out.add(v);
              return false;
            }),
          );
          return k(out);
        };
      }
      case 'objectcomp': {
        const body = this.body(t.body);
        const key = this.term(t.key);
        const val = this.term(t.value);
        const loc = t.loc;
        return (c, f, k) => {
          const out = new ObjectBuilder();
          body(c, f, () =>
            key(c, f, (kv) =>
              val(c, f, (vv) => {
                const prev = out.get(kv);
                if (prev !== undefined && !equals(prev, vv)) {
                  throw new PalisadeError(ErrorCodes.evalConflict, 'object keys must be unique', loc);
                }
                out.set(kv, vv);
                return false;
              }),
            ),
          );
          return k(out.build());
        };
      }
      case 'template': {
        const parts = t.parts.map((p) => (typeof p === 'string' ? p : this.term(p)));
        const spread = t.spread;
        return (c, f, k) => {
          let s = '';
          for (let i = 0; i < parts.length; i++) {
            const p = parts[i];
            if (typeof p === 'string') s += p;
            else {
              let vals: Value[] = [];
              p(c, f, (v) => {
                if (spread?.[i] && Array.isArray(v)) vals = v;
                else vals.push(v);
                return false;
              });
              s += templateText(vals);
            }
          }
          return k(s);
        };
      }
    }
  }

  private ref(t: Extract<IRTerm, { t: 'ref' }>): TermFn {
    const segs = t.path.map((s) => this.segment(s));
    const walk = (c: Ctx, f: Frame, v: Value, i: number, k: VK): boolean => walkValue(segs, c, f, v, i, k);
    const root = t.root;
    if (root.kind === 'input') {
      return (c, f, k) => (c.input === undefined ? false : walk(c, f, c.input, 0, k));
    }
    if (root.kind === 'data') return this.dataRef(segs);
    const head = this.term(root.term);
    return (c, f, k) => head(c, f, (v) => walk(c, f, v, 0, k));
  }

  /**
   * A `data` ref. When its constant prefix leads to a rule set, the tree walk is resolved once and
   * later evaluations jump straight to the rule (unless base data or a `with`/override covers it).
   */
  private dataRef(segs: Segment[]): TermFn {
    const prefix: string[] = [];
    for (const s of segs) {
      if (s.kind !== 'const' || typeof s.value !== 'string') break;
      prefix.push(s.value);
    }
    let resolved: { node: TreeNode; depth: number } | null | undefined;
    let baseFor: Value | undefined;
    let baseFree = false;
    return (c, f, k) => {
      if (resolved === undefined) resolved = resolveRuleNode(this.rules.tree, prefix);
      if (resolved === null) return this.rules.walkData(c, f, segs, k);
      const { node, depth } = resolved;
      const path = node.path;
      if (c.overlays) {
        for (const o of c.overlays) if (startsWith(o.path, path) || startsWith(path, o.path)) return this.rules.walkData(c, f, segs, k);
      }
      const base = c.run.baseData;
      if (base !== baseFor) {
        baseFor = base;
        baseFree = !hasBaseAt(base, path);
      }
      if (!baseFree) return this.rules.walkData(c, f, segs, k);
      const v = this.rules.nodeValue(c, node, undefined);
      return v === undefined ? false : walkValue(segs, c, f, v, depth, k);
    };
  }

  private segment(s: IRTerm): Segment {
    if (s.t === 'const') return { kind: 'const', value: s.v };
    if (s.t === 'var') return { kind: 'var', slot: s.slot };
    return { kind: 'term', fn: this.term(s), pat: this.pattern(s) };
  }

  call(t: Extract<IRTerm, { t: 'call' }>): TermFn {
    const args = t.args.map((a) => this.term(a));
    const n = args.length;
    if (t.fn.kind === 'builtin' && t.fn.name === 'print') return this.printCall(args, t);
    // Arguments holding refs with variable segments run first: they bind variables that other
    // arguments read (`foo == input.foos[foo]`).
    const order = t.args.map((a, i) => [hasGenerator(a) ? 0 : 1, i]).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((x) => x[1]);
    const invoke = this.invoker(t.fn, t.loc);
    const reads = t.args.map(directRead);
    const general: TermFn = (c, f, k) => {
      const vals: Value[] = new Array(n);
      const step = (j: number): boolean => {
        if (j === n) return invoke(c, vals.slice(), k);
        const i = order[j];
        const read = reads[i];
        const d = read === undefined ? UNBOUND : read(c, f);
        if (d === undefined) return false;
        if (d !== UNBOUND) {
          vals[i] = d;
          return step(j + 1);
        }
        return args[i](c, f, (v) => {
          vals[i] = v;
          return step(j + 1);
        });
      };
      return step(0);
    };
    if (!reads.every((r) => r !== undefined)) return general;
    // In the same order as the general form: a generator argument answers UNBOUND before an
    // argument reads the variable it would bind.
    return (c, f, k) => {
      const vals: Value[] = new Array(n);
      for (let j = 0; j < n; j++) {
        const i = order[j];
        const v = reads[i]!(c, f);
        if (v === UNBOUND) return general(c, f, k);
        if (v === undefined) return false;
        vals[i] = v;
      }
      return invoke(c, vals, k);
    };
  }

  /**
   * `print` never makes its expression undefined: an undefined argument prints as `<undefined>`
   * and an argument with several values prints each of them, space-separated (as OPA).
   */
  private printCall(args: TermFn[], t: Extract<IRTerm, { t: 'call' }>): TermFn {
    const invoke = this.invoker(t.fn, t.loc);
    return (c, f, k) => {
      const vals = args.map((a) => {
        const out: Value[] = [];
        a(c, f, (v) => {
          out.push(v);
          return false;
        });
        return out.length === 0 ? '<undefined>' : out.length === 1 ? out[0] : toRegoText(new RSet(out));
      });
      return invoke(c, vals, () => k(true));
    };
  }

  /** A call of the user function at `path`, its rule set looked up once (the rule tree of a plan never changes). */
  private functionCall(path: string[]): (c: Ctx, args: Value[], k: VK) => boolean {
    let rs: RuleSet | undefined | null = null;
    return (c, args, k) => {
      if (rs === null) rs = this.rules.functionAt(path);
      return rs !== undefined && this.rules.callFunctionSet(c, rs, args, k);
    };
  }

  /** Returns a function applying the call target (honouring `with` mocks) to argument values. */
  invoker(fn: CallTarget, loc: IRTerm['loc']): (c: Ctx, args: Value[], k: VK) => boolean {
    const mockKey = fn.kind === 'builtin' ? fn.name : 'data.' + fn.path.join('.');
    const direct =
      fn.kind === 'builtin'
        ? (c: Ctx, args: Value[], k: VK) => this.rules.callBuiltin(c, fn.decl, args, loc, k)
        : this.functionCall(fn.path);
    return (c, args, k) => {
      const mock = c.mocks?.get(mockKey);
      if (mock) {
        if (mock.kind === 'value') return k(mock.value);
        const inner = mock.fn;
        // The replacement runs without function mocks, so it may call the originals (as OPA does).
        const c2 = new Ctx(c.run, c.input, c.overlays, null);
        if (inner.kind === 'builtin') return this.rules.callBuiltin(c2, inner.decl, args, loc, k);
        return this.rules.callFunction(c2, inner.path, args, k);
      }
      return direct(c, args, k);
    };
  }
}

