/**
 * Argument checks shared by every command, driven by the option table: an empty path (an unset
 * shell variable: `palisade scan "$DIR"`) would otherwise mean "the working directory", and a
 * `<ms>` value that is not a number would silently mean "no limit" (a `<percent>` one, no threshold).
 */
import { Option } from 'commander';
import type { CliCommand } from './command.js';
import { optionKey, type ParsedOptions } from './options.js';

/** Placeholders whose values name files, directories or globs: never empty. */
const PATH_VALUES = new Set(['path', 'file', 'glob', 'glob...', 'paths...', 'format[=file]']);

/**
 * Numeric placeholders checked here, for every command that has them. (`<n>`, `<MB>` and
 * `<bytes>` have command-specific ranges and are checked where they are read.)
 */
const NUMERIC: Record<string, { ok: (v: string) => boolean; wants: string }> = {
  ms: { ok: (v) => /^\d+$/.test(v), wants: 'a whole number of milliseconds ≥ 0 (0 = no limit)' },
  percent: { ok: (v) => /^\d+(\.\d+)?$/.test(v) && Number(v) <= 100, wants: 'a percentage from 0 to 100' },
};

function placeholder(flags: string): string | undefined {
  return /<([^>]+)>/.exec(flags)?.[1];
}

function valuesOf(v: unknown): unknown[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** Usage errors of one invocation (empty when the arguments are acceptable). */
export function argumentErrors(cmd: Pick<CliCommand, 'name' | 'options'>, positional: readonly string[], opts: ParsedOptions): string[] {
  const errors: string[] = [];
  if (positional.some((a) => a.trim() === '')) {
    errors.push(`empty argument "" (an unset shell variable?); name the paths to ${cmd.name}, e.g. "."`);
  }
  for (const spec of cmd.options) {
    const kind = placeholder(spec.flags);
    if (!kind) continue;
    const option = new Option(spec.flags);
    const values = valuesOf(opts[optionKey(spec)]).filter((v): v is string => typeof v === 'string');
    if (PATH_VALUES.has(kind) && values.some((v) => v.trim() === '')) {
      errors.push(`${option.long ?? option.short}: empty value "" (an unset shell variable?)`);
    }
    const numeric = NUMERIC[kind];
    if (numeric) {
      for (const v of values) if (!numeric.ok(v.trim())) errors.push(`${option.long ?? option.short}: must be ${numeric.wants}, got "${v}"`);
    }
  }
  return errors;
}
