/**
 * Stage `check-types`: OPA's type checker. Local variables, rules and functions get types; calls
 * whose arguments certainly have the wrong type are `rego_type_error`s (`<builtin>: invalid
 * argument(s)`, `data.p.f: invalid argument(s)` for user functions), as are unifications (and `==`
 * in modules) of types with no value in common ("match error") and refs that cannot exist
 * ("undefined ref": indexing a scalar, or a key of the wrong type for the collection).
 *
 * Contract: a false error rejects a module OPA accepts, which is worse than a missed one. So
 * types are never narrower than OPA's: constants, literals, builtin results, rule and function
 * types (check-types-rules.ts) and variables typed earlier; input, data and anything bound under a mocked
 * builtin are `any`, and `any` never errors. A variable's type is fixed by its first binding in
 * (reordered) body order; later unifications never change it (OPA does not either). A function's
 * argument takes its type from its first use as a builtin or function argument, or in `==`.
 * Constant builtin arguments are left to `check-calls`, and calls it rejects are not reported
 * again. Like OPA, `every` bodies are not checked, only comprehensions in them.
 */
import { ErrorCodes, PalisadeError } from '../errors.js';
import type { BType } from '../builtins/signature.js';
import type { CallTarget, IRBody, IRExpr, IRTerm, IRWith } from './ir.js';
import type { BuiltinRegistry } from '../builtins/registry.js';
import { findNode, type RuleDef, type TreeNode } from './rule-tree.js';
import type { CompileOptions, CompileState } from './state.js';
import { everyClosures, visitExpr } from './walk-ir.js';
import { ANY, STRING, CONST_DEPTH, element, fits, iteration, keysOf, scalarOnly, typeOfValue, unionOf } from './type-lattice.js';
import { bindPattern, bindVar, disjoint, markBound, type Env } from './check-types-unify.js';
import { dependencyOrder, ruleSetType, type DefTypes, type RuleSetType } from './check-types-rules.js';
import { builtinArgErrors, declArgs, refText } from './check-types-calls.js';

export function checkTypes(st: CompileState): void {
  // Bodies with unsafe variables or scoping errors are not ordered reliably (OPA stops before its
  // type checker then, too); arity and constant-argument errors are fine.
  if (st.errors.some((e) => e.code !== ErrorCodes.type)) return;
  const tc = new TypeChecker(st.errors, st.options, true, st.tree, st.builtins);
  for (const rs of dependencyOrder(st.ruleSets)) {
    const node = findNode(st.tree, rs.path);
    if (node) tc.ruleSet(node);
  }
}

/** Checks a query body (queries are compiled outside the stages). */
export function checkBodyTypes(body: IRBody, st: { errors: PalisadeError[]; options: CompileOptions }, tree?: TreeNode, builtins?: BuiltinRegistry): void {
  new TypeChecker(st.errors, st.options, false, tree, builtins).body(body, new Map());
}

const TREE_OBJECT: BType = { k: 'object', key: STRING, value: ANY };

class TypeChecker {
  /** Unbound variables met while typing the current expression (it binds them). */
  private readonly pending: number[] = [];

  constructor(
    /** Where errors go; a query's checker types the rules it reads into a scratch list. */
    private errors: PalisadeError[],
    private readonly options: CompileOptions,
    /**
     * OPA rewrites `a == b` expressions of modules (not of queries) into unifications before type
     * checking, so there they are "match error"s when the types cannot meet.
     */
    private readonly equalsUnify: boolean,
    private readonly tree?: TreeNode,
    private readonly builtins?: BuiltinRegistry,
  ) {}

  /** The type of the rule set at `node`, checking its definitions first if not done yet. */
  ruleSet(node: TreeNode): RuleSetType | undefined {
    return ruleSetType(node, (d) => {
      if (this.equalsUnify) return this.def(d);
      // Rules read by a query were checked (and their errors reported) with their modules.
      const outer = this.errors;
      this.errors = [];
      const rules = new TypeChecker(this.errors, this.options, true, this.tree, this.builtins);
      try {
        return rules.def(d);
      } finally {
        this.errors = outer;
      }
    });
  }

  /**
   * The tree node a `data` ref's leading constant segments name, and how many segments that takes:
   * the first rule set on the way, or the node where the constant segments end when rules lie below.
   */
  private ruleAt(t: Extract<IRTerm, { t: 'ref' }>): { node: TreeNode; depth: number } | undefined {
    let node = this.tree;
    let i = 0;
    for (; node && i < t.path.length; i++) {
      const s = t.path[i];
      if (s.t !== 'const' || typeof s.v !== 'string') break;
      const next = node.children.get(s.v);
      if (!next) return undefined;
      node = next;
      if (node.ruleSet) return { node, depth: i + 1 };
    }
    return node && i > 0 ? { node, depth: i } : undefined;
  }

  /**
   * The type of the document at `node`: its rule set's, or for a node with rules below it (a
   * package, `r` of `r.z := 0`) an object, as OPA types it (its children's types are OPA's static
   * properties, which these types do not keep; base data may add any others).
   */
  private nodeType(node: TreeNode): BType {
    if (!node.ruleSet) return TREE_OBJECT;
    const rt = this.ruleSet(node);
    return rt?.k === 'value' ? rt.type : ANY;
  }

  /** Checks one definition and its else clauses (each a body of its own); returns their types. */
  def(def: RuleDef): DefTypes[] {
    // Typing a definition may start in the middle of another's expression (rules are typed on
    // first use): its pending variables are its own.
    const base = this.pending.length;
    const out: DefTypes[] = [];
    const clause = (body: IRBody, value: IRTerm | undefined, head: boolean): DefTypes => {
      const before = this.errors.length;
      const env: Env = new Map();
      // Variable arguments get their types from their use in the body, as in OPA; other
      // argument patterns are bound by the caller, with values of any type.
      if (def.args) for (const a of def.args) if (a.t !== 'var') markBound(a, env);
      this.body(body, env);
      const keys = head ? [...def.keyPath, ...(def.key ? [def.key] : [])].map((t) => this.typeOf(t, env, true)) : [];
      const vt = value ? this.typeOf(value, env, true) : ANY;
      const args = (def.args ?? []).map((a) => (a.t === 'var' ? (env.get(a.slot) ?? ANY) : this.typeOf(a, env, false)));
      this.pending.length = base;
      return { failed: this.errors.length > before, args, keys, value: vt };
    };
    out.push(clause(def.body, def.value, true));
    for (const e of def.elses) out.push(clause(e.body, e.value, false));
    return out;
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
    // As OPA, a mocked builtin or function keeps its declared type.
    for (const w of e.with) {
      if (w.value.kind === 'term') this.typeOf(w.value.term, env, true);
      else this.checkMock(w, w.value.fn);
    }
    const n = e.node;
    switch (n.kind) {
      case 'term': {
        this.typeOf(n.term, env, true);
        const eq = n.term;
        if (this.equalsUnify && eq.t === 'call' && eq.fn.kind === 'builtin' && eq.fn.name === 'equal' && eq.args.length === 2) {
          this.checkUnify(eq.args[0], eq.args[1], env, e);
          this.unifyBind(eq.args[0], eq.args[1], env);
        }
        // `plus(x, 1, y)`: the extra argument receives the result.
        const t = n.term;
        if (t.t === 'call' && t.fn.kind === 'builtin' && !t.fn.decl.variadic && !t.fn.decl.relation && t.args.length === t.fn.decl.params.length + 1) {
          bindVar(t.args[t.args.length - 1], t.fn.decl.result, env);
        }
        break;
      }
      case 'unify': {
        this.typeOf(n.left, env, true);
        this.typeOf(n.right, env, true);
        this.checkUnify(n.left, n.right, env, e);
        this.unifyBind(n.left, n.right, env);
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
    if (disjoint(l, r, env, this.compute)) this.errors.push(new PalisadeError(ErrorCodes.type, 'match error', e.loc));
  }

  /** Types the still unbound variables of either side from the other side. */
  private unifyBind(l: IRTerm, r: IRTerm, env: Env): void {
    const lt = this.compute(l, env);
    const rt = this.compute(r, env);
    bindPattern(l, r, rt, env, this.compute);
    bindPattern(r, l, lt, env, this.compute);
  }

  private readonly compute = (t: IRTerm, env: Env): BType => this.typeOf(t, env, false);

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
      case 'ref':
        return this.refType(t, env, check);
      case 'call': {
        if (t.fn.kind === 'rule') return this.functionCall(t, t.fn.path, env, check);
        const d = t.fn.decl;
        // An untyped variable passed to a builtin takes the parameter's type (OPA's unification
        // of a variable with a type): that is how function arguments get theirs. `==` unifies
        // instead (see `unifyBind`).
        if (!d.variadic && !d.relation && d.name !== 'print' && d.name !== 'equal') {
          for (let i = 0; i < Math.min(t.args.length, d.params.length); i++) bindVar(t.args[i], d.params[i].type, env);
        }
        // Constant arguments are check-calls' business; their types are not needed here.
        const types: BType[] = [];
        for (const a of t.args) types.push(a.t === 'const' ? ANY : this.typeOf(a, env, check));
        if (check) this.errors.push(...builtinArgErrors(t, d, types, this.options));
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
        // Captured variables are bound before the comprehension, its own ones are new slots:
        // sharing `env` lets types flow in and nothing out. Typing without checking reads the
        // types its body gave its own variables when it was checked.
        const base = this.pending.length;
        if (check) this.body(t.body, env);
        const of = (x: IRTerm) => this.typeOf(x, env, check);
        const out: BType = t.t === 'objectcomp' ? { k: 'object', key: of(t.key), value: of(t.value) } : { k: t.t === 'arraycomp' ? 'array' : 'set', of: of(t.term) };
        this.pending.length = base;
        return out;
      }
    }
  }

  /**
   * Refs into locals and rules, typed as OPA's ref checker does: indexing or iterating a scalar, or
   * a key whose type cannot index the collection, is an "undefined ref"; an unbound variable key
   * takes the collection's key type. Refs with a literal head are never blamed.
   */
  private refType(t: Extract<IRTerm, { t: 'ref' }>, env: Env, check: boolean): BType {
    let cur = t.root.kind === 'term' ? this.typeOf(t.root.term, env, check) : ANY;
    let typed = t.root.kind === 'term' && t.root.term.t === 'var';
    let start = 0;
    let intoTree = false;
    // As OPA, a rule's type holds even where `with` replaces its value.
    if (t.root.kind === 'data') {
      const hit = this.ruleAt(t);
      if (hit) {
        cur = this.nodeType(hit.node);
        start = hit.depth;
        intoTree = !hit.node.ruleSet;
        typed = true;
      }
    }
    for (let i = start; i < t.path.length; i++) {
      const s = t.path[i];
      if (i === start && intoTree) {
        // A key into rules below a node: a variable one is a string; what it selects is not typed
        // (OPA checks each child there and ignores their errors).
        bindVar(s, STRING, env);
        const st = this.typeOf(s, env, check);
        if (s.t === 'var' && !fits(st, STRING)) {
          if (check) this.errors.push(new PalisadeError(ErrorCodes.type, `undefined ref: ${refText(t)}`, t.loc));
          return ANY;
        }
        cur = ANY;
        continue;
      }
      if (!typed) {
        if (s.t !== 'const') this.typeOf(s, env, check);
        cur = element(cur);
        continue;
      }
      if (scalarOnly(cur)) {
        if (check) this.errors.push(new PalisadeError(ErrorCodes.type, `undefined ref: ${refText(t)}`, t.loc));
        return ANY;
      }
      const keys = keysOf(cur);
      if (keys) bindVar(s, keys, env);
      const st = s.t === 'const' ? (s.poisoned ? ANY : typeOfValue(s.v, CONST_DEPTH)) : this.typeOf(s, env, check);
      // A composite key of the key type's kind is not blamed: OPA's static parts of it are not kept.
      if (keys && !fits(st, keys) && !(st.k === keys.k && (keys.k === 'array' || keys.k === 'set' || keys.k === 'object'))) {
        if (check) this.errors.push(new PalisadeError(ErrorCodes.type, `undefined ref: ${refText(t)}`, t.loc));
        return ANY;
      }
      cur = element(cur);
    }
    return cur;
  }

  /**
   * OPA's check of a function replacing a builtin or function under `with`: the same number of
   * arguments, of types that can meet ("arity mismatch" either way). Untyped functions pass.
   */
  private checkMock(w: IRWith, fn: CallTarget): void {
    const target = w.target.kind === 'builtin' ? declArgs(this.builtins?.get(w.target.name)) : w.target.kind === 'function' ? this.functionArgs(w.target.path) : undefined;
    const value = fn.kind === 'builtin' ? declArgs(fn.decl) : this.functionArgs(fn.path);
    if (!target || !value) return;
    if (target.length === value.length && target.every((t, i) => fits(t, value[i]))) return;
    const name = w.target.kind === 'builtin' ? w.target.name : `data.${(w.target as { path: string[] }).path.join('.')}`;
    this.errors.push(new PalisadeError(ErrorCodes.type, `${name}: arity mismatch`, w.loc));
  }

  private functionArgs(path: string[]): BType[] | undefined {
    const node = this.tree && findNode(this.tree, path);
    const ft = node ? this.ruleSet(node) : undefined;
    return ft?.k === 'function' ? ft.args : undefined;
  }

  /** A call of a user function: arguments are unified with its argument types, as OPA does. */
  private functionCall(t: Extract<IRTerm, { t: 'call' }>, path: string[], env: Env, check: boolean): BType {
    const node = this.tree && findNode(this.tree, path);
    const ft = node ? this.ruleSet(node) : undefined;
    if (ft?.k !== 'function') {
      for (const a of t.args) this.typeOf(a, env, check);
      return ANY;
    }
    let bad = false;
    t.args.forEach((a, i) => {
      // The argument after the last one receives the result.
      const want = i < ft.args.length ? ft.args[i] : ft.result;
      bindVar(a, want, env);
      if (!fits(this.typeOf(a, env, check), want)) bad = true;
    });
    if (bad && check) this.errors.push(new PalisadeError(ErrorCodes.type, `data.${path.join('.')}: invalid argument(s)`, t.loc));
    return ft.result;
  }

}
