import { describe, expect, it } from 'vitest';
import { parseModule } from './parse.js';
import { metadataBlocks } from './annotations.js';
import type { Module } from './ast.js';

const src = `# METADATA
# title: The package
# description: |
#   Multi-line
package a

# just a comment
p := 1

# METADATA
# title: Rule q
# custom:
#  id: X-1
q if true

# METADATA
# title: stray

import data.x

r := 2
`;

describe('METADATA annotations', () => {
  const m = parseModule('m.rego', src).module as Module;
  it('attaches the block above the package to the module', () => {
    expect(m.annotations).toHaveLength(1);
    expect(m.annotations[0].yaml).toBe('title: The package\ndescription: |\n  Multi-line\n');
    expect(m.annotations[0].loc).toMatchObject({ row: 1, col: 1, endRow: 4 });
  });
  it('attaches a block to the rule that follows it', () => {
    const q = m.rules.find((r) => r.head.ref.type === 'var' && r.head.ref.name === 'q');
    expect(q?.annotations.map((a) => a.yaml)).toEqual(['title: Rule q\ncustom:\n id: X-1\n']);
    expect(m.rules[0].annotations).toEqual([]);
  });
  it('does not attach a block followed by an import', () => {
    expect(m.rules.find((r) => r.head.ref.type === 'var' && r.head.ref.name === 'r')?.annotations).toEqual([]);
  });
  it('ends a block at the first line that is not a comment in column 1', () => {
    const blocks = metadataBlocks([
      { text: ' METADATA', loc: at(1, 1) },
      { text: ' a: 1', loc: at(2, 1) },
      { text: ' b: 2', loc: at(3, 5) },
      { text: ' c: 3', loc: at(4, 1) },
    ]);
    expect(blocks.map((b) => b.yaml)).toEqual(['a: 1\n']);
  });
});

function at(row: number, col: number) {
  return { file: 'f', row, col, endRow: row, endCol: col + 5, offset: row * 100 + col, endOffset: row * 100 + col + 5 };
}
