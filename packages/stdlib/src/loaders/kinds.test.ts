import { describe, expect, it } from 'vitest';
import { loadCompose } from './compose.js';
import { loadDockerInspect } from './docker-inspect.js';
import { loadGrype } from './grype.js';
import { loadJson } from './json.js';
import { helmSource, loadKubernetes } from './kubernetes.js';
import { loadTrivy } from './trivy.js';
import { loadYaml } from './yaml.js';

describe('kubernetes loader', () => {
  it('one document per resource, typed lists expanded', () => {
    const text = [
      'apiVersion: v1',
      'kind: PodList',
      'items:',
      '  - apiVersion: v1',
      '    kind: Pod',
      '    metadata: {name: a}',
      '  - apiVersion: v1',
      '    kind: Pod',
      '    metadata: {name: b}',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata: {name: s}',
    ].join('\n');
    const r = loadKubernetes('k.yaml', text);
    expect(r.errors).toEqual([]);
    expect(r.documents.map((d) => [d.index, (d.value as { metadata: { name: string } }).metadata.name, d.range.startLine])).toEqual([
      [0, 'a', 4],
      [1, 'b', 7],
      [2, 's', 11],
    ]);
    expect(r.documents[1]!.sourceMap.rangeOfPath(['metadata', 'name'])).toEqual({ startLine: 9, endLine: 9 });
    expect(r.documents[1]!.sourceMap.rangeOfPath([])).toEqual({ startLine: 7, endLine: 9 });
  });

  it('kubectl JSON output (List) loads the same way', () => {
    const text = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x' } }] }, null, 2);
    const r = loadKubernetes('k.json', text);
    expect(r.documents.map((d) => [d.kind, (d.value as { kind: string }).kind])).toEqual([['kubernetes', 'Namespace']]);
  });

  it('non-resource documents stay available as plain YAML', () => {
    const r = loadKubernetes('k.yaml', 'apiVersion: v1\nkind: ConfigMap\n---\nsome: values\n');
    expect(r.documents.map((d) => d.kind)).toEqual(['kubernetes', 'yaml']);
  });

  it('Helm # Source comments are recorded', () => {
    const r = loadKubernetes('out.yaml', '---\n# Source: app/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\n');
    expect(helmSource(r.documents[0]!)).toBe('app/templates/cm.yaml');
  });

  it('malformed YAML gives an error with a position and keeps the good documents', () => {
    const r = loadKubernetes('k.yaml', 'apiVersion: v1\nkind: Pod\n---\napiVersion: v1\nkind: [Pod\n');
    expect(r.documents).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ path: 'k.yaml', code: 'syntax_error' });
    expect(r.errors[0]!.line).toBeGreaterThanOrEqual(5);
  });

  it('List items that are not objects are reported', () => {
    const r = loadKubernetes('k.yaml', 'apiVersion: v1\nkind: List\nitems:\n  - 42\n');
    expect(r.documents).toEqual([]);
    expect(r.errors[0]).toMatchObject({ code: 'invalid_document', line: 4 });
  });
});

describe('compose loader', () => {
  it('loads services with anchors and merge keys', () => {
    const r = loadCompose('compose.yaml', 'x-base: &base\n  restart: always\nservices:\n  web:\n    <<: *base\n    image: nginx\n');
    expect(r.documents[0]!.value).toEqual({ 'x-base': { restart: 'always' }, services: { web: { restart: 'always', image: 'nginx' } } });
  });

  it('malformed compose files give errors', () => {
    expect(loadCompose('compose.yaml', '- a\n- b\n').errors[0]).toMatchObject({ code: 'invalid_document', line: 1 });
    expect(loadCompose('compose.yaml', 'services: [web]\n').errors[0]).toMatchObject({ code: 'invalid_document', line: 1 });
    expect(loadCompose('compose.yaml', 'services:\n  web:\n    image: "unterminated\n').errors[0]!.code).toBe('syntax_error');
  });

  it('a legacy (version 1) file, services at the top level, is reported as unsupported, not passed unchecked', () => {
    const r = loadCompose('docker-compose.yml', '# v1\nweb:\n  image: nginx:latest\n  privileged: true\ndb:\n  image: postgres\n');
    expect(r.documents).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ path: 'docker-compose.yml', code: 'unsupported_schema_version', line: 2, column: 1 });
    expect(r.errors[0]!.message).toContain('legacy compose file format (version 1: services at the top level, here web, db) is not supported');
    expect(r.errors[0]!.message).toContain('move the services under a `services:` key');
    // Files of the current format without services (only networks or volumes, extensions) still load.
    for (const text of ['volumes:\n  data: {}\n', 'x-common:\n  restart: always\nnetworks:\n  front: {}\n', 'services: {}\nweb:\n  image: x\n']) {
      expect(loadCompose('compose.yaml', text), text).toMatchObject({ errors: [], documents: [{ kind: 'compose' }] });
    }
  });
});

describe('docker inspect loader', () => {
  const text = JSON.stringify(
    [
      { Id: 'c1', Config: { User: '' }, HostConfig: { Privileged: true } },
      { Id: 'c2', Config: { User: '1000' }, HostConfig: { Privileged: false } },
    ],
    null,
    2,
  );
  it('one document per object with relative source maps', () => {
    const r = loadDockerInspect('inspect.json', text);
    expect(r.documents.map((d) => (d.value as { Id: string }).Id)).toEqual(['c1', 'c2']);
    const line = text.split('\n').findIndex((l) => l.includes('"Privileged": false')) + 1;
    expect(r.documents[1]!.sourceMap.rangeOfPath(['HostConfig', 'Privileged'])).toEqual({ startLine: line, endLine: line });
  });

  it('a single object is accepted; malformed input is an error', () => {
    expect(loadDockerInspect('i.json', '{"Id": "x", "Config": {}}').documents).toHaveLength(1);
    expect(loadDockerInspect('i.json', '[1]').errors[0]).toMatchObject({ code: 'invalid_document' });
    expect(loadDockerInspect('i.json', '[{"Id": }]').errors[0]).toMatchObject({ code: 'syntax_error', line: 1, column: 9 });
  });
});

describe('scan report loaders', () => {
  it('Trivy: SchemaVersion 2 required', () => {
    expect(loadTrivy('t.json', '{"SchemaVersion": 2, "Results": []}').documents[0]!.kind).toBe('trivy');
    expect(loadTrivy('t.json', '{"SchemaVersion": 1, "Results": []}').errors[0]).toMatchObject({ code: 'unsupported_schema_version', line: 1 });
    expect(loadTrivy('t.json', '{"SchemaVersion": 2,\n "Results": {}}').errors[0]).toMatchObject({ code: 'invalid_document', line: 2 });
    expect(loadTrivy('t.json', '{"SchemaVersion": 2,').errors[0]!.code).toBe('syntax_error');
  });

  it('Grype: matches array required', () => {
    expect(loadGrype('g.json', '{"matches": [], "descriptor": {"name": "grype"}}').documents[0]!.kind).toBe('grype');
    expect(loadGrype('g.json', '{"matches": null}').errors[0]).toMatchObject({ code: 'invalid_document' });
    expect(loadGrype('g.json', '[]').errors[0]).toMatchObject({ code: 'invalid_document' });
    expect(loadGrype('g.json', '{"matches": [,]}').errors[0]).toMatchObject({ code: 'syntax_error', line: 1, column: 14 });
  });
});

describe('plain loaders', () => {
  it('JSON and YAML', () => {
    expect(loadJson('a.json', '{"a": 1}').documents[0]).toMatchObject({ kind: 'json', value: { a: 1 }, index: 0 });
    expect(loadYaml('a.yaml', 'a: 1\n---\nb: 2\n').documents.map((d) => [d.kind, d.index])).toEqual([
      ['yaml', 0],
      ['yaml', 1],
    ]);
    expect(loadJson('a.json', '{').errors[0]!.code).toBe('syntax_error');
    expect(loadYaml('a.yaml', 'a: [').errors[0]!.code).toBe('syntax_error');
  });
});
