/**
 * The installed CLI with its V8 code cache (packages/cli/src/code-cache.ts) end to end: runs with
 * an empty cache, concurrent first runs, a damaged entry and the cache turned off all give the same
 * answer; the cache holds one whole entry per command afterwards.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baseEnv, BIN, ensureBuilt, ROOT } from './scan-helpers.js';

ensureBuilt();
const home = mkdtempSync(join(tmpdir(), 'palisade-cli-cache-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));
const manifest = JSON.parse(readFileSync(join(ROOT, 'packages/cli/dist/command-manifest.json'), 'utf8')) as { commands: { spec: { name: string }; cjs?: string }[] };
const evalBundle = manifest.commands.find((c) => c.spec.name === 'eval')?.cjs;
const noBundle = evalBundle && existsSync(join(ROOT, 'packages/cli/dist', evalBundle)) ? undefined : 'no CommonJS bundle of eval (run pnpm build)';
if (noBundle) console.warn(`code-cache e2e skipped: ${noBundle}`);

function evalOnePlusOne(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, 'eval', '--format', 'raw', '1+1'], { cwd: home, env: baseEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d));
    p.stderr.on('data', (d: Buffer) => (stderr += d));
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.skipIf(noBundle)('palisade with its code cache', () => {
  const cacheHome = join(home, 'xdg');
  const entries = () => readdirSync(join(cacheHome, 'palisade', 'v8-code')).sort();

  it('concurrent first runs all answer, and leave one whole entry', async () => {
    const runs = await Promise.all([1, 2, 3].map(() => evalOnePlusOne({ XDG_CACHE_HOME: cacheHome })));
    for (const r of runs) expect(r, r.stderr).toEqual({ code: 0, stdout: '2\n', stderr: '' });
    expect(entries()).toEqual([expect.stringMatching(/^eval-[0-9a-f]{40}\.bin$/)]);
    expect(await evalOnePlusOne({ XDG_CACHE_HOME: cacheHome })).toEqual({ code: 0, stdout: '2\n', stderr: '' });
  });

  it('a damaged entry is ignored and replaced', async () => {
    const entry = join(cacheHome, 'palisade', 'v8-code', entries()[0]!);
    const bytes = readFileSync(entry);
    writeFileSync(entry, bytes.subarray(0, bytes.length >> 1));
    expect(await evalOnePlusOne({ XDG_CACHE_HOME: cacheHome })).toEqual({ code: 0, stdout: '2\n', stderr: '' });
    expect(readFileSync(entry).length).toBeGreaterThan(bytes.length >> 1);
  });

  it('PALISADE_NO_CACHE=1 writes nothing', async () => {
    const off = join(home, 'off');
    expect(await evalOnePlusOne({ XDG_CACHE_HOME: off, PALISADE_NO_CACHE: '1' })).toEqual({ code: 0, stdout: '2\n', stderr: '' });
    expect(existsSync(off)).toBe(false);
  });
});
