import { readFileSync } from 'node:fs';
import { parseModule } from '@palisade/engine';
import { EXIT, type CliCommand } from '../command.js';
import { printDiagnostics } from '../diagnostics.js';

export const parseCommand: CliCommand = {
  name: 'parse',
  args: '<file>',
  summary: 'Print the AST of a Rego module as JSON',
  examples: ['palisade parse policy/main.rego'],
  options: [],
  async run(args, _opts, io) {
    const file = args[0];
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      io.stderr.write(`error: cannot read ${file}: ${(e as Error).message}\n`);
      return EXIT.error;
    }
    const { module, errors } = parseModule(file, text);
    if (!module || errors.length) return printDiagnostics(errors, io);
    const { source: _source, ...rest } = module;
    void _source;
    io.stdout.write(JSON.stringify(rest, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2) + '\n');
    return EXIT.ok;
  },
};
