/**
 * Captures OPA's answers for cases.ts into fixtures/<family>.json:
 *   npx tsx test/differential/builtins/capture.ts [family...]
 * Needs ../shared/bin/opa (OPA v1.17.1). Each fixture names the oracle and this command.
 */
import { writeFileSync, renameSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { FAMILIES } from './cases.js';
import { OPA, haveOracle, opaOutcome } from './oracle.js';

if (!haveOracle()) {
  console.error(`capture: ${OPA} not found`);
  process.exit(2);
}
const version = execFileSync(OPA, ['version'], { encoding: 'utf8' }).split('\n')[0].trim();
const wanted = process.argv.slice(2);
for (const [family, cases] of Object.entries(FAMILIES)) {
  if (wanted.length && !wanted.includes(family)) continue;
  const out = cases.map((c) => {
    const expr = typeof c === 'string' ? c : c.expr;
    return { expr, opa: opaOutcome(expr) };
  });
  const file = fileURLToPath(new URL(`./fixtures/${family}.json`, import.meta.url));
  const doc = { about: `OPA's outcome for each expression as \`x := expr\` (strict builtin errors); captured from ../shared/bin/opa (${version}) by \`npx tsx test/differential/builtins/capture.ts ${family}\``, cases: out };
  writeFileSync(file + '.tmp', JSON.stringify(doc, null, 1) + '\n');
  renameSync(file + '.tmp', file);
  console.log(`capture: ${family}: ${out.length} cases`);
}
