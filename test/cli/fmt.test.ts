import { chmodSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, ensureBuilt, palisade } from './toolchain-helpers.js';

beforeAll(() => ensureBuilt(), 300_000);

const FORMATTED = `package messy

import data.a
import data.b

allow if {
\tinput.x == 1
\tinput.y == [1, 2, 3]
}

deny contains "no" if {
\tnot allow # trailing comment
}
`;

describe('palisade fmt', () => {
  it('prints the formatted file', () => {
    const r = palisade(['fmt', 'unformatted/messy.rego']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(FORMATTED);
  });

  it('formats stdin', () => {
    const r = palisade(['fmt'], { input: 'package p\nx:=1\n' });
    expect(r.stdout).toBe('package p\n\nx := 1\n');
  });

  it('--check exits 1 and names nothing on stdout; formatted files pass', () => {
    const bad = palisade(['fmt', '--check', 'unformatted']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('1 file would be reformatted');
    const dir = copyFixture('unformatted');
    expect(palisade(['fmt', '-w', dir]).code).toBe(0);
    expect(readFileSync(join(dir, 'messy.rego'), 'utf8')).toBe(FORMATTED);
    expect(palisade(['fmt', '--check', dir]).code).toBe(0);
  });

  it('-l lists files that would change, -d shows a unified diff', () => {
    expect(palisade(['fmt', '-l', 'unformatted', 'passing']).stdout).toBe('unformatted/messy.rego\n');
    const d = palisade(['fmt', '-d', 'unformatted']);
    expect(d.stdout).toContain('--- a/unformatted/messy.rego\n+++ b/unformatted/messy.rego\n@@ -1,7 +1,13 @@\n-package   messy\n');
    expect(d.stdout).toContain('+\tinput.y == [1, 2, 3]\n');
  });

  it('refuses files that do not parse, with frames, exit 2', () => {
    const r = palisade(['fmt', 'broken/bad.rego']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('broken/bad.rego:3:6: rego_parse_error: did you mean');
  });

  it('-w replaces a file atomically: its mode is kept, a symlink keeps pointing at the rewritten target, no temporary file is left', () => {
    const dir = copyFixture('unformatted');
    const file = join(dir, 'messy.rego');
    chmodSync(file, 0o600);
    symlinkSync(file, join(dir, 'link.rego'));
    const r = palisade(['fmt', '-w', join(dir, 'link.rego')]);
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(join(dir, 'link.rego')).isSymbolicLink()).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(FORMATTED);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
