/**
 * Running one builtin expression on the reference OPA (`../shared/bin/opa`) and on Palisade, and
 * reducing each answer to the same comparable outcome: the value's JSON text, undefined, or an
 * error code (with its message, which is compared separately).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Engine, equals, parseJSONExact, toJSONText, toJSONValue } from '../../../packages/engine/src/index.js';

export const OPA = fileURLToPath(new URL('../../../../shared/bin/opa', import.meta.url));
export const haveOracle = (): boolean => existsSync(OPA);

export type Outcome = { value: string } | { undefined: true } | { error: { code: string; message: string } };

/** The query both engines evaluate for an expression: its value bound to `__x`. */
export const queryOf = (expr: string): string => `__x := ${expr}`;

/** OPA's outcome: the first error, undefined, or the `--format raw` text (Go's JSON) of the value. */
export function opaOutcome(expr: string): Outcome {
  const run = (format: string, q: string) => {
    try {
      return { out: execFileSync(OPA, ['eval', '--strict-builtin-errors', '--format', format, q], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }), rc: 0 };
    } catch (e) {
      const err = e as { status?: number; stdout?: string };
      return { out: err.stdout ?? '', rc: err.status ?? 1 };
    }
  };
  const json = run('json', queryOf(expr));
  const doc = JSON.parse(json.out) as { result?: unknown[]; errors?: { code: string; message: string }[] };
  if (doc.errors?.length) return { error: { code: doc.errors[0].code, message: doc.errors[0].message } };
  if (!doc.result?.length) return { undefined: true };
  // A query whose value is `false` is undefined, so print the value inside a one-element array.
  const raw = run('raw', `[(${expr})]`).out.trim();
  return { value: raw.slice(1, -1) };
}

/** Palisade's outcome for the same query, through the public engine API. */
export function palisadeOutcome(expr: string): Outcome {
  const engine = new Engine();
  const prepared = engine.prepare(queryOf(expr));
  if (!prepared.query) {
    const e = prepared.errors[0];
    return { error: { code: e.code, message: e.message } };
  }
  const r = prepared.query.evaluate(undefined, { strictBuiltinErrors: true, maxSteps: 1_000_000 });
  if (r.error) return { error: { code: r.error.code, message: r.error.message } };
  if (r.rows.length === 0) return { undefined: true };
  return { value: toJSONText(r.rows[0].__x) };
}

/** Same decision: equal values (numbers compared as numbers), or both undefined, or the same error code. */
export function sameOutcome(opa: Outcome, ours: Outcome): boolean {
  if ('value' in opa) return 'value' in ours && equals(toJSONValue(parseJSONExact(opa.value)), toJSONValue(parseJSONExact(ours.value)));
  if ('undefined' in opa) return 'undefined' in ours;
  return 'error' in ours && ours.error.code === opa.error.code;
}

export const describeOutcome = (o: Outcome): string =>
  'value' in o ? o.value : 'undefined' in o ? 'undefined' : `${o.error.code}: ${o.error.message}`;
