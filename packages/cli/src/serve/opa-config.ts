/**
 * The part of OPA's configuration file (`opa run -c config.yaml`) that `palisade serve
 * --opa-config` reads: `services` (where bundles come from), `bundles` (what to download and how
 * often) and `keys` (what verifies their signatures), with OPA's names and defaults, so an OPA
 * deployment's config works unchanged:
 *
 *   services:
 *     acme: {url: https://bundles.example.com, credentials: {bearer: {token: "…"}}}
 *   bundles:
 *     authz:
 *       service: acme
 *       resource: bundles/authz.tar.gz        # default bundles/<name>/bundle.tar.gz
 *       polling: {min_delay_seconds: 60, max_delay_seconds: 120}
 *       signing: {keyid: global, scope: write}
 *   keys:
 *     global: {algorithm: RS256, key: "-----BEGIN PUBLIC KEY-----…"}
 *
 * A service of `type: oci` pulls `resource` (`host/repo:tag`) from an OCI registry. Other sections
 * (decision_logs, status, plugins…) are OPA plugins Palisade does not have: refused by name, so a
 * config is never half-applied in silence.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ErrorCodes, MAX_YAML_ALIASES, type Diagnostic } from '@palisade/engine';
import type { VerificationOptions } from '../opa-bundle/signature.js';

/** One bundle to keep downloading. */
export interface PolledBundle {
  name: string;
  /** `http(s)://…` of the bundle, or an OCI reference `host/repo[:tag|@digest]` when `oci`. */
  url: string;
  oci: boolean;
  headers: Record<string, string>;
  minDelayMs: number;
  maxDelayMs: number;
  /** Set when the bundle must be signed (OPA: a `signing` block, or a `keys` entry in use). */
  verification?: VerificationOptions;
}

// labels only name the instance in OPA's status reports; accepted so an OPA config loads as it is.
const TOP_LEVEL = new Set(['services', 'bundles', 'keys', 'labels']);
const DEFAULT_MIN_DELAY_S = 60;
const DEFAULT_MAX_DELAY_S = 120;

function isRecord(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads and checks `file`; any problem means no bundles (the server does not start half-configured). */
export function readOpaConfig(file: string, cwd: string): { bundles: PolledBundle[]; errors: Diagnostic[] } {
  const path = resolve(cwd, file);
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8'), { maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    return { bundles: [], errors: [{ code: ErrorCodes.input, message: `${file}: cannot read the OPA configuration: ${(e as Error).message.split('\n')[0]}` }] };
  }
  return parseOpaConfig(raw, file, dirname(path));
}

export function parseOpaConfig(raw: unknown, file: string, dir: string): { bundles: PolledBundle[]; errors: Diagnostic[] } {
  const errors: Diagnostic[] = [];
  const fail = (message: string) => errors.push({ code: ErrorCodes.input, message: `${file}: ${message}` });
  if (!isRecord(raw)) {
    fail('the OPA configuration must be a mapping');
    return { bundles: [], errors };
  }
  for (const k of Object.keys(raw)) {
    if (!TOP_LEVEL.has(k)) fail(`${k}: not supported by palisade serve (it reads services, bundles and keys)`);
  }
  // OPA also accepts services as a list of {name, …}.
  const rawServices: Record<string, any> = Array.isArray(raw.services) ? Object.fromEntries(raw.services.filter(isRecord).map((s: any) => [String(s.name), s])) : isRecord(raw.services) ? raw.services : {};
  const services = new Map<string, { url: string; oci: boolean; headers: Record<string, string> }>();
  for (const [name, service] of Object.entries(rawServices)) {
    if (!isRecord(service) || typeof service.url !== 'string' || !service.url) continue;
    const headers: Record<string, string> = {};
    for (const [h, v] of Object.entries(isRecord(service.headers) ? service.headers : {})) headers[h.toLowerCase()] = String(v);
    const creds = isRecord(service.credentials) ? service.credentials : {};
    for (const k of Object.keys(creds)) if (k !== 'bearer') fail(`services.${name}.credentials.${k}: not supported (bearer is)`);
    if (isRecord(creds.bearer)) {
      let token = typeof creds.bearer.token === 'string' ? creds.bearer.token : undefined;
      if (token === undefined && typeof creds.bearer.token_path === 'string') {
        try {
          token = readFileSync(isAbsolute(creds.bearer.token_path) ? creds.bearer.token_path : resolve(dir, creds.bearer.token_path), 'utf8').trim();
        } catch (e) {
          fail(`services.${name}.credentials.bearer.token_path: ${(e as Error).message}`);
        }
      }
      if (token !== undefined) headers['authorization'] = `${typeof creds.bearer.scheme === 'string' ? creds.bearer.scheme : 'Bearer'} ${token}`;
    }
    services.set(name, { url: service.url, oci: service.type === 'oci', headers });
  }
  const keys: Record<string, any> = isRecord(raw.keys) ? raw.keys : {};
  const bundles: PolledBundle[] = [];
  for (const [name, b] of Object.entries(isRecord(raw.bundles) ? raw.bundles : {})) {
    const at = `bundles.${name}`;
    if (!isRecord(b)) {
      fail(`${at}: must be a mapping`);
      continue;
    }
    const serviceName = b.service === undefined && Object.keys(rawServices).length === 1 ? Object.keys(rawServices)[0]! : String(b.service ?? '');
    const service = services.get(serviceName);
    if (!service) {
      fail(`${at}: service "${serviceName}" is not defined with a url under services`);
      continue;
    }
    const { oci, headers } = service;
    const resource = typeof b.resource === 'string' && b.resource ? b.resource : `bundles/${name}/bundle.tar.gz`;
    let url: string;
    if (oci) url = resource.replace(/^oci:\/\//, '');
    else {
      try {
        // OPA joins service url and resource with one slash.
        url = new URL(`${service.url.replace(/\/+$/, '')}/${resource.replace(/^\/+/, '')}`).href;
      } catch {
        fail(`${at}: ${service.url} and ${resource} do not make a URL`);
        continue;
      }
    }
    const polling = isRecord(b.polling) ? b.polling : {};
    const delay = (k: string, fallback: number) => {
      const v = polling[k] ?? fallback;
      if (typeof v !== 'number' || !(v > 0)) {
        fail(`${at}.polling.${k}: must be a positive number of seconds`);
        return fallback * 1000;
      }
      return v * 1000;
    };
    const minDelayMs = delay('min_delay_seconds', DEFAULT_MIN_DELAY_S);
    const maxDelayMs = delay('max_delay_seconds', Math.max(DEFAULT_MAX_DELAY_S, minDelayMs / 1000));
    if (maxDelayMs < minDelayMs) fail(`${at}.polling: max_delay_seconds is less than min_delay_seconds`);
    const out: PolledBundle = { name, url, oci, headers: { ...headers }, minDelayMs, maxDelayMs };
    if (b.signing !== undefined) {
      const s = isRecord(b.signing) ? b.signing : {};
      const keyId = typeof s.keyid === 'string' ? s.keyid : 'default';
      const key = keys[keyId];
      if (!isRecord(key) || typeof key.key !== 'string' || !key.key) fail(`${at}.signing.keyid: no key "${keyId}" with a key under keys`);
      else {
        // A key given as a file path is read relative to the configuration file.
        const material = key.key.includes('-----BEGIN') || key.algorithm?.startsWith?.('HS') ? key.key : resolve(dir, key.key);
        out.verification = { key: material, algorithm: typeof key.algorithm === 'string' ? key.algorithm : 'RS256', keyId, ...(typeof s.scope === 'string' ? { scope: s.scope } : typeof key.scope === 'string' ? { scope: key.scope } : {}) };
      }
    }
    bundles.push(out);
  }
  if (!bundles.length && !errors.length) fail('no bundles to download (the bundles section is empty)');
  return { bundles: errors.length ? [] : bundles, errors };
}
