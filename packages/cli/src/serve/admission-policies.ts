/**
 * The user's own admission rules, written as for OPA's Kubernetes admission control: a package
 * (default `kubernetes.admission`) whose `deny` and `warn` sets are evaluated with the whole
 * AdmissionReview as input, so `input.request.object`, `input.request.oldObject`,
 * `input.request.operation`, `input.request.userInfo` and `input.request.dryRun` read as the API
 * server sent them. A member is a message string or an object `{"msg", "id"?, "severity"?}`.
 */
import { SEVERITIES, type Severity } from '@palisade/stdlib';
import type { Diagnostic } from '@palisade/engine';
import type { AdmissionRequest, RequestChecks, Violation } from './admission.js';
import type { DecisionSet, EvalLimits } from './decisions.js';

export const DEFAULT_ADMISSION_PACKAGE = 'kubernetes.admission';

function members(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function violation(v: unknown, pkg: string, rule: 'deny' | 'warn'): Violation {
  const o = (typeof v === 'object' && v !== null && !Array.isArray(v) ? v : {}) as { msg?: unknown; id?: unknown; severity?: unknown };
  const message = typeof v === 'string' ? v : typeof o.msg === 'string' ? o.msg : JSON.stringify(v);
  const sev = typeof o.severity === 'string' ? o.severity.toUpperCase() : '';
  const severity = (SEVERITIES as readonly string[]).includes(sev) ? (sev as Severity) : rule === 'deny' ? 'HIGH' : 'MEDIUM';
  return { id: typeof o.id === 'string' && o.id ? o.id : `${pkg}.${rule}`, severity, message, deny: rule === 'deny' };
}

/** Checks from `data.<pkg>.deny` / `.warn` of the served policy set (read at each request, so reloads apply). */
export function admissionPolicyChecks(getSet: () => DecisionSet, pkg: string): RequestChecks {
  const path = pkg.split('.').filter(Boolean);
  return {
    evaluate(request: AdmissionRequest, limits: EvalLimits, review?: unknown) {
      const input = review ?? { apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request };
      const violations: Violation[] = [];
      const errors: Diagnostic[] = [];
      for (const rule of ['deny', 'warn'] as const) {
        const d = getSet().evaluate([...path, rule], input, limits);
        if (!d.ok) errors.push({ ...d.error, message: `data.${pkg}.${rule}: ${d.error.message}` });
        else if (d.defined) for (const v of members(d.value)) violations.push(violation(v, pkg, rule));
      }
      return { violations, errors };
    },
  };
}
