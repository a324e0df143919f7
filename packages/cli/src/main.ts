#!/usr/bin/env node
/** `palisade` entry point: builds the commander program from the command table; maps exit codes. */
import { Command, CommanderError } from 'commander';
import { commands } from './commands/index.js';
import { EXIT, type CommandIO } from './command.js';
import { VERSION } from './version.js';

export async function main(argv: string[], io: CommandIO): Promise<number> {
  const program = new Command('palisade')
    .description('Policy-as-code for container security (Rego-compatible)')
    .version(VERSION, '-V, --version')
    // Subcommands own their flags (`palisade test -v` is verbose, not the version).
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showSuggestionAfterError(true);
  let code: number = EXIT.ok;
  for (const cmd of commands) {
    const c = program.command(cmd.name).description(cmd.summary).exitOverride();
    if (cmd.args) c.arguments(cmd.args);
    for (const o of cmd.options) {
      if (o.repeatable) c.option(o.flags, o.description, (v: string, prev: string[] | undefined) => [...(prev ?? []), v]);
      else c.option(o.flags, o.description, o.default as string | undefined);
    }
    if (cmd.examples.length) c.addHelpText('after', '\nExamples:\n' + cmd.examples.map((e) => `  $ ${e}`).join('\n'));
    c.action(async (...params: unknown[]) => {
      const command = params[params.length - 1] as Command;
      const positional = command.args;
      code = await cmd.run(positional, command.opts(), io);
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

const isEntry = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntry || process.argv[1]?.endsWith('/palisade') || process.argv[1]?.endsWith('main.js')) {
  // A closed pipe (`palisade scan | head`) is a normal way for a reader to stop: exit quietly.
  for (const s of [process.stdout, process.stderr]) {
    s.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() }).then(
    (code) => {
      process.exitCode = code;
    },
  );
}
