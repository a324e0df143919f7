/**
 * Executes every ```ts block of docs/embedding.md as its own ES module (imports of the packages
 * point at their sources) and compares what it prints with the ```text block that follows it,
 * when there is one (the text block lists the first lines of the output).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inspect } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ROOT } from './workspace.js';

const DOC = join(ROOT, 'docs/embedding.md');
const SPECIFIERS: Record<string, string> = {
  '@palisade/engine': join(ROOT, 'packages/engine/src/index.ts'),
  '@palisade/stdlib': join(ROOT, 'packages/stdlib/src/index.ts'),
  '@palisade/stdlib/browser': join(ROOT, 'packages/stdlib/src/browser.ts'),
};

interface Example {
  line: number;
  code: string;
  expected?: string;
}

/** The ```ts blocks of a Markdown text, each with the ```text block directly after it. */
function extractExamples(markdown: string): Example[] {
  const out: Example[] = [];
  const re = /^```(\w*)\n([\s\S]*?)^```\s*$/gm;
  let m: RegExpExecArray | null;
  let last: { example: Example; end: number } | undefined;
  while ((m = re.exec(markdown))) {
    const [, lang, body] = m;
    if (lang === 'ts') {
      const example: Example = { line: markdown.slice(0, m.index).split('\n').length, code: body! };
      out.push(example);
      last = { example, end: m.index + m[0].length };
    } else if (lang === 'text' && last && markdown.slice(last.end, m.index).trim() === '') {
      last.example.expected = body!;
    }
  }
  return out;
}

function rewriteImports(code: string): string {
  return code.replace(/from '(@palisade\/[a-z/]+)'/g, (_whole, spec: string) => {
    const target = SPECIFIERS[spec];
    if (!target) throw new Error(`docs example imports unknown package ${spec}`);
    return `from ${JSON.stringify(target)}`;
  });
}

const lines = (s: string) => s.replace(/\s+$/, '').split('\n').map((l) => l.replace(/\s+$/, ''));

const examples = extractExamples(readFileSync(DOC, 'utf8'));
const dir = join(ROOT, 'tmp', `docs-examples-${process.pid}`);
mkdirSync(dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('docs/embedding.md examples', () => {
  it('has examples for the engine, the stdlib and the browser entry', () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
    const all = examples.map((e) => e.code).join('\n');
    for (const spec of Object.keys(SPECIFIERS)) expect(all).toContain(`'${spec}'`);
  });

  for (const ex of examples) {
    it(`example at line ${ex.line} runs${ex.expected ? ' and prints what the docs show' : ''}`, async () => {
      const file = join(dir, `example-${ex.line}.ts`);
      writeFileSync(file, rewriteImports(ex.code));
      const printed: string[] = [];
      const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
        printed.push(args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 6 }))).join(' '));
      });
      try {
        await import(/* @vite-ignore */ pathToFileURL(file).href);
      } finally {
        spy.mockRestore();
      }
      if (ex.expected !== undefined) {
        const want = lines(ex.expected);
        const got = lines(printed.join('\n'));
        expect(got.slice(0, want.length).join('\n')).toBe(want.join('\n'));
      }
    });
  }
});
