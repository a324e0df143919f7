/** Terminal decisions of `palisade scan`: colour and progress. */
import { disarmCommands, sanitizeName } from '../reporters/ansi.js';

const isSet = (v: string | undefined): boolean => v !== undefined && v !== '';

/**
 * Colour: `--color`/`--no-color` (or `color:` in palisade.yaml) > `NO_COLOR` (any non-empty
 * value) > `FORCE_COLOR` (`0`/`false` turn colour off) > whether the stream is a terminal.
 */
export function colorEnabled(flag: boolean | undefined, env: NodeJS.ProcessEnv, stream: { isTTY?: boolean }): boolean {
  if (flag !== undefined) return flag;
  if (isSet(env['NO_COLOR'])) return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return !/^(0|false)$/i.test(force);
  return stream.isTTY === true && env['TERM'] !== 'dumb';
}

/** Progress goes to stderr, only on a terminal and never in CI. */
export function progressEnabled(env: NodeJS.ProcessEnv, stderr: { isTTY?: boolean }): boolean {
  const ci = env['CI'];
  if (ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false') return false;
  return stderr.isTTY === true && env['TERM'] !== 'dumb';
}

/** A one-line progress indicator redrawn in place; `done()` erases it. */
export class Progress {
  private last = -1;
  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly enabled: boolean,
  ) {}

  update(done: number, total: number, label = 'documents'): void {
    if (!this.enabled || total === 0) return;
    const pct = Math.floor((done * 100) / total);
    if (pct === this.last && done !== total) return;
    this.last = pct;
    this.stream.write(`\r\x1b[2Kscanning ${done}/${total} ${label} (${pct}%)`);
  }

  message(text: string): void {
    if (this.enabled) this.stream.write(`\r\x1b[2K${text}`);
  }

  done(): void {
    if (this.enabled) this.stream.write('\r\x1b[2K');
  }

  /** A line of its own on the same stream, clearing the progress line first; it names scanned files, so it is escaped. */
  note(line: string): void {
    this.stream.write(`${this.enabled ? '\r\x1b[2K' : ''}${disarmCommands(sanitizeName(line))}\n`);
  }
}
