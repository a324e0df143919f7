import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { jsonReporter } from '../../packages/cli/src/reporters/json.js';
import { waiveFindings } from '@palisade/stdlib';
import { emptyResult, options, sampleResult } from './fixtures.js';

const schemaPath = fileURLToPath(new URL('../../docs/schemas/scan-result.schema.json', import.meta.url));
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as {
  properties: object;
  $defs: Record<string, { properties: object }>;
};

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  return ajv.compile(schema);
}

describe('docs/schemas/scan-result.schema.json', () => {
  it.each([
    ['full sample', sampleResult],
    ['empty result', emptyResult],
  ])('accepts the json reporter output for the %s', (_n, make) => {
    const check = validator();
    check(JSON.parse(jsonReporter.render(make(), options())));
    expect(check.errors ?? []).toEqual([]);
  });

  it('accepts findings waived by a baseline file', () => {
    const check = validator();
    const result = waiveFindings(sampleResult(), () => ({ source: 'baseline', reason: 'recorded in baseline b.json' }));
    check(JSON.parse(jsonReporter.render(result, options())));
    expect(check.errors ?? []).toEqual([]);
  });

  it('rejects documents that break the contract', () => {
    const check = validator();
    const doc = JSON.parse(jsonReporter.render(sampleResult(), options())) as Record<string, any>;
    expect(check({ ...doc, schemaVersion: 2 })).toBe(false);
    expect(check({ ...doc, findings: [{ ...doc.findings[0], severity: 'SEVERE' }] })).toBe(false);
    expect(check({ ...doc, findings: [{ ...doc.findings[0], status: 'passed' }] })).toBe(false);
  });

  it('lists properties in the order the reporter writes them', () => {
    const doc = JSON.parse(jsonReporter.render(sampleResult(), options())) as Record<string, any>;
    expect(Object.keys(doc)).toEqual(Object.keys(schema.properties));
    const full = Object.keys(schema.$defs.finding!.properties);
    const written = Object.keys(doc.findings[1]);
    expect(written).toEqual(full.filter((k) => written.includes(k)));
    expect(Object.keys(doc.summary)).toEqual(Object.keys(schema.$defs.summary!.properties));
  });
});
