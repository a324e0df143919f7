/**
 * JSON Schema (drafts 4–7) validation with gojsonschema's error model, which OPA exposes:
 * each error has a type (`invalid_type`, `required`, …), a field path (`(root)`, `a.b`, `a.0`),
 * a description and `field: description` as its text. Schema checks report gojsonschema's
 * texts for the problems they detect. `format` is not checked.
 */
import { isObject, objectEntries, objectGet, equals, type ObjectValue, type Value } from '../value/types.js';
import { numberText, toDouble } from '../value/number.js';
import { RE2JS } from 're2js';

export class SchemaError {
  constructor(readonly message: string) {}
}

export interface ValidationError {
  type: string;
  field: string;
  desc: string;
}

const VALID_TYPES = ['array', 'boolean', 'integer', 'number', 'null', 'object', 'string'];

function typeOf(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'bigint') return 'integer';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

/** Checks the schema's own well-formedness (the parts gojsonschema rejects). */
export function checkSchema(s: Value): void {
  if (typeof s === 'boolean') return;
  if (!isObject(s)) throw new SchemaError('Invalid JSON schema: schema must be an object or a boolean');
  for (const [k, v] of objectEntries(s)) {
    switch (k) {
      case 'type': {
        const list = Array.isArray(v) ? v : [v];
        for (const t of list) {
          if (typeof t !== 'string') throw new SchemaError('Invalid type. Expected: string/array of strings, given: type');
          if (!VALID_TYPES.includes(t)) {
            throw new SchemaError(`has a primitive type that is NOT VALID -- given: /${t}/ Expected valid values are:[${VALID_TYPES.join(' ')}]`);
          }
        }
        break;
      }
      case 'properties':
      case 'patternProperties':
      case 'definitions':
      case '$defs':
        if (!isObject(v)) throw new SchemaError(`Invalid type. Expected: object, given: ${k}`);
        for (const [, sub] of objectEntries(v)) checkSchema(sub);
        break;
      case 'items':
        if (Array.isArray(v)) v.forEach(checkSchema);
        else checkSchema(v);
        break;
      case 'allOf':
      case 'anyOf':
      case 'oneOf':
        if (!Array.isArray(v) || v.length === 0) throw new SchemaError(`${k} must be a non-empty array`);
        v.forEach(checkSchema);
        break;
      case 'not':
      case 'additionalItems':
      case 'additionalProperties':
      case 'contains':
      case 'propertyNames':
      case 'if':
      case 'then':
      case 'else':
        checkSchema(v);
        break;
      case 'required':
        if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new SchemaError('required must be an array of strings');
        break;
      case 'pattern':
        if (typeof v !== 'string') throw new SchemaError('Invalid type. Expected: string, given: pattern');
        try {
          RE2JS.compile(v);
        } catch {
          throw new SchemaError(`Invalid regex pattern '${v}'`);
        }
        break;
    }
  }
}

interface Ctx {
  root: Value;
  errors: ValidationError[];
}

function fieldName(path: string[]): string {
  return path.length === 0 ? '(root)' : path.join('.');
}

function resolveRef(root: Value, ref: string): Value | undefined {
  if (!ref.startsWith('#')) return undefined;
  let cur: Value | undefined = root;
  for (const raw of ref.slice(1).split('/').filter((p) => p !== '')) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === undefined) return undefined;
    if (Array.isArray(cur)) cur = cur[Number(part)];
    else if (isObject(cur)) cur = objectGet(cur, part);
    else return undefined;
  }
  return cur;
}

function numStr(v: Value): string {
  return typeof v === 'number' || typeof v === 'bigint' ? numberText(v) : String(v);
}

function validate(s: Value, v: Value, path: string[], ctx: Ctx): void {
  if (s === true) return;
  if (s === false) {
    ctx.errors.push({ type: 'false', field: fieldName(path), desc: 'False always fails validation' });
    return;
  }
  if (!isObject(s)) return;
  const get = (k: string) => objectGet(s as ObjectValue, k);
  const err = (type: string, desc: string, p = path) => ctx.errors.push({ type, field: fieldName(p), desc });
  const ref = get('$ref');
  if (typeof ref === 'string') {
    const target = resolveRef(ctx.root, ref);
    if (target !== undefined) validate(target, v, path, ctx);
    return;
  }
  const t = get('type');
  if (t !== undefined) {
    const types = (Array.isArray(t) ? t : [t]) as string[];
    const actual = typeOf(v);
    const ok = types.includes(actual) || (actual === 'integer' && types.includes('number'));
    if (!ok) {
      err('invalid_type', `Invalid type. Expected: ${types.join(',')}, given: ${actual}`);
      return;
    }
  }
  const sub = (schema: Value, value: Value): boolean => {
    const inner: Ctx = { root: ctx.root, errors: [] };
    validate(schema, value, path, inner);
    return inner.errors.length === 0;
  };
  const allOf = get('allOf');
  if (Array.isArray(allOf) && !allOf.every((x) => sub(x, v))) {
    for (const x of allOf) validate(x, v, path, ctx);
    err('number_all_of', 'Must validate all the schemas (allOf)');
  }
  const anyOf = get('anyOf');
  if (Array.isArray(anyOf) && !anyOf.some((x) => sub(x, v))) err('number_any_of', 'Must validate at least one schema (anyOf)');
  const oneOf = get('oneOf');
  if (Array.isArray(oneOf) && oneOf.filter((x) => sub(x, v)).length !== 1) err('number_one_of', 'Must validate one and only one schema (oneOf)');
  const not = get('not');
  if (not !== undefined && sub(not, v)) err('number_not', 'Must not validate the schema (not)');
  const ifS = get('if');
  if (ifS !== undefined) {
    const thenS = get('then');
    const elseS = get('else');
    if (sub(ifS, v)) {
      if (thenS !== undefined && !sub(thenS, v)) {
        validate(thenS, v, path, ctx);
        err('condition_then', 'Must validate "then" as "if" was valid');
      }
    } else if (elseS !== undefined && !sub(elseS, v)) {
      validate(elseS, v, path, ctx);
      err('condition_else', 'Must validate "else" as "if" was not valid');
    }
  }
  const en = get('enum');
  if (Array.isArray(en) && !en.some((x) => equals(x, v))) {
    err('enum', `${fieldName(path)} must be one of the following: ${en.map((x) => JSON.stringify(x)).join(', ')}`);
  }
  const cst = get('const');
  if (cst !== undefined && !equals(cst, v)) err('const', `${fieldName(path)} does not match: ${JSON.stringify(cst)}`);

  if (Array.isArray(v)) validateArray(get, v, path, ctx, err);
  else if (isObject(v)) validateObject(get, v, path, ctx, err);
  else if (typeof v === 'string') validateString(get, v, err);
  else if (typeof v === 'number' || typeof v === 'bigint') validateNumber(get, v, err);
}

type Getter = (k: string) => Value | undefined;
type Reporter = (type: string, desc: string, p?: string[]) => void;

function validateArray(get: Getter, v: Value[], path: string[], ctx: Ctx, err: Reporter): void {
  const items = get('items');
  if (Array.isArray(items)) {
    items.forEach((s, i) => i < v.length && validate(s, v[i], [...path, String(i)], ctx));
    const extra = get('additionalItems');
    if (extra === false && v.length > items.length) err('array_no_additional_items', 'No additional items allowed on array');
    else if (extra !== undefined && isObject(extra)) for (let i = items.length; i < v.length; i++) validate(extra, v[i], [...path, String(i)], ctx);
  } else if (items !== undefined) {
    v.forEach((x, i) => validate(items, x, [...path, String(i)], ctx));
  }
  const min = get('minItems');
  if (min !== undefined && v.length < toDouble(min as number)) err('array_min_items', `Array must have at least ${numStr(min)} items`);
  const max = get('maxItems');
  if (max !== undefined && v.length > toDouble(max as number)) err('array_max_items', `Array must have at most ${numStr(max)} items`);
  if (get('uniqueItems') === true) {
    outer: for (let i = 0; i < v.length; i++) {
      for (let j = i + 1; j < v.length; j++) {
        if (equals(v[i], v[j])) {
          err('unique', `array items[${i},${j}] must be unique`);
          break outer;
        }
      }
    }
  }
  const contains = get('contains');
  if (contains !== undefined && !v.some((x) => {
    const inner: Ctx = { root: ctx.root, errors: [] };
    validate(contains, x, path, inner);
    return inner.errors.length === 0;
  })) err('contains', 'At least one of the items must match');
}

function validateObject(get: Getter, v: ObjectValue, path: string[], ctx: Ctx, err: Reporter): void {
  const entries = objectEntries(v) as [string, Value][];
  const required = get('required');
  if (Array.isArray(required)) {
    for (const r of required) if (typeof r === 'string' && objectGet(v, r) === undefined) err('required', `${r} is required`);
  }
  const props = get('properties');
  const patterns = get('patternProperties');
  const additional = get('additionalProperties');
  for (const [k, x] of entries) {
    let matched = false;
    const ps = props !== undefined && isObject(props) ? objectGet(props, k) : undefined;
    if (ps !== undefined) {
      matched = true;
      validate(ps, x, [...path, k], ctx);
    }
    if (patterns !== undefined && isObject(patterns)) {
      for (const [p, s] of objectEntries(patterns)) {
        if (RE2JS.compile(p as string).matcher(k).find()) {
          matched = true;
          validate(s, x, [...path, k], ctx);
        }
      }
    }
    if (!matched && additional !== undefined) {
      if (additional === false) err('additional_property_not_allowed', `Additional property ${k} is not allowed`);
      else validate(additional, x, [...path, k], ctx);
    }
  }
  const minP = get('minProperties');
  if (minP !== undefined && entries.length < toDouble(minP as number)) err('array_min_properties', `Must have at least ${numStr(minP)} properties`);
  const maxP = get('maxProperties');
  if (maxP !== undefined && entries.length > toDouble(maxP as number)) err('array_max_properties', `Must have at most ${numStr(maxP)} properties`);
  const deps = get('dependencies');
  if (deps !== undefined && isObject(deps)) {
    for (const [name, d] of objectEntries(deps)) {
      if (objectGet(v, name) === undefined) continue;
      if (Array.isArray(d)) {
        for (const need of d) if (typeof need === 'string' && objectGet(v, need) === undefined) err('missing_dependency', `Has a dependency on ${need}`);
      } else {
        validate(d, v, path, ctx);
      }
    }
  }
  const names = get('propertyNames');
  if (names !== undefined) {
    for (const [k] of entries) {
      const inner: Ctx = { root: ctx.root, errors: [] };
      validate(names, k, path, inner);
      if (inner.errors.length > 0) err('invalid_property_name', `Property name of "${k}" does not match`);
    }
  }
}

function validateString(get: Getter, v: string, err: Reporter): void {
  const len = [...v].length;
  const min = get('minLength');
  if (min !== undefined && len < toDouble(min as number)) err('string_gte', `String length must be greater than or equal to ${numStr(min)}`);
  const max = get('maxLength');
  if (max !== undefined && len > toDouble(max as number)) err('string_lte', `String length must be less than or equal to ${numStr(max)}`);
  const pattern = get('pattern');
  if (typeof pattern === 'string' && !RE2JS.compile(pattern).matcher(v).find()) err('pattern', `Does not match pattern '${pattern}'`);
}

function validateNumber(get: Getter, n: number | bigint, err: Reporter): void {
  const x = toDouble(n);
  const mult = get('multipleOf');
  if (mult !== undefined) {
    const q = x / toDouble(mult as number);
    if (!Number.isInteger(q)) err('multiple_of', `Must be a multiple of ${numStr(mult)}`);
  }
  const exMin = get('exclusiveMinimum');
  const exMax = get('exclusiveMaximum');
  const min = get('minimum');
  if (min !== undefined) {
    if (exMin === true ? x <= toDouble(min as number) : x < toDouble(min as number)) {
      err(exMin === true ? 'number_gt' : 'number_gte', exMin === true ? `Must be greater than ${numStr(min)}` : `Must be greater than or equal to ${numStr(min)}`);
    }
  }
  if (typeof exMin === 'number' && x <= exMin) err('number_gt', `Must be greater than ${numStr(exMin)}`);
  const max = get('maximum');
  if (max !== undefined) {
    if (exMax === true ? x >= toDouble(max as number) : x > toDouble(max as number)) {
      err(exMax === true ? 'number_lt' : 'number_lte', exMax === true ? `Must be less than ${numStr(max)}` : `Must be less than or equal to ${numStr(max)}`);
    }
  }
  if (typeof exMax === 'number' && x >= exMax) err('number_lt', `Must be less than ${numStr(exMax)}`);
}

export function validateDocument(schema: Value, doc: Value): ValidationError[] {
  const ctx: Ctx = { root: schema, errors: [] };
  validate(schema, doc, [], ctx);
  return ctx.errors;
}
