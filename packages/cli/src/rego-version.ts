/**
 * conftest's `--rego-version v0|v1` on scan and test. Palisade reads Rego v1, so `v1` is
 * accepted as is; `v0` is refused with a clear error until the engine's v0 mode is available
 * to these commands (a v0 policy read as v1 would fail to parse, or worse, mean something else).
 */
import type { CommandIO, OptionSpec } from './command.js';

export const REGO_VERSION_OPTION: OptionSpec = { flags: '--rego-version <version>', description: 'Rego version of the policies (as conftest): v1 (the default and only one here)' };

/** True when the run may go on; otherwise the error is printed. */
export function checkRegoVersion(opts: Record<string, unknown>, io: CommandIO): boolean {
  const v = opts['regoVersion'];
  if (v === undefined || v === 'v1') return true;
  io.stderr.write(v === 'v0' ? 'error: --rego-version v0: Rego v0 policies are not supported by this command yet; convert them with `palisade fmt --v0-v1` or rewrite them in v1\n' : `error: --rego-version must be v0 or v1, got "${String(v)}"\n`);
  return false;
}
