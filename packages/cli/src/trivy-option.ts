/** The `--trivy-builtins auto|on|off` option shared by `test`, `eval`, `check` and `scan`. */
import { TRIVY_BUILTINS_MODES, type TrivyBuiltinsMode } from '@palisade/stdlib';
import type { CommandIO, OptionSpec } from './command.js';

export const TRIVY_BUILTINS_OPTION = {
  flags: '--trivy-builtins <mode>',
  description: "Trivy's builtins (sh.parse_commands, cidr.*, squealer.scan_string, isManaged, Trivy's result.new): auto (on when a policy has Trivy METADATA), on, off",
  default: 'auto',
} as const satisfies OptionSpec;

/** The mode from the parsed options, or undefined after printing the error for a bad value. */
export function trivyBuiltinsMode(opts: Record<string, unknown>, io: CommandIO): TrivyBuiltinsMode | undefined {
  const v = String(opts.trivyBuiltins ?? 'auto');
  if ((TRIVY_BUILTINS_MODES as readonly string[]).includes(v)) return v as TrivyBuiltinsMode;
  io.stderr.write(`error: --trivy-builtins must be one of ${TRIVY_BUILTINS_MODES.join(', ')}, got "${v}"\n`);
  return undefined;
}
