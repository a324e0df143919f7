/**
 * The generated policy bundle (packages/stdlib/src/generated/policy-bundle.ts) is up to date with
 * policies/ and data/, and the browser entry offers the Node entry's API over it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM script without type declarations
import { BUNDLE_PATH, renderBundle } from '../../packages/stdlib/scripts/gen-bundle.mjs';
import * as node from '../../packages/stdlib/src/index.js';
import * as browser from '../../packages/stdlib/src/browser.js';

/** Node-entry exports that read the package's files and have no browser counterpart. */
const NODE_ONLY = ['STDLIB_ROOT', 'stdlibData', 'stdlibPolicySources'];

describe('policy bundle', () => {
  it('matches policies/ and data/ (run `node packages/stdlib/scripts/gen-bundle.mjs` or `pnpm build`)', () => {
    const current = readFileSync(BUNDLE_PATH as string, 'utf8');
    expect(current.split('\n')[0]).toMatch(/^\/\/ GENERATED FILE — do not edit\./);
    expect(current === (renderBundle() as string), 'policy-bundle.ts drifted from the policy sources').toBe(true);
  });

  it('holds exactly what the Node entry reads from the file system (no tests)', () => {
    const bundled = browser.stdlibBundle();
    expect(bundled.policies).toEqual(node.stdlibPolicySources());
    expect(bundled.data).toEqual(node.stdlibData());
    expect(bundled.policies.some((p) => p.file.endsWith('_test.rego'))).toBe(false);
    expect(bundled.policies.length).toBeGreaterThan(10);
  });
});

describe('browser entry', () => {
  it('exports every value of the Node entry except the file-based ones', () => {
    const missing = Object.keys(node).filter((k) => !NODE_ONLY.includes(k) && !(k in browser));
    expect(missing).toEqual([]);
    for (const k of NODE_ONLY) expect(k in browser, k).toBe(false);
  });

  it('lists the same policies with metadata as the Node entry', () => {
    const fromBundle = browser.listPolicies();
    expect(fromBundle).toEqual(node.listPolicies());
    const ids = fromBundle.map((p) => p.metadata?.id).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    expect(fromBundle.every((p) => p.stdlib && p.rules.length > 0)).toBe(true);
  });

  it('describes user policies next to (or instead of) the stdlib', () => {
    const user = { file: 'mine.rego', source: 'package main\n\ndeny contains "no" if input.bad\n' };
    expect(browser.listPolicies({ policies: [user], stdlib: false })).toEqual([
      { namespace: 'main', files: ['mine.rego'], stdlib: false, metadata: undefined, rules: [{ name: 'deny', kind: 'deny' }], hasException: false, definitions: 1 },
    ]);
    expect(browser.listPolicies({ policies: [user] }).length).toBe(node.listPolicies().length + 1);
  });

  it('creates a stdlib engine from the bundle that compiles and evaluates', () => {
    const { engine, errors } = browser.createStdlibEngine();
    expect(errors).toEqual([]);
    expect(engine.compile()).toEqual([]);
    const { documents } = browser.loadDocuments([{ path: 'Dockerfile', content: 'FROM alpine:latest\nUSER root\n' }]);
    let results = 0;
    for (const policy of browser.listPolicies().filter((p) => p.metadata?.inputKinds?.includes('dockerfile'))) {
      for (const rule of policy.rules) {
        const { query, errors: prepareErrors } = engine.prepare(`x := data.${policy.namespace}.${rule.name}`);
        expect(prepareErrors).toEqual([]);
        const x = query!.evaluate(documents[0]!.value).rows[0]?.['x'] as { size?: number } | undefined;
        results += x?.size ?? 0;
      }
    }
    expect(results, 'stdlib Dockerfile policies report the latest tag and the root user').toBeGreaterThan(1);
  });
});
