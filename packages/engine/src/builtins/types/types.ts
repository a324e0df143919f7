/** Type predicates (is_number, is_string, …) and type_name. Predicates return false, never undefined, for other types. */
import type { BuiltinDecl } from '../define.js';
import { T } from '../signature.js';
import { typeName, type TypeName, type Value } from '../../value/types.js';

function predicate(type: TypeName, phrase: string): BuiltinDecl {
  return {
    name: `is_${type}`,
    params: [{ name: 'x', type: T.any, description: 'the value to test' }],
    result: T.boolean,
    category: 'types',
    description: `Returns true when the value is ${phrase}, false otherwise.`,
    impl(args: Value[]) {
      return typeName(args[0]) === type;
    },
  };
}

export const typesBuiltins: BuiltinDecl[] = [
  predicate('number', 'a number'),
  predicate('string', 'a string'),
  predicate('boolean', 'a boolean'),
  predicate('array', 'an array'),
  predicate('set', 'a set'),
  predicate('object', 'an object'),
  predicate('null', 'null'),
  {
    name: 'type_name',
    params: [{ name: 'x', type: T.any, description: 'the value' }],
    result: T.string,
    category: 'types',
    description: 'Returns the type of a value: "null", "boolean", "number", "string", "array", "object" or "set".',
    impl(args) {
      return typeName(args[0]);
    },
  },
];
