import { describe, expect, it } from 'vitest';
import type { CommandIO } from './command.js';
import { commands } from './commands/index.js';
import { main } from './main.js';
import { eager, runProgram } from './program.js';

function io(): CommandIO & { out: () => string } {
  let out = '';
  const w = { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WritableStream;
  return { stdout: w, stderr: w, stdin: process.stdin, env: {}, cwd: '/', out: () => out };
}

describe('main', () => {
  it('answers --version and -V without the argument parser exactly as commander does', async () => {
    const viaCommander = io();
    expect(await runProgram(['--version'], viaCommander, commands.map(eager))).toBe(0);
    for (const flag of ['--version', '-V']) {
      const fast = io();
      expect(await main([flag], fast)).toBe(0);
      expect(fast.out()).toBe(viaCommander.out());
    }
    expect(viaCommander.out()).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('runs commands through the program (help and usage errors)', async () => {
    const help = io();
    expect(await main(['--help'], help)).toBe(0);
    for (const c of commands) expect(help.out()).toContain(c.name);
    const bad = io();
    expect(await main(['no-such-command'], bad)).toBe(2);
    expect(bad.out()).toMatch(/unknown command/);
  });
});
