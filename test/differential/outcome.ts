/**
 * The comparable outcome of one evaluation, the same shape for both engines: the ordered rows of
 * bindings (canonical JSON text, numbers normalised by value) or the set of error codes. Messages
 * are kept for reports but never decide a divergence.
 */
import { isLosslessNumber, parse as parseLossless } from 'lossless-json';

export type Outcome =
  | { kind: 'rows'; rows: string[] }
  | { kind: 'error'; codes: string[]; messages: string[] };

/**
 * A number literal as a canonical decimal (`-1.5e3` and `-1500` are the same value): digits with
 * no leading or trailing zeros and an exponent. OPA's JSON and Palisade's may spell a value
 * differently; the value is what is compared.
 */
export function canonicalNumber(text: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) return text;
  const [, sign, int, frac = '', exp = '0'] = m;
  let digits = int + frac;
  let e = BigInt(exp) - BigInt(frac.length);
  const lead = digits.search(/[^0]/);
  if (lead < 0) return '0';
  digits = digits.slice(lead);
  const trail = digits.length - digits.replace(/0+$/, '').length;
  digits = digits.slice(0, digits.length - trail);
  e += BigInt(trail);
  return `${sign}${digits}e${e}`;
}

function canon(v: unknown): string {
  if (isLosslessNumber(v)) return canonicalNumber(v.value);
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canon((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** Canonical text of a JSON document (numbers kept exactly as written). */
export function canonicalJSON(text: string): string {
  return canon(parseLossless(text));
}

/** Why two outcomes differ ('value' or 'error-code'), or undefined when they agree. */
export function difference(opa: Outcome, palisade: Outcome): 'value' | 'error-code' | undefined {
  if (opa.kind === 'rows' && palisade.kind === 'rows') {
    return opa.rows.length === palisade.rows.length && opa.rows.every((r, i) => r === palisade.rows[i]) ? undefined : 'value';
  }
  if (opa.kind === 'error' && palisade.kind === 'error') {
    return opa.codes.join(' ') === palisade.codes.join(' ') ? undefined : 'error-code';
  }
  return opa.kind === 'error' || palisade.kind === 'error' ? 'error-code' : 'value';
}

/**
 * A short key that says what kind of divergence this is (`value`, or `error-code:OPA≠Palisade`);
 * the shrinker keeps only smaller programs with the same key, so it does not wander off to an
 * unrelated divergence.
 */
export function signature(opa: Outcome, palisade: Outcome): string | undefined {
  const d = difference(opa, palisade);
  if (d === undefined) return undefined;
  if (d === 'value') return 'value';
  const codes = (o: Outcome) => (o.kind === 'error' ? o.codes.join('+') : 'ok');
  return `error-code:${codes(opa)}≠${codes(palisade)}`;
}

export function outcomeText(o: Outcome): string {
  if (o.kind === 'rows') return o.rows.length === 0 ? 'undefined (no rows)' : o.rows.join('\n');
  return o.codes.map((c, i) => `${c}: ${o.messages[i] ?? ''}`).join('\n');
}

function uniqueSorted(xs: string[]): string[] {
  return [...new Set(xs)].sort();
}

/**
 * Outcome of `opa eval --format json` from its stdout (exit code 0 or 2). OPA prints `{}` when
 * undefined, `{"result":[{"bindings":…}]}` per solution and `{"errors":[…]}` on failure.
 */
export function opaOutcome(stdout: string): Outcome {
  const doc = parseLossless(stdout) as { result?: { bindings?: unknown }[]; errors?: { code: string; message: string }[] };
  if (doc.errors) {
    const errs = doc.errors.flatMap(loadingErrors);
    return { kind: 'error', codes: uniqueSorted(errs.map((e) => e.code)), messages: errs.map((e) => e.message) };
  }
  return { kind: 'rows', rows: (doc.result ?? []).map((r) => canon(r.bindings ?? {})) };
}

/**
 * OPA folds errors found while loading files into one entry without a code ("N errors occurred
 * during loading:" then `file:row: code: message` lines, or for one error "1 error occurred during
 * loading: file:row: code: message" on one line); split it back into coded errors.
 */
function loadingErrors(e: { code?: string; message: string }): { code: string; message: string }[] {
  if (e.code) return [{ code: e.code, message: e.message }];
  const found = [...e.message.matchAll(/^(?:1 error occurred during loading: )?[^\n:]+:\d+: ([a-z_]+_error): (.*)$/gm)].map((m) => ({ code: m[1]!, message: m[2]! }));
  return found.length ? found : [{ code: 'opa_uncoded_error', message: e.message }];
}

export function errorOutcome(errs: { code: string; message: string }[]): Outcome {
  return { kind: 'error', codes: uniqueSorted(errs.map((e) => e.code)), messages: errs.map((e) => e.message) };
}

export function rowsOutcome(rowsJSON: string[]): Outcome {
  return { kind: 'rows', rows: rowsJSON.map(canonicalJSON) };
}
