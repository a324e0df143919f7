/** OPA's configuration file as `palisade serve --opa-config` reads it: names, defaults, refusals. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOpaConfig, readOpaConfig } from './opa-config.js';

const parse = (raw: unknown) => parseOpaConfig(raw, 'opa.yaml', '/etc/opa');

describe('OPA configuration (services, bundles, keys)', () => {
  it('joins service url and resource, applies OPA’s defaults and turns bearer credentials into a header', () => {
    const { bundles, errors } = parse({
      services: { acme: { url: 'https://bundles.example.com/v1/', credentials: { bearer: { token: 'tok' } }, headers: { 'X-Team': 'sec' } } },
      bundles: { authz: { service: 'acme' }, other: { service: 'acme', resource: '/x/y.tar.gz', polling: { min_delay_seconds: 5, max_delay_seconds: 10 } } },
    });
    expect(errors).toEqual([]);
    expect(bundles).toEqual([
      { name: 'authz', url: 'https://bundles.example.com/v1/bundles/authz/bundle.tar.gz', oci: false, headers: { authorization: 'Bearer tok', 'x-team': 'sec' }, minDelayMs: 60_000, maxDelayMs: 120_000 },
      { name: 'other', url: 'https://bundles.example.com/v1/x/y.tar.gz', oci: false, headers: { authorization: 'Bearer tok', 'x-team': 'sec' }, minDelayMs: 5000, maxDelayMs: 10_000 },
    ]);
  });

  it('accepts services as a list, a lone service without naming it, OCI services and signing keys', () => {
    const { bundles, errors } = parse({
      services: [{ name: 'ghcr', url: 'https://ghcr.io', type: 'oci' }],
      bundles: { authz: { resource: 'ghcr.io/acme/policy:1.0', signing: { keyid: 'k', scope: 'write' } } },
      keys: { k: { algorithm: 'ES256', key: 'keys/pub.pem' } },
    });
    expect(errors).toEqual([]);
    expect(bundles[0]).toMatchObject({ url: 'ghcr.io/acme/policy:1.0', oci: true, verification: { key: '/etc/opa/keys/pub.pem', algorithm: 'ES256', keyId: 'k', scope: 'write' } });
  });

  it('refuses what it cannot apply instead of ignoring it', () => {
    const { bundles, errors } = parse({
      services: { acme: { url: 'https://x', credentials: { oauth2: {} } } },
      bundles: { a: { service: 'acme', signing: { keyid: 'missing' } }, b: { service: 'none' }, c: { service: 'acme', polling: { min_delay_seconds: 10, max_delay_seconds: 5 } } },
      decision_logs: { console: true },
    });
    expect(bundles).toEqual([]);
    expect(errors.map((e) => e.message)).toEqual([
      'opa.yaml: decision_logs: not supported by palisade serve (it reads services, bundles and keys)',
      'opa.yaml: services.acme.credentials.oauth2: not supported (bearer is)',
      'opa.yaml: bundles.a.signing.keyid: no key "missing" with a key under keys',
      'opa.yaml: bundles.b: service "none" is not defined with a url under services',
      'opa.yaml: bundles.c.polling: max_delay_seconds is less than min_delay_seconds',
    ]);
    expect(errors.every((e) => e.code === 'palisade_input_error')).toBe(true);
    expect(parse({ services: {} }).errors[0]!.message).toMatch(/no bundles to download/);
  });

  it('reads a token file relative to the configuration file, and reports an unreadable file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'palisade-opa-config-'));
    writeFileSync(join(dir, 'token'), 'from-file\n');
    writeFileSync(join(dir, 'opa.yaml'), 'services:\n  s:\n    url: https://x\n    credentials:\n      bearer:\n        token_path: token\n        scheme: Token\nbundles:\n  b: {}\n');
    expect(readOpaConfig('opa.yaml', dir).bundles[0]!.headers).toEqual({ authorization: 'Token from-file' });
    expect(readOpaConfig('absent.yaml', dir).errors[0]!.message).toMatch(/^absent\.yaml: cannot read the OPA configuration/);
  });
});
