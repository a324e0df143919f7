import { describe, expect, it } from 'vitest';
import { tuiAvailability } from './index.js';

const tty = { isTTY: true };

describe('tuiAvailability', () => {
  it('accepts two terminals outside CI', () => {
    expect(tuiAvailability({ TERM: 'xterm-256color' }, tty, tty)).toEqual({ ok: true });
    expect(tuiAvailability({ CI: 'false' }, tty, tty)).toEqual({ ok: true });
    expect(tuiAvailability({ CI: '0' }, tty, tty)).toEqual({ ok: true });
  });

  it('gives a one-line reason otherwise', () => {
    const cases = [
      tuiAvailability({ CI: 'true' }, tty, tty),
      tuiAvailability({}, {}, tty),
      tuiAvailability({}, tty, { isTTY: false }),
      tuiAvailability({ TERM: 'dumb' }, tty, tty),
    ];
    const reasons = cases.map((c) => (c.ok ? '' : c.reason));
    expect(reasons[0]).toMatch(/CI/);
    expect(reasons[1]).toMatch(/standard input/);
    expect(reasons[2]).toMatch(/standard output/);
    expect(reasons[3]).toMatch(/dumb/);
    expect(reasons.every((r) => r !== '' && !r.includes('\n'))).toBe(true);
  });
});
