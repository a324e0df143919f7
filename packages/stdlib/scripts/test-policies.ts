/**
 * Developer helper: runs the policy tests of the given stdlib folders (plus policies/lib), e.g.
 *   npx tsx packages/stdlib/scripts/test-policies.ts policies/dockerfile
 * Prints compile errors with code frames and every failing test; exits 1 on any failure.
 */
import { formatDiagnostic, runTests } from '@palisade/engine';
import { Engine } from '@palisade/engine';
import { STDLIB_ROOT, stdlibData, stdlibPolicySources } from '../src/policies.js';
import { stdlibBuiltins } from '../src/result-builtin.js';

const dirs = process.argv.slice(2).map((d) => d.replace(/^packages\/stdlib\//, '').replace(/\/$/, ''));
const engine = new Engine({ builtins: stdlibBuiltins });
let n = 0;
for (const p of stdlibPolicySources({ tests: true })) {
  if (!p.file.startsWith('policies/lib/') && dirs.length && !dirs.some((d) => p.file.startsWith(d + '/') || p.file === d)) continue;
  n++;
  for (const e of engine.addModule(p.file, p.source)) console.log(formatDiagnostic(e) + '\n' + (e.frame ?? ''));
}
for (const d of stdlibData()) engine.addData(d);
const errs = engine.compile();
for (const e of errs) console.log(formatDiagnostic(e) + '\n' + (e.frame ?? ''));
if (errs.length) process.exit(1);
const results = runTests(engine, { timeoutMs: 10_000 });
let failed = 0;
for (const r of results) {
  if (r.status === 'pass' || r.status === 'skip') continue;
  failed++;
  console.log(`${r.status.toUpperCase()} ${r.file}:${r.row} ${r.pkg}.${r.name}${r.error ? ': ' + formatDiagnostic(r.error) : ''}${r.output.length ? '\n  ' + r.output.join('\n  ') : ''}`);
}
console.log(`${n} modules from ${STDLIB_ROOT}; ${results.length} tests, ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
