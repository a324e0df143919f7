/**
 * `rego.parse_module(filename, source)`: the module's AST in OPA's JSON shape (no locations, as
 * OPA's default JSON options). A parse error is a builtin error carrying OPA's error text.
 */
import type { Body, ElseClause, Expr, Module, Rule, RuleHead, Term, VarTerm, RefTerm } from '../../syntax/ast.js';
import { parseModule } from '../../syntax/parse.js';
import { fromJS } from '../../value/json.js';
import type { Value } from '../../value/types.js';
import { annotationObject } from '../../annotations/chain.js';
import { buildAnnotationSet } from '../../annotations/scopes.js';
import { builtinError, operandError, type BuiltinDecl } from '../define.js';
import { T } from '../signature.js';

type J = unknown;

const v = (name: string): J => ({ type: 'var', value: name });
const s = (value: string): J => ({ type: 'string', value });
/** A call operator: OPA stores it as a ref (`[var count]`, `[var strings, "replace_n"]`). */
function operator(fn: VarTerm | RefTerm): J {
  return fn.type === 'var' ? { type: 'ref', value: [v(fn.name)] } : { type: 'ref', value: [term(fn.head), ...fn.path.map(term)] };
}
const op = (name: string): J => ({ type: 'ref', value: name.split('.').map((p, i) => (i === 0 ? v(p) : s(p))) });

function numberValue(t: Extract<Term, { type: 'number' }>): J {
  if (typeof t.value === 'bigint') return t.value;
  return t.value;
}

export function term(t: Term): J {
  switch (t.type) {
    case 'null':
      return { type: 'null', value: null };
    case 'boolean':
      return { type: 'boolean', value: t.value };
    case 'number':
      return { type: 'number', value: numberValue(t) };
    case 'string':
      return s(t.value);
    case 'template':
      return { type: 'templatestring', value: { parts: t.parts.map((p) => (typeof p === 'string' ? s(p) : term(p))) } };
    case 'var':
      return v(t.name);
    case 'ref':
      return { type: 'ref', value: [term(t.head), ...t.path.map(term)] };
    case 'call':
      return { type: 'call', value: [operator(t.fn), ...t.args.map(term)] };
    case 'array':
      return { type: 'array', value: t.items.map(term) };
    case 'set':
      return { type: 'set', value: t.items.map(term) };
    case 'object':
      return { type: 'object', value: t.entries.map(([k, x]) => [term(k), term(x)]) };
    case 'arraycomp':
      return { type: 'arraycomprehension', value: { term: term(t.term), body: body(t.body) } };
    case 'setcomp':
      return { type: 'setcomprehension', value: { term: term(t.term), body: body(t.body) } };
    case 'objectcomp':
      return { type: 'objectcomprehension', value: { key: term(t.key), value: term(t.value), body: body(t.body) } };
  }
}

function exprTerms(e: Expr): J {
  const n = e.node;
  switch (n.kind) {
    case 'term':
      // A call used as an expression is stored as its operator followed by its operands.
      return n.term.type === 'call' ? [operator(n.term.fn), ...n.term.args.map(term)] : term(n.term);
    case 'unify':
      return [op('eq'), term(n.left), term(n.right)];
    case 'assign':
      return [op('assign'), term(n.left), term(n.right)];
    case 'some':
      return { symbols: n.vars.map(term) };
    case 'somein': {
      const args = n.key ? [n.key, n.value, n.collection] : [n.value, n.collection];
      return { symbols: [{ type: 'call', value: [op(n.key ? 'internal.member_3' : 'internal.member_2'), ...args.map(term)] }] };
    }
    case 'every':
      return { key: n.key ? term(n.key) : null, value: term(n.value), domain: term(n.domain), body: body(n.body) };
    case 'logic':
      return { [n.op === 'and' ? 'and' : 'or']: [body(n.left), body(n.right)] };
  }
}

export function body(b: Body): J[] {
  return b.map((e, index) => {
    const out: Record<string, J> = { index, terms: exprTerms(e) };
    if (e.negated) out.negated = true;
    if (e.with.length) out.with = e.with.map((w) => ({ target: term(w.target), value: term(w.value) }));
    return out;
  });
}

const TRUE_BODY = (): J[] => [{ index: 0, terms: { type: 'boolean', value: true } }];

function headRef(h: RuleHead): J[] {
  return h.ref.type === 'var' ? [v(h.ref.name)] : [term(h.ref.head), ...h.ref.path.map(term)];
}

function head(h: RuleHead, value: Term | undefined, assign: boolean): J {
  const out: Record<string, J> = {};
  if (h.ref.type === 'var') out.name = h.ref.name;
  if (h.args) out.args = h.args.map(term);
  if (h.key) out.key = term(h.key);
  if (value) out.value = term(value);
  else if (!h.contains) out.value = { type: 'boolean', value: true };
  if (assign) out.assign = true;
  out.ref = headRef(h);
  return out;
}

function elseRule(r: Rule, clauses: ElseClause[]): J | undefined {
  const [c, ...rest] = clauses;
  if (!c) return undefined;
  const out: Record<string, J> = { body: c.body.length ? body(c.body) : TRUE_BODY(), head: head(r.head, c.value, c.assign) };
  const next = elseRule(r, rest);
  if (next) out.else = next;
  return out;
}

function rule(r: Rule, annotations: J[] | undefined): J {
  const out: Record<string, J> = { body: r.body.length ? body(r.body) : TRUE_BODY(), head: head(r.head, r.head.value, r.head.assign) };
  if (r.default) out.default = true;
  const e = elseRule(r, r.else);
  if (e) out.else = e;
  if (annotations?.length) out.annotations = annotations;
  return out;
}

/** OPA's JSON form of a parsed module. */
export function moduleJSON(mod: Module): J {
  const set = buildAnnotationSet([mod]);
  const out: Record<string, J> = { package: { path: [v('data'), ...mod.package.path.path.map(term)] } };
  if (mod.imports.length) out.imports = mod.imports.map((i) => (i.alias ? { path: term(i.path), alias: i.alias } : { path: term(i.path) }));
  const all = set.entries.map((e) => annotationObject(e.fields));
  if (all.length) out.annotations = all;
  if (mod.rules.length) {
    out.rules = mod.rules.map((r) => rule(r, set.entries.filter((e) => e.target?.kind === 'rule' && e.target.rule === r).map((e) => annotationObject(e.fields))));
  }
  return out;
}

/** Parses `source` and returns its OPA AST JSON as a value; throws a builtin error on parse errors. */
export function parseModuleValue(file: string, source: string): Value {
  const { module, errors } = parseModule(file, source);
  if (!module) {
    const n = errors.length;
    const text = errors.map((e) => `${e.location ? `${e.location.file}:${e.location.row}: ` : ''}${e.code}: ${e.message}`).join('\n');
    throw builtinError(n === 1 ? text : `${n} errors occurred:\n${text}`);
  }
  return fromJS(moduleJSON(module)) ?? null;
}

export const regoParseModule: BuiltinDecl = {
  name: 'rego.parse_module',
  params: [
    { name: 'filename', type: T.string, description: 'file name to attach to AST nodes’ locations' },
    { name: 'rego', type: T.string, description: 'Rego module' },
  ],
  result: T.object(T.string, T.any),
  category: 'rego',
  description: 'Parses the input Rego string and returns an object representation of the AST.',
  impl(args) {
    const [file, src] = args;
    if (typeof file !== 'string') throw operandError(1, file, 'string');
    if (typeof src !== 'string') throw operandError(2, src, 'string');
    return parseModuleValue(file, src);
  },
};
