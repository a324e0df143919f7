/** Option specs and error printing shared by `pull`, `push` and `scan --update`. */
import type { RegoVersion } from '@palisade/engine';
import type { CommandIO, OptionSpec } from '../command.js';
import { EXIT, textOrJson } from '../command.js';
import { regoVersionOf } from '../rego-version.js';
import { RemoteError } from './errors.js';
import { DEFAULT_REMOTE_TIMEOUT_MS, limitsOf, type Limits } from './limits.js';
import type { RemoteOptions } from './pull.js';

export const INSECURE_OPTION = { flags: '--insecure', description: 'allow plain http (and git over http) to hosts other than 127.0.0.1/localhost' } as const satisfies OptionSpec;

export const REMOTE_OPTIONS = [
  INSECURE_OPTION,
  { flags: '--tls', description: 'use https even for a registry on 127.0.0.1/localhost (spoken to over http by default, as docker and conftest do)' },
  { flags: '--timeout <ms>', description: `time limit of the whole transfer, in milliseconds (default ${DEFAULT_REMOTE_TIMEOUT_MS}; 0 = none)` },
  { flags: '--max-size <MB>', description: 'largest download, and largest total of the files once unpacked, in MB (default 64 and 256)' },
] as const satisfies readonly OptionSpec[];

/** The transfer options of `opts`, or the usage error. */
export function remoteOptionsOf(opts: Record<string, unknown>, io: CommandIO): RemoteOptions | string {
  const limits: Limits | undefined = limitsOf(opts['maxSize']);
  if (!limits) return `--max-size: must be a positive number of MB, got "${String(opts['maxSize'])}"`;
  const t = opts['timeout'] === undefined ? DEFAULT_REMOTE_TIMEOUT_MS : Number(opts['timeout']);
  const out: RemoteOptions = { cwd: io.cwd, env: io.env, timeoutMs: t === 0 ? 2 ** 31 - 1 : t, limits };
  if (opts['insecure'] === true) out.insecure = true;
  if (opts['tls'] === true) out.tls = true;
  return out;
}

/** Prints a failure of a remote operation as `error: CODE: message`; returns the exit code. */
export function printRemoteError(e: unknown, io: CommandIO, prefix = ''): number {
  if (!(e instanceof RemoteError)) throw e;
  io.stderr.write(`error: ${prefix}${e.code}: ${e.message}\n`);
  return EXIT.error;
}

/**
 * What `pull` and `push` both read from their arguments: the output format, the Rego version, the
 * transfer options and the address with its optional directory (given once: as an argument or as
 * `--policy`). Undefined when a usage error was printed.
 */
export function remoteCommandArgs(
  args: string[],
  opts: Record<string, unknown>,
  io: CommandIO,
): { format: 'text' | 'json'; regoVersion: RegoVersion; remote: RemoteOptions; address: string; directory?: string } | undefined {
  const format = textOrJson(opts, io);
  if (!format) return undefined;
  const regoVersion = regoVersionOf(opts, io);
  if (!regoVersion) return undefined;
  const remote = remoteOptionsOf(opts, io);
  if (typeof remote === 'string') {
    io.stderr.write(`error: ${remote}\n`);
    return undefined;
  }
  const [address, dirArg] = args as [string, string | undefined];
  if (dirArg !== undefined && opts['policy'] !== undefined && dirArg !== opts['policy']) {
    io.stderr.write('error: give the directory once: as an argument or with --policy\n');
    return undefined;
  }
  const directory = dirArg ?? (opts['policy'] as string | undefined);
  return { format, regoVersion, remote, address, ...(directory !== undefined ? { directory } : {}) };
}
