/**
 * Kubernetes admission control: a `ValidatingAdmissionWebhook` request (`AdmissionReview`,
 * admission.k8s.io/v1) is decided by the same checks `palisade scan` runs on manifests — the
 * admitted object is loaded with the Kubernetes loader, so finding ids, severities and messages
 * are the scan's — plus request checks: the user's admission policies written for OPA (input =
 * the AdmissionReview, `deny`/`warn` rules; admission-policies.ts) and Gatekeeper constraints
 * (gatekeeper.ts). Palisade has no side effects, so a `dryRun` request gets the same answer; the
 * decision log marks it.
 */
import { compareSeverity, createScanner, loadDocuments, severityRank, type Finding, type Scanner, type Severity } from '@palisade/stdlib';
import type { Diagnostic } from '@palisade/engine';
import type { EvalLimits } from './decisions.js';

/** Admission checks over the raw request (the user's admission policies, Gatekeeper constraints). */
export interface RequestChecks {
  evaluate(request: AdmissionRequest, limits: EvalLimits, review?: unknown): { violations: Violation[]; errors: Diagnostic[] };
}

export type AdmissionMode = 'enforce' | 'warn' | 'audit';

export interface AdmissionSettings {
  mode: AdmissionMode;
  /** Lowest severity of a failing stdlib finding that denies (lower ones become warnings). */
  denySeverity: Severity;
  /** Namespaces never checked (default kube-system). */
  excludeNamespaces: string[];
  /** The answer when a check cannot be evaluated (error, timeout): deny fails closed, as `failurePolicy: Fail`. */
  onError: 'deny' | 'allow';
}

export interface AdmissionRequest {
  uid?: string;
  kind?: { group?: string; version?: string; kind?: string };
  namespace?: string;
  name?: string;
  operation?: string;
  userInfo?: unknown;
  object?: unknown;
  oldObject?: unknown;
  dryRun?: boolean;
}

export interface Violation {
  id: string;
  severity: Severity;
  message: string;
  /** Denies in enforce mode (else a warning). */
  deny: boolean;
  /** Recorded (decision log, audit annotation) but neither denies nor warns: Gatekeeper's `dryrun`. */
  auditOnly?: boolean;
}

export interface AdmissionOutcome {
  response: { uid: string; allowed: boolean; status?: { code: number; reason?: string; message: string }; warnings?: string[]; auditAnnotations?: Record<string, string> };
  violations: Violation[];
  skipped?: string;
  errors: Diagnostic[];
}

const KUBERNETES_KINDS = ['kubernetes'] as const;

/** The stdlib's Kubernetes checks, compiled once (only the policies for Kubernetes documents). */
export function admissionScanner(options: { profile?: string; config?: Record<string, unknown> } = {}): { scanner?: Scanner; errors: Diagnostic[] } {
  return createScanner({ documentKinds: [...KUBERNETES_KINDS], ...(options.profile ? { profile: options.profile as never } : {}), ...(options.config ? { config: options.config } : {}) });
}

/** Escapes what would break the one-line status message a kubectl user reads. */
function oneLine(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, 1000);
}

interface Subject {
  uid: string;
  kind: string;
  ns: string;
  name: string;
}

/** What the request is about; `undefined` with the reason when it is not checked at all. */
function subject(review: unknown, settings: AdmissionSettings): { request: AdmissionRequest; subject?: Subject; skipped?: string } {
  const request = ((review as { request?: AdmissionRequest } | null)?.request ?? {}) as AdmissionRequest;
  if (request.namespace && settings.excludeNamespaces.includes(request.namespace)) return { request, skipped: `namespace ${request.namespace} is excluded` };
  if (request.operation === 'DELETE' || request.operation === 'CONNECT') return { request, skipped: `${request.operation} is not checked` };
  if (typeof request.object !== 'object' || request.object === null) return { request, skipped: 'the request has no object' };
  const obj = request.object as { kind?: string; metadata?: { name?: string; namespace?: string; generateName?: string } };
  return {
    request,
    subject: {
      uid: typeof request.uid === 'string' ? request.uid : '',
      kind: obj.kind ?? request.kind?.kind ?? 'Object',
      ns: obj.metadata?.namespace ?? request.namespace ?? '',
      name: obj.metadata?.name ?? obj.metadata?.generateName ?? request.name ?? 'unnamed',
    },
  };
}

function skip(request: AdmissionRequest, skipped: string): AdmissionOutcome {
  return { response: { uid: typeof request.uid === 'string' ? request.uid : '', allowed: true }, violations: [], skipped, errors: [] };
}

/** The answer when the checks could not run at all (a worker past its time budget): per `onError`, as any evaluation error. */
export function failedAdmission(review: unknown, settings: AdmissionSettings, error: Diagnostic): AdmissionOutcome {
  const s = subject(review, settings);
  return s.subject ? answer(s.subject, [], [error], settings) : skip(s.request, s.skipped!);
}

export function decideAdmission(review: unknown, scanner: Scanner, settings: AdmissionSettings, checks: readonly RequestChecks[], limits: EvalLimits): AdmissionOutcome {
  const s = subject(review, settings);
  if (!s.subject) return skip(s.request, s.skipped!);
  const { request } = s;
  const { ns, name } = s.subject;
  const obj = request.object as { kind?: string; metadata?: { namespace?: string } };
  // The object as the document of a file named after it; JSON is YAML, so the Kubernetes loader reads it unchanged.
  const path = `admission/${s.subject.kind}/${ns ? ns + '/' : ''}${name}.json`;
  const loaded = loadDocuments([{ path, content: JSON.stringify(request.namespace && !obj.metadata?.namespace ? { ...obj, metadata: { ...obj.metadata, namespace: request.namespace } } : obj) }], { parser: 'kubernetes' });
  const errors: Diagnostic[] = loaded.errors.map((e) => ({ code: 'palisade_input_error', message: `${e.path}: ${e.message}` }));
  const result = scanner.scan(loaded.documents);
  for (const e of result.errors) errors.push({ code: 'palisade_input_error', message: typeof e === 'string' ? e : JSON.stringify(e) });

  const violations: Violation[] = result.findings
    .filter((f: Finding) => f.status === 'fail' || f.status === 'warn')
    .map((f: Finding) => ({ id: f.policyId, severity: f.severity, message: oneLine(f.message), deny: f.status === 'fail' && severityRank(f.severity) >= severityRank(settings.denySeverity) }));
  for (const c of checks) {
    const g = c.evaluate(request, limits, review);
    violations.push(...g.violations.map((v) => ({ ...v, message: oneLine(v.message) })));
    errors.push(...g.errors);
  }
  violations.sort((a, b) => compareSeverity(a.severity, b.severity) || a.id.localeCompare(b.id) || a.message.localeCompare(b.message));

  return answer(s.subject, violations, errors, settings);
}

function answer(subject: Subject, violations: Violation[], errors: Diagnostic[], settings: AdmissionSettings): AdmissionOutcome {
  const denying = violations.filter((v) => v.deny);
  const warnings = violations.filter((v) => !v.deny && !v.auditOnly).map((v) => oneLine(`${v.id} [${v.severity}] ${v.message}`));
  // An evaluation error must not admit silently: in enforce mode it denies (on-error: deny), naming the error.
  const failed = errors.length > 0;
  const deny = settings.mode === 'enforce' && (denying.length > 0 || (failed && settings.onError === 'deny'));
  const response: AdmissionOutcome['response'] = { uid: subject.uid, allowed: !deny };
  if (settings.mode === 'warn') warnings.unshift(...denying.map((v) => oneLine(`${v.id} [${v.severity}] ${v.message}`)));
  // Otherwise an error admits, but never silently: it is a warning (and an audit annotation).
  if (failed && !deny) warnings.unshift(...errors.map((e) => oneLine(`palisade could not check this object: ${e.message}`)));
  if (deny) {
    const lines = denying.map((v) => `${v.id} [${v.severity}] ${v.message}`);
    if (failed) lines.push(...errors.map((e) => `policy evaluation error: ${e.message}`));
    response.status = { code: 403, reason: 'Forbidden', message: oneLine(`palisade denied ${subject.kind} ${subject.ns ? subject.ns + '/' : ''}${subject.name}: ${lines.join('; ')}`) };
  }
  if (settings.mode !== 'audit' && warnings.length) response.warnings = warnings.slice(0, 50);
  if ((settings.mode === 'audit' && (violations.length || failed)) || violations.some((v) => v.auditOnly)) {
    response.auditAnnotations = { 'palisade.dev/violations': oneLine([...violations.map((v) => `${v.id} [${v.severity}]`), ...(failed ? ['evaluation error'] : [])].join(', ')) };
  }
  return { response, violations, errors };
}
