/** Mounts the TUI on a terminal and resolves when the user quits. */
import { render } from 'ink';
import type { ScanResult } from '@palisade/stdlib';
import { App } from './app.js';

export interface TuiOptions {
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  /** path → file text, for code excerpts of findings that carry no snippet. */
  sources?: Map<string, string>;
}

// The alternate screen keeps the user's scrollback intact and is restored on exit.
const ENTER_ALT_SCREEN = '\x1b[?1049h\x1b[H';
const LEAVE_ALT_SCREEN = '\x1b[?1049l';

/** Renders the browser over a finished scan; resolves when the user quits. */
export async function runTui(result: ScanResult, opts: TuiOptions = {}): Promise<void> {
  const stdout = opts.stdout ?? process.stdout;
  const stdin = opts.stdin ?? process.stdin;
  const alt = stdout.isTTY === true;
  if (alt) stdout.write(ENTER_ALT_SCREEN);
  try {
    const instance = render(<App result={result} sources={opts.sources} />, {
      stdout,
      stdin,
      exitOnCtrlC: true,
      // Contract: callers print nothing while the UI is up (the scan has finished), so the
      // console is left alone rather than patched.
      patchConsole: false,
      // Ink's incrementalRendering left stale rows behind when the body switched panes (seen
      // in tmux with Ink 6.8); full frames inside synchronized-output markers do not flicker.
      incrementalRendering: false,
    });
    await instance.waitUntilExit();
  } finally {
    if (alt) stdout.write(LEAVE_ALT_SCREEN);
  }
}
