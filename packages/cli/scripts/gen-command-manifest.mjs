#!/usr/bin/env node
/**
 * Writes packages/cli/dist/command-manifest.json from the built command table (see
 * src/command-manifest.ts for why). Runs after `tsc -b` in the root `build` script.
 */
import { readdirSync, renameSync, writeFileSync } from 'node:fs';
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
const out = fileURLToPath(new URL(MANIFEST_FILE, dist));
writeFileSync(`${out}.tmp`, JSON.stringify(manifest, null, 1) + '\n');
renameSync(`${out}.tmp`, out);
console.log(`gen-command-manifest: wrote ${relative(process.cwd(), out)} (${manifest.commands.length} commands)`);
