/**
 * What interrupted pulls leave beside a policy directory, and the next pull cleaning it up: stale
 * staging directories go, live and foreign ones stay, and a policy directory caught between the
 * two renames of the swap is put back before the pull reads it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pull } from './pull.js';
import { STALE_AFTER_MS, cleanStaleStaging } from './staging.js';

const work = mkdtempSync(join(tmpdir(), 'palisade-staging-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The pid of a process that has exited (a real one, so the kernel says it is gone). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  return r.pid!;
}

function dir(path: string, files: Record<string, string> = {}, ageMs = 0): string {
  mkdirSync(path, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(path, name), text);
  if (ageMs) {
    const t = new Date(Date.now() - ageMs);
    utimesSync(path, t, t);
  }
  return path;
}

describe('stale .<dir>.pull-* staging directories', () => {
  it('the next pull removes those of dead processes and old ones, and keeps live, recent and foreign ones', async () => {
    const project = dir(join(work, 'p1'));
    const src = dir(join(work, 'src1'), { 'deny.rego': 'package main\n\ndeny contains "x" if false\n' });
    const dead = deadPid();
    dir(join(project, `.policy.pull-${dead}-aB3dE9`), { 'half.rego': 'package half' });
    dir(join(project, `.policy.pull-${dead}-zzzzzz.old`));
    dir(join(project, 'policy'), { 'keep.rego': 'package keep\n' });
    // Still running (this process's parent is alive), recent: another pull at work right now.
    dir(join(project, `.policy.pull-${process.ppid}-Live01`));
    // The old name (no pid): only age tells.
    dir(join(project, '.policy.pull-Old123'), {}, STALE_AFTER_MS + 60_000);
    dir(join(project, '.policy.pull-New123'));
    // Another destination's, and a link of a staging name: none of this pull's business.
    dir(join(project, `.vendor.pull-${dead}-Other1`));
    symlinkSync(src, join(project, `.policy.pull-${dead}-Link01`));

    const r = await pull(`file::${src}`, 'policy', { cwd: project, env: {}, timeoutMs: 10_000 });
    expect(r.written).toEqual(['deny.rego']);
    expect(readdirSync(project).sort()).toEqual([`.policy.pull-${dead}-Link01`, '.policy.pull-New123', `.policy.pull-${process.ppid}-Live01`, `.vendor.pull-${dead}-Other1`, 'policy'].sort());
    expect(readdirSync(join(project, 'policy')).sort()).toEqual(['deny.rego', 'keep.rego']);
  });

  it('puts back a policy directory left as .old between the two renames, then pulls into it', async () => {
    const project = dir(join(work, 'p2'));
    const src = dir(join(work, 'src2'), { 'new.rego': 'package fresh\n' });
    const dead = deadPid();
    // Killed after `policy` → `.old` and before the staged copy took its place.
    dir(join(project, `.policy.pull-${dead}-Swap01.old`), { 'mine.rego': 'package mine\n' });
    dir(join(project, `.policy.pull-${dead}-Swap01`), { 'mine.rego': 'package mine\n', 'new.rego': 'package fresh\n' });
    expect(existsSync(join(project, 'policy'))).toBe(false);

    const r = await pull(`file::${src}`, 'policy', { cwd: project, env: {}, timeoutMs: 10_000 });
    expect(r.written).toEqual(['new.rego']);
    expect(readdirSync(project)).toEqual(['policy']);
    expect(readFileSync(join(project, 'policy', 'mine.rego'), 'utf8')).toBe('package mine\n');
  });

  it('reports what it did, and leaves a parent it cannot read alone', () => {
    const parent = dir(join(work, 'p3'));
    const dead = deadPid();
    dir(join(parent, `.policy.pull-${dead}-Abc123.old`));
    dir(join(parent, `.policy.pull-${dead}-Abc123`));
    dir(join(parent, 'policy'));
    expect(cleanStaleStaging(parent, 'policy')).toEqual({ removed: [`.policy.pull-${dead}-Abc123`, `.policy.pull-${dead}-Abc123.old`] });
    expect(cleanStaleStaging(join(work, 'absent'), 'policy')).toEqual({ removed: [] });
  });
});
