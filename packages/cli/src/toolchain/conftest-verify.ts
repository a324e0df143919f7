/**
 * `palisade test -o conftest`: the summary layout of `conftest verify` — a `FAIL - file -
 * data.pkg - test` line per failing test, then "N tests, N passed, 0 warnings, N failures, 0
 * exceptions" — so scripts that read conftest's output keep working.
 */
import type { TestResult } from '@palisade/engine';
import type { CommandIO } from '../command.js';
import { sanitizeTerminal } from '../reporters/ansi.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** conftest's summary line (unit tests have no warnings or exceptions). */
export function conftestSummary(tests: number, passed: number, warnings: number, failures: number, exceptions: number): string {
  return `${plural(tests, 'test')}, ${passed} passed, ${plural(warnings, 'warning')}, ${plural(failures, 'failure')}, ${plural(exceptions, 'exception')}`;
}

export function printConftestVerify(results: readonly TestResult[], io: CommandIO): void {
  const w = (s: string) => io.stdout.write(s + '\n');
  let failures = 0;
  let passed = 0;
  for (const r of results) {
    if (r.status === 'pass') passed++;
    if (r.status !== 'fail' && r.status !== 'error') continue;
    failures++;
    const why = r.error ? `: ${r.error.message}` : '';
    w(sanitizeTerminal(`FAIL - ${r.file} - data.${r.pkg} - ${r.name}${why}`));
  }
  const skipped = results.filter((r) => r.status === 'skip').length;
  if (failures) w('');
  w(conftestSummary(results.length - skipped, passed, 0, failures, 0) + (skipped ? `, ${skipped} skipped` : ''));
}

/** TAP, as `conftest verify -o tap`: one `ok`/`not ok` line per test, named `data.pkg.test`. */
export function printTestTap(results: readonly TestResult[], io: CommandIO): void {
  const w = (s: string) => io.stdout.write(sanitizeTerminal(s) + '\n');
  w(`1..${results.length}`);
  results.forEach((r, i) => {
    const name = `data.${r.pkg}.${r.name}`;
    if (r.status === 'skip') w(`ok ${i + 1} - ${name} # SKIP`);
    else w(`${r.status === 'pass' ? 'ok' : 'not ok'} ${i + 1} - ${name}${r.error ? `: ${r.error.message}` : ''}`);
  });
}

/** A table, as `conftest verify -o table`: result (success/failure/skipped), file, test. */
export function printTestTable(results: readonly TestResult[], io: CommandIO): void {
  const rows = results.map((r) => [r.status === 'pass' ? 'success' : r.status === 'skip' ? 'skipped' : 'failure', r.file, `data.${r.pkg}.${r.name}`]);
  const head = ['RESULT', 'FILE', 'TEST'];
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(width[i]!)).join(' | ') + ' |';
  const rule = '+' + width.map((n) => '-'.repeat(n + 2)).join('+') + '+';
  const w = (s: string) => io.stdout.write(sanitizeTerminal(s) + '\n');
  w(rule);
  w(line(head));
  w(rule);
  for (const r of rows) w(line(r));
  w(rule);
}
