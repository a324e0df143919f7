import { describe, expect, it } from 'vitest';
import { parseModule, parseQuery, parseTerm } from './parse.js';
import type { Body, Expr, Module, Rule, Term } from './ast.js';

// ---- compact printer for assertions (not the canonical formatter) ------------------------------
function showTerm(t: Term): string {
  switch (t.type) {
    case 'null': return 'null';
    case 'boolean': return String(t.value);
    case 'number': return t.text;
    case 'string': return JSON.stringify(t.value);
    case 'template': return `$<${t.parts.map((p) => (typeof p === 'string' ? JSON.stringify(p) : `{${showTerm(p)}}`)).join(' ')}>`;
    case 'var': return t.name;
    case 'ref':
      return showTerm(t.head) + t.path.map((p) => (p.type === 'string' && /^[A-Za-z_]\w*$/.test(p.value) ? `.${p.value}` : `[${showTerm(p)}]`)).join('');
    case 'call': return `${showTerm(t.fn)}(${t.args.map(showTerm).join(', ')})`;
    case 'array': return `[${t.items.map(showTerm).join(', ')}]`;
    case 'set': return t.items.length ? `{${t.items.map(showTerm).join(', ')}}` : 'set()';
    case 'object': return `{${t.entries.map(([k, v]) => `${showTerm(k)}: ${showTerm(v)}`).join(', ')}}`;
    case 'arraycomp': return `[${showTerm(t.term)} | ${showBody(t.body)}]`;
    case 'setcomp': return `{${showTerm(t.term)} | ${showBody(t.body)}}`;
    case 'objectcomp': return `{${showTerm(t.key)}: ${showTerm(t.value)} | ${showBody(t.body)}}`;
  }
}

function showExpr(e: Expr): string {
  const n = e.node;
  let s: string;
  switch (n.kind) {
    case 'term': s = showTerm(n.term); break;
    case 'unify': s = `${showTerm(n.left)} = ${showTerm(n.right)}`; break;
    case 'assign': s = `${showTerm(n.left)} := ${showTerm(n.right)}`; break;
    case 'some': s = `some ${n.vars.map(showTerm).join(', ')}`; break;
    case 'somein': s = `some ${n.key ? `${showTerm(n.key)}, ` : ''}${showTerm(n.value)} in ${showTerm(n.collection)}`; break;
    case 'every': s = `every ${n.key ? `${showTerm(n.key)}, ` : ''}${showTerm(n.value)} in ${showTerm(n.domain)} { ${showBody(n.body)} }`; break;
    case 'logic': s = `(${showBody(n.left)} ${n.op} ${showBody(n.right)})`; break;
  }
  if (e.negated) s = `not ${s}`;
  for (const w of e.with) s += ` with ${showTerm(w.target)} as ${showTerm(w.value)}`;
  return s;
}

function showBody(b: Body): string {
  return b.length === 1 ? showExpr(b[0]) : `{${b.map(showExpr).join('; ')}}`;
}

// ---- helpers ------------------------------------------------------------------------------------

function mod(src: string, experimentalLogic = false): Module {
  const r = parseModule('t.rego', src, { experimentalLogic });
  expect(r.errors.map((e) => `${e.location?.row}:${e.location?.col} ${e.message}`)).toEqual([]);
  return r.module as Module;
}
function rule(src: string): Rule {
  return mod(`package t\n${src}`).rules[0];
}
function q(src: string, experimentalLogic = false): string {
  const r = parseQuery(src, 'q', { experimentalLogic });
  expect(r.errors.map((e) => e.message)).toEqual([]);
  return showBody(r.body as Body);
}
function t(src: string): string {
  const r = parseTerm(src);
  expect(r.errors.map((e) => e.message)).toEqual([]);
  return showTerm(r.term as Term);
}
function body(src: string): Expr[] {
  return rule(`p if {\n${src}\n}`).body;
}

// ---- terms --------------------------------------------------------------------------------------

describe('scalars', () => {
  it('parses null, booleans and numbers keeping the exact text', () => {
    expect(t('null')).toBe('null');
    expect(t('true')).toBe('true');
    const n = parseTerm('1.50').term;
    expect(n).toMatchObject({ type: 'number', text: '1.50', value: 1.5 });
    expect(parseTerm('18446744073709551616').term).toMatchObject({ value: 18446744073709551616n });
    expect(parseTerm('1e3').term).toMatchObject({ text: '1e3', value: 1000 });
    expect(parseTerm('.5').term).toMatchObject({ text: '.5', value: 0.5 });
  });
  it('folds a unary minus into number literals, otherwise calls minus(0, t)', () => {
    expect(parseTerm('-1').term).toMatchObject({ type: 'number', text: '-1', value: -1 });
    expect(parseTerm('-18446744073709551616').term).toMatchObject({ value: -18446744073709551616n });
    expect(t('-x')).toBe('minus(0, x)');
    expect(t('x -1')).toBe('minus(x, 1)');
    expect(t('[1, -2]')).toBe('[1, -2]');
  });
  it('decodes string escapes including surrogate pairs', () => {
    expect(parseTerm('"a\\tb\\"c\\u00e9\\ud83d\\ude00\\/"').term).toMatchObject({ value: 'a\tb"cé😀/', raw: false });
    expect(parseTerm('"\\ud800x"').term).toMatchObject({ value: '\ufffdx' });
    expect(parseTerm('`raw \\n\nline`').term).toMatchObject({ value: 'raw \\n\nline', raw: true });
  });
});

describe('refs and calls', () => {
  it('builds refs with dot and bracket segments', () => {
    const r = parseTerm('input.a[x]["b"].c').term;
    expect(r).toMatchObject({ type: 'ref', head: { type: 'var', name: 'input' } });
    expect(showTerm(r as Term)).toBe('input.a[x].b.c');
    expect((r as { path: Term[] }).path.map((p) => p.type)).toEqual(['string', 'var', 'string', 'string']);
  });
  it('accepts keywords as dot segments and as ref heads', () => {
    expect(t('input.in.not.every.default.if.contains')).toBe('input.in.not.every.default.if.contains');
    expect(t('null.foo')).toBe('null.foo');
    expect(t('else[0]')).toBe('else[0]');
  });
  it('parses calls, dotted calls and calls followed by ref segments', () => {
    expect(t('count(x)')).toBe('count(x)');
    expect(t('strings.replace_n({"a": "b"}, s)')).toBe('strings.replace_n({"a": "b"}, s)');
    expect(t('data.lib.f(1, 2,)')).toBe('data.lib.f(1, 2)');
    expect(t('f(x).y')).toBe('f(x).y');
    expect(t('f(x)[0]')).toBe('f(x)[0]');
    expect(parseTerm('f(x).y').term).toMatchObject({ type: 'ref', head: { type: 'call' } });
  });
  it('requires refs and calls to be adjacent', () => {
    expect(parseTerm('a [0]').errors[0].message).toMatch(/unexpected `\[`/);
  });
  it('parses refs rooted at composite terms', () => {
    expect(t('[1, 2][0]')).toBe('[1, 2][0]');
    expect(t('{"a": 1}.a')).toBe('{"a": 1}.a');
  });
});

describe('composites', () => {
  it('parses arrays, sets, objects and trailing commas', () => {
    expect(t('[]')).toBe('[]');
    expect(t('[1, "a", x,]')).toBe('[1, "a", x]');
    expect(t('{1, 2}')).toBe('{1, 2}');
    expect(t('set()')).toBe('set()');
    expect(parseTerm('{}').term).toMatchObject({ type: 'object', entries: [] });
    expect(t('{"a": 1, k: v,}')).toBe('{"a": 1, k: v}');
  });
  it('parses comprehensions with ; and newline separated bodies', () => {
    expect(t('[x | x := xs[_]; x > 1]')).toBe('[x | {x := xs[_]; gt(x, 1)}]');
    expect(t('{x | some x in xs\n x != 2}')).toBe('{x | {some x in xs; neq(x, 2)}}');
    expect(t('{k: v | v := o[k]}')).toBe('{k: v | v := o[k]}');
  });
  it('gives comprehensions priority over `|` directly after the head', () => {
    expect(t('[a | b]')).toBe('[a | b]');
    expect(parseTerm('[a | b]').term).toMatchObject({ type: 'arraycomp' });
    expect(t('s1 | s2')).toBe('or(s1, s2)');
    expect(t('[x, s1 | s2]')).toBe('[x, or(s1, s2)]');
  });
});

describe('operators', () => {
  it('follows OPA precedence', () => {
    expect(t('a + b * c')).toBe('plus(a, mul(b, c))');
    expect(t('(a + b) * c')).toBe('mul(plus(a, b), c)');
    expect(t('a - b - c')).toBe('minus(minus(a, b), c)');
    expect(t('a | b & c')).toBe('or(a, and(b, c))');
    expect(t('a + 1 == b & c')).toBe('equal(plus(a, 1), and(b, c))');
    expect(t('a < b == true')).toBe('equal(lt(a, b), true)');
    expect(t('x % 2 != 0')).toBe('neq(rem(x, 2), 0)');
    expect(t('a / b >= c <= d')).toBe('lte(gte(div(a, b), c), d)');
  });
  it('makes `in` the loosest operator, with member_2 / member_3 calls', () => {
    expect(t('x in xs')).toBe('internal.member_2(x, xs)');
    expect(t('x + 1 in xs')).toBe('internal.member_2(plus(x, 1), xs)');
    expect(t('a in b in c')).toBe('internal.member_2(internal.member_2(a, b), c)');
    expect(q('k, v in xs')).toBe('internal.member_3(k, v, xs)');
    expect(q('(0, 2 in [2]) in [true]')).toBe('internal.member_2(internal.member_3(0, 2, [2]), [true])');
    expect(t('[k, v in xs]')).toBe('[k, internal.member_2(v, xs)]');
  });
});

describe('template strings', () => {
  it('splits text and expressions, unescaping \\{', () => {
    expect(t('$"a {x} b"')).toBe('$<"a " {x} " b">');
    expect(t('$"\\{42} {1 + a}"')).toBe('$<"{42} " {plus(1, a)}>');
    expect(t('$"{{1}} {{"a": 1}}"')).toBe('$<{{1}} " " {{"a": 1}}>');
    expect(t('$"{$"{a}"}!"')).toBe('$<{$<{a}>} "!">');
    expect(parseTerm('$""').term).toMatchObject({ type: 'template', parts: [], raw: false });
  });
  it('parses raw multi-line templates', () => {
    const r = parseTerm('$`a\n{x}\\{`').term;
    expect(r).toMatchObject({ type: 'template', raw: true });
    expect(showTerm(r as Term)).toBe('$<"a\\n" {x} "{">');
  });
});

// ---- expressions ------------------------------------------------------------------------------------

describe('expressions', () => {
  it('distinguishes unification, assignment and terms', () => {
    expect(q('x = 1; y := 2; x == y')).toBe('{x = 1; y := 2; equal(x, y)}');
    expect(parseQuery('x := 1').body?.[0].node.kind).toBe('assign');
  });
  it('parses some declarations', () => {
    expect(q('some x, y')).toBe('some x, y');
    expect(q('some x in xs')).toBe('some x in xs');
    expect(q('some k, v in {"a": 1}')).toBe('some k, v in {"a": 1}');
    expect(q('some [a, b] in xs')).toBe('some [a, b] in xs');
  });
  it('parses every', () => {
    expect(q('every x in xs { x > 0 }')).toBe('every x in xs { gt(x, 0) }');
    expect(q('every k, v in o {\n k != v\n v > 1\n}')).toBe('every k, v in o { {neq(k, v); gt(v, 1)} }');
  });
  it('parses negation and stacked with modifiers', () => {
    expect(q('not input.x')).toBe('not input.x');
    expect(q('f(x) with input as 1 with data.a.b as {"c": 2}')).toBe('f(x) with input as 1 with data.a.b as {"c": 2}');
    expect(q('not p with count as mock\n  with input.x as 2')).toBe('not p with count as mock with input.x as 2');
  });
  it('separates expressions by newlines or semicolons only', () => {
    expect(body('a\nb; c').map(showExpr)).toEqual(['a', 'b', 'c']);
    expect(parseQuery('a b').errors[0].message).toContain('`b`');
  });
  it('continues an expression across lines after an operator', () => {
    expect(body('x := 1 +\n  2').map(showExpr)).toEqual(['x := plus(1, 2)']);
  });
});

describe('experimental and / or', () => {
  const L = (s: string) => mod(`package t\nimport future.keywords.and\nimport future.keywords.or\np if {\n${s}\n}`).rules[0].body.map(showExpr);
  it('binds and tighter than or, not tighter than both', () => {
    expect(L('a or b and c')).toEqual(['(a or (b and c))']);
    expect(L('a and b or c and d')).toEqual(['((a and b) or (c and d))']);
    expect(L('not x or y')).toEqual(['(not x or y)']);
    expect(L('not x and not y or z')).toEqual(['((not x and not y) or z)']);
    expect(L('a or b or c')).toEqual(['((a or b) or c)']);
  });
  it('accepts { body } operands, groups and with on groups', () => {
    expect(L('{ a := 1; a > 0 } and b')).toEqual(['({a := 1; gt(a, 0)} and b)']);
    expect(L('a and (b or c)')).toEqual(['(a and (b or c))']);
    expect(L('(((a or b)))')).toEqual(['(a or b)']);
    expect(L('(x < 2 with input.x as 1) and y')).toEqual(['(lt(x, 2) with input.x as 1 and y)']);
    expect(L('(x or y with input as 1)')).toEqual(['(x or y) with input as 1']);
    expect(L('not { a and b }')).toEqual(['not (a and b)']);
  });
  it('works in single-expression rule bodies and is enabled by the option', () => {
    expect(mod('package t\nimport future.keywords.or\np if x > 0 or y > 0').rules[0].body.map(showExpr)).toEqual(['(gt(x, 0) or gt(y, 0))']);
    expect(q('a and b', true)).toBe('(a and b)');
  });
  it('treats and / or as names without the import', () => {
    expect(q('and := 1; or := and')).toBe('{and := 1; or := and}');
  });
  it('negates blocks with future.keywords.not', () => {
    const b = mod('package t\nimport future.keywords.not\np if {\n not {\n a := 1\n a == 3\n }\n}').rules[0].body;
    expect(b.map(showExpr)).toEqual(['not ({a := 1; equal(a, 3)} and true)']);
  });
});

// ---- modules -------------------------------------------------------------------------------------

describe('package and imports', () => {
  it('turns the package into a data ref', () => {
    const m = mod('package a.b["c"].in');
    expect(showTerm(m.package.path)).toBe('data.a.b.c.in');
  });
  it('keeps every import, including future and rego.v1', () => {
    const m = mod('package a\nimport data.x.y\nimport data.x as z\nimport input.q\nimport input\nimport rego.v1\nimport future.keywords\nimport future.keywords.in');
    expect(m.imports.map((i) => showTerm(i.path) + (i.alias ? ` as ${i.alias}` : ''))).toEqual([
      'data.x.y', 'data.x as z', 'input.q', 'input', 'rego.v1', 'future.keywords', 'future.keywords.in',
    ]);
  });
});

describe('rules', () => {
  it('parses constants and if bodies', () => {
    expect(rule('p := 1')).toMatchObject({ head: { ref: { name: 'p' }, assign: true, value: { value: 1 } }, body: [], hasIf: false });
    expect(rule('p = 1').head.assign).toBe(false);
    const r = rule('p if { x }');
    expect(r).toMatchObject({ hasIf: true, braces: true });
    expect(r.head.value).toBeUndefined();
    expect(rule('p if x').braces).toBe(false);
    expect(rule('p := v if { v := 1 }').head.value).toMatchObject({ type: 'var', name: 'v' });
  });
  it('parses partial sets, objects, ref heads and functions', () => {
    expect(rule('p contains x if { some x in xs }').head).toMatchObject({ contains: true, key: { name: 'x' } });
    expect(rule('p contains "a"').body).toEqual([]);
    const pk = rule('p[k] := v if { v := o[k] }').head;
    expect(showTerm(pk.ref)).toBe('p[k]');
    expect(showTerm(rule('a.b[x].c := 1 if x := 1').head.ref)).toBe('a.b[x].c');
    expect(showTerm(rule('a.b.c if true').head.ref)).toBe('a.b.c');
    const f = rule('f(x, y) := z if z := x + y');
    expect(f.head.args?.map(showTerm)).toEqual(['x', 'y']);
    expect(rule('f(x) if x > 1').head.args?.length).toBe(1);
  });
  it('parses default rules', () => {
    expect(rule('default p := 1')).toMatchObject({ default: true, head: { value: { value: 1 } } });
    expect(rule('default f(_) := false')).toMatchObject({ default: true, head: { args: [{ name: '_' }] } });
  });
  it('parses else chains', () => {
    const r = rule('p := 1 if {\n a\n} else := 2 if {\n b\n} else if c else = 4');
    expect(r.else.map((e) => [e.value && showTerm(e.value), e.assign, e.hasIf, showBody(e.body)])).toEqual([
      ['2', true, true, 'b'],
      [undefined, false, true, 'c'],
      ['4', false, false, '{}'],
    ]);
  });
  it('ends single-expression rules at the end of the expression', () => {
    const m = mod('package t\np if x\nq if y\nr := 1 s := 2');
    expect(m.rules.map((r) => showTerm(r.head.ref))).toEqual(['p', 'q', 'r', 's']);
  });
  it('reads keywords followed by . or [ as rule names', () => {
    const m = mod('package t\nif.foo := 1\nelse.foo := 2 if {\n true\n} else := 3\nimport.x contains 1\nnot[1] := 2');
    expect(m.rules.map((r) => showTerm(r.head.ref))).toEqual(['if.foo', 'else.foo', 'import.x', 'not[1]']);
    expect(m.rules[1].else).toHaveLength(1);
  });
});
