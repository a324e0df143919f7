/**
 * Registry credentials the way docker, oras and conftest find them, from the docker config
 * ($DOCKER_CONFIG/config.json, else ~/.docker/config.json):
 *
 * 1. `credHelpers[host]`, else `credsStore`: a credential helper, the program
 *    `docker-credential-<name>` on PATH, run as `docker-credential-<name> get` with the server
 *    address on stdin, answering `{"ServerURL", "Username", "Secret"}` on stdout (docker's
 *    credential-helper protocol). A `Username` of `<token>` means `Secret` is an identity token
 *    (an OAuth2 refresh token for the registry's token service). When the helper has nothing for
 *    the host, the `auths` entry below is used, as docker's native store falls back to the file.
 * 2. `auths[host]`: `auth` (base64 `user:password`), `username`/`password`, or `registrytoken`.
 *
 * The helper runs only when a registry asks for a login, without a shell, bounded in time and
 * output; its stderr goes into the error, never its stdout (which holds the secret).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { RemoteError, RemoteErrorCodes } from './errors.js';

export interface Credentials {
  username?: string;
  password?: string;
  /** A registry token to send as is (docker config `registrytoken`). */
  token?: string;
  /** An OAuth2 refresh token for the token service (a helper's `<token>` user). */
  identityToken?: string;
}

const HELPER_TIMEOUT_MS = 30_000;
const HELPER_MAX_OUTPUT = 64 * 1024;
/** Docker Hub's key in the config and its server address for helpers. */
const DOCKER_HUB = 'https://index.docker.io/v1/';

function isHub(registry: string): boolean {
  return registry === 'docker.io' || registry === 'index.docker.io' || registry === 'registry-1.docker.io';
}

type DockerConfig = {
  auths?: Record<string, { auth?: string; username?: string; password?: string; registrytoken?: string; identitytoken?: string }>;
  credsStore?: string;
  credHelpers?: Record<string, string>;
};

/**
 * What the docker config says about `registry`: the `auths` credentials and the helper to ask
 * first, when there is one.
 */
export function dockerCredentials(registry: string, env: NodeJS.ProcessEnv): { credentials?: Credentials; helper?: string } {
  const dir = env['DOCKER_CONFIG'] || join(env['HOME'] || homedir(), '.docker');
  let config: DockerConfig;
  try {
    config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as DockerConfig;
  } catch {
    return {};
  }
  const want = isHub(registry) ? 'index.docker.io' : registry.toLowerCase();
  let credentials: Credentials | undefined;
  for (const [key, entry] of Object.entries(config.auths ?? {})) {
    const host = key.replace(/^[a-z]+:\/\//i, '').split('/')[0]!.toLowerCase();
    if (host !== want || !entry || typeof entry !== 'object') continue;
    if (typeof entry.registrytoken === 'string' && entry.registrytoken) credentials = { token: entry.registrytoken };
    else if (typeof entry.identitytoken === 'string' && entry.identitytoken) credentials = { identityToken: entry.identitytoken };
    else if (typeof entry.auth === 'string' && entry.auth) {
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0) credentials = { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    if (!credentials && typeof entry.username === 'string' && typeof entry.password === 'string') credentials = { username: entry.username, password: entry.password };
    if (credentials) break;
  }
  const helpers = config.credHelpers ?? {};
  const helper = (isHub(registry) ? (helpers[DOCKER_HUB] ?? helpers['index.docker.io'] ?? helpers['docker.io']) : helpers[registry]) ?? config.credsStore;
  return { ...(credentials ? { credentials } : {}), ...(typeof helper === 'string' && helper ? { helper } : {}) };
}

/**
 * Asks `docker-credential-<helper>` for the credentials of `registry`; undefined when it has none.
 * A helper that is missing, fails or answers nonsense is a remote_auth_error naming it.
 */
export function helperCredentials(helper: string, registry: string, env: NodeJS.ProcessEnv, timeoutMs = HELPER_TIMEOUT_MS): Promise<Credentials | undefined> {
  const program = `docker-credential-${helper}`;
  // A name, never a path: the config must not pick an arbitrary program to run.
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(helper)) return Promise.reject(new RemoteError(RemoteErrorCodes.auth, `the docker config names the credential helper "${helper}", which is not a valid helper name`));
  const server = isHub(registry) ? DOCKER_HUB : registry;
  return new Promise((resolve, reject) => {
    const child = execFile(program, ['get'], { env, timeout: timeoutMs, maxBuffer: HELPER_MAX_OUTPUT, encoding: 'utf8', windowsHide: true }, (error, stdout, stderr) => {
      const said = `${stderr} ${stdout}`.trim();
      if (error) {
        // The helpers' own words for "nothing stored for this server" (docker-credential-helpers' errCredentialsNotFound).
        if (/credentials not found/i.test(said)) return resolve(undefined);
        const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'is not installed (not found on PATH)' : error.killed ? `did not answer within ${timeoutMs} ms` : `failed (${stderr.trim().split('\n')[0]?.slice(0, 200) || `exit code ${String(error.code)}`})`;
        return reject(new RemoteError(RemoteErrorCodes.auth, `the docker credential helper ${program} ${why}`));
      }
      let answer: { Username?: unknown; Secret?: unknown };
      try {
        answer = JSON.parse(stdout) as typeof answer;
      } catch {
        return reject(new RemoteError(RemoteErrorCodes.auth, `the docker credential helper ${program} did not answer with JSON`));
      }
      if (typeof answer.Secret !== 'string' || !answer.Secret) return resolve(undefined);
      if (answer.Username === '<token>') return resolve({ identityToken: answer.Secret });
      resolve({ username: typeof answer.Username === 'string' ? answer.Username : '', password: answer.Secret });
    });
    child.stdin?.end(server);
  });
}
