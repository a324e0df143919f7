/**
 * `palisade.yaml`: the project configuration file. Keys mirror the `palisade scan` flags
 * (kebab-case); the published JSON Schema is docs/schemas/palisade-config.schema.json and this
 * validator enforces the same rules without a schema library (it runs in browsers too).
 * A test checks both agree on valid and invalid samples.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { DOCUMENT_KINDS } from './loaders/registry.js';
import type { DocumentKind, Severity } from './model.js';
import { SEVERITIES } from './model.js';
import { PROFILES, type Profile } from './policy-set.js';
import type { DockerfileShape } from './conftest.js';
import { TRIVY_BUILTINS_MODES, type TrivyBuiltinsMode } from './trivy-builtins.js';
import type { ConfigWaiver } from './waivers.js';
import { MAX_YAML_ALIASES } from '@palisade/engine';

/** File names of the configuration file looked up in a scan root, in order. */
export const CONFIG_FILE_NAMES = ['palisade.yaml', 'palisade.yml', '.palisade.yaml', '.palisade.yml'] as const;

/** A validated `palisade.yaml`: the same settings as the scan flags (flags win), plus config overrides and waivers. */
export interface PalisadeConfig {
  policy?: string[];
  stdlib?: boolean;
  data?: string[];
  namespace?: string[];
  allNamespaces?: boolean;
  combine?: boolean;
  profile?: Profile;
  failOn?: Severity;
  noFail?: boolean;
  failOnWarn?: boolean;
  /** A scan that evaluated nothing (no documents, or no policy for any) exits 0 instead of 2. */
  allowEmpty?: boolean;
  parser?: DocumentKind;
  dockerfileShape?: DockerfileShape;
  /** Trivy's custom builtins: auto (for Trivy-style policies), on, off (`--trivy-builtins`). */
  trivyBuiltins?: TrivyBuiltinsMode;
  ignore?: string[];
  output?: string[];
  jobs?: number;
  strictBuiltinErrors?: boolean;
  timeout?: number;
  /** Heap one rule on one document may grow by, in MB (`--max-memory`). */
  maxMemory?: number;
  /** Baseline file: findings recorded in it are reported as waived (`--baseline`). */
  baseline?: string;
  color?: boolean;
  /** `data.palisade.config` overrides for the stdlib policies. */
  config?: Record<string, unknown>;
  waivers?: ConfigWaiver[];
  /** The `admission:` section, for `palisade serve` (validated by the CLI's admission-config parser). */
  admission?: Record<string, unknown>;
}

/** A problem found while validating a configuration file, with its location. */
export interface ConfigIssue {
  /** JSON-path-like location in the file, e.g. `waivers[2].expires`. */
  path: string;
  message: string;
  line?: number;
}

type Kind = 'bool' | 'string' | 'strings' | 'object' | { enum: readonly string[] } | 'int' | 'waivers';

/** Key in the file → [property of PalisadeConfig, value kind]. */
const KEYS: Record<string, [keyof PalisadeConfig, Kind]> = {
  policy: ['policy', 'strings'],
  stdlib: ['stdlib', 'bool'],
  data: ['data', 'strings'],
  namespace: ['namespace', 'strings'],
  'all-namespaces': ['allNamespaces', 'bool'],
  combine: ['combine', 'bool'],
  profile: ['profile', { enum: PROFILES }],
  'fail-on': ['failOn', { enum: SEVERITIES }],
  'no-fail': ['noFail', 'bool'],
  'fail-on-warn': ['failOnWarn', 'bool'],
  'allow-empty': ['allowEmpty', 'bool'],
  parser: ['parser', { enum: DOCUMENT_KINDS }],
  'dockerfile-shape': ['dockerfileShape', { enum: ['auto', 'trivy', 'conftest'] }],
  'trivy-builtins': ['trivyBuiltins', { enum: TRIVY_BUILTINS_MODES }],
  ignore: ['ignore', 'strings'],
  output: ['output', 'strings'],
  jobs: ['jobs', 'int'],
  'strict-builtin-errors': ['strictBuiltinErrors', 'bool'],
  timeout: ['timeout', 'int'],
  'max-memory': ['maxMemory', 'int'],
  baseline: ['baseline', 'string'],
  color: ['color', 'bool'],
  config: ['config', 'object'],
  waivers: ['waivers', 'waivers'],
  // Read by `palisade serve` (its own parser checks the keys inside); scan ignores it.
  admission: ['admission', 'object'],
};

/** What an `int` key holds, for its error message (the unit matters: `--max-memory 64` is MB). */
const INT_MESSAGES: Record<string, string> = {
  jobs: 'must be a whole number ≥ 1',
  timeout: 'must be a whole number of milliseconds ≥ 0 (0 = no limit)',
  maxMemory: 'must be a whole number of megabytes ≥ 0',
};

/** The top-level keys a `palisade.yaml` may contain. */
export const CONFIG_KEYS: readonly string[] = Object.keys(KEYS);

const WAIVER_KEYS = new Set(['id', 'path', 'resource', 'reason', 'expires']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A real calendar day written YYYY-MM-DD. */
export function isIsoDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function checkWaivers(v: unknown, issues: ConfigIssue[]): ConfigWaiver[] | undefined {
  if (!Array.isArray(v)) {
    issues.push({ path: 'waivers', message: 'must be a list of {id, path, resource, reason, expires}' });
    return undefined;
  }
  const out: ConfigWaiver[] = [];
  v.forEach((w, i) => {
    const at = `waivers[${i}]`;
    if (!isRecord(w)) return issues.push({ path: at, message: 'must be a mapping' });
    let ok = true;
    for (const k of Object.keys(w)) {
      if (!WAIVER_KEYS.has(k)) {
        issues.push({ path: `${at}.${k}`, message: `unknown key (expected ${[...WAIVER_KEYS].join(', ')})` });
        ok = false;
      }
    }
    if (typeof w['id'] !== 'string' || w['id'] === '') {
      issues.push({ path: `${at}.id`, message: 'is required: the policy id (globs allowed)' });
      ok = false;
    }
    for (const k of ['path', 'resource', 'reason']) {
      if (w[k] !== undefined && typeof w[k] !== 'string') {
        issues.push({ path: `${at}.${k}`, message: 'must be a string' });
        ok = false;
      }
    }
    let expires = w['expires'];
    if (expires instanceof Date) expires = expires.toISOString().slice(0, 10);
    if (expires !== undefined && (typeof expires !== 'string' || !isIsoDay(expires))) {
      issues.push({ path: `${at}.expires`, message: 'must be a date written YYYY-MM-DD' });
      ok = false;
    }
    if (!ok) return;
    const cw: ConfigWaiver = { id: w['id'] as string };
    if (typeof w['path'] === 'string') cw.path = w['path'];
    if (typeof w['resource'] === 'string') cw.resource = w['resource'];
    if (typeof w['reason'] === 'string') cw.reason = w['reason'];
    if (typeof expires === 'string') cw.expires = expires;
    out.push(cw);
  });
  return out;
}

/** Validates a parsed configuration value; unknown keys are errors (they are usually typos). */
export function validateConfig(value: unknown): { config: PalisadeConfig; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const config: PalisadeConfig = {};
  if (value === null || value === undefined) return { config, issues };
  if (!isRecord(value)) return { config, issues: [{ path: '', message: 'the configuration must be a mapping' }] };
  const set = config as Record<string, unknown>;
  for (const [key, v] of Object.entries(value)) {
    const spec = KEYS[key];
    if (!spec) {
      issues.push({ path: key, message: `unknown key (expected one of ${CONFIG_KEYS.join(', ')})` });
      continue;
    }
    const [prop, kind] = spec;
    if (kind === 'bool') {
      if (typeof v === 'boolean') set[prop] = v;
      else issues.push({ path: key, message: 'must be true or false' });
    } else if (kind === 'int') {
      if (typeof v === 'number' && Number.isInteger(v) && v >= (prop === 'jobs' ? 1 : 0)) set[prop] = v;
      else issues.push({ path: key, message: INT_MESSAGES[prop] ?? 'must be a whole number ≥ 0' });
    } else if (kind === 'string') {
      if (typeof v === 'string' && v !== '') set[prop] = v;
      else issues.push({ path: key, message: 'must be a non-empty string' });
    } else if (kind === 'strings') {
      const list = typeof v === 'string' ? [v] : v;
      if (Array.isArray(list) && list.every((x) => typeof x === 'string' && x !== '')) set[prop] = list;
      else issues.push({ path: key, message: 'must be a string or a list of strings' });
    } else if (kind === 'object') {
      if (isRecord(v)) set[prop] = v;
      else issues.push({ path: key, message: 'must be a mapping' });
    } else if (kind === 'waivers') {
      const w = checkWaivers(v, issues);
      if (w) set[prop] = w;
    } else {
      const norm = typeof v === 'string' && prop === 'failOn' ? v.toUpperCase() : v;
      if (typeof norm === 'string' && kind.enum.includes(norm)) set[prop] = norm;
      else issues.push({ path: key, message: `must be one of ${kind.enum.join(', ')}` });
    }
  }
  return { config, issues };
}

/** Parses and validates the text of a palisade.yaml. */
export function parseConfig(text: string): { config: PalisadeConfig; issues: ConfigIssue[] } {
  let value: unknown;
  try {
    value = parseYaml(text, { maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    const line = e instanceof YAMLParseError ? e.linePos?.[0]?.line : undefined;
    const issue: ConfigIssue = { path: '', message: `not valid YAML: ${(e as Error).message.split('\n')[0]}` };
    if (line !== undefined) issue.line = line;
    return { config: {}, issues: [issue] };
  }
  return validateConfig(value);
}
