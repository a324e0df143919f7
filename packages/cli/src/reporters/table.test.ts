import { describe, expect, it } from 'vitest';
import { emptyResult, finding, options, sampleResult } from '../../../../test/reporters/fixtures.js';
import { displayWidth } from './ansi.js';
import { tableReporter } from './table.js';

/** Column start offsets (in display columns) taken from the header row. */
function columns(header: string): number[] {
  return [...header.matchAll(/\S+/g)].map((m) => displayWidth(header.slice(0, m.index)));
}

describe('table reporter', () => {
  it('aligns every row under the header columns', () => {
    const lines = tableReporter.render(sampleResult(), options()).split('\n');
    const starts = columns(lines[0]!);
    expect(lines[0]!.split(/\s{2,}/)).toEqual(['SEVERITY', 'STATUS', 'ID', 'LOCATION', 'RESOURCE', 'TITLE']);
    const rows = lines.slice(2, 9);
    expect(rows).toHaveLength(7);
    for (const row of rows) {
      const cells = row.split(/ {2,}/);
      expect(cells).toHaveLength(6);
      let at = 0;
      cells.forEach((c, i) => {
        at = row.indexOf(c, at);
        expect(displayWidth(row.slice(0, at))).toBe(starts[i]);
        at += c.length;
      });
    }
    expect(rows[4]).toMatch(/^CRITICAL +FAIL +PAL-K8S-001 +k8s\/deploy\.yaml:12-14 +Deployment\/prod\/web +Privileged container$/);
  });

  it('aligns wide characters by display width', () => {
    const r = { ...emptyResult(), findings: [finding({ file: '設定.yaml', policyId: 'A' }), finding({ file: 'z.yaml', policyId: 'B' })] };
    const lines = tableReporter.render(r, options()).split('\n');
    const col = (l: string) => displayWidth(l.slice(0, l.indexOf(l.includes('RESOURCE') ? 'RESOURCE' : '-')));
    expect(col(lines[2]!)).toBe(col(lines[0]!));
    expect(col(lines[3]!)).toBe(col(lines[0]!));
  });

  it('keeps each finding on one line and neutralises control characters', () => {
    const out = tableReporter.render(sampleResult(), options());
    expect(out).not.toContain('\u001b');
    const r = { ...emptyResult(), findings: [finding({ title: 'a\nb\u001b[2J' })] };
    const lines = tableReporter.render(r, options()).split('\n');
    expect(lines[2]).toMatch(/a b\\x1b\[2J$/);
  });

  it('lists load errors and a summary line', () => {
    const out = tableReporter.render(sampleResult(), options());
    expect(out).toContain('LOAD ERRORS\nbroken.yaml:3:5  YAML_PARSE  bad indentation');
    expect(out).toContain('k8s/deploy.yaml  NOT_OBJECT  document 2 is not an object');
    expect(out).toContain('5 failures, 1 warning, 1 waived, 2 load errors — CRITICAL 2, HIGH 2, MEDIUM 1, LOW 0, INFO 1');
  });

  it('colours the severity cell without breaking alignment', () => {
    const plain = tableReporter.render(sampleResult(), options());
    const colored = tableReporter.render(sampleResult(), options({ color: true }));
    expect(colored).toContain('\u001b[');
    expect(colored.replace(/\u001b\[\d+m/g, '')).toBe(plain);
  });
});
