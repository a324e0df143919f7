/** Helpers of the `palisade scan` end-to-end tests: build once, spawn the real bin. */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'packages/cli/dist/main.js');
export const FIXTURES = join(ROOT, 'test/fixtures/scan');

/** Builds the CLI when its output (or the scan command in it) is missing. */
export function ensureBuilt(): void {
  if (existsSync(join(ROOT, 'packages/cli/dist/commands/scan.js')) && statSync(BIN).isFile()) return;
  execFileSync('npx', ['tsc', '-b', 'packages/engine', 'packages/stdlib', 'packages/cli'], { cwd: ROOT, stdio: 'inherit' });
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A neutral environment: no colour forcing, no CI flag, no PALISADE_* leaking in from the shell. */
export function baseEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('PALISADE_') || k === 'NO_COLOR' || k === 'FORCE_COLOR' || k === 'CI') continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

export function palisade(args: string[], opts: { cwd?: string; env?: Record<string, string>; input?: string } = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? FIXTURES,
    env: baseEnv(opts.env),
    input: opts.input ?? '',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A private copy of a fixture directory (tests may add files to it). */
export function copyFixture(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `palisade-${name}-`));
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}
