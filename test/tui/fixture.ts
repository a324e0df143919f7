/**
 * A small, realistic ScanResult for TUI tests and demos: Dockerfile and Kubernetes findings,
 * one warning, one waived finding, one finding whose excerpt comes from its source text, a
 * load error and an expired waiver. `manyFindings` scales it up for windowing tests.
 */
import type { Finding, ScanResult, Severity } from '@palisade/stdlib';

export const DOCKERFILE = [
  'FROM node:latest AS build',
  'WORKDIR /app',
  'COPY . .',
  'RUN npm ci && npm run build',
  '',
  'FROM nginx:1.27',
  'COPY --from=build /app/dist /usr/share/nginx/html',
  'RUN apt-get update && apt-get install -y curl',
  'EXPOSE 22',
  'CMD ["nginx", "-g", "daemon off;"]',
].join('\n');

const base = {
  references: [] as string[],
  related: [] as string[],
  endLine: 0,
};

export const FINDINGS: Finding[] = [
  {
    ...base,
    policyId: 'PAL-DF-001',
    title: 'Image tag is latest',
    severity: 'MEDIUM',
    status: 'fail',
    message: "Stage 'build' uses image 'node:latest'; pin a version or digest",
    description: 'The latest tag moves: builds are not reproducible and may pull an unreviewed image.',
    file: 'Dockerfile',
    startLine: 1,
    endLine: 1,
    resource: { stage: 'build' },
    remediation: 'Use a fixed tag such as node:22.11-alpine, or a digest.',
    references: ['https://docs.docker.com/reference/dockerfile/#from'],
    related: ['DS001', 'DL3007'],
    namespace: 'palisade.dockerfile.latest_tag',
    rule: 'deny',
  },
  {
    ...base,
    policyId: 'PAL-DF-004',
    title: 'No USER instruction',
    severity: 'HIGH',
    status: 'fail',
    message: "The final stage runs as root: add a USER instruction with a non-root user",
    file: 'Dockerfile',
    startLine: 6,
    endLine: 10,
    resource: { stage: '1' },
    remediation: 'Add `USER 10001` (or a named user) after installing packages.',
    related: ['DS002', 'CIS-4.1'],
    namespace: 'palisade.dockerfile.root_user',
    rule: 'deny',
  },
  {
    ...base,
    policyId: 'PAL-DF-009',
    title: 'apt-get without --no-install-recommends',
    severity: 'LOW',
    status: 'warn',
    message: 'apt-get install without --no-install-recommends pulls extra packages',
    file: 'Dockerfile',
    startLine: 8,
    endLine: 8,
    resource: { stage: '1' },
    related: ['DL3015'],
    namespace: 'palisade.dockerfile.apt',
    rule: 'warn',
  },
  {
    ...base,
    policyId: 'PAL-DF-012',
    title: 'Port 22 exposed',
    severity: 'LOW',
    status: 'waived',
    message: 'EXPOSE 22 publishes SSH',
    file: 'Dockerfile',
    startLine: 9,
    endLine: 9,
    resource: { stage: '1' },
    namespace: 'palisade.dockerfile.ssh',
    rule: 'deny',
    waiver: { source: 'inline', reason: 'bastion image' },
  },
  {
    ...base,
    policyId: 'PAL-K8S-001',
    title: 'Privileged container',
    severity: 'CRITICAL',
    status: 'fail',
    message:
      "Container 'api' of Deployment 'prod/api' runs privileged, which gives it every capability of the host " +
      'kernel and access to all devices; an attacker who compromises the process owns the node.',
    description: 'Privileged containers disable almost every isolation mechanism of the container runtime.',
    file: 'k8s/deployment.yaml',
    startLine: 21,
    endLine: 22,
    resource: { kind: 'Deployment', namespace: 'prod', name: 'api' },
    snippet: {
      startLine: 18,
      lines: [
        '        - name: api',
        '          image: registry.example.com/api:1.4.2',
        '          securityContext:',
        '            privileged: true',
        '            allowPrivilegeEscalation: true',
        '          ports:',
      ],
      highlightStart: 21,
      highlightEnd: 22,
    },
    remediation: 'Remove privileged: true; grant only the capabilities the container needs.',
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/',
      'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
    ],
    related: ['KSV017', 'PSS-baseline-privileged', 'CIS-5.2.1'],
    namespace: 'palisade.kubernetes.privileged',
    rule: 'deny',
  },
  {
    ...base,
    policyId: 'PAL-K8S-005',
    title: 'Image pulled by mutable tag',
    severity: 'INFO',
    status: 'warn',
    message: "Container 'api' image has no digest",
    file: 'k8s/deployment.yaml',
    startLine: 19,
    endLine: 19,
    resource: { kind: 'Deployment', namespace: 'prod', name: 'api' },
    namespace: 'palisade.kubernetes.digest',
    rule: 'warn',
  },
];

export function summarize(findings: Finding[], files: number, errors: number): ScanResult['summary'] {
  const bySeverity: Record<Severity, number> = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFO: 0 };
  for (const f of findings) if (f.status !== 'waived') bySeverity[f.severity]++;
  return {
    files,
    documents: files + 1,
    policies: 42,
    failures: findings.filter((f) => f.status === 'fail').length,
    warnings: findings.filter((f) => f.status === 'warn').length,
    waived: findings.filter((f) => f.status === 'waived').length,
    errors,
    bySeverity,
  };
}

export function fixtureResult(findings: Finding[] = FINDINGS): ScanResult {
  const errors = [
    { path: 'k8s/broken.yaml', line: 4, column: 3, code: 'yaml_parse_error', message: 'bad indentation of a mapping entry' },
  ];
  return {
    schemaVersion: 1,
    findings,
    errors,
    expiredWaivers: [{ id: 'PAL-K8S-007', path: 'palisade.yaml', expires: '2024-01-31', reason: 'migration' }],
    summary: summarize(findings, new Set(findings.map((f) => f.file)).size + errors.length, errors.length),
  };
}

export const fixtureSources = (): Map<string, string> => new Map([['Dockerfile', DOCKERFILE]]);

const SEVS: Severity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];

/** `n` findings over `n / 10` files, with every severity and a deterministic order. */
export function manyFindings(n: number): Finding[] {
  return Array.from({ length: n }, (_, i) => ({
    ...base,
    policyId: `PAL-GEN-${String(i % 37).padStart(3, '0')}`,
    title: `Generated rule ${i % 37}`,
    severity: SEVS[i % SEVS.length]!,
    status: 'fail' as const,
    message: `generated finding number ${i}`,
    file: `gen/file-${String(Math.floor(i / 10)).padStart(4, '0')}.yaml`,
    startLine: (i % 10) + 1,
    endLine: (i % 10) + 1,
    namespace: 'palisade.gen',
    rule: 'deny',
  }));
}
