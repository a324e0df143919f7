/**
 * The schema's own well-formedness, as gojsonschema checks it when it loads a schema: the
 * problems it rejects, reported with its texts (OPA passes them on, `jsonschema: `-prefixed in
 * `json.verify_schema`). The validation library accepts more, so this check runs first.
 */
import { isObject, objectEntries, type Value } from '../../value/types.js';
import { RE2JS } from 're2js';

/** A schema gojsonschema would not load; `message` is its text. */
export class SchemaError {
  constructor(readonly message: string) {}
}

const VALID_TYPES = ['array', 'boolean', 'integer', 'number', 'null', 'object', 'string'];

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
