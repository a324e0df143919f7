/**
 * Admission settings of `palisade serve`: flags > the `admission:` section of palisade.yaml
 * (`--config`, else PALISADE_CONFIG, else ./palisade.yaml) > defaults.
 */
import { resolve } from 'node:path';
import { SEVERITIES, type Severity } from '@palisade/stdlib';
import type { CommandIO } from '../command.js';
import { fileSettings } from '../scan/settings.js';
import { ADMISSION_MODES, ON_ERROR, parseAdmissionConfig, type OnError } from './admission-config.js';
import { DEFAULT_ADMISSION_PACKAGE } from './admission-policies.js';
import type { AdmissionMode, AdmissionSettings } from './admission.js';

export interface ServeAdmission {
  admission: AdmissionSettings;
  /** Package of the user's deny/warn admission rules. */
  policyPackage: string;
  /** ConstraintTemplate and constraint files or directories (absolute). */
  gatekeeper: string[];
  /** Manifests for data.inventory (absolute); undefined when none are configured. */
  inventory?: string[];
  configFile?: string;
}

export function resolveAdmission(opts: Record<string, unknown>, io: CommandIO): { settings?: ServeAdmission; errors: string[] } {
  const file = fileSettings(opts.config === undefined ? undefined : String(opts.config), io.env, io.cwd);
  const errors = [...file.errors];
  const { config, errors: sectionErrors } = parseAdmissionConfig(file.settings.admission, file.file);
  errors.push(...sectionErrors);
  const pick = <T extends string>(flag: string, value: unknown, allowed: readonly T[], fallback: T, upper = false): T => {
    if (value === undefined) return fallback;
    const v = upper ? String(value).toUpperCase() : String(value);
    if ((allowed as readonly string[]).includes(v)) return v as T;
    errors.push(`${flag} must be one of ${allowed.join(', ')}`);
    return fallback;
  };
  const mode = pick<AdmissionMode>('--admission-mode', opts.admissionMode, ADMISSION_MODES, config.mode ?? 'enforce');
  const denySeverity = pick<Severity>('--deny-severity', opts.denySeverity, SEVERITIES, config.denySeverity ?? 'HIGH', true);
  const onError = pick<OnError>('--on-error', opts.onError, ON_ERROR, config.onError ?? 'deny');
  const excluded = opts.excludeNamespace as string[] | undefined;
  const gatekeeper = [...(config.gatekeeper ?? []), ...((opts.gatekeeper as string[] | undefined) ?? []).map((p) => resolve(io.cwd, p))];
  const inventoryFlags = ((opts.gatekeeperInventory as string[] | undefined) ?? []).map((p) => resolve(io.cwd, p));
  const inventory = config.gatekeeperInventory || inventoryFlags.length ? [...(config.gatekeeperInventory ?? []), ...inventoryFlags] : undefined;
  if (errors.length) return { errors };
  return {
    errors: [],
    settings: {
      admission: { mode, denySeverity, onError, excludeNamespaces: excluded ?? config.excludeNamespaces ?? ['kube-system'] },
      policyPackage: opts.admissionPackage === undefined ? (config.package ?? DEFAULT_ADMISSION_PACKAGE) : String(opts.admissionPackage),
      gatekeeper,
      ...(inventory ? { inventory } : {}),
      ...(file.file ? { configFile: file.file } : {}),
    },
  };
}
