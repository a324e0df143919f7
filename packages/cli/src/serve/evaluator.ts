/**
 * Everything `palisade serve` evaluates, built from one serializable description so the main
 * thread and each worker thread build the same thing: the policy set (Data API, the user's
 * admission rules), the stdlib scanner and the Gatekeeper constraints. A job is one request's
 * evaluation; its result is plain data (it crosses threads by structured clone).
 */
import type { Diagnostic } from '@palisade/engine';
import type { Scanner } from '@palisade/stdlib';
import { admissionScanner, decideAdmission, type AdmissionOutcome, type AdmissionSettings } from './admission.js';
import { admissionPolicyChecks } from './admission-policies.js';
import { loadDecisionSet, type Decision, type DecisionSet, type EvalLimits, type PolicySetSource } from './decisions.js';
import { loadGatekeeper, type GatekeeperChecks } from './gatekeeper.js';

export interface EvaluatorConfig {
  source: PolicySetSource;
  profile?: string;
  gatekeeper: string[];
  /** Manifests of data.inventory for referential Gatekeeper templates (absolute); absent: none. */
  inventory?: string[];
  policyPackage: string;
  admission: AdmissionSettings;
}

export type Job =
  | { kind: 'data'; path: string[]; input: unknown; limits: EvalLimits }
  | { kind: 'query'; query: string; input: unknown; limits: EvalLimits }
  | { kind: 'admit'; review: unknown; limits: EvalLimits };

export type QueryResult = { rows?: Record<string, unknown>[]; error?: Diagnostic; ms: number };
export type JobResult = Decision | QueryResult | AdmissionOutcome;

/** The policy side that reloads swap (the scanner is the stdlib's and never changes). */
export interface Policies {
  set: DecisionSet;
  gatekeeper: GatekeeperChecks;
}

export async function loadServedPolicies(config: EvaluatorConfig): Promise<{ policies?: Policies; errors: Diagnostic[] }> {
  const loaded = await loadDecisionSet(config.source);
  const gk = loadGatekeeper(config.gatekeeper, config.source.cwd, config.inventory);
  if (!loaded.set || !gk.checks) return { errors: [...loaded.errors, ...gk.errors] };
  return { policies: { set: loaded.set, gatekeeper: gk.checks }, errors: [] };
}

export class Evaluator {
  private readonly userRules;
  constructor(
    public config: EvaluatorConfig,
    private readonly scanner: Scanner,
    public policies: Policies,
  ) {
    // Reads the current set at each request, so a reload applies to the user's admission rules too.
    this.userRules = admissionPolicyChecks(() => this.policies.set, config.policyPackage);
  }

  run(job: Job): JobResult {
    if (job.kind === 'data') return this.policies.set.evaluate(job.path, job.input, job.limits);
    if (job.kind === 'query') return this.policies.set.query(job.query, job.input, job.limits);
    return decideAdmission(job.review, this.scanner, this.config.admission, [this.userRules, this.policies.gatekeeper], job.limits);
  }

  /**
   * Replaces the policies when the new ones load (from `config`, which then becomes this
   * evaluator's, e.g. with a newly downloaded bundle); otherwise keeps the old and returns the errors.
   */
  async reload(config: EvaluatorConfig = this.config): Promise<Diagnostic[]> {
    const next = await loadServedPolicies(config);
    if (!next.policies) return next.errors;
    this.policies = next.policies;
    this.config = config;
    return [];
  }
}

export async function createEvaluator(config: EvaluatorConfig): Promise<{ evaluator?: Evaluator; errors: Diagnostic[] }> {
  const loaded = await loadServedPolicies(config);
  if (!loaded.policies) return { errors: loaded.errors };
  const { scanner, errors } = admissionScanner(config.profile === undefined ? {} : { profile: config.profile });
  if (!scanner) return { errors };
  return { evaluator: new Evaluator(config, scanner, loaded.policies), errors: [] };
}
