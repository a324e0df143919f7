import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dockerfileConftestInput } from './dockerfile.js';
import { helmSource } from './kubernetes.js';
import { loadFile } from './load.js';

const root = fileURLToPath(new URL('../../../../examples/', import.meta.url));
const read = (p: string) => ({ path: `examples/${p}`, text: readFileSync(join(root, p), 'utf8') });
const get = (v: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((acc, k) => (acc as Record<string | number, unknown> | undefined)?.[k], v);

describe('examples/ load with the expected kinds', () => {
  it('every example loads without errors', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
        const rel = dir ? `${dir}/${e.name}` : e.name;
        // examples/embed is a library-usage example (a Node project), not scan input.
        if (!e.isDirectory()) files.push(rel);
        else if (rel !== 'embed') walk(rel);
      }
    };
    expect(existsSync(root)).toBe(true);
    walk('');
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const { path, text } = read(f);
      const r = loadFile(path, text);
      expect(r.errors, f).toEqual([]);
      expect(r.documents.length, f).toBeGreaterThan(0);
    }
  });

  it('Dockerfile.bad: root, latest, secrets in ENV, two CMDs', () => {
    const { path, text } = read('dockerfiles/Dockerfile.bad');
    const [doc] = loadFile(path, text).documents;
    expect(doc!.kind).toBe('dockerfile');
    const cmds = get(doc!.value, 'Stages', 0, 'Commands') as { Cmd: string; Value: string[]; StartLine: number }[];
    expect(cmds[0]).toMatchObject({ Cmd: 'from', Value: ['ubuntu:latest'], StartLine: 1 });
    expect(cmds.some((c) => c.Cmd === 'user')).toBe(false);
    const env = cmds.filter((c) => c.Cmd === 'env').map((c) => c.Value[0]);
    expect(env).toEqual(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']);
    expect(cmds.filter((c) => c.Cmd === 'cmd')).toHaveLength(2);
    const conftest = dockerfileConftestInput(doc!);
    expect(conftest.find((c) => c.Cmd === 'comment')?.Value).toEqual(['Build-time credentials baked into the image (do not do this)']);
  });

  it('Dockerfile.multistage: global ARG stage, --platform kept in Name, stage indices', () => {
    const { path, text } = read('dockerfiles/Dockerfile.multistage');
    const v = loadFile(path, text).documents[0]!.value as { Stages: { Name: string; Commands: { Stage: number; Cmd: string; Flags: string[] }[] }[] };
    expect(v.Stages.map((s) => s.Name)).toEqual([
      '',
      '--platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS build',
      'build AS test',
      '${DISTROLESS} AS runtime',
    ]);
    expect(v.Stages.map((s) => s.Commands[0]!.Stage)).toEqual([0, 0, 1, 2]);
    expect(v.Stages[1]!.Commands[0]!.Flags).toEqual(['--platform=$BUILDPLATFORM']);
  });

  it('deployment-bad.yaml exposes the risky fields with their lines', () => {
    const { path, text } = read('kubernetes/deployment-bad.yaml');
    const [doc] = loadFile(path, text).documents;
    expect(doc!.kind).toBe('kubernetes');
    const spec = get(doc!.value, 'spec', 'template', 'spec');
    expect(get(spec, 'hostNetwork')).toBe(true);
    expect(get(spec, 'containers', 0, 'securityContext', 'privileged')).toBe(true);
    const p = ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'privileged'];
    expect(doc!.sourceMap.rangeOfPath(p)).toEqual({ startLine: 30, endLine: 30 });
    expect(text.split('\n')[29]).toContain('privileged: true');
    const container = get(spec, 'containers', 1);
    expect(doc!.sourceMap.pathOfValue(container)).toEqual(['spec', 'template', 'spec', 'containers', 1]);
    expect(doc!.sourceMap.rangeOfValue(container)).toEqual({ startLine: 38, endLine: 40 });
  });

  it('helm-rendered.yaml: one document per resource, YAML 1.1 booleans, # Source kept', () => {
    const { path, text } = read('kubernetes/helm-rendered.yaml');
    const docs = loadFile(path, text).documents;
    expect(docs.map((d) => get(d.value, 'kind'))).toEqual(['ServiceAccount', 'Service', 'Pod']);
    expect(docs.map((d) => helmSource(d))).toEqual([
      'orders/templates/serviceaccount.yaml',
      'orders/templates/service.yaml',
      'orders/templates/pod.yaml',
    ]);
    expect(get(docs[2]!.value, 'spec', 'hostIPC')).toBe(true);
    expect(get(docs[2]!.value, 'spec', 'containers', 0, 'securityContext', 'privileged')).toBe(true);
    expect(docs[2]!.range.startLine).toBe(26);
  });

  it('list.yaml: List items become separate documents with relative source maps', () => {
    const { path, text } = read('kubernetes/list.yaml');
    const docs = loadFile(path, text).documents;
    expect(docs.map((d) => [d.kind, get(d.value, 'kind'), d.index])).toEqual([
      ['kubernetes', 'Pod', 0],
      ['kubernetes', 'ConfigMap', 1],
    ]);
    expect(docs[1]!.sourceMap.rangeOfPath(['data', 'DATABASE_URL'])).toEqual({ startLine: 22, endLine: 22 });
    expect(docs[1]!.sourceMap.pathOfValue(get(docs[1]!.value, 'data'))).toEqual(['data']);
    expect(docs[0]!.sourceMap.pathOfValue(get(docs[1]!.value, 'data'))).toBeUndefined();
  });

  it('docker-compose.yaml: merge keys applied, explicit keys kept', () => {
    const { path, text } = read('compose/docker-compose.yaml');
    const [doc] = loadFile(path, text).documents;
    expect(doc!.kind).toBe('compose');
    const api = get(doc!.value, 'services', 'api');
    expect(get(api, 'read_only')).toBe(true);
    expect(get(api, 'cap_drop')).toEqual(['ALL']);
    expect(get(api, 'image')).toBe('registry.example.com/shop/orders-api:1.8.2');
    expect(get(doc!.value, 'services', 'admin', 'privileged')).toBe(true);
    // A merged value points at the anchor's lines.
    expect(doc!.sourceMap.rangeOfPath(['services', 'api', 'read_only'])).toEqual({ startLine: 3, endLine: 3 });
  });

  it('reports and inspect output are detected by content', () => {
    const kinds = ['reports/trivy.json', 'reports/grype.json', 'inspect/container.json'].map((f) => {
      const { path, text } = read(f);
      return loadFile(path, text).documents.map((d) => d.kind);
    });
    expect(kinds).toEqual([['trivy'], ['grype'], ['docker-inspect']]);
  });

  it('.dockerignore: good one excludes secrets, bad one does not', () => {
    const good = loadFile('examples/dockerfiles/.dockerignore', read('dockerfiles/.dockerignore').text).documents[0]!;
    const bad = loadFile('examples/dockerfiles/bad.dockerignore', read('dockerfiles/bad.dockerignore').text).documents[0]!;
    expect(good.kind).toBe('dockerignore');
    for (const probe of ['.env', '*.pem', '*.key', 'secrets/', '.git/']) {
      expect(get(good.value, 'excluded', probe), probe).toBe(true);
      expect(get(bad.value, 'excluded', probe), probe).toBe(false);
    }
    expect(get(good.value, 'excludedNested', '*.pem')).toBe(true);
  });
});
