/**
 * THE ordered list of compiler stages. Each stage reads and extends the shared CompileState and
 * records errors; later stages may rely on everything earlier stages established:
 *   collect-rules      rule tree, rule kinds, defaults, conflicting kinds     (needs: parsed modules)
 *   resolve-and-lower  imports, rule names, calls, local variables → IR      (needs: rule tree)
 *   check-arity        argument counts of calls                              (needs: IR)
 *   check-safety       bound-before-use + body reordering                    (needs: IR)
 *   check-recursion    cycles between rules/functions                        (needs: IR)
 *   check-calls        deprecated builtins, constant arguments               (needs: IR)
 *   analyze-dependencies  what each rule reads (input, data, nondeterminism)  (needs: IR, no cycles)
 *   check-types        OPA's type checker: rule, function and local types    (needs: ordered IR, checked calls, dependencies)
 * Planning to closures happens in eval/ on first use of each rule (once per compiled policy).
 */
import type { CompileState } from './state.js';
import { collectRules } from './collect.js';
import { resolveAndLower } from './lower-rules.js';
import { checkSafety } from './check-safety.js';
import { checkArity, checkCalls } from './check-calls.js';
import { ErrorCodes, type PalisadeError } from '../errors.js';
import { checkTypes } from './check-types.js';
import { checkRecursion } from './check-recursion.js';
import { analyzeDependencies } from './dependencies.js';

export interface Stage {
  name: string;
  run(state: CompileState): void;
  /**
   * Compilation ends after this stage when errors so far satisfy this (OPA's compiler stops at its
   * first stage that reports errors; Palisade's stages are coarser, hence a test on the errors).
   */
  stopsOn?: (errors: PalisadeError[]) => boolean;
  /**
   * This stage's errors are held back until the next stage has run: reported (and compilation
   * stopped) then, unless that stage's local-variable errors come first, as they do in OPA.
   */
  holdsErrors?: true;
}

const anyError = (errors: PalisadeError[]) => errors.length > 0;

/**
 * Undefined functions are found while lowering but, in OPA, by the same stage as wrong arities: only
 * other lowering errors (local variables, `with` targets; earlier stages in OPA) stop before arity.
 */
export const stopsBeforeArity = (errors: PalisadeError[]) => errors.some((e) => !isUndefinedFunction(e));

export function isUndefinedFunction(e: PalisadeError): boolean {
  return e.code === ErrorCodes.type && e.message.startsWith('undefined function ');
}

export const stages: readonly Stage[] = [
  // OPA checks rule conflicts after rewriting local variables (before undefined functions).
  { name: 'collect-rules', run: collectRules, holdsErrors: true },
  { name: 'resolve-and-lower', run: resolveAndLower, stopsOn: stopsBeforeArity },
  { name: 'check-arity', run: checkArity, stopsOn: anyError },
  { name: 'check-safety', run: checkSafety, stopsOn: anyError },
  { name: 'check-recursion', run: checkRecursion, stopsOn: anyError },
  // check-calls and check-types together are OPA's type-checking stage: both always run.
  { name: 'check-calls', run: checkCalls },
  // Before check-types, which types rules in dependency order.
  { name: 'analyze-dependencies', run: analyzeDependencies },
  { name: 'check-types', run: checkTypes },
];
