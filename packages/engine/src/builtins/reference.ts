/** Renders the builtin reference (docs/reference/builtins.md) from the declaration table. */
import type { BuiltinDecl } from './define.js';
import { typeText } from './signature.js';

function signature(d: BuiltinDecl): string {
  const params = d.params.map((p) => `${p.name}: ${typeText(p.type)}${d.variadic ? '...' : ''}`).join(', ');
  return `${d.name}(${params}) → ${typeText(d.result)}`;
}

/** Renders the Markdown builtin reference (docs/reference/builtins.md) from builtin declarations. */
export function renderBuiltinReference(decls: BuiltinDecl[]): string {
  const visible = decls.filter((d) => !d.name.startsWith('internal.'));
  const byCat = new Map<string, BuiltinDecl[]>();
  for (const d of visible) {
    const list = byCat.get(d.category) ?? [];
    list.push(d);
    byCat.set(d.category, list);
  }
  const cats = [...byCat.keys()].sort();
  const out: string[] = [
    '<!-- Generated from the builtin declarations by `pnpm docs:builtins`; do not edit. -->',
    '# Builtin reference',
    '',
    `${visible.length} builtins in ${cats.length} categories. Infix operators (\`+\`, \`==\`, \`&\`, …) are listed under their`,
    'builtin names. Flags: *nondeterministic* results may differ between queries (fixed within one query);',
    '*deprecated* builtins are rejected by the compiler, as in OPA 1.x (`EngineOptions.allowDeprecatedBuiltins` accepts them).',
    '',
  ];
  for (const cat of cats) {
    out.push(`## ${cat}`, '');
    out.push('| builtin | signature | description |', '|---|---|---|');
    for (const d of byCat.get(cat)!.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const flags = [d.nondeterministic ? '*nondeterministic*' : '', d.deprecated ? '*deprecated*' : ''].filter(Boolean).join(' ');
      const desc = (d.description + (flags ? ` ${flags}` : '')).replace(/\|/g, '\\|').replace(/\n/g, ' ');
      out.push(`| \`${d.name}\` | \`${signature(d).replace(/\|/g, '\\|')}\` | ${desc} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
