// Project lint rules that TypeScript does not check (run by `pnpm lint` after type-checking):
// - package index.ts files use named exports only (no `export *` of values);
// - the engine core never imports Node built-ins (it must bundle for browsers);
// - no bare `throw new Error(` in engine sources (errors are PalisadeError values with codes).
import { readFileSync } from 'node:fs';
import fg from 'fast-glob';

const problems = [];
for (const f of fg.sync('packages/*/src/index.ts')) {
  const src = readFileSync(f, 'utf8');
  for (const m of src.matchAll(/^export \* from .*$/gm)) problems.push(`${f}: ${m[0]} (use named exports)`);
}
for (const f of fg.sync('packages/engine/src/**/*.ts', { ignore: ['**/*.test.ts'] })) {
  const src = readFileSync(f, 'utf8');
  for (const m of src.matchAll(/from ['"](node:[^'"]+|fs|path|crypto|os|child_process)['"]/g)) problems.push(`${f}: imports ${m[1]} (engine core must stay browser-safe)`);
  for (const m of src.matchAll(/throw new Error\(/g)) problems.push(`${f}: bare \`throw new Error(\` at offset ${m.index} (throw a PalisadeError)`);
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('lint: ok');
