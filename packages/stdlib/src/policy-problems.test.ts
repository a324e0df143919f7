import { describe, expect, it } from 'vitest';
import { createScanner } from './scan.js';

const scanner = (source: string, opts: { namespaces?: string[]; allNamespaces?: boolean; stdlib?: boolean } = {}) =>
  createScanner({ policies: [{ file: 'p.rego', source }], stdlib: false, ...opts });

describe('policy sets that would check nothing', () => {
  it('reports check-named rules of shapes the scanner does not read, with the v1 fix', () => {
    // `deny[msg] if` is refused by the parser already (as OPA does), with the same advice.
    const v0 = scanner('package main\ndeny[msg] if { msg := "a" }\n');
    expect(v0.scanner).toBeUndefined();
    expect(v0.errors.map((e) => [e.location?.row, e.message])).toEqual([[2, expect.stringContaining('write `deny contains … if`')]]);
    const { scanner: s, errors } = scanner('package main\ndeny[msg] := 1 if { msg := "a" }\nwarn.sub contains "b" if { true }\nviolation(x) := x if { true }\n');
    expect(s).toBeUndefined();
    expect(errors.map((e) => [e.location?.row, e.message])).toEqual([
      [2, 'policy rule "deny[msg]" defines an object in Rego v1 ("deny[msg] if" is Rego v0 syntax for a set), so the scanner takes no findings from it; write "deny contains msg if { … }"'],
      [3, 'policy rule "warn.sub" nests a rule under "warn", which the scanner does not read as a check; write "warn contains msg if { … }"'],
      [4, 'policy rule "violation" is a function here, so the scanner cannot run it as a check; rename it, or make it a set: "violation contains msg if { … }"'],
    ]);
    expect(errors.every((e) => e.location?.file === 'p.rego')).toBe(true);
  });

  it('accepts the shapes it reads, and helpers whose names only start like a check', () => {
    const src = 'package main\ndeny contains "a" if { true }\nwarn := "b"\nviolation_x contains {"msg": "c"} if { true }\ndenylist[x] := 1 if { x := "k" }\n';
    const { scanner: s, errors } = scanner(src);
    expect(errors).toEqual([]);
    expect(s!.policies.map((p) => p.rules.map((r) => r.name))).toEqual([['deny', 'violation_x', 'warn']]);
  });

  it('a namespace selection that matches none of the user packages is an error naming both', () => {
    const src = 'package team.docker\ndeny contains "a" if { true }\n';
    expect(scanner(src).errors.map((e) => e.message)).toEqual([
      'no policy package matches namespace "main" (the default); the policies define team.docker: pass --namespace team.docker (repeatable, globs) or --all-namespaces',
    ]);
    expect(scanner(src, { namespaces: ['other', 'x.*'] }).errors[0]!.message).toMatch(/^no policy package matches namespace "other", "x\.\*"; the policies define team\.docker/);
    expect(scanner(src, { namespaces: ['team.*'] }).errors).toEqual([]);
    expect(scanner(src, { allNamespaces: true }).errors).toEqual([]);
  });

  it('user modules with no check at all are an error only when they are the whole policy set', () => {
    expect(scanner('package lib\nhelper := 1\n').errors.map((e) => e.message)).toEqual([
      'no policies: p.rego defines no deny, warn or violation rules (e.g. "deny contains msg if { … }")',
    ]);
  });
});
