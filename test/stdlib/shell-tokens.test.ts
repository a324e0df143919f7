/**
 * `palisade.shell_tokens` (packages/stdlib/src/shell-tokens.ts) replaces
 * `regex.find_n(SHELL_TOKEN_RE, s, -1)` in palisade.lib.shell: on generated hostile scripts it must
 * return exactly what that regex call returns, in Palisade's RE2 and in the reference OPA.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../packages/engine/src/index.js';
import { SHELL_TOKEN_RE, shellTokens } from '../../packages/stdlib/src/shell-tokens.js';
import { OPA_PATH, oracleMissing } from '../differential/oracle.js';

/** Characters the grammar treats specially, their near misses, and text outside the BMP (lone surrogates too). */
const ALPHABET = [
  'a', 'b', '=', '-', '$', '(', ')', '{', '}', '#', ' ', '\t', '\n', '\r', '\f', '\v', '&', '|', ';',
  '<', '>', "'", '"', '\\', 'é', '\u00a0', '😀', '\ud800', '\udc00',
];

/** Scripts over that alphabet, fixed by seed so that every run sees the same ones. */
function samples(count: number, seed: number, valid: boolean): string[] {
  const chars = valid ? ALPHABET.filter((c) => !/^[\ud800-\udfff]$/.test(c)) : ALPHABET;
  const script = fc.array(fc.constantFrom(...chars), { maxLength: 40 }).map((cs) => cs.join(''));
  return fc.sample(script, { numRuns: count, seed });
}

const QUERY = 'x := [regex.find_n(input.re, s, -1) | some s in input.scripts]';

function mismatches(scripts: string[], expected: string[][]): { script: string; ours: string[]; regex: string[] }[] {
  return scripts
    .map((script, i) => ({ script, ours: shellTokens(script), regex: expected[i]! }))
    .filter((m) => JSON.stringify(m.ours) !== JSON.stringify(m.regex));
}

describe('palisade.shell_tokens equals regex.find_n with the token pattern', () => {
  it("in Palisade's RE2", () => {
    const scripts = samples(3000, 17, false);
    const q = new Engine().prepare(QUERY);
    if (!q.query) throw new Error(JSON.stringify(q.errors));
    const r = q.query.evaluate({ re: SHELL_TOKEN_RE, scripts }, { timeoutMs: 0 });
    expect(r.error).toBeUndefined();
    expect(mismatches(scripts, r.rows[0]!['x'] as string[][]).slice(0, 3)).toEqual([]);
  });

  const missing = oracleMissing();
  if (missing) console.log(`skipping the OPA comparison of palisade.shell_tokens: ${missing}`);
  it.skipIf(missing !== undefined)('in the reference OPA', () => {
    // Valid UTF-16 only: a lone surrogate does not survive the JSON round trip into Go unchanged.
    const scripts = samples(1000, 29, true);
    const dir = mkdtempSync(join(tmpdir(), 'palisade-shell-tokens-'));
    try {
      writeFileSync(join(dir, 'input.json'), JSON.stringify({ re: SHELL_TOKEN_RE, scripts }));
      const out = execFileSync(OPA_PATH, ['eval', '--format', 'raw', '-i', join(dir, 'input.json'), QUERY.replace('x := ', '')], { encoding: 'utf8', maxBuffer: 64 << 20 });
      expect(mismatches(scripts, JSON.parse(out) as string[][]).slice(0, 3)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
