/**
 * Virtual documents: walking `data` through the rule tree and base data, evaluating rule sets
 * (complete, partial set, partial object, functions) with caching per Ctx, and builtin calls.
 */
import { ErrorCodes, PalisadeError } from '../errors.js';
import type { BuiltinDecl } from '../builtins/define.js';
import type { RuleDef, RuleSet, TreeNode } from '../compile/rule-tree.js';
import { findNode, headSplit } from '../compile/rule-tree.js';
import type { Location } from '../syntax/location.js';
import { ObjectBuilder, RSet, compareStrings, equals, isObject, objectEntries, objectGet, sortedObjectEntries, type Value } from '../value/types.js';
import { type Ctx, IN_PROGRESS, UNDEF } from './context.js';
import { setPath } from './values.js';
import { finishTree, insertPath, mergeInto, objectIsEmpty } from './object-tree.js';
import { guardsHold, inputGuards, type InputGuard } from './rule-index.js';
import { COVERED, applyOverlays, hasOverlayBelow, overlayAt, startsWith } from './overlays.js';
import type { BodyPlanner, ExprFn, Frame, PatFn, TermFn, VK } from './plan-types.js';
import { walkValue, type Segment } from './refs.js';
import { FnResults, identityOf } from './fn-cache.js';

interface CompiledDef {
  def: RuleDef;
  body: ExprFn;
  value?: TermFn;
  key?: TermFn;
  keyPath: TermFn[];
  args: PatFn[];
  elses: { body: ExprFn; value: TermFn }[];
  /** `input` equality tests of the main body (rule indexing; empty when the def has else clauses). */
  guards: InputGuard[];
  /** Positions and values of the arguments written as constants (`f("curl", x)`): function indexing. */
  constArgs: { i: number; v: Value }[];
}

/** Per-function cap of the cross-evaluation cache (distinct argument lists). */
const SHARED_FN_CACHE_LIMIT = 200_000;

export class RuleEvaluator {
  private compiled = new Map<RuleDef, CompiledDef>();
  /**
   * Values shared across evaluations of this compiled policy, for rule sets that read neither
   * input, nor per-evaluation data overrides, nor nondeterministic builtins (see dependencies.ts).
   */
  private shared = new Map<RuleSet, { key: string; value: Value | typeof UNDEF }>();
  private sharedFns = new Map<RuleSet, { key: string; cache: FnResults }>();
  private shareable = new Map<RuleSet, { sig: string; overlapping: number[] }>();

  constructor(
    private readonly planner: BodyPlanner,
    readonly tree: TreeNode,
  ) {}

  private compiledDef(def: RuleDef): CompiledDef {
    let cd = this.compiled.get(def);
    if (!cd) {
      const p = this.planner;
      cd = {
        def,
        body: p.body(def.body),
        value: def.value ? p.term(def.value) : undefined,
        key: def.key ? p.term(def.key) : undefined,
        keyPath: def.keyPath.map((t) => p.term(t)),
        args: (def.args ?? []).map((t) => p.pattern(t)),
        constArgs: (def.args ?? []).flatMap((t, i) => (t.t === 'const' ? [{ i, v: t.v }] : [])),
        elses: def.elses.map((e) => ({ body: p.body(e.body), value: p.term(e.value) })),
        // Else clauses run exactly when the main body fails, so a def with them is never skipped.
        guards: def.elses.length ? [] : inputGuards(def.body),
      };
      this.compiled.set(def, cd);
    }
    return cd;
  }

  // ---- data walking --------------------------------------------------------------------------

  walkData(c: Ctx, f: Frame, segs: Segment[], k: VK): boolean {
    return this.walkNode(c, f, segs, 0, this.tree, c.run.baseData, k);
  }

  private walkNode(c: Ctx, f: Frame, segs: Segment[], i: number, node: TreeNode, base: Value | undefined, k: VK): boolean {
    if (c.overlays) {
      const ov = overlayAt(c, node.path);
      if (ov === COVERED) return false;
      if (ov !== undefined) return walkValue(segs, c, f, ov, i, k);
      if (hasOverlayBelow(c, node.path) && (i === segs.length || segs[i].kind !== 'const')) {
        const v = this.materialize(c, node, base);
        return v === undefined ? false : walkValue(segs, c, f, v, i, k);
      }
    }
    if (node.ruleSet) {
      // Base documents take precedence over rules at the same path (as OPA's storage merge).
      if (base !== undefined) return walkValue(segs, c, f, base, i, k);
      const v = this.nodeValue(c, node, base);
      return v === undefined ? false : walkValue(segs, c, f, v, i, k);
    }
    if (i === segs.length) {
      const v = this.materialize(c, node, base);
      return v === undefined ? false : k(v);
    }
    const s = segs[i];
    let key: Value | undefined;
    if (s.kind === 'const') key = s.value;
    else if (s.kind === 'var' && f[s.slot] !== undefined) key = f[s.slot];
    if (key !== undefined) return this.descend(c, f, segs, i, node, base, key, k);
    if (s.kind === 'var') {
      const slot = s.slot;
      for (const name of this.childKeys(node, base)) {
        f[slot] = name;
        const stop = this.descend(c, f, segs, i, node, base, name, k);
        f[slot] = undefined;
        if (stop) return true;
      }
      return false;
    }
    const v = this.materialize(c, node, base);
    return v === undefined ? false : walkValue(segs, c, f, v, i, k);
  }

  private descend(c: Ctx, f: Frame, segs: Segment[], i: number, node: TreeNode, base: Value | undefined, key: Value, k: VK): boolean {
    // Base documents are addressed by string keys (`data.x[2]` reads key "2"), as OPA's storage does.
    const skey = typeof key === 'number' && Number.isInteger(key) ? String(key) : key;
    let childBase = base !== undefined && isObject(base) ? objectGet(base, skey) : undefined;
    const child = typeof skey === 'string' ? node.children.get(skey) : undefined;
    if (child) return this.walkNode(c, f, segs, i + 1, child, childBase, k);
    if (c.overlays && typeof skey === 'string') {
      const v = applyOverlays(c, [...node.path, skey], childBase);
      if (v === COVERED) return false;
      childBase = v;
    }
    if (childBase !== undefined) return walkValue(segs, c, f, childBase, i + 1, k, true);
    return false;
  }

  /**
   * Keys of a data node in OPA's order: the base document's keys (sorted), then the rule tree's
   * other children (sorted), as OPA's tree enumeration visits storage before virtual documents.
   */
  private childKeys(node: TreeNode, base: Value | undefined): string[] {
    const names: string[] = [];
    const seen = new Set<string>();
    if (base !== undefined && isObject(base)) {
      for (const [k2] of sortedObjectEntries(base)) {
        if (typeof k2 === 'string') {
          names.push(k2);
          seen.add(k2);
        }
      }
    }
    const rest = [...node.children.keys()].filter((k2) => !seen.has(k2)).sort(compareStrings);
    return rest.length ? names.concat(rest) : names;
  }

  /** The value at a node with a rule set, merged with values of rules below it (ref heads). */
  /** The value at a node holding a rule set (merged with rule values below it). */
  nodeValue(c: Ctx, node: TreeNode, base: Value | undefined): Value | undefined {
    const rs = node.ruleSet!;
    if (rs.kind === 'function') return undefined;
    const v = this.ruleSetValue(c, rs);
    if (node.children.size === 0) return v;
    const b = new ObjectBuilder();
    if (v !== undefined && isObject(v)) for (const [k2, x] of objectEntries(v)) b.set(k2, x);
    else if (v !== undefined) return v;
    // Rule values are leaves at `keyPath.length` levels below this node: other rules may add
    // keys above that depth but never change a value a rule produced.
    const depth = rs.kind === 'object' ? Math.max(...rs.defs.map((d) => d.keyPath.length), 1) - 1 : 0;
    for (const [name, child] of node.children) {
      const cv = this.childValue(c, child, base !== undefined && isObject(base) ? objectGet(base, name) : undefined);
      if (cv !== undefined) mergeInto(b, name, cv, depth, rs.defs[0]?.loc);
    }
    return b.build();
  }

  private childValue(c: Ctx, child: TreeNode, base: Value | undefined): Value | undefined {
    if (c.overlays) {
      const ov = overlayAt(c, child.path);
      if (ov === COVERED) return undefined;
      if (ov !== undefined) return ov;
    }
    if (child.ruleSet) return this.nodeValue(c, child, base);
    return this.materialize(c, child, base);
  }

  /** The full document at a tree node: base data merged with every rule value below. */
  materialize(c: Ctx, node: TreeNode, base: Value | undefined): Value | undefined {
    if (c.overlays) {
      const ov = overlayAt(c, node.path);
      if (ov === COVERED) return undefined;
      if (ov !== undefined) return ov;
    }
    if (node.ruleSet) return this.nodeValue(c, node, base);
    if (node.children.size === 0 && base !== undefined && !c.overlays) return base;
    const b = new ObjectBuilder();
    if (base !== undefined && isObject(base)) for (const [k2, x] of objectEntries(base)) b.set(k2, x);
    else if (base !== undefined && node.children.size === 0) return base;
    for (const [name, child] of node.children) {
      if (child.ruleSet?.kind === 'function') continue;
      const childBase = base !== undefined && isObject(base) ? objectGet(base, name) : undefined;
      if (childBase !== undefined && child.ruleSet) continue; // base wins over rules
      const cv = this.childValue(c, child, childBase);
      if (cv !== undefined) b.set(name, cv);
    }
    let out: Value = b.build();
    if (c.overlays) {
      for (const o of c.overlays) {
        if (o.path.length > node.path.length && startsWith(o.path, node.path)) out = setPath(out, o.path.slice(node.path.length), o.value);
      }
    }
    return out;
  }

  // ---- rule sets -----------------------------------------------------------------------------

  /**
   * The sharing key of `rs` in this run, or undefined when its value must not be shared with other
   * evaluations. Rules reading input or a per-evaluation data override are shared only while those
   * hold the very same values (object identity): e.g. the inventory of one scan, or one document
   * evaluated by many policies. Inputs are never mutated (see value/types.ts), so identity is safe.
   */
  private shareKey(c: Ctx, rs: RuleSet): string | undefined {
    if (c.shareKeys.has(rs)) return c.shareKeys.get(rs);
    const key = this.computeShareKey(c, rs);
    c.shareKeys.set(rs, key);
    return key;
  }

  private computeShareKey(c: Ctx, rs: RuleSet): string | undefined {
    if (!c.root || c.run.strict || c.run.coverage || c.run.tracer) return undefined;
    const d = rs.dependencies;
    if (!d || d.volatile || (d.input && !c.run.immutableInput)) return undefined;
    // Input-dependent rules are shared between evaluations over the very same input object (a scan
    // evaluates every policy against one document in a row, and their helpers are computed once).
    const inputKey = d.input ? (c.input === undefined ? 'u;' : identityOf(c.input) + ';') : '';
    const overlays = c.overlays;
    if (!overlays) return inputKey;
    const pathsSig = overlays.map((o) => o.path.join('\u0000')).join('\u0001');
    let memo = this.shareable.get(rs);
    if (!memo || memo.sig !== pathsSig) {
      const idx: number[] = [];
      overlays.forEach((o, i) => {
        if (d.dataReads.some((r) => startsWith(r, o.path) || startsWith(o.path, r))) idx.push(i);
      });
      memo = { sig: pathsSig, overlapping: idx };
      this.shareable.set(rs, memo);
    }
    let key = inputKey;
    for (const i of memo.overlapping) key += identityOf(overlays[i].value) + ';';
    return key;
  }

  ruleSetValue(c: Ctx, rs: RuleSet): Value | undefined {
    const cached = c.cache.get(rs);
    if (cached !== undefined) {
      if (cached === UNDEF || cached === IN_PROGRESS) return undefined;
      return cached;
    }
    const share = this.shareKey(c, rs);
    if (share !== undefined) {
      const hit = this.shared.get(rs);
      if (hit !== undefined && hit.key === share) {
        c.cache.set(rs, hit.value);
        return hit.value === UNDEF ? undefined : hit.value;
      }
    }
    c.cache.set(rs, IN_PROGRESS);
    c.run.enter();
    let v: Value | undefined;
    try {
      v = this.evalRuleSet(c, rs);
    } finally {
      c.run.leave();
    }
    c.cache.set(rs, v === undefined ? UNDEF : v);
    if (share !== undefined) this.shared.set(rs, { key: share, value: v === undefined ? UNDEF : v });
    return v;
  }

  /** Rule indexing: whether `def` can be skipped for this input (never while tracing or measuring coverage). */
  private skip(c: Ctx, def: RuleDef): boolean {
    const g = this.compiledDef(def).guards;
    // Under `with … as` mocks, `==` itself may be replaced: no indexing then.
    if (g.length === 0 || c.mocks !== null || c.run.tracer !== undefined || c.run.coverage !== undefined) return false;
    return !guardsHold(c.input, g);
  }

  private evalRuleSet(c: Ctx, rs: RuleSet): Value | undefined {
    switch (rs.kind) {
      case 'complete': {
        let value: Value | undefined;
        for (const def of rs.defs) {
          if (this.skip(c, def)) continue;
          this.eachValue(c, def, [], (v) => {
            if (value !== undefined && !equals(value, v)) {
              throw new PalisadeError(ErrorCodes.evalConflict, 'complete rules must not produce multiple outputs', def.loc);
            }
            value = v;
            return false;
          });
        }
        if (value === undefined && rs.defaultDef) value = this.defaultValue(c, rs.defaultDef);
        return value;
      }
      case 'set': {
        const out = new RSet();
        for (const def of rs.defs) {
          if (this.skip(c, def)) continue;
          const cd = this.compiledDef(def);
          const f: Frame = new Array(def.nslots);
          this.inRule(c, def, () =>
            cd.body(c, f, () => {
              coverHead(c, def);
              return cd.key!(c, f, (v) => {
                out.add(v);
                return false;
              });
            }),
          );
        }
        return out;
      }
      case 'object': {
        const root = new ObjectBuilder();
        for (const def of rs.defs) {
          if (this.skip(c, def)) continue;
          const cd = this.compiledDef(def);
          const f: Frame = new Array(def.nslots);
          const leaf = def.multi
            ? (keys: Value[], v: Value) => insertPath(root, keys, v, def.loc, true)
            : (keys: Value[], v: Value) => insertPath(root, keys, v, def.loc);
          this.inRule(c, def, () =>
            cd.body(c, f, () => {
              coverHead(c, def);
              return this.keyPathValues(c, f, cd, 0, [], leaf);
            }),
          );
        }
        if (rs.defaultDef && objectIsEmpty(root)) {
          const v = this.defaultValue(c, rs.defaultDef);
          if (v !== undefined) return v;
        }
        return finishTree(root);
      }
      case 'function':
        return undefined;
    }
  }

  private keyPathValues(c: Ctx, f: Frame, cd: CompiledDef, i: number, keys: Value[], k: (keys: Value[], v: Value) => boolean): boolean {
    if (i === cd.keyPath.length) {
      if (cd.def.multi) return cd.key!(c, f, (v) => k(keys.slice(), v));
      const vf = cd.value;
      if (!vf) return k(keys.slice(), true);
      return vf(c, f, (v) => k(keys.slice(), v));
    }
    return cd.keyPath[i](c, f, (kv) => {
      keys[i] = kv;
      return this.keyPathValues(c, f, cd, i + 1, keys, k);
    });
  }

  private defaultValue(c: Ctx, def: RuleDef): Value | undefined {
    const cd = this.compiledDef(def);
    if (!cd.value) return true;
    let out: Value | undefined;
    cd.value(c, new Array(def.nslots), (v) => {
      out = v;
      return true;
    });
    return out;
  }

  /** Runs `fn` with `def` as the current rule (restored afterwards, also on errors). */
  private inRule<T>(c: Ctx, def: RuleDef, fn: () => T): T {
    const prev = c.run.currentRule;
    c.run.currentRule = def;
    if (c.run.tracer !== undefined) c.run.tracer('enter', def.loc, c.run.depth, { rule: ruleName(def) });
    try {
      return fn();
    } finally {
      c.run.currentRule = prev;
    }
  }

  /** Calls `k` with each head value of a complete/function definition (with its else chain). */
  private eachValue(c: Ctx, def: RuleDef, args: Value[], k: VK): void {
    this.inRule(c, def, () => this.eachValueIn(c, def, args, k));
  }

  private eachValueIn(c: Ctx, def: RuleDef, args: Value[], k: VK): void {
    const cd = this.compiledDef(def);
    const f: Frame = new Array(def.nslots);
    const bindArgs = (i: number, then: () => boolean): boolean =>
      i === args.length ? then() : cd.args[i](c, f, args[i], () => bindArgs(i + 1, then));
    let found = false;
    bindArgs(0, () =>
      cd.body(c, f, () => {
        coverHead(c, def);
        // The head value is part of the rule: when it is undefined (a failing call in the head),
        // the body did not produce a value and the else chain is tried, as OPA does.
        const emit = (v: Value) => {
          found = true;
          return k(v);
        };
        return cd.value ? cd.value(c, f, emit) : emit(true);
      }),
    );
    if (found) return;
    for (const e of cd.elses) {
      bindArgs(0, () =>
        e.body(c, f, () =>
          e.value(c, f, (v) => {
            found = true;
            return k(v);
          }),
        ),
      );
      if (found) return;
    }
  }

  // ---- calls ---------------------------------------------------------------------------------

  callFunction(c: Ctx, path: string[], args: Value[], k: VK): boolean {
    const rs = findNode(this.tree, path)?.ruleSet;
    if (!rs || rs.kind !== 'function') return false;
    return this.callFunctionSet(c, rs, args, k);
  }

  /** The function rule set at `path` (resolved once per call site by the planner), if there is one. */
  functionAt(path: string[]): RuleSet | undefined {
    const rs = findNode(this.tree, path)?.ruleSet;
    return rs && rs.kind === 'function' ? rs : undefined;
  }

  private fnCacheOf(c: Ctx, rs: RuleSet): FnResults {
    const own = c.fnCache.get(rs);
    if (own !== undefined && !(own.shared && own.cache.size >= SHARED_FN_CACHE_LIMIT)) return own.cache;
    const share = this.shareKey(c, rs);
    let cache: FnResults;
    if (share !== undefined) {
      let entry = this.sharedFns.get(rs);
      if (!entry || entry.key !== share || entry.cache.size >= SHARED_FN_CACHE_LIMIT) {
        entry = { key: share, cache: new FnResults() };
        this.sharedFns.set(rs, entry);
      }
      cache = entry.cache;
    } else {
      cache = new FnResults();
    }
    c.fnCache.set(rs, { cache, shared: share !== undefined });
    return cache;
  }

  private constArgsHold(def: RuleDef, args: Value[]): boolean {
    for (const { i, v } of this.compiledDef(def).constArgs) if (!equals(v, args[i])) return false;
    return true;
  }

  callFunctionSet(c: Ctx, rs: RuleSet, args: Value[], k: VK): boolean {
    const cache = this.fnCacheOf(c, rs);
    const hit = cache.get(args);
    if (hit !== undefined) return hit === UNDEF ? false : k(hit);
    c.run.enter();
    let value: Value | undefined;
    try {
      // Indexing (as OPA's indexer does for function arguments): a definition whose constant
      // argument differs from the call's cannot match, and is not entered (entering costs more
      // than the unification that would fail). Not while tracing or measuring coverage, which
      // report every definition tried.
      const index = c.run.tracer === undefined && c.run.coverage === undefined;
      for (const def of rs.defs) {
        if (index && !this.constArgsHold(def, args)) continue;
        this.eachValue(c, def, args, (v) => {
          if (value !== undefined && !equals(value, v)) {
            throw new PalisadeError(ErrorCodes.evalConflict, 'functions must not produce multiple outputs for same inputs', def.loc);
          }
          value = v;
          return false;
        });
      }
      if (value === undefined && rs.defaultDef) value = this.defaultValue(c, rs.defaultDef);
    } finally {
      c.run.leave();
    }
    cache.set(args, value === undefined ? UNDEF : value);
    return value === undefined ? false : k(value);
  }

  callBuiltin(c: Ctx, decl: BuiltinDecl, args: Value[], loc: Location, k: VK): boolean {
    let result: Value | undefined;
    try {
      result = decl.impl(args, c.run.bctx, loc);
    } catch (e) {
      const err = builtinFailure(decl.name, e, loc);
      if (endsEvaluation(err)) throw err;
      if (c.run.strict) throw err;
      c.run.builtinErrors.push(err);
      return false;
    }
    if (result === undefined) return false;
    if (result === false && c.run.tracer !== undefined && decl.category === 'comparison') {
      c.run.tracer('compare', loc, c.run.depth, { op: decl.name, args });
    }
    if (decl.relation) {
      for (const r of result as Value[]) if (k(r)) return true;
      return false;
    }
    return k(result);
  }
}

const ruleNames = new WeakMap<RuleDef, string>();

/** `data.pkg.name` of a definition, for trace events (the ground part of its head; `[…]` marks a variable key). */
function ruleName(def: RuleDef): string {
  let name = ruleNames.get(def);
  if (name === undefined) {
    const { ground, rest } = headSplit(def.rule);
    name = ['data', ...def.pkg, ...ground].join('.') + (rest.length ? '[…]' : '');
    ruleNames.set(def, name);
  }
  return name;
}

/** Errors that end the whole evaluation even in non-strict mode (never an undefined call). */
function endsEvaluation(e: PalisadeError): boolean {
  return e.code === ErrorCodes.evalConflict || e.code === ErrorCodes.evalCancel || e.code === ErrorCodes.evalMemory;
}

/** Turns anything a builtin threw into a located PalisadeError naming the builtin. */
function builtinFailure(name: string, e: unknown, loc: Location): PalisadeError {
  if (e instanceof PalisadeError) {
    if (endsEvaluation(e)) return e;
    return new PalisadeError(e.code, `${name}: ${e.message}`, e.location ?? loc);
  }
  if (e instanceof RangeError && /call stack/.test(e.message)) throw e;
  const msg = e instanceof Error ? e.message : String(e);
  return new PalisadeError(ErrorCodes.evalBuiltin, `${name}: ${msg}`, loc);
}

function coverHead(c: Ctx, def: RuleDef): void {
  if (c.run.coverage !== undefined) c.run.coverage.add(`${def.loc.file}:${def.loc.row}`);
}


