import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { astFingerprint, formatModule, formatSource } from './format.js';
import { parseModule } from './parse.js';

const root = resolve(fileURLToPath(new URL('../../../..', import.meta.url)));
const suite = resolve(root, '../shared/conformance/opa-v1');
const stdlib = join(root, 'packages/stdlib/policies');

function files(dir: string, re: RegExp): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p, re));
    else if (re.test(name)) out.push(p);
  }
  return out;
}

/** Every module of the conformance suite that parses, with its case id. */
function conformanceModules(): { id: string; source: string; logic: boolean }[] {
  const out: { id: string; source: string; logic: boolean }[] = [];
  for (const f of files(suite, /\.ya?ml$/)) {
    const doc = parseYaml(readFileSync(f, 'utf8')) as { cases?: { modules?: string[]; experimental_keywords?: boolean }[] };
    (doc?.cases ?? []).forEach((c, i) => (c.modules ?? []).forEach((m, j) => out.push({ id: `${f.slice(suite.length + 1)}#${i}/${j}`, source: m, logic: !!c.experimental_keywords })));
  }
  return out;
}

/** Checks both properties; returns a problem description or undefined. */
function check(id: string, source: string, logic: boolean): string | undefined {
  const opts = { experimentalLogic: logic };
  const parsed = parseModule(id, source, opts);
  if (!parsed.module) return undefined; // modules that do not parse (error cases) are out of scope
  const once = formatModule(parsed.module);
  const re = parseModule(id, once, opts);
  if (!re.module) return `${id}: formatted text does not parse: ${re.errors[0]?.message}\n${once}`;
  if (astFingerprint(re.module) !== astFingerprint(parsed.module)) return `${id}: meaning changed\n--- source\n${source}\n--- formatted\n${once}`;
  const twice = formatModule(re.module);
  if (twice !== once) return `${id}: not idempotent\n--- once\n${once}\n--- twice\n${twice}`;
  return undefined;
}

describe('formatter', () => {
  it('prints OPA style: tabs, if/contains, sorted import groups, one blank line between rules', () => {
    const src = `package   example
import rego.v1
import data.b
import data.a as x
# the allow rule
default allow := false
allow if { input.user == "admin"; count(input.roles) > 0 }
deny contains msg if {
    some r in input.roles   # trailing note
    not r in data.allowed
    msg := sprintf("role %s", [r])
}
f(x) := y if { y := x * (2 + 3) }
`;
    const { text, errors } = formatSource('e.rego', src);
    expect(errors).toEqual([]);
    expect(text).toBe(`package example

import data.a as x
import data.b
import rego.v1

# the allow rule
default allow := false

allow if {
\tinput.user == "admin"
\tcount(input.roles) > 0
}

deny contains msg if {
\tsome r in input.roles # trailing note
\tnot r in data.allowed
\tmsg := sprintf("role %s", [r])
}

f(x) := y if {
\ty := x * (2 + 3)
}
`);
  });

  it('keeps multi-line composites multi-line with trailing commas, one-line ones on one line', () => {
    const src = 'package p\n\nx := {"a": 1,\n  "b": [1, 2]}\n\ny := [1,2,3]\n';
    expect(formatSource('p.rego', src).text).toBe('package p\n\nx := {\n\t"a": 1,\n\t"b": [1, 2],\n}\n\ny := [1, 2, 3]\n');
  });

  it('keeps else chains, unary minus, parentheses and `not { not … }`', () => {
    const src = 'package p\n\nimport future.keywords.not\n\nv := 1 if input.a\nelse := 2 if { input.b } else := 3\n\nn := -(1 + input.x)\n\nq if not { not input.z }\n\nr := (1 + 2) * 3 - -1\n';
    const out = formatSource('p.rego', src);
    expect(out.errors).toEqual([]);
    expect(out.text).toContain('v := 1 if {\n\tinput.a\n} else := 2 if {\n\tinput.b\n} else := 3\n');
    expect(out.text).toContain('n := -(1 + input.x)\n');
    // Not `not not input.z`, which OPA (and Palisade) refuse to parse.
    expect(out.text).toContain('q if not {\n\tnot input.z\n}\n');
    expect(formatSource('p.rego', out.text!).text).toBe(out.text);
    expect(out.text).toContain('r := (1 + 2) * 3 - -1\n');
  });

  it('keeps the braces of `not { e }`, whose variables are its own (OPA fmt: `not { input.x == 1 }`)', () => {
    const src = 'package p\n\nimport future.keywords.not\n\nq if { not { input.xs[_] == 3 } }\n';
    const out = formatSource('p.rego', src);
    expect(out.text).toContain('not { input.xs[_] == 3 }\n');
    expect(formatSource('p.rego', out.text!).text).toBe(out.text);
  });

  it('reports parse errors instead of formatting', () => {
    const out = formatSource('bad.rego', 'package p\n\np { true }\n');
    expect(out.text).toBeUndefined();
    expect(out.errors[0].message).toMatch(/`if` is required/);
  });

  it('is idempotent and meaning-preserving on the stdlib policies', () => {
    const list = files(stdlib, /\.rego$/);
    expect(list.length).toBeGreaterThan(0);
    const problems = list.map((f) => check(f, readFileSync(f, 'utf8'), false)).filter(Boolean);
    expect(problems).toEqual([]);
  });

  const haveSuite = existsSync(suite);
  if (!haveSuite) console.warn(`formatter conformance property skipped: ${suite} is absent`);
  it.skipIf(!haveSuite)('is idempotent and meaning-preserving on every conformance module', () => {
    const mods = conformanceModules();
    expect(mods.length).toBeGreaterThan(1000);
    const problems = mods.map((m) => check(m.id, m.source, m.logic)).filter(Boolean);
    expect(problems.slice(0, 5)).toEqual([]);
  });
});
