import { readFileSync } from 'node:fs';
import fg from 'fast-glob';
import type { CstElement, CstNode, IToken } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { tokenize } from './lexer.js';
import type { LookaheadTable } from './lookahead-table.js';
import { computeLookaheadTable, RegoParser } from './parser.js';

const ROOT = new URL('../../../../', import.meta.url);
const corpus = fg.sync(['packages/stdlib/policies/**/*.rego', 'examples/**/*.rego', 'test/fixtures/**/*.rego'], { cwd: ROOT.pathname }).sort();

/** The CST as text: rule names, token images and offsets (tokenType objects are not comparable as JSON). */
function cstText(node: CstElement | undefined): string {
  if (node === undefined) return '-';
  if ('image' in node) return `${(node as IToken).tokenType.name}:${(node as IToken).startOffset}:${(node as IToken).image}`;
  const n = node as CstNode;
  const keys = Object.keys(n.children).sort();
  return `${n.name}(${keys.map((k) => `${k}=[${n.children[k]!.map(cstText).join(' ')}]`).join(' ')})`;
}

function parseWith(parser: RegoParser, source: string): string {
  parser.load(tokenize(source).tokens);
  const cst = parser.module();
  return `${cstText(cst)}\n${parser.errors.map((e) => `${e.name} ${e.token.startOffset} ${e.message}`).join('\n')}`;
}

describe('precomputed parser lookahead', () => {
  const table = computeLookaheadTable();
  const plain = new RegoParser({});
  const tabled = new RegoParser({ table });

  it('records every alternation and optional production of the grammar', () => {
    expect(table.fingerprint).toMatch(/^[0-9a-f]+-[0-9a-f]+-\d+$/);
    const kinds = new Set(Object.keys(table.paths).map((k) => k.split('|')[1]));
    expect(kinds).toContain('Alternation');
    expect(kinds).toContain('Option');
    expect(Object.keys(table.paths).length).toBeGreaterThan(20);
  });

  it('parses the corpus, valid and cut short, exactly as chevrotain’s own lookahead', () => {
    expect(corpus.length).toBeGreaterThan(100);
    let compared = 0;
    for (const [i, file] of corpus.entries()) {
      const source = readFileSync(new URL(file, ROOT), 'utf8');
      // Cut points (every fourth file, to keep the test quick) make syntax errors in many
      // productions; the error messages must match too.
      const cuts = i % 4 === 0 ? [source.length, Math.floor(source.length / 2), Math.floor(source.length / 3) + 1] : [source.length];
      for (const cut of cuts) {
        const text = source.slice(0, cut);
        expect(parseWith(tabled, text), `${file} [0, ${cut})`).toBe(parseWith(plain, text));
        compared++;
      }
    }
    expect(compared).toBe(corpus.length + 2 * Math.ceil(corpus.length / 4));
  });

  it('is read when its fingerprint matches the grammar', () => {
    const read = new Set<string>();
    const spied: LookaheadTable = {
      fingerprint: table.fingerprint,
      paths: new Proxy(table.paths, { get: (t, k: string) => (read.add(k), t[k]) }),
    };
    const p = new RegoParser({ table: spied });
    expect(read.size).toBe(Object.keys(table.paths).length);
    expect(parseWith(p, 'package a\n\nx := 1 if { input.y > 2 }\n')).toBe(parseWith(plain, 'package a\n\nx := 1 if { input.y > 2 }\n'));
  });

  it('is ignored when it was made from another grammar, and parsing is unchanged', () => {
    // Every sequence of this table is nonsense: if it were used, nothing would parse.
    const garbage: LookaheadTable = { fingerprint: `0-0-${table.fingerprint.length}`, paths: Object.fromEntries(Object.keys(table.paths).map((k) => [k, [[['RParen']]]])) };
    const p = new RegoParser({ table: garbage });
    const src = 'package a\n\nimport rego.v1\n\ndeny contains msg if {\n\tsome c in input.containers\n\tnot c.ok\n\tmsg := sprintf("%s", [c.name])\n}\n';
    const out = parseWith(p, src);
    expect(out).toBe(parseWith(plain, src));
    expect(out.endsWith('\n')).toBe(true); // no errors after the CST
  });
});
