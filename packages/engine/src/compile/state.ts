import type { PalisadeError } from '../errors.js';
import type { BuiltinRegistry } from '../builtins/registry.js';
import type { Module } from '../syntax/ast.js';
import type { RuleSet, TreeNode } from './rule-types.js';

/** Compiler switches (from `EngineOptions`). */
export interface CompileOptions {
  /** Accept calls to builtins OPA deprecated before 1.0 (OPA 1.x rejects them in Rego v1 modules). */
  allowDeprecatedBuiltins?: boolean;
  /** OPA capabilities: the builtins modules may call (see `EngineOptions.allowedBuiltins`). */
  allowedBuiltins?: AllowedBuiltins;
}

/**
 * The builtins an OPA capabilities file allows: a call to any other is `undefined function NAME`
 * (a compile error, as in OPA), in the modules `appliesTo` accepts (default: every module).
 */
export interface AllowedBuiltins {
  names: readonly string[];
  appliesTo?: (file: string) => boolean;
}

/** Everything the compiler stages share. */
export interface CompileState {
  modules: Module[];
  builtins: BuiltinRegistry;
  tree: TreeNode;
  ruleSets: RuleSet[];
  /** Rule names (first head segment) per package key (`a.b`). */
  ruleNames: Map<string, Set<string>>;
  errors: PalisadeError[];
  /** Errors of OPA's local-variable rewriting (`declared var x unused`, …), also in `errors`. */
  localVarErrors?: PalisadeError[];
  options: CompileOptions;
}
