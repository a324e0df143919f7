import { describe, expect, it } from 'vitest';
import { FINDINGS, fixtureSources } from '../../../../test/tui/fixture.js';
import { SourceCache, codeLines, detailLines, excerptFor } from './detail-lines.js';
import { lineWidth, type Line } from './format.js';

const byId = (id: string) => FINDINGS.find((f) => f.policyId === id)!;
const text = (lines: Line[]) => lines.map((l) => l.map((s) => s.text).join(''));

describe('excerptFor', () => {
  it('prefers the finding\'s own snippet', () => {
    const f = byId('PAL-K8S-001');
    expect(excerptFor(f, new SourceCache(fixtureSources()))).toBe(f.snippet);
  });

  it('cuts an excerpt with context from the source text when there is no snippet', () => {
    const ex = excerptFor(byId('PAL-DF-009'), new SourceCache(fixtureSources()))!;
    expect(ex.startLine).toBe(5);
    expect(ex.lines[0]).toBe('');
    expect(ex.lines[3]).toBe('RUN apt-get update && apt-get install -y curl');
    expect([ex.highlightStart, ex.highlightEnd]).toEqual([8, 8]);
    expect(ex.lines).toHaveLength(6); // lines 5..10: the file ends two lines after the finding
  });

  it('has nothing to show without snippet or source', () => {
    expect(excerptFor(byId('PAL-K8S-005'), new SourceCache(undefined))).toBeUndefined();
    expect(excerptFor(byId('PAL-DF-001'), new SourceCache(new Map()))).toBeUndefined();
  });
});

describe('codeLines', () => {
  it('numbers lines and marks only the offending ones', () => {
    const lines = text(codeLines(byId('PAL-K8S-001').snippet!, 60));
    expect(lines[0]).toBe('  18 │         - name: api');
    expect(lines[3]).toBe('> 21 │             privileged: true');
    expect(lines[4]!.startsWith('> 22 │')).toBe(true);
    expect(lines[5]!.startsWith('  23 │')).toBe(true);
  });

  it('cuts long code lines to the pane and neutralises escapes', () => {
    const lines = codeLines({ startLine: 1, lines: ['x'.repeat(200), 'echo \x1b[2J'], highlightStart: 2, highlightEnd: 2 }, 40);
    expect(lineWidth(lines[0]!)).toBeLessThanOrEqual(40);
    expect(text(lines)[1]).toContain('\\x1b[2J');
  });
});

describe('detailLines', () => {
  it('shows every section of a finding, wrapped to the width', () => {
    const lines = detailLines(byId('PAL-K8S-001'), 50, new SourceCache(undefined));
    const t = text(lines);
    for (const heading of ['Message', 'Description', 'Remediation', 'References', 'Related', 'Code']) {
      expect(t).toContain(heading);
    }
    expect(t[0]).toContain('CRITICAL');
    expect(t[0]).toContain('PAL-K8S-001');
    expect(t.join('\n')).toContain('KSV017, PSS-baseline-privileged, CIS-5.2.1');
    const refStart = t.indexOf('References') + 1;
    expect(t[refStart]!.startsWith('  • https://kubernetes.io/docs/')).toBe(true);
    // A reference longer than the pane continues on the next line, indented under the bullet.
    expect(t.slice(refStart, refStart + 2).map((l) => l.slice(4)).join('')).toBe(
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/',
    );
    expect(lines.every((l) => lineWidth(l) <= 50)).toBe(true);
    // The long message takes several lines instead of being cut.
    const msgStart = t.indexOf('Message') + 1;
    expect(t[msgStart + 2]!.trim().length).toBeGreaterThan(0);
  });

  it('shows the waiver and a placeholder when no code can be shown', () => {
    const t = text(detailLines(byId('PAL-DF-012'), 60, new SourceCache(undefined)));
    expect(t.join('\n')).toContain('waived (inline) · bastion image');
    expect(t.at(-1)).toContain('no source excerpt available');
  });
});
