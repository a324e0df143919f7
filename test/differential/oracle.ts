/**
 * Runs a program on the reference OPA (`../shared/bin/opa`, read in place, never copied). Each
 * program is written to its own temporary folder; the folder is removed afterwards.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Program } from './program.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The oracle binary: $PALISADE_OPA, else ../shared/bin/opa from the project root. */
export const OPA_PATH = process.env['PALISADE_OPA'] ?? resolve(root, '../shared/bin/opa');

/** Undefined when the oracle can run, else why not (callers print it and skip). */
export function oracleMissing(): string | undefined {
  if (!existsSync(OPA_PATH)) return `reference OPA not found at ${OPA_PATH}`;
  return undefined;
}

export function oracleVersion(): string {
  return execFileSync(OPA_PATH, ['version'], { encoding: 'utf8' }).split('\n')[0]?.trim() ?? 'unknown';
}

/** What OPA printed: exit code and stdout, exactly as captured in regression cases. */
export interface OpaRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** The argument list after `opa` for a program laid out in `dir` (also recorded in cases). */
export function opaArgs(p: Program, dir = '.'): string[] {
  const args = ['eval', '--format', 'json'];
  for (const m of p.modules) args.push('-d', join(dir, m.file));
  if (p.data !== undefined) args.push('-d', join(dir, 'data.json'));
  if (p.input !== undefined) args.push('-i', join(dir, 'input.json'));
  // The oracle's flag parser would read a query starting with `-` (`-1 == 0`) as a flag; a
  // leading space keeps it a query and changes nothing else.
  args.push(p.query.startsWith('-') ? ` ${p.query}` : p.query);
  return args;
}

function layOut(p: Program): string {
  const dir = mkdtempSync(join(tmpdir(), 'palisade-diff-'));
  for (const m of p.modules) writeFileSync(join(dir, m.file), m.source);
  if (p.data !== undefined) writeFileSync(join(dir, 'data.json'), JSON.stringify(p.data));
  if (p.input !== undefined) writeFileSync(join(dir, 'input.json'), JSON.stringify(p.input));
  return dir;
}

/** Runs OPA on the program (modules are passed by their bare file names, run from the folder). */
export function runOpa(p: Program, timeoutMs = 20_000): Promise<OpaRun> {
  const dir = layOut(p);
  return new Promise((done) => {
    execFile(OPA_PATH, opaArgs(p), { cwd: dir, timeout: timeoutMs, maxBuffer: 64 << 20, encoding: 'utf8' }, (err, stdout, stderr) => {
      rmSync(dir, { recursive: true, force: true });
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : -1) : 0;
      done({ exitCode: code, stdout, stderr });
    });
  });
}
