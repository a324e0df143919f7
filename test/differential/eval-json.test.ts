/** `palisade eval --format json` prints exactly what OPA prints (fixtures captured from ../shared/bin/opa). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, palisade } from '../cli/toolchain-helpers.js';
import { INPUT, POLICY, QUERIES } from './eval-json/cases.js';

const fixture = JSON.parse(readFileSync(fileURLToPath(new URL('./eval-json/fixtures.json', import.meta.url)), 'utf8')) as { cases: { query: string; stdout: string }[] };
const dir = mkdtempSync(join(tmpdir(), 'palisade-eval-json-'));
beforeAll(() => {
  ensureBuilt();
  writeFileSync(join(dir, 'p.rego'), POLICY);
  writeFileSync(join(dir, 'input.json'), INPUT);
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('eval --format json is OPA-shaped', () => {
  it('fixture covers the listed queries (re-run capture.ts after editing cases.ts)', () => {
    expect(fixture.cases.map((c) => c.query)).toEqual(QUERIES);
  });
  it.each(fixture.cases.map((c) => [c.query, c.stdout] as const))('%s', (query, stdout) => {
    const r = palisade(['eval', '--format', 'json', '-d', 'p.rego', '-i', 'input.json', query], { cwd: dir });
    expect(r.stdout).toBe(stdout);
    expect(r.code).toBe(JSON.parse(stdout).errors ? 2 : 0);
  });
});
