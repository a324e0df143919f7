/**
 * The METADATA of a stdlib policy module as written (docs/policies/authoring.md): read from the
 * package-scope `# METADATA` block and checked field by field. Used by the docs generator and the
 * stdlib quality test, which need exact field names in their messages; `policyMetadata` in
 * policy-set.ts reads the same block through `readPolicyMeta` and maps it leniently (it also accepts Trivy's layout).
 */
import { parse as parseYaml } from 'yaml';
import { MAX_YAML_ALIASES, type Module } from '@palisade/engine';
import type { DocumentKind, Severity } from './model.js';
import { SEVERITIES } from './model.js';
import { CHECK_INPUT_KINDS } from './loaders/registry.js';

/** Profiles a policy may declare (`all` is implicit and never declared). */
export const DECLARABLE_PROFILES = ['recommended', 'pss-baseline', 'pss-restricted', 'cis-docker'] as const;

/** Catalog-style check id: kind prefix and three digits (`DF-001`, `KW-014`). */
export const CATALOG_ID = /^(DF|KW|KC|DC|DI|SR|RS)-\d{3}$/;

/** METADATA fields of a stdlib policy; a field is undefined when absent or of the wrong type. */
export interface StdlibPolicyMeta {
  title?: string;
  description?: string;
  id?: string;
  severity?: Severity;
  input?: string[];
  remediation?: string;
  references?: string[];
  related?: string[];
  profiles?: string[];
}

/** Outcome of reading a module's package METADATA: the raw YAML object, its fields, or why it failed. */
export interface PolicyMetaRead {
  raw?: Record<string, unknown>;
  meta?: StdlibPolicyMeta;
  /** The block is not valid YAML (or not a mapping); `undefined` when there simply is none. */
  error?: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function textList(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.every((x) => typeof x === 'string' || typeof x === 'number') ? v.map((x) => String(x).trim()) : undefined;
}

/** Reads the package-scope METADATA block of a parsed module (`scope` absent, `package` or `subpackages`). */
export function readPolicyMeta(module: Pick<Module, 'annotations'>): PolicyMetaRead {
  let error: string | undefined;
  for (const a of module.annotations) {
    let doc: unknown;
    try {
      doc = parseYaml(a.yaml, { maxAliasCount: MAX_YAML_ALIASES });
    } catch (e) {
      error ??= `METADATA block at line ${a.loc.row} is not valid YAML (positions relative to the block): ${(e as Error).message.split('\n')[0]}`;
      continue;
    }
    if (!isRecord(doc)) {
      error ??= `METADATA block at line ${a.loc.row} is not a YAML mapping`;
      continue;
    }
    const scope = doc['scope'];
    if (scope !== undefined && scope !== 'package' && scope !== 'subpackages') continue;
    return { raw: doc, meta: fieldsOf(doc) };
  }
  return error ? { error } : {};
}

function fieldsOf(raw: Record<string, unknown>): StdlibPolicyMeta {
  const custom = isRecord(raw['custom']) ? raw['custom'] : {};
  const sev = text(custom['severity']);
  const input = typeof custom['input'] === 'string' ? [custom['input'].trim()] : textList(custom['input']);
  return {
    title: text(raw['title']),
    description: text(raw['description']),
    id: text(custom['id']) ?? (typeof custom['id'] === 'number' ? String(custom['id']) : undefined),
    severity: SEVERITIES.includes(sev as Severity) ? (sev as Severity) : undefined,
    input,
    remediation: text(custom['remediation']),
    references: textList(custom['references']),
    related: textList(custom['related']),
    profiles: textList(custom['profiles']),
  };
}

/**
 * Problems of a METADATA block against the stdlib conventions, one message per field, e.g.
 * `custom.severity "SEVERE" is not one of CRITICAL, HIGH, MEDIUM, LOW, INFO`. The id format is
 * checked separately (CATALOG_ID) so callers can report it on its own.
 */
export function checkPolicyMeta(read: PolicyMetaRead): string[] {
  if (read.error) return [read.error];
  if (!read.raw || !read.meta) return ['no package METADATA block'];
  const raw = read.raw;
  const custom = isRecord(raw['custom']) ? raw['custom'] : undefined;
  const m = read.meta;
  const out: string[] = [];
  const shape = (field: string, value: unknown, want: string) =>
    out.push(value === undefined || value === null ? `missing ${field}` : `${field} must be ${want}`);
  if (!m.title) shape('title', raw['title'], 'a non-empty string');
  if (!m.description) shape('description', raw['description'], 'a non-empty string');
  if (!custom) {
    out.push('missing custom (id, severity, input, remediation, references, related, profiles)');
    return out;
  }
  if (!m.id) shape('custom.id', custom['id'], 'a string');
  if (!m.severity) {
    if (custom['severity'] === undefined) out.push('missing custom.severity');
    else out.push(`custom.severity ${JSON.stringify(custom['severity'])} is not one of ${SEVERITIES.join(', ')}`);
  }
  if (!m.input || m.input.length === 0) shape('custom.input', custom['input'], 'a non-empty list of document kinds');
  else for (const k of m.input) if (!CHECK_INPUT_KINDS.includes(k as DocumentKind)) out.push(`custom.input has unknown kind "${k}" (known: ${CHECK_INPUT_KINDS.join(', ')})`);
  if (!m.remediation) shape('custom.remediation', custom['remediation'], 'a non-empty string');
  if (!m.references) shape('custom.references', custom['references'], 'a list of URLs');
  else for (const r of m.references) if (!/^https?:\/\/\S+$/.test(r)) out.push(`custom.references entry "${r}" is not an http(s) URL`);
  if (!m.related) shape('custom.related', custom['related'], 'a list of ids');
  if (!m.profiles) shape('custom.profiles', custom['profiles'], 'a list of profiles');
  else for (const p of m.profiles) if (!(DECLARABLE_PROFILES as readonly string[]).includes(p)) out.push(`custom.profiles has unknown profile "${p}" (allowed: ${DECLARABLE_PROFILES.join(', ')})`);
  return out;
}
