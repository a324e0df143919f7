/**
 * Argument checks shared by every command, driven by the option table: an empty path (an unset
 * shell variable: `palisade scan "$DIR"`) would otherwise mean "the working directory", and a
 * `<ms>` value that is not a number would silently mean "no limit".
 */
import { Option } from 'commander';
import type { CliCommand } from './command.js';

/** Placeholders whose values name files, directories or globs: never empty. */
const PATH_VALUES = new Set(['path', 'file', 'glob', 'glob...', 'paths...', 'format[=file]']);
const MILLISECONDS = /^\d+$/;

function placeholder(flags: string): string | undefined {
  return /<([^>]+)>/.exec(flags)?.[1];
}

function valuesOf(v: unknown): unknown[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** Usage errors of one invocation (empty when the arguments are acceptable). */
export function argumentErrors(cmd: Pick<CliCommand, 'name' | 'options'>, positional: readonly string[], opts: Record<string, unknown>): string[] {
  const errors: string[] = [];
  if (positional.some((a) => a.trim() === '')) {
    errors.push(`empty argument "" (an unset shell variable?); name the paths to ${cmd.name}, e.g. "."`);
  }
  for (const spec of cmd.options) {
    const kind = placeholder(spec.flags);
    if (!kind) continue;
    const option = new Option(spec.flags);
    const values = valuesOf(opts[option.attributeName()]).filter((v): v is string => typeof v === 'string');
    if (PATH_VALUES.has(kind) && values.some((v) => v.trim() === '')) {
      errors.push(`${option.long ?? option.short}: empty value "" (an unset shell variable?)`);
    }
    if (kind === 'ms') {
      for (const v of values) if (!MILLISECONDS.test(v.trim())) errors.push(`${option.long ?? option.short}: must be a whole number of milliseconds ≥ 0 (0 = no limit), got "${v}"`);
    }
  }
  return errors;
}
