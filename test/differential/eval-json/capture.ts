/**
 * Captures OPA's `eval --format json` output for cases.ts into fixtures.json:
 *   npx tsx test/differential/eval-json/capture.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OPA, haveOracle } from '../builtins/oracle.js';
import { INPUT, POLICY, QUERIES } from './cases.js';

if (!haveOracle()) {
  console.error(`capture: ${OPA} not found`);
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'eval-json-'));
writeFileSync(join(dir, 'p.rego'), POLICY);
writeFileSync(join(dir, 'input.json'), INPUT);
const run = (q: string) => {
  try {
    return execFileSync(OPA, ['eval', '--format', 'json', '-d', 'p.rego', '-i', 'input.json', q], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    return (e as { stdout: string }).stdout;
  }
};
const version = execFileSync(OPA, ['version'], { encoding: 'utf8' }).split('\n')[0].trim();
const cases = QUERIES.map((query) => ({ query, stdout: run(query) }));
rmSync(dir, { recursive: true, force: true });
const file = fileURLToPath(new URL('./fixtures.json', import.meta.url));
const doc = { about: `stdout of \`opa eval --format json -d p.rego -i input.json QUERY\` (${version}, ../shared/bin/opa), by \`npx tsx test/differential/eval-json/capture.ts\``, cases };
writeFileSync(file + '.tmp', JSON.stringify(doc, null, 1) + '\n');
renameSync(file + '.tmp', file);
console.log(`capture: ${cases.length} queries`);
