/** The parts of the OCI client that read what others wrote: auth challenges and the docker config. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dockerCredentials } from './docker-credentials.js';
import { parseChallenge } from './oci.js';

const dir = mkdtempSync(join(tmpdir(), 'palisade-oci-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('WWW-Authenticate challenges', () => {
  it('reads quoted parameters with commas and unquoted ones', () => {
    expect(parseChallenge('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/x:pull,push"')).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/x:pull,push' },
    });
    expect(parseChallenge('Basic realm=registry')).toEqual({ scheme: 'basic', params: { realm: 'registry' } });
    expect(parseChallenge('')).toEqual({ scheme: '', params: {} });
  });
});

describe('docker config credentials', () => {
  const config = (value: unknown) => {
    writeFileSync(join(dir, 'config.json'), JSON.stringify(value));
    return { DOCKER_CONFIG: dir };
  };

  it('finds the auths entry of the host in any of the spellings docker writes', () => {
    const env = config({ auths: { 'https://reg.example:5000/v1/': { auth: Buffer.from('u:p:with:colons').toString('base64') }, 'other.example': { username: 'a', password: 'b' }, 'https://index.docker.io/v1/': { auth: Buffer.from('hub:pw').toString('base64') } } });
    expect(dockerCredentials('reg.example:5000', env)).toEqual({ credentials: { username: 'u', password: 'p:with:colons' } });
    expect(dockerCredentials('other.example', env)).toEqual({ credentials: { username: 'a', password: 'b' } });
    expect(dockerCredentials('docker.io', env)).toEqual({ credentials: { username: 'hub', password: 'pw' } });
    expect(dockerCredentials('absent.example', env)).toEqual({});
  });

  it('names the credential helper to ask first, and tolerates a missing or broken config', () => {
    expect(dockerCredentials('ghcr.io', config({ credsStore: 'desktop', credHelpers: { 'gcr.io': 'gcloud' } }))).toEqual({ helper: 'desktop' });
    expect(dockerCredentials('gcr.io', { DOCKER_CONFIG: dir })).toEqual({ helper: 'gcloud' });
    // As docker: the host's helper first, credsStore otherwise; auths stays as the fallback.
    const both = config({ credsStore: 'desktop', credHelpers: { 'https://index.docker.io/v1/': 'hub-helper' }, auths: { 'gcr.io': { identitytoken: 'rt' } } });
    expect(dockerCredentials('gcr.io', both)).toEqual({ credentials: { identityToken: 'rt' }, helper: 'desktop' });
    expect(dockerCredentials('docker.io', both)).toEqual({ helper: 'hub-helper' });
    config({ credHelpers: { 'gcr.io': 'gcloud' } });
    writeFileSync(join(dir, 'config.json'), '{not json');
    expect(dockerCredentials('gcr.io', { DOCKER_CONFIG: dir })).toEqual({});
    expect(dockerCredentials('gcr.io', { DOCKER_CONFIG: join(dir, 'none') })).toEqual({});
  });
});
