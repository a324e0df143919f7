import { describe, expect, it } from 'vitest';
import { compileGlob, matchGlob } from './scan-glob.js';

describe('glob matching', () => {
  it.each([
    ['*.yaml', 'a.yaml', 'path', true],
    ['*.yaml', 'a/b.yaml', 'path', true], // base name, gitignore-like
    ['k8s/*.yaml', 'k8s/x/a.yaml', 'path', false],
    ['k8s/**/*.yaml', 'k8s/a.yaml', 'path', true],
    ['k8s/**/*.yaml', 'k8s/x/y/a.yaml', 'path', true],
    ['k8s/**', 'k8s/x/y', 'path', true],
    ['**/build', 'build', 'path', true],
    ['**/build', 'a/b/build', 'path', true],
    ['**/build', 'a/xbuild', 'path', false],
    ['a?c', 'abc', 'path', true],
    ['a?c', 'a/c', 'path', false],
    ['{a,b{c,d}}.yaml', 'bd.yaml', 'path', true],
    ['{a,b{c,d}}.yaml', 'b.yaml', 'path', false],
    ['{a,b', 'b', 'path', true], // an unclosed group runs to the end
    ['a}', 'a}', 'path', true],
    ['palisade.kubernetes.*', 'palisade.kubernetes.x.y', 'name', true],
    ['KW-?', 'KW-/', 'name', true],
    ['main', 'main_x', 'name', false],
    ['', '', 'name', true],
  ] as const)('%s vs %s (%s): %s', (glob, value, kind, expected) => {
    expect(matchGlob(glob, value, kind)).toBe(expected);
  });

  it('takes `\\` as an escape', () => {
    expect(compileGlob('\\*.yaml', 'path').test('*.yaml')).toBe(true);
    expect(compileGlob('\\*.yaml', 'path').test('x.yaml')).toBe(false);
  });

  it('folds case when asked', () => {
    expect(matchGlob('kw-*', 'KW-12', 'name', true)).toBe(true);
    expect(matchGlob('kw-*', 'KW-12', 'name')).toBe(false);
  });

  // A backtracking RegExp takes exponential time here (a 40-character name took minutes); the
  // NFA's work is bounded by name length × glob length, so this ends at once. No timing assertion:
  // a regression shows up as the test's timeout.
  it('matches pathological globs in linear time', { timeout: 10_000 }, () => {
    const glob = '*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b';
    const name = 'a'.repeat(5_000);
    expect(compileGlob(glob, 'path').test(name)).toBe(false);
    expect(compileGlob(glob, 'name').test(name)).toBe(false);
    expect(compileGlob(`**/${glob}`, 'path').test(`${'a/'.repeat(1_000)}${name}`)).toBe(false);
    expect(compileGlob(glob, 'path').test(`${name}b`)).toBe(true);
    // Groups nested past 32 levels are literal text rather than a deep recursion.
    expect(compileGlob('{'.repeat(2_000) + 'a', 'path').test('{'.repeat(2_000 - 32) + 'a')).toBe(true);
  });
});
