#!/usr/bin/env node
/**
 * Writes src/generated/policy-bundle.ts: every non-test policy source of policies/ and the default
 * data of data/*.yaml, as plain strings and objects, so the browser entry (src/browser.ts) needs
 * no file system. Runs before every build (package `build` script and the root `build`).
 * `--check` exits 1 when the committed file is out of date; test/embedding/policy-bundle.test.ts
 * runs the same comparison.
 *
 * The file order and the YAML options must stay those of src/policies.ts (the Node entry), so both
 * entries hand the engine the same modules and data.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE_PATH = join(pkg, 'src', 'generated', 'policy-bundle.ts');

function walk(dir, out) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names.sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

const posix = (p) => p.split(sep).join('/');

/** The bundle's content: `{policies: [{file, source}], data: object[]}`. */
export function collectBundle() {
  const policies = walk(join(pkg, 'policies'), [])
    .filter((p) => p.endsWith('.rego') && !p.endsWith('_test.rego'))
    .map((p) => ({ file: posix(relative(pkg, p)), source: readFileSync(p, 'utf8') }));
  const data = walk(join(pkg, 'data'), [])
    .filter((p) => /\.ya?ml$/.test(p))
    .map((p) => parseYaml(readFileSync(p, 'utf8'), { maxAliasCount: 100 }))
    .filter((d) => d && typeof d === 'object');
  return { policies, data };
}

/** The text of src/generated/policy-bundle.ts for the current policies/ and data/. */
export function renderBundle() {
  const { policies, data } = collectBundle();
  const lines = [
    '// GENERATED FILE — do not edit. Source: packages/stdlib/policies/**/*.rego (without tests) and data/*.yaml; regenerate with `node packages/stdlib/scripts/gen-bundle.mjs`.',
    '/* eslint-disable */',
    '',
    '/** Every non-test policy source of the standard library, in the order the Node entry reads them. */',
    'export const POLICY_SOURCES: readonly { readonly file: string; readonly source: string }[] = [',
  ];
  for (const p of policies) lines.push(`  { file: ${JSON.stringify(p.file)}, source: ${JSON.stringify(p.source)} },`);
  lines.push('];', '');
  lines.push('/** Default data documents (`data/*.yaml`, parsed), merged into `data` at the root. */');
  lines.push(`export const DEFAULT_DATA: readonly unknown[] = ${JSON.stringify(data, null, 2)};`, '');
  return lines.join('\n');
}

function main() {
  const check = process.argv.includes('--check');
  const content = renderBundle();
  const current = existsSync(BUNDLE_PATH) ? readFileSync(BUNDLE_PATH, 'utf8') : undefined;
  if (current === content) return;
  if (check) {
    console.error(`out of date: ${BUNDLE_PATH}; run: node packages/stdlib/scripts/gen-bundle.mjs`);
    process.exit(1);
  }
  mkdirSync(dirname(BUNDLE_PATH), { recursive: true });
  writeFileSync(BUNDLE_PATH, content);
  console.log(`gen-bundle: wrote ${relative(process.cwd(), BUNDLE_PATH) || BUNDLE_PATH}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
