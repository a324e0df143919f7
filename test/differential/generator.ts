/**
 * The program generator: fast-check arbitraries for random, mostly valid Rego v1 modules with an
 * input and a query. Every piece is built from `map`/`oneof`/`tuple` (never `chain`), so fast-check
 * can shrink a divergent program term by term down to a minimal one.
 *
 * Scoping is what makes random Rego valid: each generated piece is a small renderer
 * `(scope) => text` and a body renders its expressions in order, so a variable is read only after
 * an expression bound it (a reference picks "the n-th bound variable", or a literal when none is).
 * A few choices are deliberately unsafe (an unbound name, a declared but unused `some`), so both
 * engines must also reject the same programs with the same error code.
 *
 * Rule names come from small fixed pools tied to kinds (complete `p0 p1`, boolean `b0 b1`, partial
 * set `s0`, partial object `o0`, ref heads under `r`, functions `f0/1` `f1/2`) so references
 * usually resolve.
 */
import fc from 'fast-check';
import type { Program } from './program.js';
import { BUILTINS } from './builtin-calls.js';

/** Variables visible at a point of a rule, and the counter that keeps new names unique in it. */
class Scope {
  /** `some` variables of this body, to be used before it ends. */
  readonly declared: string[] = [];
  constructor(
    readonly bound: string[],
    private readonly names: { next: number; used: Set<string> },
    /** Rank of the rule being generated: it refers only to rules ranked after it (no cycles). */
    readonly rank = -1,
  ) {}
  /** `ref` when this rule may refer to it, else a base-data ref of no rule. */
  rule(ref: string, fallback = 'data.d.m'): string {
    const base = ref.replace(/^data\.t\./, '').split(/[.[(]/)[0]!;
    const r = ref.startsWith('data.u') ? -1 : RANK.indexOf(base);
    return r < 0 || r > this.rank || (ref.startsWith('data.u') && this.rank < 0 && this.rank !== -1) ? ref : fallback;
  }
  use(name: string): string {
    this.names.used.add(name);
    return name;
  }
  /** `some`/`every` variables OPA wants used: a trailing `_ = x` for those nothing read. */
  uses(declared: string[]): string[] {
    return declared.filter((x) => !this.names.used.has(x)).map((x) => `_ = ${this.use(x)}`);
  }
  fresh(): string {
    const n = this.names.next++;
    const letters = 'abcdeghjmnpqstuw';
    return n < letters.length ? letters[n]! : `v${n}`;
  }
  child(extra: string[] = []): Scope {
    return new Scope([...this.bound, ...extra], this.names, this.rank);
  }
  static root(args: string[] = [], owner?: string): Scope {
    return new Scope(args, { next: 0, used: new Set() }, owner === undefined ? -2 : RANK.indexOf(owner));
  }
}
type R = (s: Scope) => string;
/** Rule names in dependency order: a rule refers only to later ones; `q` of package u to all. */
const RANK = ['q', 'p0', 'p1', 'b0', 'b1', 's0', 'o0', 'r', 'f0', 'f1'];
/** A body's expressions rendered in order in `s`, then uses of the `some` variables nothing read. */
function renderBody(b: R[], s: Scope, declared: string[] = []): string {
  const lits = b.map((l) => l(s));
  return [...lits, ...s.uses([...declared, ...s.declared])].join('; ');
}
const fixed = (t: string): R => () => t;

const STRINGS = ['', 'a', 'b', 'ab', 'B', 'é', '☃', 'a.b', ' x ', 'a,b', '10', '👍', '*.a'];
const NUMBERS = ['0', '1', '2', '3', '-1', '-2', '10', '0.5', '-1.5', '2.0', '1e3', '100000000000', '9007199254740993'];

const str = fc.constantFrom(...STRINGS).map((s) => JSON.stringify(s));
const num = fc.constantFrom(...NUMBERS);
const scalar = fc.oneof({ weight: 1, arbitrary: fc.constantFrom('null', 'true', 'false') }, { weight: 3, arbitrary: num }, { weight: 3, arbitrary: str });

/** Rego literal values (scalars, arrays, sets, objects), as text; sets and objects list keys in any order. */
const literal: fc.Arbitrary<string> = fc.letrec<{ lit: string }>((tie) => ({
  lit: fc.oneof(
    { maxDepth: 2, withCrossShrink: true },
    { weight: 6, arbitrary: scalar },
    { weight: 1, arbitrary: fc.array(tie('lit'), { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`) },
    { weight: 1, arbitrary: fc.array(tie('lit'), { maxLength: 3 }).map((xs) => (xs.length ? `{${xs.join(', ')}}` : 'set()')) },
    { weight: 1, arbitrary: fc.array(fc.tuple(fc.oneof(str, num), tie('lit')), { maxLength: 3 }).map((kv) => `{${kv.map(([k, v]) => `${k}: ${v}`).join(', ')}}`) },
  ),
})).lit;

/** JSON documents for `input`, `with … as` and base data (no sets). */
const json: fc.Arbitrary<unknown> = fc.letrec<{ j: unknown }>((tie) => ({
  j: fc.oneof(
    { maxDepth: 2, withCrossShrink: true },
    { weight: 4, arbitrary: fc.oneof(fc.constantFrom(null, true, false, 0, 1, 2, -1, 0.5, 10), fc.constantFrom(...STRINGS)) },
    { weight: 1, arbitrary: fc.array(tie('j'), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'xs', 'B', ''), tie('j'), { maxKeys: 4 }) },
  ),
})).j;

/** The input document: a fixed outline (so `input.xs`, `input.obj` … mostly exist) with random contents. */
const inputDoc = fc.record(
  {
    xs: fc.array(json, { maxLength: 4 }),
    obj: fc.dictionary(fc.constantFrom('b', 'a', 'c', 'z', 'B'), json, { maxKeys: 4 }),
    s: fc.constantFrom(...STRINGS),
    n: fc.constantFrom(0, 1, 2, -3, 0.25, 7),
    set: fc.array(fc.constantFrom('b', 'a', 'c'), { maxLength: 3 }),
  },
  { requiredKeys: [] },
);

/** A reference to a bound variable (the n-th one), or a literal when nothing is bound yet. */
const boundVar = fc.tuple(fc.nat(7), literal).map(([n, lit]): R => (s) => (s.bound.length ? s.use(s.bound[n % s.bound.length]!) : lit));
/** Rarely, a name that may well be unbound: both engines must then agree it is unsafe. */
const anyName = fc.constantFrom('a', 'b', 'c', 'zz');
/** An index term: bound var, wildcard, constant, or (rarely) a new name that the ref binds. */
const indexTerm = fc.oneof(
  { weight: 3, arbitrary: boundVar },
  { weight: 2, arbitrary: fc.constant<R>(fixed('_')) },
  { weight: 2, arbitrary: fc.oneof(num, str).map(fixed) },
);

const inputRef = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('input.xs', 'input.obj', 'input.s', 'input.n', 'input.missing', 'input.set', 'input', 'input.obj.a', 'input.xs[0]', 'input.obj.missing.deep').map(fixed) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('input.xs', 'input.obj', 'input.set', 'input.missing'), indexTerm).map(([r, k]): R => (s) => `${r}[${k(s)}]`) },
);

const RULE_REFS = ['p0', 'p1', 'b0', 'b1', 's0', 'o0', 'r', 'r.a', 'r.m', 'data.t.p0', 'data.t.s0', 'data.t.o0', 'data.u.q', 'data.d', 'data.d.xs', 'data.t.r.c', 'data.t'];
const ruleRef = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...RULE_REFS).map((r): R => (s) => (r === 'data.t' ? (s.rank === -2 || s.rank === 0 ? r : 'data.d') : s.rule(r))) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('s0', 'o0', 'p0', 'r', 'r.m', 'data.d.xs', 'data.d.m'), indexTerm).map(([r, k]): R => (s) => `${r}[${k(s)}]`) },
);

/** Operands of each kind (see builtin-calls.ts); 0..6 of the 10 choices pick the kind, the rest any term. */
const KIND_TERMS: Record<string, string[]> = {
  s: ['"a"', '"a,b"', '""', 'input.s', '"☃"', '"1.5"', '"B"'],
  n: ['0', '1', '-2', '2.5', 'input.n', '3', '100000000000'],
  a: ['[]', '["a", "b"]', '[1, 2, 3]', 'input.xs', 'input.set', '[[1], "a"]', 'data.d.xs'],
  o: ['{}', '{"a": 1}', 'input.obj', '{"b": {"c": 2}, "a": 1}', 'input', '{"a": [1]}', '{"z": null}'],
  S: ['{{1, 2}, {2, 3}}', 'set()', '{set()}', '{{"a"}, {"b", "a"}}', '{{1}}', '{{"x"}, set()}', '{{1, 2}}'],
  c: ['input.xs', 'input.obj', 'input.set', '[3, 1, 2]', '{"b": 1, "a": 2, "c": 0}', '{"b", "a", "c"}', 's0'],
  x: ['1', '"a"', 'null', '[1]', '{"a": 1}', '{1}', 'true'],
};
function argOf(kind: string, [n, any, lit]: [number, R, string], s: Scope): string {
  if (n < 7) return KIND_TERMS[kind]![n]!;
  if (n < 8 && s.bound.length) return s.use(s.bound[n % s.bound.length]!);
  return n < 9 ? lit : any(s);
}

const ARITH = ['+', '-', '*', '/', '%'];
const SETOPS = ['|', '&', '-'];
const COMPARE = ['==', '!=', '<', '<=', '>', '>='];

/** `with` targets: input (whole or a path), base data, rules, functions and builtins. */
const withModifier: fc.Arbitrary<R> = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('input', 'input.obj', 'input.xs', 'input.s', 'input.obj.a', 'data.d', 'data.d.xs'), json).map(([t, v]) => fixed(`with ${t} as ${JSON.stringify(v)}`)) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('data.t.p0', 'data.t.s0', 'data.t.b0', 'data.u.q', 'data.t.r.a', 'data.t.o0'), literal).map(([t, v]): R => (s) => `with ${s.rule(t, 'data.d.xs')} as ${v}`) },
  { weight: 2, arbitrary: fc.constantFrom('with f0 as f2', 'with count as f2', 'with upper as f2', 'with f0 as 7', 'with count as 3', 'with concat as f1', 'with time.now_ns as 5', 'with data.t.f0 as f2').map((w): R => (s) => w.replace(/f[01]\b/g, (f) => s.rule(f, 'f2'))) },
);

interface Tie {
  term: R;
  /** Expressions that bind nothing: the operands of `not` and `with`. */
  test: R;
  lit: R;
  body: R[];
}

const grammar = fc.letrec<Tie>((tie) => {
  const t = (): fc.Arbitrary<R> => tie('term') as fc.Arbitrary<R>;
  const B = (): fc.Arbitrary<R[]> => tie('body') as fc.Arbitrary<R[]>;
  const TST = (): fc.Arbitrary<R> => tie('test') as fc.Arbitrary<R>;
  const L = (): fc.Arbitrary<R> => tie('lit') as fc.Arbitrary<R>;
  const collection = fc.tuple(fc.nat(9), t(), literal).map((a): R => (s) => argOf('c', a, s));
  const nested = renderBody;
  return {
    term: fc.oneof(
      { maxDepth: 3, depthIdentifier: 'rego', withCrossShrink: true },
      { weight: 8, arbitrary: literal.map(fixed) },
      { weight: 10, arbitrary: boundVar },
      { weight: 6, arbitrary: inputRef },
      { weight: 4, arbitrary: ruleRef },
      { weight: 2, arbitrary: fc.tuple(boundVar, indexTerm).map(([a, k]): R => (s) => (s.bound.length ? `${a(s)}[${k(s)}]` : a(s))) },
      { weight: 2, arbitrary: t().map((a): R => (s) => `${s.rule('f0', 'json.marshal')}(${a(s)})`) },
      { weight: 1, arbitrary: fc.tuple(t(), t()).map(([a, b]): R => (s) => `${s.rule('f1', 'array.concat')}(${a(s)}, ${b(s)})`) },
      {
        weight: 3,
        arbitrary: fc
          .tuple(fc.constantFrom(...BUILTINS), fc.array(fc.tuple(fc.nat(9), t(), literal), { minLength: 3, maxLength: 3 }))
          .map(([[name, kinds], args]): R => (s) => `${name}(${[...kinds].map((kind, i) => argOf(kind, args[i]!, s)).join(', ')})`),
      },
      { weight: 2, arbitrary: fc.tuple(fc.tuple(fc.nat(9), t(), literal), fc.constantFrom(...ARITH), fc.tuple(fc.nat(9), t(), literal)).map(([a, op, b]): R => (s) => `(${argOf('n', a, s)} ${op} ${argOf('n', b, s)})`) },
      { weight: 1, arbitrary: fc.tuple(fc.tuple(fc.nat(9), t(), literal), fc.constantFrom(...SETOPS), fc.tuple(fc.nat(9), t(), literal)).map(([a, op, b]): R => (s) => `(${argOf('S', a, s)} ${op} ${argOf('S', b, s)})`) },
      { weight: 1, arbitrary: fc.tuple(t(), fc.constantFrom(...COMPARE), t()).map(([a, op, b]): R => (s) => `(${a(s)} ${op} ${b(s)})`) },
      // Comprehensions: the body sees the enclosing variables; the head is rendered after it.
      { weight: 2, arbitrary: fc.tuple(t(), B()).map(([h, b]): R => (s) => { const inner = s.child(); const body = renderBody(b, inner); return `[${h(inner)} | ${body}]`; }) },
      { weight: 1, arbitrary: fc.tuple(t(), B()).map(([h, b]): R => (s) => { const inner = s.child(); const body = renderBody(b, inner); return `{${h(inner)} | ${body}}`; }) },
      { weight: 1, arbitrary: fc.tuple(t(), t(), B()).map(([k, v, b]): R => (s) => { const inner = s.child(); const body = renderBody(b, inner); return `{${k(inner)}: ${v(inner)} | ${body}}`; }) },
      { weight: 1, arbitrary: fc.tuple(t(), t()).map(([a, b]): R => (s) => `(${a(s)} in ${b(s)})`) },
    ),
    test: fc.oneof(
      { maxDepth: 3, depthIdentifier: 'rego', withCrossShrink: true },
      { weight: 4, arbitrary: fc.tuple(t(), fc.constantFrom(...COMPARE), t()).map(([a, op, b]): R => (s) => `${a(s)} ${op} ${b(s)}`) },
      { weight: 3, arbitrary: t() },
      { weight: 2, arbitrary: fc.tuple(TST(), withModifier).map(([l, w]): R => (s) => `${l(s)} ${w(s)}`) },
    ),
    lit: fc.oneof(
      { maxDepth: 3, depthIdentifier: 'rego', withCrossShrink: true },
      { weight: 30, arbitrary: t().map((v): R => (s) => { const text = v(s); const x = s.fresh(); s.bound.push(x); return `${x} := ${text}`; }) },
      { weight: 6, arbitrary: t().map((v): R => (s) => { const text = v(s); const x = s.fresh(); s.bound.push(x); return `${x} = ${text}`; }) },
      { weight: 24, arbitrary: fc.tuple(t(), fc.constantFrom(...COMPARE, '='), t()).map(([a, op, b]): R => (s) => `${a(s)} ${op} ${b(s)}`) },
      { weight: 18, arbitrary: t() },
      { weight: 18, arbitrary: collection.map((v): R => (s) => { const text = v(s); const x = s.fresh(); s.bound.push(x); s.declared.push(x); return `some ${x} in ${text}`; }) },
      { weight: 12, arbitrary: collection.map((v): R => (s) => { const text = v(s); const k = s.fresh(); const x = s.fresh(); s.bound.push(k, x); s.declared.push(k, x); return `some ${k}, ${x} in ${text}`; }) },
      // Iteration by a new variable in a ref (`input.xs[i]`), declared with `some` or not.
      { weight: 12, arbitrary: fc.tuple(fc.constantFrom('input.xs', 'input.obj', 'input.set', 's0', 'o0', 'data.d.xs', 'r.m'), fc.boolean()).map(([r, decl]): R => (s) => { const i = s.fresh(); s.bound.push(i); const ref = s.rule(r, 'data.d.xs'); return decl ? `some ${i}; ${ref}[${i}]` : `${ref}[${i}]`; }) },
      { weight: 18, arbitrary: TST().map((l): R => (s) => `not ${l(s.child())}`) },
      { weight: 12, arbitrary: fc.tuple(collection, B()).map(([v, b]): R => (s) => { const text = v(s); const x = s.fresh(); return `every ${x} in ${text} { ${nested(b, s.child([x]), [x])} }`; }) },
      { weight: 6, arbitrary: fc.tuple(collection, B()).map(([v, b]): R => (s) => { const text = v(s); const k = s.fresh(); const x = s.fresh(); return `every ${k}, ${x} in ${text} { ${nested(b, s.child([k, x]), [k, x])} }`; }) },
      { weight: 18, arbitrary: fc.tuple(TST(), withModifier).map(([l, w]): R => (s) => `${l(s)} ${w(s)}`) },
      // Deliberately questionable: a possibly unbound name, a declared but unused variable.
      { weight: 1, arbitrary: fc.tuple(anyName, fc.constantFrom('==', '=', ':=', '!=')).map(([n, op]): R => () => `${n} ${op} 1`) },
      { weight: 1, arbitrary: fc.constant<R>((s) => `some ${s.fresh()}`) },
    ),
    body: fc.array(L(), { minLength: 1, maxLength: 3, depthIdentifier: 'rego' }),
  };
});

const term = grammar.term;
const body = grammar.body;

const optionalBody = fc.option(body, { nil: undefined, freq: 4 });
/** Renders ` if { … }` (or nothing) and returns the scope after the body, for head terms. */
function withBody(b: R[] | undefined, s: Scope): string {
  return b === undefined ? '' : ` if { ${renderBody(b, s)} }`;
}
/** A rule `head` whose terms are rendered after its body (they may use the body's variables). */
function ruleText(owner: string, head: (s: Scope) => string, b: R[] | undefined, args: string[] = []): string {
  const s = Scope.root(args, owner);
  const bodyText = withBody(b, s);
  return `${head(s)}${bodyText}`;
}
const argVars = (pattern: string) => pattern.replace(/"[^"]*"/g, '').split(/[^a-z]+/).filter((x) => /^[a-z]$/.test(x));

/** Rule definitions of every kind (names tied to kinds so that most programs are consistent). */
const rule: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom('p0', 'p1'), term, optionalBody).map(([n, t, b]) => ruleText(n, (s) => `${n} := ${t(s)}`, b)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('p0', 'p1'), term, body, fc.array(fc.tuple(term, optionalBody), { minLength: 1, maxLength: 2 }))
      .map(([n, t, b, elses]) => [ruleText(n, (s) => `${n} := ${t(s)}`, b), ...elses.map(([et, eb]) => ruleText(n, (s) => `else := ${et(s)}`, eb))].join(' ')),
  },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('p0', 'p1', 'b0', 's0', 'r.a'), literal).map(([n, v]) => `default ${n} := ${v}`) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('b0', 'b1'), body).map(([n, b]) => ruleText(n, () => n, b)) },
  { weight: 3, arbitrary: fc.tuple(term, optionalBody).map(([t, b]) => ruleText('s0', (s) => `s0 contains ${t(s)}`, b)) },
  { weight: 3, arbitrary: fc.tuple(term, term, optionalBody).map(([k, t, b]) => ruleText('o0', (s) => `o0[${k(s)}] := ${t(s)}`, b)) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('r.a', 'r.b', 'r.c.d'), term, optionalBody).map(([n, t, b]) => ruleText(n, (s) => `${n} := ${t(s)}`, b)) },
  { weight: 1, arbitrary: fc.tuple(term, term, body).map(([k, t, b]) => ruleText('r', (s) => `r.m[${k(s)}] := ${t(s)}`, b)) },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.constantFrom('x', 'y', '1', '"a"', '[x, y]', '_'), term, optionalBody).map(([a, t, b]) => ruleText('f0', (s) => `f0(${a}) := ${t(s)}`, b, argVars(a))),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom('x, y', 'y, x', 'x, 1', '_, x'), term, optionalBody).map(([a, t, b]) => ruleText('f1', (s) => `f1(${a}) := ${t(s)}`, b, argVars(a))),
  },
);

const U_IMPORTS = ['p0', 'p1', 'b0', 'b1', 's0', 'o0', 'r', 'f0', 'f1', 'f2'].map((n) => `import data.t.${n}`).join('\n');

/** A second package the first may reference (`data.u.q`). */
const otherModule = fc.option(
  fc.array(fc.tuple(term, optionalBody).map(([t, b]) => ruleText('q', (s) => `q := ${t(s)}`, b)), { minLength: 1, maxLength: 2 }).map((rs) => `package u\n\n${U_IMPORTS}\n${rs.join('\n')}\n`),
  { nil: undefined, freq: 3 },
);

const query: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('x := data.t', 'x := data.t.p0', 'x := data.t.s0', 'x := data.t.o0', 'x := data.t.b0', 'x := data.t.r', 'x := data.u') },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('x := data.t', 'x := data.t.p0', 'x := data.t.s0', 'x := data.t.r'), withModifier).map(([q, w]) => `${q} ${w(Scope.root())}`) },
  { weight: 1, arbitrary: fc.constantFrom('data.t.s0[k]', 'data.t.o0[k] = v', 'some k, v in data.t.o0', 'data.t.r[k] = v', 'x := data.t.f0(1)', 'x := data.t.f1(1, 2)', 'input.xs[i] = v', 'some k, v in input.obj') },
  { weight: 1, arbitrary: fc.tuple(term, fc.option(body, { nil: undefined })).map(([t, b]) => { const s = Scope.root(); const pre = b ? `${renderBody(b, s)}; ` : ''; return `${pre}x := ${t(s)}`; }) },
);

/** Definitions added for names the rules refer to but did not define (else they would be unsafe vars). */
const FALLBACKS: [name: string, definition: string][] = [
  ['p0', 'p0 := "p0"'], ['p1', 'p1 := 1'], ['b0', 'b0 if input.n == 2'], ['b1', 'b1 := false'], ['s0', 's0 contains "s"'],
  ['o0', 'o0["k"] := "o"'], ['r', 'r.z := 0'], ['f0', 'f0(x) := [x]'], ['f1', 'f1(x, y) := {x: y}'],
];
function fallbacks(rules: string[]): string {
  const defined = (n: string) => rules.some((r) => r.startsWith(`${n} `) || r.startsWith(`${n}[`) || r.startsWith(`${n}(`) || r.startsWith(`${n}.`) || r.startsWith(`default ${n} `));
  return FALLBACKS.filter(([n]) => !defined(n)).map(([, d]) => `${d}\n`).join('');
}

const HELPER = 'f2(x) := concat("-", [x, "!"]) if is_string(x)\nf2(x) := x * 2 if is_number(x)\n';

/** A whole program: one or two modules, optional input and data, one query. */
export const programArb: fc.Arbitrary<Program> = fc
  .record({
    rules: fc.array(rule, { minLength: 1, maxLength: 5 }),
    helper: fc.boolean(),
    other: otherModule,
    input: fc.option(inputDoc, { nil: undefined, freq: 5 }),
    data: fc.option(fc.record({ xs: fc.array(json, { maxLength: 3 }), m: json }), { nil: undefined, freq: 3 }),
    query,
  })
  .map(({ rules, helper, other, input, data, query }) => {
    const modules = [{ file: 't.rego', source: `package t\n\n${rules.join('\n')}\n${fallbacks(rules)}${helper ? HELPER : ''}` }];
    if (other !== undefined) modules.push({ file: 'u.rego', source: other });
    const p: Program = { modules, query };
    if (input !== undefined) p.input = input;
    if (data !== undefined) p.data = { d: data };
    return p;
  });

/** The program of one seed (the same seed always gives the same program). */
export function programOf(seed: number): Program {
  return fc.sample(programArb, { seed, numRuns: 1 })[0]!;
}
