import { existsSync, readFileSync } from 'node:fs';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { sarifReporter } from '../../packages/cli/src/reporters/sarif.js';
import { emptyResult, finding, options, sampleResult } from './fixtures.js';

const SCHEMA = '/work/shared/schemas/sarif-schema-2.1.0.json';
const present = existsSync(SCHEMA);
if (!present) console.warn(`SARIF schema tests skipped: ${SCHEMA} not found`);

describe('SARIF output against the official 2.1.0 schema', () => {
  const validate = () => {
    // CommonJS packages: under NodeNext the class/function is the `default` export's `default`.
    const ajv = new ajvDraft04.default({ allErrors: true, strict: false });
    ajvFormats.default(ajv);
    return ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')) as object);
  };

  const cases: [string, () => ReturnType<typeof sampleResult>][] = [
    ['full sample', sampleResult],
    ['empty result', emptyResult],
    ['config waiver without reason, finding without line', () => ({
      ...emptyResult(),
      findings: [finding({ status: 'waived', waiver: { source: 'config' }, startLine: 0, endLine: 0 })],
    })],
  ];

  it.skipIf(!present).each(cases)('%s is valid', (_name, make) => {
    const check = validate();
    const doc = JSON.parse(sarifReporter.render(make(), options())) as unknown;
    const ok = check(doc);
    expect(check.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it.skipIf(!present)('the validator does reject a broken document', () => {
    const check = validate();
    const doc = JSON.parse(sarifReporter.render(sampleResult(), options())) as { runs: { results: { level: string }[] }[] };
    doc.runs[0]!.results[0]!.level = 'fatal';
    expect(check(doc)).toBe(false);
  });
});
