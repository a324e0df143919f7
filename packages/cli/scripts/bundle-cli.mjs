#!/usr/bin/env node
/**
 * Bundles the built CLI (tsc output in dist/) into dist-bundle/: one ES module per command plus
 * the scan worker, with the engine, stdlib and third-party code inlined and shared chunks split
 * out. Why: loading a few hundred small modules (graphql's and fast-glob's CommonJS files
 * especially) was most of a command's start-up; one file per command loads in a fraction of that
 * (docs/performance.md, "Start-up"). Ink and React stay imports: only `ui` loads them.
 * Beside them, each command except `ui` as one CommonJS file (<command>.cjs), which the CLI loads
 * with V8's code cache (src/code-cache.ts; Node 20 caches no ES module code). Both are built
 * without comments or redundant syntax (identifiers and names are kept, source maps point at the
 * TypeScript): the parse of what remains is a third smaller.
 * The engine comes from its tsc output (not the engine's own bundle, where its dependencies stay
 * imports), so that the builtin families on large libraries load on their first call
 * (lazyFamilies below; engine src/builtins/lazy-family.ts).
 * The command manifest (gen-command-manifest.mjs, run next) points at these modules; a later
 * `tsc -b` makes the manifest stale, and the CLI then runs from the tsc output again.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { engineDefines, engineDist } from '../../../scripts/engine-defines.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
// Beside dist/, never in it: tsc owns dist/ (a source folder named like the output would collide),
// and the npm tarball, which ships dist/, stays as it was.
const outdir = fileURLToPath(new URL('../dist-bundle', import.meta.url));
rmSync(outdir, { recursive: true, force: true });
const entryPoints = Object.fromEntries([
  ...readdirSync(`${dist}commands`)
    .filter((f) => f.endsWith('.js'))
    .map((f) => [f.slice(0, -3), `${dist}commands/${f}`]),
  // Its name is fixed: scan/parallel.ts starts it as ./scan-worker.js next to itself.
  ['scan-worker', `${dist}scan/scan-worker.js`],
  // `scan --interactive` from scan.cjs imports this one (see tuiAsModule).
  ['tui', `${dist}tui/index.js`],
  // Likewise serve/pool.ts starts ./serve-worker.js (chunks and entries share this folder).
  ['serve-worker', `${dist}serve/serve-worker.js`],
]);
/**
 * The builtin families (module under the engine's dist/builtins/, as catalog.js imports it) whose
 * code loads on the first call of one of their builtins: together they pull in asn1js and the
 * @peculiar/asn1-* schemas, @noble/curves and hashes, graphql-js and @cfworker/json-schema, whose
 * loading was ~6% of `eval 1+1` and ~16% of a one-Dockerfile scan (docs/performance.md, "Start-up").
 */
const LAZY_FAMILIES = ['./crypto/crypto.js', './jwt/jwt.js', './x509/x509.js', './graphql/graphql.js', './jsonschema/jsonschema.js'];
const catalogFile = join(engineDist, 'builtins', 'catalog.js');
/**
 * In catalog.js, `import { xBuiltins } from './x/x.js'` of a lazy family becomes a `lazyFamily`
 * of the family's declarations (as data, read from the same build) whose loader `require()`s the
 * module: esbuild then wraps that module and what only it imports in a function that runs on the
 * first call, in either output format.
 */
async function lazyCatalog() {
  let text = readFileSync(catalogFile, 'utf8');
  for (const module of LAZY_FAMILIES) {
    const line = new RegExp(`^import \\{ (\\w+) \\} from '${module.replace(/[.\/]/g, '\\$&')}';$`, 'm');
    const m = text.match(line);
    if (!m) throw new Error(`bundle-cli: ${catalogFile} has no single import of ${module}`);
    const name = m[1];
    const decls = (await import(pathToFileURL(join(engineDist, 'builtins', module)).href))[name];
    const infos = decls.map(({ impl: _impl, ...info }) => info);
    const json = JSON.stringify(infos);
    if (JSON.stringify(JSON.parse(json)) !== json || infos.some((i) => Object.values(i).some((v) => typeof v === 'function'))) {
      throw new Error(`bundle-cli: ${module}: a declaration holds more than data besides impl`);
    }
    text = text.replace(line, `const ${name} = lazyFamily(${json}, () => require('${module}').${name});`);
  }
  return `import { lazyFamily } from './lazy-family.js';\n${text}`;
}
const lazyCatalogText = await lazyCatalog();
const engineFromDist = {
  name: 'engine-from-dist',
  setup(b) {
    b.onResolve({ filter: /^@palisade\/engine$/ }, () => ({ path: join(engineDist, 'index.js') }));
    b.onLoad({ filter: /[\\/]engine[\\/]dist[\\/]builtins[\\/]catalog\.js$/ }, (args) =>
      args.path === catalogFile ? { contents: lazyCatalogText, loader: 'js', resolveDir: join(engineDist, 'builtins') } : undefined,
    );
  },
};
const { define: engineDefine } = await engineDefines();
const common = {
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  // ES module builds where packages have them (graphql, @peculiar/*, asn1js): no CommonJS
  // wrappers, and graphql's unused parts are dropped.
  mainFields: ['module', 'main'],
  external: ['ink', 'ink/*', 'react', 'react/*'],
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
  plugins: [engineFromDist],
  define: engineDefine,
};
await build({
  ...common,
  entryPoints,
  splitting: true,
  format: 'esm',
  // CommonJS dependencies (fast-glob…) call require() for Node built-ins.
  banner: { js: "import { createRequire as __palisadeRequire } from 'node:module';\nconst require = __palisadeRequire(import.meta.url);" },
});
const commonJs = Object.fromEntries(Object.entries(entryPoints).filter(([name]) => !['ui', 'index', 'scan-worker', 'serve-worker', 'tui'].includes(name)));
/**
 * Ink has top-level await, so it cannot be require()d, and a `vm.Script` (how code-cache.ts runs
 * these bundles) cannot `import()` on Node 20 without an experimental flag. So in the CommonJS
 * bundles scan's `import('../tui/index.js')` becomes a call of `__palisadeImport('./tui.js')`, the
 * ES module bundle's tui.js imported by code-cache.ts for the bundle (plain `import()` when the
 * file is require()d instead). The TUI gets the scan result as plain data.
 */
const TUI_IMPORT = "import('../tui/index.js')";
const tuiAsModule = {
  name: 'tui-as-module',
  setup(b) {
    b.onLoad({ filter: /[\\/]commands[\\/]scan\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (text.split(TUI_IMPORT).length !== 2) throw new Error(`${args.path}: expected one ${TUI_IMPORT}`);
      return { contents: text.replace(TUI_IMPORT, "__palisadeLoad('./tui.js')"), loader: 'js' };
    });
  },
};
await build({
  ...common,
  plugins: [engineFromDist, tuiAsModule],
  entryPoints: commonJs,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  // The code's `import.meta.url` means "this file": the .cjs sits where the ES module bundle
  // does, so `new URL('./scan-worker.js', import.meta.url)` still finds the worker's bundle.
  define: { ...engineDefine, 'import.meta.url': '__palisadeModuleUrl' },
  banner: {
    js:
      "const __palisadeModuleUrl = require('node:url').pathToFileURL(__filename).href;\n" +
      "const __palisadeLoad = typeof __palisadeImport === 'function' ? __palisadeImport : (s) => import(new URL(s, __palisadeModuleUrl).href);",
  },
});
console.log(`bundle-cli: wrote ${relative(process.cwd(), outdir)} (${Object.keys(entryPoints).length} ES module entries, ${Object.keys(commonJs).length} CommonJS)`);
