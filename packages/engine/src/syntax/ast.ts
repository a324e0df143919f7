/**
 * The Rego AST. Every node has a `loc`. This file is the contract between the parser
 * (`parser.ts` + `cst-to-ast.ts`), the formatter, and the compiler.
 *
 * Conventions:
 * - Infix operators become `call` terms whose `fn` is a var named after OPA's builtin:
 *   `+ plus`, `- minus`, `* mul`, `/ div`, `% rem`, `& and`, `| or`, `== equal`, `!= neq`,
 *   `< lt`, `<= lte`, `> gt`, `>= gte`. `x in xs` is `internal.member_2(x, xs)` and
 *   `k, v in xs` is `internal.member_3(k, v, xs)` (fn built by `refFromPath`).
 *   A unary minus in front of a number literal is folded into the literal; in front of any other
 *   term it becomes `minus(0, t)`.
 * - `=` and `:=` are expression kinds (`unify`, `assign`), not calls.
 * - A ref `a.b[c]` is `{type:'ref', head: var a, path: [string "b", var c]}`; dot segments are
 *   string terms. Keywords are valid dot segments (`input.in`, `data.x.every`).
 * - A call followed by more ref segments (`f(x).y`, `f(x)[0]`) is a ref whose head is the call.
 */
import type { Location } from './location.js';
import type { Num } from '../value/number.js';

/** A term of the Rego AST: scalar, variable, reference, composite, comprehension or call, with its location. */
export type Term =
  | NullTerm
  | BooleanTerm
  | NumberTerm
  | StringTerm
  | TemplateStringTerm
  | VarTerm
  | RefTerm
  | CallTerm
  | ArrayTerm
  | SetTerm
  | ObjectTerm
  | ArrayComprehension
  | SetComprehension
  | ObjectComprehension;

export interface NullTerm {
  type: 'null';
  loc: Location;
}
export interface BooleanTerm {
  type: 'boolean';
  value: boolean;
  loc: Location;
}
export interface NumberTerm {
  type: 'number';
  /** The literal's exact source text (e.g. `1.50`, `1e3`, `18446744073709551616`). */
  text: string;
  value: Num;
  loc: Location;
}
export interface StringTerm {
  type: 'string';
  value: string;
  /** True for back-quoted raw strings (kept for the formatter). */
  raw: boolean;
  loc: Location;
}
/** `$"a {x} b"`: literal text parts and embedded terms, in order. */
export interface TemplateStringTerm {
  type: 'template';
  parts: (string | Term)[];
  /**
   * `with` modifiers of embedded expressions (`$"{x with input as 1}"`), by part index; absent
   * when no part has any.
   */
  withs?: (WithModifier[] | undefined)[];
  raw: boolean;
  loc: Location;
}
export interface VarTerm {
  type: 'var';
  name: string;
  loc: Location;
}
export interface RefTerm {
  type: 'ref';
  head: Term;
  path: Term[];
  loc: Location;
}
export interface CallTerm {
  type: 'call';
  /** A var (`count`) or a ref of string segments (`strings.replace_n`, `data.lib.f`). */
  fn: VarTerm | RefTerm;
  args: Term[];
  loc: Location;
}
export interface ArrayTerm {
  type: 'array';
  items: Term[];
  loc: Location;
}
export interface SetTerm {
  type: 'set';
  items: Term[];
  loc: Location;
}
export interface ObjectTerm {
  type: 'object';
  entries: [Term, Term][];
  loc: Location;
}
export interface ArrayComprehension {
  type: 'arraycomp';
  term: Term;
  body: Body;
  loc: Location;
}
export interface SetComprehension {
  type: 'setcomp';
  term: Term;
  body: Body;
  loc: Location;
}
export interface ObjectComprehension {
  type: 'objectcomp';
  key: Term;
  value: Term;
  body: Body;
  loc: Location;
}

/** A rule or query body: expressions that must all hold, in order. */
export type Body = Expr[];

/** `with target as value`. */
export interface WithModifier {
  target: Term;
  value: Term;
  loc: Location;
}

/** One expression of a body (a term, `not`, `some`, `every`, with `with` modifiers), with its location. */
export interface Expr {
  node: ExprNode;
  negated: boolean;
  /** Written `not { e }`: the negation is of a block, whose own variables stay inside it. */
  block?: true;
  with: WithModifier[];
  loc: Location;
}

export type ExprNode =
  | { kind: 'term'; term: Term }
  | { kind: 'unify'; left: Term; right: Term }
  | { kind: 'assign'; left: Term; right: Term }
  /** `some a, b` */
  | { kind: 'some'; vars: VarTerm[] }
  /** `some v in xs` / `some k, v in xs` (key absent for the one-variable form). */
  | { kind: 'somein'; key?: Term; value: Term; collection: Term }
  /** `every v in xs { … }` / `every k, v in xs { … }` */
  | { kind: 'every'; key?: VarTerm; value: VarTerm; domain: Term; body: Body }
  /** Experimental `and` / `or` (only with `future.keywords.and|or`); operands are bodies. */
  | { kind: 'logic'; op: 'and' | 'or'; left: Body; right: Body };

export interface Comment {
  text: string; // without the leading '#'
  loc: Location;
}

export interface Package {
  /** `data` followed by the package path segments, as string terms: `package a.b` → ref data.a.b */
  path: RefTerm;
  loc: Location;
}

export interface Import {
  /** `data.x.y`, `input.z`, `future.keywords.in`, `rego.v1` */
  path: RefTerm | VarTerm;
  alias?: string;
  loc: Location;
}

export interface RuleHead {
  /**
   * The head reference: a var for `p`, or a ref for general ref heads `a.b[x].c`
   * (head var `a`, path segments string terms or arbitrary terms).
   */
  ref: VarTerm | RefTerm;
  /** Function arguments (`f(x, y)`), absent for non-functions. */
  args?: Term[];
  /** `p contains key` */
  key?: Term;
  /** The value after `:=` / `=`; absent when the rule has none (then it is `true`). */
  value?: Term;
  /** `:=` (true) or `=` (false); false when there is no value. */
  assign: boolean;
  contains: boolean;
  loc: Location;
}

export interface ElseClause {
  value?: Term;
  assign: boolean;
  body: Body;
  /** True when written with `if` (kept for the formatter). */
  hasIf: boolean;
  loc: Location;
}

/** A parsed rule: head (reference, key/value, function arguments) and body, with `else` chains and annotations. */
export interface Rule {
  head: RuleHead;
  /** Empty for rules without a body (`p := 1`). */
  body: Body;
  /** True when written with `if` (kept for the formatter). */
  hasIf: boolean;
  /** True when the body was written in braces (`if { … }`) rather than `if expr`. */
  braces: boolean;
  else: ElseClause[];
  default: boolean;
  /** `# METADATA` comment blocks directly above the rule (raw YAML text, parsed later). */
  annotations: Annotation[];
  loc: Location;
}

export interface Annotation {
  /** The YAML text of the block (comment markers removed). */
  yaml: string;
  loc: Location;
}

/** A parsed Rego module: package, imports, rules, comments and METADATA annotations of one file. */
export interface Module {
  file: string;
  source: string;
  package: Package;
  imports: Import[];
  rules: Rule[];
  comments: Comment[];
  /** `# METADATA` blocks directly above the package clause. */
  annotations: Annotation[];
}

// ---- helpers ---------------------------------------------------------------------------------

export function varTerm(name: string, loc: Location): VarTerm {
  return { type: 'var', name, loc };
}

export function stringTerm(value: string, loc: Location): StringTerm {
  return { type: 'string', value, raw: false, loc };
}

/** `refFromPath(['internal', 'member_2'], loc)` → ref `internal.member_2`; one segment → var. */
export function refFromPath(path: string[], loc: Location): VarTerm | RefTerm {
  const head = varTerm(path[0], loc);
  if (path.length === 1) return head;
  return { type: 'ref', head, path: path.slice(1).map((s) => stringTerm(s, loc)), loc };
}

/**
 * The query `<variable> := data["a"]["b"]…` as a parsed body, with its text: what `parseQuery`
 * returns for that text, except that every node is located at the whole query. Lets callers that
 * only read documents by path (the scanner) skip building the parser.
 */
export function dataRefQuery(path: readonly string[], variable: string, file: string): { body: Body; text: string } {
  const text = `${variable} := data${path.map((s) => `[${JSON.stringify(s)}]`).join('')}`;
  const loc: Location = { file, row: 1, col: 1, endRow: 1, endCol: text.length + 1, offset: 0, endOffset: text.length };
  const expr: Expr = { node: { kind: 'assign', left: varTerm(variable, loc), right: refFromPath(['data', ...path], loc) }, negated: false, with: [], loc };
  return { body: [expr], text };
}

export function callOp(name: string, args: Term[], loc: Location): CallTerm {
  return { type: 'call', fn: refFromPath(name.split('.'), loc), args, loc };
}

/** Dotted name of a call's function (`strings.replace_n`), or undefined for dynamic refs. */
export function callName(fn: VarTerm | RefTerm): string | undefined {
  if (fn.type === 'var') return fn.name;
  if (fn.head.type !== 'var') return undefined;
  const parts = [fn.head.name];
  for (const p of fn.path) {
    if (p.type !== 'string') return undefined;
    parts.push(p.value);
  }
  return parts.join('.');
}
