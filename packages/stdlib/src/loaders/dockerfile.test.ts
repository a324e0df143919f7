import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dockerfileConftestInput, loadDockerfile, parseDockerfile } from './dockerfile.js';

const dir = fileURLToPath(new URL('./__fixtures__/dockerfile/', import.meta.url));
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.Dockerfile'));
const update = process.env.UPDATE_GOLDEN === '1';

/**
 * Golden files hold both shapes per fixture. They were generated once with UPDATE_GOLDEN=1 and
 * reviewed line by line against buildkit/Trivy/conftest behaviour (see the catalog appendix);
 * `appendix.golden.json` is the appendix's worked example, typed in from the catalog.
 */
describe('Dockerfile golden files', () => {
  it.each(fixtures)('%s', (name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    const r = parseDockerfile('Dockerfile', text);
    expect(r.errors).toEqual([]);
    const actual = JSON.stringify({ trivy: r.trivy, conftest: r.conftest }, null, 2) + '\n';
    const golden = join(dir, name.replace(/\.Dockerfile$/, '.golden.json'));
    if (update && !name.startsWith('appendix')) writeFileSync(golden, actual);
    expect(existsSync(golden), `missing ${golden}; run with UPDATE_GOLDEN=1`).toBe(true);
    expect(JSON.parse(actual)).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
  });
});

const parse = (text: string) => parseDockerfile('Dockerfile', text);
const cmds = (text: string) => parse(text).trivy!.Stages.flatMap((s) => s.Commands);

describe('Dockerfile syntax details', () => {
  it('Flags is [] with arguments but no flags, null without arguments', () => {
    const c = parse('FROM a\nUSER\n');
    expect(c.errors[0]?.message).toMatch(/USER requires exactly one argument/);
    const ok = cmds('FROM a\nRUN\nCMD x\n');
    expect(ok.map((x) => x.Flags)).toEqual([[], null, []]);
    expect(ok[1]!.Value).toBeNull();
  });

  it('continuation keeps indentation of the next line and drops blanks after the escape', () => {
    const [, run] = cmds('FROM a\nRUN echo a \\   \n    && echo b\n');
    expect(run!.Original).toBe('RUN echo a     && echo b');
    expect(run!.Value).toEqual(['echo a     && echo b']);
    expect([run!.StartLine, run!.EndLine]).toEqual([2, 3]);
  });

  it('an escape preceded by an escape does not continue the line (buildkit regex)', () => {
    const c = cmds('FROM a\nRUN echo \\\\\nUSER x\n');
    expect(c.map((x) => x.Original)).toEqual(['FROM a', 'RUN echo \\\\', 'USER x']);
  });

  it('backtick escape: backslashes are literal, backtick continues', () => {
    const c = cmds('# escape=`\nFROM a\nRUN dir C:\\ `\n  /s\n');
    expect(c[1]!.Value).toEqual(['dir C:\\   /s']);
  });

  it('parser directives only at the very top; a repeated one is an error', () => {
    expect(parse('# escape=`\n# escape=\\\nFROM a\n').errors[0]).toMatchObject({ line: 2, code: 'dockerfile_error' });
    const late = parse('FROM a\n# escape=`\nRUN a `\nUSER x\n');
    expect(late.trivy!.Stages[0]!.Commands.map((c) => c.Value)).toEqual([['a'], ['a `'], ['x']]);
    expect(parse('# escape=x\nFROM a\n').errors[0]!.message).toMatch(/invalid escape token/);
    expect(parse('# syntax=docker/dockerfile:1\n# escape=`\nFROM a\n').directives).toEqual({
      escape: '`',
      syntax: 'docker/dockerfile:1',
    });
  });

  it('stage names are matched case-insensitively in FROM ... AS', () => {
    const c = cmds('FROM a as Build\nFROM b\nCOPY --from=Build /x /y\n');
    expect(c[0]!.Value).toEqual(['a', 'as', 'Build']);
    expect(parse('FROM a AS\n').errors[0]!.message).toMatch(/one or three arguments/);
    expect(parse('FROM a BY b\n').errors[0]!.message).toMatch(/one or three arguments/);
  });

  it('unknown flags are dropped from Trivy Flags but kept in Original and in conftest', () => {
    const r = parse('FROM a\nRUN --foo=1 --network=host echo\n');
    const run = r.trivy!.Stages[0]!.Commands[1]!;
    expect(run.Flags).toEqual(['--network=host']);
    expect(run.Original).toContain('--foo=1');
    expect(r.conftest![1]!.Flags).toEqual(['--foo=1', '--network=host']);
  });

  it('JSON arrays must hold strings; other JSON-looking text is shell form', () => {
    expect(parse('FROM a\nCMD ["a", 1]\n').errors[0]!.message).toMatch(/strings only/);
    const c = cmds('FROM a\nCMD [not json\nENTRYPOINT []\n');
    expect(c[1]).toMatchObject({ JSON: false, Value: ['[not json'] });
    expect(c[2]).toMatchObject({ JSON: true, Value: null });
  });

  it('malformed files give a LoadError with a line, never an exception', () => {
    const cases: [string, number, RegExp][] = [
      ['FROM a\nRUN <<EOF\necho\n', 2, /unterminated heredoc/],
      ['FROM a\nFOO bar\n', 2, /unknown instruction: FOO/],
      ['FROM a\nCOPY x\n', 2, /at least two arguments/],
      ['FROM a\nENV A=1 B\n', 2, /can't find =/],
      ['FROM a\nENV LONELY\n', 2, /must have two arguments/],
      ['FROM a\nSHELL /bin/sh -c\n', 2, /JSON form/],
      ['FROM a\nHEALTHCHECK CHECK x\n', 2, /Unknown type/],
      ['FROM a\nONBUILD FROM b\n', 2, /isn't allowed as an ONBUILD trigger/],
      ['# only a comment\n\n', 2, /no instructions/],
      ['', 1, /no instructions/],
    ];
    for (const [text, line, re] of cases) {
      const r = loadDockerfile('Dockerfile', text);
      expect(r.documents, text).toEqual([]);
      expect(r.errors[0]!.line, text).toBe(line);
      expect(r.errors[0]!.message, text).toMatch(re);
      expect(r.errors[0]!.path).toBe('Dockerfile');
    }
  });

  it('BOM at the start is ignored', () => {
    expect(cmds('\ufeffFROM a\n')[0]!.Value).toEqual(['a']);
  });
});

describe('Dockerfile document and source map', () => {
  const text = readFileSync(join(dir, 'appendix.Dockerfile'), 'utf8');
  const doc = loadDockerfile('Dockerfile', text).documents[0]!;
  const value = doc.value as { Stages: { Commands: { Value: string[] }[] }[] };

  it('maps Trivy paths and command objects to lines', () => {
    expect(doc.kind).toBe('dockerfile');
    expect(doc.range).toEqual({ startLine: 1, endLine: 15 });
    expect(doc.sourceMap.rangeOfPath(['Stages', 1, 'Commands', 3])).toEqual({ startLine: 6, endLine: 7 });
    expect(doc.sourceMap.rangeOfPath(['Stages', 1, 'Commands', 3, 'Value', 0])).toEqual({ startLine: 6, endLine: 7 });
    expect(doc.sourceMap.rangeOfPath(['Stages', 2])).toEqual({ startLine: 9, endLine: 15 });
    const user = value.Stages[2]!.Commands[2]!;
    expect(doc.sourceMap.rangeOfValue(user)).toEqual({ startLine: 11, endLine: 11 });
    expect(doc.sourceMap.rangeOfValue(user.Value)).toEqual({ startLine: 11, endLine: 11 });
    expect(doc.sourceMap.pathOfValue(user)).toEqual(['Stages', 2, 'Commands', 2]);
  });

  it('conftest shape shares the source map (by index and by identity)', () => {
    const flat = dockerfileConftestInput(doc);
    expect(flat[1]).toEqual({ Cmd: 'comment', SubCmd: '', JSON: false, Flags: null, Value: ['build stage'], Stage: 0 });
    expect(doc.sourceMap.rangeOfPath([5])).toEqual({ startLine: 6, endLine: 7 });
    expect(doc.sourceMap.rangeOfValue(flat[7])).toEqual({ startLine: 10, endLine: 10 });
    expect(doc.sourceMap.pathOfValue(flat[7])).toEqual([7]);
  });

  it('conftest shape can be derived from a bare Trivy value', () => {
    const copy = JSON.parse(JSON.stringify(doc.value));
    const flat = dockerfileConftestInput(copy);
    expect(flat.map((c) => c.Cmd)).toEqual(['arg', 'from', 'workdir', 'copy', 'run', 'from', 'copy', 'user', 'expose', 'env', 'healthcheck', 'entrypoint']);
  });
});
