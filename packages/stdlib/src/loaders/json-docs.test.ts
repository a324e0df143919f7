import { describe, expect, it } from 'vitest';
import { parseJsonText } from './json-docs.js';

const ok = (text: string) => {
  const r = parseJsonText('f.json', text);
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
};

describe('JSON with positions', () => {
  it('parses like JSON.parse', () => {
    const text = '{"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"], "b": {}, "c": []}';
    expect(ok(text).value).toEqual(JSON.parse(text));
  });

  it('keeps big integers exact and duplicate keys last-wins', () => {
    expect(ok('{"n": 123456789012345678901, "m": 9007199254740991, "d": 1, "d": 2}').value).toEqual({
      n: 123456789012345678901n,
      m: 9007199254740991,
      d: 2,
    });
  });

  it('maps paths and values to lines', () => {
    const d = ok('[\n  {\n    "Id": "abc",\n    "HostConfig": {\n      "Privileged": true\n    }\n  }\n]\n');
    expect(d.range).toEqual({ startLine: 1, endLine: 8 });
    expect(d.sourceMap.rangeOfPath([0, 'HostConfig', 'Privileged'])).toEqual({ startLine: 5, endLine: 5 });
    const hc = (d.value as { HostConfig: object }[])[0]!.HostConfig;
    expect(d.sourceMap.rangeOfValue(hc)).toEqual({ startLine: 4, endLine: 6 });
    expect(d.sourceMap.pathOfValue(hc)).toEqual([0, 'HostConfig']);
  });

  it('ignores a BOM; __proto__ stays data', () => {
    const v = ok('\ufeff{"__proto__": {"x": 1}}').value as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['__proto__']);
  });

  it('reports malformed input with line and column', () => {
    const cases: [string, number, number, RegExp][] = [
      ['{"a": 1,\n "b": }', 2, 7, /unexpected character/],
      ['{"a" 1}', 1, 6, /expected ':'/],
      ['[1, 2', 1, 6, /expected ',' or '\]'|end of input/],
      ['{"a": "x\ny"}', 1, 9, /control character/],
      ['{"a": tru}', 1, 7, /expected true/],
      ['{} {}', 1, 4, /after the JSON value/],
      ['', 1, 1, /end of input/],
    ];
    for (const [text, line, column, re] of cases) {
      const r = parseJsonText('bad.json', text);
      expect(r.ok, text).toBe(false);
      if (r.ok) continue;
      expect(r.error, text).toMatchObject({ path: 'bad.json', code: 'syntax_error', line, column });
      expect(r.error.message, text).toMatch(re);
    }
  });

  it('limits nesting depth instead of overflowing the stack', () => {
    const r = parseJsonText('deep.json', '['.repeat(5000) + ']'.repeat(5000));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/nesting deeper/);
  });
});
