import { describe, expect, it } from 'vitest';
import { Engine } from '../api.js';
import type { Diagnostic } from '../errors.js';

function errors(...sources: string[]): Diagnostic[] {
  const e = new Engine();
  const parse = sources.flatMap((src, i) => e.addModule(`m${i}.rego`, src));
  return parse.length ? parse : e.compile();
}

const brief = (ds: Diagnostic[]) => ds.map((d) => `${d.code} ${d.location?.file}:${d.location?.row}: ${d.message}`).sort();

describe('collect-rules conflicts (OPA codes and messages)', () => {
  it('reports every default of a rule once, at the package clause', () => {
    expect(brief(errors('package t\n\ndefault p := 1\ndefault p := 2\ndefault p := 3\n'))).toEqual([
      'rego_type_error m0.rego:1: multiple default rules data.t.p found at m0.rego:3, m0.rego:4, m0.rego:5',
    ]);
    expect(brief(errors('package t\n\ndefault p := 1\n', 'package t\n\ndefault p := 2\n'))).toEqual([
      'rego_type_error m0.rego:1: multiple default rules data.t.p found at m0.rego:3, m1.rego:3',
    ]);
  });

  it('reports conflicting kinds and function arities as conflicting rules', () => {
    // As OPA: once per path, at the path's first rule.
    expect(brief(errors('package t\n\ns contains 1\ns := 2\ns := 3\n'))).toEqual(['rego_type_error m0.rego:3: conflicting rules data.t.s found']);
    expect(brief(errors('package t\n\ndefault s := ""\ns contains ""\n'))).toEqual(['rego_type_error m0.rego:3: conflicting rules data.t.s found']);
    expect(brief(errors('package t\n\nf(x) := 1\nf(x, y) := 2\n'))).toEqual(['rego_type_error m0.rego:3: conflicting rules data.t.f found']);
    // A default goes with complete rules only (not with partial sets or objects).
    expect(brief(errors('package t\n\ns contains ""\ndefault s := 0\n'))).toEqual(['rego_type_error m0.rego:3: conflicting rules data.t.s found']);
    expect(brief(errors('package t\n\no[k] := 1 if some k in ["a"]\ndefault o := {}\n'))).toEqual(['rego_type_error m0.rego:3: conflicting rules data.t.o found']);
  });

  it('rejects rules below a rule whose document is one value', () => {
    expect(brief(errors('package t\n\np := 1\np.b := 2\np.a.c := 3\n'))).toEqual(['rego_type_error m0.rego:3: rule data.t.p conflicts with [data.t.p.a.c data.t.p.b]']);
    expect(brief(errors('package t\n\ns contains 1\ns.a := 2\n'))).toEqual(['rego_type_error m0.rego:3: rule data.t.s conflicts with [data.t.s.a]']);
    expect(brief(errors('package t\n\nf(x) := 1\nf.a := 2\n'))).toEqual(['rego_type_error m0.rego:3: rule data.t.f conflicts with [data.t.f.a]']);
    // The nested conflict is the one reported, not the defaults.
    expect(brief(errors('package t\n\ndefault p := 1\np.b := 2\ndefault p := 3\n'))).toEqual(['rego_type_error m0.rego:3: rule data.t.p conflicts with [data.t.p.b]']);
  });

  it('accepts rules below a partial object (dynamic keys)', () => {
    expect(errors('package t\n\no[k] := 1 if some k in ["a"]\no.b := 2\n')).toEqual([]);
    expect(errors('package t\n\np.q[x] := 1 if some x in ["a"]\np.q.r := 2\n')).toEqual([]);
  });

  it('rejects a package named like a rule of its parent package', () => {
    expect(brief(errors('package t\n\ns := 1\n', 'package t.s\n\nq := 2\n'))).toEqual([
      'rego_type_error m0.rego:1: package t.s conflicts with rule s defined at m0.rego:3',
      'rego_type_error m0.rego:3: rule data.t.s conflicts with [data.t.s.q]',
    ]);
    expect(brief(errors('package t\n\ns := 1\n', 'package t.s\n'))).toEqual(['rego_type_error m0.rego:1: package t.s conflicts with rule s defined at m0.rego:3']);
    expect(errors('package t\n\ns.x := 1\n', 'package t.s\n')).toEqual([]);
  });
});
