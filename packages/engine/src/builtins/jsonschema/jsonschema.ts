/**
 * `json.verify_schema` and `json.match_schema`: schema and document may be JSON text or values;
 * errors follow gojsonschema (see jsonschema-validate.ts) as OPA reports them.
 */
import { builtinError, type BuiltinDecl } from '../define.js';
import { T } from '../signature.js';
import { parseJSONExact, toJSONValue } from '../../value/json.js';
import { isObject, type PlainObject, type Value } from '../../value/types.js';
import { SchemaError, schemaFor, schemaKey, validateDocument } from './jsonschema-validate.js';

class LoadError {
  constructor(readonly message: string) {}
}

/** OPA's astValueToJSONSchemaLoader: JSON text or an object (as its JSON). */
function load(v: Value, copy = true): Value {
  if (typeof v === 'string') {
    try {
      return parseJSONExact(v);
    } catch {
      throw new LoadError('invalid JSON string');
    }
  }
  if (isObject(v)) return copy ? toJSONValue(v) : v;
  throw new LoadError('wrong type, expected string or object');
}

/** The compiled schema of a builtin argument (cached by value; see jsonschema-validate.ts). */
function compiled(arg: Value) {
  return schemaFor(() => load(arg), () => schemaKey(arg), typeof arg === 'object' && arg !== null ? arg : undefined);
}

const docType = T.union(T.string, T.object(T.any, T.any));

export const jsonschemaBuiltins: BuiltinDecl[] = [
  {
    name: 'json.verify_schema',
    params: [{ name: 'schema', type: docType, description: 'the schema to verify' }],
    result: T.array(T.any),
    category: 'object',
    description: 'Checks that a value is a valid JSON Schema; answers [true, null] or [false, error text].',
    impl(args) {
      try {
        compiled(args[0]);
      } catch (e) {
        if (e instanceof LoadError) throw builtinError(`invalid JSON schema: ${e.message}`);
        if (e instanceof SchemaError) return [false, `jsonschema: ${e.message}`];
        throw e;
      }
      return [true, null];
    },
  },
  {
    name: 'json.match_schema',
    params: [
      { name: 'document', type: docType, description: 'document to verify by schema' },
      { name: 'schema', type: docType, description: 'schema to verify document by' },
    ],
    result: T.array(T.any),
    category: 'object',
    description: 'Validates a document against a JSON Schema; answers [valid, errors] with one object per error.',
    impl(args) {
      let doc: Value;
      let schema: ReturnType<typeof compiled>;
      try {
        doc = load(args[0], false);
        schema = compiled(args[1]);
      } catch (e) {
        if (e instanceof LoadError || e instanceof SchemaError) throw builtinError(e.message);
        throw e;
      }
      let found;
      try {
        found = validateDocument(schema, doc);
      } catch (e) {
        // The library rejects what it cannot address, e.g. a key with a lone surrogate.
        throw builtinError(`jsonschema: ${e instanceof Error ? e.message : String(e)}`);
      }
      const errors = found.map(
        (e): PlainObject => ({ error: `${e.field}: ${e.desc}`, type: e.type, field: e.field, desc: e.desc }),
      );
      return [errors.length === 0, errors];
    },
  },
];
