/**
 * Regression cases: programs on which Palisade once disagreed with OPA, saved with OPA's output
 * so the suite runs without the oracle. One JSON file per case under cases/.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { opaArgs } from './oracle.js';
import type { Program } from './program.js';

export const CASES_DIR = join(dirname(fileURLToPath(import.meta.url)), 'cases');

export interface RegressionCase {
  /** What the case shows, in a sentence. */
  description: string;
  program: Program;
  /** OPA's answer, captured by running the oracle on the program. */
  opa: { exitCode: number; stdout: string; version: string; command: string };
  /** Where it came from: a campaign seed, an issue, a real policy. */
  origin: string;
  /**
   * Set while the divergence is still open (fix owned elsewhere or deliberate): the suite then
   * checks that the case still diverges, so fixing it forces the flag's removal.
   */
  open?: string;
}

export interface LoadedCase extends RegressionCase {
  file: string;
}

export function loadCases(dir = CASES_DIR): LoadedCase[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ ...(JSON.parse(readFileSync(join(dir, f), 'utf8')) as RegressionCase), file: f }));
}

/** A stable file name: a slug of the description and a hash of the program. */
export function caseFileName(c: RegressionCase): string {
  const slug = c.description.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50);
  const hash = createHash('sha256').update(JSON.stringify(c.program)).digest('hex').slice(0, 8);
  return `${slug}-${hash}.json`;
}

/** Writes a case atomically (temporary file, then rename); returns its file name. */
export function saveCase(c: RegressionCase, dir = CASES_DIR): string {
  const name = caseFileName(c);
  const tmp = join(dir, `.${name}.tmp`);
  writeFileSync(tmp, JSON.stringify(c, null, 2) + '\n');
  renameSync(tmp, join(dir, name));
  return name;
}

/** The command line recorded with a capture (modules in a temporary folder, run from there). */
export function captureCommand(p: Program): string {
  return ['opa', ...opaArgs(p)].map((a) => (/^[\w./=-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}
