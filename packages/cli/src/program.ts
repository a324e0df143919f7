/**
 * The commander program built from command specs. A spec carries everything `--help` and argument
 * parsing need; the command's code is loaded only when it runs, so `--version`, `--help` and each
 * command pay only for what they use (docs/performance.md, "Start-up").
 */
import { Command, CommanderError } from 'commander';
import { argumentErrors } from './arguments.js';
import { EXIT, type CliCommand, type CommandIO } from './command.js';
import { parseOptions } from './options.js';
import { VERSION } from './version.js';

/** A command without its code: plain data (see command-manifest.ts). */
export type CommandSpec = Omit<CliCommand, 'run'>;

/** A spec plus how to get the command's `run` when it is invoked. */
export interface LazyCommand {
  spec: CommandSpec;
  load(): Promise<CliCommand['run']>;
}

export function eager(cmd: CliCommand): LazyCommand {
  return { spec: cmd, load: async () => cmd.run };
}

export async function runProgram(argv: string[], io: CommandIO, table: LazyCommand[]): Promise<number> {
  const program = new Command('palisade')
    .description('Policy-as-code for container security (Rego-compatible)')
    .version(VERSION, '-V, --version')
    // Subcommands own their flags (`palisade test -v` is verbose, not the version).
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showSuggestionAfterError(true);
  let code: number = EXIT.ok;
  for (const { spec, load } of table) {
    const c = program.command(spec.name).description(spec.summary).exitOverride();
    if (spec.args) c.arguments(spec.args);
    for (const o of spec.options) {
      if (o.repeatable) c.option(o.flags, o.description, (v: string, prev: string[] | undefined) => [...(prev ?? []), v]);
      else c.option(o.flags, o.description, o.default);
    }
    if (spec.examples.length) c.addHelpText('after', '\nExamples:\n' + spec.examples.map((e) => `  $ ${e}`).join('\n'));
    c.action(async (...params: unknown[]) => {
      const command = params[params.length - 1] as Command;
      const positional = command.args;
      const opts = parseOptions(spec.options, command.opts());
      const usage = argumentErrors(spec, positional, opts);
      if (usage.length) {
        for (const e of usage) io.stderr.write(`error: ${e}\n`);
        code = EXIT.error;
        return;
      }
      const run = await load();
      code = await run(positional, opts, io);
    });
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      return EXIT.error;
    }
    io.stderr.write(`internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
    return EXIT.error;
  }
  return code;
}
