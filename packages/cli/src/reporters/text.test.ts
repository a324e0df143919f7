import { describe, expect, it } from 'vitest';
import { emptyResult, finding, options, sampleResult, summarize } from '../../../../test/reporters/fixtures.js';
import { waiveFindings } from '@palisade/stdlib';
import { textReporter } from './text.js';

const render = (color = false) => textReporter.render(sampleResult(), options({ color }));

describe('text reporter', () => {
  it('groups findings by repository-relative file, in path order', () => {
    const out = render();
    const headers = out.split('\n').filter((l) => /^\S.*\((\d+ (failures?|warnings?|waived)(, )?)+\)$/.test(l));
    expect(headers.map((h) => h.replace(/ \(.*$/, ''))).toEqual([
      '/elsewhere/Dockerfile',
      'Dockerfile',
      'dir with space/compose #1.yaml',
      'k8s/deploy.yaml',
    ]);
    // The absolute /repo path was folded into the same group as the relative one, in line order.
    expect(out).toContain('k8s/deploy.yaml (2 failures, 1 warning)');
    expect(out.indexOf('k8s/deploy.yaml:12-14')).toBeLessThan(out.indexOf('k8s/deploy.yaml:40-41'));
    expect(out).toContain('Dockerfile (1 failure, 1 waived)');
  });

  it('prints id, severity, title, message, resource and fix', () => {
    const out = render();
    expect(out).toContain('PAL-DF-001 [HIGH] Image uses latest tag');
    expect(out).toContain("Image 'nginx:latest' uses the latest tag");
    expect(out).toContain('Resource: stage builder');
    expect(out).toContain('Resource: Deployment/prod/web');
    expect(out).toContain('Fix: Set securityContext.privileged to false.');
    expect(out).toContain('PAL-K8S-020 [HIGH] WARN Memory limit missing');
  });

  it('draws a single-line frame from the snippet and a range frame from the source', () => {
    const lines = render().split('\n');
    expect(lines).toContain(' 2 [ FROM nginx:latest AS builder');
    expect(lines).toContain(' 1   FROM alpine AS base');
    // Range 12-14 of deploy.yaml with two lines of context each side.
    const at = lines.indexOf(' 10           - name: app');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at, at + 7)).toEqual([
      ' 10           - name: app',
      ' 11             image: nginx:latest',
      ' 12 ┌           securityContext:',
      ' 13 │             runAsUser: 0',
      ' 14 └             privileged: true',
      ' 15           - name: sidecar',
      ' 16             image: busybox',
    ]);
    expect(lines).toContain(' k8s/deploy.yaml:12-14');
    // Without source text there is no frame, just the location.
    expect(lines).toContain('  At: k8s/deploy.yaml:40-41');
  });

  it('elides the middle of very long offending ranges', () => {
    const source = Array.from({ length: 60 }, (_, i) => `line ${i + 1}`).join('\n');
    const r = {
      ...emptyResult(),
      findings: [finding({ file: 'big.yaml', startLine: 5, endLine: 50 })],
    };
    const out = textReporter.render(r, options({ sources: new Map([['big.yaml', source]]) }));
    const lines = out.split('\n');
    expect(lines).toContain('  3   line 3');
    expect(lines).toContain('  5 ┌ line 5');
    expect(lines).toContain(' 12 │ line 12');
    expect(lines).toContain('    │ … 35 lines …');
    expect(lines).toContain(' 48 │ line 48');
    expect(lines).toContain(' 50 └ line 50');
    expect(lines).toContain(' 52   line 52');
    expect(out).not.toContain('line 20\n');
  });

  it('lists waived findings with their waiver instead of a frame', () => {
    const out = render();
    expect(out).toContain('PAL-DF-003 [LOW] WAIVED apt-get without --no-install-recommends');
    expect(out).toContain('Dockerfile:3  inline waiver, needed for the "docs" build, expires 2099-01-01');
    const baselined = waiveFindings(sampleResult(), () => ({ source: 'baseline', reason: 'recorded in baseline b.json' }));
    expect(textReporter.render(baselined, options())).toMatch(/ {2}\S+:\d+ {2}baseline waiver, recorded in baseline b\.json/);
  });

  it('shows load errors, expired waivers and the summary counts', () => {
    const out = render();
    expect(out).toContain('Load errors (2)');
    expect(out).toContain('broken.yaml:3:5  YAML_PARSE  bad indentation');
    expect(out).toContain('k8s/deploy.yaml  NOT_OBJECT  document 2 is not an object');
    expect(out).toContain('PAL-DF-005 in Dockerfile expired 2020-01-01 (temporary)');
    expect(out).toContain('Failures: 5  Warnings: 1  Waived: 1  Load errors: 2');
    expect(out).toContain('CRITICAL: 2  HIGH: 2  MEDIUM: 1  LOW: 0  INFO: 1');
  });

  it('neutralises terminal escapes and CI commands from scanned content', () => {
    const out = render();
    expect(out).not.toContain('\u001b');
    expect(out).toContain('\\x1b[31mred\\x01');
    expect(out).not.toContain('##vso[');
    // Continuation lines of a message stay indented, so they cannot start a workflow command.
    expect(out).toContain('\n  second line');
  });

  it('colours severities only when asked', () => {
    expect(render(true)).toContain('\u001b[31mHIGH\u001b[39m');
    expect(render(false)).not.toMatch(/\u001b\[/);
  });

  it('says so when there is nothing to report', () => {
    const out = textReporter.render(emptyResult(), options());
    expect(out).toContain('No findings.');
    expect(out).not.toContain('Load errors (');
    expect(out).toContain('0 files, 9 documents, 42 policies');
  });

  it('uses summary counts from the result rather than recounting', () => {
    const r = { ...emptyResult(), summary: { ...summarize([], []), failures: 7 } };
    expect(textReporter.render(r, options())).toContain('Failures: 7');
  });
});
