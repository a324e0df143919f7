/**
 * Trivy's `result.new(msg, cause)` object and the metadata lookup `isManaged` shares with it.
 * The location fields come from the cause's `__defsec_metadata` (Trivy's parsers attach it to
 * every value) or, for Dockerfile instructions, from the cause itself (`StartLine`/`EndLine`);
 * a `parent` becomes a nested result without a message. Two findings about the same lines with
 * the same message are equal values, so a `deny contains` set merges them, as in Trivy.
 */
import { RSet, isObject, objectGet, type Value } from '../../value/types.js';

const DEFAULTS: [string, () => Value][] = [
  ['endline', () => 0],
  ['explicit', () => false],
  ['filepath', () => ''],
  ['fskey', () => ''],
  ['managed', () => true],
  ['parent', () => null],
  ['resource', () => ''],
  ['sourceprefix', () => ''],
  ['startline', () => 0],
];

/** Later entries win, as in Trivy's `updateMetadata` (`StartLine` over `startline`, `Path` over `filepath`). */
const FIELDS: [string, string][] = [
  ['startline', 'startline'],
  ['StartLine', 'startline'],
  ['endline', 'endline'],
  ['EndLine', 'endline'],
  ['filepath', 'filepath'],
  ['sourceprefix', 'sourceprefix'],
  ['Path', 'filepath'],
  ['explicit', 'explicit'],
  ['managed', 'managed'],
  ['fskey', 'fskey'],
  ['resource', 'resource'],
];

/** OPA's `Term.Get(key)` for a string key: an object's value, a set's member, else nothing. */
function get(v: Value, key: string): Value | undefined {
  if (isObject(v)) return objectGet(v, key);
  if (v instanceof RSet) return v.has(key) ? key : undefined;
  return undefined;
}

const causes = new WeakMap<object, Value>();

/** The `cause` a Trivy-shaped result was built from (the scanner locates findings by it). */
export function trivyResultCause(result: unknown): Value | undefined {
  return result !== null && typeof result === 'object' ? causes.get(result) : undefined;
}

/** Trivy's result object; `msg` undefined for a parent (Trivy passes nil). */
export function trivyResult(msg: Value | undefined, cause: Value): Value {
  const fields = new Map<string, Value>(DEFAULTS.map(([k, f]) => [k, f()]));
  if (msg !== undefined) fields.set('msg', msg);
  const input = get(cause, '__defsec_metadata') ?? cause;
  for (const [from, to] of FIELDS) {
    const v = get(input, from);
    if (v !== undefined) fields.set(to, v);
  }
  const parent = get(input, 'parent');
  if (parent !== undefined) fields.set('parent', trivyResult(undefined, parent));
  const out = Object.create(null) as Record<string, Value>;
  for (const k of [...fields.keys()].sort()) out[k] = fields.get(k)!;
  if (cause !== null && typeof cause === 'object') causes.set(out, cause);
  return out;
}
