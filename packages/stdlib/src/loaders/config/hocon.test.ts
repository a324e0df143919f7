import { describe, expect, it } from 'vitest';
import { loadFile } from '../load.js';
import { parseHocon } from './hocon.js';

describe('HOCON', () => {
  it('reads objects, arrays, scalars, comments, separators and root braces', () => {
    expect(parseHocon('# comment\na = 1 // also a comment\nb: "two", c = true\nd = null\ne = [1, "x",\n  3.5\n]\nf { g = no }\n')).toEqual({
      a: 1,
      b: 'two',
      c: true,
      d: null,
      e: [1, 'x', 3.5],
      f: { g: 'no' },
    });
    expect(parseHocon('{ "a.b": 1 }')).toEqual({ 'a.b': 1 });
    expect(parseHocon('a = """line "one"\nline two"""')).toEqual({ a: 'line "one"\nline two' });
  });

  it('nests dotted keys, merges repeated objects, overrides repeated values and appends with +=', () => {
    expect(parseHocon('a.b.c = 1\na.b { d = 2 }\nx = 1\nx = 2\nl = [1]\nl += 2\n')).toEqual({ a: { b: { c: 1, d: 2 } }, x: 2, l: [1, 2] });
    expect(parseHocon('o = { a = 1 } { b = 2 }')).toEqual({ o: { a: 1, b: 2 } });
  });

  it('concatenates values on one line, keeping the white space between them', () => {
    expect(parseHocon('t = 75 seconds\nsize = 64k\np = ${t}  later\n')).toEqual({ t: '75 seconds', size: '64k', p: '75 seconds  later' });
  });

  it('resolves substitutions within the file; optional ones that it does not define change nothing', () => {
    const conf = ['s {', '  http { port = 9001', '    port = ${?PORT}', '    idle = 75 seconds }', '  https { idle = ${s.http.idle} }', '  dir = ${?user.dir}', '}', 'path = base', 'path = ${path}/more'].join('\n');
    expect(parseHocon(conf)).toEqual({ s: { http: { port: 9001, idle: '75 seconds' }, https: { idle: '75 seconds' } }, path: 'base/more' });
  });

  it('keeps a substitution the file cannot resolve as its text (values the runtime would supply)', () => {
    expect(parseHocon('pid = ${play.server.dir}/RUNNING_PID')).toEqual({ pid: '${play.server.dir}/RUNNING_PID' });
  });

  it('refuses include, and reports syntax errors with their line and column', () => {
    expect(loadFile('a.conf', 'a = 1\ninclude "other.conf"\n', { parser: 'hocon' }).errors[0]).toMatchObject({
      code: 'syntax_error',
      line: 2,
      message: expect.stringContaining('include is not supported'),
    });
    expect(loadFile('a.conf', 'a {\n  b = [1, 2\n', { parser: 'hocon' }).errors[0]).toMatchObject({ code: 'syntax_error', line: 3, message: 'hocon: unterminated array: expected "]"' });
    expect(loadFile('a.conf', 'a = "x\n', { parser: 'hocon' }).errors[0]).toMatchObject({ code: 'syntax_error', line: 2, message: 'hocon: unterminated quoted string' });
  });

  it('bounds nesting and the size substitutions can multiply a document to', () => {
    expect(loadFile('a.conf', 'a = ' + '['.repeat(300) + ']'.repeat(300), { parser: 'hocon' }).errors[0]).toMatchObject({ code: 'syntax_error', message: expect.stringContaining('deeper than 256') });
    const names = 'abcdefghijklmnopqrstu'.split('');
    const bomb = names.map((n, i) => (i === names.length - 1 ? `${n} = [1, 2, 3, 4, 5]` : `${n} = [\${${names[i + 1]}}, \${${names[i + 1]}}]`)).join('\n');
    expect(loadFile('a.conf', bomb, { parser: 'hocon' }).errors[0]).toMatchObject({ code: 'syntax_error', message: expect.stringContaining('more than 1000000 values') });
  });
});
