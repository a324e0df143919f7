import { describe, expect, it } from 'vitest';
import { isExcluded, loadDockerignore, parseDockerignoreLines } from './dockerignore.js';

describe('.dockerignore', () => {
  it('parses lines as Docker does (comments, blanks, negation, cleaning)', () => {
    const lines = parseDockerignoreLines('# comment\n\n  /secrets/  \n!keep.txt\n ! spaced\n./a/../b\n  # not a comment\r\n');
    expect(lines.map((l) => [l.line, l.pattern, l.negated])).toEqual([
      [3, 'secrets', false],
      [4, '!keep.txt', true],
      [5, '!spaced', true],
      [6, 'b', false],
      [7, '# not a comment', false],
    ]);
  });

  it('matches with Docker semantics', () => {
    const cases: [string[], string, boolean][] = [
      [['*.pem'], 'server.pem', true],
      [['*.pem'], 'certs/server.pem', false],
      [['**/*.pem'], 'certs/deep/server.pem', true],
      [['**/*.pem'], 'server.pem', true],
      [['secrets'], 'secrets/db/password', true],
      [['.git'], '.git/config', true],
      [['*', '!app.py'], 'app.py', false],
      [['*', '!app.py'], 'main.py', true],
      [['!.env', '.env'], '.env', true],
      [['.env', '!.env'], '.env', false],
      [['.env*'], '.env.local', true],
      [['a?c'], 'abc', true],
      [['[a-c]x'], 'bx', true],
      [['docs/**'], 'docs/a/b.md', true],
    ];
    for (const [patterns, path, expected] of cases) expect(isExcluded(patterns, path), `${patterns} ${path}`).toBe(expected);
  });

  it('records exclusion of well-known secret paths', () => {
    const doc = loadDockerignore('.dockerignore', '.env\n*.pem\n**/*.key\n.git\n').documents[0]!;
    const v = doc.value as { excluded: Record<string, boolean>; excludedNested: Record<string, boolean>; patterns: string[] };
    expect(v.patterns).toEqual(['.env', '*.pem', '**/*.key', '.git']);
    expect([v.excluded['.env'], v.excluded['*.pem'], v.excluded['*.key'], v.excluded['.git/'], v.excluded['secrets/']]).toEqual([true, true, true, true, false]);
    expect([v.excludedNested['*.pem'], v.excludedNested['*.key']]).toEqual([false, true]);
    expect(doc.sourceMap.rangeOfPath(['patterns', 2])).toEqual({ startLine: 3, endLine: 3 });
    expect(doc.sourceMap.rangeOfPath(['lines', 3, 'pattern'])).toEqual({ startLine: 4, endLine: 4 });
  });

  it('an empty file is a document with no patterns; binary content is an error', () => {
    const empty = loadDockerignore('.dockerignore', '');
    expect((empty.documents[0]!.value as { patterns: string[] }).patterns).toEqual([]);
    expect(loadDockerignore('.dockerignore', 'a\u0000b').errors[0]).toMatchObject({ code: 'invalid_document', line: 1 });
  });

  it('a pattern longer than any path is loaded but matches nothing (found by pnpm fuzz: V8 refused its regex)', () => {
    const long = 'a${b:-'.repeat(3000);
    const r = loadDockerignore('.dockerignore', `${long}\n.env\n`);
    expect(r.errors).toEqual([]);
    expect(r.documents[0]!.value).toMatchObject({ patterns: [long, '.env'] });
    expect(isExcluded([long], long)).toBe(false);
    expect(isExcluded([long, '.env'], '.env')).toBe(true);
  });
});
