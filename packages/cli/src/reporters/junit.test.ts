import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { NASTY, emptyResult, finding, options, sampleResult } from '../../../../test/reporters/fixtures.js';
import { junitReporter } from './junit.js';
import { xmlAttr, xmlText } from './xml.js';

// Parsed XML is navigated freely; structure is asserted field by field.
type Json = any;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  htmlEntities: true,
  isArray: (name) => ['testsuite', 'testcase'].includes(name),
  parseAttributeValue: false,
  trimValues: false,
});

function parse(xml: string): Json {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml);
}

describe('junit reporter', () => {
  it('produces well-formed XML with one suite per file', () => {
    const doc = parse(junitReporter.render(sampleResult(), options()));
    const suites = doc.testsuites.testsuite as Json[];
    expect(suites.map((s) => s.name)).toEqual([
      '/elsewhere/Dockerfile', 'Dockerfile', 'broken.yaml', 'dir with space/compose #1.yaml', 'k8s/deploy.yaml',
    ]);
    expect(doc.testsuites).toMatchObject({ name: 'palisade', tests: '9', failures: '5', errors: '2', skipped: '1' });
    for (const s of suites) expect(Number(s.tests)).toBe(s.testcase.length);
  });

  it('has one testcase per policy and resource, failing with the details', () => {
    const doc = parse(junitReporter.render(sampleResult(), options()));
    const k8s = (doc.testsuites.testsuite as Json[]).find((s) => s.name === 'k8s/deploy.yaml');
    expect(k8s.testcase.map((c: Json) => c.name)).toEqual([
      'load k8s/deploy.yaml',
      'PAL-K8S-001: Privileged container [Deployment/prod/web]',
      'PAL-K8S-020: Memory limit missing [Deployment/prod/web]',
      'PAL-K8S-001: Privileged container [Deployment/prod/api]',
    ]);
    const [load, priv, warn] = k8s.testcase;
    expect(load.error).toMatchObject({ type: 'NOT_OBJECT', message: 'document 2 is not an object' });
    expect(priv.failure.type).toBe('CRITICAL');
    expect(priv.failure['#text']).toContain('Remediation: Set securityContext.privileged to false.');
    expect(priv.failure['#text']).toContain('Location: k8s/deploy.yaml:12-14');
    // Warnings pass, with their text as output.
    expect(warn.failure).toBeUndefined();
    expect(warn['system-out']).toContain('WARN [HIGH] PAL-K8S-020');
  });

  it('round-trips special characters through attributes and text', () => {
    const doc = parse(junitReporter.render(sampleResult(), options()));
    const k8s = (doc.testsuites.testsuite as Json[]).find((s) => s.name === 'k8s/deploy.yaml');
    const expected = NASTY.replace('\u001b', '\\x1b').replace('\u0001', '\\x01');
    expect(k8s.testcase[1].failure.message).toBe(expected);
    expect(k8s.testcase[1].failure['#text']).toContain(`Message: ${expected}`);
  });

  it('merges findings of one policy on one resource and skips fully waived ones', () => {
    const r = {
      ...emptyResult(),
      findings: [
        finding({ policyId: 'P1', message: 'first', resource: { kind: 'Pod', name: 'a' } }),
        finding({ policyId: 'P1', message: 'second', startLine: 5, endLine: 5, resource: { kind: 'Pod', name: 'a' } }),
        finding({ policyId: 'P2', status: 'waived', waiver: { source: 'config', reason: 'accepted risk' } }),
      ],
    };
    const doc = parse(junitReporter.render(r, options()));
    const cases = doc.testsuites.testsuite[0].testcase as Json[];
    expect(cases).toHaveLength(2);
    expect(cases[0].failure.message).toBe('first (and 1 more)');
    expect(cases[0].failure['#text']).toContain('Message: second');
    expect(cases[1].skipped.message).toBe('waived: accepted risk');
    expect(doc.testsuites).toMatchObject({ tests: '2', failures: '1', skipped: '1', errors: '0' });
  });

  it('renders an empty but valid document for a clean scan', () => {
    const doc = parse(junitReporter.render(emptyResult(), options()));
    expect(doc.testsuites).toMatchObject({ tests: '0', failures: '0' });
  });
});

describe('xml escaping', () => {
  it('escapes markup and keeps whitespace in attributes', () => {
    expect(xmlText('a<b>&]]>')).toBe('a&lt;b&gt;&amp;]]&gt;');
    expect(xmlAttr(`"x"\n'y'\t`)).toBe('&quot;x&quot;&#10;&#39;y&#39;&#9;');
  });

  it('never emits characters XML 1.0 forbids', () => {
    const out = xmlText('\u0000\u0008\u000b\ufffe\ud800x');
    expect(out).toBe('\\x00\\x08\\x0b\ufffd\ufffdx');
    expect(XMLValidator.validate(`<a b="${xmlAttr('\u0001\ud83d')}">${out}</a>`)).toBe(true);
  });
});
