/**
 * Runs the translated conftest acceptance suite (cases.ts) against Palisade, in process (one
 * `main()` call per case), from the conftest tree in ../shared/third_party/conftest. Each case
 * must behave as its table entry says: translated cases pass, cases marked `differs` fail (so a
 * fix is noticed and the entry updated). The pass rate is printed.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../packages/cli/src/main.js';
import { CASES, type AcceptanceCase } from './cases.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CONFTEST = resolve(ROOT, '../shared/third_party/conftest');
const present = existsSync(join(CONFTEST, 'acceptance.bats'));
if (!present) console.warn(`conftest acceptance suite skipped: ${CONFTEST} is absent (it comes from ../shared/third_party/conftest)`);

interface Outcome {
  status: number;
  stdout: string;
  output: string;
}

const tmp = present ? mkdtempSync(join(tmpdir(), 'palisade-conftest-')) : '';
const symlink = join(tmp, 'hcl2-link');

async function runCase(c: AcceptanceCase): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const out = new PassThrough();
  const err = new PassThrough();
  out.on('data', (d: Buffer) => (stdout += d.toString()));
  err.on('data', (d: Buffer) => (stderr += d.toString()));
  const input = c.stdin ? readFileSync(join(CONFTEST, c.stdin), 'utf8') : (c.stdinText ?? '');
  const argv = (c.argv ?? []).map((a) => (a === '$SYMLINK' ? symlink : a));
  const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' };
  const cwd = join(CONFTEST, c.cwd ?? '.');
  // Some file reads resolve against the process's directory, as in a real run: run the case there.
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    const status = await main(argv, { stdout: out, stderr: err, stdin: Readable.from([input]), env, cwd });
    return { status, stdout, output: stdout + stderr };
  } finally {
    process.chdir(previous);
  }
}

/** The assertions of a case that do not hold, as bats would report them. */
function problems(c: AcceptanceCase, o: Outcome): string[] {
  const p: string[] = [];
  if (c.status !== undefined && o.status !== c.status) p.push(`status ${o.status}, expected ${c.status}`);
  for (const s of c.has ?? []) if (!o.output.includes(s)) p.push(`output lacks ${JSON.stringify(s)}`);
  for (const s of c.hasNot ?? []) if (o.output.includes(s)) p.push(`output has ${JSON.stringify(s)}`);
  const lines = o.output.split('\n').filter((l) => l !== '');
  for (const [i, want] of Object.entries(c.lines ?? {})) if (lines[Number(i)] !== want) p.push(`line ${i} is ${JSON.stringify(lines[Number(i)])}, expected ${JSON.stringify(want)}`);
  if (c.lineCount !== undefined && lines.length !== c.lineCount) p.push(`${lines.length} lines, expected ${c.lineCount}`);
  if (c.exact !== undefined && o.output !== c.exact) p.push(`output is ${JSON.stringify(o.output.slice(0, 200))}, expected ${JSON.stringify(c.exact)}`);
  if (c.json) {
    let ok = false;
    try {
      ok = c.json(JSON.parse(o.stdout));
    } catch {
      ok = false;
    }
    if (!ok) p.push('standard output does not satisfy the JSON check');
  }
  return p;
}

const translated = CASES.filter((c) => !c.untranslatable);
const passed: string[] = [];

describe.skipIf(!present)('conftest acceptance suite, translated', () => {
  if (present) symlinkSync(join(CONFTEST, 'examples/hcl2'), symlink);
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    const differs = translated.filter((c) => c.differs);
    const pct = ((100 * passed.length) / translated.length).toFixed(1);
    console.log(
      `conftest acceptance: ${passed.length} of ${translated.length} translated cases pass (${pct}%); ${differs.length} differ (listed in test/conftest/cases.ts); ${CASES.length - translated.length} of ${CASES.length} are not translated (reasons in cases.ts)`,
    );
  });

  it('lists every case of the bats files once', () => {
    const names = new Set<string>();
    const inBats = new Map<string, number>();
    for (const file of new Set(CASES.map((c) => c.file))) {
      const text = readFileSync(join(CONFTEST, file), 'utf8');
      inBats.set(file, [...text.matchAll(/^@test "(.*)" \{$/gm)].length);
      for (const m of text.matchAll(/^@test "(.*)" \{$/gm)) names.add(`${file}: ${m[1]!.replace(/\\"/g, '"')}`);
    }
    const listed = CASES.map((c) => `${c.file}: ${c.name}`);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.filter((n) => !names.has(n))).toEqual([]);
    expect([...names].filter((n) => !listed.includes(n))).toEqual([]);
  });

  for (const c of translated) {
    it(`${c.file}: ${c.name}`, async () => {
      const o = await runCase(c);
      const p = problems(c, o);
      if (p.length === 0) passed.push(c.name);
      if (c.differs) expect(p, `now passes — remove \`differs\` (${c.differs})`).not.toEqual([]);
      else expect(p, o.output.slice(0, 2000)).toEqual([]);
    }, 60_000);
  }
});
