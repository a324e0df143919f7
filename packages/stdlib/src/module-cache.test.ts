import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAnnotationSet, parseMetadataBlocks, parseModule } from '@palisade/engine';
import { loadFiles } from './loaders/index.js';
import { encodeModuleCache, moduleCacheLookup } from './module-cache.js';
import { STDLIB_ROOT, stdlibPolicySources } from './policies.js';
import { createScanner } from './scan.js';
import { stdlibBundle } from './stdlib-files.js';

const PREFIX = '@palisade/stdlib/';

function cacheRoot(content: string | Buffer): string {
  const root = mkdtempSync(join(tmpdir(), 'palisade-module-cache-'));
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'dist', 'policy-modules.ndjson'), content);
  return root;
}

describe('module cache lookup', () => {
  const a = { file: 'policies/a.rego', source: 'package a\np := 1\n' };
  const b = { file: 'policies/b.rego', source: 'package b\nq := 2\n' };
  // b has no entry (as for a file that failed to parse at build time); é checks byte offsets.
  const c = { file: 'policies/c.rego', source: 'package c\n# é\nr := 1\n' };
  const lookup = moduleCacheLookup(
    cacheRoot(encodeModuleCache([a, c].map((p) => ({ file: p.file, module: parseModule(PREFIX + p.file, p.source).module! })))),
  );

  it('returns the parsed module when file name and source match', () => {
    expect(lookup(a, PREFIX + a.file)).toStrictEqual(parseModule(PREFIX + a.file, a.source).module);
    expect(lookup(c, PREFIX + c.file)).toStrictEqual(parseModule(PREFIX + c.file, c.source).module);
  });

  it('returns nothing for an edited source, another file name, a file without entry or an unknown file', () => {
    expect(lookup({ ...a, source: a.source + 'r := 3\n' }, PREFIX + a.file)).toBeUndefined();
    expect(lookup(a, a.file)).toBeUndefined();
    expect(lookup(b, PREFIX + b.file)).toBeUndefined();
    expect(lookup({ file: 'policies/d.rego', source: '' }, PREFIX + 'policies/d.rego')).toBeUndefined();
  });

  it("hands the engine a module's parsed METADATA blocks with it", () => {
    const m = { file: 'policies/m.rego', source: '# METADATA\n# title: parsed\npackage m\n' };
    const module = parseModule(PREFIX + m.file, m.source).module!;
    const [block] = parseMetadataBlocks(module)!;
    // A title the YAML does not say shows that the cached block, not a new parse, is used.
    const metadata = [{ ...block, fields: { ...block.fields, title: 'from the cache' } }];
    const found = moduleCacheLookup(cacheRoot(encodeModuleCache([{ file: m.file, module, metadata }])))(m, PREFIX + m.file)!;
    expect(found).toStrictEqual(module);
    expect(buildAnnotationSet([found]).entries.map((e) => e.fields.title)).toEqual(['from the cache']);
    const plain = moduleCacheLookup(cacheRoot(encodeModuleCache([{ file: m.file, module }])))(m, PREFIX + m.file)!;
    expect(buildAnnotationSet([plain]).entries.map((e) => e.fields.title)).toEqual(['parsed']);
  });

  it('writes the locations in the module file compactly and reads them back as locations', () => {
    const bytes = encodeModuleCache([a].map((p) => ({ file: p.file, module: parseModule(PREFIX + p.file, p.source).module! })));
    const line = bytes.toString('utf8').split('\n')[1]!;
    expect(line).not.toContain('"endOffset"');
    expect(line).toContain('"loc":[1,1,');
    expect(moduleCacheLookup(cacheRoot(bytes))(a, PREFIX + a.file)).toStrictEqual(parseModule(PREFIX + a.file, a.source).module);
  });

  it('treats a missing or damaged cache as empty', () => {
    expect(moduleCacheLookup(mkdtempSync(join(tmpdir(), 'palisade-no-cache-')))(a, PREFIX + a.file)).toBeUndefined();
    expect(moduleCacheLookup(cacheRoot('{not json\n'))(a, PREFIX + a.file)).toBeUndefined();
    expect(moduleCacheLookup(cacheRoot(`${JSON.stringify([[a.file, 0, 10]])}\n{"broken":\n`))(a, PREFIX + a.file)).toBeUndefined();
    expect(moduleCacheLookup(cacheRoot(`${JSON.stringify([[a.file, 0, 10]])}`))(a, PREFIX + a.file)).toBeUndefined();
  });
});

describe("the build's cache of the stdlib (pnpm build writes dist/policy-modules.ndjson)", () => {
  it('holds, for every stdlib policy, exactly what parsing its source gives', () => {
    const text = readFileSync(join(STDLIB_ROOT, 'dist', 'policy-modules.ndjson'), 'utf8');
    const lookup = moduleCacheLookup(STDLIB_ROOT);
    const sources = stdlibPolicySources();
    expect((JSON.parse(text.slice(0, text.indexOf('\n'))) as [string][]).map((e) => e[0])).toEqual(sources.map((p) => p.file));
    for (const p of sources) {
      const cached = lookup(p, PREFIX + p.file);
      expect(cached, p.file).toBeDefined();
      expect(cached).toStrictEqual(parseModule(PREFIX + p.file, p.source).module);
    }
  });

  it('holds the parsed METADATA blocks of every policy, as parsing them gives', () => {
    const text = readFileSync(join(STDLIB_ROOT, 'dist', 'policy-modules.ndjson'), 'utf8');
    const lines = text.split('\n').slice(1).filter(Boolean).map((l) => JSON.parse(l) as { metadata?: unknown[] });
    const lookup = moduleCacheLookup(STDLIB_ROOT);
    const entries = (m: Parameters<typeof buildAnnotationSet>[0]) => buildAnnotationSet(m).entries.map(({ target: _t, ...e }) => e);
    let withBlocks = 0;
    for (const [i, p] of stdlibPolicySources().entries()) {
      const parsed = parseModule(PREFIX + p.file, p.source).module!;
      expect(lines[i]!.metadata?.length, p.file).toBe(parseMetadataBlocks(parsed)!.length);
      expect(entries([lookup(p, PREFIX + p.file)!]), p.file).toEqual(entries([parsed]));
      if (lines[i]!.metadata!.length) withBlocks++;
    }
    // Nearly every policy documents itself in METADATA (docs/policies/authoring.md).
    expect(withBlocks).toBeGreaterThan(lines.length / 2);
  });

  it('gives the scanner the same policies and findings as parsing', () => {
    const bundle = stdlibBundle();
    let used = 0;
    const counting = { ...bundle, parsed: (p: (typeof bundle.policies)[number], file: string) => (used++, bundle.parsed!(p, file)) };
    const withCache = createScanner({ stdlibBundle: counting, profile: 'all' }).scanner!;
    const without = createScanner({ stdlibBundle: { policies: bundle.policies, data: bundle.data }, profile: 'all' }).scanner!;
    expect(used).toBe(bundle.policies.length);
    expect(withCache.policies).toEqual(without.policies);
    const { documents } = loadFiles([
      { path: 'Dockerfile', text: 'FROM ubuntu\nUSER root\n' },
      { path: 'pod.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: nginx\n' },
    ]);
    const found = withCache.scan(documents);
    expect(found.findings.length).toBeGreaterThan(10);
    expect(found).toEqual(without.scan(documents));
  });
});
