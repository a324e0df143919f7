import { describe, expect, it } from 'vitest';
import { MAX_INPUT_CHARS } from './common.js';
import { MAX_YAML_DEPTH, parseYamlText } from './yaml-docs.js';

const one = (text: string) => {
  const r = parseYamlText('f.yaml', text);
  expect(r.errors).toEqual([]);
  return r.docs[0]!;
};

describe('YAML documents', () => {
  it('splits multi-document streams and skips empty documents', () => {
    const r = parseYamlText('f.yaml', '---\n# nothing\n---\na: 1\n---\n---\nnull\n---\nb: 2\n...\n');
    expect(r.errors).toEqual([]);
    expect(r.docs.map((d) => [d.index, d.value])).toEqual([
      [1, { a: 1 }],
      [4, { b: 2 }],
    ]);
    expect(r.docs[1]!.range).toEqual({ startLine: 9, endLine: 9 });
  });

  it('resolves YAML 1.1 booleans and octals in values but not in keys', () => {
    const d = one('hostNetwork: yes\nprivileged: on\nreadOnly: off\nflag: n\nmode: 0755\non: push\ny: 1\n');
    expect(d.value).toEqual({ hostNetwork: true, privileged: true, readOnly: false, flag: false, mode: 493, on: 'push', y: 1 });
  });

  it('keeps timestamps, sexagesimal numbers and quoted booleans as strings', () => {
    const d = one("date: 2024-01-02\ntime: 12:30\nq: 'yes'\nver: 1.10\n");
    expect(d.value).toEqual({ date: '2024-01-02', time: '12:30', q: 'yes', ver: 1.1 });
  });

  it('applies merge keys: own keys win, earlier merge sources win', () => {
    const d = one('a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nc:\n  x: 0\n  <<: [*a, *b]\nd:\n  <<: *a\n  x: 9\n');
    expect((d.value as Record<string, unknown>).c).toEqual({ x: 0, y: 1, z: 2 });
    expect((d.value as Record<string, unknown>).d).toEqual({ x: 9, y: 1 });
  });

  it('copies aliased values so each occurrence has its own identity and path', () => {
    const d = one('base: &b\n  limits: {cpu: 1}\nuse: *b\n');
    const v = d.value as { base: object; use: object };
    expect(v.use).toEqual(v.base);
    expect(v.use).not.toBe(v.base);
    expect(d.sourceMap.pathOfValue(v.use)).toEqual(['use']);
  });

  it('keeps integers beyond 2^53 exact as bigint', () => {
    expect(one('n: 12345678901234567890\nm: 42\n').value).toEqual({ n: 12345678901234567890n, m: 42 });
  });

  it('last duplicate key wins', () => {
    expect(one('a: 1\na: 2\n').value).toEqual({ a: 2 });
  });

  it('treats __proto__ as an ordinary key', () => {
    const v = one('__proto__: {polluted: true}\n').value as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('source map: key line through end of value; nearest ancestor for unknown paths', () => {
    const d = one('spec:\n  containers:\n    - name: a\n      image: nginx\n    - name: b\n');
    expect(d.sourceMap.rangeOfPath(['spec', 'containers', 0, 'image'])).toEqual({ startLine: 4, endLine: 4 });
    expect(d.sourceMap.rangeOfPath(['spec', 'containers', 0])).toEqual({ startLine: 3, endLine: 4 });
    expect(d.sourceMap.rangeOfPath(['spec', 'containers', 1, 'missing'])).toEqual({ startLine: 5, endLine: 5 });
    expect(d.sourceMap.rangeOfPath(['spec'])).toEqual({ startLine: 1, endLine: 5 });
    expect(d.sourceMap.rangeOfPath(['nope'])).toEqual({ startLine: 1, endLine: 5 });
  });
});

describe('YAML errors', () => {
  it('syntax errors carry line and column', () => {
    const r = parseYamlText('bad.yaml', 'a: 1\nb: [1, 2\nc: 3\n');
    expect(r.docs).toEqual([]);
    expect(r.errors[0]).toMatchObject({ path: 'bad.yaml', code: 'syntax_error' });
    expect(r.errors[0]!.line).toBeGreaterThanOrEqual(2);
    expect(r.errors[0]!.column).toBeGreaterThanOrEqual(1);
  });

  it('a broken document does not hide the valid ones', () => {
    const r = parseYamlText('f.yaml', 'a: 1\n---\nb: : :\n  - x\n---\nc: 3\n');
    expect(r.docs.map((d) => d.value)).toEqual([{ a: 1 }, { c: 3 }]);
    expect(r.errors.length).toBeGreaterThan(0);
    for (const e of r.errors) expect(e.line).toBe(3);
  });

  it('reports the earliest error of a broken document once, counting the rest', () => {
    // An unrendered Helm line makes the parser report several cascading errors on the same line.
    const text = 'a: 1\nb:\n  {{- if .Values.x }}\n  c: {{ toYaml .Values.c | nindent 4 }}\n---\nd: [1\n';
    const r = parseYamlText('t.yaml', text);
    expect(r.errors).toHaveLength(2);
    expect(r.errors[0]).toMatchObject({ code: 'syntax_error', line: 3 });
    expect(r.errors[0]!.message).toMatch(/\(and \d+ more errors? after it\)$/);
    expect(r.errors[1]!.line).toBeGreaterThanOrEqual(6);
  });

  it('an alias bomb ends with a clear error', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [p, c] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'g'], ['g', 'h']]) {
      lines.push(`${c}: &${c} [${Array(9).fill(`*${p}`).join(',')}]`);
    }
    const r = parseYamlText('bomb.yaml', lines.join('\n'));
    expect(r.docs).toEqual([]);
    expect(r.errors[0]!.code).toBe('alias_limit_exceeded');
    expect(r.errors[0]!.message).toMatch(/alias/);
  });

  it('the alias limit is configurable', () => {
    const text = 'a: &a [1, 2, 3]\nb: [*a, *a]\n';
    expect(parseYamlText('f.yaml', text, { maxAliasNodes: 3 }).errors[0]!.code).toBe('alias_limit_exceeded');
    expect(parseYamlText('f.yaml', text, { maxAliasNodes: 100 }).errors).toEqual([]);
  });

  it('self-referencing and undefined aliases are errors', () => {
    expect(parseYamlText('f.yaml', 'a: &x [1, *x]\n').errors[0]!.message).toMatch(/refers to itself/);
    expect(parseYamlText('f.yaml', 'a: *nope\n').errors[0]).toMatchObject({ code: 'syntax_error', line: 1 });
  });

  it('refuses inputs above the size limit', () => {
    const big = 'a'.repeat(MAX_INPUT_CHARS + 1);
    expect(parseYamlText('big.yaml', big).errors[0]!.code).toBe('input_too_large');
  });

  it('refuses nesting deeper than MAX_YAML_DEPTH with the position of the first level too deep', () => {
    const block = (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k:\n`).join('') + `${' '.repeat(n)}v\n`;
    expect(parseYamlText('ok.yaml', block(MAX_YAML_DEPTH)).errors).toEqual([]);
    expect(parseYamlText('deep.yaml', block(MAX_YAML_DEPTH + 1)).errors).toEqual([
      { path: 'deep.yaml', code: 'syntax_error', message: `YAML: nesting deeper than ${MAX_YAML_DEPTH} levels`, line: MAX_YAML_DEPTH + 1, column: MAX_YAML_DEPTH + 1 },
    ]);
    // Far deeper than any stack: still a located error, never "Maximum call stack size exceeded".
    const flow = `a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
    expect(parseYamlText('flow.yaml', flow).errors).toEqual([
      { path: 'flow.yaml', code: 'syntax_error', message: `YAML: nesting deeper than ${MAX_YAML_DEPTH} levels`, line: 1, column: 3 + MAX_YAML_DEPTH },
    ]);
  });

  it('counts nesting reached through aliases', () => {
    const half = MAX_YAML_DEPTH / 2 + 1;
    const text = `a: &x ${'['.repeat(half)}${']'.repeat(half)}\nb: ${'['.repeat(half)}*x${']'.repeat(half)}\n`;
    const r = parseYamlText('alias.yaml', text);
    expect(r.docs).toEqual([]);
    expect(r.errors[0]).toMatchObject({ code: 'syntax_error', message: `YAML: nesting deeper than ${MAX_YAML_DEPTH} levels (through aliases)`, line: 1 });
  });

  it('keeps the documents of a stream and reports the empty ones as before', () => {
    expect(parseYamlText('c.yaml', '# only a comment\n')).toEqual({ docs: [], errors: [] });
    expect(parseYamlText('d.yaml', 'a: 1\n---\nb: 2\n').docs.map((d) => d.value)).toEqual([{ a: 1 }, { b: 2 }]);
  });
});
