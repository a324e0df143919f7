import { describe, expect, it } from 'vitest';
import { loadFile } from '../load.js';
import { parseCue } from './cue.js';

describe('CUE data (what `cue export` prints)', () => {
  it('reads unbraced and braced structs, the a: b: c shorthand, lists, scalars and comments', () => {
    const text = ['package k8s', '// a comment', 'apiVersion: "apps/v1"', 'metadata: name: "web"', 'spec: {', '\treplicas: 3, paused: false', '\tports: [{containerPort: 8080}, {', '\t\tcontainerPort: 9090', '\t}]', '\tnote: null', '}'].join('\n');
    expect(parseCue(text)).toEqual({ apiVersion: 'apps/v1', metadata: { name: 'web' }, spec: { replicas: 3, paused: false, ports: [{ containerPort: 8080 }, { containerPort: 9090 }], note: null } });
    expect(parseCue('"quoted-label": 1\nlist: [\n  1\n  2,\n]')).toEqual({ 'quoted-label': 1, list: [1, 2] });
  });

  it('unifies repeated fields as CUE does: structs merge, lists pair up, equal scalars agree', () => {
    expect(parseCue('a: b: 1\na: c: 2\na: b: 1\nl: [{x: 1}]\nl: [{y: 2}]')).toEqual({ a: { b: 1, c: 2 }, l: [{ x: 1, y: 2 }] });
    expect(Object.keys(parseCue('z: 1\na: 1\nz: 1') as object)).toEqual(['z', 'a']);
  });

  it('reads CUE numbers and strings: multipliers, bases, separators, escapes, multi-line strings', () => {
    expect(parseCue('k: 1Ki\nm: 2M\nh: 0x1f\no: 0o17\nb: 0b101\ns: 1_000\nf: -2.5e3\nbig: 12345678901234567890')).toEqual({ k: 1024, m: 2e6, h: 31, o: 15, b: 5, s: 1000, f: -2500, big: 12345678901234567890n });
    expect(parseCue('s: "tab\\tq\\"u\\u00e9"\nt: """\n    one\n      two\n    """')).toEqual({ s: 'tab\tq"ué', t: 'one\n  two' });
    expect(parseCue('[1, "two"]')).toEqual([1, 'two']);
  });

  it('refuses, at its line and column, everything that needs CUE’s evaluator', () => {
    const cases: [string, string, number, number][] = [
      ['a: 1\nb: a', 'the reference or type `a`', 2, 4],
      ['x: string', 'the reference or type `string`', 1, 4],
      ['x: *1 | 2', 'the expression starting with "*"', 1, 4],
      ['x: 1 | 2', 'the operator |', 1, 6],
      ['x: {a: 1} & {b: 2}', 'the operator &', 1, 11],
      ['x: 1 + 2', 'the operator +', 1, 6],
      ['#Def: {a: int}', 'the definition #Def', 1, 1],
      ['_hidden: 1', 'the hidden field _hidden', 1, 1],
      ['opt?: 1', 'an optional field (opt?)', 1, 4],
      ['req!: 1', 'a required field (req!)', 1, 4],
      ['x: [...int]', 'an open list or struct (...)', 1, 5],
      ['[string]: int', 'the reference or type `string`', 1, 2],
      ['x: "a\\(b)c"', 'string interpolation', 1, 4],
      ['import "strings"\nx: 1', 'import', 1, 1],
      ['for k, v in x {}', 'a `for` clause', 1, 1],
      ["b: 'bytes'", 'byte strings', 1, 4],
      ['a: 1 @tag(x)', 'an attribute', 1, 6],
    ];
    for (const [src, what, line, column] of cases) {
      const r = loadFile('conf/app.cue', src);
      expect(r.documents, src).toEqual([]);
      expect(r.errors[0], src).toMatchObject({ code: 'syntax_error', path: 'conf/app.cue', line, column });
      expect(r.errors[0]!.message, src).toContain(what);
      expect(r.errors[0]!.message, src).toContain('run `cue export`');
    }
  });

  it('reports conflicts and malformed input with the position', () => {
    expect(loadFile('a.cue', 'a: 1\na: 2').errors[0]).toMatchObject({ line: 2, column: 1, message: expect.stringContaining('conflicting values 1 and 2') });
    expect(loadFile('a.cue', 'l: [1]\nl: [1, 2]').errors[0]!.message).toContain('lists of 1 and 2 elements');
    expect(loadFile('a.cue', 'x: {\n  a: 1\n').errors[0]).toMatchObject({ code: 'syntax_error', message: expect.stringContaining('"{" is not closed') });
    expect(loadFile('a.cue', 'x: 0x_').errors[0]).toMatchObject({ line: 1, column: 4, message: expect.stringContaining('malformed number "0x_"') });
    expect(loadFile('a.cue', 'x: "open\n').errors[0]).toMatchObject({ line: 1, column: 4, message: expect.stringContaining('unterminated string') });
    expect(loadFile('a.cue', 'x: """\n  a\n b\n  """').errors[0]!.message).toContain('indented less');
  });

  it('bounds nesting', () => {
    const r = loadFile('deep.cue', 'x: ' + '['.repeat(300) + ']'.repeat(300));
    expect(r.errors[0]!.message).toContain('deeper than 256 levels');
    const s = loadFile('deep.cue', 'x: ' + '{a: '.repeat(300) + '1' + '}'.repeat(300));
    expect(s.errors[0]!.message).toContain('deeper than 256 levels');
  });
});
