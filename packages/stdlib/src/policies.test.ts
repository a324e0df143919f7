import { describe, expect, it } from 'vitest';
import { formatDiagnostic, runTests } from '@palisade/engine';
import { createStdlibEngine, stdlibPolicySources } from './policies.js';

// Runs every stdlib policy test (`test_*` rules in policies/**/*_test.rego) under the engine.
describe('stdlib policy tests', () => {
  const { engine, errors } = createStdlibEngine({ tests: true });
  const compileErrors = errors.length ? errors : engine.compile();

  it('compiles every policy and test module', () => {
    expect(compileErrors.map(formatDiagnostic)).toEqual([]);
  });

  it('ships policies', () => {
    expect(stdlibPolicySources().length).toBeGreaterThan(0);
  });

  const results = compileErrors.length ? [] : runTests(engine, { timeoutMs: 10_000 });
  for (const r of results) {
    it(`${r.pkg}.${r.name}`, () => {
      expect({ status: r.status, error: r.error?.message }).toEqual({ status: r.status === 'skip' ? 'skip' : 'pass', error: undefined });
    });
  }
});
