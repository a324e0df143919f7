import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, palisade as run, ROOT } from './toolchain-helpers.js';

const palisade = (args: string[]) => run(args, { cwd: ROOT });

beforeAll(() => ensureBuilt(), 300_000);

describe('palisade parse', () => {
  it('prints the AST of a Rego module', () => {
    const r = palisade(['parse', 'packages/stdlib/policies/lib/config.rego']);
    expect(r.code, r.stderr).toBe(0);
    const ast = JSON.parse(r.stdout);
    expect(ast.package.path.path.map((t: { value: string }) => t.value)).toEqual(['palisade', 'lib', 'config']);
    expect(ast.rules[0].head.args).toHaveLength(2);
  });

  it('prints the Trivy-shaped document of a Dockerfile with its lines', () => {
    const r = palisade(['parse', 'examples/dockerfiles/Dockerfile.multistage']);
    expect(r.code, r.stderr).toBe(0);
    const [doc] = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ kind: 'dockerfile', index: 0, startLine: 1 });
    const from = doc.value.Stages[1].Commands[0];
    expect(from).toMatchObject({ Cmd: 'from', Path: 'examples/dockerfiles/Dockerfile.multistage' });
    expect(from.StartLine).toBeGreaterThan(1);
  });

  it('prints conftest’s flat shape on request', () => {
    const r = palisade(['parse', '--dockerfile-shape', 'conftest', 'examples/dockerfiles/Dockerfile.good']);
    expect(r.code, r.stderr).toBe(0);
    const [doc] = JSON.parse(r.stdout);
    expect(Array.isArray(doc.value)).toBe(true);
    expect(doc.value.some((c: { Cmd: string }) => c.Cmd === 'from')).toBe(true);
  });

  it('splits multi-document Kubernetes files', () => {
    const r = palisade(['parse', 'examples/kubernetes/list.yaml']);
    expect(r.code, r.stderr).toBe(0);
    const docs = JSON.parse(r.stdout);
    expect(docs.length).toBeGreaterThan(1);
    expect(docs.every((d: { kind: string }) => d.kind === 'kubernetes')).toBe(true);
  });

  it('rejects an unknown parser and reports malformed input with its line', () => {
    expect(palisade(['parse', '--parser', 'nope', 'examples/dockerfiles/Dockerfile.good']).code).toBe(2);
    const bad = palisade(['parse', '--parser', 'json', 'README.md']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^README\.md:1(:\d+)?: /);
  });

  describe('conftest parse layout (--values, --combine, several files, stdin)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'palisade-parse-'));
    writeFileSync(join(dir, 'a.yaml'), 'kind: A\n');
    writeFileSync(join(dir, 'b.yaml'), 'kind: B1\n---\nkind: B2\n');
    writeFileSync(join(dir, 'c.ini'), '[s]\nport = 80\n');
    const p = (args: string[], input?: string) => run(args, { cwd: dir, ...(input === undefined ? {} : { input }) });

    it('one file prints its value; several an object keyed by path (a multi-document file as an array)', () => {
      expect(JSON.parse(p(['parse', '--values', 'a.yaml']).stdout)).toEqual({ kind: 'A' });
      expect(JSON.parse(p(['parse', '--values', 'a.yaml', 'b.yaml', 'c.ini']).stdout)).toEqual({
        'a.yaml': { kind: 'A' },
        'b.yaml': [{ kind: 'B1' }, { kind: 'B2' }],
        'c.ini': { s: { port: 80 } },
      });
    });

    it('--combine prints one {path, contents} per document, sorted by path', () => {
      expect(JSON.parse(p(['parse', '--combine', 'b.yaml', 'a.yaml']).stdout)).toEqual([
        { path: 'a.yaml', contents: { kind: 'A' } },
        { path: 'b.yaml', contents: { kind: 'B1' } },
        { path: 'b.yaml', contents: { kind: 'B2' } },
      ]);
    });

    it('reads standard input as -, with --parser forcing the kind', () => {
      expect(JSON.parse(p(['parse', '--values', '--parser', 'ini', '-'], '[x]\nok = true\n').stdout)).toEqual({ x: { ok: true } });
    });

    it('one bad file fails the command and names it', () => {
      writeFileSync(join(dir, 'bad.toml'), 'a = [\n');
      const r = p(['parse', '--values', 'a.yaml', 'bad.toml']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^bad\.toml:2:\d+: syntax_error: toml: /m);
    });
  });
});
