/** The shape of a CLI command: one file per command under commands/, listed in commands/index.ts. */
export interface OptionSpec {
  /** commander flags text, e.g. `-d, --data <path...>` */
  flags: string;
  description: string;
  default?: unknown;
  /**
   * Repeatable single-value option (`-d a -d b`): values collect into an array. Prefer this to
   * variadic `<x...>`, which would swallow positional arguments that follow.
   */
  repeatable?: boolean;
}

export interface CommandIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface CliCommand {
  name: string;
  /** Positional arguments in commander syntax, e.g. `[paths...]` or `<file>`. */
  args?: string;
  summary: string;
  /** Examples shown at the end of `--help`. */
  examples: string[];
  options: OptionSpec[];
  /** Returns the process exit code. */
  run(args: string[], opts: Record<string, unknown>, io: CommandIO): Promise<number>;
}

/** Exit codes shared by all commands (see docs/cli.md). */
export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

/** The `--format` of a command that prints text or JSON; undefined after printing the usage error. */
export function textOrJson(opts: Record<string, unknown>, io: CommandIO): 'text' | 'json' | undefined {
  const format = String(opts['format'] ?? 'text');
  if (format === 'text' || format === 'json') return format;
  io.stderr.write(`error: unknown format "${format}" (use text or json)\n`);
  return undefined;
}
