import { describe, expect, it } from 'vitest';
import { helmTemplateOf, isCandidate, isConfigCandidate, isIgnored, parseIgnoreFile } from './files.js';
import { colorEnabled, progressEnabled } from './terminal.js';
import { envSettings, flagSettings, mergeSettings } from './settings.js';
import { parseOutputs } from './output.js';

describe('ignore files', () => {
  const rules = [
    ...parseIgnoreFile('# comment\nbuild/\n*.log\n!keep.log\n/root-only.yaml\ndocs/**/draft*.yaml\n', ''),
    ...parseIgnoreFile('local.yaml\n', 'svc'),
  ];
  it.each([
    ['build/x.yaml', true],
    ['a/build/x.yaml', true],
    ['build.yaml', false],
    ['x.log', true],
    ['keep.log', false],
    ['root-only.yaml', true],
    ['sub/root-only.yaml', false],
    ['docs/a/b/draft-1.yaml', true],
    ['svc/local.yaml', true],
    ['local.yaml', false],
  ])('%s ignored: %s', (path, expected) => {
    expect(isIgnored(path, rules)).toBe(expected);
  });

  // No timing assertion: a backtracking matcher would hang here and hit the test's timeout.
  it('matches a pathological ignore pattern against a long name in linear time', { timeout: 10_000 }, () => {
    const r = parseIgnoreFile('*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b\n', '');
    expect(isIgnored(`dir/${'a'.repeat(4_000)}.yaml`, r)).toBe(false);
    expect(isIgnored(`dir/${'a'.repeat(4_000)}b`, r)).toBe(true);
  });

  it('cannot re-include a file inside an ignored directory', () => {
    const r = parseIgnoreFile('out/\n!out/keep.yaml\n', '');
    expect(isIgnored('out/keep.yaml', r)).toBe(true);
  });

  it('keeps only files a loader recognises by name', () => {
    expect(['Dockerfile', 'a/compose.yml', 'x.json', '.dockerignore', 'README.md', 'main.rego', 'package.json', 'palisade.yaml'].filter(isCandidate)).toEqual([
      'Dockerfile',
      'a/compose.yml',
      'x.json',
      '.dockerignore',
    ]);
  });

  it('with user policies, also the configuration formats conftest parses', () => {
    expect(['main.tf', 'a/traefik.toml', 'pom.xml', '.gitignore', 'sub/x.gitignore', '.env', 'README.md', 'Dockerfile', 'package.json'].filter(isConfigCandidate)).toEqual([
      'main.tf',
      'a/traefik.toml',
      'pom.xml',
      'sub/x.gitignore',
      '.env',
      'Dockerfile',
    ]);
  });
});

describe('Helm templates', () => {
  const walked = new Set(['Chart.yaml', 'templates/a.yaml', 'sub/Chart.yaml', 'sub/templates/x/b.yaml', 'other/templates/c.yaml']);
  const tpl = 'name: {{ .Release.Name }}\n';
  it.each([
    ['templates/a.yaml', tpl, ''],
    ['sub/templates/x/b.yaml', tpl, 'sub'],
    ['templates/a.yaml', 'name: plain\n', undefined],
    ['other/templates/c.yaml', tpl, undefined],
    ['a.yaml', tpl, undefined],
  ])('%s (%j) belongs to chart %j', (rel, text, chart) => {
    expect(helmTemplateOf(rel, text, walked)).toBe(chart);
  });
});

describe('terminal', () => {
  it('resolves colour by precedence', () => {
    const tty = { isTTY: true };
    const pipe = { isTTY: false };
    expect(colorEnabled(undefined, {}, tty)).toBe(true);
    expect(colorEnabled(undefined, {}, pipe)).toBe(false);
    expect(colorEnabled(undefined, { FORCE_COLOR: '1' }, pipe)).toBe(true);
    expect(colorEnabled(undefined, { FORCE_COLOR: '0' }, tty)).toBe(false);
    expect(colorEnabled(undefined, { NO_COLOR: '1', FORCE_COLOR: '1' }, tty)).toBe(false);
    expect(colorEnabled(true, { NO_COLOR: '1' }, pipe)).toBe(true);
    expect(colorEnabled(false, { FORCE_COLOR: '1' }, tty)).toBe(false);
  });

  it('shows progress only on a terminal outside CI', () => {
    expect(progressEnabled({}, { isTTY: true })).toBe(true);
    expect(progressEnabled({ CI: 'true' }, { isTTY: true })).toBe(false);
    expect(progressEnabled({}, { isTTY: false })).toBe(false);
  });
});

describe('settings', () => {
  it('turns flags and environment into the config shape and merges by precedence', () => {
    const flags = flagSettings({ policy: ['p'], failOn: 'low', fail: true, output: ['json'], format: ['text'], jobs: '3' });
    expect(flags.errors).toEqual([]);
    expect(flags.settings).toEqual({ policy: ['p'], failOn: 'LOW', output: ['text', 'json'], jobs: 3 });
    const env = envSettings({ PALISADE_FAIL_ON: 'HIGH', PALISADE_NAMESPACE: 'a, b', PALISADE_NO_FAIL: 'yes', PALISADE_PROFILE: '' });
    expect(env.settings).toEqual({ failOn: 'HIGH', namespace: ['a', 'b'], noFail: true });
    const merged = mergeSettings(flags.settings, env.settings, { failOn: 'INFO', profile: 'all' });
    expect(merged).toMatchObject({ failOn: 'LOW', namespace: ['a', 'b'], noFail: true, profile: 'all', jobs: 3 });
    expect(flagSettings({ fail: false }).settings).toEqual({ noFail: true });
    expect(envSettings({ PALISADE_COMBINE: 'maybe' }).errors[0]).toMatch(/PALISADE_COMBINE/);
  });

  it('parses output specs', () => {
    const { outputs, errors } = parseOutputs(['text', 'sarif=out/a.sarif', 'JSON=-', 'nope', 'tap=']);
    expect(outputs.map((o) => [o.reporter.name, o.file])).toEqual([
      ['text', undefined],
      ['sarif', 'out/a.sarif'],
      ['json', undefined],
    ]);
    expect(errors).toHaveLength(2);
    expect(parseOutputs(undefined).outputs.map((o) => o.reporter.name)).toEqual(['text']);
  });
});
