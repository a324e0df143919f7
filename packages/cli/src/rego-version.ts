/**
 * The Rego version flags, shared by every command that reads policies: OPA's `--v0-compatible`
 * and `--rego-version v0|v1` (OPA's and conftest's spelling). v1 is the default.
 */
import type { RegoVersion } from '@palisade/engine';
import type { CommandIO, OptionSpec } from './command.js';

export const REGO_VERSION_OPTION = { flags: '--rego-version <version>', description: 'Rego version of the policies: v1 (default) or v0 (as OPA and conftest)' } as const satisfies OptionSpec;
export const V0_COMPATIBLE_OPTION = { flags: '--v0-compatible', description: 'read policies as Rego v0 (same as --rego-version v0, as OPA)' } as const satisfies OptionSpec;
export const REGO_VERSION_OPTIONS = [REGO_VERSION_OPTION, V0_COMPATIBLE_OPTION] as const satisfies readonly OptionSpec[];

/** The version asked for; undefined (and the error printed) when the flags are invalid. */
export function regoVersionOf(opts: Record<string, unknown>, io: CommandIO): RegoVersion | undefined {
  const v = opts['regoVersion'];
  if (v !== undefined && v !== 'v0' && v !== 'v1') {
    io.stderr.write(`error: --rego-version must be v0 or v1, got "${String(v)}"\n`);
    return undefined;
  }
  if (opts['v0Compatible'] === true) {
    if (v === 'v1') {
      io.stderr.write('error: --v0-compatible contradicts --rego-version v1\n');
      return undefined;
    }
    return 'v0';
  }
  return v ?? 'v1';
}
