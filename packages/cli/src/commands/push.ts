/**
 * `palisade push oci://HOST/REPO:TAG [DIR]`: the policies of a directory (default policy/) as the
 * OCI artifact conftest pushes, or a built bundle (`--bundle`) as OPA's bundle layer
 * (remote/push.ts, docs/distribution.md).
 */
import { EXIT, type CliCommand } from '../command.js';
import { REGO_VERSION_OPTIONS } from '../rego-version.js';
import { printRemoteError, REMOTE_OPTIONS, remoteCommandArgs } from '../remote/cli.js';
import { pushBundle, pushPolicies } from '../remote/push.js';
import { parseSource } from '../remote/source.js';
import { RemoteError, RemoteErrorCodes } from '../remote/errors.js';

export const pushCommand: CliCommand = {
  name: 'push',
  args: '<reference> [directory]',
  summary: 'Push a policy directory (default policy/) or a built bundle to an OCI registry, as conftest and OPA lay them out',
  examples: [
    'palisade push oci://ghcr.io/org/policies:v1            # pushes policy/',
    'palisade push oci://127.0.0.1:5000/policies:v1 policy/ -d data/',
    'palisade build -o bundle.tar.gz policy/ && palisade push --bundle bundle.tar.gz oci://ghcr.io/org/policies:v1',
  ],
  options: [
    { flags: '-p, --policy <path>', description: 'policy directory to push (same as the directory argument; conftest\'s spelling)' },
    { flags: '-d, --data <path>', description: 'directory of data files (.json/.yaml) to push with the policies (default: the policy directory\'s)' },
    { flags: '--bundle <file>', description: 'push this OPA bundle (.tar.gz from palisade build or opa build) as one bundle layer instead' },
    ...REMOTE_OPTIONS,
    ...REGO_VERSION_OPTIONS,
    { flags: '--format <format>', description: 'text (default) or json: what was pushed', default: 'text' },
  ],
  async run(args, opts, io) {
    const parsed = remoteCommandArgs(args, opts, io);
    if (!parsed) return EXIT.error;
    const { format, regoVersion, remote, address: target, directory: policyDir } = parsed;
    if (opts['bundle'] !== undefined && (policyDir !== undefined || opts['data'] !== undefined)) {
      io.stderr.write('error: --bundle pushes the bundle only; leave out the directory and --data\n');
      return EXIT.error;
    }
    try {
      // conftest accepts the reference with or without oci://.
      const src = parseSource(/^oci:\/\//i.test(target) ? target : `oci://${target}`);
      if (src.kind !== 'oci') throw new RemoteError(RemoteErrorCodes.source, `${target}: push needs an OCI reference (oci://host/repo:tag)`);
      const r = opts['bundle'] !== undefined ? await pushBundle(src, String(opts['bundle']), remote) : await pushPolicies(src, policyDir ?? 'policy', opts['data'] as string | undefined, { ...remote, regoVersion });
      if (format === 'json') io.stdout.write(JSON.stringify(r, null, 2) + '\n');
      else io.stdout.write(`${r.reference.replace(/:[^:/]+$/, '')}@${r.digest}\n`);
      io.stderr.write(`pushed ${r.reference}: ${r.layers} layer${r.layers === 1 ? '' : 's'}, digest ${r.digest}\n`);
      return EXIT.ok;
    } catch (e) {
      return printRemoteError(e, io);
    }
  },
};
