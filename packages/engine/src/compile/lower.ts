/**
 * Stage `resolve-and-lower`: AST → IR. Resolves imports and rule names to `data` refs,
 * resolves builtin and function calls, and gives every local variable a frame slot following
 * Rego's scoping: `:=`, `some`, function arguments and `every` declare; other variables are
 * bound by unification in the innermost body where they occur, and a comprehension body
 * shares a variable with the enclosing body when the enclosing body mentions it too.
 */
import type { Body, Expr, Import, Module, Term, VarTerm, WithModifier } from '../syntax/ast.js';
import { callName } from '../syntax/ast.js';
import { forEachChild } from '../syntax/visit.js';
import type { Location } from '../syntax/location.js';
import { ErrorCodes, PalisadeError } from '../errors.js';
import type { BuiltinRegistry } from '../builtins/registry.js';
import { RSet, makeObject, type Value } from '../value/types.js';
import type { CallTarget, IRBody, IRExpr, IRTerm, IRWith, RefRoot, WithTarget } from './ir.js';
import { findNode, type TreeNode } from './rule-tree.js';
import { visitBody, visitTerm } from './walk-ir.js';

/** What a name resolves to outside local scopes. */
type Global = { root: 'data' | 'input'; path: string[] };

export interface LowerEnv {
  tree: TreeNode;
  builtins: BuiltinRegistry;
  /** Rule names (first head segment) per package key (`a.b`). */
  ruleNames: Map<string, Set<string>>;
}

interface Scope {
  /** Slots of enclosing scopes used inside this closure scope (undefined for plain bodies). */
  captured?: Set<number>;
  declared: Map<string, number>;
  /** How each declared name was first declared (for OPA's redeclaration messages). */
  declaredBy?: Map<string, 'assign' | 'some' | 'arg'>;
  free: Map<string, number>;
  /** Names occurring directly in this body (not inside nested closures). */
  occurs: Set<string>;
  /** Variables declared by `some x` (or by `every`) in this body, which the body must use. */
  mustUse?: { slot: number; name: string; loc: Location }[];
}

export class Lowerer {
  readonly slotNames: string[] = [];
  private scopes: Scope[] = [];
  private globals = new Map<string, Global>();
  readonly errors: PalisadeError[] = [];
  /** The errors of OPA's local-variable rewriting stage (compilation stops after it). */
  readonly localVarErrors: PalisadeError[] = [];
  private bodyErrorsMark = 0;

  constructor(
    private readonly env: LowerEnv,
    pkg: string[],
    imports: Import[],
  ) {
    for (const name of env.ruleNames.get(pkg.join('.')) ?? []) this.globals.set(name, { root: 'data', path: [...pkg, name] });
    for (const imp of imports) this.addImport(imp);
  }

  private addImport(imp: Import): void {
    const segs = refSegments(imp.path);
    if (!segs) return;
    const [root, ...rest] = segs;
    if (root === 'future' || root === 'rego') return;
    if (root !== 'data' && root !== 'input') return;
    const alias = imp.alias ?? (rest.length ? rest[rest.length - 1] : root);
    this.globals.set(alias, { root, path: rest });
  }

  // ---- scopes --------------------------------------------------------------------------------

  private newSlot(name: string): number {
    this.slotNames.push(name);
    return this.slotNames.length - 1;
  }

  pushScope(occurs: Set<string>, closure = false): void {
    this.scopes.push({ declared: new Map(), free: new Map(), occurs, captured: closure ? new Set() : undefined });
  }

  /** Records `slot`, owned by scope `owner`, as captured by every closure scope inside it. */
  private capture(slot: number, owner: number): void {
    for (let i = owner + 1; i < this.scopes.length; i++) this.scopes[i].captured?.add(slot);
  }

  popScope(): void {
    this.scopes.pop();
  }

  /** Declares a variable in the innermost scope (`:=`, `some`, args, every). */
  declare(v: VarTerm, kind: 'assign' | 'some' | 'arg'): number {
    if (v.name === '_') return this.newSlot('_');
    const scope = this.scopes[this.scopes.length - 1];
    // `some x` after `x := …` in the same body redeclares it too; OPA names the first declaration.
    if (kind !== 'arg' && scope.declared.has(v.name)) {
      const first = scope.declaredBy?.get(v.name);
      this.localVarError(first === 'arg' ? `arg ${v.name} redeclared` : `var ${v.name} ${first === 'some' ? 'declared' : 'assigned'} above`, v.loc);
    } else if (kind !== 'arg' && scope.free.has(v.name)) {
      this.localVarError(`var ${v.name} referenced above`, v.loc);
    }
    const slot = this.newSlot(v.name);
    scope.declared.set(v.name, slot);
    if (!scope.declaredBy?.has(v.name)) (scope.declaredBy ??= new Map()).set(v.name, kind);
    return slot;
  }

  /** A new anonymous slot (compiler-generated variables such as deferred arguments). */
  freshSlot(name: string): number {
    return this.newSlot(name);
  }

  /** Declares an argument variable, reusing it when the same name appeared in an earlier argument. */
  declareOrGet(v: VarTerm): IRTerm {
    const scope = this.scopes[this.scopes.length - 1];
    const slot = scope.declared.get(v.name) ?? this.declare(v, 'arg');
    return { t: 'var', slot, name: v.name, loc: v.loc };
  }

  private lookupLocal(name: string): number | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const s = this.scopes[i];
      const d = s.declared.get(name) ?? s.free.get(name);
      if (d !== undefined) {
        this.capture(d, i);
        return d;
      }
    }
    return undefined;
  }

  /** Resolves a var to a slot, a global or a root. */
  resolveVar(v: VarTerm): IRTerm {
    const loc = v.loc;
    if (v.name === '_') return { t: 'var', slot: this.newSlot('_'), name: '_', loc };
    const local = this.lookupLocal(v.name);
    if (local !== undefined) return { t: 'var', slot: local, name: v.name, loc };
    if (v.name === 'input') return { t: 'ref', root: { kind: 'input' }, path: [], loc };
    if (v.name === 'data') return { t: 'ref', root: { kind: 'data' }, path: [], loc };
    const g = this.globals.get(v.name);
    if (g) return { t: 'ref', root: { kind: g.root }, path: g.path.map((s) => constTerm(s, loc)), loc };
    // Undeclared: bound by unification in the innermost body that mentions it.
    let target = this.scopes.length - 1;
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      if (this.scopes[i].occurs.has(v.name)) target = i;
    }
    const slot = this.newSlot(v.name);
    this.scopes[target].free.set(v.name, slot);
    this.capture(slot, target);
    return { t: 'var', slot, name: v.name, loc };
  }

  private error(code: (typeof ErrorCodes)[keyof typeof ErrorCodes], message: string, loc: Location): void {
    this.errors.push(new PalisadeError(code, message, loc));
  }

  private localVarError(message: string, loc: Location): void {
    const e = new PalisadeError(ErrorCodes.compile, message, loc);
    this.errors.push(e);
    this.localVarErrors.push(e);
  }

  /** Starts a rule body, else body or query (OPA checks declared vars per such body). */
  beginBody(): void {
    this.bodyErrorsMark = this.localVarErrors.length;
  }

  private mustUse(slot: number, name: string, loc: Location): void {
    const scope = this.scopes[this.scopes.length - 1];
    (scope.mustUse ??= []).push({ slot, name, loc });
  }

  /**
   * `declared var x unused` (OPA's rego_compile_error) for each variable the innermost scope
   * declared with `some` (or `every`) that neither `body`, its nested closures nor `extra`
   * (head terms) mention. Like OPA, skipped once the current body has local-variable errors.
   */
  checkDeclaredUsed(body: IRBody, extra: IRTerm[] = []): void {
    const decls = this.scopes[this.scopes.length - 1].mustUse;
    if (!decls?.length || this.localVarErrors.length > this.bodyErrorsMark) return;
    const used = new Set<number>();
    const note = (t: IRTerm) => void (t.t === 'var' && used.add(t.slot));
    visitBody(body, note);
    for (const t of extra) visitTerm(t, note);
    for (const d of decls) if (!used.has(d.slot)) this.localVarError(`declared var ${d.name} unused`, d.loc);
  }

  // ---- bodies --------------------------------------------------------------------------------

  /** Lowers a body in a new scope; `pre` runs after the scope is pushed (e.g. to declare vars). */
  body(body: Body, pre?: () => void, extraOccurs?: Iterable<string>): { body: IRBody; captured: number[] } {
    const occurs = occursIn(body);
    if (extraOccurs) for (const n of extraOccurs) occurs.add(n);
    this.pushScope(occurs, true);
    pre?.();
    const out = body.map((e) => this.expr(e));
    this.checkDeclaredUsed(out);
    const captured = [...this.scopes[this.scopes.length - 1].captured!];
    this.popScope();
    return { body: out, captured };
  }

  /** Slots of the outermost scope (query variables), by name. */
  topLevelSlots(): Map<string, number> {
    const s = this.scopes[0];
    return new Map([...s.free, ...s.declared]);
  }

  /** Lowers a body in the current scope (rule bodies use one scope for head + body). */
  bodyInScope(body: Body): IRBody {
    return body.map((e) => this.expr(e));
  }

  expr(e: Expr): IRExpr {
    const withs = e.with.map((w) => this.withMod(w));
    const node = e.node;
    const loc = e.loc;
    const mk = (n: IRExpr['node']): IRExpr => ({ node: n, negated: e.negated, ...(e.block ? { block: true } : {}), with: withs, loc });
    switch (node.kind) {
      case 'term':
        return mk({ kind: 'term', term: this.term(node.term) });
      case 'unify':
        return mk({ kind: 'unify', left: this.term(node.left), right: this.term(node.right) });
      case 'assign': {
        const right = this.term(node.right);
        const left = this.assignTarget(node.left);
        return mk({ kind: 'unify', left, right });
      }
      case 'some':
        for (const v of node.vars) this.mustUse(this.declare(v, 'some'), v.name, loc);
        return mk({ kind: 'true' });
      case 'somein': {
        const collection = this.term(node.collection);
        const key = node.key ? this.pattern(node.key) : undefined;
        const value = this.pattern(node.value);
        return mk({ kind: 'somein', key, value, collection });
      }
      case 'every': {
        const domain = this.term(node.domain);
        let key: IRTerm | undefined;
        let value: IRTerm | undefined;
        const names = [node.value.name, ...(node.key ? [node.key.name] : [])];
        const { body, captured } = this.body(
          node.body,
          () => {
            // OPA reports an unused `every` variable at the first expression of the body.
            const at = node.body[0]?.loc ?? loc;
            const decl = (v: VarTerm): IRTerm => {
              const slot = this.declare(v, 'some');
              if (v.name !== '_') this.mustUse(slot, v.name, at);
              return { t: 'var', slot, name: v.name, loc: v.loc };
            };
            if (node.key) key = decl(node.key);
            value = decl(node.value);
          },
          names,
        );
        return mk({ kind: 'every', key, value: value!, domain, body, captured });
      }
      case 'logic': {
        // Each operand is a scope: declarations and new variables stay inside it.
        const operand = (b: Body): IRBody => {
          this.pushScope(occursIn(b));
          const out = b.map((x) => this.expr(x));
          this.checkDeclaredUsed(out);
          this.popScope();
          return out;
        };
        return mk({ kind: node.op, left: operand(node.left), right: operand(node.right) });
      }
    }
  }

  /** Declares every var of an `:=` left-hand side pattern. */
  private assignTarget(t: Term): IRTerm {
    switch (t.type) {
      case 'var':
        return { t: 'var', slot: this.declare(t, 'assign'), name: t.name, loc: t.loc };
      case 'array':
        return { t: 'array', items: t.items.map((x) => this.assignTarget(x)), loc: t.loc };
      case 'object':
        return {
          t: 'object',
          entries: t.entries.map(([k, v]) => [this.term(k), this.assignTarget(v)] as [IRTerm, IRTerm]),
          loc: t.loc,
        };
      case 'ref':
        this.localVarError(`cannot assign to ref`, t.loc);
        return this.term(t);
      default:
        return this.term(t);
    }
  }

  /** `some x in xs` patterns declare their vars. */
  private pattern(t: Term): IRTerm {
    if (t.type === 'var') return { t: 'var', slot: this.declare(t, 'some'), name: t.name, loc: t.loc };
    if (t.type === 'array') return { t: 'array', items: t.items.map((x) => this.pattern(x)), loc: t.loc };
    if (t.type === 'object')
      return { t: 'object', entries: t.entries.map(([k, v]) => [this.term(k), this.pattern(v)] as [IRTerm, IRTerm]), loc: t.loc };
    return this.term(t);
  }

  private withMod(w: WithModifier): IRWith {
    const target = this.withTarget(w.target);
    const value = this.withValue(w.value);
    return { target, value, loc: w.loc };
  }

  private withTarget(t: Term): WithTarget {
    const segs = refSegments(t);
    if (!segs) {
      this.error(ErrorCodes.type, `with keyword target must reference existing input, data, or a function`, t.loc);
      return { kind: 'input', path: [] };
    }
    const [first, ...rest] = segs;
    if (first === 'input') return { kind: 'input', path: rest };
    if (first === 'data') {
      const n = findNode(this.env.tree, rest);
      if (n?.ruleSet?.kind === 'function') return { kind: 'function', path: rest };
      return { kind: 'data', path: rest };
    }
    const g = this.globals.get(first);
    if (g && this.lookupLocal(first) === undefined) {
      const full = [...g.path, ...rest];
      if (g.root === 'input') return { kind: 'input', path: full };
      const n = findNode(this.env.tree, full);
      if (n?.ruleSet?.kind === 'function') return { kind: 'function', path: full };
      return { kind: 'data', path: full };
    }
    const name = segs.join('.');
    if (this.env.builtins.has(name)) return { kind: 'builtin', name };
    this.error(ErrorCodes.type, `with keyword target must reference existing input, data, or a function`, t.loc);
    return { kind: 'input', path: [] };
  }

  private withValue(t: Term): IRWith['value'] {
    if (t.type === 'var' || t.type === 'ref') {
      const fn = this.functionTarget(t, false);
      if (fn) return { kind: 'function', fn };
    }
    return { kind: 'term', term: this.term(t) };
  }

  /** Resolves a name used as a function; undefined when it is not one. */
  private functionTarget(t: Term, report: boolean): CallTarget | undefined {
    if (t.type !== 'var' && t.type !== 'ref') return undefined;
    const name = callName(t);
    if (!name) return undefined;
    const segs = name.split('.');
    const first = segs[0];
    // Operators lowered by the parser (`in` → internal.member_2) are never shadowed by rule names.
    if (first === 'internal' && this.env.builtins.has(name)) return { kind: 'builtin', name, decl: this.env.builtins.get(name)! };
    if (this.lookupLocal(first) !== undefined) return undefined;
    let path: string[] | undefined;
    if (first === 'data') path = segs.slice(1);
    else {
      const g = this.globals.get(first);
      if (g && g.root === 'data') path = [...g.path, ...segs.slice(1)];
    }
    if (path) {
      const n = findNode(this.env.tree, path);
      if (n?.ruleSet?.kind === 'function') return { kind: 'rule', path, name, arity: n.ruleSet.arity };
      if (report) this.error(ErrorCodes.type, `undefined function ${name}`, t.loc);
      return undefined;
    }
    const decl = this.env.builtins.get(name);
    if (decl) return { kind: 'builtin', name, decl };
    if (report) this.error(ErrorCodes.type, `undefined function ${name}`, t.loc);
    return undefined;
  }

  // ---- terms ---------------------------------------------------------------------------------

  term(t: Term): IRTerm {
    const loc = t.loc;
    switch (t.type) {
      case 'null':
        return constTerm(null, loc);
      case 'boolean':
        return constTerm(t.value, loc);
      case 'number':
        return constTerm(t.value, loc);
      case 'string':
        return constTerm(t.value, loc);
      case 'template': {
        if (!t.withs) return { t: 'template', parts: t.parts.map((p) => (typeof p === 'string' ? p : this.term(p))), loc };
        const spread = t.parts.map((_, i) => t.withs![i] !== undefined);
        const parts = t.parts.map((p, i) => (typeof p === 'string' ? p : spread[i] ? this.collectWith(p, t.withs![i]!) : this.term(p)));
        return { t: 'template', parts, spread, loc };
      }
      case 'var':
        return this.resolveVar(t);
      case 'ref': {
        const head = this.term(t.head);
        const path = t.path.map((s) => this.term(s));
        if (head.t === 'ref') return foldConsts({ t: 'ref', root: head.root, path: [...head.path, ...path], loc });
        const root: RefRoot = { kind: 'term', term: head };
        return foldConsts({ t: 'ref', root, path, loc });
      }
      case 'call': {
        const fn = this.functionTarget(t.fn, true);
        const args = t.args.map((a) => this.term(a));
        if (!fn) return { t: 'const', v: null, loc, poisoned: true }; // error already recorded
        return { t: 'call', fn, args, loc };
      }
      case 'array':
        return foldConsts({ t: 'array', items: t.items.map((x) => this.term(x)), loc });
      case 'set':
        return foldConsts({ t: 'set', items: t.items.map((x) => this.term(x)), loc });
      case 'object':
        return foldConsts({ t: 'object', entries: t.entries.map(([k, v]) => [this.term(k), this.term(v)] as [IRTerm, IRTerm]), loc });
      case 'arraycomp':
      case 'setcomp': {
        let term!: IRTerm;
        const { body, captured } = this.closureWithHead(t.body, termVarNames(t.term), () => {
          term = this.term(t.term);
          return [term];
        });
        return { t: t.type, term, body, captured, loc };
      }
      case 'objectcomp': {
        const names = [...termVarNames(t.key), ...termVarNames(t.value)];
        let key!: IRTerm;
        let value!: IRTerm;
        const { body, captured } = this.closureWithHead(t.body, names, () => {
          key = this.term(t.key);
          value = this.term(t.value);
          return [key, value];
        });
        return { t: 'objectcomp', key, value, body, captured, loc };
      }
    }
  }

  /** `[v | v = term with mods]`: the values of an embedded template expression under its modifiers. */
  private collectWith(term: Term, mods: WithModifier[]): IRTerm {
    const names = termVarNames(term);
    this.pushScope(new Set(names), true);
    const slot = this.newSlot('$tpl');
    const v: IRTerm = { t: 'var', slot, name: '$tpl', loc: term.loc };
    const expr: IRExpr = { node: { kind: 'unify', left: v, right: this.term(term) }, negated: false, with: mods.map((m) => this.withMod(m)), loc: term.loc };
    const captured = [...this.scopes[this.scopes.length - 1].captured!];
    this.popScope();
    return { t: 'arraycomp', term: v, body: [expr], captured, loc: term.loc };
  }

  /** Lowers a comprehension body and its head in the same scope. */
  private closureWithHead(body: Body, headNames: string[], head: () => IRTerm[]): { body: IRBody; captured: number[] } {
    const occurs = occursIn(body);
    for (const n of headNames) occurs.add(n);
    this.pushScope(occurs, true);
    const out = body.map((e) => this.expr(e));
    this.checkDeclaredUsed(out, head());
    const captured = [...this.scopes[this.scopes.length - 1].captured!];
    this.popScope();
    return { body: out, captured };
  }

}

// ---- helpers ---------------------------------------------------------------------------------

export function constTerm(v: Value, loc: Location): IRTerm {
  return { t: 'const', v, loc };
}

/** Folds composite literals whose parts are all constants into one constant. */
function foldConsts(t: IRTerm): IRTerm {
  switch (t.t) {
    case 'array':
      if (t.items.every((x) => x.t === 'const')) return constTerm(t.items.map((x) => (x as { v: Value }).v), t.loc);
      return t;
    case 'set':
      if (t.items.every((x) => x.t === 'const')) return constTerm(new RSet(t.items.map((x) => (x as { v: Value }).v)), t.loc);
      return t;
    case 'object':
      if (t.entries.every(([k, v]) => k.t === 'const' && v.t === 'const')) {
        return constTerm(makeObject(t.entries.map(([k, v]) => [(k as { v: Value }).v, (v as { v: Value }).v] as [Value, Value])), t.loc);
      }
      return t;
    default:
      return t;
  }
}

/** String segments of a ref made only of a var head and string segments. */
export function refSegments(t: Term): string[] | undefined {
  if (t.type === 'var') return [t.name];
  if (t.type !== 'ref' || t.head.type !== 'var') return undefined;
  const out = [t.head.name];
  for (const s of t.path) {
    if (s.type !== 'string') return undefined;
    out.push(s.value);
  }
  return out;
}

const ignore = (): void => {};

/** Var names occurring in a term (not inside nested closures, not the names of called functions). */
export function termVarNames(t: Term, out: string[] = []): string[] {
  if (t.type === 'var') out.push(t.name);
  else if (t.type !== 'arraycomp' && t.type !== 'setcomp' && t.type !== 'objectcomp') {
    const rec = (x: Term): void => void termVarNames(x, out);
    forEachChild(t, { term: rec, callee: ignore, body: ignore, with: (w) => rec(w.value) });
  }
  return out;
}

/**
 * Names a closure inside this body may share with it: variables occurring directly in the body
 * (not inside nested closures) that the body does not declare with `:=` / `some`. Declared names
 * are renamed per declaration (as OPA does), so a closure sees them only once declared.
 */
export function occursIn(body: Body): Set<string> {
  return occursAndDeclared(body).occurs;
}

export function occursAndDeclared(body: Body): { occurs: Set<string>; declared: Set<string> } {
  const out: string[] = [];
  const declared = new Set<string>();
  for (const e of body) {
    const n = e.node;
    switch (n.kind) {
      case 'term':
        termVarNames(n.term, out);
        break;
      case 'unify':
        termVarNames(n.left, out);
        termVarNames(n.right, out);
        break;
      case 'assign':
        termVarNames(n.left, []).forEach((x) => declared.add(x));
        termVarNames(n.right, out);
        break;
      case 'some':
        n.vars.forEach((v) => declared.add(v.name));
        break;
      case 'somein':
        if (n.key) termVarNames(n.key, []).forEach((x) => declared.add(x));
        termVarNames(n.value, []).forEach((x) => declared.add(x));
        termVarNames(n.collection, out);
        break;
      case 'every':
        termVarNames(n.domain, out);
        break;
      case 'logic':
        // Operands are scopes of their own (see Lowerer.expr).
        break;
    }
    for (const w of e.with) termVarNames(w.value, out);
  }
  return { occurs: new Set(out.filter((n) => n !== '_' && !declared.has(n))), declared };
}

export type { Module };
