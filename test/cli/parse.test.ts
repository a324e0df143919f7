import { beforeAll, describe, expect, it } from 'vitest';
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
});
