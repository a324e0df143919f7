import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { codeCacheDir, loadCommonJs } from './code-cache.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function scratch(): { bundle: string; cache: string } {
  const d = mkdtempSync(join(tmpdir(), 'palisade-code-cache-'));
  dirs.push(d);
  const bundle = join(d, 'cmd.cjs');
  writeFileSync(bundle, "const { basename } = require('node:path');\nexports.answer = (x) => x * 2;\nexports.file = basename(__filename);\n");
  return { bundle, cache: join(d, 'cache') };
}
const entries = (cache: string): string[] => readdirSync(cache).sort();

const LOADER = fileURLToPath(new URL('./code-cache.ts', import.meta.url));
/**
 * Loads `bundle` in a fresh process (V8 keeps compiled scripts per process, which would hide
 * whether the entry was used), persists, and reports the outcome and `answer(7)`.
 */
function load(bundle: string, cache: string): Promise<{ code: number | null; out: string }> {
  const script = `import { loadCommonJs } from ${JSON.stringify(LOADER)};\nconst b = loadCommonJs(${JSON.stringify(bundle)}, ${JSON.stringify(cache)});\nb.persist();\nconsole.log(b.outcome, b.exports.answer(7));\n`;
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d));
    p.stderr.on('data', (d: Buffer) => (out += d));
    p.on('close', (code) => resolve({ code, out }));
  });
}
const ok = (out: string) => ({ code: 0, out });
/** In this process: enough where the outcome is decided before V8 sees the data (miss, damaged). */
function loadHere(bundle: string, cache: string): string {
  const b = loadCommonJs(bundle, cache);
  b.persist();
  return `${b.outcome} ${(b.exports['answer'] as (x: number) => number)(7)}\n`;
}

describe('V8 code cache of the CLI bundles', () => {
  it('misses, writes one entry after the run, then hits with the same exports', async () => {
    const { bundle, cache } = scratch();
    const first = loadCommonJs(bundle, cache);
    expect(first.outcome).toBe('miss');
    expect((first.exports['answer'] as (x: number) => number)(21)).toBe(42);
    expect(first.exports['file']).toBe('cmd.cjs');
    first.persist();
    expect(entries(cache)).toEqual([expect.stringMatching(/^cmd-[0-9a-f]{40}\.bin$/)]);
    expect(await load(bundle, cache)).toEqual(ok('hit 14\n'));
  });

  it('never reads the entry of an older build (stale entry) and replaces it', async () => {
    const { bundle, cache } = scratch();
    expect(loadHere(bundle, cache)).toBe('miss 14\n');
    const [old] = entries(cache);
    writeFileSync(bundle, 'exports.answer = (x) => x * 3;\n');
    expect(loadHere(bundle, cache)).toBe('miss 21\n');
    expect(entries(cache)).toHaveLength(1);
    expect(entries(cache)[0]).not.toBe(old);
    expect(await load(bundle, cache)).toEqual(ok('hit 21\n'));
  });

  it('ignores a damaged or truncated entry, loads from source and rewrites it', async () => {
    const { bundle, cache } = scratch();
    expect(loadHere(bundle, cache)).toBe('miss 14\n');
    const entry = join(cache, entries(cache)[0]!);
    const bytes = readFileSync(entry);
    bytes[bytes.length - 10] ^= 0xff;
    writeFileSync(entry, bytes);
    expect(loadHere(bundle, cache)).toBe('damaged 14\n');
    expect(await load(bundle, cache)).toEqual(ok('hit 14\n'));
    truncateSync(entry, 12);
    expect(loadHere(bundle, cache)).toBe('damaged 14\n');
    writeFileSync(entry, 'not a cache entry at all');
    expect(loadHere(bundle, cache)).toBe('damaged 14\n');
  });

  it('treats well-formed bytes that V8 does not accept as rejected, and rewrites them', async () => {
    const { bundle, cache } = scratch();
    expect(loadHere(bundle, cache)).toBe('miss 14\n');
    const entry = join(cache, entries(cache)[0]!);
    const payload = Buffer.from('these are not V8 code cache bytes');
    writeFileSync(entry, Buffer.concat([Buffer.from(`palisade-v8-code 1\n${payload.length} ${createHash('sha1').update(payload).digest('hex')}\n`), payload]));
    expect(await load(bundle, cache)).toEqual(ok('rejected 14\n'));
    expect(await load(bundle, cache)).toEqual(ok('hit 14\n'));
  });

  it('concurrent writers: every process succeeds, one whole entry remains, no temporary files', async () => {
    const { bundle, cache } = scratch();
    const runs = await Promise.all(Array.from({ length: 4 }, () => load(bundle, cache)));
    for (const r of runs) expect(r).toEqual(ok(r.out.startsWith('hit') ? 'hit 14\n' : 'miss 14\n'));
    expect(entries(cache)).toEqual([expect.stringMatching(/^cmd-[0-9a-f]{40}\.bin$/)]);
    expect(await load(bundle, cache)).toEqual(ok('hit 14\n'));
  });

  it('an unwritable cache location costs nothing but the cache', () => {
    const { bundle } = scratch();
    const blocker = join(dirs[dirs.length - 1]!, 'a-file');
    writeFileSync(blocker, '');
    const b = loadCommonJs(bundle, join(blocker, 'cache'));
    expect(b.outcome).toBe('miss');
    expect(() => b.persist()).not.toThrow();
    expect((b.exports['answer'] as (x: number) => number)(3)).toBe(6);
  });

  it('lives under XDG_CACHE_HOME, else ~/.cache; PALISADE_NO_CACHE turns it off', () => {
    expect(codeCacheDir({ XDG_CACHE_HOME: '/x/cache', HOME: '/home/u' })).toBe('/x/cache/palisade/v8-code');
    expect(codeCacheDir({ XDG_CACHE_HOME: 'relative', HOME: '/home/u' })).toBe('/home/u/.cache/palisade/v8-code');
    expect(codeCacheDir({ HOME: '/home/u' })).toBe('/home/u/.cache/palisade/v8-code');
    expect(codeCacheDir({ HOME: '/home/u', PALISADE_NO_CACHE: '1' })).toBeUndefined();
    expect(loadCommonJs(scratch().bundle, undefined).outcome).toBe('off');
  });
});
