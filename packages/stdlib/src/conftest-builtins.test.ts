import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '@palisade/engine';
import { describe, expect, it } from 'vitest';
import { stdlibBuiltins } from './index.js';

/** Evaluates `x := <expr>` in a module written at `dir/policy/p.rego` (file builtins resolve against it). */
function evalIn(dir: string, expr: string, strict = true): { value?: unknown; error?: string } {
  const file = join(dir, 'policy', 'p.rego');
  const engine = new Engine({ builtins: stdlibBuiltins });
  const src = `package t\nimport rego.v1\nx := ${expr}\n`;
  writeFileSync(file, src);
  expect(engine.addModule(file, src)).toEqual([]);
  expect(engine.compile()).toEqual([]);
  const q = engine.prepare('v := data.t.x').query!;
  const r = q.evaluate(undefined, { strictBuiltinErrors: strict });
  if (r.error) return { error: r.error.message };
  return { value: r.rows[0]?.['v'] };
}

function fixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'palisade-pcf-'));
  mkdirSync(join(dir, 'policy'));
  writeFileSync(join(dir, 'policy', 'a.yaml'), 'kind: A\n');
  writeFileSync(join(dir, 'policy', 'b.yaml'), 'kind: B1\n---\nkind: B2\n');
  writeFileSync(join(dir, 'policy', 'main.tf'), 'resource "x" "y" {\n  n = 1\n}\n');
  writeFileSync(join(dir, 'secret.txt'), 'top: secret\n');
  return dir;
}

const valueOf = (r: { value?: unknown; error?: string }) => {
  expect(r.error).toBeUndefined();
  return r.value;
};

describe('conftest builtins', () => {
  const dir = fixture();

  it('parse_config parses text with the named parser', () => {
    expect(valueOf(evalIn(dir, 'parse_config("ini", "[s]\\nport = 80\\n")'))).toEqual({ s: { port: 80 } });
    expect(valueOf(evalIn(dir, 'parse_config("hcl2", "a = 1")'))).toEqual({ a: 1 });
    expect(valueOf(evalIn(dir, 'parse_config("yaml", "a: 1\\n---\\nb: 2\\n")'))).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('parse_config errors name the parser problem; unknown parsers are errors', () => {
    expect(evalIn(dir, 'parse_config("toml", "a = [")').error).toMatch(/parse_config: .*toml/);
    expect(evalIn(dir, 'parse_config("nope", "")').error).toMatch(/unknown parser "nope"/);
  });

  it('parse_config_file reads relative to the calling policy, kind by file name', () => {
    expect(valueOf(evalIn(dir, 'parse_config_file("main.tf")'))).toEqual({ resource: { x: { y: [{ n: 1 }] } } });
    expect(valueOf(evalIn(dir, 'parse_config_file("a.yaml")'))).toEqual({ kind: 'A' });
  });

  it('parse_combined_config_files gives one {path, contents} per document, sorted by path', () => {
    const v = valueOf(evalIn(dir, 'parse_combined_config_files(["b.yaml", "a.yaml"])')) as { path: string; contents: unknown }[];
    expect(v.map((e) => e.contents)).toEqual([{ kind: 'A' }, { kind: 'B1' }, { kind: 'B2' }]);
    expect(v[0]!.path).toBe(join(dir, 'policy', 'a.yaml'));
  });

  it('never reads outside the calling policy file’s directory (.., absolute paths, symbolic links)', () => {
    symlinkSync(join(dir, 'secret.txt'), join(dir, 'policy', 'link.yaml'));
    for (const p of ['../secret.txt', join(dir, 'secret.txt'), 'link.yaml']) {
      expect(evalIn(dir, `parse_config_file(${JSON.stringify(p)})`).error).toMatch(/outside the directory of the calling policy/);
    }
    expect(evalIn(dir, 'parse_config_file("missing.yaml")').error).toMatch(/cannot read .*ENOENT/);
  });
});
