import { describe, expect, it } from 'vitest';
import type { BuiltinContext } from '../define.js';
import { templateBuiltins } from './template.js';
import { RSet, type Value } from '../../value/types.js';

const ctx = { queryCache: new Map() } as unknown as BuiltinContext;
const render = (tpl: Value, vars: Value) => templateBuiltins[0].impl([tpl, vars], ctx);
const fails = (tpl: Value, vars: Value) => {
  try {
    render(tpl, vars);
  } catch (e) {
    return `${(e as { code: string }).code}: ${(e as Error).message}`;
  }
  return 'no error';
};

describe('strings.render_template', () => {
  it('substitutes fields; numbers print as their JSON text', () => {
    expect(render('{{.test}}', { test: 'hello world' })).toBe('hello world');
    expect(render('{{.test}}', { test: 2023 })).toBe('2023');
    expect(render('{{.a.b}} {{.f}}', { a: { b: 1.5 }, f: false })).toBe('1.5 false');
  });

  it('renders missing keys as <undefined>', () => {
    expect(render('{{.testvarnotprovided}}', { test: 'x' })).toBe('<undefined>');
    expect(render('test {{.foo}} {{.bar}} {{.baz}}', { baz: 1 })).toBe('test <undefined> <undefined> 1');
    expect(render('{{.a.b.c}}', {})).toBe('<undefined>');
  });

  it('range with index and value, if, else', () => {
    const tpl = '{{range $i, $name := .hellonames}}{{if $i}},{{end}}hello {{$name}}{{end}}';
    expect(render(tpl, { hellonames: ['rohan', 'john doe'] })).toBe('hello rohan,hello john doe');
    expect(render('{{range .xs}}[{{.}}]{{else}}none{{end}}', { xs: [] })).toBe('none');
    expect(render('{{range $k, $v := .m}}{{$k}}={{$v}};{{end}}', { m: { b: 2, a: 1 } })).toBe('a=1;b=2;');
    expect(render('{{range .s}}{{.}}{{end}}', { s: new RSet([3, 1, 2]) })).toBe('123');
    expect(render('{{range .xs}}{{if eq . "b"}}{{break}}{{end}}{{.}}{{end}}', { xs: ['a', 'b', 'c'] })).toBe('a');
    expect(render('{{if .x}}yes{{else if .y}}maybe{{else}}no{{end}}', { x: '', y: 'y' })).toBe('maybe');
  });

  it('with, variables, pipelines and functions', () => {
    expect(render('{{with .user}}{{.name}}{{end}}', { user: { name: 'ann' } })).toBe('ann');
    expect(render('{{$n := .name}}{{$n}}-{{$n}}', { name: 'x' })).toBe('x-x');
    expect(render('{{.name | printf "%q"}}', { name: 'x' })).toBe('"x"');
    expect(render('{{len .xs}} {{index .xs 1}} {{index .m "k"}}', { xs: ['a', 'b'], m: { k: 'v' } })).toBe('2 b v');
    expect(render('{{and .a .b}} {{or .a .b}} {{not .a}}', { a: 'A', b: '' })).toBe(' A false');
    expect(render('{{if and (eq .a "x") (ne .b "y")}}ok{{end}}', { a: 'x', b: 'z' })).toBe('ok');
    expect(render('{{printf "%s has %d" .n 3}}', { n: 'bob' })).toBe('bob has 3');
    expect(render('{{html .s}} {{js .s}}', { s: '<a href="x">' })).toBe('&lt;a href=&#34;x&#34;&gt; \\u003Ca href\\u003D\\"x\\"\\u003E');
  });

  it('prints composites the way Go fmt does', () => {
    expect(render('{{.xs}} {{.m}}', { xs: ['a', 1, null], m: { b: [true], a: 'x' } })).toBe('[a 1 <nil>] map[a:x b:[true]]');
  });

  it('trims around {{- and -}} and skips comments', () => {
    expect(render('a  {{- .x -}}  b', { x: '!' })).toBe('a!b');
    expect(render('a{{/* note */}}b', {})).toBe('ab');
  });

  it('reports template errors as builtin errors', () => {
    expect(fails('{{if .x}}', {})).toMatch(/^eval_builtin_error: template: /);
    expect(fails('{{nosuchfunc 1}}', {})).toBe('eval_builtin_error: template: template:1: function "nosuchfunc" not defined');
    expect(fails('{{eq .n 1}}', { n: 1 })).toMatch(/incompatible types for comparison/);
    expect(fails('{{.x}}', 'notobject')).toBe('eval_type_error: operand 2 must be object but got string');
  });
});
