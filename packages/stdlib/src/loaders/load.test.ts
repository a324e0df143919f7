import { describe, expect, it } from 'vitest';
import { detectByName, detectKind } from './detect.js';
import { loadFile, loadFiles } from './load.js';

describe('detection', () => {
  it('by file name first', () => {
    const cases: [string, string][] = [
      ['Dockerfile', 'dockerfile'],
      ['build/Dockerfile.prod', 'dockerfile'],
      ['Containerfile', 'dockerfile'],
      ['api.dockerfile', 'dockerfile'],
      ['Dockerfile.dockerignore', 'dockerignore'],
      ['.dockerignore', 'dockerignore'],
      ['docker-compose.yml', 'compose'],
      ['compose.prod.yaml', 'compose'],
      ['docker-compose.override.yaml', 'compose'],
      // composer.yaml (PHP) is not a compose file; the name must be compose[.-_…].yaml.
      ['composer.yaml', 'tree'],
      ['docker-composer.yml', 'tree'],
      ['compose-dev.yml', 'compose'],
      ['deploy/app.yaml', 'tree'],
      ['Dockerfile.yaml', 'tree'],
      ['report.json', 'tree'],
      ['README', 'unknown'],
      // Source files named after Dockerfiles are code, not Dockerfiles.
      ['src/loaders/dockerfile.ts', 'unknown'],
      ['src/dockerfile-scan.test.ts', 'unknown'],
      ['Dockerfile.md', 'unknown'],
      ['Dockerfile.dev', 'dockerfile'],
      ['Dockerfile_arm64', 'dockerfile'],
    ];
    for (const [path, kind] of cases) expect(detectByName(path), path).toBe(kind);
  });

  it('then by content', () => {
    const cases: [string, string, string | undefined][] = [
      ['a.yaml', 'apiVersion: v1\nkind: Pod\n', 'kubernetes'],
      ['a.yaml', 'services:\n  web:\n    image: x\n', 'compose'],
      ['a.json', '{"SchemaVersion": 2, "Results": []}', 'trivy'],
      ['a.json', '{"matches": [], "descriptor": {}}', 'grype'],
      ['a.json', '[{"Id": "x", "State": {}}]', 'docker-inspect'],
      ['a.json', '{"x": 1}', 'json'],
      ['a.yaml', 'x: 1\n', 'yaml'],
      ['stdin', 'FROM alpine\nRUN true\n', 'dockerfile'],
      ['stdin', '# comment\nARG X=1\nFROM a\n', 'dockerfile'],
      ['stdin', '{"apiVersion": "v1", "kind": "Pod"}', 'kubernetes'],
      ['notes.txt', 'just some prose', undefined],
    ];
    for (const [path, text, kind] of cases) expect(detectKind(path, text), text).toBe(kind);
  });
});

describe('loadFile / loadFiles', () => {
  it('dispatches by detected kind', () => {
    expect(loadFile('Dockerfile', 'FROM a\n').documents[0]!.kind).toBe('dockerfile');
    expect(loadFile('k8s/pod.yml', 'apiVersion: v1\nkind: Pod\n').documents[0]!.kind).toBe('kubernetes');
  });

  it('a forced parser skips detection', () => {
    const r = loadFile('whatever.txt', 'apiVersion: v1\nkind: Pod\n', { parser: 'yaml' });
    expect(r.documents[0]!.kind).toBe('yaml');
    const d = loadFile('config', 'FROM scratch\n', { parser: 'dockerfile' });
    expect(d.documents[0]!.kind).toBe('dockerfile');
    const bad = loadFile('x', 'a', { parser: 'nope' as never });
    expect(bad.errors[0]!.code).toBe('unknown_kind');
  });

  it('undetectable files are reported, not thrown', () => {
    const r = loadFile('notes.txt', 'plain words here');
    expect(r.documents).toEqual([]);
    expect(r.errors[0]).toMatchObject({ path: 'notes.txt', code: 'unknown_kind' });
  });

  it('one bad file does not stop the others', () => {
    const r = loadFiles([
      { path: 'Dockerfile', text: 'FROM a\nUSER 1000\n' },
      { path: 'bad.json', text: '{"a": ' },
      { path: 'k.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n' },
      { path: 'broken/Dockerfile', text: 'FROM a\nRUN <<EOF\n' },
    ]);
    expect(r.documents.map((d) => [d.path, d.kind])).toEqual([
      ['Dockerfile', 'dockerfile'],
      ['k.yaml', 'kubernetes'],
    ]);
    expect(r.errors.map((e) => [e.path, e.code, e.line])).toEqual([
      ['bad.json', 'syntax_error', 1],
      ['broken/Dockerfile', 'dockerfile_error', 2],
    ]);
  });

  it('every kind reports malformed input as a LoadError', () => {
    const bad: [string, string][] = [
      ['Dockerfile', 'FROM'],
      ['k.yaml', 'apiVersion: v1\nkind: [\n'],
      ['compose.yaml', '[1, 2]'],
      ['i.json', '[{"Id": "x", "State": {}}, 3]'],
      ['t.json', '{"SchemaVersion": 3, "Results": []}'],
      ['g.json', '{"matches": 1, "descriptor": {}}'],
      ['a.json', '{"a": }'],
      ['a.yaml', 'a: "\n'],
      ['.dockerignore', '\u0000'],
    ];
    for (const [path, text] of bad) {
      const forced = path.startsWith('i.') ? 'docker-inspect' : path.startsWith('t.') ? 'trivy' : path.startsWith('g.') ? 'grype' : undefined;
      const r = loadFile(path, text, forced ? { parser: forced } : {});
      expect(r.errors.length, path).toBeGreaterThan(0);
      expect(r.errors[0]!.path).toBe(path);
      expect(typeof r.errors[0]!.message).toBe('string');
    }
  });

  it('refuses oversized input', () => {
    const r = loadFile('huge.json', ' '.repeat(50 * 1024 * 1024 + 1));
    expect(r.errors[0]!.code).toBe('input_too_large');
  });
});
