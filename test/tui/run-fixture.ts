/**
 * Starts the TUI over the fixture scan, for the tmux end-to-end test and for trying the UI by
 * hand: `npx tsx --tsconfig test/tui/tsconfig.json test/tui/run-fixture.ts [--many N]`.
 * Prints `TUI-EXITED` after the UI resolves, so a driver can see a clean quit.
 */
import { runTui, tuiAvailability } from '../../packages/cli/src/tui/index.js';
import { FINDINGS, fixtureResult, fixtureSources, manyFindings } from './fixture.js';

const many = process.argv.indexOf('--many');
const findings = many >= 0 ? [...FINDINGS, ...manyFindings(Number(process.argv[many + 1] ?? 1000))] : FINDINGS;

const availability = tuiAvailability(process.env, process.stdin, process.stdout);
if (!availability.ok) {
  process.stderr.write(`palisade: ${availability.reason}\n`);
  process.exit(2);
}
await runTui(fixtureResult(findings), { sources: fixtureSources() });
process.stdout.write('TUI-EXITED\n');
