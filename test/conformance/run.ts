/**
 * `pnpm conformance`: runs OPA's compliance cases and guards against regressions.
 * Options: --suite DIR, --filter SUBSTRING, --json FILE, --update (rewrite passing.txt), --verbose.
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCases, runCase, type Case } from './cases.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const passingFile = join(here, 'passing.txt');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const suite = resolve(root, arg('--suite') ?? '../shared/conformance/opa-v1');
const filter = arg('--filter');
const jsonOut = arg('--json');
const update = process.argv.includes('--update');
const verbose = process.argv.includes('--verbose');

if (!existsSync(suite)) {
  console.log(`conformance: suite folder ${suite} is absent; nothing to run (this is not a failure).`);
  process.exit(0);
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

const cases: Case[] = [];
for (const file of yamlFiles(suite)) {
  const rel = relative(suite, file);
  const folder = rel.split('/')[0];
  for (const c of loadCases(file, rel, folder)) {
    if (!filter || c.id.includes(filter) || (c.note ?? '').includes(filter)) cases.push(c);
  }
}

const folders: Record<string, { passed: number; failed: number }> = {};
const failures: { id: string; note: string; reason: string }[] = [];
const passed: string[] = [];
for (const c of cases) {
  let verdict;
  try {
    verdict = runCase(c);
  } catch (e) {
    verdict = { pass: false, reason: `runner crash: ${e instanceof Error ? e.stack : String(e)}` };
  }
  const f = (folders[c.folder] ??= { passed: 0, failed: 0 });
  if (verdict.pass) {
    f.passed++;
    passed.push(c.id);
  } else {
    f.failed++;
    failures.push({ id: c.id, note: c.note ?? '', reason: verdict.reason });
    if (verbose) console.log(`FAIL ${c.id} (${c.note}): ${verdict.reason}`);
  }
}

const total = cases.length;
const nPassed = passed.length;
const width = Math.max(...Object.keys(folders).map((k) => k.length), 6);
for (const [name, f] of Object.entries(folders).sort()) {
  if (f.failed || verbose) console.log(`${name.padEnd(width)}  ${String(f.passed).padStart(4)} passed  ${String(f.failed).padStart(4)} failed`);
}

if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ total, passed: nPassed, failed: total - nPassed, folders, failures }, null, 2));

const listed = existsSync(passingFile) ? readFileSync(passingFile, 'utf8').split('\n').filter(Boolean) : [];
const passSet = new Set(passed);
const inScope = new Set(cases.map((c) => c.id));
const regressions = listed.filter((id) => inScope.has(id) && !passSet.has(id));
const listedSet = new Set(listed);
const newlyPassing = passed.filter((id) => !listedSet.has(id));

if (update && !filter) {
  writeFileSync(passingFile, [...passed].sort().join('\n') + '\n');
  console.log(`updated ${relative(root, passingFile)} with ${passed.length} passing cases`);
} else if (newlyPassing.length) {
  console.log(`${newlyPassing.length} case(s) pass but are not listed in ${relative(root, passingFile)}; run \`pnpm conformance --update\` to add them.`);
}
if (regressions.length) {
  console.log(`REGRESSIONS: ${regressions.length} listed case(s) now fail:`);
  for (const id of regressions.slice(0, 50)) console.log(`  ${id}: ${failures.find((f) => f.id === id)?.reason ?? ''}`);
}
console.log(`${nPassed} passed, ${total - nPassed} failed`);
process.exit(regressions.length ? 1 : 0);
