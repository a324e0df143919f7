/**
 * The packed tarballs install into a project outside the workspace and work there: `pnpm pack`
 * the three packages, `npm install` them into a temporary copy of examples/embed (the npm
 * registry supplies their dependencies), run the example, type-check a TypeScript consumer
 * against the shipped `.d.ts` files, and run the CLI's `palisade` bin.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startRegistry } from './npm-registry.js';
import { missingBuild, PACKAGES, ROOT, tempDir } from './workspace.js';

/**
 * The size budget of each tarball (compressed bytes, as downloaded) and of everything installed
 * (unpacked bytes), stated in docs/embedding.md#packaging. Raise it deliberately, never silently.
 */
const BUDGET = {
  tarball: { 'palisade-engine-0.1.0.tgz': 400_000, 'palisade-stdlib-0.1.0.tgz': 1_600_000, 'palisade-cli-0.1.0.tgz': 240_000 },
  unpackedTotal: 16_000_000,
} as const;
/** Files that are for developing Palisade, not for running it. */
const DEV_ONLY = /(^|\/)(src|test|tests)\/|\.test\.[cm]?[jt]s$|\.map$|\.tsbuildinfo$|(^|\/)tsconfig[^/]*\.json$|(^|\/)scripts\//;

const notBuilt = missingBuild();
if (notBuilt) console.warn(`pack.test: skipped, ${notBuilt}`);

const dir = tempDir('pack');
const project = join(dir, 'project');
const tarballs = join(project, 'tarballs');
afterAll(() => rmSync(dir, { recursive: true, force: true }), 120_000);

/** npm without colour, audit or funding noise. */
const npmEnv = (extra: Record<string, string>) => ({ ...process.env, NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false', ...extra });

function run(cmd: string, args: string[], cwd: string, timeout = 240_000, env: Record<string, string> = {}): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout, env: npmEnv(env) });
  if (r.error) throw r.error;
  return r;
}

/** `run`, without blocking the event loop: needed while this process also serves the registry. */
function runAsync(cmd: string, args: string[], cwd: string, timeout: number, env: Record<string, string> = {}): Promise<SpawnSyncReturns<string>> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, timeout, env: npmEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ pid: child.pid ?? 0, output: [null, stdout, stderr], stdout, stderr, status, signal }));
  });
}

function ok(r: SpawnSyncReturns<string>, what: string): string {
  expect(r.status, `${what} failed:\n${r.stdout}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

describe.skipIf(!!notBuilt)('packed tarballs', () => {
  it('pnpm pack produces one tarball per package', () => {
    mkdirSync(tarballs, { recursive: true });
    for (const p of PACKAGES) ok(run('npx', ['--yes', 'pnpm@12.4.2', 'pack', '--pack-destination', tarballs], join(ROOT, 'packages', p)), `pnpm pack ${p}`);
    expect(readdirSync(tarballs).sort()).toEqual(['palisade-cli-0.1.0.tgz', 'palisade-engine-0.1.0.tgz', 'palisade-stdlib-0.1.0.tgz']);
  }, 240_000);

  it('each tarball has complete metadata, stays within the size budget and ships no dev-only files', () => {
    let unpacked = 0;
    for (const [file, budget] of Object.entries(BUDGET.tarball)) {
      const tgz = join(tarballs, file);
      expect(statSync(tgz).size, `${file} is over its budget of ${budget} bytes`).toBeLessThanOrEqual(budget);
      const listing = run('tar', ['-tvzf', tgz], tarballs).stdout.trim().split('\n');
      const paths = listing.map((l) => l.split(/\s+/).slice(5).join(' ').replace(/^package\//, ''));
      unpacked += listing.reduce((n, l) => n + Number(l.split(/\s+/)[2]), 0);
      expect(paths.filter((p) => DEV_ONLY.test(p)), `${file} ships dev-only files`).toEqual([]);
      expect(paths).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE']));
      const manifest = JSON.parse(run('tar', ['-xzOf', tgz, 'package/package.json'], tarballs).stdout) as Record<string, unknown>;
      for (const key of ['name', 'version', 'description', 'license', 'engines', 'repository', 'keywords', 'homepage', 'bugs', 'files']) {
        expect(manifest[key], `${file}: package.json lacks "${key}"`).toBeDefined();
      }
      expect(manifest.engines).toEqual({ node: '>=20' });
      expect(JSON.stringify(manifest.dependencies ?? {}), `${file}: workspace protocol left in a published manifest`).not.toMatch(/workspace:/);
    }
    expect(unpacked, 'installed size of the three packages').toBeLessThanOrEqual(BUDGET.unpackedTotal);
  });

  it('npm install -g @palisade/cli (from a registry) gives a working palisade outside any checkout', async () => {
    const registry = await startRegistry(readdirSync(tarballs).map((f) => join(tarballs, f)));
    try {
      const prefix = join(dir, 'global');
      const scoped = `--@palisade:registry=${registry.url}`;
      ok(await runAsync('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=error', scoped, '@palisade/cli'], dir, 240_000), 'npm install -g');
      expect(registry.served).toEqual(expect.arrayContaining(['/@palisade/cli', '/@palisade/engine', '/@palisade/stdlib']));
      const bin = join(prefix, 'bin', 'palisade');
      expect(run(bin, ['--version'], dir, 60_000).stdout.trim()).toBe('0.1.0');

      // A user's repository: a copy of examples/ in a directory that has no node_modules above it.
      const repo = join(dir, 'repo');
      cpSync(join(ROOT, 'examples'), repo, { recursive: true });
      const r = run(bin, ['scan', '--no-color', '.'], repo, 120_000);
      expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(1);
      expect(r.stdout).toMatch(/dockerfiles\/\S+:\d+/);
      expect(r.stdout).toMatch(/kubernetes\/\S+:\d+/);

      // npx with an empty cache: what `npx @palisade/cli scan .` does on a fresh machine.
      const npx = await runAsync('npx', ['--yes', scoped, '@palisade/cli', 'scan', '--no-color', 'dockerfiles'], repo, 240_000, { npm_config_cache: join(dir, 'npx-cache') });
      expect(npx.status, `${npx.stdout}\n${npx.stderr}`).toBe(1);
      expect(npx.stdout).toMatch(/dockerfiles\/\S+:\d+/);
    } finally {
      await registry.close();
    }
  }, 480_000);

  it('examples/embed installs from the tarballs and prints findings', () => {
    for (const f of ['package.json', 'scan-dockerfile.mjs']) copyFileSync(join(ROOT, 'examples/embed', f), join(project, f));
    ok(run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], project), 'npm install');
    const stdlib = join(project, 'node_modules/@palisade/stdlib');
    expect(existsSync(join(stdlib, 'dist/index.d.ts'))).toBe(true);
    expect(existsSync(join(stdlib, 'dist/browser.js'))).toBe(true);
    expect(existsSync(join(stdlib, 'policies'))).toBe(true);
    expect(existsSync(join(stdlib, 'src')), 'sources are not shipped').toBe(false);

    const r = run('node', ['scan-dockerfile.mjs'], project, 60_000);
    expect(r.stderr).toBe('');
    expect(r.status, 'exit 1: the example Dockerfile has failing findings').toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(r.stdout).toMatch(/^Dockerfile:1 (CRITICAL|HIGH|MEDIUM|LOW) \S+ .*latest/m);
    expect(r.stdout).toMatch(/^Dockerfile:3 \w+ \S+ .*ADD/m);
    expect(lines.at(-1)).toMatch(/^[1-9]\d* failure\(s\), \d+ warning\(s\)$/);
  }, 300_000);

  it('the shipped .d.ts files type-check a TypeScript consumer (exports map, both entries)', () => {
    writeFileSync(
      join(project, 'consumer.ts'),
      [
        "import { Engine, type EvalResult } from '@palisade/engine';",
        "import { isDocumentOf, loadDocuments, listPolicies, scan, type Finding, type TrivyDockerfileDocument } from '@palisade/stdlib';",
        "import { createStdlibEngine } from '@palisade/stdlib/browser';",
        "const { documents } = loadDocuments([{ path: 'Dockerfile', content: 'FROM alpine\\n' }]);",
        'const doc = documents[0]!;',
        "const stages: number = isDocumentOf(doc, 'dockerfile') ? doc.value.Stages.length : 0;",
        "const typed: TrivyDockerfileDocument | undefined = doc.kind === 'dockerfile' ? doc.value : undefined;",
        'const findings: Finding[] = scan(documents).findings;',
        "const r: EvalResult | undefined = new Engine().prepare('x := 1').query?.evaluate({});",
        'const ids: (string | undefined)[] = listPolicies().map((p) => p.metadata?.id);',
        'void [stages, typed, findings, r, ids, createStdlibEngine];',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, lib: ['ES2023', 'DOM'], types: [] }, files: ['consumer.ts'] }),
    );
    ok(run('node', [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], project, 120_000), 'tsc');
  }, 180_000);

  it('the CLI tarball installs a working `palisade` bin', () => {
    ok(run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', './tarballs/palisade-cli-0.1.0.tgz'], project), 'npm install cli');
    writeFileSync(join(project, 'Dockerfile'), 'FROM node:latest\nCMD ["node"]\n');
    const bin = join(project, 'node_modules/.bin/palisade');
    const r = run(bin, ['scan', 'Dockerfile', '--no-color'], project, 60_000);
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(1);
    expect(r.stdout).toMatch(/latest/);
  }, 300_000);
});
