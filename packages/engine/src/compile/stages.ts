/**
 * THE ordered list of compiler stages. Each stage reads and extends the shared CompileState and
 * records errors; later stages may rely on everything earlier stages established:
 *   collect-rules      rule tree, rule kinds, defaults, conflicting kinds     (needs: parsed modules)
 *   resolve-and-lower  imports, rule names, calls, local variables → IR      (needs: rule tree)
 *   check-safety       bound-before-use + body reordering                    (needs: IR)
 *   check-calls        arity of builtin and function calls                   (needs: IR)
 *   check-types        inferred local types vs builtin parameter types       (needs: ordered IR, checked calls)
 *   check-recursion    cycles between rules/functions                        (needs: IR)
 *   analyze-dependencies  what each rule reads (input, data, nondeterminism)  (needs: IR, no cycles)
 * Planning to closures happens in eval/ on first use of each rule (once per compiled policy).
 */
import type { CompileState } from './state.js';
import { collectRules } from './collect.js';
import { resolveAndLower } from './lower-rules.js';
import { checkSafety } from './check-safety.js';
import { checkCalls } from './check-calls.js';
import { checkTypes } from './check-types.js';
import { checkRecursion } from './check-recursion.js';
import { analyzeDependencies } from './dependencies.js';

export interface Stage {
  name: string;
  run(state: CompileState): void;
}

export const stages: readonly Stage[] = [
  { name: 'collect-rules', run: collectRules },
  { name: 'resolve-and-lower', run: resolveAndLower },
  { name: 'check-safety', run: checkSafety },
  { name: 'check-calls', run: checkCalls },
  { name: 'check-types', run: checkTypes },
  { name: 'check-recursion', run: checkRecursion },
  { name: 'analyze-dependencies', run: analyzeDependencies },
];
