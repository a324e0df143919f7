import { describe, expect, it } from 'vitest';
import { Engine } from '../api.js';
import { runTests } from './runner.js';

describe('runTests tracing', () => {
  it('asks for a tracer per test and traces only that test', () => {
    const e = new Engine();
    e.addModule('p_test.rego', 'package p\nimport rego.v1\n\nok if true\n\ntest_a if ok\n\ntest_b if { 1 == 2 }\n');
    expect(e.compile()).toEqual([]);
    const seen: Record<string, string[]> = {};
    const results = runTests(e, {
      tracer: (t) => {
        const events: string[] = (seen[t.name] = []);
        return (op, loc, _d, detail) => events.push(`${op} ${loc.row}${detail && 'rule' in detail ? ' ' + detail.rule : ''}`);
      },
    });
    expect(results.map((r) => `${r.name} ${r.status}`)).toEqual(['test_a pass', 'test_b fail']);
    expect(seen['test_a']).toContain('enter 6 data.p.test_a');
    expect(seen['test_a']).toContain('enter 4 data.p.ok');
    expect(seen['test_b']).toContain('fail 8');
    expect(seen['test_b']!.some((e) => e.includes('data.p.ok'))).toBe(false);
  });
});
