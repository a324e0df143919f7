/**
 * End-to-end test of the TUI in a real terminal: tmux runs test/tui/run-fixture.ts, keys go in
 * with `send-keys`, and the screen comes back with `capture-pane`. Every wait polls the pane
 * until the expected text appears (generous deadline), never a fixed sleep.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = `${root}node_modules/.bin/tsx`;
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) console.warn('tui-e2e: skipped, tmux is not installed (apt-get install -y tmux)');

// A server per test: a server being killed by the previous test cannot take the new session down.
let serial = 0;
let socket = '';
/** Per wait; the whole test gets TEST_TIMEOUT_MS (startup through tsx is the slow part). */
const DEADLINE_MS = 30_000;
const TEST_TIMEOUT_MS = 180_000;

function tmux(...args: string[]): string {
  const r = spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tmux ${args[0]} failed: ${r.stderr}`);
  return r.stdout;
}

const screen = (): string => tmux('capture-pane', '-p', '-t', 'tui');
const selectedLine = (s: string): string => s.split('\n').find((l) => l.includes('› ')) ?? '';

/** Polls the pane until `predicate` holds; fails with the last screen after the deadline. */
async function waitFor(predicate: (s: string) => boolean, what: string): Promise<string> {
  const end = Date.now() + DEADLINE_MS;
  let last = '';
  while (Date.now() < end) {
    last = screen();
    if (predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; screen was:\n${last}`);
}

const waitText = (text: string) => waitFor((s) => s.includes(text), JSON.stringify(text));

/** Starts the fixture UI in a fresh tmux server of the given size. */
function start(columns: number, rows: number, extra = ''): void {
  socket = `palisade-e2e-${process.pid}-${++serial}`;
  // Ink renders only a final frame when CI is set, so the UI process runs without it.
  const command =
    `cd '${root}' && env -u CI -u CONTINUOUS_INTEGRATION '${tsx}' --tsconfig test/tui/tsconfig.json ` +
    `test/tui/run-fixture.ts ${extra}; echo "EXIT=$?"; exec sleep 600`;
  tmux('new-session', '-d', '-s', 'tui', '-x', String(columns), '-y', String(rows), command);
}

const keys = (...k: string[]) => tmux('send-keys', '-t', 'tui', ...k);

afterEach(() => {
  if (socket) spawnSync('tmux', ['-L', socket, 'kill-server']);
  socket = '';
});

describe.skipIf(!hasTmux)('TUI in tmux', () => {
  it('has its launcher', () => {
    expect(existsSync(tsx)).toBe(true);
  });

  it('lists findings, moves, opens the detail, filters, resizes and quits', async () => {
    start(80, 24);
    let s = await waitText('Findings 1/5 of 6');
    expect(s).toContain('PALISADE');
    expect(s).toContain('▾ Dockerfile (3)');
    expect(selectedLine(s)).toContain('PAL-DF-001');
    // No row is wider than the terminal and the UI leaves the last row free.
    expect(s.split('\n').every((l) => [...l].length <= 80)).toBe(true);

    keys('j');
    s = await waitFor((x) => selectedLine(x).includes('PAL-DF-004'), 'selection on PAL-DF-004');
    expect(selectedLine(s)).not.toContain('PAL-DF-001');

    keys('Enter');
    s = await waitText('No USER instruction');
    expect(s).toContain('Remediation');
    expect(s).toContain('Add `USER 10001`');
    expect(s).not.toContain('▾ Dockerfile');

    keys('Escape');
    await waitText('▾ Dockerfile (3)');

    keys('/');
    await waitText('Enter apply');
    keys('privileged');
    await waitText('privileged█');
    keys('Enter');
    s = await waitText('Findings 1/1 of 6');
    expect(selectedLine(s)).toContain('PAL-K8S-001');

    // Wide enough for the detail pane beside the list.
    tmux('resize-window', '-t', 'tui', '-x', '140', '-y', '30');
    s = await waitFor((x) => x.includes('╮╭') && x.includes('Privileged container'), 'side-by-side panes');
    expect(s).toContain('Findings 1/1 of 6');

    keys('q');
    // The launcher prints TUI-EXITED once runTui resolves, then the shell prints its status.
    s = await waitText('EXIT=0');
    expect(s).toContain('TUI-EXITED');
  }, TEST_TIMEOUT_MS);

  it('pages through thousands of findings and shows load errors', async () => {
    start(80, 24, '--many 3000');
    await waitText('Findings 1/3005 of 3006');
    keys('End');
    let s = await waitText('Findings 3005/3005');
    // Files sort by path: k8s/deployment.yaml comes after the generated gen/… files.
    expect(selectedLine(s)).toContain('PAL-K8S-001');
    expect(s).toContain('▾ k8s/deployment.yaml (2)');
    keys('PageUp');
    s = await waitFor((x) => /Findings 29\d\d\/3005/.test(x), 'one page up');
    expect(s).toContain('generated finding number 29');
    keys('Home');
    s = await waitText('Findings 1/3005');
    keys('e');
    s = await waitText('Load errors (1)');
    expect(s).toContain('k8s/broken.yaml:4:3');
    keys('Escape');
    await waitText('Findings 1/3005');
    keys('?');
    await waitText('cycle the minimum severity shown');
    keys('q');
    s = await waitText('EXIT=0');
    expect(s).toContain('TUI-EXITED');
  }, TEST_TIMEOUT_MS);
});
