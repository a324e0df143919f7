/**
 * Data files in a `-d` directory go where OPA's loader puts them: under their directory's path
 * relative to the directory given (`-d policy/` with `policy/k8s/data.json` → `data.k8s`); a data
 * file named directly goes at the root. Checked against the reference OPA for eval, and for the
 * other readers of `-d` (test, scan) by behaviour.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureBuilt, palisade, ROOT } from './scan-helpers.js';

ensureBuilt();
const OPA = join(ROOT, '../shared/bin/opa');
const noOpa = existsSync(OPA) ? undefined : `${OPA} is absent`;
if (noOpa) console.warn(`data-paths.test: OPA comparison skipped, ${noOpa}`);

const work = mkdtempSync(join(tmpdir(), 'palisade-datapaths-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const files: Record<string, string> = {
  'pol/top.json': '{"z": 3}',
  'pol/a/b/foo.json': '{"x": 1}',
  'pol/a/b/more.yaml': 'w: 4\n',
  'pol/k8s/data.json': '{"team": "platform"}',
  'pol/k8s/deny.rego': 'package k8s\n\ndeny contains msg if {\n\tinput.kind == "Pod"\n\tmsg := sprintf("pods are owned by %s", [data.k8s.team])\n}\n',
  'pol/k8s/deny_test.rego': 'package k8s_test\n\nimport data.k8s\n\ntest_team if k8s.deny == {"pods are owned by platform"} with input as {"kind": "Pod"}\n',
  'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: []\n',
};
for (const [name, text] of Object.entries(files)) {
  mkdirSync(join(work, name, '..'), { recursive: true });
  writeFileSync(join(work, name), text);
}

function values(args: string[]): unknown {
  const r = palisade(['eval', ...args, '--format', 'values'], { cwd: work });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as unknown;
}

describe('-d data paths', () => {
  it('eval places each data file at its directory path, as OPA does', () => {
    const mine = values(['-d', 'pol', 'data.a.b']);
    expect(mine).toEqual({ x: 1, w: 4 });
    expect(values(['-d', 'pol', 'data.z'])).toBe(3);
    expect(values(['-d', 'pol/a/b/foo.json', 'data.x'])).toBe(1);
    if (noOpa) return;
    for (const [d, q] of [
      ['pol', 'data.a'],
      ['pol', 'data.k8s.team'],
      ['pol', 'data.z'],
      ['pol/a', 'data.b'],
      ['pol/a/b/foo.json', 'data.x'],
    ] as const) {
      const opa = spawnSync(OPA, ['eval', '-d', d, '--format', 'raw', q], { cwd: work, encoding: 'utf8' });
      expect(opa.status, opa.stderr).toBe(0);
      expect(values(['-d', d, q]), `${d} ${q}`).toEqual(JSON.parse(opa.stdout));
    }
  });

  it('test and scan read -d directories the same way', () => {
    const t = palisade(['test', 'pol'], { cwd: work });
    expect(t.code, t.stdout + t.stderr).toBe(0);
    const s = palisade(['scan', '-p', 'pol', '-d', 'pol', '-n', 'k8s', '--no-color', 'pod.yaml'], { cwd: work });
    expect(s.stdout + s.stderr).toContain('pods are owned by platform');
  });
});
