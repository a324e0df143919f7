#!/usr/bin/env node
/**
 * Writes packages/cli/dist/command-manifest.json from the built command table (see
 * src/command-manifest.ts for why). Runs last in the root `build` script. Each command runs from
 * its bundled module (dist-bundle/, bundle-cli.mjs) when there is one (the CommonJS one, loaded with
 * V8's code cache, before the ES module), else from the tsc output.
 */
import { existsSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = new URL('../dist/', import.meta.url);
const { buildManifest, MANIFEST_FILE } = await import(new URL('command-manifest.js', dist).href);
const { commands } = await import(new URL('commands/index.js', dist).href);
const modules = {};
for (const name of readdirSync(new URL('commands/', dist)).sort()) {
  if (name.endsWith('.js')) modules[`commands/${name}`] = await import(new URL(`commands/${name}`, dist).href);
}
const manifest = buildManifest(commands, modules, dist);
for (const entry of manifest.commands) {
  const bundled = entry.module.replace(/^commands\//, '../dist-bundle/');
  if (!existsSync(new URL(bundled, dist))) continue;
  const ns = await import(new URL(bundled, dist).href);
  if (ns[entry.export]?.name !== entry.spec.name) throw new Error(`${bundled} does not export the ${entry.spec.name} command as ${entry.export}`);
  entry.bundle = bundled;
  const commonJs = bundled.replace(/\.js$/, '.cjs');
  if (!existsSync(new URL(commonJs, dist))) continue;
  const cjs = createRequire(import.meta.url)(fileURLToPath(new URL(commonJs, dist)));
  if (cjs[entry.export]?.name !== entry.spec.name) throw new Error(`${commonJs} does not export the ${entry.spec.name} command as ${entry.export}`);
  entry.cjs = commonJs;
}
const out = fileURLToPath(new URL(MANIFEST_FILE, dist));
writeFileSync(`${out}.tmp`, JSON.stringify(manifest, null, 1) + '\n');
renameSync(`${out}.tmp`, out);
console.log(`gen-command-manifest: wrote ${relative(process.cwd(), out)} (${manifest.commands.length} commands)`);
