/** Starts the real `palisade serve` on 127.0.0.1 (an ephemeral port) for the serve tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { BIN, baseEnv } from '../cli/scan-helpers.js';

export interface Served {
  url: string;
  child: ChildProcess;
  stderr: () => string;
  stdout: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startServe(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', '--addr', '127.0.0.1:0', ...args], { cwd, env: baseEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`palisade serve did not start within 60 s:\n${err}`)), 60_000);
    child.stderr!.on('data', (b: Buffer) => {
      err += b.toString();
      const m = /listening on (https?:\/\/[^\s]+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`palisade serve exited with ${code}:\n${err}`));
    });
  });
  return {
    url,
    child,
    stderr: () => err,
    stdout: () => out,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      }),
  };
}

/**
 * A temporary directory for one test file, removed (and its servers killed) after all tests;
 * `write` creates a file in it, parents included, and returns its path.
 */
export function workspace(prefix: string): { dir: string; servers: Served[]; write(name: string, text: string): string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const servers: Served[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop('SIGKILL')));
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    dir,
    servers,
    write(name, text) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    },
  };
}
