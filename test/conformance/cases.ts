/**
 * Loading and judging OPA compliance cases under the rules of ../shared/conformance/README.md.
 * Uses only the public engine API.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import {
  Engine,
  testSleepBuiltin,
  RSet,
  compare,
  equals,
  formatDiagnostic,
  toJSONValue,
  type Diagnostic,
  type Value,
} from '../../packages/engine/src/index.js';

export interface Case {
  id: string;
  folder: string;
  note?: string;
  query: string;
  modules?: string[];
  data?: unknown;
  input?: unknown;
  input_term?: string;
  want_result?: Record<string, unknown>[];
  want_error_code?: string;
  want_error?: string;
  strict_error?: boolean;
  sort_bindings?: boolean;
  experimental_keywords?: boolean;
  ignore_generated_vars?: boolean;
}

/** Normalises bigints that fit into doubles exactly (YAML is parsed with bigint integers). */
function norm(v: unknown): unknown {
  if (typeof v === 'bigint') return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
  if (Array.isArray(v)) return v.map(norm);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = norm(x);
    return out;
  }
  return v;
}

export function loadCases(file: string, relPath: string, folder: string): Case[] {
  const doc = norm(parseYaml(readFileSync(file, 'utf8'), { intAsBigInt: true })) as { cases?: Case[] };
  return (doc?.cases ?? []).map((c, i) => ({ ...c, id: `${relPath}#${i}`, folder }));
}

export interface Verdict {
  pass: boolean;
  reason: string;
}

function evalInputTerm(term: string): { value?: Value; error?: string } {
  const e = new Engine();
  const { query, errors } = e.prepare(`__x__ = ${term}`);
  if (!query) return { error: errors.map(formatDiagnostic).join('; ') };
  const r = query.evaluate();
  if (r.error || r.rows.length !== 1) return { error: 'input_term did not evaluate to one value' };
  return { value: r.rows[0].__x__ };
}

function sortTop(v: Value): Value {
  return Array.isArray(v) ? [...v].sort(compare) : v;
}

export function runCase(c: Case): Verdict {
  // OPA's runner provides the test-only `test.sleep` builtin; so does ours.
  const engine = new Engine({ experimentalLogic: c.experimental_keywords ?? false, builtins: [testSleepBuiltin] });
  (c.modules ?? []).forEach((src, i) => engine.addModule(`test-${i}.rego`, src));
  if (c.data !== undefined && c.data !== null) {
    const errs = engine.addData(c.data);
    if (errs.length) return { pass: false, reason: `data: ${errs[0].message}` };
  }
  const compileErrors = engine.compile();
  if (compileErrors.length) return { pass: false, reason: `compile: ${compileErrors.slice(0, 3).map(formatDiagnostic).join(' | ')}` };
  const { query, errors } = engine.prepare(c.query);
  if (!query) return { pass: false, reason: `query: ${errors.slice(0, 3).map(formatDiagnostic).join(' | ')}` };
  let input: unknown = c.input;
  if (c.input_term !== undefined) {
    const r = evalInputTerm(c.input_term);
    if (r.error) return { pass: false, reason: `input_term: ${r.error}` };
    input = r.value;
  }
  const res = query.evaluate(input, {
    strictBuiltinErrors: c.strict_error ?? false,
    timeoutMs: 20_000,
    nowNs: BigInt(Date.now()) * 1_000_000n,
  });
  let err: Diagnostic | undefined = res.error;
  if (!err && c.strict_error && res.builtinErrors.length) err = res.builtinErrors[0];
  if (c.want_error !== undefined || c.want_error_code !== undefined) {
    if (!err) return { pass: false, reason: `expected error ${c.want_error_code ?? ''} ${c.want_error ?? ''}, got ${res.rows.length} rows` };
    const text = formatDiagnostic({ ...err, location: err.location });
    if (c.want_error_code !== undefined && err.code !== c.want_error_code) return { pass: false, reason: `error code ${err.code}, want ${c.want_error_code}: ${text}` };
    if (c.want_error !== undefined && !text.includes(c.want_error)) return { pass: false, reason: `error text ${JSON.stringify(text)} lacks ${JSON.stringify(c.want_error)}` };
    return { pass: true, reason: '' };
  }
  if (err) return { pass: false, reason: `unexpected error: ${formatDiagnostic(err)}` };
  const want = (c.want_result ?? []).map((r) => r as Record<string, Value>);
  const got = res.rows.map((row) => {
    const out: Record<string, Value> = {};
    for (const [k, v] of Object.entries(row)) {
      if (c.ignore_generated_vars && k.startsWith('__localq')) continue;
      const j = toJSONValue(v);
      out[k] = c.sort_bindings ? sortTop(j) : j;
    }
    return out;
  });
  const same = (a: Record<string, Value>, b: Record<string, Value>) => equals(a as Value, b as Value);
  const missing = want.filter((w) => !got.some((g) => same(g, w)));
  const extra = got.filter((g) => !want.some((w) => same(g, w)));
  if (missing.length || extra.length) {
    const show = (x: unknown) => JSON.stringify(x, (_k, v) => (typeof v === 'bigint' ? v.toString() : v instanceof RSet ? [...v] : v)).slice(0, 300);
    return { pass: false, reason: `rows differ: missing ${show(missing)} extra ${show(extra)}` };
  }
  return { pass: true, reason: '' };
}
