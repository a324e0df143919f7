import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_YAML_ALIASES } from '@palisade/engine';
import { DATA_PATH_EXTENSIONS, expandDataPaths, parseDataText, readDataFile } from './data-files.js';

const work = mkdtempSync(join(tmpdir(), 'palisade-data-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the -d data reader', () => {
  it('parses JSON exactly and YAML, an empty document as no value', () => {
    expect(parseDataText('a.json', '{"n": 12345678901234567890}').value).toEqual({ n: 12345678901234567890n });
    expect(parseDataText('a.yaml', 'x: [1, 2]\n').value).toEqual({ x: [1, 2] });
    expect(parseDataText('a.yaml', '').value).toBeUndefined();
    expect(parseDataText('a.json', 'null').value).toBeUndefined();
  });

  it('reports a parse error as a palisade_input_error naming the file', () => {
    const { error } = parseDataText('pol/a.json', '{"x": ');
    expect(error?.code).toBe('palisade_input_error');
    expect(error?.message).toMatch(/^pol\/a\.json: invalid JSON: /);
    expect(parseDataText('pol/b.yaml', 'a: [1\n').error?.message).toMatch(/^pol\/b\.yaml: invalid YAML: /);
  });

  it('refuses a YAML alias bomb beyond MAX_YAML_ALIASES instead of expanding it', () => {
    const refs = Array.from({ length: MAX_YAML_ALIASES + 1 }, () => '*a').join(', ');
    expect(parseDataText('bomb.yaml', `x: &a [1]\ny: [${refs}]\n`).error?.message).toMatch(/^bomb\.yaml: invalid YAML: .*alias/i);
  });

  it('reports a missing file with the same code', () => {
    expect(readDataFile(join(work, 'nope.json'), 'nope.json').error).toEqual({ code: 'palisade_input_error', message: 'nope.json: no such file or directory' });
  });

  it('places data found in a directory at its directory path, a file named directly at the root', () => {
    mkdirSync(join(work, 'pol/k8s'), { recursive: true });
    writeFileSync(join(work, 'pol/k8s/data.json'), '{}');
    writeFileSync(join(work, 'pol/top.yaml'), 'a: 1\n');
    writeFileSync(join(work, 'pol/notes.txt'), 'x');
    const found = expandDataPaths([join(work, 'pol'), join(work, 'pol/top.yaml')], DATA_PATH_EXTENSIONS);
    expect(found.map((f) => [f.file.slice(work.length + 1), f.at])).toEqual([
      ['pol/k8s/data.json', ['k8s']],
      ['pol/top.yaml', []],
      ['pol/top.yaml', []],
    ]);
  });
});
