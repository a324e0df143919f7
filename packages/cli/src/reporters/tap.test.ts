import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { NASTY, emptyResult, finding, options, sampleResult } from '../../../../test/reporters/fixtures.js';
import { tapReporter } from './tap.js';

interface TapTest {
  line: string;
  diag?: Record<string, unknown>;
}

/** Minimal TAP 13 reader: test lines and their YAML diagnostic blocks. */
function readTap(out: string): { plan: string; tests: TapTest[] } {
  const lines = out.trimEnd().split('\n');
  expect(lines[0]).toBe('TAP version 13');
  const tests: TapTest[] = [];
  for (let i = 2; i < lines.length; i++) {
    const l = lines[i]!;
    if (/^(not )?ok /.test(l)) tests.push({ line: l });
    else if (l === '  ---') {
      const end = lines.indexOf('  ...', i);
      tests[tests.length - 1]!.diag = parse(lines.slice(i + 1, end).map((x) => x.slice(2)).join('\n')) as Record<string, unknown>;
      i = end;
    } else expect(l.startsWith('#')).toBe(true);
  }
  return { plan: lines[1]!, tests };
}

describe('tap reporter', () => {
  it('has a plan matching the numbered tests', () => {
    const { plan, tests } = readTap(tapReporter.render(sampleResult(), options()));
    expect(plan).toBe(`1..${tests.length}`);
    expect(tests).toHaveLength(9);
    tests.forEach((t, i) => expect(t.line).toMatch(new RegExp(`^(not )?ok ${i + 1} - `)));
  });

  it('maps fail, warn, waived and load errors to TAP results and directives', () => {
    const { tests } = readTap(tapReporter.render(sampleResult(), options()));
    const by = (s: string) => tests.find((t) => t.line.includes(s))!.line;
    expect(by('PAL-DF-001')).toBe('not ok 2 - PAL-DF-001 Image uses latest tag (Dockerfile:2)');
    expect(by('PAL-K8S-020')).toMatch(/^not ok \d+ - .* # TODO warning$/);
    expect(by('PAL-DF-003')).toMatch(/^ok \d+ - .* # SKIP waived: needed for the "docs" build$/);
    expect(by('load broken.yaml')).toMatch(/^not ok \d+ - load broken\.yaml$/);
    // `#` in a description is escaped so it does not start a directive.
    expect(by('PAL-CMP-009')).toBe('not ok 4 - PAL-CMP-009 Compose file informational (dir with space/compose \\#1.yaml)');
  });

  it('carries the details as YAML that parses back exactly, Azure commands disarmed', () => {
    const { tests } = readTap(tapReporter.render(sampleResult(), options()));
    const priv = tests.find((t) => t.line.includes('12-14'))!;
    expect(priv.diag).toMatchObject({
      // A zero-width space breaks `##vso[`, which the Azure agent would run from anywhere in a line.
      message: NASTY.replace('##vso[', '#\u200b#vso['),
      severity: 'CRITICAL',
      status: 'fail',
      file: 'k8s/deploy.yaml',
      line: 12,
      endLine: 14,
      resource: 'Deployment/prod/web',
      remediation: 'Set securityContext.privileged to false.',
    });
    const err = tests.find((t) => t.line.includes('load broken.yaml'))!;
    expect(err.diag).toEqual({ message: 'bad indentation of a mapping entry <here> & "there"', code: 'YAML_PARSE', file: 'broken.yaml', line: 3, column: 5 });
  });

  it('keeps multi-line titles on one test line', () => {
    const r = { ...emptyResult(), findings: [finding({ title: 'two\nlines # here' })] };
    const { tests } = readTap(tapReporter.render(r, options()));
    expect(tests[0]!.line).toBe('not ok 1 - PAL-TEST-001 two lines \\# here (Dockerfile:1)');
  });

  it('reports a clean scan as one passing test', () => {
    expect(tapReporter.render(emptyResult(), options())).toBe('TAP version 13\n1..1\nok 1 - palisade scan found no issues\n');
  });
});
