import { SEVERITIES } from '@palisade/stdlib';
import type { Finding, ScanResult, Severity } from '@palisade/stdlib';
import type { ReportOptions } from '../../packages/cli/src/reporters/index.js';

/** Shared fixtures for the reporter tests: a repository rooted at /repo. */
export const CWD = '/repo';

export function finding(over: Partial<Finding> = {}): Finding {
  return {
    policyId: 'PAL-TEST-001',
    title: 'Test finding',
    severity: 'MEDIUM',
    status: 'fail',
    message: 'something is wrong',
    file: 'Dockerfile',
    startLine: 1,
    endLine: 1,
    references: [],
    related: [],
    namespace: 'palisade.test',
    rule: 'deny',
    ...over,
  };
}

export const DEPLOY_YAML = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  '  namespace: prod',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: app',
  '          image: nginx:latest',
  '          securityContext:',
  '            runAsUser: 0',
  '            privileged: true',
  '        - name: sidecar',
  '          image: busybox',
].join('\n');

/** A message exercising every escaping rule: markup, quotes, delimiters, %, newlines, controls. */
export const NASTY = 'Container "app" <script>alert(1)</script> & 100% root: a,b;c]d\nsecond line \u001b[31mred\u0001 ##vso[task.setvariable variable=x]1';

export function sampleFindings(): Finding[] {
  return [
    finding({
      policyId: 'PAL-K8S-001',
      title: 'Privileged container',
      severity: 'CRITICAL',
      message: NASTY,
      description: 'Privileged containers can take over the node.',
      file: 'k8s/deploy.yaml',
      startLine: 12,
      endLine: 14,
      resource: { kind: 'Deployment', namespace: 'prod', name: 'web' },
      remediation: 'Set securityContext.privileged to false.',
      references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/', 'javascript:alert(1)'],
      related: ['KSV-0017', 'PSS-baseline'],
      namespace: 'palisade.kubernetes.privileged',
      rule: 'deny',
    }),
    finding({
      policyId: 'PAL-DF-001',
      title: 'Image uses latest tag',
      severity: 'HIGH',
      message: "Image 'nginx:latest' uses the latest tag",
      file: 'Dockerfile',
      startLine: 2,
      endLine: 2,
      resource: { stage: 'builder' },
      snippet: { startLine: 1, lines: ['FROM alpine AS base', 'FROM nginx:latest AS builder', 'RUN make'], highlightStart: 2, highlightEnd: 2 },
      references: ['https://docs.docker.com/reference/dockerfile/#from'],
      related: ['DL3007'],
      namespace: 'palisade.dockerfile.latest',
      rule: 'deny_latest',
    }),
    finding({
      policyId: 'PAL-K8S-020',
      title: 'Memory limit missing',
      severity: 'HIGH',
      status: 'warn',
      message: 'Container "sidecar" has no memory limit',
      file: 'k8s/deploy.yaml',
      startLine: 15,
      endLine: 16,
      resource: { kind: 'Deployment', namespace: 'prod', name: 'web' },
      namespace: 'palisade.kubernetes.limits',
      rule: 'warn',
    }),
    finding({
      policyId: 'PAL-DF-003',
      title: 'apt-get without --no-install-recommends',
      severity: 'LOW',
      status: 'waived',
      message: 'apt-get install without --no-install-recommends',
      file: 'Dockerfile',
      startLine: 3,
      endLine: 3,
      waiver: { source: 'inline', reason: 'needed for the "docs" build', expires: '2099-01-01' },
    }),
    finding({
      policyId: 'PAL-K8S-001',
      title: 'Privileged container',
      severity: 'CRITICAL',
      message: 'Container "other" is privileged',
      file: '/repo/k8s/deploy.yaml',
      startLine: 40,
      endLine: 41,
      resource: { kind: 'Deployment', namespace: 'prod', name: 'api' },
      namespace: 'palisade.kubernetes.privileged',
    }),
    finding({
      policyId: 'PAL-CMP-009',
      title: 'Compose file informational',
      severity: 'INFO',
      message: 'No healthcheck defined',
      file: 'dir with space/compose #1.yaml',
      startLine: 0,
      endLine: 0,
      waiver: undefined,
    }),
    finding({
      policyId: 'PAL-DF-010',
      title: 'Outside file',
      severity: 'MEDIUM',
      message: 'found outside the repository root',
      file: '/elsewhere/Dockerfile',
      startLine: 7,
      endLine: 7,
    }),
  ];
}

export function summarize(findings: Finding[], errors: ScanResult['errors']): ScanResult['summary'] {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) if (f.status !== 'waived') bySeverity[f.severity]++;
  return {
    files: new Set(findings.map((f) => f.file)).size + errors.length,
    documents: 9,
    policies: 42,
    failures: findings.filter((f) => f.status === 'fail').length,
    warnings: findings.filter((f) => f.status === 'warn').length,
    waived: findings.filter((f) => f.status === 'waived').length,
    errors: errors.length,
    bySeverity,
  };
}

export function sampleResult(): ScanResult {
  const findings = sampleFindings();
  const errors: ScanResult['errors'] = [
    { path: 'broken.yaml', line: 3, column: 5, message: 'bad indentation of a mapping entry <here> & "there"', code: 'YAML_PARSE' },
    { path: 'k8s/deploy.yaml', message: 'document 2 is not an object', code: 'NOT_OBJECT' },
  ];
  return {
    schemaVersion: 1,
    findings,
    errors,
    expiredWaivers: [{ id: 'PAL-DF-005', path: 'Dockerfile', expires: '2020-01-01', reason: 'temporary' }],
    summary: summarize(findings, errors),
  };
}

export function emptyResult(): ScanResult {
  return { schemaVersion: 1, findings: [], errors: [], expiredWaivers: [], summary: summarize([], []) };
}

export function options(over: Partial<ReportOptions> = {}): ReportOptions {
  return {
    color: false,
    cwd: CWD,
    toolVersion: '0.1.0',
    sources: new Map([['k8s/deploy.yaml', DEPLOY_YAML]]),
    ...over,
  };
}
