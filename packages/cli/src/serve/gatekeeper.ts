/**
 * Gatekeeper's policy format, so templates from the Gatekeeper library run unchanged: a
 * `ConstraintTemplate` (templates.gatekeeper.sh) carries Rego for the `admission.k8s.gatekeeper.sh`
 * target, a constraint (constraints.gatekeeper.sh, kind named by the template) says where it
 * applies (`spec.match`), with what `spec.parameters` and `spec.enforcementAction`. For each
 * constraint matching an admission request, `violation` of the template's package is evaluated with
 * `input = {"review": <the AdmissionRequest>, "parameters": <spec.parameters>}`; each
 * `{"msg": …}` is a violation named `<Kind>/<constraint name>`.
 *
 * Template Rego is v0 unless the template says `version: v1` (as Gatekeeper reads it). Each
 * template compiles in its own engine with its `libs`, as Gatekeeper isolates templates: two
 * templates may ship different versions of the same `lib.*` package.
 *
 * Referential templates read `data.inventory`, Gatekeeper's replica of cluster objects: it comes
 * from manifest files (`--gatekeeper-inventory`, gatekeeper-inventory.ts), and a referential
 * template without them is refused. What an AdmissionReview alone cannot answer is refused when
 * loading, never skipped silently: `namespaceSelector` on namespaced objects (needs the
 * Namespace's labels) and CEL-only templates.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Engine, MAX_YAML_ALIASES, parseModule, toJSONValue, type Diagnostic, type PreparedQuery } from '@palisade/engine';
import { matchGlob } from '@palisade/stdlib';
import { expandPaths } from '../load-policies.js';
import type { AdmissionRequest, RequestChecks, Violation } from './admission.js';
import { readInventory, syncRules, type Inventory, type SyncRule } from './gatekeeper-inventory.js';
import type { EvalLimits } from './decisions.js';

const TARGET = 'admission.k8s.gatekeeper.sh';
const ACTIONS = ['deny', 'warn', 'dryrun'] as const;
type Action = (typeof ACTIONS)[number];

interface Template {
  kind: string;
  violation: PreparedQuery;
}

interface Selector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** `spec.match` of a constraint (the fields Gatekeeper's matcher reads). */
interface Match {
  kinds?: { apiGroups?: string[]; kinds?: string[] }[];
  namespaces?: string[];
  excludedNamespaces?: string[];
  scope?: string;
  name?: string;
  labelSelector?: Selector;
  namespaceSelector?: Selector;
}

interface Constraint {
  kind: string;
  name: string;
  match: Match;
  parameters: unknown;
  action: Action;
  template: Template;
}

type Doc = { apiVersion?: string; kind?: string; metadata?: { name?: string }; spec?: Record<string, any> };

function isRecord(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The Rego source, libs and version of the admission target (old `rego`/`libs` fields or the newer `code` list). */
function targetCode(spec: Record<string, any>): { rego?: string; libs: string[]; v1: boolean; cel: boolean } {
  const target = (Array.isArray(spec.targets) ? spec.targets : []).find((t: any) => t?.target === TARGET);
  if (!target) return { libs: [], v1: false, cel: false };
  if (typeof target.rego === 'string') return { rego: target.rego, libs: Array.isArray(target.libs) ? target.libs : [], v1: false, cel: false };
  const code = Array.isArray(target.code) ? target.code : [];
  const rego = code.find((c: any) => c?.engine === 'Rego')?.source;
  const cel = code.some((c: any) => c?.engine === 'K8sNativeValidation');
  if (!isRecord(rego) || typeof rego.rego !== 'string') return { libs: [], v1: false, cel };
  return { rego: rego.rego, libs: Array.isArray(rego.libs) ? rego.libs : [], v1: rego.version === 'v1', cel };
}

function compileTemplate(doc: Doc, where: string, inventory: Inventory | undefined): { template?: Template; errors: Diagnostic[] } {
  const err = (message: string): { errors: Diagnostic[] } => ({ errors: [{ code: 'palisade_input_error', message: `${where}: ConstraintTemplate ${doc.metadata?.name ?? '(unnamed)'}: ${message}` }] });
  const kind = doc.spec?.crd?.spec?.names?.kind;
  if (typeof kind !== 'string' || !kind) return err('spec.crd.spec.names.kind is required');
  const code = targetCode(doc.spec ?? {});
  if (code.rego === undefined) return err(code.cel ? 'only CEL (K8sNativeValidation) code, which palisade does not run; add the Rego engine code' : `no Rego code for target ${TARGET}`);
  const sources = [code.rego, ...code.libs.filter((l): l is string => typeof l === 'string')];
  if (!inventory && sources.some((s) => /\bdata\.inventory\b/.test(s))) {
    return err('reads data.inventory (a referential policy): give the cluster objects it compares against with --gatekeeper-inventory (as Gatekeeper syncs them)');
  }
  // Gatekeeper evaluates with deprecated builtins allowed (its templates predate OPA 1.0).
  const engine = new Engine({ allowDeprecatedBuiltins: true });
  const errors: Diagnostic[] = inventory ? engine.addData({ inventory }) : [];
  let pkg: string[] | undefined;
  sources.forEach((src, i) => {
    const file = `${where}#${doc.metadata?.name}${i ? `/lib${i}` : ''}`;
    const parsed = parseModule(file, src, { regoVersion: code.v1 ? 'v1' : 'v0' });
    if (!parsed.module) return errors.push(...parsed.errors);
    if (i === 0) pkg = parsed.module.package.path.path.map((t) => String((t as { value?: unknown }).value));
    errors.push(...engine.addParsedModule(parsed.module));
  });
  if (!errors.length) errors.push(...engine.compile());
  if (errors.length || !pkg) return { errors };
  const prepared = engine.prepareRef([...pkg, 'violation'], 'x');
  if (!prepared.query) return { errors: prepared.errors };
  return { template: { kind, violation: prepared.query }, errors: [] };
}

function readConstraint(doc: Doc, where: string, templates: Map<string, Template>): { constraint?: Constraint; errors: Diagnostic[] } {
  const name = doc.metadata?.name ?? '(unnamed)';
  const err = (message: string): { errors: Diagnostic[] } => ({ errors: [{ code: 'palisade_input_error', message: `${where}: ${doc.kind} ${name}: ${message}` }] });
  const template = templates.get(doc.kind ?? '');
  if (!template) return err(`no ConstraintTemplate defines kind ${doc.kind}`);
  const spec = isRecord(doc.spec) ? doc.spec : {};
  const action = (spec.enforcementAction ?? 'deny') as Action;
  if (!ACTIONS.includes(action)) return err(`enforcementAction must be one of ${ACTIONS.join(', ')} (got ${JSON.stringify(spec.enforcementAction)})`);
  const match = (isRecord(spec.match) ? spec.match : {}) as Match;
  for (const [k, v] of Object.entries(match)) {
    if (!['kinds', 'namespaces', 'excludedNamespaces', 'scope', 'name', 'labelSelector', 'namespaceSelector'].includes(k)) return err(`spec.match.${k} is not supported`);
    if ((k === 'namespaces' || k === 'excludedNamespaces' || k === 'kinds') && !Array.isArray(v)) return err(`spec.match.${k} must be a list`);
  }
  return { constraint: { kind: doc.kind!, name, match, parameters: spec.parameters ?? {}, action, template }, errors: [] };
}

function selects(sel: Selector, labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, e.key);
    const inValues = has && (e.values ?? []).includes(labels[e.key]!);
    const ok = e.operator === 'In' ? inValues : e.operator === 'NotIn' ? !inValues : e.operator === 'Exists' ? has : e.operator === 'DoesNotExist' ? !has : false;
    if (!ok) return false;
  }
  return true;
}

type Meta = { name?: string; namespace?: string; labels?: Record<string, string> };

/** Gatekeeper's matcher on what an AdmissionRequest carries; `namespaceSelector` needs a Namespace object (else an error). */
export function constraintMatches(m: Match, req: AdmissionRequest): boolean | string {
  const obj = (isRecord(req.object) ? req.object : isRecord(req.oldObject) ? req.oldObject : {}) as { kind?: string; metadata?: Meta };
  const group = req.kind?.group ?? '';
  const kind = req.kind?.kind ?? obj.kind ?? '';
  if (m.kinds?.length && !m.kinds.some((k) => (k.apiGroups ?? []).some((g) => g === '*' || g === group) && (k.kinds ?? []).some((x) => x === '*' || x === kind))) return false;
  const isNamespace = group === '' && kind === 'Namespace';
  const ns = isNamespace ? (obj.metadata?.name ?? req.name ?? '') : (req.namespace ?? obj.metadata?.namespace ?? '');
  if (m.scope === 'Cluster' && ns && !isNamespace) return false;
  if (m.scope === 'Namespaced' && (!ns || isNamespace)) return false;
  // Cluster-scoped objects (other than Namespaces) are not filtered by namespace, as in Gatekeeper.
  if (ns) {
    if (m.namespaces?.length && !m.namespaces.some((g) => matchGlob(g, ns, 'name'))) return false;
    if (m.excludedNamespaces?.some((g) => matchGlob(g, ns, 'name'))) return false;
  }
  if (m.name && !matchGlob(m.name, obj.metadata?.name ?? req.name ?? '', 'name')) return false;
  if (m.labelSelector && !selects(m.labelSelector, obj.metadata?.labels ?? {})) return false;
  if (m.namespaceSelector) {
    if (isNamespace) return selects(m.namespaceSelector, obj.metadata?.labels ?? {});
    if (ns) return 'spec.match.namespaceSelector needs the labels of the object’s Namespace, which an AdmissionReview does not carry';
  }
  return true;
}

export interface GatekeeperChecks extends RequestChecks {
  templates: number;
  constraints: number;
  /** Objects in data.inventory (undefined without --gatekeeper-inventory). */
  inventory?: number;
}

/**
 * Reads ConstraintTemplates, constraints and a Gatekeeper Config from YAML files and directories,
 * and the inventory from `inventoryPaths` (given: referential templates load); any error means no checks.
 */
export function loadGatekeeper(paths: readonly string[], cwd: string, inventoryPaths?: readonly string[]): { checks?: GatekeeperChecks; errors: Diagnostic[] } {
  const errors: Diagnostic[] = [];
  const templates = new Map<string, Template>();
  const templateDocs: [Doc, string][] = [];
  const constraintDocs: [Doc, string][] = [];
  let sync: SyncRule[] | undefined;
  for (const file of expandPaths([...paths], ['yaml', 'yml'])) {
    const where = relative(cwd, file) || file;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      errors.push({ code: 'palisade_input_error', message: `${where}: cannot read file: ${(e as Error).message}` });
      continue;
    }
    for (const d of parseAllDocuments(text, { prettyErrors: false })) {
      const line = d.contents?.range ? text.slice(0, d.contents.range[0]).split('\n').length : 1;
      const at = `${where}:${line}`;
      if (d.errors.length) {
        const e = d.errors[0]!;
        errors.push({ code: 'palisade_input_error', message: `${where}:${e.linePos?.[0]?.line ?? line}: ${e.message.split('\n')[0]}` });
        continue;
      }
      const doc = d.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as Doc | null;
      if (doc === null) continue;
      if (doc.kind === 'ConstraintTemplate' && String(doc.apiVersion).startsWith('templates.gatekeeper.sh/')) templateDocs.push([doc, at]);
      else if (String(doc.apiVersion).startsWith('constraints.gatekeeper.sh/')) constraintDocs.push([doc, at]);
      else if (doc.kind === 'Config' && String(doc.apiVersion).startsWith('config.gatekeeper.sh/')) {
        if (doc.spec?.sync?.syncOnly !== undefined) (sync ??= []).push(...syncRules(doc));
      } else errors.push({ code: 'palisade_input_error', message: `${at}: ${doc.kind ?? 'document'} is neither a Gatekeeper ConstraintTemplate, a constraint nor a Config` });
    }
  }
  // After every file: a Config anywhere decides what the inventory keeps.
  const inv = inventoryPaths ? readInventory(inventoryPaths, cwd, sync) : undefined;
  if (inv) errors.push(...inv.errors);
  for (const [doc, at] of templateDocs) {
    const t = compileTemplate(doc, at, inv?.inventory ?? (inv ? { cluster: {}, namespace: {} } : undefined));
    errors.push(...t.errors);
    if (t.template) {
      if (templates.has(t.template.kind)) errors.push({ code: 'palisade_input_error', message: `${at}: a second ConstraintTemplate for kind ${t.template.kind}` });
      templates.set(t.template.kind, t.template);
    }
  }
  const constraints: Constraint[] = [];
  for (const [doc, at] of constraintDocs) {
    const c = readConstraint(doc, at, templates);
    errors.push(...c.errors);
    if (c.constraint) constraints.push(c.constraint);
  }
  if (errors.length) return { errors };
  return {
    errors: [],
    checks: {
      templates: templates.size,
      constraints: constraints.length,
      ...(inv ? { inventory: inv.objects } : {}),
      evaluate: (request, limits) => evaluateConstraints(constraints, request, limits),
    },
  };
}

function evaluateConstraints(constraints: Constraint[], request: AdmissionRequest, limits: EvalLimits): { violations: Violation[]; errors: Diagnostic[] } {
  const violations: Violation[] = [];
  const errors: Diagnostic[] = [];
  for (const c of constraints) {
    const id = `${c.kind}/${c.name}`;
    const matched = constraintMatches(c.match, request);
    if (typeof matched === 'string') {
      errors.push({ code: 'palisade_input_error', message: `${id}: ${matched}` });
      continue;
    }
    if (!matched) continue;
    const res = c.template.violation.evaluate({ review: request, parameters: c.parameters }, { timeoutMs: limits.timeoutMs, maxMemoryBytes: limits.maxMemoryBytes });
    if (res.error) {
      errors.push({ ...(res.error as Diagnostic), message: `${id}: ${(res.error as Diagnostic).message}` });
      continue;
    }
    const set = res.rows.length ? (toJSONValue(res.rows[0]!.x as never) as unknown) : [];
    for (const v of Array.isArray(set) ? set : []) {
      const msg = isRecord(v) && typeof v.msg === 'string' ? v.msg : JSON.stringify(v);
      violations.push({ id, severity: c.action === 'deny' ? 'HIGH' : 'MEDIUM', message: `[${c.name}] ${msg}`, deny: c.action === 'deny', ...(c.action === 'dryrun' ? { auditOnly: true } : {}) });
    }
  }
  return { violations, errors };
}
