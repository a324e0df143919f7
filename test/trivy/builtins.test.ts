/**
 * Trivy's builtins against outputs of the real implementations (fixtures/, see README.md):
 * mvdan/sh for sh.parse_commands, Go's net for cidr.*, Go regexp (through OPA) for squealer.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Engine, parseJSONExact, trivyBuiltins, type Value } from '@palisade/engine';

const fixture = (name: string): unknown => parseJSONExact(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

const engine = new Engine({ builtins: trivyBuiltins });

/** Evaluates `name(arg)` through the engine (strict builtin errors), as a policy would. */
function call(name: string, arg: Value): { value?: Value; error?: string } {
  const q = engine.prepare(`x := ${name}(input)`);
  if (!q.query) throw new Error(q.errors.map((e) => e.message).join('; '));
  const r = q.query.evaluate(arg, { strictBuiltinErrors: true });
  if (r.error) return { error: r.error.message };
  return { value: r.rows[0]?.['x'] };
}

describe('sh.parse_commands matches mvdan/sh', () => {
  const cases = fixture('sh-parse-commands.json') as { input: string; commands: string[][] | null; error?: string }[];
  it(`agrees on all ${cases.length} scripts of the corpus`, () => {
    expect(cases.length).toBeGreaterThan(700);
    const mismatches: string[] = [];
    for (const c of cases) {
      const r = call('sh.parse_commands', c.input);
      if (c.error !== undefined) {
        if (r.error === undefined) mismatches.push(`${JSON.stringify(c.input)}: mvdan/sh rejects it (${c.error}), got ${JSON.stringify(r.value)}`);
      } else if (r.error !== undefined) mismatches.push(`${JSON.stringify(c.input)}: unexpected error ${r.error}`);
      else if (JSON.stringify(r.value) !== JSON.stringify(c.commands ?? [])) {
        mismatches.push(`${JSON.stringify(c.input)}: want ${JSON.stringify(c.commands)}, got ${JSON.stringify(r.value)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('reports a parse error as Trivy words it, with line and column', () => {
    expect(call('sh.parse_commands', 'apt-get update &&').error).toBe('sh.parse_commands: parse command sequence error: 1:16: && must be followed by a statement');
    expect(call('sh.parse_commands', "echo 'x").error).toMatch(/parse command sequence error: 1:6: reached EOF without closing quote '/);
  });

  it('stays linear and bounded on long and deeply nested input', () => {
    const long = Array.from({ length: 20_000 }, (_, i) => `echo ${i}`).join(' && ');
    expect((call('sh.parse_commands', long).value as unknown[]).length).toBe(20_000);
    const deep = '$('.repeat(5000) + 'x' + ')'.repeat(5000);
    expect(call('sh.parse_commands', `echo ${deep}`).error).toMatch(/nesting too deep/);
  });
});

describe('cidr.count_addresses and cidr.is_public match Go', () => {
  const cases = fixture('cidr.json') as { input: string; count_addresses: number | bigint; is_public: boolean }[];
  it.each(cases.map((c) => [c.input, c] as const))('%j', (_input, c) => {
    expect(call('cidr.count_addresses', c.input).value).toEqual(c.count_addresses);
    expect(call('cidr.is_public', c.input).value).toBe(c.is_public);
  });
});

describe('squealer.scan_string matches squealer', () => {
  const cases = fixture('squealer.json') as { input: string; transgressionFound: boolean; description: string }[];
  it('uses exactly the rules the oracle ran', async () => {
    const { SQUEALER_RULES } = await import('../../packages/engine/src/builtins/trivy/squealer-rules.js');
    const oracleRules = JSON.parse(readFileSync(new URL('./oracle/squealer-rules.json', import.meta.url), 'utf8')) as { rules: string[][] };
    expect(SQUEALER_RULES).toEqual(oracleRules.rules);
  });
  it.each(cases.map((c) => [c.input, c] as const))('%j', (_input, c) => {
    expect(call('squealer.scan_string', c.input).value).toEqual({ transgressionFound: c.transgressionFound, description: c.description });
  });
});
