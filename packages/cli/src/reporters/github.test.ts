import { describe, expect, it } from 'vitest';
import type { Finding, ScanResult } from '@palisade/stdlib';
import { emptyResult, options, sampleResult } from '../../../../test/reporters/fixtures.js';
import { escapeData, escapeProperty, githubReporter } from './github.js';

const lines = () => githubReporter.render(sampleResult(), options()).trimEnd().split('\n');

describe('github reporter', () => {
  it('escapes message data and property values as the runner expects', () => {
    expect(escapeData('100%\r\nnext')).toBe('100%25%0D%0Anext');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    expect(escapeData('a:b,c')).toBe('a:b,c');
  });

  it('writes one workflow command per finding, load error and expired waiver', () => {
    const out = lines();
    expect(out).toHaveLength(7 + 2 + 1);
    for (const l of out) expect(l).toMatch(/^::(error|warning|notice)( [a-zA-Z]+=[^,:]*(,[a-zA-Z]+=[^,:]*)*)?::/);
    expect(out).toContain(
      '::error file=Dockerfile,line=2,endLine=2,title=PAL-DF-001 (HIGH)%3A Image uses latest tag::' +
        "Image 'nginx:latest' uses the latest tag%0AResource: stage builder%0ASee: https://docs.docker.com/reference/dockerfile/#from",
    );
    expect(out).toContain('::error file=broken.yaml,line=3,col=5,title=Load error YAML_PARSE::bad indentation of a mapping entry <here> & "there"');
  });

  it('uses warning for warn rules and notice for waived findings', () => {
    const out = lines();
    expect(out.find((l) => l.includes('PAL-K8S-020'))).toMatch(/^::warning file=k8s\/deploy.yaml,line=15,endLine=16,/);
    expect(out.find((l) => l.includes('PAL-DF-003'))).toBe(
      '::notice file=Dockerfile,line=3,endLine=3,title=[waived] PAL-DF-003 (LOW)%3A apt-get without --no-install-recommends::' +
        'apt-get install without --no-install-recommends%0AWaived (inline): needed for the "docs" build',
    );
  });

  it('keeps hostile messages inside their command', () => {
    const priv = lines().find((l) => l.includes('Container "app"'))!;
    expect(priv).toContain('100%25 root: a,b;c]d%0Asecond line \\x1b[31mred\\x01');
    expect(priv).not.toContain('\u001b');
    expect(priv.startsWith('::error file=k8s/deploy.yaml,line=12,endLine=14,title=')).toBe(true);
  });

  it('omits line properties for findings without a line and prints nothing for a clean scan', () => {
    expect(lines().find((l) => l.includes('PAL-CMP-009'))).toMatch(/^::error file=dir with space\/compose #1\.yaml,title=/);
    expect(githubReporter.render(emptyResult(), options())).toBe('');
  });

  describe("a result's own location (_loc), annotated as conftest does", () => {
    const withOrigin = (origin: Finding['origin'], startLine = 1): ScanResult => {
      const base = sampleResult();
      const f: Finding = { ...base.findings[0]!, file: 'data.yaml', startLine, endLine: startLine, message: 'test', origin };
      return { ...base, findings: [f], errors: [], expiredWaivers: [] };
    };
    const render = (r: ScanResult) => githubReporter.render(r, options()).trimEnd().split('\n');

    it('in the input file: one annotation at its line', () => {
      expect(render(withOrigin({ file: 'data.yaml', line: 123 }))).toEqual(['::error file=data.yaml,line=123::test']);
      expect(render(withOrigin({ line: 7 }))).toEqual(['::error file=data.yaml,line=7::test']);
    });

    it('in another file: an annotation there and one on the input saying where it comes from', () => {
      expect(render(withOrigin({ file: 'test.txt', line: 123 }, 4))).toEqual([
        '::error file=test.txt,line=123::test',
        '::error file=data.yaml,line=4::(ORIGINATING FROM test.txt L123) test',
      ]);
    });

    it('keeps a hostile origin file name inside its property', () => {
      expect(render(withOrigin({ file: 'a,b:c.txt', line: 1 }))[0]).toBe('::error file=a%2Cb%3Ac.txt,line=1::test');
    });
  });
});
