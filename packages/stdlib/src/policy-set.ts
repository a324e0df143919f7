/**
 * Policy discovery: which packages of the compiled modules are policies, their rules, and their
 * METADATA (Palisade's `custom` block or Trivy's), then selection by namespace and profile.
 */
import type { AnnotationSet, Module } from '@palisade/engine';
import type { DocumentKind, Severity } from './model.js';
import { SEVERITIES } from './model.js';
import { CHECK_INPUT_KINDS } from './loaders/registry.js';
import { RULE_NAME, ruleKind, type RuleKind } from './conftest.js';
import { matchesAny } from './scan-glob.js';
import { readPolicyMeta } from './policy-meta.js';

/** A named selection of stdlib policies (`recommended` by default; Pod Security Standards and CIS profiles). */
export type Profile = 'recommended' | 'all' | 'pss-baseline' | 'pss-restricted' | 'cis-docker';
/** Every profile name. */
export const PROFILES: readonly Profile[] = ['recommended', 'all', 'pss-baseline', 'pss-restricted', 'cis-docker'];

/** Severity of policies without METADATA, by rule kind (documented in docs/cli.md). */
export const DEFAULT_SEVERITY: Record<RuleKind, Severity> = { deny: 'HIGH', violation: 'HIGH', warn: 'MEDIUM' };

/** A policy's METADATA (Palisade's `custom` block or Trivy's), normalised. */
export interface PolicyMetadata {
  /** Stable id; for policies without METADATA `<package>.<rule>` (see `policyIdFor`). */
  id?: string;
  title?: string;
  severity?: Severity;
  description?: string;
  remediation?: string;
  references: string[];
  related: string[];
  /** Document kinds the policy runs on; undefined = every kind. */
  inputKinds?: DocumentKind[];
  profiles: string[];
  /** Declares Trivy-style selectors or schemas, so Dockerfiles arrive in Trivy's shape. */
  trivyStyle: boolean;
}

/** A `deny*`/`violation*`/`warn*` rule of a policy. */
export interface PolicyRule {
  name: string;
  kind: RuleKind;
}

/** A Rego package with `deny`/`violation`/`warn` rules, its files, METADATA and rules. */
export interface Policy {
  /** Rego package without `data.`, e.g. `palisade.dockerfile.image_tag_pinned` or `main`. */
  namespace: string;
  /** Files that declare the package (several files may share `package main`). */
  files: string[];
  stdlib: boolean;
  metadata: PolicyMetadata | undefined;
  rules: PolicyRule[];
  /** The package has conftest `exception` rules. */
  hasException: boolean;
  /** Number of deny/violation/warn rule definitions (conftest counts a test per definition). */
  definitions?: number;
  /** A METADATA block above the package that is not valid YAML (the policy runs without it). */
  metadataError?: string;
}

/**
 * METADATA YAML of a module's package-scope annotation (raw object), or undefined (read by
 * `readPolicyMeta`, shared with the docs generator and the quality checks).
 */
export function packageAnnotation(module: Module): Record<string, unknown> | undefined {
  return readPackageAnnotation(module).value;
}

function readPackageAnnotation(module: Module): { value?: Record<string, unknown>; error?: string } {
  const r = readPolicyMeta(module);
  if (r.raw) return { value: r.raw };
  return r.error ? { error: `${module.file}: ${r.error}` } : {};
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined;
}

function strList(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  const items = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  for (const x of items) {
    // OPA's related_resources entries are `{ref, description}` objects or plain URLs.
    const s = isRecord(x) ? str(x['ref']) : str(x);
    if (s) out.push(s);
  }
  return out;
}

/** Trivy selector types → document kinds. */
const TRIVY_TYPES: Record<string, DocumentKind[]> = {
  dockerfile: ['dockerfile'],
  kubernetes: ['kubernetes'],
  rbac: ['kubernetes'],
  yaml: ['yaml'],
  json: ['json'],
};

const KIND_NAMES = new Set<string>(CHECK_INPUT_KINDS);

function inputKindsOf(custom: Record<string, unknown>, schemas: unknown): { kinds?: DocumentKind[]; trivy: boolean } {
  const input = custom['input'];
  const kinds = new Set<DocumentKind>();
  let trivy = false;
  if (Array.isArray(input) || typeof input === 'string') {
    for (const k of strList(input)) if (KIND_NAMES.has(k)) kinds.add(k as DocumentKind);
  } else if (isRecord(input) && Array.isArray(input['selector'])) {
    trivy = true;
    for (const sel of input['selector']) {
      const t = isRecord(sel) ? str(sel['type']) : str(sel);
      if (!t) continue;
      const mapped: DocumentKind[] = TRIVY_TYPES[t.toLowerCase()] ?? (KIND_NAMES.has(t) ? [t as DocumentKind] : []);
      for (const k of mapped) kinds.add(k);
    }
  }
  if (Array.isArray(schemas)) {
    // Trivy: `schemas: [{input: schema["dockerfile"]}]` (the YAML keeps the reference as text).
    for (const s of schemas) {
      const text = isRecord(s) ? JSON.stringify(s) : String(s);
      if (/dockerfile/i.test(text)) {
        trivy = true;
        if (!isRecord(input)) kinds.add('dockerfile');
      } else if (/kubernetes/i.test(text)) trivy = true;
    }
  }
  return { kinds: kinds.size ? [...kinds].sort() : undefined, trivy };
}

/** Normalises Palisade and Trivy METADATA into one shape. */
export function policyMetadata(raw: Record<string, unknown>, stdlib: boolean): PolicyMetadata {
  const custom = isRecord(raw['custom']) ? raw['custom'] : {};
  const sev = str(custom['severity'])?.toUpperCase();
  const { kinds, trivy } = inputKindsOf(custom, raw['schemas']);
  const references = [...strList(custom['references']), ...strList(raw['related_resources'])];
  const related = strList(custom['related']);
  const avd = str(custom['avd_id']);
  if (avd && str(custom['id']) && avd !== str(custom['id'])) related.push(avd);
  return {
    id: str(custom['id']) ?? str(custom['avd_id']),
    title: str(raw['title']),
    severity: SEVERITIES.includes(sev as Severity) ? (sev as Severity) : undefined,
    description: str(raw['description']),
    remediation: str(custom['remediation']) ?? str(custom['recommended_action']) ?? str(custom['recommended_actions']),
    references: [...new Set(references)],
    related: [...new Set(related)],
    inputKinds: kinds,
    // Absent `profiles` means `recommended`; an explicit empty list means "only with `all`".
    profiles: custom['profiles'] === undefined ? ['recommended'] : strList(custom['profiles']),
    // The stdlib reads Trivy's Dockerfile shape by convention (docs/policies/authoring.md).
    trivyStyle: trivy || stdlib,
  };
}

function packageName(module: Module): string {
  return module.package.path.path.map((t) => (t.type === 'string' ? t.value : '?')).join('.');
}

function ruleName(rule: Module['rules'][number]): string | undefined {
  const ref = rule.head.ref;
  if (ref.type === 'var') return rule.head.args ? undefined : ref.name;
  return undefined;
}

/** Package-scope METADATA per module, from an engine's parsed annotations (first block wins, as in readPolicyMeta). */
function packageMetadataOf(annotations: AnnotationSet): Map<Module, Record<string, unknown>> {
  const out = new Map<Module, Record<string, unknown>>();
  for (const e of annotations.entries) {
    if (e.target?.kind !== 'package' || (e.fields.scope !== 'package' && e.fields.scope !== 'subpackages')) continue;
    if (!out.has(e.target.module)) out.set(e.target.module, e.value);
  }
  return out;
}

/**
 * Every package that has `deny*`/`violation*`/`warn*` rules, in package order. `stdlibFiles`
 * names the modules that belong to the standard library. `annotations`, when given, is the
 * compiled engine's `annotations()` for these very modules: METADATA is then taken from it
 * instead of parsing each block's YAML again.
 */
export function discoverPolicies(modules: readonly Module[], stdlibFiles: ReadonlySet<string>, annotations?: AnnotationSet): Policy[] {
  const parsedMeta = annotations && packageMetadataOf(annotations);
  const byPkg = new Map<string, Policy & { ruleSet: Set<string> }>();
  for (const m of modules) {
    const ns = packageName(m);
    let p = byPkg.get(ns);
    if (!p) {
      p = { namespace: ns, files: [], stdlib: stdlibFiles.has(m.file), metadata: undefined, rules: [], hasException: false, definitions: 0, ruleSet: new Set() };
      byPkg.set(ns, p);
    }
    p.files.push(m.file);
    if (!p.metadata) {
      const { value, error } = parsedMeta ? { value: parsedMeta.get(m), error: undefined } : readPackageAnnotation(m);
      if (value) {
        p.metadata = policyMetadata(value, p.stdlib);
        delete p.metadataError;
      } else if (error) p.metadataError ??= error;
    }
    for (const r of m.rules) {
      const name = ruleName(r);
      if (!name) continue;
      if (name === 'exception') p.hasException = true;
      else if (RULE_NAME.test(name)) p.definitions = (p.definitions ?? 0) + 1;
      if (name !== 'exception' && RULE_NAME.test(name) && !p.ruleSet.has(name)) {
        p.ruleSet.add(name);
        p.rules.push({ name, kind: ruleKind(name) });
      }
    }
  }
  const out: Policy[] = [];
  for (const p of [...byPkg.values()].sort((a, b) => (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0))) {
    if (p.rules.length === 0) continue;
    const { ruleSet: _unused, ...policy } = p;
    void _unused;
    policy.rules.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    out.push(policy);
  }
  return out;
}

export interface SelectOptions {
  /** Namespace globs; default `['main']` for user policies, every stdlib package. */
  namespaces?: readonly string[];
  allNamespaces?: boolean;
  profile?: Profile;
}

/**
 * Whether a stdlib policy belongs to a profile. Policies without METADATA or without a `profiles`
 * key count as `recommended`; `profiles: []` selects a policy only under `all`.
 */
export function inProfile(policy: Policy, profile: Profile): boolean {
  if (profile === 'all') return true;
  return (policy.metadata?.profiles ?? ['recommended']).includes(profile);
}

/**
 * Trivy's check namespaces: without `--namespace`, Trivy runs its built-in checks
 * (`builtin.*`) and custom checks (`user.*`); so does Palisade for user policies with Trivy
 * METADATA (input selectors or schemas) in those packages.
 */
export function isTrivyNamespace(policy: Policy): boolean {
  return policy.metadata?.trivyStyle === true && /^(builtin|user)(\.|$)/.test(policy.namespace);
}

/**
 * Applies the namespace and profile rules: user policies run when their package matches
 * `namespaces` (default `main`, plus Trivy-style `builtin.*`/`user.*` checks) or
 * `allNamespaces`; stdlib policies by profile, and also by `namespaces` when those are given
 * explicitly.
 */
export function selectPolicies(policies: readonly Policy[], opts: SelectOptions): Policy[] {
  const profile = opts.profile ?? 'recommended';
  const explicit = opts.namespaces && opts.namespaces.length > 0 ? opts.namespaces : undefined;
  return policies.filter((p) => {
    if (p.stdlib) {
      if (!inProfile(p, profile)) return false;
      return opts.allNamespaces || !explicit || matchesAny(explicit, p.namespace, 'name');
    }
    if (opts.allNamespaces) return true;
    if (!explicit && isTrivyNamespace(p)) return true;
    return matchesAny(explicit ?? ['main'], p.namespace, 'name');
  });
}

/** The id findings of a rule carry: METADATA `custom.id`, else `<package>.<rule>`. */
export function policyIdFor(policy: Policy, rule: PolicyRule): string {
  return policy.metadata?.id ?? `${policy.namespace}.${rule.name}`;
}

/** Whether the policy runs on documents of `kind` (its METADATA input kinds; none = every kind). */
export function appliesTo(policy: Policy, kind: DocumentKind): boolean {
  const kinds = policy.metadata?.inputKinds;
  return !kinds || kinds.includes(kind);
}
