/**
 * METADATA blocks parsed ahead of time. Why: parsing the YAML of the METADATA blocks of the
 * policies a scan compiles was about a sixth of a one-Dockerfile scan's CPU profile; the stdlib's
 * module cache (packages/stdlib/scripts/gen-module-cache.mjs) stores each policy's parsed blocks
 * beside its AST and hands them over with `usePreParsedMetadata` when it decodes the module.
 * A block given here is used only when its YAML text and location are those of the module's
 * block at the same position; otherwise the block is parsed, so a mismatch costs time, not
 * correctness.
 */
import type { Annotation, Module } from '../syntax/ast.js';
import { metadataBlocks } from '../syntax/annotations.js';
import { parseBlock, type ParsedBlock } from './parse.js';

const preParsed = new WeakMap<Module, readonly ParsedBlock[]>();

/** The parse of every METADATA block of `mod`, in order, or undefined when one of them is malformed. */
export function parseMetadataBlocks(mod: Module): ParsedBlock[] | undefined {
  const out: ParsedBlock[] = [];
  for (const raw of metadataBlocks(mod.comments)) {
    const { block } = parseBlock({ yaml: raw.yaml, loc: { ...raw.loc, file: mod.file } });
    if (!block) return undefined;
    out.push(block);
  }
  return out;
}

/** Records `blocks` (what `parseMetadataBlocks(mod)` gave, possibly in another process) for `mod`. */
export function usePreParsedMetadata(mod: Module, blocks: readonly ParsedBlock[]): void {
  preParsed.set(mod, blocks);
}

const sameLocation = (a: ParsedBlock['loc'], b: ParsedBlock['loc']): boolean =>
  a.file === b.file && a.row === b.row && a.col === b.col && a.endRow === b.endRow && a.endCol === b.endCol && a.offset === b.offset && a.endOffset === b.endOffset;

/** The parse of `raw`, the `index`-th METADATA block of `mod`: the pre-parsed one when it matches. */
export function parsedBlockAt(mod: Module, index: number, raw: Annotation): ReturnType<typeof parseBlock> {
  const loc = { ...raw.loc, file: mod.file };
  const pre = preParsed.get(mod)?.[index];
  // A copy of `fields`: the reader fills in a default scope, and the record is shared.
  if (pre && pre.yaml === raw.yaml && sameLocation(pre.loc, loc)) return { block: { ...pre, fields: { ...pre.fields } } };
  return parseBlock({ yaml: raw.yaml, loc });
}
