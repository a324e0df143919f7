import { describe, expect, it } from 'vitest';
import { scan } from '../scan.js';
import { stdlibBundle } from '../stdlib-files.js';
import { kustomizeRole, normalizePath } from './kustomize.js';
import { loadFiles } from './load.js';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

// A strategic-merge patch: a fragment that only sets what it changes.
const patch = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
`;

const files = [
  { path: 'base/kustomization.yaml', text: 'resources:\n  - deployment.yaml\n' },
  { path: 'base/deployment.yaml', text: deployment },
  {
    path: 'overlays/prod/kustomization.yaml',
    text: [
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      'resources: [../../base, https://github.com/x/y//z]',
      'patches:',
      '  - path: replicas.yaml',
      '  - patch: |-',
      '      - op: replace',
      '        path: /spec/replicas',
      '        value: 2',
      '    target: {kind: Deployment}',
      'patchesStrategicMerge:',
      '  - ./extra/../memory.yaml',
      'patchesJson6902:',
      '  - path: json6902.yaml',
      '    target: {kind: Deployment, name: web}',
      'transformers: [labels.yaml]',
      '',
    ].join('\n'),
  },
  { path: 'overlays/prod/replicas.yaml', text: patch },
  { path: 'overlays/prod/memory.yaml', text: patch.replace('replicas: 3', 'template:\n    spec:\n      containers:\n        - name: web\n          resources: {limits: {memory: 1Gi}}') },
  { path: 'overlays/prod/json6902.yaml', text: '- op: add\n  path: /spec/paused\n  value: true\n' },
  { path: 'overlays/prod/labels.yaml', text: 'apiVersion: builtin\nkind: LabelTransformer\nmetadata:\n  name: l\nlabels: {team: a}\nfieldSpecs: []\n' },
  { path: 'unrelated/deployment.yaml', text: patch },
];

describe('kustomize', () => {
  it('patches and configuration files are plain YAML; resources stay Kubernetes', () => {
    const { documents, errors } = loadFiles(files);
    expect(errors).toEqual([]);
    const byPath = new Map(documents.map((d) => [d.path, d]));
    expect(byPath.get('base/deployment.yaml')?.kind).toBe('kubernetes');
    expect(byPath.get('unrelated/deployment.yaml')?.kind).toBe('kubernetes');
    for (const p of ['overlays/prod/replicas.yaml', 'overlays/prod/memory.yaml', 'overlays/prod/json6902.yaml']) {
      expect(byPath.get(p)?.kind, p).toBe('yaml');
      expect(kustomizeRole(byPath.get(p)!), p).toBe('patch');
    }
    expect(kustomizeRole(byPath.get('overlays/prod/labels.yaml')!)).toBe('configuration');
    expect(byPath.get('overlays/prod/kustomization.yaml')?.kind).toBe('yaml');
    expect(kustomizeRole(byPath.get('overlays/prod/kustomization.yaml')!)).toBe('kustomization');
    expect(kustomizeRole(byPath.get('base/kustomization.yaml')!)).toBe('kustomization');
    expect(kustomizeRole(byPath.get('base/deployment.yaml')!)).toBeUndefined();
  });

  it('a file listed as a resource somewhere stays a resource', () => {
    const both = [
      { path: 'a/kustomization.yaml', text: 'patches:\n  - path: ../shared/web.yaml\n' },
      { path: 'b/kustomization.yml', text: 'resources:\n  - ../shared/web.yaml\n' },
      { path: 'shared/web.yaml', text: deployment },
    ];
    const { documents } = loadFiles(both);
    expect(documents.find((d) => d.path === 'shared/web.yaml')?.kind).toBe('kubernetes');
  });

  it('--parser forces the kind: no reclassification', () => {
    const { documents } = loadFiles(files, { parser: 'kubernetes' });
    expect(documents.find((d) => d.path === 'overlays/prod/replicas.yaml')?.kind).toBe('kubernetes');
  });

  it('no Kubernetes findings on patch files, the same ones on resources', () => {
    const { documents } = loadFiles(files);
    const sources = new Map(files.map((f) => [f.path, f.text]));
    const result = scan(documents, { sources, stdlibBundle: stdlibBundle() });
    expect(result.errors).toEqual([]);
    const paths = new Set(result.findings.map((f) => f.file));
    expect(paths.has('base/deployment.yaml')).toBe(true);
    expect(paths.has('unrelated/deployment.yaml')).toBe(true);
    for (const p of ['overlays/prod/replicas.yaml', 'overlays/prod/memory.yaml', 'overlays/prod/kustomization.yaml', 'overlays/prod/labels.yaml']) expect(paths.has(p), p).toBe(false);
  });

  it('normalizes relative references', () => {
    expect(normalizePath('overlays/prod/../../base/x.yaml')).toBe('base/x.yaml');
    expect(normalizePath('./a//b/./c.yaml')).toBe('a/b/c.yaml');
    expect(normalizePath('../x.yaml')).toBe('../x.yaml');
    expect(normalizePath('/r/a/../b.yaml')).toBe('/r/b.yaml');
    expect(normalizePath('a\\b\\c.yaml')).toBe('a/b/c.yaml');
  });
});
