import { describe, expect, it } from 'vitest';
import { Engine } from '@palisade/engine';
import { strictChecks } from './strict.js';

function strict(source: string): string[] {
  const e = new Engine();
  expect(e.addModule('p.rego', source)).toEqual([]);
  return strictChecks(e.modules(), e.annotations()).map((d) => `${d.location?.row}:${d.location?.col} ${d.code}: ${d.message}`);
}

describe('strictChecks', () => {
  it('reports unused := assignments and unused imports', () => {
    expect(strict('package p\nimport rego.v1\nimport data.lib\n\nallow if {\n\ta := 1\n\tb := a\n\tinput.x == 1\n}\n')).toEqual([
      '3:1 rego_compile_error: import data.lib unused',
      '7:2 rego_compile_error: assigned var b unused',
    ]);
  });

  it('reports function arguments used nowhere in the function, its value or its else branches', () => {
    const src = [
      'package p',
      'import rego.v1',
      'f(x, y) if {', // 3: y unused
      '\tinput.a == x',
      '} else := false if {',
      '\tinput.a == 1',
      '}',
      'g(x, y, z) if {', // 8: y and z used in else branches
      '\tinput.a == x',
      '} else if {',
      '\tinput.a == y',
      '} else if {',
      '\tinput.a == z',
      '}',
      'h(x, _) := x', // 15: wildcard and value use are fine
      'k({"a": v}, w) := w', // 16: v unused
    ].join('\n');
    expect(strict(src)).toEqual([
      '3:6 rego_compile_error: unused argument y. (hint: use _ (wildcard variable) instead)',
      '16:9 rego_compile_error: unused argument v. (hint: use _ (wildcard variable) instead)',
    ]);
  });

  it('counts a variable used only in a template string\'s `with` modifier as used (the one AST visitor reaches it)', () => {
    const src = 'package p\n\nq := input.a\n\np := s if {\n\tx := 1\n\ts := $"{q with input.a as x}"\n}\n';
    expect(strict(src)).toEqual([]);
    expect(strict(src.replace('as x}', 'as 2}'))).toEqual(['6:2 rego_compile_error: assigned var x unused']);
  });
});
