#!/usr/bin/env node
/**
 * Bundles the built CLI (tsc output in dist/) into dist-bundle/: one ES module per command plus
 * the scan worker, with the engine, stdlib and third-party code inlined and shared chunks split
 * out. Why: loading a few hundred small modules (graphql's and fast-glob's CommonJS files
 * especially) was most of a command's start-up; one file per command loads in a fraction of that
 * (docs/performance.md, "Start-up"). Ink and React stay imports: only `ui` loads them.
 * The command manifest (gen-command-manifest.mjs, run next) points at these modules; a later
 * `tsc -b` makes the manifest stale, and the CLI then runs from the tsc output again.
 */
import { readdirSync, rmSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
// Beside dist/, never in it: tsc owns dist/ (a source folder named like the output would collide),
// and the npm tarball, which ships dist/, stays as it was.
const outdir = fileURLToPath(new URL('../dist-bundle', import.meta.url));
rmSync(outdir, { recursive: true, force: true });
const entryPoints = Object.fromEntries([
  ...readdirSync(`${dist}commands`)
    .filter((f) => f.endsWith('.js'))
    .map((f) => [f.slice(0, -3), `${dist}commands/${f}`]),
  // Its name is fixed: scan-parallel.ts starts it as ./scan-worker.js next to itself.
  ['scan-worker', `${dist}scan-worker.js`],
]);
await build({
  entryPoints,
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // ES module builds where packages have them (graphql, @peculiar/*, asn1js): no CommonJS
  // wrappers, and graphql's unused parts are dropped.
  mainFields: ['module', 'main'],
  external: ['ink', 'ink/*', 'react', 'react/*'],
  // CommonJS dependencies (fast-glob…) call require() for Node built-ins.
  banner: { js: "import { createRequire as __palisadeRequire } from 'node:module';\nconst require = __palisadeRequire(import.meta.url);" },
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
});
console.log(`bundle-cli: wrote ${relative(process.cwd(), outdir)} (${Object.keys(entryPoints).length} entries)`);
