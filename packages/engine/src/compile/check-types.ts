/**
 * Stage `check-types`: conservative inference of local variable types, so that builtin calls
 * whose arguments certainly have the wrong type are rejected at compile time
 * (`rego_type_error: <builtin>: invalid argument(s)`), as OPA's type checker does.
 *
 * Contract: a false error rejects a module OPA accepts, which is worse than a missed one. So a
 * type is only ever inferred from what fixes it: constants, literals, comprehensions (elements
 * unknown), declared builtin results and locals typed earlier. Input, data, rule values,
 * function results and arguments, and anything bound under a mocked builtin are `any`, and
 * `any` never errors. A variable's type is fixed by its first binding in (reordered) body order;
 * later unifications never change it (OPA does not either). Constant arguments are left to
 * `check-calls`, and calls it rejects are not reported again.
 *
 * With the same types, OPA's "match error" (a unification, or `==` in a module, of types with no
 * value in common) and "undefined ref" (iterating or indexing a scalar local, `some … in` over a
 * scalar) are reported. Like OPA, `every` bodies are not checked, only comprehensions in them.
 */
import { ErrorCodes, PalisadeError } from '../errors.js';
import { typeText, type BType } from '../builtins/signature.js';
import { RSet, equals, isObject, objectEntries, objectSize, type Value } from '../value/types.js';
import type { IRBody, IRExpr, IRTerm } from './ir.js';
import type { RuleDef, RuleSet, TreeNode } from './rule-tree.js';
import type { CompileOptions, CompileState } from './state.js';
import { matches } from './check-calls.js';
import { toRegoText } from '../value/json.js';
import { everyClosures, visitExpr, visitTerm } from './walk-ir.js';

/** Slot → type for every variable bound so far; an absent slot is unbound (reads as `any`). */
type Env = Map<number, BType>;

const ANY: BType = { k: 'any' };
const NULL: BType = { k: 'null' };
const BOOLEAN: BType = { k: 'boolean' };
const NUMBER: BType = { k: 'number' };
const STRING: BType = { k: 'string' };
const ARRAY_ANY: BType = { k: 'array', of: ANY };
const SET_ANY: BType = { k: 'set', of: ANY };
const OBJECT_ANY: BType = { k: 'object', key: ANY, value: ANY };
/** `{}` is an empty object, but reads like an empty set to many authors: never blame it. */
const EMPTY_OBJECT: BType = { k: 'union', of: [OBJECT_ANY, SET_ANY] };

/** Constants are typed this many levels deep, and from at most this many elements each. */
const CONST_DEPTH = 2;
const CONST_ELEMENTS = 32;
/** Unions with more members than this degrade to `any`. */
const MAX_UNION = 8;

export function checkTypes(st: CompileState): void {
  // Bodies with unsafe variables or scoping errors are not ordered reliably (OPA stops before its
  // type checker then, too); arity and constant-argument errors are fine.
  if (st.errors.some((e) => e.code !== ErrorCodes.type)) return;
  const tc = new TypeChecker(st.errors, st.options, true, st.tree);
  for (const rs of st.ruleSets) {
    for (const def of rs.defs) tc.def(def);
    if (rs.defaultDef) tc.def(rs.defaultDef);
  }
}

/** Checks a query body (queries are compiled outside the stages). */
export function checkBodyTypes(body: IRBody, st: { errors: PalisadeError[]; options: CompileOptions }, tree?: TreeNode): void {
  new TypeChecker(st.errors, st.options, false, tree).body(body, new Map());
}

class TypeChecker {
  /** Unbound variables met while typing the current expression (it binds them). */
  private readonly pending: number[] = [];

  constructor(
    private readonly errors: PalisadeError[],
    private readonly options: CompileOptions,
    /**
     * OPA rewrites `a == b` expressions of modules (not of queries) into unifications before type
     * checking, so there they are "match error"s when the types cannot meet.
     */
    private readonly equalsUnify: boolean,
    private readonly tree?: TreeNode,
  ) {}

  /** Rule value types by rule set (see `ruleType`), computed once. */
  private readonly ruleTypes = new Map<RuleSet, BType>();

  /**
   * The type of a complete rule's value when every definition (default and else values too) has
   * a constant value, as OPA types rules; `any` otherwise. Rules with rules below them are `any`.
   */
  private ruleType(node: TreeNode): BType {
    const rs = node.ruleSet!;
    let t = this.ruleTypes.get(rs);
    if (t) return t;
    t = ANY;
    if (rs.kind === 'complete' && node.children.size === 0) {
      const values: IRTerm[] = [];
      for (const d of [...rs.defs, ...(rs.defaultDef ? [rs.defaultDef] : [])]) {
        if (d.value) values.push(d.value);
        for (const e of d.elses) values.push(e.value);
      }
      if (values.length && values.every((v) => v.t === 'const' && !v.poisoned)) {
        t = unionOf(values.map((v) => typeOfValue((v as { v: Value }).v, CONST_DEPTH)));
      }
    }
    this.ruleTypes.set(rs, t);
    return t;
  }

  /** The rule node a `data` ref's leading constant segments name, and how many segments that takes. */
  private ruleAt(t: Extract<IRTerm, { t: 'ref' }>): { node: TreeNode; depth: number } | undefined {
    let node = this.tree;
    for (let i = 0; node && i < t.path.length; i++) {
      const s = t.path[i];
      if (s.t !== 'const' || typeof s.v !== 'string') return undefined;
      node = node.children.get(s.v);
      if (node?.ruleSet) return { node, depth: i + 1 };
    }
    return undefined;
  }

  def(def: RuleDef): void {
    const initial: Env = new Map();
    // Arguments are bound by the caller, with values of any type.
    if (def.args) for (const a of def.args) markBound(a, initial);
    const env = def.elses.length ? new Map(initial) : initial;
    this.body(def.body, env);
    for (const t of def.keyPath) this.typeOf(t, env, true);
    if (def.key) this.typeOf(def.key, env, true);
    if (def.value) this.typeOf(def.value, env, true);
    // Each else clause is a body of its own: nothing flows between clauses.
    for (const e of def.elses) {
      const eenv = new Map(initial);
      this.body(e.body, eenv);
      this.typeOf(e.value, eenv, true);
    }
  }

  /** Checks `body` in order (check-safety already put bindings first), extending `env`. */
  body(body: IRBody, env: Env): void {
    // `pending` is a stack shared with nested bodies: this body owns the entries above `base`.
    const base = this.pending.length;
    for (const e of body) {
      if (this.expr(e, env)) {
        // Whatever else the expression bound (ref iteration, patterns, outputs) has an unknown type.
        for (let i = base; i < this.pending.length; i++) if (!env.has(this.pending[i])) env.set(this.pending[i], ANY);
      } else {
        visitExpr(e, (t) => {
          if (t.t === 'var' && !env.has(t.slot)) env.set(t.slot, ANY);
        });
      }
      this.pending.length = base;
    }
  }

  /** Checks one expression; false when its variables were not all visited (see `pending`). */
  private expr(e: IRExpr, env: Env): boolean {
    for (const w of e.with) if (w.value.kind === 'term') this.typeOf(w.value.term, env, true);
    // A mocked builtin or function may return anything and accept anything.
    for (const w of e.with) if (w.target.kind === 'builtin' || w.target.kind === 'function') return false;
    const n = e.node;
    switch (n.kind) {
      case 'term': {
        this.typeOf(n.term, env, true);
        const eq = n.term;
        if (this.equalsUnify && eq.t === 'call' && eq.fn.kind === 'builtin' && eq.fn.name === 'equal' && eq.args.length === 2) {
          this.checkUnify(eq.args[0], eq.args[1], env, e);
        }
        // `plus(x, 1, y)`: the extra argument receives the result.
        const t = n.term;
        if (t.t === 'call' && t.fn.kind === 'builtin' && !t.fn.decl.variadic && !t.fn.decl.relation && t.args.length === t.fn.decl.params.length + 1) {
          bindVar(t.args[t.args.length - 1], t.fn.decl.result, env);
        }
        break;
      }
      case 'unify': {
        const lt = this.typeOf(n.left, env, true);
        const rt = this.typeOf(n.right, env, true);
        this.checkUnify(n.left, n.right, env, e);
        this.bind(n.left, n.right, rt, env);
        this.bind(n.right, n.left, lt, env);
        break;
      }
      case 'somein': {
        const ct = this.typeOf(n.collection, env, true);
        if (scalarOnly(ct)) {
          // OPA rewrites `some x in c` to a ref `c[_]`: a literal fails to unify, a local is an undefined ref.
          const c = n.collection;
          const msg = c.t === 'var' ? `undefined ref: ${c.name}[_]` : c.t === 'ref' ? `undefined ref: ${refText(c)}[_]` : 'match error';
          this.errors.push(new PalisadeError(ErrorCodes.type, msg, e.loc));
        }
        if (n.key) this.typeOf(n.key, env, true);
        this.typeOf(n.value, env, true);
        const [kt, vt] = iteration(ct);
        if (n.key) bindVar(n.key, kt, env);
        bindVar(n.value, vt, env);
        break;
      }
      case 'every': {
        this.typeOf(n.domain, env, true);
        // OPA's type checker skips `every` bodies but for the comprehensions in them, and gives the
        // loop variables no type: they read as unknown there.
        everyClosures(n.body, (comp) => this.typeOf(comp, env, true));
        break;
      }
      // Experimental `and`/`or`: operands may bind variables of the enclosing body, each in
      // its own way; those stay unknown (the caller marks them).
      case 'and': {
        const inner = new Map(env);
        this.body(n.left, inner);
        this.body(n.right, inner);
        return false;
      }
      case 'or':
        this.body(n.left, new Map(env));
        this.body(n.right, new Map(env));
        return false;
      case 'true':
        break;
    }
    return true;
  }

  /** Reports OPA's "match error" when `l` and `r` certainly have no value in common. */
  private checkUnify(l: IRTerm, r: IRTerm, env: Env, e: IRExpr): void {
    if (this.disjoint(l, r, env)) this.errors.push(new PalisadeError(ErrorCodes.type, 'match error', e.loc));
  }

  /** True when no value of `l` unifies with a value of `r` (array literals compared element-wise). */
  private disjoint(l: IRTerm, r: IRTerm, env: Env): boolean {
    const items = (t: IRTerm): IRTerm[] | Value[] | undefined => (t.t === 'array' ? t.items : t.t === 'const' && !t.poisoned && Array.isArray(t.v) ? t.v : undefined);
    const li = items(l);
    const ri = items(r);
    if (li && ri) {
      // OPA's type of `[]` has no elements to disagree with: it unifies with any array.
      if (li.length === 0 || ri.length === 0) return false;
      if (li.length !== ri.length) return true;
      for (let i = 0; i < li.length; i++) {
        const a = l.t === 'array' ? (li[i] as IRTerm) : constOf(li[i] as Value, l.loc);
        const b = r.t === 'array' ? (ri[i] as IRTerm) : constOf(ri[i] as Value, r.loc);
        if (this.disjoint(a, b, env)) return true;
      }
      return false;
    }
    const lt = this.unifyType(l, env);
    const rt = this.unifyType(r, env);
    // An array literal against an array of one element type: each element must fit that type.
    const each = (xs: IRTerm[] | Value[], lit: IRTerm, of: BType) =>
      xs.some((x) => !fits(lit.t === 'array' ? this.unifyType(x as IRTerm, env) : typeOfValue(x as Value, CONST_DEPTH), of));
    if (li && rt.k === 'array' && each(li, l, rt.of)) return true;
    if (ri && lt.k === 'array' && each(ri, r, lt.of)) return true;
    return !fits(lt, rt);
  }

  /** `{}` is an object here: only builtin parameters give it the benefit of the doubt. */
  private unifyType(t: IRTerm, env: Env): BType {
    if (t.t === 'const' && !t.poisoned && isObject(t.v) && objectSize(t.v) === 0) return OBJECT_ANY;
    return this.typeOf(t, env, false);
  }

  /** Types the variables of pattern `p` unified with `other` (of type `ot`) when still unbound. */
  private bind(p: IRTerm, other: IRTerm, ot: BType, env: Env): void {
    if (p.t === 'var') {
      if (!env.has(p.slot)) env.set(p.slot, ot);
      return;
    }
    if (p.t === 'array') {
      if (other.t === 'array' && other.items.length === p.items.length) {
        p.items.forEach((x, i) => this.bind(x, other.items[i], this.typeOf(other.items[i], env, false), env));
      } else if (other.t === 'const' && Array.isArray(other.v) && other.v.length === p.items.length) {
        const vs = other.v;
        p.items.forEach((x, i) => bindVar(x, typeOfValue(vs[i], CONST_DEPTH), env));
      }
      return;
    }
    if (p.t === 'object') {
      for (const [k, v] of p.entries) {
        if (k.t !== 'const') continue;
        if (other.t === 'object') {
          const hit = other.entries.find(([ok]) => ok.t === 'const' && equals(ok.v, k.v));
          if (hit) this.bind(v, hit[1], this.typeOf(hit[1], env, false), env);
        } else if (other.t === 'const' && isObject(other.v)) {
          const hit = objectEntries(other.v).find(([ok]) => equals(ok, k.v));
          if (hit) bindVar(v, typeOfValue(hit[1], CONST_DEPTH), env);
        }
      }
    }
  }

  /**
   * The type of `t`'s values. With `check`, also checks every builtin call inside `t` (nested
   * comprehension bodies included); without, only computes (so no call is reported twice).
   */
  private typeOf(t: IRTerm, env: Env, check: boolean): BType {
    switch (t.t) {
      case 'const':
        return t.poisoned ? ANY : typeOfValue(t.v, CONST_DEPTH);
      case 'var': {
        const ty = env.get(t.slot);
        if (ty) return ty;
        this.pending.push(t.slot);
        return ANY;
      }
      case 'ref': {
        let cur = t.root.kind === 'term' ? this.typeOf(t.root.term, env, check) : ANY;
        // Only refs into locals and rules are typed by OPA's ref checker (a literal head is never blamed).
        let typed = t.root.kind === 'term' && t.root.term.t === 'var';
        let start = 0;
        // As OPA, a rule's type holds even where `with` replaces its value.
        if (t.root.kind === 'data') {
          const hit = this.ruleAt(t);
          if (hit) {
            cur = this.ruleType(hit.node);
            start = hit.depth;
            typed = true;
          }
        }
        for (let i = 0; i < t.path.length; i++) {
          const s = t.path[i];
          if (s.t !== 'const') this.typeOf(s, env, check);
          if (i < start) continue;
          if (typed && check && scalarOnly(cur)) {
            this.errors.push(new PalisadeError(ErrorCodes.type, `undefined ref: ${refText(t)}`, t.loc));
            return ANY;
          }
          cur = element(cur);
        }
        return cur;
      }
      case 'call': {
        // Constant arguments are check-calls' business; their types are not needed here.
        const types: BType[] = [];
        for (const a of t.args) types.push(a.t === 'const' ? ANY : this.typeOf(a, env, check));
        if (t.fn.kind !== 'builtin') return ANY;
        const d = t.fn.decl;
        if (check) this.checkCall(t, types);
        if (d.variadic || d.relation || d.name === 'print' || t.args.length !== d.params.length) return ANY;
        return d.result;
      }
      case 'array':
      case 'set': {
        const items: BType[] = [];
        for (const x of t.items) items.push(this.typeOf(x, env, check));
        return { k: t.t, of: unionOf(items) };
      }
      case 'object': {
        const keys: BType[] = [];
        const values: BType[] = [];
        for (const [k, v] of t.entries) {
          keys.push(this.typeOf(k, env, check));
          values.push(this.typeOf(v, env, check));
        }
        return { k: 'object', key: unionOf(keys), value: unionOf(values) };
      }
      case 'template':
        for (const p of t.parts) if (typeof p !== 'string') this.typeOf(p, env, check);
        return STRING;
      case 'arraycomp':
      case 'setcomp':
      case 'objectcomp': {
        if (check) {
          // Captured variables are bound before the comprehension, its own ones are new slots:
          // sharing `env` lets types flow in and nothing out.
          this.body(t.body, env);
          if (t.t === 'objectcomp') {
            this.typeOf(t.key, env, true);
            this.typeOf(t.value, env, true);
          } else this.typeOf(t.term, env, true);
        }
        return t.t === 'arraycomp' ? ARRAY_ANY : t.t === 'setcomp' ? SET_ANY : OBJECT_ANY;
      }
    }
  }

  private checkCall(t: Extract<IRTerm, { t: 'call' }>, types: BType[]): void {
    if (t.fn.kind !== 'builtin') return;
    const d = t.fn.decl;
    const want = d.params.length;
    const n = t.args.length;
    // Arity, deprecation and constant arguments are check-calls' errors: one error per call.
    if (d.variadic || (d.deprecated && !this.options.allowDeprecatedBuiltins) || (n !== want && n !== want + 1)) return;
    let rejected: boolean | undefined;
    for (let i = 0; i < want; i++) {
      const a = t.args[i];
      const p = d.params[i];
      if (a.t === 'const' || fits(types[i], p.type)) continue;
      rejected ??= t.args.some((c, j) => j < want && c.t === 'const' && !c.poisoned && !matches(d.params[j].type, c.v));
      if (rejected) return;
      this.errors.push(
        new PalisadeError(
          ErrorCodes.type,
          `${d.name}: invalid argument(s)\n\thave: argument ${i + 1} ${typeText(types[i])}\n\twant: ${p.name}: ${typeText(p.type)}`,
          a.loc,
        ),
      );
    }
  }
}

// ---- types -----------------------------------------------------------------------------------

/** True unless `have` and `want` certainly have no value in common. */
export function fits(have: BType, want: BType): boolean {
  if (have.k === 'any' || want.k === 'any') return true;
  if (have.k === 'union') return have.of.some((h) => fits(h, want));
  if (want.k === 'union') return want.of.some((w) => fits(have, w));
  if (have.k !== want.k) return false;
  if ((have.k === 'array' || have.k === 'set') && (want.k === 'array' || want.k === 'set')) return fits(have.of, want.of);
  if (have.k === 'object' && want.k === 'object') return fits(have.key, want.key) && fits(have.value, want.value);
  return true;
}

/** The type of a constant, `depth` levels deep (deeper or larger parts are `any`). */
export function typeOfValue(v: Value, depth: number): BType {
  if (v === null) return NULL;
  switch (typeof v) {
    case 'boolean':
      return BOOLEAN;
    case 'number':
    case 'bigint':
      return NUMBER;
    case 'string':
      return STRING;
  }
  if (Array.isArray(v)) return { k: 'array', of: elementsType(v, depth) };
  if (v instanceof RSet) return { k: 'set', of: elementsType([...v], depth) };
  const entries = objectEntries(v);
  if (entries.length === 0) return EMPTY_OBJECT;
  if (depth <= 0 || entries.length > CONST_ELEMENTS) return OBJECT_ANY;
  return {
    k: 'object',
    key: unionOf(entries.map(([k]) => typeOfValue(k, depth - 1))),
    value: unionOf(entries.map(([, x]) => typeOfValue(x, depth - 1))),
  };
}

function elementsType(items: Value[], depth: number): BType {
  if (depth <= 0 || items.length === 0 || items.length > CONST_ELEMENTS) return ANY;
  return unionOf(items.map((x) => typeOfValue(x, depth - 1)));
}

/** The union of `types`; `any` when one is `any`, when there are none, or too many. */
function unionOf(types: BType[]): BType {
  if (types.length === 1) return types[0];
  const members: BType[] = [];
  for (const t of types) {
    if (t.k === 'any') return ANY;
    if (t.k === 'union') {
      for (const m of t.of) if (!addMember(members, m)) return ANY;
    } else if (!addMember(members, t)) return ANY;
  }
  if (members.length === 0) return ANY;
  return members.length === 1 ? members[0] : { k: 'union', of: members };
}

/** Adds `m` unless present; false when the union grew too large. */
function addMember(members: BType[], m: BType): boolean {
  for (const x of members) if (sameType(x, m)) return true;
  members.push(m);
  return members.length <= MAX_UNION;
}

function sameType(a: BType, b: BType): boolean {
  if (a === b) return true;
  if (a.k !== b.k) return false;
  switch (a.k) {
    case 'array':
    case 'set':
      return sameType(a.of, (b as typeof a).of);
    case 'object':
      return sameType(a.key, (b as typeof a).key) && sameType(a.value, (b as typeof a).value);
    case 'union': {
      const bo = (b as typeof a).of;
      return a.of.length === bo.length && a.of.every((x, i) => sameType(x, bo[i]));
    }
    default:
      return true;
  }
}

/** The type of `x[_]` for `x` of type `t` (`any` unless `t` is one kind of collection). */
function element(t: BType): BType {
  switch (t.k) {
    case 'array':
    case 'set':
      return t.of;
    case 'object':
      return t.value;
    default:
      return ANY;
  }
}

/** Key and value types of `some k, v in x` for `x` of type `t`. */
function iteration(t: BType): [BType, BType] {
  switch (t.k) {
    case 'array':
      return [NUMBER, t.of];
    case 'set':
      return [t.of, t.of];
    case 'object':
      return [t.key, t.value];
    default:
      return [ANY, ANY];
  }
}

/** True when every value of type `t` is a scalar (nothing to iterate or index). */
function scalarOnly(t: BType): boolean {
  switch (t.k) {
    case 'null':
    case 'boolean':
    case 'number':
    case 'string':
      return true;
    case 'union':
      return t.of.every(scalarOnly);
    default:
      return false;
  }
}

function constOf(v: Value, loc: IRTerm['loc']): IRTerm {
  return { t: 'const', v, loc };
}

/** Text of a ref into a local, for messages (`x[0].a`, `x[k]`). */
function refText(t: Extract<IRTerm, { t: 'ref' }>): string {
  let out = t.root.kind === 'term' && t.root.term.t === 'var' ? t.root.term.name : t.root.kind;
  for (const s of t.path) {
    if (s.t === 'const' && typeof s.v === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(s.v)) out += '.' + s.v;
    else if (s.t === 'const') out += `[${toRegoText(s.v)}]`;
    else if (s.t === 'var') out += `[${s.name}]`;
    else out += '[_]';
  }
  return out;
}

function bindVar(p: IRTerm, t: BType, env: Env): void {
  if (p.t === 'var' && !env.has(p.slot)) env.set(p.slot, t);
}

function markBound(t: IRTerm, env: Env): void {
  visitTerm(t, (x) => {
    if (x.t === 'var' && !env.has(x.slot)) env.set(x.slot, ANY);
  });
}
