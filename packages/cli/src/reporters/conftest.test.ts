import { describe, expect, it } from 'vitest';
import type { Finding, ScanResult } from '@palisade/stdlib';
import { conftestJsonReporter, conftestReporter } from './conftest.js';

const finding = (over: Partial<Finding>): Finding => ({
  policyId: 'main.deny',
  title: 'main.deny',
  severity: 'HIGH',
  status: 'fail',
  message: 'no root',
  file: 'a.yaml',
  startLine: 1,
  endLine: 1,
  references: [],
  related: [],
  namespace: 'main',
  rule: 'deny',
  ...over,
});

const result = (findings: Finding[], checks: ScanResult['checks'], errors: ScanResult['errors'] = []): ScanResult => ({
  schemaVersion: 1,
  findings,
  errors,
  expiredWaivers: [],
  summary: { files: 1, documents: 1, policies: 1, failures: 0, warnings: 0, waived: 0, errors: errors.length, bySeverity: { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFO: 0 } },
  ...(checks ? { checks } : {}),
});

const opts = { color: false, cwd: '/w', toolVersion: '0' };

describe('conftest layouts', () => {
  const r = result(
    [finding({}), finding({ status: 'warn', message: 'a warning', rule: 'warn' }), finding({ file: 'b.yaml', message: 'other\u001b[2J' })],
    [
      { file: 'a.yaml', namespace: 'main', successes: 2, exceptions: ['run_as_root'] },
      { file: 'b.yaml', namespace: 'main', successes: 0, exceptions: [] },
    ],
  );

  it('text: WARN/FAIL/EXCP lines per file and namespace, then the summary with conftest’s plurals', () => {
    expect(conftestReporter.render(r, opts)).toBe(
      [
        'WARN - a.yaml - main - a warning',
        'FAIL - a.yaml - main - no root',
        'EXCP - a.yaml - main - data.main.exception[_][_] == "run_as_root"',
        'FAIL - b.yaml - main - other\\x1b[2J',
        '',
        '6 tests, 2 passed, 1 warning, 2 failures, 1 exception',
        '',
      ].join('\n'),
    );
  });

  it('--suppress-exceptions drops EXCP lines but still counts them', () => {
    const out = conftestReporter.render(r, { ...opts, suppressExceptions: true });
    expect(out).not.toContain('EXCP');
    expect(out).toContain('1 exception\n');
  });

  it('json: conftest’s CheckResult array; load errors are failures, never silently passing', () => {
    const withError = result([], [], [{ path: 'bad.toml', line: 2, code: 'syntax_error', message: 'toml: unfinished array' }]);
    expect(JSON.parse(conftestJsonReporter.render(r, opts))).toEqual([
      { filename: 'a.yaml', namespace: 'main', successes: 2, warnings: [{ msg: 'a warning' }], failures: [{ msg: 'no root' }], exceptions: [{ msg: 'data.main.exception[_][_] == "run_as_root"' }] },
      { filename: 'b.yaml', namespace: 'main', successes: 0, failures: [{ msg: 'other\u001b[2J' }] },
    ]);
    expect(JSON.parse(conftestJsonReporter.render(withError, opts))).toEqual([
      { filename: 'bad.toml', namespace: '', successes: 0, failures: [{ msg: 'syntax_error: toml: unfinished array', loc: { file: 'bad.toml', line: 2 } }] },
    ]);
  });
});

describe("conftest layouts: a result's _loc", () => {
  it('json: the origin is the result\'s `loc`, file before line; results without one have none', () => {
    const r = result([finding({ origin: { line: 6, file: 'Jenkinsfile' } }), finding({ message: 'plain' })], [{ file: 'a.yaml', namespace: 'main', successes: 0, exceptions: [] }]);
    const text = conftestJsonReporter.render(r, opts);
    expect(JSON.parse(text)[0].failures).toEqual([{ msg: 'no root', loc: { file: 'Jenkinsfile', line: 6 } }, { msg: 'plain' }]);
    expect(text.indexOf('"file": "Jenkinsfile"')).toBeLessThan(text.indexOf('"line": 6'));
  });

  it('json: a line-only origin keeps only the line', () => {
    const r = result([finding({ origin: { line: 3 } })], []);
    expect(JSON.parse(conftestJsonReporter.render(r, opts))[0].failures).toEqual([{ msg: 'no root', loc: { line: 3 } }]);
  });
});

describe('conftest layout: print() output', () => {
  it('shows PRNT lines with the print call location before the results, as conftest', () => {
    const r: ScanResult = {
      ...result([finding({})], [{ file: '/w/a.yaml', namespace: 'main', successes: 0, exceptions: [] }]),
      prints: [{ file: '/w/a.yaml', index: 0, policyFile: '/w/policy/labels.rego', line: 14, message: 'hello\u001b[31m' }],
      printsOmitted: 2,
    };
    const lines = conftestReporter.render(r, opts).split('\n');
    expect(lines[0]).toBe('PRNT   policy/labels.rego:14: hello\\x1b[31m');
    expect(lines[1]).toBe('PRNT   … 2 more print() lines not shown');
    expect(lines[2]).toBe('FAIL - a.yaml - main - no root');
  });
});
