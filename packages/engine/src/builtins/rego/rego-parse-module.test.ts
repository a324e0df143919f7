import { describe, expect, it } from 'vitest';
import { Engine } from '../../api.js';
import { toJSONValue } from '../../value/json.js';
import { parseModuleValue } from './rego-parse-module.js';

const json = (src: string) => toJSONValue(parseModuleValue('x.rego', src));

describe('rego.parse_module', () => {
  it('produces OPA AST JSON for package, imports and rules', () => {
    const ast = json('package foo.bar\n\nimport data.a as b\n\np if { a = true }\n\nq contains x if { some x in input.xs; not x == 1 }\n\nf(x) := y if y := x + 1\n') as Record<string, unknown>;
    expect(ast.package).toEqual({ path: [{ type: 'var', value: 'data' }, { type: 'string', value: 'foo' }, { type: 'string', value: 'bar' }] });
    expect(ast.imports).toEqual([{ path: { type: 'ref', value: [{ type: 'var', value: 'data' }, { type: 'string', value: 'a' }] }, alias: 'b' }]);
    const [p, q, f] = ast.rules as Record<string, any>[];
    expect(p.head).toEqual({ name: 'p', value: { type: 'boolean', value: true }, ref: [{ type: 'var', value: 'p' }] });
    expect(p.body).toEqual([
      { index: 0, terms: [{ type: 'ref', value: [{ type: 'var', value: 'eq' }] }, { type: 'var', value: 'a' }, { type: 'boolean', value: true }] },
    ]);
    expect(q.head.key).toEqual({ type: 'var', value: 'x' });
    expect(q.body[0].terms.symbols[0].value[0]).toEqual({ type: 'ref', value: [{ type: 'var', value: 'internal' }, { type: 'string', value: 'member_2' }] });
    expect(q.body[1].negated).toBe(true);
    expect(f.head).toMatchObject({ name: 'f', args: [{ type: 'var', value: 'x' }], assign: true });
    expect(f.body[0].terms[0]).toEqual({ type: 'ref', value: [{ type: 'var', value: 'assign' }] });
  });

  it('gives bodiless rules a `true` body and nests else clauses', () => {
    const ast = json('package p\n\ndefault d := 1\n\nv := 1 if false else := 2\n') as Record<string, any>;
    expect(ast.rules[0]).toMatchObject({ default: true, body: [{ index: 0, terms: { type: 'boolean', value: true } }] });
    expect(ast.rules[1].else.head.value).toEqual({ type: 'number', value: 2 });
  });

  it('is a builtin error (strict mode) on a parse error, with the parser text', () => {
    const e = new Engine();
    const p = e.prepare('rego.parse_module("x.rego", "package foo.", m)');
    const r = p.query!.evaluate(undefined, { strictBuiltinErrors: true });
    expect(r.error?.code).toBe('eval_builtin_error');
    expect(r.error?.message).toContain('x.rego:1: rego_parse_error: unexpected eof token: expected ident');
  });
});
