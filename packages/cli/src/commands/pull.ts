/**
 * `palisade pull SOURCE [DIR]`: download policies from an https, git or OCI source into a policy
 * directory (default policy/, as conftest), checked first and installed in one step
 * (remote/pull.ts, docs/distribution.md).
 */
import { EXIT, type CliCommand } from '../command.js';
import { verificationOf } from '../opa-bundle/options.js';
import { REGO_VERSION_OPTIONS } from '../rego-version.js';
import { printRemoteError, REMOTE_OPTIONS, remoteCommandArgs } from '../remote/cli.js';
import { pull } from '../remote/pull.js';

export const pullCommand: CliCommand = {
  name: 'pull',
  args: '<source> [directory]',
  summary: 'Download policies from an https://, git:: or oci:// source into a policy directory (default policy/)',
  examples: [
    'palisade pull https://example.com/policies.tar.gz',
    'palisade pull https://raw.githubusercontent.com/org/repo/main/policy/deny.rego',
    'palisade pull "git::https://github.com/org/policies.git//kubernetes?ref=v1.2.0" policy/',
    'palisade pull oci://ghcr.io/org/policies:v1 policy/',
    'palisade pull oci://ghcr.io/org/policies@sha256:…   # pinned by digest',
  ],
  options: [
    { flags: '-p, --policy <path>', description: 'directory to pull into (same as the directory argument; conftest\'s spelling)' },
    { flags: '--overwrite', description: 'replace files of the directory that differ from the pulled ones (otherwise the pull stops, changing nothing)' },
    ...REMOTE_OPTIONS,
    ...REGO_VERSION_OPTIONS,
    { flags: '--verification-key <key>', description: 'the pulled files must be an OPA bundle signed with this key (PEM file or HMAC secret)' },
    { flags: '--verification-key-id <id>', description: 'key id of --verification-key (as OPA; default: default)' },
    { flags: '--signing-alg <alg>', description: 'signature algorithm of --verification-key (default RS256)' },
    { flags: '--scope <scope>', description: 'scope the bundle signature must carry' },
    { flags: '--format <format>', description: 'text (default) or json: what was pulled', default: 'text' },
  ],
  async run(args, opts, io) {
    const parsed = remoteCommandArgs(args, opts, io);
    if (!parsed) return EXIT.error;
    const { format, regoVersion, remote, address: source } = parsed;
    const destination = parsed.directory ?? 'policy';
    const verification = verificationOf(opts, io.cwd);
    try {
      const r = await pull(source, destination, { ...remote, regoVersion, overwrite: opts['overwrite'] === true, ...(verification ? { verification } : {}) });
      if (format === 'json') io.stdout.write(JSON.stringify(r, null, 2) + '\n');
      const n = r.written.length;
      const same = r.unchanged.length ? `, ${r.unchanged.length} already up to date` : '';
      io.stderr.write(`pulled ${r.source}${r.digest ? ` (${r.digest})` : ''} into ${destination}: ${n} file${n === 1 ? '' : 's'} written${same}\n`);
      return EXIT.ok;
    } catch (e) {
      return printRemoteError(e, io);
    }
  },
};
