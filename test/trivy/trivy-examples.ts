/**
 * trivy-checks' good/bad examples (the `<check>.yaml` beside each check) laid out as files to
 * scan: `<dir>/<kind>/<check>/<good|bad>-<i>/Dockerfile` or `…/<good|bad>-<i>.yaml`.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

export interface Example {
  /** Rego package of the check, e.g. `builtin.dockerfile.DS005`. */
  namespace: string;
  verdict: 'good' | 'bad';
  /** Path of the written file, relative to the scan directory. */
  file: string;
}

const PACKAGE = /^package\s+(\S+)/m;

export function writeExamples(checksDir: string, kind: 'docker' | 'kubernetes', outDir: string): Example[] {
  const out: Example[] = [];
  const dir = join(checksDir, kind);
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort()) {
    const check = name.slice(0, -'.yaml'.length);
    const ns = PACKAGE.exec(readFileSync(join(dir, `${check}.rego`), 'utf8'))?.[1];
    if (!ns) continue;
    const doc = parseYaml(readFileSync(join(dir, name), 'utf8')) as Record<string, { good?: string[]; bad?: string[] }>;
    const examples = doc[kind === 'docker' ? 'dockerfile' : 'kubernetes'] ?? {};
    for (const verdict of ['good', 'bad'] as const) {
      (examples[verdict] ?? []).forEach((text, i) => {
        const rel = kind === 'docker' ? join(kind, check, `${verdict}-${i}`, 'Dockerfile') : join(kind, check, `${verdict}-${i}.yaml`);
        mkdirSync(join(outDir, rel, '..'), { recursive: true });
        writeFileSync(join(outDir, rel), text.endsWith('\n') ? text : text + '\n');
        out.push({ namespace: ns, verdict, file: rel });
      });
    }
  }
  return out;
}
