import { describe, expect, it } from 'vitest';
import { Engine } from '../api.js';
import { coverableLines, coverageReport, ranges, rangesText } from './coverage.js';
import { parseModule } from '../syntax/parse.js';
import { runTests } from './runner.js';

const policy = `package p

default allow := false

allow if {
	input.user == "admin"
	input.method == "GET"
}

deny contains msg if {
	input.user == "guest"
	msg := "guests are not allowed"
}

names := [n | some n in input.names; n != ""]
`;

const tests = `package p_test

import data.p

test_admin if {
	p.allow with input as {"user": "admin", "method": "GET"}
}
`;

describe('coverage', () => {
  it('reports covered and uncovered lines of evaluated rules', () => {
    const e = new Engine();
    e.addModule('p.rego', policy);
    e.addModule('p_test.rego', tests);
    expect(e.compile()).toEqual([]);
    const hits = new Set<string>();
    const results = runTests(e, { evalOptions: { coverage: hits } });
    expect(results.map((r) => r.status)).toEqual(['pass']);
    const report = coverageReport(e.modules(), hits);
    const p = report.files.find((f) => f.file === 'p.rego')!;
    expect(p.covered).toEqual([5, 6, 7]);
    expect(p.notCovered).toEqual([10, 11, 12, 15]);
    expect(p.uncoveredRanges).toEqual([{ start: 10, end: 12 }, { start: 15, end: 15 }]);
    expect(p.percentage).toBe(42.9);
    const t = report.files.find((f) => f.file === 'p_test.rego')!;
    expect(t.notCovered).toEqual([]);
    expect(report.coveredLines).toBe(5);
  });

  it('formats line ranges', () => {
    expect(rangesText(ranges([1, 2, 3, 7, 9, 10]))).toBe('1-3, 7, 9-10');
  });

  it('counts comprehension bodies inside with values and template-string with modifiers as coverable', () => {
    const src = [
      'package p',
      '',
      'q := input.xs',
      '',
      'p := s if {',
      '\ty := q with input.xs as [x |',
      '\t\tsome x in [1]',
      '\t]',
      '\ts := $"{q with input.xs as {z |',
      '\t\tsome z in y',
      '\t}}"',
      '}',
    ].join('\n');
    const { module } = parseModule('p.rego', src);
    expect([...coverableLines(module!)].sort((a, b) => a - b)).toEqual([3, 5, 6, 7, 9, 10]);
  });
});
