/**
 * `dist/command-manifest.json`: the command table as plain data (name, arguments, options, help
 * text) plus the module and export that hold each command's code. `pnpm build` writes it
 * (scripts/gen-command-manifest.mjs) so the entry point can build the whole commander program,
 * answer `--version` and `--help`, and parse arguments without importing any command, then import
 * only the module of the command that runs. A manifest older than the build it came from (a later
 * `tsc -b` changed the CLI or the stdlib) is ignored and the table is imported instead, so a stale
 * manifest costs start-up time, never correctness.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CliCommand, OptionSpec } from './command.js';
import type { CommandSpec, LazyCommand } from './program.js';

export const MANIFEST_FILE = 'command-manifest.json';

/**
 * Build stamps (tsc's incremental build info, rewritten whenever tsc emits) of the packages whose
 * output the command specs are made from, relative to the CLI's dist/. A stamp that does not
 * exist (an installed package, no build tool around) is not checked.
 */
const STAMPS = ['.tsbuildinfo', '../../stdlib/dist/.tsbuildinfo'];

interface ManifestEntry {
  spec: CommandSpec;
  /** Module path relative to dist/, and the export that is the CliCommand. */
  module: string;
  export: string;
  /**
   * The same command in the bundled build (../dist-bundle/, scripts/bundle-cli.mjs), used when
   * the file is there; the published package leaves the bundle out.
   */
  bundle?: string;
  /** The same command as one CommonJS file, loaded with V8's code cache (code-cache.ts); preferred. */
  cjs?: string;
}

export interface Manifest {
  format: 1;
  stamps: Record<string, string | null>;
  commands: ManifestEntry[];
}

function stampOf(file: URL): string | null {
  try {
    const st = statSync(file);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return null;
  }
}

/** An option as data (the table holds only data: repeatable options say `repeatable`). */
function optionData(o: OptionSpec): OptionSpec {
  return { ...o };
}

export function specOf(cmd: CliCommand): CommandSpec {
  const spec: CommandSpec = { name: cmd.name, summary: cmd.summary, examples: [...cmd.examples], options: cmd.options.map(optionData) };
  if (cmd.args) spec.args = cmd.args;
  return spec;
}

/**
 * The manifest of `commands`, each found by identity among `modules` (module path relative to
 * dist/ → its namespace object).
 */
export function buildManifest(commands: CliCommand[], modules: Record<string, Record<string, unknown>>, distDir: URL): Manifest {
  const entries = commands.map((cmd): ManifestEntry => {
    for (const [module, ns] of Object.entries(modules)) {
      for (const [name, value] of Object.entries(ns)) if (value === cmd) return { spec: specOf(cmd), module, export: name };
    }
    throw new Error(`command ${cmd.name}: no module under commands/ exports it`);
  });
  return { format: 1, stamps: Object.fromEntries(STAMPS.map((s) => [s, stampOf(new URL(s, distDir))])), commands: entries };
}

/**
 * The lazy command table from the manifest in `distDir`, or undefined when it is absent or stale.
 * `env` says where V8's code cache of the CommonJS bundles lives (code-cache.ts); without it, none.
 */
export function readManifest(distDir: URL, env?: NodeJS.ProcessEnv): LazyCommand[] | undefined {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(new URL(MANIFEST_FILE, distDir), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
  if (manifest.format !== 1) return undefined;
  for (const [file, recorded] of Object.entries(manifest.stamps)) {
    const now = stampOf(new URL(file, distDir));
    if (now !== null && now !== recorded) return undefined;
  }
  return manifest.commands.map((e) => ({
    spec: e.spec,
    load: async () => {
      const commonJs = e.cjs ? fileURLToPath(new URL(e.cjs, distDir)) : undefined;
      if (commonJs && existsSync(commonJs)) {
        const { codeCacheDir, loadCommonJs } = await import('./code-cache.js');
        const loaded = loadCommonJs(commonJs, env && codeCacheDir(env));
        const cmd = loaded.exports[e.export] as CliCommand | undefined;
        if (!cmd) throw new Error(`${commonJs} does not export ${e.export}; rebuild the CLI (pnpm build)`);
        return async (...a: Parameters<CliCommand['run']>) => {
          try {
            return await cmd.run(...a);
          } finally {
            loaded.persist();
          }
        };
      }
      const bundled = e.bundle ? new URL(e.bundle, distDir) : undefined;
      const url = bundled && existsSync(bundled) ? bundled : new URL(e.module, distDir);
      const ns = (await import(url.href)) as Record<string, CliCommand | undefined>;
      const cmd = ns[e.export];
      if (!cmd) throw new Error(`${url.pathname} does not export ${e.export}; rebuild the CLI (pnpm build)`);
      return cmd.run.bind(cmd);
    },
  }));
}
