import { describe, expect, expectTypeOf, it } from 'vitest';
import type { OptionSpec } from './command.js';
import { optionKey, parseOptions, type OptionsOf } from './options.js';
import { runProgram, eager } from './program.js';
import { defineCommand } from './command.js';

const TABLE = [
  { flags: '-s, --strict', description: 'a switch' },
  { flags: '-f, --format <format>', description: 'a value with a default', default: 'text' },
  { flags: '--max-memory <MB>', description: 'a value' },
  { flags: '-d, --data <path>', description: 'repeatable', repeatable: true },
  { flags: '--ignore <glob...>', description: 'variadic' },
  { flags: '--no-color', description: 'negated' },
  { flags: '--explain [mode]', description: 'optional value' },
] as const satisfies readonly OptionSpec[];

describe('typed options', () => {
  it('derives each option key and type from its flags', () => {
    expectTypeOf<OptionsOf<typeof TABLE>>().toEqualTypeOf<{
      format: string;
      strict?: boolean;
      maxMemory?: string;
      data?: string[];
      ignore?: string[];
      color?: boolean;
      explain?: string | true;
    }>();
    expect(TABLE.map(optionKey)).toEqual(['strict', 'format', 'maxMemory', 'data', 'ignore', 'color', 'explain']);
  });

  it('the parser keeps the options of the table only', () => {
    expect(parseOptions(TABLE, { strict: true, data: ['a'], other: 1 })).toEqual({ strict: true, data: ['a'] });
  });

  it('a command defined with the table gets what the program parsed, typed', async () => {
    const seen: unknown[] = [];
    const cmd = defineCommand({
      name: 'x',
      args: '[paths...]',
      summary: 's',
      examples: [],
      options: TABLE,
      async run(args, opts) {
        expectTypeOf(opts.data).toEqualTypeOf<string[] | undefined>();
        seen.push(args, opts);
        return 0;
      },
    });
    const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: {}, cwd: '.' };
    expect(await runProgram(['x', '-d', 'a', '-d', 'b', '--max-memory', '64', '--no-color', 'p'], io, [eager(cmd)])).toBe(0);
    expect(seen).toEqual([['p'], { format: 'text', data: ['a', 'b'], maxMemory: '64', color: false }]);
  });
});
