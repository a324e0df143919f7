import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseModule, parseQuery } from './parse.js';
import { tokenize } from './lexer.js';

const SAMPLES = [
  `package a.b
import rego.v1
import data.lib as l

# METADATA
# title: deny
deny contains msg if {
  some c in input.spec.containers
  c.securityContext.privileged == true
  not c.name in {"a", "b"}
  msg := sprintf("%s %d", [c.name, count(input.x) + 1 * -2])
}

default allow := false

allow if input.user == "admin"

f(x, y) := z if { z := x + y } else := 0

a.b[k].c := v if { v := {"k": [1, 2][0]}[k] }

p := [x | x := input.items[_]; x.v > 1]
q := {k: v | some k, v in input.o}
r := $"user {input.name} has {count(input.roles)} roles"
s if { every x in [1, 2] { x > 0 } }
t if { x := input.x with input as {"x": 1} with data.a as 2 }
`,
  `package logic
import future.keywords.and
import future.keywords.or
import future.keywords.not

p if { input.a and (input.b or input.c) }
q if { { a := 1; a > 0 } and not { input.x or input.y } }
r := "ok" if input.x > 0 or input.y > 0
  else := "no"
`,
];

const VOCAB = ['{', '}', '[', ']', '(', ')', ',', ';', ':', ':=', '=', '==', '|', '.', '\n', 'if', 'else', 'some', 'in',
  'every', 'not', 'with', 'as', 'contains', 'default', 'import', 'package', '"s', '`', '$"', '#', 'x', '1', '-', '@', 'and', 'or'];

function checkResult(r: { errors: { code: string; message: string; location?: { row: number; col: number } }[] }, defined: boolean): void {
  if (defined) {
    expect(r.errors).toEqual([]);
    return;
  }
  expect(r.errors.length).toBeGreaterThan(0);
  for (const e of r.errors) {
    expect(e.code).toBe('rego_parse_error');
    expect(e.message).not.toMatch(/internal parser error/);
    expect(e.location?.row).toBeGreaterThanOrEqual(1);
    expect(e.location?.col).toBeGreaterThanOrEqual(1);
  }
}

type Mutation = { kind: 'delete' | 'insert' | 'swap'; at: number; other: number; text: string };

function mutate(src: string, muts: Mutation[]): string {
  let out = src;
  for (const m of muts) {
    const toks = tokenize(out).tokens;
    if (toks.length === 0) break;
    const a = toks[m.at % toks.length];
    const aEnd = (a.endOffset ?? a.startOffset) + 1;
    if (m.kind === 'delete') out = out.slice(0, a.startOffset) + out.slice(aEnd);
    else if (m.kind === 'insert') out = `${out.slice(0, a.startOffset)}${m.text} ${out.slice(a.startOffset)}`;
    else {
      const b = toks[m.other % toks.length];
      if (b.startOffset <= aEnd) continue;
      const bEnd = (b.endOffset ?? b.startOffset) + 1;
      out = out.slice(0, a.startOffset) + b.image + out.slice(aEnd, b.startOffset) + a.image + out.slice(bEnd);
    }
  }
  return out;
}

const mutation = fc.record({
  kind: fc.constantFrom('delete' as const, 'insert' as const, 'swap' as const),
  at: fc.nat(),
  other: fc.nat(),
  text: fc.constantFrom(...VOCAB),
});

describe('parser robustness (property)', () => {
  it('the samples parse', () => {
    for (const s of SAMPLES) expect(parseModule('s.rego', s).errors).toEqual([]);
  });

  it('never throws on mutated modules; returns a module or located parse errors', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SAMPLES), fc.array(mutation, { minLength: 1, maxLength: 4 }), (src, muts) => {
        const r = parseModule('m.rego', mutate(src, muts));
        checkResult(r, r.module !== undefined);
      }),
      { numRuns: Number(process.env.PARSE_FUZZ_RUNS ?? 400) },
    );
  });

  it('never throws on random token soup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...VOCAB, ' ', 'y', '"a"', '2.5'), { maxLength: 40 }), (parts) => {
        const src = `package p\n${parts.join(' ')}`;
        const r = parseModule('m.rego', src);
        checkResult(r, r.module !== undefined);
        const q = parseQuery(parts.join(' '));
        checkResult(q, q.body !== undefined);
      }),
      { numRuns: Number(process.env.PARSE_FUZZ_RUNS ?? 400) },
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const r = parseModule('m.rego', s);
        checkResult(r, r.module !== undefined);
      }),
      { numRuns: Number(process.env.PARSE_FUZZ_RUNS ?? 300) },
    );
  });
});
