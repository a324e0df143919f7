/**
 * The types of the rule tree (rule-tree.ts builds it, dependencies.ts annotates it, the evaluator
 * reads it), in a module of their own so that those files import them without importing each
 * other.
 */
import type { Module, Rule, Term } from '../syntax/ast.js';
import type { Location } from '../syntax/location.js';
import type { IRBody, IRTerm } from './ir.js';

export type RuleKind = 'complete' | 'set' | 'object' | 'function';

export interface ElseIR {
  value: IRTerm;
  body: IRBody;
  loc: Location;
}

export interface RuleDef {
  module: Module;
  rule: Rule;
  pkg: string[];
  kind: RuleKind;
  /** Head ref segments after the ground prefix (object rules); AST until lowered. */
  keyTerms: Term[];
  /** Lowered parts, filled by the `lower` stage. */
  keyPath: IRTerm[];
  key?: IRTerm;
  value?: IRTerm;
  args?: IRTerm[];
  body: IRBody;
  elses: ElseIR[];
  /** Frame size (number of local variable slots). */
  nslots: number;
  slotNames: string[];
  isDefault: boolean;
  /** Object rule whose leaves collect values into sets (`p[q] contains r`). */
  multi: boolean;
  loc: Location;
  /** Index of this definition in its rule set (for tracing/coverage). */
  index: number;
}

export interface RuleSet {
  /** Full path below `data` (package segments + ground head segments). */
  path: string[];
  kind: RuleKind;
  defs: RuleDef[];
  defaultDef?: RuleDef;
  arity: number;
  id: number;
  /** Filled by the `analyze-dependencies` stage. */
  dependencies?: RuleDependencies;
}

export interface TreeNode {
  path: string[];
  children: Map<string, TreeNode>;
  ruleSet?: RuleSet;
  /** True when some package declares exactly this path or a path below it. */
  isPackage: boolean;
}

/** What a rule set's value depends on (filled by the `analyze-dependencies` stage, see dependencies.ts). */
export interface RuleDependencies {
  /** Rule sets this one reads directly. */
  rules: Set<RuleSet>;
  /**
   * Rule sets read only under `with input as …` (the whole input replaced): what they read of
   * `input` is the replacement, whose own reads are counted where it is written, so their `input`
   * flag does not make this rule input-dependent. E.g. a helper over every document of the scan
   * inventory that runs per-document rules `with input as d.value` is computed once per scan.
   */
  shielded: Set<RuleSet>;
  /** Reads `input` (transitively, once closed). */
  input: boolean;
  /** Calls a nondeterministic builtin or `print` (transitively, once closed). */
  volatile: boolean;
  /** Base-data path prefixes read (transitively, once closed). */
  dataReads: string[][];
}
