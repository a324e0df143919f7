/** Runs the ordered stages over parsed modules and compiles queries against the result. */
import { type PalisadeError, ErrorCodes } from '../errors.js';
import type { BuiltinRegistry } from '../builtins/registry.js';
import type { Body, Module } from '../syntax/ast.js';
import type { IRBody } from './ir.js';
import { Lowerer, occursIn } from './lower.js';
import { newNode, type RuleSet, type TreeNode } from './rule-tree.js';
import { SafetyChecker } from './safety.js';
import { hoistNegatedCalls, hoistNegatedRefs } from './negation.js';
import { isUndefinedFunction, stages, stopsBeforeArity } from './stages.js';
import type { CompileOptions, CompileState } from './state.js';

export type { CompileOptions } from './state.js';
import { checkBodyArity, checkBodyCalls } from './check-calls.js';
import { checkBodyTypes } from './check-types.js';

export interface CompiledPolicy {
  tree: TreeNode;
  ruleSets: RuleSet[];
  modules: Module[];
  builtins: BuiltinRegistry;
  ruleNames: Map<string, Set<string>>;
  options: CompileOptions;
}

export function compileModules(modules: Module[], builtins: BuiltinRegistry, options: CompileOptions = {}): { policy: CompiledPolicy; errors: PalisadeError[] } {
  const st: CompileState = { modules, builtins, tree: newNode([]), ruleSets: [], ruleNames: new Map(), errors: [], options };
  let held: PalisadeError[] | undefined;
  for (const stage of stages) {
    const before = st.errors.length;
    stage.run(st);
    // OPA stops after rewriting local variables when that failed: only those errors are reported.
    if (st.localVarErrors?.length) {
      st.errors.splice(held ? 0 : before, st.errors.length, ...st.localVarErrors);
      break;
    }
    if (held) {
      // Lowering's other errors (`with` targets, imports) are OPA's earlier stages; undefined
      // functions its later one.
      const earlier = st.errors.slice(before).filter((e) => !isUndefinedFunction(e));
      st.errors.splice(0, st.errors.length, ...(earlier.length ? earlier : held));
      break;
    }
    if (stage.holdsErrors && st.errors.length) {
      held = [...st.errors];
      continue;
    }
    // OPA stops at the first stage that reports errors, so later errors (an unsafe `with` value
    // after a bad `with` target, a type error inside a recursive rule) are never reported.
    if (stage.stopsOn?.(st.errors)) break;
  }
  return { policy: { tree: st.tree, ruleSets: st.ruleSets, modules, builtins, ruleNames: st.ruleNames, options }, errors: dedupe(st.errors) };
}

export interface CompiledQuery {
  body: IRBody;
  nslots: number;
  slotNames: string[];
  /** Output variables: name → slot, in order of first appearance. */
  outputs: [string, number][];
}

export function compileQuery(body: Body, policy: CompiledPolicy): { query?: CompiledQuery; errors: PalisadeError[] } {
  const L = new Lowerer({ tree: policy.tree, builtins: policy.builtins, ruleNames: policy.ruleNames }, [], []);
  L.pushScope(occursIn(body));
  L.beginBody();
  const ir = L.bodyInScope(body);
  L.checkDeclaredUsed(ir);
  const top = L.topLevelSlots();
  L.popScope();
  if (L.localVarErrors.length) return { errors: dedupe(L.localVarErrors) };
  // As for modules, each stage runs only when the ones before it found nothing (as OPA's query compiler).
  const errors = [...L.errors];
  if (!stopsBeforeArity(errors)) checkBodyArity(ir, { errors, options: policy.options });
  if (!errors.length) {
    hoistNegatedCalls(ir, L.slotNames);
    const sc = new SafetyChecker(L.slotNames);
    sc.body(ir, new Set());
    errors.push(...sc.errors);
  }
  if (!errors.length) {
    // OPA rewrites `==` into unification in modules only, so query negations keep `==` a call.
    hoistNegatedRefs(ir, L.slotNames, false);
    const st = { errors: [] as PalisadeError[], options: policy.options };
    checkBodyCalls(ir, st);
    checkBodyTypes(ir, st, policy.tree, policy.builtins);
    errors.push(...st.errors);
  }
  if (errors.length) return { errors: dedupe(errors) };
  const outputs = [...top.entries()].filter(([n]) => n !== '_' && !n.startsWith('$')).sort((a, b) => a[1] - b[1]);
  return { query: { body: ir, nslots: L.slotNames.length, slotNames: L.slotNames, outputs }, errors: [] };
}

function dedupe(errors: PalisadeError[]): PalisadeError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.code}|${e.message}|${e.location?.file}:${e.location?.row}:${e.location?.col}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export { ErrorCodes };
