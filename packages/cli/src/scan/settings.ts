/**
 * Settings of `palisade scan`: command-line flags > `PALISADE_*` environment variables >
 * `palisade.yaml`. Every source is turned into the same `PalisadeConfig` shape and merged.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { CONFIG_FILE_NAMES, parseConfig, validateConfig, type PalisadeConfig } from '@palisade/stdlib';
import { CONFTEST_CONFIG_FILE, parseConftestConfig } from '../conftest-config.js';

export interface SettingsResult {
  settings: PalisadeConfig;
  /** Path of the configuration file read, if any. */
  configFile?: string;
  /** Problems that stop the scan (exit 2). */
  errors: string[];
}

/** Environment variable → config key (value kind taken from the config key). */
const ENV: Record<string, string> = {
  PALISADE_POLICY: 'policy',
  PALISADE_STDLIB: 'stdlib',
  PALISADE_DATA: 'data',
  PALISADE_NAMESPACE: 'namespace',
  PALISADE_ALL_NAMESPACES: 'all-namespaces',
  PALISADE_COMBINE: 'combine',
  PALISADE_PROFILE: 'profile',
  PALISADE_FAIL_ON: 'fail-on',
  PALISADE_NO_FAIL: 'no-fail',
  PALISADE_FAIL_ON_WARN: 'fail-on-warn',
  PALISADE_ALLOW_EMPTY: 'allow-empty',
  PALISADE_PARSER: 'parser',
  PALISADE_DOCKERFILE_SHAPE: 'dockerfile-shape',
  PALISADE_TRIVY_BUILTINS: 'trivy-builtins',
  PALISADE_IGNORE: 'ignore',
  PALISADE_OUTPUT: 'output',
  PALISADE_JOBS: 'jobs',
  PALISADE_STRICT_BUILTIN_ERRORS: 'strict-builtin-errors',
  PALISADE_TIMEOUT: 'timeout',
  PALISADE_MAX_MEMORY: 'max-memory',
  PALISADE_BASELINE: 'baseline',
};

const BOOL_KEYS = new Set(['stdlib', 'all-namespaces', 'combine', 'no-fail', 'fail-on-warn', 'strict-builtin-errors', 'allow-empty']);
const LIST_KEYS = new Set(['policy', 'data', 'namespace', 'ignore', 'output']);
const INT_KEYS = new Set(['jobs', 'timeout', 'max-memory']);

function envValue(key: string, raw: string): unknown {
  if (BOOL_KEYS.has(key)) {
    if (/^(1|true|yes|on)$/i.test(raw)) return true;
    if (/^(0|false|no|off)$/i.test(raw)) return false;
    return raw;
  }
  if (LIST_KEYS.has(key)) return raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (INT_KEYS.has(key)) return /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : raw;
  return raw;
}

/** Settings from `PALISADE_*` variables; empty variables are ignored. */
export function envSettings(env: NodeJS.ProcessEnv): { settings: PalisadeConfig; errors: string[] } {
  const raw: Record<string, unknown> = {};
  const names: Record<string, string> = {};
  for (const [name, key] of Object.entries(ENV)) {
    const v = env[name];
    if (v === undefined || v === '') continue;
    raw[key] = envValue(key, v);
    names[key] = name;
  }
  const { config, issues } = validateConfig(raw);
  return { settings: config, errors: issues.map((i) => `${names[i.path] ?? i.path}: ${i.message}`) };
}

const asList = (v: unknown): string[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v.map(String) : [String(v)]);

/** Settings from parsed commander options (only flags actually given). */
export function flagSettings(opts: Record<string, unknown>): { settings: PalisadeConfig; errors: string[] } {
  const raw: Record<string, unknown> = {};
  const put = (key: string, v: unknown): void => {
    if (v !== undefined) raw[key] = v;
  };
  put('policy', asList(opts['policy']));
  put('data', asList(opts['data']));
  put('namespace', asList(opts['namespace']));
  put('ignore', asList(opts['ignore']));
  const outputs = [...(asList(opts['format']) ?? []), ...(asList(opts['output']) ?? [])];
  if (outputs.length) raw['output'] = outputs;
  put('stdlib', opts['stdlib'] === true ? true : undefined);
  put('all-namespaces', opts['allNamespaces'] === true ? true : undefined);
  put('combine', opts['combine'] === true ? true : undefined);
  put('fail-on-warn', opts['failOnWarn'] === true ? true : undefined);
  put('allow-empty', opts['allowEmpty'] === true ? true : undefined);
  put('strict-builtin-errors', opts['strictBuiltinErrors'] === true ? true : undefined);
  // `--no-fail` alone: commander sets `fail: false` when given, `true` by default.
  put('no-fail', opts['fail'] === false ? true : undefined);
  put('color', typeof opts['color'] === 'boolean' ? opts['color'] : undefined);
  put('profile', opts['profile']);
  put('fail-on', opts['failOn']);
  put('parser', opts['parser']);
  put('dockerfile-shape', opts['dockerfileShape']);
  put('trivy-builtins', opts['trivyBuiltins']);
  put('baseline', opts['baseline']);
  for (const [k, key] of [['jobs', 'jobs'], ['timeout', 'timeout'], ['maxMemory', 'max-memory']] as const) {
    const v = opts[k];
    if (v !== undefined) raw[key] = /^\d+$/.test(String(v)) ? Number(v) : v;
  }
  const { config, issues } = validateConfig(raw);
  return { settings: config, errors: issues.map((i) => `--${i.path}: ${i.message}`) };
}

/** Reads the config file: `--config`, else `PALISADE_CONFIG`, else ./palisade.yaml if present. */
export function fileSettings(explicit: string | undefined, env: NodeJS.ProcessEnv, cwd: string): { settings: PalisadeConfig; file?: string; errors: string[] } {
  const given = explicit ?? (env['PALISADE_CONFIG'] || undefined);
  let file: string | undefined;
  if (given) file = resolve(cwd, given);
  // A repository set up for conftest has a conftest.toml instead.
  else file = [...CONFIG_FILE_NAMES, CONFTEST_CONFIG_FILE].map((n) => resolve(cwd, n)).find((p) => existsSync(p));
  if (!file) return { settings: {}, errors: [] };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { settings: {}, file, errors: [`${given ?? file}: cannot read configuration: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`] };
  }
  const { config, issues } = file.endsWith('.toml') ? parseConftestConfig(text) : parseConfig(text);
  const shown = given ?? file;
  const errors = issues.map((i) => `${shown}${i.line ? `:${i.line}` : ''}: ${i.path ? `${i.path}: ` : ''}${i.message}`);
  // Paths in the file are relative to the file's directory.
  const base = dirname(file);
  const rebase = (list: string[] | undefined) => list?.map((p) => (isAbsolute(p) ? p : resolve(base, p)));
  if (config.policy) config.policy = rebase(config.policy);
  if (config.data) config.data = rebase(config.data);
  if (config.baseline) config.baseline = rebase([config.baseline])![0];
  return { settings: config, file, errors };
}

/** Merges sources; earlier arguments win key by key. */
export function mergeSettings(...layers: PalisadeConfig[]): PalisadeConfig {
  const out: Record<string, unknown> = {};
  for (const layer of [...layers].reverse()) {
    for (const [k, v] of Object.entries(layer)) if (v !== undefined) out[k] = v;
  }
  return out as PalisadeConfig;
}

export function resolveSettings(opts: Record<string, unknown>, env: NodeJS.ProcessEnv, cwd: string): SettingsResult {
  const flags = flagSettings(opts);
  const fromEnv = envSettings(env);
  const fromFile = fileSettings(typeof opts['config'] === 'string' ? opts['config'] : undefined, env, cwd);
  const errors = [...flags.errors, ...fromEnv.errors, ...fromFile.errors];
  const result: SettingsResult = { settings: mergeSettings(flags.settings, fromEnv.settings, fromFile.settings), errors };
  if (fromFile.file) result.configFile = fromFile.file;
  return result;
}
