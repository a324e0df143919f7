import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { fixtureResult, fixtureSources, manyFindings } from '../../../../test/tui/fixture.js';
import { App, splitKeys } from './app.js';
import { runTui } from './run.js';

// Key sequences as a terminal sends them.
const DOWN = '\x1b[B';
const ENTER = '\r';
const ESC = '\x1b';

afterEach(() => cleanup());

/** Lines of the newest frame, without colours. */
const screen = (frame: string | undefined) => (frame ?? '').replace(/\x1b\[[0-9;]*m/g, '');
const selectedLine = (frame: string | undefined) => screen(frame).split('\n').find((l) => l.includes('› '));

async function until(lastFrame: () => string | undefined, predicate: (text: string) => boolean) {
  // A generous deadline: a loaded CI machine may take a while, but the text must appear.
  await vi.waitFor(
    () => {
      expect(predicate(screen(lastFrame()))).toBe(true);
    },
    { timeout: 15_000, interval: 20 },
  );
}

describe('App', () => {
  it('shows the summary, the grouped list and the key hints', async () => {
    const { lastFrame } = render(<App result={fixtureResult()} sources={fixtureSources()} />);
    await until(lastFrame, (t) => t.includes('PAL-DF-001'));
    const t = screen(lastFrame());
    expect(t).toContain('PALISADE');
    expect(t).toContain('CRIT 1');
    expect(t).toContain('▾ Dockerfile (3)');
    expect(t).toContain('▾ k8s/deployment.yaml (2)');
    expect(t).toContain('1 waived hidden');
    expect(t).not.toContain('PAL-DF-012'); // waived, hidden by default
    expect(selectedLine(lastFrame())).toContain('PAL-DF-001');
    // The frame is as tall as the terminal minus one row, and no row is wider than it.
    const lines = t.split('\n');
    expect(lines).toHaveLength(23);
    expect(lines.every((l) => [...l].length <= 100)).toBe(true);
  });

  it('moves the selection with j and the down arrow', async () => {
    const { lastFrame, stdin } = render(<App result={fixtureResult()} />);
    await until(lastFrame, (t) => t.includes('PAL-DF-001'));
    stdin.write('j');
    await until(lastFrame, () => selectedLine(lastFrame())?.includes('PAL-DF-004') ?? false);
    stdin.write(DOWN);
    await until(lastFrame, () => selectedLine(lastFrame())?.includes('PAL-DF-009') ?? false);
    stdin.write('k');
    await until(lastFrame, () => selectedLine(lastFrame())?.includes('PAL-DF-004') ?? false);
  });

  it('opens the detail with Enter and returns with Esc', async () => {
    const { lastFrame, stdin } = render(<App result={fixtureResult()} sources={fixtureSources()} />);
    await until(lastFrame, (t) => t.includes('PAL-DF-001'));
    stdin.write(ENTER);
    await until(lastFrame, (t) => t.includes('Remediation'));
    const t = screen(lastFrame());
    expect(t).toContain('Image tag is latest');
    expect(t).toContain('Use a fixed tag such as node:22.11-alpine');
    expect(t).not.toContain('▾ Dockerfile');
    expect(t).toContain('more lines (j/k scroll)');
    // The rest of the detail is below the fold: j scrolls the pane down to the code excerpt.
    for (let i = 0; i < 12; i++) stdin.write('j');
    await until(lastFrame, (t) => t.includes('FROM node:latest AS build'));
    const scrolled = screen(lastFrame());
    expect(scrolled).toContain('DS001, DL3007');
    expect(scrolled).toContain('> 1 │ FROM node:latest AS build'); // excerpt cut from the source text
    expect(scrolled).toContain('  2 │ WORKDIR /app');
    stdin.write(ESC);
    await until(lastFrame, (t) => t.includes('▾ Dockerfile (3)'));
  });

  it('filters by text: typing shows the draft, Enter applies, Esc cancels', async () => {
    const { lastFrame, stdin } = render(<App result={fixtureResult()} />);
    await until(lastFrame, (t) => t.includes('PAL-DF-001'));
    stdin.write('/');
    await until(lastFrame, (t) => t.includes('Enter apply'));
    stdin.write('privileged');
    await until(lastFrame, (t) => t.includes('/ privileged'));
    expect(screen(lastFrame())).toContain('PAL-DF-001'); // not applied yet
    stdin.write(ENTER);
    await until(lastFrame, (t) => !t.includes('PAL-DF-001'));
    const t = screen(lastFrame());
    expect(t).toContain('Findings 1/1 of 6');
    expect(t).toContain('PAL-K8S-001');
    stdin.write('/');
    await until(lastFrame, (t) => t.includes('Enter apply'));
    stdin.write('zzz');
    await until(lastFrame, (t) => t.includes('privilegedzzz'));
    stdin.write(ESC);
    await until(lastFrame, (t) => t.includes('j/k move'));
    expect(screen(lastFrame())).toContain('Findings 1/1 of 6');
  });

  it('cycles severity, grouping and waived, and shows the overlays', async () => {
    const { lastFrame, stdin } = render(<App result={fixtureResult()} />);
    await until(lastFrame, (t) => t.includes('PAL-DF-001'));
    stdin.write('s');
    await until(lastFrame, (t) => t.includes('≥LOW'));
    expect(screen(lastFrame())).not.toContain('PAL-K8S-005');
    stdin.write('g');
    await until(lastFrame, (t) => t.includes('by policy'));
    expect(screen(lastFrame())).toContain('▾ PAL-K8S-001  Privileged container (1)');
    stdin.write('w');
    await until(lastFrame, (t) => t.includes('PAL-DF-012'));
    expect(screen(lastFrame())).toContain('[waived]');
    stdin.write('e');
    await until(lastFrame, (t) => t.includes('Load errors (1)'));
    expect(screen(lastFrame())).toContain('k8s/broken.yaml:4:3');
    expect(screen(lastFrame())).toContain('PAL-K8S-007 in palisade.yaml: expired 2024-01-31');
    stdin.write(ESC);
    stdin.write('?');
    await until(lastFrame, (t) => t.includes('cycle the minimum severity shown'));
  });

  it('windows thousands of findings to the screen', async () => {
    const { lastFrame, stdin } = render(<App result={fixtureResult(manyFindings(5000))} />);
    await until(lastFrame, (t) => t.includes('Findings 1/5000'));
    expect(screen(lastFrame()).split('\n')).toHaveLength(23);
    stdin.write('\x1b[F'); // End
    await until(lastFrame, (t) => t.includes('Findings 5000/5000'));
    expect(selectedLine(lastFrame())).toContain('generated finding number 4999');
  });
});

describe('splitKeys', () => {
  it('splits keys that arrived together into separate presses', () => {
    expect(splitKeys('jj\r', {})).toEqual([['j', {}], ['j', {}], ['', { return: true }]]);
    expect(splitKeys('j', { shift: false } as never)).toEqual([['j', { shift: false }]]);
    expect(splitKeys('', { upArrow: true })).toEqual([['', { upArrow: true }]]);
  });
  it('reads Esc followed by a letter as the two keys', () => {
    expect(splitKeys('s', { meta: true })).toEqual([['', { escape: true }], ['s', {}]]);
  });
});

/** A stdin as Ink reads it (readable + read()), fed by the test. */
class FakeStdin extends EventEmitter {
  isTTY = true;
  private queued: string | null = null;
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read = () => {
    const d = this.queued;
    this.queued = null;
    return d;
  };
  send(data: string) {
    this.queued = data;
    this.emit('readable');
  }
}

describe('runTui', () => {
  it('resolves when the user presses q', async () => {
    const stdin = new FakeStdin();
    let out = '';
    const stdout = Object.assign(new EventEmitter(), {
      columns: 80,
      rows: 24,
      write: (s: string) => {
        out += s;
        return true;
      },
    });
    const done = runTui(fixtureResult(), { stdin: stdin as never, stdout: stdout as never });
    // Ink reads keys once it listens on stdin. Waiting for the output instead would hang under CI=true,
    // where Ink (is-in-ci) writes only the last frame, at unmount.
    await vi.waitFor(() => expect(stdin.listenerCount('readable')).toBeGreaterThan(0), {
      timeout: 15_000,
      interval: 20,
    });
    stdin.send('q');
    await expect(done).resolves.toBeUndefined();
    expect(out).toContain('PAL-DF-001');
  });
});
