/**
 * `tsx test/differential/capture.ts < specs.json`: saves regression cases with OPA's captured
 * output. Input: a JSON array of `{description, program, origin, open?}`; each program is run on
 * the oracle and written to cases/ with OPA's exit code and stdout (and the command used).
 * `--recapture` instead re-runs every existing case on the oracle and rewrites its capture.
 */
import { readFileSync } from 'node:fs';
import { captureCommand, CASES_DIR, loadCases, saveCase, type RegressionCase } from './cases.js';
import { oracleMissing, oracleVersion, runOpa } from './oracle.js';
import { unlinkSync } from 'node:fs';
import { join } from 'node:path';

const missing = oracleMissing();
if (missing) {
  console.error(`capture: ${missing}; nothing captured.`);
  process.exit(2);
}
const version = oracleVersion();
type Spec = Omit<RegressionCase, 'opa'>;
const recapture = process.argv.includes('--recapture');
const specs: Spec[] = recapture ? loadCases() : (JSON.parse(readFileSync(0, 'utf8')) as Spec[]);
for (const spec of specs) {
  const run = await runOpa(spec.program);
  if (run.exitCode !== 0 && run.exitCode !== 2) {
    console.error(`capture: OPA failed (exit ${run.exitCode}) on "${spec.description}": ${run.stderr.slice(0, 300)}`);
    process.exitCode = 1;
    continue;
  }
  const { file, ...rest } = spec as Spec & { file?: string };
  const c: RegressionCase = { description: rest.description, program: rest.program, opa: { exitCode: run.exitCode, stdout: run.stdout, version, command: captureCommand(rest.program) }, origin: rest.origin };
  if (rest.open) c.open = rest.open;
  const name = saveCase(c);
  if (file && file !== name) unlinkSync(join(CASES_DIR, file));
  console.log(`saved cases/${name}`);
}
