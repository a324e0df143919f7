/**
 * Every stdlib check on inputs that trigger each of its branches more than once: the example
 * files (every input kind) with every list doubled (two of each container, port, volume, stage
 * command, report result…), every multi-line string repeated (two credential lines in one
 * ConfigMap value, KC-040's old conflict) and every compose service cloned. A complete rule or
 * function with two values is a conflict error that replaces the finding, so the scan must stay
 * free of errors and report at least what the originals report.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFiles, scan, type InputDocument } from '@palisade/stdlib';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function files(dir: string): { path: string; text: string }[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(`${dir}/${e.name}`) : [{ path: `${dir}/${e.name}`, text: readFileSync(join(ROOT, dir, e.name), 'utf8') }],
  );
}

/** A copy whose `name`-like strings differ, so doubled containers/services stay distinct. */
function variant(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(variant);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'name' && typeof x === 'string' ? `${x}-2` : variant(x)]));
  }
  return v;
}

/** Doubles every list and multi-line string, and clones compose services. */
function doubled(v: unknown, key = ''): unknown {
  if (Array.isArray(v)) {
    const once = v.map((x) => doubled(x));
    // Dockerfile commands keep their order (FROM first); other lists get a renamed copy appended.
    return key === 'Commands' ? once.flatMap((c) => [c, c]) : [...once, ...once.map(variant)];
  }
  // A multi-line string (a config file in a ConfigMap, a script) gets a second copy whose
  // `key=value` / `key: value` keys are renamed, so each setting occurs twice under two names.
  if (typeof v === 'string') return v.includes('\n') ? `${v}\n${v.replace(/^(\s*[\w.-]+)(\s*[=:])/gm, '$1_2$2')}` : v;
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = doubled(x, k);
  if (key === 'services' && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) out[`${k}-copy`] = variant(doubled(x));
  return out;
}

describe('stdlib checks on inputs that trigger each branch more than once', () => {
  // Plus a ConfigMap whose value holds one credential line (two once doubled: KC-040's case).
  const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app, namespace: shop}\ndata:\n  app.properties: |\n    server.port=8080\n    db.password=hunter2\n';
  const inputs = [...files('examples').filter((f) => !f.path.startsWith('examples/embed')), { path: 'configmap.yaml', text: configMap }];
  const loaded = loadFiles(inputs);
  const sources = new Map(inputs.map((f) => [f.path, f.text]));

  it('loads every input kind of the examples', () => {
    expect(loaded.errors).toEqual([]);
    expect(new Set(loaded.documents.map((d) => d.kind))).toEqual(new Set(['dockerfile', 'dockerignore', 'kubernetes', 'compose', 'docker-inspect', 'trivy', 'grype']));
  });

  it('no check conflicts or errors, and no finding disappears', () => {
    const twice: InputDocument[] = loaded.documents.map((d) => ({ ...d, value: doubled(d.value) }));
    const base = scan(loaded.documents, { sources, profile: 'all' });
    const result = scan(twice, { sources, profile: 'all' });
    expect(base.errors).toEqual([]);
    expect(result.errors.map((e) => `${e.path}: ${e.code}: ${e.message}`)).toEqual([]);
    const ids = (r: typeof base) => new Set(r.findings.map((f) => `${f.file} ${f.policyId}`));
    const missing = [...ids(base)].filter((k) => !ids(result).has(k));
    expect(missing).toEqual([]);
    expect(result.findings.length).toBeGreaterThan(base.findings.length);
  }, 120_000);
});
