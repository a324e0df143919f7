import type { PalisadeError } from '../errors.js';
import type { BuiltinRegistry } from '../builtins/registry.js';
import type { Module } from '../syntax/ast.js';
import type { RuleSet, TreeNode } from './rule-tree.js';

/** Everything the compiler stages share. */
export interface CompileState {
  modules: Module[];
  builtins: BuiltinRegistry;
  tree: TreeNode;
  ruleSets: RuleSet[];
  /** Rule names (first head segment) per package key (`a.b`). */
  ruleNames: Map<string, Set<string>>;
  errors: PalisadeError[];
}
