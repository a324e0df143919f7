import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliCommand, CommandIO } from './command.js';
import { buildManifest, MANIFEST_FILE, readManifest, specOf } from './command-manifest.js';
import { commands } from './commands/index.js';
import * as build from './commands/build.js';
import * as check from './commands/check.js';
import * as evalModule from './commands/eval.js';
import * as fmt from './commands/fmt.js';
import * as inspect from './commands/inspect.js';
import * as parse from './commands/parse.js';
import * as pull from './commands/pull.js';
import * as push from './commands/push.js';
import * as scan from './commands/scan.js';
import * as serve from './commands/serve.js';
import * as test from './commands/test.js';
import * as ui from './commands/ui.js';
import { eager, runProgram, type LazyCommand } from './program.js';

const modules = { 'commands/build.js': build, 'commands/check.js': check, 'commands/eval.js': evalModule, 'commands/fmt.js': fmt, 'commands/inspect.js': inspect, 'commands/parse.js': parse, 'commands/pull.js': pull, 'commands/push.js': push, 'commands/scan.js': scan, 'commands/serve.js': serve, 'commands/test.js': test, 'commands/ui.js': ui };
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function io(): CommandIO & { out: () => string } {
  let out = '';
  const w = { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WritableStream;
  return { stdout: w, stderr: w, stdin: process.stdin, env: {}, cwd: '/', out: () => out };
}

/** Runs argv against a table whose commands record what they were given instead of running. */
async function parsed(table: (cmd: CliCommand) => LazyCommand, argv: string[]): Promise<unknown> {
  let seen: unknown;
  const recording = commands.map((c) => table({ ...c, run: async (args, opts) => ((seen = { args, opts }), 0) }));
  await runProgram(argv, io(), recording);
  return seen;
}

/** The manifest's view of a command: its spec after a JSON round trip, as main.ts reads it. */
const viaManifest = (cmd: CliCommand): LazyCommand => ({ spec: JSON.parse(JSON.stringify(specOf(cmd))), load: async () => cmd.run });

describe('command manifest', () => {
  it('gives the same help text as the command table, for the program and every command', async () => {
    for (const argv of [['--help'], ...commands.map((c) => [c.name, '--help'])]) {
      const a = io();
      const b = io();
      await runProgram(argv, a, commands.map(eager));
      await runProgram(argv, b, commands.map(viaManifest));
      expect(b.out(), argv.join(' ')).toBe(a.out());
      expect(a.out()).toContain('Usage: palisade');
    }
  });

  it('parses repeatable and valued options the same way as the command table', async () => {
    const argvs = [
      ['scan', '-o', 'json=a.json', '-o', 'text', '-p', 'x', '--ignore', 'a/**', '--ignore', 'b', 'dir1', 'dir2', '-j', '2'],
      ['eval', '-d', 'p1', '-d', 'p2', '--format', 'values', 'data.x'],
      ['check', 'a.rego'],
    ];
    for (const argv of argvs) {
      const want = await parsed(eager, argv);
      expect(want, argv.join(' ')).toBeDefined();
      expect(await parsed(viaManifest, argv), argv.join(' ')).toEqual(want);
    }
    expect(await parsed(viaManifest, argvs[0]!)).toMatchObject({ args: ['dir1', 'dir2'], opts: { output: ['json=a.json', 'text'], ignore: ['a/**', 'b'] } });
  });

  it('names the module and export of every command', () => {
    const m = buildManifest(commands, modules, pathToFileURL(join(tmpdir(), 'none/')));
    expect(m.commands.map((c) => c.spec.name)).toEqual(commands.map((c) => c.name));
    expect(m.commands.find((c) => c.spec.name === 'scan')).toMatchObject({ module: 'commands/scan.js', export: 'scanCommand' });
    expect(() => buildManifest(commands, { 'commands/check.js': check }, pathToFileURL(tmpdir() + '/'))).toThrow(/no module/);
  });

  it('is used only while the build stamp it recorded is unchanged, and loads the command module when run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'palisade-manifest-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'commands'));
    writeFileSync(join(dir, 'commands', 'hello.mjs'), "export const helloCommand = { name: 'hello', args: '[names...]', summary: 's', examples: [], options: [], run: async (args, _o, io) => { io.stdout.write('hi ' + args.join(',')); return 3; } };\n");
    const stamp = join(dir, '.tsbuildinfo');
    writeFileSync(stamp, 'v1');
    const distDir = pathToFileURL(dir + '/');
    const hello = (await import(pathToFileURL(join(dir, 'commands', 'hello.mjs')).href)) as Record<string, CliCommand>;
    const manifest = buildManifest([hello['helloCommand']!], { 'commands/hello.mjs': hello }, distDir);
    writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(manifest));

    const table = readManifest(distDir);
    expect(table?.map((t) => t.spec.name)).toEqual(['hello']);
    const out = io();
    expect(await runProgram(['hello', 'a', 'b'], out, table!)).toBe(3);
    expect(out.out()).toBe('hi a,b');

    // A later build (tsc rewrote its build info): the manifest no longer describes the code.
    writeFileSync(stamp, 'v2 longer');
    utimesSync(stamp, new Date(), new Date(Date.now() + 5000));
    expect(readManifest(distDir)).toBeUndefined();
    // No build info at all (an installed package): nothing to compare with, the manifest is used.
    rmSync(stamp);
    expect(readManifest(distDir)).toHaveLength(1);
    expect(readManifest(pathToFileURL(join(dir, 'commands') + '/'))).toBeUndefined();
  });

  it('runs a command from its bundled module when that file exists, else from the unbundled one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'palisade-manifest-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'commands'));
    mkdirSync(join(dir, 'bundle'));
    const command = (says: string) => `export const helloCommand = { name: 'hello', summary: 's', examples: [], options: [], run: async (_a, _o, io) => { io.stdout.write('${says}'); return 0; } };\n`;
    writeFileSync(join(dir, 'commands', 'hello.mjs'), command('unbundled'));
    writeFileSync(join(dir, 'bundle', 'hello.mjs'), command('bundled'));
    const distDir = pathToFileURL(dir + '/');
    const hello = (await import(pathToFileURL(join(dir, 'commands', 'hello.mjs')).href)) as Record<string, CliCommand>;
    const manifest = buildManifest([hello['helloCommand']!], { 'commands/hello.mjs': hello }, distDir);
    manifest.commands[0]!.bundle = 'bundle/hello.mjs';
    writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(manifest));
    const run = async () => {
      const out = io();
      await runProgram(['hello'], out, readManifest(distDir)!);
      return out.out();
    };
    expect(await run()).toBe('bundled');
    rmSync(join(dir, 'bundle'), { recursive: true });
    expect(await run()).toBe('unbundled');
  });
});
