/**
 * The compiler's intermediate representation: the AST after imports, rule names and local
 * variables have been resolved. Every local variable is a slot index in its rule's frame.
 * The planner (eval/plan*.ts) turns IR into closures once; evaluation never walks the AST.
 */
import type { Location } from '../syntax/location.js';
import type { Value } from '../value/types.js';
import type { BuiltinDecl } from '../builtins/define.js';

export type IRTerm =
  /** `poisoned`: stands for a term that already failed to compile (no further errors about it). */
  | { t: 'const'; v: Value; loc: Location; poisoned?: true }
  | { t: 'var'; slot: number; name: string; loc: Location }
  | { t: 'ref'; root: RefRoot; path: IRTerm[]; loc: Location }
  | { t: 'call'; fn: CallTarget; args: IRTerm[]; loc: Location }
  | { t: 'array'; items: IRTerm[]; loc: Location }
  | { t: 'set'; items: IRTerm[]; loc: Location }
  | { t: 'object'; entries: [IRTerm, IRTerm][]; loc: Location }
  | { t: 'arraycomp'; term: IRTerm; body: IRBody; captured: number[]; loc: Location }
  | { t: 'setcomp'; term: IRTerm; body: IRBody; captured: number[]; loc: Location }
  | { t: 'objectcomp'; key: IRTerm; value: IRTerm; body: IRBody; captured: number[]; loc: Location }
  /**
   * Template string. A part marked in `spread` is an array comprehension collecting the values of
   * an embedded expression that carries `with` modifiers; its elements are the part's values.
   */
  | { t: 'template'; parts: (string | IRTerm)[]; spread?: boolean[]; loc: Location };

export type RefRoot =
  | { kind: 'input' }
  | { kind: 'data' }
  | { kind: 'term'; term: IRTerm };

export type CallTarget =
  | { kind: 'builtin'; name: string; decl: BuiltinDecl }
  /** A function rule at a data path (all segments known). */
  | { kind: 'rule'; path: string[]; name: string; arity: number };

export type WithTarget =
  | { kind: 'input'; path: string[] }
  | { kind: 'data'; path: string[] }
  | { kind: 'builtin'; name: string }
  | { kind: 'function'; path: string[] };

export type WithValue = { kind: 'term'; term: IRTerm } | { kind: 'function'; fn: CallTarget };

export interface IRWith {
  target: WithTarget;
  value: WithValue;
  loc: Location;
}

export type IRExprNode =
  | { kind: 'term'; term: IRTerm }
  /** `=` and `:=` (assignment is unification after the compile-time checks). */
  | { kind: 'unify'; left: IRTerm; right: IRTerm }
  | { kind: 'somein'; key?: IRTerm; value: IRTerm; collection: IRTerm }
  | { kind: 'every'; key?: IRTerm; value: IRTerm; domain: IRTerm; body: IRBody; captured: number[] }
  | { kind: 'and'; left: IRBody; right: IRBody }
  | { kind: 'or'; left: IRBody; right: IRBody }
  /** `some x` with nothing else: binds nothing, evaluates to true. */
  | { kind: 'true' };

export interface IRExpr {
  node: IRExprNode;
  negated: boolean;
  /** A negated single-expression block `not { e }` (see Expr.block). */
  block?: true;
  with: IRWith[];
  loc: Location;
}

export type IRBody = IRExpr[];

export function isGroundConst(t: IRTerm): t is { t: 'const'; v: Value; loc: Location } {
  return t.t === 'const';
}
