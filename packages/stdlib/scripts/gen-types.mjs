#!/usr/bin/env node
/**
 * Generates src/generated/<name>.ts from src/schemas/<name>.schema.json with
 * json-schema-to-typescript. `--check` exits 1 when a generated file differs (CI drift check);
 * src/loaders/generated-types.test.ts runs the same comparison.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaDir = join(pkg, 'src', 'schemas');
const outDir = join(pkg, 'src', 'generated');

/** Renders every schema; returns Map<output path, content>. */
export async function generateAll() {
  const out = new Map();
  const files = readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json')).sort();
  for (const file of files) {
    const schema = JSON.parse(readFileSync(join(schemaDir, file), 'utf8'));
    const name = file.replace(/\.schema\.json$/, '');
    const banner = `// GENERATED FILE — do not edit. Source: src/schemas/${file}; regenerate with \`node packages/stdlib/scripts/gen-types.mjs\`.`;
    const ts = await compile(schema, schema.title ?? name, {
      bannerComment: banner,
      additionalProperties: false,
      strictIndexSignatures: false,
      unknownAny: true,
      declareExternallyReferenced: true,
      cwd: schemaDir,
      style: { singleQuote: true, printWidth: 120 },
    });
    out.set(join(outDir, `${name}.ts`), ts);
  }
  return out;
}

async function main() {
  const check = process.argv.includes('--check');
  const files = await generateAll();
  let drift = 0;
  if (!check) mkdirSync(outDir, { recursive: true });
  for (const [path, content] of files) {
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (current === content) continue;
    drift++;
    if (check) console.error(`out of date: ${path}`);
    else writeFileSync(path, content);
  }
  if (check && drift > 0) {
    console.error('generated types drifted from src/schemas; run: node packages/stdlib/scripts/gen-types.mjs');
    process.exit(1);
  }
  if (!check) console.log(`generated ${files.size} files (${drift} changed)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
