import type { OptionSpec, OptionsOf, ParsedOptions } from './options.js';

// Commands name the option row from here too; it is defined with the option types (options.ts).
export type { OptionSpec } from './options.js';

export interface CommandIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** The shape of a CLI command: one file per command under commands/, listed in commands/index.ts. */
export interface CliCommand {
  name: string;
  /** Positional arguments in commander syntax, e.g. `[paths...]` or `<file>`. */
  args?: string;
  summary: string;
  /** Examples shown at the end of `--help`. */
  examples: string[];
  options: OptionSpec[];
  /** Returns the process exit code. `opts` come from `parseOptions` over `options`. */
  run(args: string[], opts: ParsedOptions, io: CommandIO): Promise<number>;
}

/** A command whose `run` gets its options typed from its option table (see options.ts). */
export interface TypedCommand<S extends readonly OptionSpec[]> extends Omit<CliCommand, 'options' | 'run'> {
  options: S;
  run(args: string[], opts: OptionsOf<S>, io: CommandIO): Promise<number>;
}

/**
 * Declares a command with typed options. The one place the parsed options meet their type: the
 * program parses each command's arguments with this same table (program.ts, parseOptions).
 */
export function defineCommand<const S extends readonly OptionSpec[]>(cmd: TypedCommand<S>): CliCommand {
  return cmd as unknown as CliCommand;
}

/** Exit codes shared by all commands (see docs/cli.md). */
export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

/** The `--format` of a command that prints text or JSON; undefined after printing the usage error. */
export function textOrJson(opts: { format?: string }, io: CommandIO): 'text' | 'json' | undefined {
  const format = opts.format ?? 'text';
  if (format === 'text' || format === 'json') return format;
  io.stderr.write(`error: unknown format "${format}" (use text or json)\n`);
  return undefined;
}
