/**
 * When Trivy's custom builtins (`sh.parse_commands`, `cidr.*`, `squealer.scan_string`,
 * `isManaged`, and Trivy's `result.new`) are available. They are not OPA builtins, so they are
 * off for ordinary policy sets (a call fails to compile, as under `opa`), and on when the set
 * holds a Trivy-style module: package METADATA that declares Trivy input selectors
 * (`custom.input.selector`) or `schemas` — every trivy-checks check and library does. `on` and
 * `off` force the choice (CLI `--trivy-builtins`). Trivy's `result.new` then replaces Palisade's
 * for the whole set (docs/migrating-from-trivy.md).
 */
import { trivyBuiltins, type Engine, type Module } from '@palisade/engine';
import { packageAnnotation, policyMetadata } from './policy-set.js';

/** When Trivy's builtins are registered: `auto` for Trivy-style policy sets, `on` always, `off` never. */
export type TrivyBuiltinsMode = 'auto' | 'on' | 'off';
/** Every `TrivyBuiltinsMode`, for option validation. */
export const TRIVY_BUILTINS_MODES: readonly TrivyBuiltinsMode[] = ['auto', 'on', 'off'];

/** Whether a module's package METADATA is Trivy's (input selectors or schemas). */
export function isTrivyStyleModule(module: Module): boolean {
  const raw = packageAnnotation(module);
  return raw !== undefined && policyMetadata(raw, false).trivyStyle;
}

/**
 * Registers Trivy's builtins on `engine` when `mode` (default auto) asks for them: in auto mode
 * when one of `modules` (default: all of the engine's) is Trivy-style. Returns whether it did.
 */
export function applyTrivyBuiltins(engine: Engine, mode: TrivyBuiltinsMode = 'auto', modules: readonly Module[] = engine.modules()): boolean {
  const on = mode === 'on' || (mode === 'auto' && modules.some(isTrivyStyleModule));
  if (on) for (const b of trivyBuiltins) engine.registerBuiltin(b);
  return on;
}
