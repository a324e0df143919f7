/** `-o/--output FORMAT[=FILE]`: parsing the specs and writing every report. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ScanResult } from '@palisade/stdlib';
import { DEFAULT_REPORTER, getReporter, REPORTERS, type ReportOptions, type Reporter } from '../reporters/index.js';

export interface OutputSpec {
  reporter: Reporter;
  /** Absent: standard output. */
  file?: string;
}

/** Parses `text`, `sarif=out.sarif`…; returns usage errors for unknown formats. */
export function parseOutputs(specs: readonly string[] | undefined): { outputs: OutputSpec[]; errors: string[] } {
  const list = specs && specs.length ? specs : [DEFAULT_REPORTER];
  const outputs: OutputSpec[] = [];
  const errors: string[] = [];
  for (const spec of list) {
    const eq = spec.indexOf('=');
    const name = (eq === -1 ? spec : spec.slice(0, eq)).trim();
    const file = eq === -1 ? undefined : spec.slice(eq + 1).trim();
    const reporter = getReporter(name);
    if (!reporter) {
      errors.push(`unknown output format "${name}" (expected one of ${[...REPORTERS.keys()].join(', ')})`);
      continue;
    }
    if (file === '') {
      errors.push(`output "${spec}": missing file name after "="`);
      continue;
    }
    outputs.push(file === undefined || file === '-' ? { reporter } : { reporter, file });
  }
  return { outputs, errors };
}

/**
 * Renders every output. Files get no colour; stdout gets `stdoutColor`. Returns write errors
 * (a report that cannot be written is an error of the run, exit 2).
 */
export function writeOutputs(
  result: ScanResult,
  outputs: readonly OutputSpec[],
  base: Omit<ReportOptions, 'color'>,
  stdoutColor: boolean,
  stdout: NodeJS.WritableStream,
  cwd: string,
): string[] {
  const errors: string[] = [];
  for (const o of outputs) {
    const text = o.reporter.render(result, { ...base, color: o.file ? false : stdoutColor });
    const withNewline = text.endsWith('\n') || text === '' ? text : `${text}\n`;
    if (!o.file) {
      stdout.write(withNewline);
      continue;
    }
    const path = resolve(cwd, o.file);
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, withNewline);
    } catch (e) {
      errors.push(`cannot write ${o.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  return errors;
}
