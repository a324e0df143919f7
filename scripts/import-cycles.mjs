// Import cycles among the packages' TypeScript sources (run by `pnpm lint`). Counted: value
// imports and type-only imports alike, since a type cycle is a sign of a shared type living in an
// implementation file (move it to a types module). One is allowed: the stdlib's document types
// (model.ts) name `DocumentKind`, which is derived from the loader table (loaders/registry.ts),
// whose loaders produce those documents; that cycle is of types only, by design.
// `--print` lists every cycle found, allowed ones included.
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import fg from 'fast-glob';

const files = fg.sync('packages/*/src/**/*.ts', { ignore: ['**/*.test.ts', '**/*.d.ts', '**/generated/**'], absolute: true });
const known = new Set(files);
/** file -> [{ to, typeOnly }] */
const graph = new Map();
const IMPORT = /^(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s+['"](\.[^'"]+)['"]/gms;
for (const f of files) {
  const edges = [];
  for (const m of readFileSync(f, 'utf8').matchAll(IMPORT)) {
    const names = /^\{([^}]*)\}$/.exec(m[2].trim())?.[1].split(',').map((s) => s.trim()).filter(Boolean);
    const typeOnly = Boolean(m[1]) || (names !== undefined && names.length > 0 && names.every((n) => n.startsWith('type ')));
    const to = resolve(dirname(f), m[3]).replace(/\.js$/, '.ts');
    if (known.has(to)) edges.push({ to, typeOnly });
  }
  graph.set(f, edges);
}

/** Strongly connected components of more than one file (Tarjan), over the edges `use` keeps. */
function cycles(use) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const out = [];
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const { to } of graph.get(v).filter(use)) {
      if (!index.has(to)) {
        visit(to);
        low.set(v, Math.min(low.get(v), low.get(to)));
      } else if (onStack.has(to)) low.set(v, Math.min(low.get(v), index.get(to)));
    }
    if (low.get(v) !== index.get(v)) return;
    const scc = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      scc.push(w);
    } while (w !== v);
    if (scc.length > 1) out.push(scc);
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

const rel = (f) => relative(process.cwd(), f);
const isKindTableCycle = (scc) => scc.every((f) => rel(f).startsWith('packages/stdlib/src/')) && scc.some((f) => rel(f) === 'packages/stdlib/src/model.ts');
const describe = (scc) => {
  const inScc = new Set(scc);
  return scc.map((f) => `  ${rel(f)} -> ${graph.get(f).filter((e) => inScc.has(e.to)).map((e) => relative(dirname(f), e.to)).join(', ')}`).join('\n');
};

const valueCycles = cycles((e) => !e.typeOnly);
const typeCycles = cycles(() => true).filter((c) => !isKindTableCycle(c) || valueCycles.some((v) => v.some((f) => c.includes(f))));
if (process.argv.includes('--print')) for (const c of cycles(() => true)) console.log(`cycle of ${c.length}${isKindTableCycle(c) ? ' (allowed: the kind table)' : ''}:\n${describe(c)}`);
if (valueCycles.length || typeCycles.length) {
  for (const c of valueCycles) console.error(`import cycle (value imports):\n${describe(c)}`);
  for (const c of typeCycles) console.error(`import cycle (type imports; move the shared types to a types module):\n${describe(c)}`);
  process.exit(1);
}
console.log(`import-cycles: ok (${files.length} files)`);
