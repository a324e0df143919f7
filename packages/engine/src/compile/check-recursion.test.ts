import { describe, expect, it } from 'vitest';
import { Engine } from '../api.js';

function recursion(src: string): string[] {
  const e = new Engine();
  const parse = e.addModule('m.rego', src);
  const errs = parse.length ? parse : e.compile();
  return errs.map((d) => `${d.code} ${d.location?.row}: ${d.message}`).sort();
}

describe('check-recursion (OPA: one error per definition on a cycle)', () => {
  it('reports every rule of a cycle with its own path', () => {
    expect(recursion('package t\n\np := 1 if q\n\nq if p\n')).toEqual([
      'rego_recursion_error 3: rule data.t.p is recursive: data.t.p -> data.t.q -> data.t.p',
      'rego_recursion_error 5: rule data.t.q is recursive: data.t.q -> data.t.p -> data.t.q',
    ]);
  });
  it('reports each definition and else clause that lies on the cycle, not the others', () => {
    expect(recursion('package t\n\np if q\nq if p\nq := true\n')).toHaveLength(2);
    expect(recursion('package t\n\np if q\nq if p\nq if p\n')).toHaveLength(3);
    expect(recursion('package t\n\np := 1 if false else := 2 if q\nq if p\n')).toHaveLength(2);
    expect(recursion('package t\n\ndefault p := 1\np := 2 if q\nq if p\n')).toHaveLength(2);
  });
  it('counts a with target as a reference to the rules it replaces', () => {
    expect(recursion('package t\n\nq := 0 if { true with data.t.q as 0 }\n')).toEqual(['rego_recursion_error 3: rule data.t.q is recursive: data.t.q -> data.t.q']);
    expect(recursion('package t\n\nq := [1 | true with data.t.q as 0]\n')).toHaveLength(1);
    expect(recursion('package t\n\nr := 1\nq := 0 if { true with data.t.r as 0 }\n')).toEqual([]);
  });
  it('counts a ref with a variable segment as a reference to every rule below its constant prefix', () => {
    expect(recursion('package t\n\np if { some k; data.t[k] }\n')).toEqual(['rego_recursion_error 3: rule data.t.p is recursive: data.t.p -> data.t.p']);
    expect(recursion('package t\n\nr.a := r[a] if { a := "" }\n')).toHaveLength(1);
    expect(recursion('package t\n\nr.a := 1\nq if { some k; r[k] }\n')).toEqual([]);
  });
});
