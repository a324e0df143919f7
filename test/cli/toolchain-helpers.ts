/** Helpers of the policy-author command tests (test, fmt, check, inspect, eval): build when stale, spawn the bin. */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'packages/cli/dist/main.js');
export const FIXTURES = join(ROOT, 'test/fixtures/toolchain');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    newest = Math.max(newest, st.isDirectory() ? newestMtime(p) : st.mtimeMs);
  }
  return newest;
}

/** Builds engine, stdlib and CLI when the CLI's output is missing or older than any source file. */
export function ensureBuilt(): void {
  const stamp = join(ROOT, 'packages/cli/dist/commands/test.js');
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const sources = Math.max(...['engine', 'stdlib', 'cli'].map((p) => newestMtime(join(ROOT, 'packages', p, 'src'))));
  if (built >= sources) return;
  execFileSync('npx', ['tsc', '-b', 'packages/engine', 'packages/stdlib', 'packages/cli'], { cwd: ROOT, stdio: 'inherit' });
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function palisade(args: string[], opts: { cwd?: string; input?: string } = {}): RunResult {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('PALISADE_') && k !== 'FORCE_COLOR' && k !== 'CI') env[k] = v;
  env.NO_COLOR = '1';
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? FIXTURES, env, input: opts.input ?? '', encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A private copy of a fixture directory (for commands that write files). */
export function copyFixture(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `palisade-toolchain-${name}-`));
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}
