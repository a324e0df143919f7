/**
 * CST → AST. Runs only on CSTs that parsed without syntax errors; what the grammar accepts but
 * Rego v1 forbids (v0 rule bodies, bad `some`/`every` forms, invalid refs…) is reported here.
 * Conventions of the produced AST are documented in `ast.ts`.
 */
import type { CstNode, IToken } from 'chevrotain';
import {
  callOp, stringTerm, varTerm,
  type Body, type ElseClause, type Expr, type ExprNode, type Import, type Module, type NumberTerm,
  type Package, type RefTerm, type Rule, type RuleHead, type Term, type TemplateStringTerm, type VarTerm, type WithModifier,
} from './ast.js';
import { spanOf, type Location } from './location.js';
import * as T from './lexer.js';
import { parseNumberText, neg } from '../value/number.js';
import { isNode, lbrace, nodes, toks, combine, asExpr, andTrue, termKind, refName, isV0PartialSet, findNonConstant, templateExprProblem, type Operand } from './cst-helpers.js';

const BIN_OPS: Record<string, string> = {
  '==': 'equal', '!=': 'neq', '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte',
  '|': 'or', '&': 'and', '+': 'plus', '-': 'minus', '*': 'mul', '/': 'div', '%': 'rem',
};
const PRECEDENCE: Record<string, number> = {
  '==': 0, '!=': 0, '<': 0, '<=': 0, '>': 0, '>=': 0, '|': 1, '&': 2, '+': 3, '-': 3, '*': 4, '/': 4, '%': 4,
};
const IMPORT_ROOTS = new Set(['data', 'input', 'future', 'rego']);

export interface AstIssue {
  message: string;
  loc: Location;
}

export class AstBuilder {
  readonly issues: AstIssue[] = [];
  /**
   * `v0`: OPA's Rego v0 rule forms are accepted (bodies without `if`, `p[x] { … }` partial sets).
   * A v0 module that says `import rego.v1` is held to v1, as in OPA.
   */
  constructor(private readonly file: string, private v0 = false) {}

  loc(a: IToken, b: IToken = a): Location {
    return {
      file: this.file,
      row: a.startLine ?? 1,
      col: a.startColumn ?? 1,
      endRow: b.endLine ?? a.startLine ?? 1,
      endCol: (b.endColumn ?? 0) + 1,
      offset: a.startOffset,
      endOffset: (b.endOffset ?? b.startOffset) + 1,
    };
  }
  /** Location of a CST node (the parser tracks node locations). */
  nodeLoc(n: CstNode): Location {
    const l = n.location;
    if (!l || Number.isNaN(l.startOffset)) throw new RangeError(`CST node ${n.name} has no location`);
    return {
      file: this.file,
      row: l.startLine ?? 1,
      col: l.startColumn ?? 1,
      endRow: l.endLine ?? 1,
      endCol: (l.endColumn ?? 0) + 1,
      offset: l.startOffset,
      endOffset: (l.endOffset ?? l.startOffset) + 1,
    };
  }
  private error(message: string, loc: Location): void {
    this.issues.push({ message, loc });
  }

  // ---- module -------------------------------------------------------------------------------

  module(cst: CstNode, source: string): Module {
    const pkg = this.packageDecl(nodes(cst, 'packageDecl')[0]);
    const mod: Module = { file: this.file, source, package: pkg, imports: [], rules: [], comments: [], annotations: [] };
    const stmts = nodes(cst, 'statements')[0];
    if (this.v0 && stmts && nodes(stmts, 'importDecl').some((n) => this.importsRegoV1(n))) this.v0 = false;
    this.statements(stmts, mod);
    return mod;
  }

  statements(cst: CstNode | undefined, mod: Pick<Module, 'imports' | 'rules'>): void {
    if (!cst) return;
    for (const n of nodes(cst, 'importDecl')) mod.imports.push(this.importDecl(n));
    for (const n of nodes(cst, 'ruleDecl')) {
      const rule = this.ruleDecl(n);
      if (!rule) continue;
      mod.rules.push(rule);
      for (const more of nodes(n, 'moreBody')) mod.rules.push(this.extraBody(rule, more));
    }
  }

  private pathSegments(cst: CstNode): Term[] {
    const first = toks(nodes(cst, 'anyName')[0], 'Identifier')[0] ?? toks(nodes(cst, 'anyName')[0], 'Keyword')[0];
    const out: Term[] = [varTerm(first.image, this.loc(first))];
    for (const op of nodes(cst, 'refOp')) out.push(this.refOpTerm(op));
    return out;
  }

  packageDecl(cst: CstNode): Package {
    const [head, ...rest] = this.pathSegments(nodes(cst, 'pathRef')[0]);
    const loc = this.nodeLoc(cst);
    for (const seg of rest) if (seg.type !== 'string') this.error(`unexpected ${seg.type} in package path: expected a string`, seg.loc);
    const first = stringTerm((head as VarTerm).name, head.loc);
    return { path: { type: 'ref', head: varTerm('data', head.loc), path: [first, ...rest], loc: spanOf(head.loc, loc) }, loc };
  }

  private importsRegoV1(cst: CstNode): boolean {
    const [head, ...rest] = this.pathSegments(nodes(cst, 'pathRef')[0]);
    return head.type === 'var' && head.name === 'rego' && rest.length === 1 && rest[0].type === 'string' && rest[0].value === 'v1';
  }

  importDecl(cst: CstNode): Import {
    const loc = this.nodeLoc(cst);
    const [head, ...rest] = this.pathSegments(nodes(cst, 'pathRef')[0]) as [VarTerm, ...Term[]];
    for (const seg of rest) if (seg.type !== 'string') this.error(`unexpected ${seg.type} in import path: expected a string`, seg.loc);
    if (!IMPORT_ROOTS.has(head.name)) {
      this.error(`unexpected import path, must begin with one of: data, future, input, rego, got: ${head.name}`, head.loc);
    }
    const last = rest.length ? rest[rest.length - 1].loc : head.loc;
    const path: RefTerm | VarTerm = rest.length ? { type: 'ref', head, path: rest, loc: spanOf(head.loc, last) } : head;
    const alias = toks(cst, 'Identifier')[0];
    return alias ? { path, alias: alias.image, loc } : { path, loc };
  }

  // ---- rules --------------------------------------------------------------------------------

  /** A further body of a multi-body rule: the same head (a copy: later stages rewrite heads in place), its own body. */
  private extraBody(rule: Rule, cst: CstNode): Rule {
    if (rule.else.length || rule.default || (!rule.braces && rule.hasIf)) this.error('a rule with several bodies cannot have else, default or a body without braces', this.loc(lbrace(cst)));
    return { ...rule, head: structuredClone(rule.head), body: this.braceBody(cst), braces: true, else: [], annotations: [], loc: this.nodeLoc(cst) };
  }

  ruleDecl(cst: CstNode): Rule | undefined {
    const loc = this.nodeLoc(cst);
    const isDefault = toks(cst, 'Default').length > 0;
    const head = this.ruleHead(nodes(cst, 'ruleHead')[0]);
    const ifTok = toks(cst, 'If')[0];
    const bodyNode = nodes(cst, 'ruleBody')[0];
    const v0Body = nodes(cst, 'braceBody')[0];
    let body: Body = [];
    let braces = false;
    if (bodyNode) ({ body, braces } = this.ruleBody(bodyNode));
    if (this.v0 && !ifTok && head.ref.type === 'ref' && head.ref.path.length === 1 && !head.args && head.value === undefined && !head.contains) {
      // v0: a two-part head without a value (`p[x] { … }`, `p.q { … }`, bodiless `p["x"]`) is the
      // partial set `p contains x`, whatever the key (OPA's v0 parser); longer refs stay `= true`.
      const [key] = head.ref.path;
      head.key = key;
      head.contains = true;
      head.ref = head.ref.head as VarTerm;
    }
    if (v0Body) {
      const brace = lbrace(v0Body);
      if (this.v0) {
        // Accepted as is: the body stands where v1 needs `if`.
      } else if (isV0PartialSet(head)) {
        const key = head.ref.type === 'ref' ? head.ref.path[0] : undefined;
        // Suggest the set itself (`p contains x`), not the v0 ref (`p[x]`).
        const setName = head.ref.type === 'ref' && head.ref.head.type === 'var' ? head.ref.head.name : refName(head);
        const hint = key?.type === 'var' ? ` \`${setName} contains ${key.name} if { … }\`` : ' `contains`';
        this.error(`did you mean${hint}? v0-style partial set rules \`p[x] { … }\` are not allowed in Rego v1`, this.loc(brace));
      } else {
        this.error('`if` is required before a rule body in Rego v1', this.loc(brace));
      }
      body = this.braceBody(v0Body);
      braces = true;
    }
    const elseNodes = nodes(cst, 'elseClause');
    const elses = elseNodes.map((n) => this.elseClause(n, head));
    // As OPA's parser: an else without a body ends the chain, and an else needs a value or a body.
    elseNodes.forEach((n, i) => {
      if (nodes(n, 'ruleBody').length || nodes(n, 'braceBody').length) return;
      const elseTok = toks(n, 'Else')[0];
      if (i + 1 < elseNodes.length) this.error('unexpected else keyword', this.loc(toks(elseNodes[i + 1], 'Else')[0]));
      else if (!nodes(n, 'inTerm').length) this.error('unexpected token after else: expected else value term or rule body', this.loc(elseTok));
    });
    const rule: Rule = { head, body, hasIf: !!ifTok, braces, else: elses, default: isDefault, annotations: [], loc };
    if (isDefault) this.checkDefault(rule, ifTok ?? (v0Body && lbrace(v0Body)));
    else if (!ifTok && !v0Body && head.value === undefined && !head.contains && !this.v0) {
      if (isV0PartialSet(head)) {
        this.error(`\`contains\` is required for multi-value rules in Rego v1: write \`${refName(head)} contains …\``, head.loc);
      } else {
        this.error(`unexpected end of rule \`${refName(head)}\`: expected \`:=\`, \`=\`, \`if\` or \`contains\``, head.loc);
      }
    } else if (this.v0 && !ifTok && !v0Body && head.value === undefined && !head.contains && !head.args && (head.ref.type !== 'ref' || head.ref.path.length === 0)) {
      // A bare name is no rule in v0 either (OPA's message); this is how a v1 `p contains x if` read as v0 fails.
      this.error('var cannot be used for rule name', head.loc);
    }
    return rule;
  }

  private checkDefault(rule: Rule, bodyTok: IToken | undefined): void {
    const name = refName(rule.head);
    if (bodyTok) this.error(`default rule \`${name}\` cannot have a body`, this.loc(bodyTok));
    if (rule.head.value === undefined) this.error('illegal default rule (must have a value)', rule.loc);
    else {
      const bad = findNonConstant(rule.head.value);
      if (bad) this.error(`illegal default rule (value cannot contain ${bad})`, rule.loc);
    }
    if (rule.head.contains) this.error('illegal default rule (cannot use `contains`)', rule.loc);
    for (const arg of rule.head.args ?? []) {
      if (arg.type !== 'var') this.error(`illegal default rule (arguments cannot contain ${arg.type})`, arg.loc);
    }
  }

  ruleHead(cst: CstNode): RuleHead {
    const loc = this.nodeLoc(cst);
    const nameNode = nodes(cst, 'headName')[0];
    const nameTok = toks(nameNode, 'Identifier')[0] ?? toks(nameNode, 'Keyword')[0];
    const name = varTerm(nameTok.image, this.loc(nameTok));
    const path = nodes(cst, 'refOp').map((n) => this.refOpTerm(n));
    const ref: VarTerm | RefTerm = path.length ? { type: 'ref', head: name, path, loc: spanOf(name.loc, path[path.length - 1].loc) } : name;
    const head: RuleHead = { ref, assign: false, contains: false, loc };
    if (toks(cst, 'LParen').length) head.args = this.args(nodes(cst, 'args')[0]);
    const valueNode = nodes(cst, 'inTerm')[0];
    if (toks(cst, 'Contains').length) {
      head.contains = true;
      head.key = this.inTerm(valueNode);
      if (head.args) this.error(`the \`contains\` keyword can only be used with multi-value rules, not functions`, head.key.loc);
    } else if (valueNode) {
      head.assign = toks(cst, 'AssignOp')[0].image === ':=';
      head.value = this.inTerm(valueNode);
    }
    return head;
  }

  private ruleBody(cst: CstNode): { body: Body; braces: boolean } {
    const brace = nodes(cst, 'braceBody')[0];
    if (brace) return { body: this.braceBody(brace), braces: true };
    return { body: [this.literal(nodes(cst, 'literal')[0])], braces: false };
  }

  braceBody(cst: CstNode): Body {
    const q = nodes(cst, 'query')[0];
    if (!q) {
      this.error('found empty body', this.nodeLoc(cst));
      return [];
    }
    return this.query(q);
  }

  private elseClause(cst: CstNode, head: RuleHead): ElseClause {
    const loc = this.nodeLoc(cst);
    const elseTok = toks(cst, 'Else')[0];
    if (head.contains) this.error('else keyword cannot be used on multi-value rules', this.loc(elseTok));
    else if (head.ref.type === 'ref' && head.ref.path.some((p) => p.type !== 'string' && p.type !== 'number')) {
      this.error('else keyword cannot be used on rules with variables in head', this.loc(elseTok));
    }
    const valueNode = nodes(cst, 'inTerm')[0];
    const clause: ElseClause = { assign: false, body: [], hasIf: toks(cst, 'If').length > 0, loc };
    if (valueNode) {
      clause.value = this.inTerm(valueNode);
      clause.assign = toks(cst, 'AssignOp')[0].image === ':=';
    }
    const bodyNode = nodes(cst, 'ruleBody')[0];
    if (bodyNode) clause.body = this.ruleBody(bodyNode).body;
    const v0 = nodes(cst, 'braceBody')[0];
    if (v0) {
      if (!this.v0) this.error('`if` is required before an else body in Rego v1', this.loc(lbrace(v0)));
      clause.body = this.braceBody(v0);
    }
    return clause;
  }

  // ---- expressions --------------------------------------------------------------------------

  query(cst: CstNode): Body {
    return nodes(cst, 'literal').map((n) => this.literal(n));
  }

  literal(cst: CstNode): Expr {
    const loc = this.nodeLoc(cst);
    let expr: Expr;
    const some = nodes(cst, 'someDecl')[0];
    const every = nodes(cst, 'everyDecl')[0];
    if (some) expr = { node: this.someDecl(some), negated: false, with: [], loc };
    else if (every) expr = { node: this.everyDecl(every), negated: false, with: [], loc };
    else expr = { ...this.logicExpr(nodes(cst, 'logicExpr')[0]), loc };
    const withs = nodes(cst, 'withMod').map((n) => this.withMod(n));
    if (withs.length) expr.with = [...expr.with, ...withs];
    return expr;
  }

  private someDecl(cst: CstNode): ExprNode {
    const terms = nodes(cst, 'binTerm').map((n) => this.binTerm(n));
    if (toks(cst, 'In').length) {
      const collection = terms[terms.length - 1];
      if (terms.length === 2) return { kind: 'somein', value: terms[0], collection };
      if (terms.length === 3) return { kind: 'somein', key: terms[0], value: terms[1], collection };
      this.error('illegal domain: expected `some x in xs` or `some k, v in xs`', terms[0].loc);
      return { kind: 'somein', value: terms[0], collection };
    }
    const vars: VarTerm[] = [];
    for (const t of terms) {
      if (t.type === 'var') vars.push(t);
      else this.error(`unexpected ${termKind(t)} after \`some\`: expected a variable or \`x in xs\``, t.loc);
    }
    return { kind: 'some', vars };
  }

  private everyDecl(cst: CstNode): ExprNode {
    const terms = nodes(cst, 'binTerm').map((n) => this.binTerm(n));
    const domain = terms[terms.length - 1];
    const value = terms[terms.length - 2];
    const key = terms.length === 3 ? terms[0] : undefined;
    const asVar = (t: Term, what: string): VarTerm => {
      if (t.type !== 'var') this.error(`expected ${what} to be a variable`, t.loc);
      return t.type === 'var' ? t : varTerm('_', t.loc);
    };
    const body = this.braceBody(nodes(cst, 'braceBody')[0]);
    const node: ExprNode = { kind: 'every', value: asVar(value, 'value'), domain, body };
    if (key) node.key = asVar(key, 'key');
    return node;
  }

  private withMod(cst: CstNode): WithModifier {
    const target = this.operand(nodes(cst, 'operand')[0]);
    if (target.type !== 'var' && target.type !== 'ref') this.error('expected with target path', target.loc);
    return { target, value: this.inTerm(nodes(cst, 'inTerm')[0]), loc: this.nodeLoc(cst) };
  }

  /** `and` binds tighter than `or`; both are left-associative. */
  private logicExpr(cst: CstNode): Expr {
    const units = nodes(cst, 'logicUnit').map((n) => this.logicUnit(n));
    if (units.length === 1) return asExpr(units[0]);
    const ops = [...toks(cst, 'And'), ...toks(cst, 'Or')].sort((a, b) => a.startOffset - b.startOffset);
    const disjuncts: Operand[] = [];
    let acc = units[0];
    for (let i = 1; i < units.length; i++) {
      if (ops[i - 1].image === 'and') acc = combine('and', acc, units[i]);
      else {
        disjuncts.push(acc);
        acc = units[i];
      }
    }
    disjuncts.push(acc);
    return asExpr(disjuncts.reduce((l, r) => combine('or', l, r)));
  }

  private logicUnit(cst: CstNode): Operand {
    const loc = this.nodeLoc(cst);
    let op: Operand;
    const block = nodes(cst, 'braceBody')[0];
    const group = nodes(cst, 'logicExpr')[0];
    if (block) op = { block: this.braceBody(block), loc };
    else if (group) {
      const e = this.logicExpr(group);
      const withs = nodes(cst, 'withMod').map((n) => this.withMod(n));
      op = { expr: { ...e, with: [...e.with, ...withs], loc }, loc };
    } else {
      const [l, r] = nodes(cst, 'inTerm');
      const left = this.inTerm(l);
      let node: ExprNode = { kind: 'term', term: left };
      if (r) {
        const right = this.inTerm(r);
        node = toks(cst, 'AssignOp')[0].image === ':=' ? { kind: 'assign', left, right } : { kind: 'unify', left, right };
      }
      op = { expr: { node, negated: false, with: [], loc }, loc };
    }
    const nots = toks(cst, 'Not');
    for (let i = nots.length - 1; i >= 0; i--) {
      const e = asExpr(op);
      const nloc = spanOf(this.loc(nots[i]), loc);
      const block = op.block && e.node.kind !== 'logic' ? { block: true as const } : {};
      // `not { not x }`: a negated block keeps its own scope.
      op = { expr: e.negated ? { node: andTrue([e]), negated: true, with: [], loc: nloc } : { ...e, ...block, negated: true, loc: nloc }, loc: nloc };
    }
    return op;
  }

  // ---- terms --------------------------------------------------------------------------------

  inTerm(cst: CstNode): Term {
    const parts = nodes(cst, 'binTerm').map((n) => this.binTerm(n));
    let acc: Term;
    let i: number;
    if (toks(cst, 'Comma').length) {
      acc = callOp('internal.member_3', parts.slice(0, 3), spanOf(parts[0].loc, parts[2].loc));
      i = 3;
    } else {
      acc = parts[0];
      i = 1;
    }
    for (; i < parts.length; i++) acc = callOp('internal.member_2', [acc, parts[i]], spanOf(acc.loc, parts[i].loc));
    return acc;
  }

  /** Operator precedence (OPA's): relations < `|` < `&` < `+ -` < `* / %`, all left-associative. */
  private binTerm(cst: CstNode): Term {
    const operands = nodes(cst, 'operand');
    const first = this.operand(operands[0]);
    if (operands.length === 1) return first;
    const ops = toks(cst, 'BinOp');
    const values: Term[] = [first];
    const stack: string[] = [];
    const reduce = () => {
      const op = stack.pop() as string;
      const r = values.pop() as Term;
      const l = values.pop() as Term;
      values.push(callOp(BIN_OPS[op], [l, r], spanOf(l.loc, r.loc)));
    };
    for (let i = 1; i < operands.length; i++) {
      const op = ops[i - 1].image;
      while (stack.length && PRECEDENCE[stack[stack.length - 1]] >= PRECEDENCE[op]) reduce();
      stack.push(op);
      values.push(this.operand(operands[i]));
    }
    while (stack.length) reduce();
    return values[0];
  }

  operand(cst: CstNode): Term {
    let term = this.primary(nodes(cst, 'primary')[0]);
    const refOps = nodes(cst, 'refOp');
    const lparens = toks(cst, 'LParen');
    if (refOps.length || lparens.length) term = this.postfix(cst, term, refOps, lparens);
    const minus = toks(cst, 'Minus');
    for (let i = minus.length - 1; i >= 0; i--) {
      const mloc = this.loc(minus[i]);
      const loc = spanOf(mloc, term.loc);
      if (term.type === 'number' && !term.text.startsWith('-')) term = { type: 'number', text: `-${term.text}`, value: neg(term.value), loc };
      else term = callOp('minus', [{ type: 'number', text: '0', value: 0, loc: mloc }, term], loc);
    }
    return term;
  }

  private postfix(cst: CstNode, head: Term, refOps: CstNode[], lparens: IToken[]): Term {
    let term = head;
    const argNodes = nodes(cst, 'args');
    const rparens = toks(cst, 'RParen');
    type Op = { at: number; ref?: CstNode; call?: number };
    const ops: Op[] = [
      ...refOps.map((ref) => ({ at: ref.location?.startOffset ?? 0, ref })),
      ...lparens.map((t, call) => ({ at: t.startOffset, call })),
    ].sort((a, b) => a.at - b.at);
    for (const op of ops) {
      if (op.ref) {
        term = this.extendRef(term, this.refOpTerm(op.ref));
        continue;
      }
      const i = op.call as number;
      const args = this.args(argNodes[i]);
      const loc = spanOf(term.loc, this.loc(rparens[i]));
      if (term.type === 'var' && term.name === 'set' && args.length === 0) term = { type: 'set', items: [], loc };
      else if (term.type === 'var' || (term.type === 'ref' && term.head.type === 'var' && term.path.every((p) => p.type === 'string'))) {
        term = { type: 'call', fn: term, args, loc };
      } else {
        this.error(`illegal call: a function must be named by a variable or a reference, not ${termKind(term)}`, term.loc);
        term = { type: 'call', fn: varTerm('_', term.loc), args, loc };
      }
    }
    return term;
  }

  private extendRef(term: Term, seg: Term): Term {
    const loc = spanOf(term.loc, seg.loc);
    if (term.type === 'ref') return { type: 'ref', head: term.head, path: [...term.path, seg], loc };
    switch (term.type) {
      case 'var': case 'array': case 'object': case 'set': case 'call':
      case 'arraycomp': case 'setcomp': case 'objectcomp':
        return { type: 'ref', head: term, path: [seg], loc };
      default:
        this.error(`illegal ref (head cannot be ${termKind(term)})`, term.loc);
        return term;
    }
  }

  refOpTerm(cst: CstNode): Term {
    const name = nodes(cst, 'anyName')[0];
    if (name) {
      const tok = toks(name, 'Identifier')[0] ?? toks(name, 'Keyword')[0];
      return stringTerm(tok.image, this.loc(tok));
    }
    return this.inTerm(nodes(cst, 'inTerm')[0]);
  }

  args(cst: CstNode | undefined): Term[] {
    return cst ? nodes(cst, 'inTerm').map((n) => this.inTerm(n)) : [];
  }

  private primary(cst: CstNode): Term {
    for (const key in cst.children) {
      const c = cst.children[key][0];
      if (isNode(c)) {
        if (key === 'template') return this.template(c);
        if (key === 'arrayTerm') return this.arrayTerm(c);
        if (key === 'braceTerm') return this.braceTerm(c);
        if (key === 'inTerm') return this.inTerm(c);
        continue;
      }
      const loc = this.loc(c);
      if (key === 'Keyword') return varTerm(c.image, loc);
      switch (c.tokenType) {
        case T.Null: return { type: 'null', loc };
        case T.True: return { type: 'boolean', value: true, loc };
        case T.False: return { type: 'boolean', value: false, loc };
        case T.Number: return this.number(c.image, loc);
        case T.String: {
          const value = T.unescapeString(c.image.slice(1, -1));
          if (value === undefined) this.error(`illegal string literal: ${c.image}`, loc);
          return { type: 'string', value: value ?? '', raw: false, loc };
        }
        case T.RawString: return { type: 'string', value: c.image.slice(1, -1), raw: true, loc };
        case T.LParen: case T.RParen: continue;
        default: return varTerm(c.image, loc);
      }
    }
    throw new RangeError('empty primary');
  }

  private number(text: string, loc: Location): NumberTerm {
    if (/^0[0-9]/.test(text)) this.error('expected number without leading zero', loc);
    let value = parseNumberText(text) ?? globalThis.Number(text);
    const exp = /[eE]([+-]?[0-9]+)$/.exec(text);
    if (Number.isNaN(value) || value === Infinity || (exp && Math.abs(+exp[1]) > 100000)) {
      this.error('number too big', loc);
      value = 0;
    }
    return { type: 'number', text, value, loc };
  }

  private template(cst: CstNode): TemplateStringTerm {
    const raw = toks(cst, 'RawTplStart').length > 0;
    const parts: (string | Term)[] = [];
    let withs: (WithModifier[] | undefined)[] | undefined;
    for (const part of nodes(cst, 'tplPart')) {
      const text = toks(part, 'TplText')[0];
      const rawText = toks(part, 'RawTplText')[0];
      if (text) {
        const s = T.unescapeString(text.image, true);
        if (s === undefined) this.error(`illegal template-string part: ${text.image}`, this.loc(text));
        if (s) parts.push(s);
      } else if (rawText) {
        parts.push(T.unescapeRawTemplate(rawText.image));
      } else {
        const e = this.literal(nodes(part, 'literal')[0]);
        const bad = templateExprProblem(e);
        if (bad) this.error(bad, e.loc);
        if (e.node.kind === 'term') {
          if (e.with.length) (withs ??= [])[parts.length] = e.with;
          parts.push(e.node.term);
        }
      }
    }
    return withs ? { type: 'template', parts, withs, raw, loc: this.nodeLoc(cst) } : { type: 'template', parts, raw, loc: this.nodeLoc(cst) };
  }

  private arrayTerm(cst: CstNode): Term {
    const loc = this.nodeLoc(cst);
    const first = nodes(cst, 'inTerm')[0];
    if (!first) return { type: 'array', items: [], loc };
    const head = this.inTerm(first);
    const q = nodes(cst, 'query')[0];
    if (q) return { type: 'arraycomp', term: head, body: this.query(q), loc };
    return { type: 'array', items: [head, ...this.args(nodes(cst, 'itemsRest')[0])], loc };
  }

  private braceTerm(cst: CstNode): Term {
    const loc = this.nodeLoc(cst);
    const [k, v] = nodes(cst, 'inTerm');
    if (!k) return { type: 'object', entries: [], loc };
    const key = this.inTerm(k);
    const q = nodes(cst, 'query')[0];
    if (v) {
      const value = this.inTerm(v);
      if (q) return { type: 'objectcomp', key, value, body: this.query(q), loc };
      const rest = nodes(cst, 'pairsRest')[0];
      const flat = rest ? this.args(rest) : [];
      const entries: [Term, Term][] = [[key, value]];
      for (let i = 0; i + 1 < flat.length; i += 2) entries.push([flat[i], flat[i + 1]]);
      return { type: 'object', entries, loc };
    }
    if (q) return { type: 'setcomp', term: key, body: this.query(q), loc };
    return { type: 'set', items: [key, ...this.args(nodes(cst, 'itemsRest')[0])], loc };
  }
}

