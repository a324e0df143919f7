/**
 * The packed tarballs install into a project outside the workspace and work there: `pnpm pack`
 * the three packages, `npm install` them into a temporary copy of examples/embed (the npm
 * registry supplies their dependencies), run the example, type-check a TypeScript consumer
 * against the shipped `.d.ts` files, and run the CLI's `palisade` bin.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { missingBuild, PACKAGES, ROOT, tempDir } from './workspace.js';

const notBuilt = missingBuild();
if (notBuilt) console.warn(`pack.test: skipped, ${notBuilt}`);

const dir = tempDir('pack');
const project = join(dir, 'project');
const tarballs = join(project, 'tarballs');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(cmd: string, args: string[], cwd: string, timeout = 240_000): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false' } });
  if (r.error) throw r.error;
  return r;
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
