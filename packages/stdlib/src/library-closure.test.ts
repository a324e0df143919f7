import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModule, type Module } from '@palisade/engine';
import { librariesToCompile, libraryReferences, reachableLibraries } from './library-closure.js';
import { loadFiles } from './loaders/index.js';
import { STDLIB_ROOT } from './policies.js';
import { createScanner } from './scan.js';
import { stdlibBundle } from './stdlib-files.js';

const mod = (source: string, file = 'm.rego'): Module => {
  const r = parseModule(file, source);
  expect(r.errors).toEqual([]);
  return r.module!;
};
const refs = (body: string) => libraryReferences(mod(`package p\nimport rego.v1\n${body}\n`));

describe('libraryReferences', () => {
  it('finds libraries named by imports and by refs anywhere in a rule', () => {
    expect(refs('import data.palisade.lib.docker\nr if docker.x')).toEqual(new Set(['docker']));
    expect(refs('r if { some c in data.palisade.lib.kubernetes.containers; c.x }')).toEqual(new Set(['kubernetes']));
    expect(refs('r := [y | y := data.palisade.lib.shell.segments[_]]')).toEqual(new Set(['shell']));
    expect(refs('r if { input.x with data.palisade.lib.config.limit as 1 }')).toEqual(new Set(['config']));
    expect(refs('r if { data.inventory.x; data.palisade.config.y }')).toEqual(new Set());
  });

  it('answers "all" when a library could be reached by a computed name', () => {
    expect(refs('r if data.palisade.lib[x].y')).toBe('all');
    expect(refs('r if data.palisade[x]')).toBe('all');
    expect(refs('r := data.palisade')).toBe('all');
    expect(refs('import data.palisade.lib\nr if lib.docker.x')).toBe('all');
    expect(refs('r := count(data)')).toBe('all');
    expect(refs('r if data[x]')).toBe('all');
  });
});

describe('reachableLibraries', () => {
  const libs = new Map([
    ['lib/a.rego', mod('package palisade.lib.a\nimport data.palisade.lib.b\nx := b.y', 'lib/a.rego')],
    ['lib/b.rego', mod('package palisade.lib.b\ny := 1', 'lib/b.rego')],
    ['lib/b2.rego', mod('package palisade.lib.b\nz := 2', 'lib/b2.rego')],
    ['lib/c.rego', mod('package palisade.lib.c\nw := 3', 'lib/c.rego')],
  ]);

  it('follows references between libraries, keeping every file of a reached package', () => {
    expect(reachableLibraries([mod('package p\nr := data.palisade.lib.a.x')], libs)).toEqual(new Set(['lib/a.rego', 'lib/b.rego', 'lib/b2.rego']));
    expect(reachableLibraries([mod('package p\nr := 1')], libs)).toEqual(new Set());
  });

  it('keeps every library for a computed reference or a library outside palisade.lib', () => {
    expect(reachableLibraries([mod('package p\nr := data.palisade.lib[x]')], libs)).toBeUndefined();
    expect(reachableLibraries([mod('package p\nr := 1')], new Map([...libs, ['lib/d.rego', mod('package other\nv := 1', 'lib/d.rego')]]))).toBeUndefined();
  });
});

function examples(): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push({ path: p, text: readFileSync(p, 'utf8') });
    }
  };
  walk(join(STDLIB_ROOT, '..', '..', 'examples'));
  return out;
}

describe('the stdlib compiled with only the libraries its kept policies reach', () => {
  const bundle = stdlibBundle();
  const { documents } = loadFiles(examples());
  const kinds = [...new Set(documents.map((d) => d.kind))].sort();

  it('leaves out the libraries a Dockerfile scan cannot reach', () => {
    const kept = bundle.policies.filter((p) => p.file.startsWith('policies/lib/') || p.file.startsWith('policies/dockerfile/'));
    const parsed = new Map(kept.map((p) => [p.file, bundle.parsed!(p, `@palisade/stdlib/${p.file}`)]));
    const libs = librariesToCompile(kept, parsed)!;
    expect(libs).toContain('policies/lib/docker.rego');
    expect(libs).not.toContain('policies/lib/kubernetes.rego');
    expect(libs).not.toContain('policies/lib/cluster.rego');
  });

  // Without the build's parses (no `parsed`), every library is compiled: the reference answer.
  it.each(kinds)('finds the same in the examples of kind %s as with every library', (kind) => {
    const docs = documents.filter((d) => d.kind === kind);
    const pruned = createScanner({ stdlibBundle: bundle, profile: 'all', documentKinds: [kind] });
    const full = createScanner({ stdlibBundle: { policies: bundle.policies, data: bundle.data }, profile: 'all', documentKinds: [kind] });
    expect(pruned.errors).toEqual([]);
    expect(pruned.scanner!.policies).toEqual(full.scanner!.policies);
    expect(pruned.scanner!.scan(docs)).toEqual(full.scanner!.scan(docs));
  });
});
