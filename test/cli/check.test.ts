import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, palisade } from './toolchain-helpers.js';

beforeAll(() => ensureBuilt(), 300_000);

describe('palisade check', () => {
  it('passes valid policies', () => {
    const r = palisade(['check', 'passing']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('2 files checked, no errors\n');
  });

  it('reports parse, compile and METADATA errors of all files at once, with frames', () => {
    const r = palisade(['check', 'broken', 'meta']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^4 errors occurred:\n/);
    expect(r.stderr).toContain('broken/bad.rego:3:6: rego_parse_error');
    expect(r.stderr).toContain('broken/bad.rego:7:3: rego_parse_error: `if` is required before a rule body in Rego v1');
    expect(r.stderr).toContain('broken/compile.rego:4:2: rego_unsafe_var_error: var y is unsafe\n  3 | r if {\n> 4 |     y == 1\n    |     ^');
    expect(r.stderr).toContain("meta/invalid.rego:3:1: rego_parse_error: annotation scope 'package' must be applied to package (have rule)");
  });

  it('rejects calls to builtins OPA deprecated before 1.0, as OPA 1.x does, but not functions of the same name', () => {
    const r = palisade(['check', 'deprecated']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^2 errors occurred:\n/);
    expect(r.stderr).toContain('deprecated/calls.rego:3:6: rego_type_error: deprecated built-in function calls in expression: any');
    expect(r.stderr).toContain('deprecated/calls.rego:5:6: rego_type_error: deprecated built-in function calls in expression: re_match');
  });

  it('--strict adds unused imports and assignments, unknown METADATA keys', () => {
    expect(palisade(['check', 'strict']).code).toBe(0);
    const r = palisade(['check', '--strict', 'strict', 'meta/scoped.rego']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('strict/lint.rego:3:1: rego_compile_error: import data.unused_lib unused');
    expect(r.stderr).toContain('strict/lint.rego:7:2: rego_compile_error: assigned var x unused');
    expect(r.stderr).toContain('meta/scoped.rego:8:1: rego_parse_error: unknown METADATA key `titel`');
    expect(r.stderr).not.toContain('import data.used_lib unused');
  });

  it('--format json lists every error with its position', () => {
    const r = palisade(['check', '--format', 'json', 'broken/compile.rego']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({
      files: 1,
      errors: [{ code: 'rego_unsafe_var_error', message: 'var y is unsafe', file: 'broken/compile.rego', row: 4, col: 2 }],
    });
  });

  it('check, inspect and test reject an unknown --format with exit 2', () => {
    for (const cmd of ['check', 'inspect', 'test']) {
      const r = palisade([cmd, '--format', 'xml', 'passing']);
      expect([cmd, r.code, r.stderr]).toEqual([cmd, 2, 'error: unknown format "xml" (use text or json)\n']);
    }
  });

  it('names a missing path', () => {
    const r = palisade(['check', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope: no such file or directory');
  });
});
