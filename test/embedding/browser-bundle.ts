/**
 * Bundles an entry for browsers with esbuild and fails on any Node built-in, so the engine and the
 * stdlib's browser entry stay free of `node:` imports (esbuild's `platform: 'browser'` alone would
 * let a package's `browser` field or a polyfill hide one).
 */
import { builtinModules } from 'node:module';
import { build, type Plugin } from 'esbuild';

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

const noNodeBuiltins: Plugin = {
  name: 'no-node-builtins',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      const bare = args.path.split('/')[0]!;
      if (args.path.startsWith('node:') || BUILTINS.has(args.path) || (BUILTINS.has(bare) && args.kind !== 'entry-point')) {
        return { errors: [{ text: `Node built-in "${args.path}" imported by ${args.importer || '(entry)'}` }] };
      }
      return undefined;
    });
  },
};

/** Bundles `entry` (TypeScript or JS) into one IIFE script at `outfile`; throws esbuild's failure. */
export async function bundleForBrowser(entry: string, outfile: string, absWorkingDir: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    absWorkingDir,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    // Use the ESM/browser builds of dependencies (yaml's CommonJS build needs `process`).
    mainFields: ['browser', 'module', 'main'],
    conditions: ['browser', 'import', 'default'],
    logLevel: 'silent',
    plugins: [noNodeBuiltins],
  });
}
