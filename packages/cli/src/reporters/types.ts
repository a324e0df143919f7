import type { ScanResult } from '@palisade/stdlib';

export interface ReportOptions {
  /** Emit ANSI colour (terminal formats only; structured formats ignore it). */
  color: boolean;
  /** Repository root: finding paths are made relative to it in every format. */
  cwd: string;
  toolVersion: string;
  /** File path → text, used for code frames when a finding carries no snippet. */
  sources?: Map<string, string>;
  /** Project home page for SARIF `tool.driver.informationUri`; a default is used when absent. */
  informationUri?: string;
  /** conftest layouts: leave out the EXCP lines (`--suppress-exceptions`); they are still counted. */
  suppressExceptions?: boolean;
}

/**
 * Every output format has this shape: a pure function from the canonical result to the text
 * written to stdout or a file. Reporters never do I/O, so several can run on one result.
 */
export interface Reporter {
  name: string;
  description: string;
  /** Conventional file extension, without the dot (for `-o format=file` defaults). */
  extension: string;
  render(result: ScanResult, opts: ReportOptions): string;
}
