/** `scan --update SOURCE`: pull each source into the policy directory before the scan (as conftest test --update). */
import type { RegoVersion } from '@palisade/engine';
import type { CommandIO } from '../command.js';
import { printRemoteError } from './cli.js';
import { DEFAULT_LIMITS, DEFAULT_REMOTE_TIMEOUT_MS } from './limits.js';
import { pull } from './pull.js';

/** Pulls every source into `destination` (changed files replaced); true when one failed (the error printed). */
export async function updatePolicies(sources: string[], destination: string, opts: { cwd: string; env: NodeJS.ProcessEnv; insecure: boolean; regoVersion: RegoVersion }, io: CommandIO): Promise<boolean> {
  for (const source of sources) {
    try {
      const r = await pull(source, destination, { cwd: opts.cwd, env: opts.env, timeoutMs: DEFAULT_REMOTE_TIMEOUT_MS, limits: DEFAULT_LIMITS, overwrite: true, regoVersion: opts.regoVersion, ...(opts.insecure ? { insecure: true } : {}) });
      const n = r.written.length;
      io.stderr.write(`palisade: updated ${destination} from ${r.source}: ${n} file${n === 1 ? '' : 's'} written${r.unchanged.length ? `, ${r.unchanged.length} unchanged` : ''}\n`);
    } catch (e) {
      printRemoteError(e, io, `--update ${source}: `);
      return true;
    }
  }
  return false;
}
