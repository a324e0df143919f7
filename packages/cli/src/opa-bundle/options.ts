/**
 * The `-b/--bundle` options shared by `scan`, `eval` and `test` (OPA's names), and loading the
 * bundles they name into diagnostics-or-bundles.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ErrorCodes, type Diagnostic, type Engine } from '@palisade/engine';
import type { OptionSpec } from '../command.js';
import { BundleError, loadBundle, type Bundle } from './bundle.js';
import type { VerificationOptions } from './signature.js';

export const BUNDLE_OPTIONS = [
  { flags: '-b, --bundle <path>', description: 'OPA bundle (.tar.gz or directory) of policies and data (repeatable)', repeatable: true },
  { flags: '--verification-key <key>', description: 'PEM file (or HMAC secret) that must have signed every --bundle' },
  { flags: '--verification-key-id <id>', description: 'key id of --verification-key (as OPA; default: default)' },
  { flags: '--signing-alg <alg>', description: 'signature algorithm of --verification-key (default RS256)' },
  { flags: '--scope <scope>', description: 'scope the bundle signature must carry' },
  { flags: '--skip-verify', description: 'load signed bundles without checking their signature' },
] as const satisfies readonly OptionSpec[];

/** A key argument: a PEM file relative to `cwd` when one exists there, else the value itself (an HMAC secret). */
export function keyArgument(key: string, cwd: string): string {
  const file = resolve(cwd, key);
  return existsSync(file) ? file : key;
}

export function verificationOf(opts: Record<string, unknown>, cwd: string): VerificationOptions | undefined {
  if (opts.verificationKey === undefined) return undefined;
  return {
    key: keyArgument(String(opts.verificationKey), cwd),
    algorithm: opts.signingAlg === undefined ? undefined : String(opts.signingAlg),
    keyId: opts.verificationKeyId === undefined ? undefined : String(opts.verificationKeyId),
    scope: opts.scope === undefined ? undefined : String(opts.scope),
  };
}

/** The bundles named by `--bundle`, each verified when a key is given; a failed one is a diagnostic. */
export async function loadBundles(opts: Record<string, unknown>, cwd: string): Promise<{ bundles: Bundle[]; errors: Diagnostic[] }> {
  const paths = (opts.bundle as string[] | undefined) ?? [];
  const bundles: Bundle[] = [];
  const errors: Diagnostic[] = [];
  const verification = verificationOf(opts, cwd);
  if (verification && paths.length === 0) errors.push({ code: ErrorCodes.input, message: '--verification-key needs at least one --bundle' });
  for (const p of paths) {
    try {
      const b = await loadBundle(resolve(cwd, p), { verification, skipVerify: Boolean(opts.skipVerify) });
      bundles.push({ ...b, source: p, modules: b.modules.map((m) => ({ ...m, file: `${p}/${m.path}` })) });
    } catch (e) {
      if (!(e instanceof BundleError)) throw e;
      errors.push({ code: e.code, message: e.message.replace(resolve(cwd, p), p) });
    }
  }
  return { bundles, errors };
}

/** Adds every bundle's modules and data to `engine` (as `-d` would); returns the problems. */
export function addBundlesTo(engine: Engine, bundles: readonly Bundle[]): Diagnostic[] {
  const errors: Diagnostic[] = [];
  for (const b of bundles) {
    for (const m of b.modules) errors.push(...engine.addModule(m.file, m.text, m.regoVersion));
    errors.push(...engine.addData(b.data));
  }
  return errors;
}
