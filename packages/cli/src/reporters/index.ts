import { azureDevopsReporter } from './azuredevops.js';
import { conftestJsonReporter, conftestReporter } from './conftest.js';
import { githubReporter } from './github.js';
import { htmlReporter } from './html.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { sarifReporter } from './sarif.js';
import { tableReporter } from './table.js';
import { tapReporter } from './tap.js';
import { textReporter } from './text.js';
import type { Reporter } from './types.js';

export type { ReportOptions, Reporter } from './types.js';
export { canonicalScanResult } from './json.js';
export { buildSarif } from './sarif.js';

export const DEFAULT_REPORTER = 'text';

/** All output formats by name, in the order `--help` lists them. */
export const REPORTERS: ReadonlyMap<string, Reporter> = new Map(
  [
    textReporter,
    jsonReporter,
    sarifReporter,
    junitReporter,
    githubReporter,
    tapReporter,
    tableReporter,
    azureDevopsReporter,
    htmlReporter,
    conftestReporter,
    conftestJsonReporter,
  ].map((r) => [r.name, r]),
);

export function getReporter(name: string): Reporter | undefined {
  return REPORTERS.get(name.toLowerCase());
}
