import { describe, expect, it } from 'vitest';
import { clipLine, fit, fitStart, location, resourceLabel, sanitize, truncate, truncateStart, wrap } from './format.js';

describe('sanitize', () => {
  it('makes escape sequences from scanned files visible instead of executing them', () => {
    expect(sanitize('a\x1b[31mred\x1b[0m')).toBe('a\\x1b[31mred\\x1b[0m');
    expect(sanitize('bell\x07 del\x7f c1\x9b')).toBe('bell\\x07 del\\x7f c1\\x9b');
  });
  it('expands tabs to the next multiple of four columns', () => {
    expect(sanitize('\tx')).toBe('    x');
    expect(sanitize('ab\tx')).toBe('ab  x');
  });
  it('keeps ordinary text, including non-ASCII', () => {
    expect(sanitize('naïve — ok')).toBe('naïve — ok');
  });
});

describe('truncate / fit', () => {
  it('cuts with an ellipsis only when needed', () => {
    expect(truncate('abcdef', 6)).toBe('abcdef');
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abcdef', 1)).toBe('…');
    expect(truncate('abcdef', 0)).toBe('');
  });
  it('cuts paths at the front', () => {
    expect(truncateStart('k8s/deployment.yaml:21', 12)).toBe('…ent.yaml:21');
    expect(truncateStart('short', 12)).toBe('short');
  });
  it('pads to the exact width on either side', () => {
    expect(fit('ab', 4)).toBe('ab  ');
    expect(fitStart('7', 3)).toBe('  7');
    expect(fit('abcdef', 3)).toBe('ab…');
  });
});

describe('wrap', () => {
  it('breaks at spaces and never exceeds the width', () => {
    const text = 'Container api of Deployment prod/api runs privileged, which gives it every capability';
    const lines = wrap(text, 20);
    expect(lines.every((l) => l.length <= 20)).toBe(true);
    expect(lines.join(' ')).toBe(text);
  });
  it('splits words longer than a line and keeps newlines', () => {
    expect(wrap('aaaaaaaaaa bb', 4)).toEqual(['aaaa', 'aaaa', 'aa', 'bb']);
    expect(wrap('one\ntwo', 10)).toEqual(['one', 'two']);
    expect(wrap('', 10)).toEqual(['']);
  });
});

describe('labels', () => {
  it('formats locations and resources', () => {
    expect(location({ file: 'Dockerfile', startLine: 3, endLine: 3 })).toBe('Dockerfile:3');
    expect(location({ file: 'a.yaml', startLine: 3, endLine: 5 })).toBe('a.yaml:3-5');
    expect(location({ file: 'a.yaml', startLine: 0, endLine: 0 })).toBe('a.yaml');
    expect(resourceLabel({ kind: 'Pod', namespace: 'ns', name: 'p' })).toBe('Pod ns/p');
    expect(resourceLabel({ stage: 'build' })).toBe('stage build');
    expect(resourceLabel(undefined)).toBe('');
  });
  it('clips styled lines and keeps each part\'s style', () => {
    const clipped = clipLine([{ text: 'abc', bold: true }, { text: 'defgh', color: 'red' }], 6);
    expect(clipped).toEqual([{ text: 'abc', bold: true }, { text: 'de…', color: 'red' }]);
  });
});
