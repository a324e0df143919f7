import { describe, expect, it } from 'vitest';
import * as entry from './index.js';
import { createScanner } from './scan.js';

const NOT_AVAILABLE = [{ code: 'palisade_input_error', message: 'the standard library is not available here; pass stdlibBundle' }];
const OWN = {
  file: 'policies/own/own.rego',
  source: '# METADATA\n# title: own\n# custom:\n#   id: OWN-1\n#   severity: LOW\n#   input: {kinds: [dockerfile]}\npackage palisade.own\nimport rego.v1\ndeny contains result.new("own", {}) if true\n',
};

describe('where scan() finds the standard library', () => {
  it('importing the Node entry registers nothing: scan.ts on its own has no stdlib', () => {
    expect(entry.stdlibBundle().policies.length).toBeGreaterThan(0);
    expect(createScanner().errors).toEqual(NOT_AVAILABLE);
  });

  it("the entry's scan and createScanner fall back to the entry's stdlib", () => {
    const { scanner, errors } = entry.createScanner({ documentKinds: ['dockerfile'] });
    expect(errors).toEqual([]);
    expect(scanner!.policies.length).toBeGreaterThan(10);
    const result = entry.scan([], { documentKinds: ['dockerfile'] });
    expect(result.errors).toEqual([]);
    expect(result.summary.policies).toBe(scanner!.policies.length);
  });

  it('stdlibBundle wins over a registered default, which wins over the entry stdlib', () => {
    const own = { policies: [OWN], data: [] };
    expect(entry.createScanner({ stdlibBundle: own }).scanner!.policies.map((p) => p.namespace)).toEqual(['palisade.own']);
    entry.setDefaultStdlib(() => own);
    expect(entry.createScanner().scanner!.policies.map((p) => p.namespace)).toEqual(['palisade.own']);
    expect(createScanner().scanner!.policies.map((p) => p.namespace)).toEqual(['palisade.own']);
  });
});
