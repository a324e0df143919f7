/** Whether the interactive browser can run here; when not, the CLI prints the reason and the text report. */

export type TuiAvailability = { ok: true } | { ok: false; reason: string };

const isSet = (v: string | undefined): boolean => v !== undefined && v !== '' && v !== '0' && v !== 'false';

export function tuiAvailability(
  env: NodeJS.ProcessEnv,
  stdin: { isTTY?: boolean },
  stdout: { isTTY?: boolean },
): TuiAvailability {
  if (isSet(env['CI'])) return { ok: false, reason: 'the interactive UI is disabled when CI is set' };
  if (!stdin.isTTY) return { ok: false, reason: 'standard input is not a terminal' };
  if (!stdout.isTTY) return { ok: false, reason: 'standard output is not a terminal' };
  if (env['TERM'] === 'dumb') return { ok: false, reason: 'the terminal (TERM=dumb) cannot draw the interactive UI' };
  return { ok: true };
}
