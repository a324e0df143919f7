import type { PalisadeError } from '../errors.js';
import type { BuiltinRegistry } from '../builtins/registry.js';
import type { Module } from '../syntax/ast.js';
import type { RuleSet, TreeNode } from './rule-tree.js';

/** Compiler switches (from `EngineOptions`). */
export interface CompileOptions {
  /** Accept calls to builtins OPA deprecated before 1.0 (OPA 1.x rejects them in Rego v1 modules). */
  allowDeprecatedBuiltins?: boolean;
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
