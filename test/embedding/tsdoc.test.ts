/**
 * Every symbol exported by a public entry (the engine's and the stdlib's `index.ts`, and the
 * stdlib's browser entry) carries a TSDoc sentence where it is declared.
 */
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './workspace.js';

const ENTRIES = ['packages/engine/src/index.ts', 'packages/stdlib/src/index.ts', 'packages/stdlib/src/browser.ts'];

function undocumented(entry: string): { exports: number; missing: string[] } {
  const file = join(ROOT, entry);
  const program = ts.createProgram([file], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    paths: { '@palisade/engine': [join(ROOT, 'packages/engine/src/index.ts')] },
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const moduleSymbol = checker.getSymbolAtLocation(source)!;
  const missing: string[] = [];
  const exported = checker.getExportsOfModule(moduleSymbol);
  for (const sym of exported) {
    const target = sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
    let text = ts.displayPartsToString(target.getDocumentationComment(checker)).trim();
    // `export * as ns from './x.js'`: the namespace is documented by the module's leading comment.
    if (!text && target.flags & ts.SymbolFlags.ValueModule) {
      const decl = target.declarations?.[0];
      const sf = decl && ts.isSourceFile(decl) ? decl : undefined;
      text = sf ? (ts.getLeadingCommentRanges(sf.text, 0) ?? []).map((r) => sf.text.slice(r.pos, r.end)).join('').trim() : '';
    }
    if (!/[A-Za-z`]/.test(text)) missing.push(sym.name);
  }
  return { exports: exported.length, missing: missing.sort() };
}

describe('TSDoc on the public API', () => {
  for (const entry of ENTRIES) {
    it(`every export of ${entry} has a doc comment`, () => {
      const { exports, missing } = undocumented(entry);
      expect(exports).toBeGreaterThan(10);
      expect(missing).toEqual([]);
    });
  }
});
