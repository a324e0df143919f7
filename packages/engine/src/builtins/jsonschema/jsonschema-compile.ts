/**
 * Turns a schema into the form the validation library runs with gojsonschema's semantics:
 *
 * - keywords follow the declared draft as gojsonschema reads them (`$schema` draft-04 ignores
 *   const/contains/propertyNames/if, draft-06 ignores if; without `$schema` all apply), and
 *   keywords gojsonschema does not implement (2019-09 and later) are dropped;
 * - draft-04 boolean `exclusiveMinimum`/`exclusiveMaximum` become the numeric form, as
 *   gojsonschema stores them, so one library draft (7) serves every schema;
 * - `false` subschemas become `{"not": {}}` nodes remembered in `falseNodes` (the library
 *   reports a false schema without a schema location);
 * - `pattern` (Go RE2 syntax, run by RE2JS) and the formats gojsonschema knows become one
 *   private `format` name per node whose check is installed only while the library runs;
 * - `patternProperties` keys are Go RE2 expressions, and the library would run them as
 *   JavaScript ones (backtracking: a key like `(a+)+$` could take exponential time on a
 *   document's key). Every key is listed in `re2Keys`, matched with RE2JS and swapped per
 *   document for the alternation of the keys it matches (see jsonschema-validate.ts);
 * - every `$ref` must resolve inside the schema: nothing is fetched, a remote reference is a
 *   schema error.
 */
import { dereference, type Schema } from '@cfworker/json-schema';
import { RE2JS } from 're2js';
import { isObject, objectEntries, RSet, type Value } from '../../value/types.js';
import { SchemaError } from './jsonschema-check.js';
import { GO_FORMATS } from './jsonschema-formats.js';

export type LibSchema = Schema | boolean;

/** What a private format name stands for: gojsonschema's `pattern` and/or `format` of one node. */
export interface StringCheck {
  pattern?: { source: string; re: RE2JS };
  format?: { name: string; test: (s: string) => boolean };
  test: (s: string) => boolean;
}

/** A `patternProperties` key of `node` with its RE2 form. */
export interface RE2Key {
  node: Schema;
  key: string;
  re: RE2JS;
}

export interface CompiledSchema {
  root: LibSchema;
  lookup: Record<string, LibSchema>;
  checks: Map<string, StringCheck>;
  falseNodes: WeakSet<object>;
  re2Keys: RE2Key[];
}

/** Private format names cannot clash with a schema's own (they start with NUL). */
const CHECK_PREFIX = '\u0000palisade:';

const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs']);
const SCHEMA_ONE = new Set(['additionalProperties', 'additionalItems', 'contains', 'propertyNames', 'not', 'if', 'then', 'else']);
const SCHEMA_LIST = new Set(['allOf', 'anyOf', 'oneOf']);
const VALUE_KEYWORDS = new Set([
  '$ref', '$schema', '$id', 'id', 'type', 'enum', 'const', 'required', 'multipleOf', 'minimum', 'maximum',
  'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'pattern', 'format', 'minItems', 'maxItems',
  'uniqueItems', 'minProperties', 'maxProperties',
]);
/** Keywords gojsonschema does not read: annotations, and what drafts after 7 added. */
const IGNORED = new Set([
  'title', 'description', 'default', 'examples', '$comment', 'readOnly', 'writeOnly', 'contentMediaType',
  'contentEncoding', 'dependentRequired', 'dependentSchemas', 'prefixItems', 'unevaluatedItems',
  'unevaluatedProperties', 'minContains', 'maxContains', '$recursiveRef', '$recursiveAnchor', '$anchor',
  '$vocabulary', '$dynamicRef', '$dynamicAnchor',
]);
const SINCE_DRAFT6 = new Set(['const', 'contains', 'propertyNames']);
const SINCE_DRAFT7 = new Set(['if', 'then', 'else']);

type Draft = 4 | 6 | 7 | 'hybrid';

function draftOf(schema: Value): Draft {
  const decl = isObject(schema) ? (schema as Record<string, Value>)['$schema'] : undefined;
  if (typeof decl !== 'string') return 'hybrid';
  if (decl.includes('draft-04')) return 4;
  if (decl.includes('draft-06')) return 6;
  if (decl.includes('draft-07')) return 7;
  return 'hybrid';
}

/** Objects without a prototype, so a `__proto__` key stays an ordinary key. */
const dict = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

/** Plain JSON for the library: bigints as doubles, sets as arrays, non-string keys as JSON text. */
export function plainJSON(v: Value): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(plainJSON);
  if (v instanceof RSet) return v.sorted().map(plainJSON);
  const out = dict<unknown>();
  for (const [k, x] of objectEntries(v)) out[typeof k === 'string' ? k : JSON.stringify(plainJSON(k))] = plainJSON(x);
  return out;
}

class Preparer {
  readonly checks = new Map<string, StringCheck>();
  readonly falseNodes = new WeakSet<object>();
  readonly refNodes: Schema[] = [];
  readonly re2Keys: RE2Key[] = [];

  constructor(private readonly draft: Draft) {}

  schema(s: Value): LibSchema {
    if (s === false) {
      const node: Schema = { not: {} };
      this.falseNodes.add(node);
      return node;
    }
    if (!isObject(s)) return s === true ? true : (plainJSON(s) as Schema);
    const out: Schema = dict<unknown>();
    for (const [key, v] of objectEntries(s)) {
      const k = key as string;
      if (IGNORED.has(k) || this.skipped(k)) continue;
      if (SCHEMA_MAPS.has(k) && isObject(v)) out[k] = this.map(v);
      else if (k === 'dependencies' && isObject(v)) {
        const deps = dict<Schema | string[]>();
        for (const [d, x] of objectEntries(v)) deps[d as string] = (Array.isArray(x) ? plainJSON(x) : this.schema(x)) as Schema | string[];
        out[k] = deps;
      } else if (k === 'items') out[k] = Array.isArray(v) ? v.map((x) => this.schema(x)) : this.schema(v);
      else if (SCHEMA_ONE.has(k)) out[k] = this.schema(v);
      else if (SCHEMA_LIST.has(k) && Array.isArray(v)) out[k] = v.map((x) => this.schema(x));
      else if (VALUE_KEYWORDS.has(k)) out[k] = plainJSON(v);
      // An unknown object may hold schemas a `$ref` points at (e.g. `#/components/x`).
      else if (isObject(v)) out[k] = this.schema(v);
    }
    this.exclusiveBound(out, 'exclusiveMinimum', 'minimum');
    this.exclusiveBound(out, 'exclusiveMaximum', 'maximum');
    this.stringChecks(out);
    if (typeof out.$ref === 'string') this.refNodes.push(out);
    else delete out.$ref;
    for (const key of Object.keys(out.patternProperties ?? {})) {
      let re: RE2JS;
      try {
        re = RE2JS.compile(key);
      } catch {
        throw new SchemaError(`Invalid regex pattern '${key}'`);
      }
      this.re2Keys.push({ node: out, key, re });
    }
    return out;
  }

  private skipped(k: string): boolean {
    if (this.draft === 4) return SINCE_DRAFT6.has(k) || SINCE_DRAFT7.has(k);
    if (this.draft === 6) return SINCE_DRAFT7.has(k);
    return false;
  }

  private map(v: Value): Record<string, LibSchema> {
    const out = dict<LibSchema>();
    for (const [k, x] of objectEntries(v as Record<string, Value>)) out[k as string] = this.schema(x);
    return out;
  }

  private exclusiveBound(node: Schema, exclusive: 'exclusiveMinimum' | 'exclusiveMaximum', bound: 'minimum' | 'maximum'): void {
    if (typeof node[exclusive] !== 'boolean') return;
    if (node[exclusive] === true && node[bound] !== undefined) {
      node[exclusive] = node[bound];
      delete node[bound];
    } else delete node[exclusive];
  }

  private stringChecks(node: Schema): void {
    const check: StringCheck = { test: () => true };
    if (typeof node.pattern === 'string') check.pattern = { source: node.pattern, re: RE2JS.compile(node.pattern) };
    const test = typeof node.format === 'string' ? GO_FORMATS.get(node.format) : undefined;
    if (test) check.format = { name: node.format as string, test };
    delete node.pattern;
    delete node.format;
    if (!check.pattern && !check.format) return;
    const { pattern, format } = check;
    check.test = (s) => (!pattern || pattern.re.matcher(s).find()) && (!format || format.test(s));
    node.format = CHECK_PREFIX + this.checks.size;
    this.checks.set(node.format, check);
  }
}

/** Prepares a schema that passed `checkSchema`; throws SchemaError for references it cannot resolve. */
export function compileSchema(schema: Value): CompiledSchema {
  const prep = new Preparer(draftOf(schema));
  const root = prep.schema(schema);
  let lookup: Record<string, LibSchema>;
  try {
    lookup = dereference(root);
  } catch (e) {
    throw new SchemaError(`Invalid JSON schema: ${e instanceof Error ? e.message : String(e)}`);
  }
  for (const node of prep.refNodes) {
    const ref = node.$ref as string;
    if (lookup[node.__absolute_ref__ ?? ref] !== undefined) continue;
    throw new SchemaError(
      ref.startsWith('#')
        ? `Invalid JSON schema: reference ${ref} does not resolve within the schema`
        : `Invalid JSON schema: remote reference ${ref} is not supported (references must stay within the schema)`,
    );
  }
  return { root, lookup, checks: prep.checks, falseNodes: prep.falseNodes, re2Keys: prep.re2Keys };
}
