import { describe, expect, it } from 'vitest';
import { emptyResult, options, sampleResult } from '../../../../test/reporters/fixtures.js';
import { DEFAULT_REPORTER, REPORTERS, getReporter } from './index.js';

describe('reporter registry', () => {
  it('registers every documented format once, with metadata', () => {
    expect([...REPORTERS.keys()].sort()).toEqual(
      ['azuredevops', 'conftest', 'conftest-json', 'github', 'html', 'json', 'junit', 'sarif', 'table', 'tap', 'text'].sort(),
    );
    for (const [name, r] of REPORTERS) {
      expect(r.name).toBe(name);
      expect(r.description.length).toBeGreaterThan(10);
      expect(r.extension).toMatch(/^[a-z]+$/);
    }
    expect(getReporter(DEFAULT_REPORTER)?.name).toBe('text');
    expect(getReporter('SARIF')?.name).toBe('sarif');
    expect(getReporter('nope')).toBeUndefined();
  });

  it.each([...REPORTERS.keys()])('%s renders full and empty results deterministically', (name) => {
    const r = REPORTERS.get(name)!;
    const a = r.render(sampleResult(), options());
    expect(a).toBe(r.render(sampleResult(), options()));
    expect(a.endsWith('\n')).toBe(true);
    const empty = r.render(emptyResult(), options());
    expect(typeof empty).toBe('string');
    if (empty !== '') expect(empty.endsWith('\n')).toBe(true);
  });

  it.each([...REPORTERS.keys()].filter((n) => n !== 'text' && n !== 'table' && n !== 'conftest'))('%s never emits ANSI escapes', (name) => {
    const out = REPORTERS.get(name)!.render(sampleResult(), options({ color: true }));
    expect(out).not.toContain('\u001b');
  });
});
