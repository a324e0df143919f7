/**
 * Compact text of AST nodes for parser tests (`plus(x, 1)`, `x.a[y]`, `{1, 2}`); not the
 * canonical formatter. Only imported by *.test.ts files.
 */
import type { Body, Expr, Term } from './ast.js';

export function showTerm(t: Term): string {
  switch (t.type) {
    case 'null': return 'null';
    case 'boolean': return String(t.value);
    case 'number': return t.text;
    case 'string': return JSON.stringify(t.value);
    case 'template': return `$<${t.parts.map((p) => (typeof p === 'string' ? JSON.stringify(p) : `{${showTerm(p)}}`)).join(' ')}>`;
    case 'var': return t.name;
    case 'ref':
      return showTerm(t.head) + t.path.map((p) => (p.type === 'string' && /^[A-Za-z_]\w*$/.test(p.value) ? `.${p.value}` : `[${showTerm(p)}]`)).join('');
    case 'call': return `${showTerm(t.fn)}(${t.args.map(showTerm).join(', ')})`;
    case 'array': return `[${t.items.map(showTerm).join(', ')}]`;
    case 'set': return t.items.length ? `{${t.items.map(showTerm).join(', ')}}` : 'set()';
    case 'object': return `{${t.entries.map(([k, v]) => `${showTerm(k)}: ${showTerm(v)}`).join(', ')}}`;
    case 'arraycomp': return `[${showTerm(t.term)} | ${showBody(t.body)}]`;
    case 'setcomp': return `{${showTerm(t.term)} | ${showBody(t.body)}}`;
    case 'objectcomp': return `{${showTerm(t.key)}: ${showTerm(t.value)} | ${showBody(t.body)}}`;
  }
}

export function showExpr(e: Expr): string {
  const n = e.node;
  let s: string;
  switch (n.kind) {
    case 'term': s = showTerm(n.term); break;
    case 'unify': s = `${showTerm(n.left)} = ${showTerm(n.right)}`; break;
    case 'assign': s = `${showTerm(n.left)} := ${showTerm(n.right)}`; break;
    case 'some': s = `some ${n.vars.map(showTerm).join(', ')}`; break;
    case 'somein': s = `some ${n.key ? `${showTerm(n.key)}, ` : ''}${showTerm(n.value)} in ${showTerm(n.collection)}`; break;
    case 'every': s = `every ${n.key ? `${showTerm(n.key)}, ` : ''}${showTerm(n.value)} in ${showTerm(n.domain)} { ${showBody(n.body)} }`; break;
    case 'logic': s = `(${showBody(n.left)} ${n.op} ${showBody(n.right)})`; break;
  }
  if (e.negated) s = `not ${s}`;
  for (const w of e.with) s += ` with ${showTerm(w.target)} as ${showTerm(w.value)}`;
  return s;
}

export function showBody(b: Body): string {
  return b.length === 1 ? showExpr(b[0]) : `{${b.map(showExpr).join('; ')}}`;
}
