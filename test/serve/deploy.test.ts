/**
 * deploy/kubernetes: the manifests pass Palisade's own checks with no failure, the container runs
 * `serve` with flags serve accepts, and the webhook points at the admission endpoint.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ensureBuilt, palisade, ROOT } from '../cli/scan-helpers.js';

ensureBuilt();
const FILE = join(ROOT, 'deploy/kubernetes/webhook.yaml');
const docs = parseAllDocuments(readFileSync(FILE, 'utf8')).map((d) => d.toJS() as { kind: string; spec?: any; webhooks?: any[] });

describe('deploy/kubernetes', () => {
  it('passes palisade scan (recommended profile) with no failure', () => {
    const r = palisade(['scan', '-f', 'json', 'deploy/kubernetes/'], { cwd: ROOT });
    const report = JSON.parse(r.stdout) as { findings: { policyId: string; status: string; message: string }[]; summary: { documents: number } };
    expect(report.findings.filter((f) => f.status === 'fail').map((f) => `${f.policyId} ${f.message}`)).toEqual([]);
    expect(report.summary.documents).toBe(docs.length);
  });

  it('runs serve with flags it accepts, TLS on, and the webhook calls /v1/admit with AdmissionReview v1', () => {
    const deployment = docs.find((d) => d.kind === 'Deployment')!;
    const args = deployment.spec.template.spec.containers[0].args as string[];
    expect(args[0]).toBe('serve');
    const help = palisade(['serve', '--help'], { cwd: ROOT }).stdout;
    for (const a of args.slice(1)) expect(help, a).toContain(a.split('=')[0]);
    expect(args).toEqual(expect.arrayContaining(['--tls-cert-file=/tls/tls.crt', '--tls-private-key-file=/tls/tls.key']));
    const hook = docs.find((d) => d.kind === 'ValidatingWebhookConfiguration')!.webhooks![0];
    expect(hook.clientConfig.service.path).toBe('/v1/admit');
    expect(hook.admissionReviewVersions).toContain('v1');
    expect(hook.sideEffects).toBe('None');
  });
});
