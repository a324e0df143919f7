/**
 * Every check id the docs mention is a real stdlib id, and wherever a line pairs an id with a
 * severity or a title (report excerpts: `KW-001 [HIGH] Privileged container`, `title=KW-001
 * (HIGH)%3A …`, TUI lines `HIGH  DF-004  Image runs as root`), they are the policy's own, read
 * from the policies' METADATA. Made-up ids (`PAL-K8S-001`) fail.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collectPolicies } from '../../packages/stdlib/scripts/gen-policy-docs.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...markdownFiles(rel));
    else if (e.name.endsWith('.md')) out.push(rel);
  }
  return out;
}

const meta = new Map<string, { title: string; severity: string }>();
for (const p of collectPolicies()) if (p.meta.id) meta.set(p.meta.id, { title: String(p.meta.title ?? ''), severity: String(p.meta.severity ?? '') });

// Catalog ids documented as deliberately not shipped (docs/policies/excluded.md) may be named.
const notShipped = new Set(
  [...readFileSync(join(ROOT, 'docs/policies/excluded.md'), 'utf8').matchAll(/^\| ([A-Z]{2}-\d{3}) \|/gm)].map((m) => m[1]!).filter((id) => !meta.has(id)),
);

const ID = /\b(?:PAL-[A-Z0-9]+-\d+|(?:DF|KW|KC|DC|DI|SR|RS)-\d{3})\b/g;
const SEVERITY: Record<string, string> = { CRIT: 'CRITICAL', CRITICAL: 'CRITICAL', HIGH: 'HIGH', MED: 'MEDIUM', MEDIUM: 'MEDIUM', LOW: 'LOW', INFO: 'INFO' };
const DOCS = ['README.md', ...markdownFiles('docs')];

describe('check ids in the docs', () => {
  it('reads the policies and some docs', () => {
    expect(meta.size).toBeGreaterThan(200);
    expect(DOCS.length).toBeGreaterThan(10);
  });

  it('every id mentioned exists', () => {
    const bad: string[] = [];
    for (const file of DOCS) {
      readFileSync(join(ROOT, file), 'utf8').split('\n').forEach((line, i) => {
        for (const m of line.matchAll(ID)) if (!meta.has(m[0]) && !notShipped.has(m[0])) bad.push(`${file}:${i + 1}: ${m[0]}`);
      });
    }
    expect(bad).toEqual([]);
  });

  it('an id shown with a severity or a title shows its own', () => {
    const bad: string[] = [];
    for (const file of DOCS) {
      readFileSync(join(ROOT, file), 'utf8').split('\n').forEach((line, i) => {
        const where = `${file}:${i + 1}`;
        // `ID [SEV] Title`, `ID (SEV)%3A Title`, `code=ID;][SEV] Title`; `ID (SEV)` in prose
        for (const m of line.matchAll(/\b([A-Z]{2}-\d{3})(;\])?\s*([[(])(CRITICAL|HIGH|MEDIUM|LOW|INFO)[\])](%3A)?([^:%\n`]*)/g)) {
          const want = meta.get(m[1]!);
          if (!want) continue;
          if (want.severity !== m[4]) bad.push(`${where}: ${m[1]} shown as ${m[4]}, is ${want.severity}`);
          const titled = m[3] === '[' || m[5] === '%3A';
          const title = m[6]!.trim();
          if (titled && title !== want.title) bad.push(`${where}: ${m[1]} titled "${title}", is "${want.title}"`);
        }
        // TUI rows: `SEV  ID  Title…` / `SEV  ID  …` (only the severity is checked where the title is cut)
        for (const m of line.matchAll(/\b(CRIT|CRITICAL|HIGH|MED|MEDIUM|LOW|INFO)\s+([A-Z]{2}-\d{3})\b/g)) {
          const want = meta.get(m[2]!);
          if (want && want.severity !== SEVERITY[m[1]!]) bad.push(`${where}: ${m[2]} shown as ${m[1]}, is ${want.severity}`);
        }
        // TUI group headers: `▾ ID  Title (n)`
        for (const m of line.matchAll(/▾ ([A-Z]{2}-\d{3})\s+(.+?) \(\d+\)/g)) {
          const want = meta.get(m[1]!);
          if (want && m[2] !== want.title) bad.push(`${where}: ${m[1]} titled "${m[2]}", is "${want.title}"`);
        }
      });
    }
    expect(bad).toEqual([]);
  });
});
