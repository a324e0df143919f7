/**
 * `conftest.toml`: conftest's configuration file (its keys are `conftest test` flag names) read
 * as Palisade settings, so a repository set up for conftest runs unchanged. Keys that have no
 * Palisade meaning are reported, not ignored.
 */
import { loadFile, validateConfig, type ConfigIssue, type PalisadeConfig } from '@palisade/stdlib';

/** conftest `--output` names → Palisade reporters. */
const OUTPUTS: Record<string, string> = { stdout: 'conftest', json: 'conftest-json', tap: 'tap', table: 'table', junit: 'junit', github: 'github', sarif: 'sarif', azuredevops: 'azuredevops' };

/** conftest key → palisade.yaml key (same value), or a converter. */
const KEYS: Record<string, string | ((v: unknown) => [string, unknown])> = {
  policy: (v) => ['policy', Array.isArray(v) ? v : [v]],
  data: (v) => ['data', Array.isArray(v) ? v : [v]],
  namespace: (v) => ['namespace', Array.isArray(v) ? v : [v]],
  'all-namespaces': 'all-namespaces',
  combine: 'combine',
  'fail-on-warn': 'fail-on-warn',
  'no-fail': 'no-fail',
  parser: 'parser',
  'no-color': (v) => ['color', v === true ? false : undefined],
  output: (v) => ['output', [OUTPUTS[String(v)] ?? String(v)]],
};

export const CONFTEST_CONFIG_FILE = 'conftest.toml';

export function parseConftestConfig(text: string): { config: PalisadeConfig; issues: ConfigIssue[] } {
  const loaded = loadFile(CONFTEST_CONFIG_FILE, text, { parser: 'toml' });
  const err = loaded.errors[0];
  if (err || !loaded.documents[0]) {
    const issue: ConfigIssue = { path: '', message: `not valid TOML: ${err?.message ?? 'no table'}` };
    if (err?.line) issue.line = err.line;
    return { config: {}, issues: [issue] };
  }
  const value = loaded.documents[0].value as Record<string, unknown>;
  const raw: Record<string, unknown> = {};
  const issues: ConfigIssue[] = [];
  for (const [k, v] of Object.entries(value)) {
    const m = KEYS[k];
    if (m === undefined) {
      issues.push({ path: k, message: `conftest setting "${k}" has no Palisade equivalent (supported: ${Object.keys(KEYS).join(', ')})` });
      continue;
    }
    const [key, val] = typeof m === 'string' ? [m, v] : m(v);
    if (val !== undefined) raw[key] = val;
  }
  const validated = validateConfig(raw);
  return { config: validated.config, issues: [...issues, ...validated.issues] };
}
