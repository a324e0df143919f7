/**
 * `# METADATA` comment blocks. A block is a comment whose text starts with `METADATA` followed by
 * comments on the immediately following lines that start in column 1 (as OPA groups them). The
 * block's YAML (comment markers and one following space removed) is attached, unparsed, to the
 * statement that comes next: a rule, or the package. Interpreting `scope` is up to the reader.
 */
import type { Annotation, Comment, Module } from './ast.js';
import { spanOf } from './location.js';

export function metadataBlocks(comments: Comment[]): Annotation[] {
  const blocks: Annotation[] = [];
  let current: { lines: string[]; first: Comment; last: Comment } | undefined;
  const flush = () => {
    if (current) blocks.push({ yaml: current.lines.join('\n') + '\n', loc: spanOf(current.first.loc, current.last.loc) });
    current = undefined;
  };
  for (const c of comments) {
    if (current && c.loc.row === current.last.loc.row + 1 && c.loc.col === 1) {
      current.lines.push(c.text.startsWith(' ') ? c.text.slice(1) : c.text);
      current.last = c;
      continue;
    }
    flush();
    if (c.text.trim().startsWith('METADATA')) current = { lines: [], first: c, last: c };
  }
  flush();
  return blocks;
}

/**
 * Attaches each block to the first statement starting after it, provided no other statement
 * (an import, or a rule the block does not precede) lies in between.
 */
export function attachAnnotations(mod: Module): void {
  const blocks = metadataBlocks(mod.comments);
  if (!blocks.length) return;
  type Stmt = { offset: number; target?: Annotation[] };
  const stmts: Stmt[] = [
    { offset: mod.package.loc.offset, target: mod.annotations },
    ...mod.imports.map((i) => ({ offset: i.loc.offset })),
    ...mod.rules.map((r) => ({ offset: r.loc.offset, target: r.annotations })),
  ].sort((a, b) => a.offset - b.offset);
  let i = 0;
  for (const block of blocks) {
    while (i < stmts.length && stmts[i].offset < block.loc.endOffset) i++;
    const next = stmts[i];
    if (next?.target) next.target.push(block);
  }
}
