/**
 * JSON Schema (drafts 4, 6, 7) validation with gojsonschema's error model, which OPA exposes.
 *
 * Validation is done by @cfworker/json-schema: it interprets schemas (no `new Function`, so it
 * runs under a Content-Security-Policy), has no dependencies, no Node imports, is ~22 kB
 * minified, and reports every error with keyword, instance location and keyword location; Ajv
 * (+ajv-draft-04, ajv-formats) generates code and is ~140 kB. This module only prepares the
 * schema (jsonschema-compile.ts), checks it as gojsonschema does (jsonschema-check.ts) and maps
 * the library's errors (jsonschema-errors.ts).
 */
import { format as libraryFormats, validate, type Schema } from '@cfworker/json-schema';
import { keyOf, RObject, RSet, type Value } from '../../value/types.js';
import { checkSchema, SchemaError } from './jsonschema-check.js';
import { compileSchema, plainJSON, type CompiledSchema, type LibSchema, type RE2Key } from './jsonschema-compile.js';
import { mapErrors, type ValidationError } from './jsonschema-errors.js';

export { SchemaError } from './jsonschema-check.js';
export type { ValidationError } from './jsonschema-errors.js';

/** A compiled schema, or the SchemaError gojsonschema would report for it. */
type Entry = CompiledSchema | SchemaError;

const CACHE_LIMIT = 64;
const byText = new Map<string, Entry>();
const byIdentity = new WeakMap<object, Entry>();

/**
 * Checks and compiles `schema` (a loaded JSON value), caching by value: a policy validates many
 * documents against one schema. `cacheKey` identifies the caller's argument (its JSON text, or
 * its canonical key) and `identity` the argument object when it is one. Throws SchemaError.
 */
export function schemaFor(schema: () => Value, cacheKey: () => string, identity?: object): CompiledSchema {
  let entry = identity ? byIdentity.get(identity) : undefined;
  if (entry === undefined) {
    const key = cacheKey();
    entry = byText.get(key);
    if (entry === undefined) {
      entry = build(schema());
      if (byText.size >= CACHE_LIMIT) byText.delete(byText.keys().next().value as string);
    } else byText.delete(key);
    byText.set(key, entry);
    if (identity) byIdentity.set(identity, entry);
  }
  if (entry instanceof SchemaError) throw entry;
  return entry;
}

function build(schema: Value): Entry {
  try {
    checkSchema(schema);
    return compileSchema(schema);
  } catch (e) {
    if (e instanceof SchemaError) return e;
    throw e;
  }
}

/** Canonical cache key of a schema argument. */
export const schemaKey = (v: Value): string => (typeof v === 'string' ? 's' + v : 'v' + keyOf(v));

/** Whether a value can go to the library as is (plain JSON: no bigint, set or non-string key). */
function isPlainJSON(v: Value): boolean {
  if (typeof v === 'bigint') return false;
  if (v === null || typeof v !== 'object') return true;
  if (Array.isArray(v)) return v.every(isPlainJSON);
  if (v instanceof RSet || v instanceof RObject) return false;
  for (const k in v) if (!isPlainJSON(v[k])) return false;
  return true;
}

/**
 * Validates a document. The compiled schema's `pattern`/`format` checks are installed in the
 * library's format table only for this synchronous call, under names no schema can use.
 */
export function validateDocument(compiled: CompiledSchema, doc: Value): ValidationError[] {
  const instance = isPlainJSON(doc) ? doc : plainJSON(doc);
  const restore = compiled.re2Keys.length > 0 ? bindRE2Keys(compiled.re2Keys, instance) : undefined;
  for (const [name, check] of compiled.checks) libraryFormats[name] = check.test;
  try {
    const result = validate(instance, compiled.root, '7', compiled.lookup, false);
    return result.valid ? [] : mapErrors(compiled, instance, result.errors);
  } finally {
    for (const name of compiled.checks.keys()) delete libraryFormats[name];
    restore?.();
  }
}

const escapeJS = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/**
 * A key's match does not depend on where the object sits, so for this document a
 * `patternProperties` key is exactly the alternation of the document's keys RE2 matches (an
 * alternation of escaped literals, which the library's JavaScript engine runs in linear time).
 * Swaps those keys in for the call; returns the undo.
 */
function bindRE2Keys(re2Keys: RE2Key[], instance: unknown): () => void {
  const names = new Set<string>();
  const collect = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        names.add(k);
        collect(x);
      }
    }
  };
  collect(instance);
  const originals = new Map<Schema, Record<string, LibSchema>>();
  for (const { node } of re2Keys) originals.set(node, node.patternProperties as Record<string, LibSchema>);
  for (const [node, original] of originals) {
    const swapped = Object.create(null) as Record<string, LibSchema>;
    for (const [key, sub] of Object.entries(original)) {
      const re2 = re2Keys.find((r) => r.node === node && r.key === key);
      let js = key;
      if (re2) {
        const matched = [...names].filter((n) => re2.re.matcher(n).find());
        js = matched.length > 0 ? `^(?:${matched.map(escapeJS).join('|')})$` : '(?!)';
        while (js in swapped || js in original) js += '(?:)';
      }
      swapped[js] = sub;
    }
    node.patternProperties = swapped;
  }
  return () => {
    for (const [node, original] of originals) node.patternProperties = original;
  };
}
