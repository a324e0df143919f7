#!/usr/bin/env node
/**
 * `palisade` entry point: builds the commander program from the command manifest (or, when it is
 * missing or stale, from the command table itself) and maps exit codes. Nothing else is imported
 * up front: a command's code loads when it runs (command-manifest.ts).
 */
import type { CommandIO } from './command.js';
import { VERSION } from './version.js';

export async function main(argv: string[], io: CommandIO): Promise<number> {
  // The one answer that needs no argument parser (same output as commander's `-V`).
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const [{ eager, runProgram }, { readManifest }] = await Promise.all([import('./program.js'), import('./command-manifest.js')]);
  const table = readManifest(new URL('.', import.meta.url), io.env) ?? (await import('./commands/index.js')).commands.map(eager);
  return runProgram(argv, io, table);
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
  void main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() }).then(
    (code) => {
      process.exitCode = code;
    },
  );
}
