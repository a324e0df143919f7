/**
 * The `admission:` section of palisade.yaml, read by `palisade serve` (flags win over it):
 *
 *   admission:
 *     mode: enforce                 # enforce | warn | audit
 *     deny-severity: HIGH           # failing stdlib checks at or above it deny
 *     exclude-namespaces: [kube-system]
 *     package: kubernetes.admission # the user's deny/warn rules
 *     gatekeeper: [gatekeeper/]     # ConstraintTemplates and constraints (relative to the file)
 *     gatekeeper-inventory: [inventory/]  # cluster objects for data.inventory (referential templates)
 *     on-error: deny                # deny | allow: the answer when a check cannot be evaluated
 *
 * Scan's parser accepts the section as a mapping; the keys inside are checked here, where they
 * mean something, and an unknown one is an error (usually a typo).
 */
import { isAbsolute, resolve } from 'node:path';
import { SEVERITIES, type Severity } from '@palisade/stdlib';
import type { AdmissionMode } from './admission.js';

export const ADMISSION_MODES: readonly AdmissionMode[] = ['enforce', 'warn', 'audit'];
export const ON_ERROR = ['deny', 'allow'] as const;
export type OnError = (typeof ON_ERROR)[number];

export interface AdmissionConfig {
  mode?: AdmissionMode;
  denySeverity?: Severity;
  excludeNamespaces?: string[];
  package?: string;
  gatekeeper?: string[];
  gatekeeperInventory?: string[];
  onError?: OnError;
}

function strings(v: unknown): string[] | undefined {
  const list = typeof v === 'string' ? [v] : v;
  return Array.isArray(list) && list.every((x) => typeof x === 'string' && x !== '') ? (list as string[]) : undefined;
}

/** Validates the section; paths become absolute against the configuration file's directory. */
export function parseAdmissionConfig(section: Record<string, unknown> | undefined, file: string | undefined): { config: AdmissionConfig; errors: string[] } {
  const config: AdmissionConfig = {};
  const errors: string[] = [];
  const at = (k: string) => `${file ?? 'palisade.yaml'}: admission.${k}`;
  const oneOf = <T extends string>(k: string, v: unknown, allowed: readonly T[], upper = false): T | undefined => {
    const s = typeof v === 'string' ? (upper ? v.toUpperCase() : v) : undefined;
    if (s !== undefined && (allowed as readonly string[]).includes(s)) return s as T;
    errors.push(`${at(k)}: must be one of ${allowed.join(', ')}`);
    return undefined;
  };
  for (const [k, v] of Object.entries(section ?? {})) {
    if (k === 'mode') config.mode = oneOf(k, v, ADMISSION_MODES);
    else if (k === 'deny-severity') config.denySeverity = oneOf(k, v, SEVERITIES, true);
    else if (k === 'on-error') config.onError = oneOf(k, v, ON_ERROR);
    else if (k === 'exclude-namespaces') {
      // An empty list is meaningful: check every namespace, kube-system included.
      if (Array.isArray(v) && v.length === 0) config.excludeNamespaces = [];
      else if ((config.excludeNamespaces = strings(v)) === undefined) errors.push(`${at(k)}: must be a string or a list of strings`);
    } else if (k === 'gatekeeper' || k === 'gatekeeper-inventory') {
      const list = strings(v);
      if (!list) errors.push(`${at(k)}: must be a path or a list of paths`);
      else config[k === 'gatekeeper' ? 'gatekeeper' : 'gatekeeperInventory'] = list.map((p) => (isAbsolute(p) || !file ? p : resolve(file, '..', p)));
    } else if (k === 'package') {
      if (typeof v === 'string' && /^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/.test(v)) config.package = v;
      else errors.push(`${at(k)}: must be a package name such as kubernetes.admission`);
    } else errors.push(`${at(k)}: unknown key (expected one of mode, deny-severity, exclude-namespaces, package, gatekeeper, gatekeeper-inventory, on-error)`);
  }
  return { config, errors };
}
