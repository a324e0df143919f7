import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import { keyArgument } from '../opa-bundle/options.js';
import { buildBundle } from '../opa-bundle/build.js';
import { EXIT, defineCommand } from '../command.js';
import { printDiagnostics } from '../diagnostics.js';

export const buildCommand = defineCommand({
  name: 'build',
  args: '<paths...>',
  summary: 'Build an OPA bundle (.tar.gz) from policy and data directories, optionally signed',
  examples: [
    'palisade build -o bundle.tar.gz policy/',
    'palisade build -o bundle.tar.gz --revision "$(git rev-parse HEAD)" policy/ data/',
    'palisade build -o bundle.tar.gz --signing-key private.pem policy/',
    'palisade scan -b bundle.tar.gz --verification-key public.pem k8s/',
  ],
  options: [
    { flags: '-o, --output <file>', description: 'bundle file to write', default: 'bundle.tar.gz' },
    { flags: '-r, --revision <rev>', description: 'revision recorded in the manifest' },
    { flags: '--root <path>', description: 'manifest root (package/data path prefix the bundle owns; repeatable)', repeatable: true },
    { flags: '--signing-key <key>', description: 'PEM private key file (or HMAC secret) to sign the bundle with' },
    { flags: '--signing-alg <alg>', description: 'signature algorithm (default RS256)' },
    { flags: '--claims-file <file>', description: 'JSON file of extra signature claims (e.g. scope, iss)' },
  ],
  async run(args, opts, io) {
    if (args.length === 0) {
      io.stderr.write('error: give at least one policy or data directory\n');
      return EXIT.error;
    }
    let claims: Record<string, unknown> | undefined;
    if (opts.claimsFile !== undefined) {
      try {
        claims = JSON.parse(readFileSync(resolve(io.cwd, opts.claimsFile), 'utf8')) as Record<string, unknown>;
      } catch (e) {
        io.stderr.write(`error: --claims-file ${String(opts.claimsFile)}: ${(e as Error).message}\n`);
        return EXIT.error;
      }
    } else if (opts.signingKey === undefined && opts.signingAlg !== undefined) {
      io.stderr.write('error: --signing-alg needs --signing-key\n');
      return EXIT.error;
    }
    const signingKey = opts.signingKey;
    let result;
    try {
      result = await buildBundle(args.map((a) => resolve(io.cwd, a)), {
        revision: opts.revision,
        roots: opts.root,
        signing: signingKey === undefined ? undefined : { key: keyArgument(signingKey, io.cwd), algorithm: opts.signingAlg, claims },
      }, io.cwd);
    } catch (e) {
      io.stderr.write(`error: ${(e as Error).message}\n`);
      return EXIT.error;
    }
    if (!result.archive) return printDiagnostics(result.errors, io);
    const out = resolve(io.cwd, opts.output ?? 'bundle.tar.gz');
    writeFileAtomic(out, result.archive);
    io.stderr.write(`wrote ${opts.output ?? 'bundle.tar.gz'}: ${result.files.length} files, revision "${result.manifest.revision}"${signingKey ? ', signed' : ''}\n`);
    return EXIT.ok;
  },
});
