/**
 * Part of `pnpm bench`: `palisade eval` and the reference OPA (`../shared/bin/opa`, see
 * ../shared/bin/README.md) side by side on the pods benchmark (bench/pods.ts): the same module,
 * input file and query, each in a fresh process as a user runs it. The answers must be equal (the
 * run fails otherwise); prints wall time, CPU and peak RSS of both and Palisade's ratio to OPA.
 * Usage: tsx bench/vs-opa.ts [--pods 1000,10000,100000] [--runs 3]
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arg, fmtMb, fmtMs, measure, median, ratio, type Sample } from './measure.js';
import { pods, POLICY } from './pods.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OPA = join(ROOT, '../shared/bin/opa');
const CLI = join(ROOT, 'packages/cli/dist/main.js');
const SIZES = (arg('--pods') ?? '1000,10000,100000').split(',').map(Number);
const RUNS = Number(arg('--runs') ?? 3);
const QUERY = 'data.bench.deny';

if (!existsSync(OPA)) {
  console.warn(`vs-opa: skipped, the reference OPA is not at ${OPA} (../shared/bin/opa)`);
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'palisade-vs-opa-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const policy = join(dir, 'bench.rego');
writeFileSync(policy, POLICY);

/** The set of deny messages, whatever the JSON shape of the value (OPA prints a set as a sorted array). */
function answer(s: Sample, who: string): string[] {
  if (s.status !== 0) throw new Error(`${who} exited ${s.status}: ${s.stderr.slice(0, 2000)}`);
  const v = JSON.parse(s.stdout) as unknown;
  if (!Array.isArray(v)) throw new Error(`${who}: expected an array of messages, got ${s.stdout.slice(0, 200)}`);
  return (v as string[]).slice().sort();
}

for (const n of SIZES) {
  const input = join(dir, `input-${n}.json`);
  writeFileSync(input, JSON.stringify({ items: pods(n) }));
  const cases = {
    opa: [OPA, ['eval', '-d', policy, '-i', input, '--format', 'raw', QUERY]],
    palisade: [process.execPath, [CLI, 'eval', '-d', policy, '-i', input, '--format', 'raw', QUERY]],
  } as const;
  const samples: Record<keyof typeof cases, Sample[]> = { opa: [], palisade: [] };
  let expected: string[] | undefined;
  // Interleaved, so a busy machine slows both alike.
  for (let r = 0; r < RUNS; r++) {
    for (const who of ['opa', 'palisade'] as const) {
      const [cmd, args] = cases[who];
      const s = measure(cmd, [...args]);
      const got = answer(s, who);
      expected ??= got;
      if (JSON.stringify(got) !== JSON.stringify(expected)) throw new Error(`${who} at ${n} pods: a different answer (${got.length} vs ${expected.length} messages)`);
      samples[who].push({ ...s, stdout: '' });
    }
  }
  const m = (who: keyof typeof cases, k: 'wallMs' | 'cpuMs' | 'rssMb') => {
    const xs = samples[who].map((s) => s[k]).filter((x): x is number => x !== undefined);
    return xs.length ? median(xs) : undefined;
  };
  const line = (who: keyof typeof cases) => `${who.padEnd(8)} wall ${fmtMs(m(who, 'wallMs')!)}  cpu ${m(who, 'cpuMs') === undefined ? 'n/a' : fmtMs(m(who, 'cpuMs')!)}  peak rss ${fmtMb(m(who, 'rssMb'))}`;
  console.log(`vs-opa ${n} pods (${expected!.length} messages, same answer, median of ${RUNS}):`);
  console.log(`  ${line('opa')}\n  ${line('palisade')}`);
  console.log(`  palisade/opa: wall ${ratio(m('palisade', 'wallMs'), m('opa', 'wallMs'))}  cpu ${ratio(m('palisade', 'cpuMs'), m('opa', 'cpuMs'))}  peak rss ${ratio(m('palisade', 'rssMb'), m('opa', 'rssMb'))}`);
  rmSync(input);
}
