import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkTree } from './walk-tree.js';

function tree(): { root: string; outside: string } {
  const base = mkdtempSync(join(tmpdir(), 'palisade-walk-'));
  const root = join(base, 'repo');
  const outside = join(base, 'outside');
  mkdirSync(join(root, 'sub/deep'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.rego'), 'package evil\n');
  writeFileSync(join(root, 'Dockerfile'), 'FROM alpine\n');
  writeFileSync(join(root, 'sub/deep/a.yaml'), 'a: 1\n');
  return { root, outside };
}

const rels = (xs: { rel: string }[]) => xs.map((x) => x.rel);

describe('walkTree on hostile trees', () => {
  it('ends on link loops and follows no link out of the root, naming each skip', () => {
    const { root, outside } = tree();
    symlinkSync('.', join(root, 'self'));
    symlinkSync('..', join(root, 'sub/up'));
    symlinkSync('../..', join(root, 'sub/deep/upup'));
    symlinkSync(outside, join(root, 'ext'));
    symlinkSync(join(outside, 'secret.rego'), join(root, 'secret.rego'));
    symlinkSync('missing', join(root, 'broken.yaml'));
    symlinkSync('sub/deep/a.yaml', join(root, 'alias.yaml'));
    const w = walkTree(root);
    expect(rels(w.files)).toEqual(['Dockerfile', 'sub/deep/a.yaml']);
    expect(w.errors).toEqual([]);
    const why = Object.fromEntries(w.skipped.map((s) => [s.rel, s.reason]));
    expect(Object.keys(why).sort()).toEqual(['alias.yaml', 'broken.yaml', 'ext', 'secret.rego', 'self', 'sub/deep/upup', 'sub/up'].sort());
    expect(why['ext']).toMatch(/outside/);
    expect(why['secret.rego']).toMatch(/outside/);
    expect(why['self']).toMatch(/directory, not followed/);
    expect(why['broken.yaml']).toMatch(/broken symbolic link/);
    expect(why['alias.yaml']).toMatch(/scanned at its own path/);
  });

  it('follows a link to a file inside the root that is not walked otherwise', () => {
    const { root } = tree();
    mkdirSync(join(root, 'node_modules'));
    writeFileSync(join(root, 'node_modules/x.yaml'), 'x: 1\n');
    symlinkSync('node_modules/x.yaml', join(root, 'x.yaml'));
    expect(rels(walkTree(root).files)).toEqual(['Dockerfile', 'sub/deep/a.yaml', 'x.yaml']);
  });

  it('names FIFOs and never opens them', () => {
    const { root } = tree();
    execFileSync('mkfifo', [join(root, 'pipe.yaml')]);
    const w = walkTree(root);
    expect(rels(w.files)).not.toContain('pipe.yaml');
    expect(w.skipped).toContainEqual(expect.objectContaining({ rel: 'pipe.yaml', reason: 'not a regular file' }));
  });

  it('reports an unreadable directory as an error for its path and walks the rest', (ctx) => {
    if (process.getuid?.() === 0) {
      console.log('skipped: running as root, where directories are readable whatever their mode');
      ctx.skip();
    }
    const { root } = tree();
    mkdirSync(join(root, 'locked'));
    writeFileSync(join(root, 'locked/Dockerfile'), 'FROM x\n');
    chmodSync(join(root, 'locked'), 0);
    try {
      const w = walkTree(root);
      expect(rels(w.files)).toEqual(['Dockerfile', 'sub/deep/a.yaml']);
      expect(w.errors).toEqual([expect.objectContaining({ rel: 'locked', message: 'cannot read directory: EACCES' })]);
    } finally {
      chmodSync(join(root, 'locked'), 0o755);
    }
  });
});
