/**
 * Schema building and validation with gqlparser's rules (the library behind OPA's graphql
 * builtins): the built-in prelude is merged first, extensions of undefined types create them,
 * no query root is required, and the first problem found is the error.
 */
import type { Pos } from './graphql-lexer.js';
import { parseSchemaDocument } from './graphql-sdl.js';
import {
  typeName,
  typeString,
  type GArgumentDefinition,
  type GDefinition,
  type GDirective,
  type GDirectiveDefinition,
  type GFieldDefinition,
  type GSchemaDocument,
  type GType,
} from './graphql-ast.js';

export class SchemaError {
  constructor(
    readonly message: string,
    readonly pos: Pos | undefined,
  ) {}
}

export interface Schema {
  types: Map<string, GDefinition>;
  directives: Map<string, GDirectiveDefinition>;
  possibleTypes: Map<string, GDefinition[]>;
  query?: GDefinition;
  mutation?: GDefinition;
  subscription?: GDefinition;
}

const PRELUDE = `
scalar Int
scalar Float
scalar String
scalar Boolean
scalar ID
directive @include(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
directive @skip(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
directive @deprecated(reason: String = "No longer supported") on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | ENUM_VALUE
directive @specifiedBy(url: String!) on SCALAR
directive @defer(if: Boolean = true, label: String) on FRAGMENT_SPREAD | INLINE_FRAGMENT
type __Schema {
  description: String
  types: [__Type!]!
  queryType: __Type!
  mutationType: __Type
  subscriptionType: __Type
  directives: [__Directive!]!
}
type __Type {
  kind: __TypeKind!
  name: String
  description: String
  fields(includeDeprecated: Boolean = false): [__Field!]
  interfaces: [__Type!]
  possibleTypes: [__Type!]
  enumValues(includeDeprecated: Boolean = false): [__EnumValue!]
  inputFields: [__InputValue!]
  ofType: __Type
  specifiedByURL: String
}
type __Field {
  name: String!
  description: String
  args: [__InputValue!]!
  type: __Type!
  isDeprecated: Boolean!
  deprecationReason: String
}
type __InputValue {
  name: String!
  description: String
  type: __Type!
  defaultValue: String
}
type __EnumValue {
  name: String!
  description: String
  isDeprecated: Boolean!
  deprecationReason: String
}
enum __TypeKind { SCALAR OBJECT INTERFACE UNION ENUM INPUT_OBJECT LIST NON_NULL }
type __Directive {
  name: String!
  description: String
  locations: [__DirectiveLocation!]!
  args: [__InputValue!]!
  isRepeatable: Boolean!
}
enum __DirectiveLocation {
  QUERY MUTATION SUBSCRIPTION FIELD FRAGMENT_DEFINITION FRAGMENT_SPREAD INLINE_FRAGMENT
  VARIABLE_DEFINITION SCHEMA SCALAR OBJECT FIELD_DEFINITION ARGUMENT_DEFINITION INTERFACE
  UNION ENUM ENUM_VALUE INPUT_OBJECT INPUT_FIELD_DEFINITION
}
`;

let preludeDoc: GSchemaDocument | undefined;
function prelude(): GSchemaDocument {
  if (!preludeDoc) {
    preludeDoc = parseSchemaDocument(PRELUDE);
    for (const d of preludeDoc.Definitions) d.BuiltIn = true;
  }
  return preludeDoc;
}

/** Deep copy, so validation (which merges extensions in place) never touches the caller's doc. */
function clone<T>(x: T): T {
  return structuredClone(x);
}

const err = (pos: Pos | undefined, message: string): never => {
  throw new SchemaError(message, pos);
};

export function isInputKind(kind: string): boolean {
  return kind === 'SCALAR' || kind === 'ENUM' || kind === 'INPUT_OBJECT';
}

/** Builds a schema from the prelude plus `userDoc`, or throws `SchemaError`. */
export function buildSchema(userDoc: GSchemaDocument): Schema {
  const pre = prelude();
  const doc: GSchemaDocument = {
    Schema: [...pre.Schema, ...userDoc.Schema].map(clone),
    SchemaExtension: [...pre.SchemaExtension, ...userDoc.SchemaExtension].map(clone),
    Directives: [...pre.Directives, ...userDoc.Directives].map(clone),
    Definitions: [...pre.Definitions, ...userDoc.Definitions].map(clone),
    Extensions: [...pre.Extensions, ...userDoc.Extensions].map(clone),
  };
  const schema: Schema = { types: new Map(), directives: new Map(), possibleTypes: new Map() };
  const addPossible = (name: string, def: GDefinition | undefined) => {
    if (!def) return;
    const l = schema.possibleTypes.get(name) ?? [];
    l.push(def);
    schema.possibleTypes.set(name, l);
  };

  for (const def of doc.Definitions) {
    if (schema.types.has(def.Name)) err(def.pos, `Cannot redeclare type ${def.Name}.`);
    schema.types.set(def.Name, def);
  }
  const defs = [...doc.Definitions];
  for (const ext of doc.Extensions) {
    let def = schema.types.get(ext.Name);
    if (!def) {
      def = { Kind: ext.Kind, Description: '', Name: ext.Name, Directives: [], Interfaces: [], Fields: [], Types: [], EnumValues: [], BuiltIn: false, pos: ext.pos };
      schema.types.set(ext.Name, def);
      defs.push(def);
    }
    if (def.Kind !== ext.Kind) err(ext.pos, `Cannot extend type ${ext.Name} because the base type is a ${def.Kind}, not ${ext.Kind}.`);
    def.Directives.push(...ext.Directives);
    def.Interfaces.push(...ext.Interfaces);
    def.Fields.push(...ext.Fields);
    def.Types.push(...ext.Types);
    def.EnumValues.push(...ext.EnumValues);
  }
  for (const def of defs) {
    if (def.Kind === 'UNION') {
      for (const t of def.Types) addPossible(def.Name, schema.types.get(t));
    } else if (def.Kind === 'OBJECT' || def.Kind === 'INPUT_OBJECT' || def.Kind === 'INTERFACE') {
      for (const i of def.Interfaces) addPossible(i, def);
      if (def.Kind !== 'INTERFACE') addPossible(def.Name, def);
    }
  }
  const builtinDirectives = new Set(['include', 'skip', 'deprecated', 'specifiedBy']);
  for (const dir of doc.Directives) {
    if (schema.directives.has(dir.Name)) {
      if (!builtinDirectives.has(dir.Name)) err(dir.pos, `Cannot redeclare directive ${dir.Name}.`);
      continue;
    }
    schema.directives.set(dir.Name, dir);
  }
  if (doc.Schema.length > 1) err(doc.Schema[1].pos, 'Cannot have multiple schema entry points, consider schema extensions instead.');
  for (const sd of [...doc.Schema, ...doc.SchemaExtension]) {
    for (const ep of sd.OperationTypes) {
      const def = schema.types.get(ep.Type);
      if (!def) err(ep.pos, `Schema root ${ep.Operation} refers to a type ${ep.Type} that does not exist.`);
      if (ep.Operation === 'query') schema.query = def;
      else if (ep.Operation === 'mutation') schema.mutation = def;
      else if (ep.Operation === 'subscription') schema.subscription = def;
    }
  }
  for (const name of [...schema.types.keys()].sort()) validateDefinition(schema, schema.types.get(name)!);
  for (const name of [...schema.directives.keys()].sort()) {
    const d = schema.directives.get(name)!;
    validateName(d.pos, d.Name);
    validateArgs(schema, d.Arguments, d);
  }
  if (doc.Schema.length === 0) {
    schema.query ??= schema.types.get('Query');
    schema.mutation ??= schema.types.get('Mutation');
    schema.subscription ??= schema.types.get('Subscription');
  }
  if (schema.query) {
    const named = (n: string, nonNull: boolean): GType => ({ NamedType: n, Elem: null, NonNull: nonNull });
    schema.query.Fields.push(
      { Description: '', Name: '__schema', Arguments: [], DefaultValue: null, Type: named('__Schema', true), Directives: [] },
      {
        Description: '',
        Name: '__type',
        Arguments: [{ Description: '', Name: 'name', DefaultValue: null, Type: named('String', true), Directives: [] }],
        DefaultValue: null,
        Type: named('__Type', false),
        Directives: [],
      },
    );
  }
  return schema;
}

function validateName(pos: Pos | undefined, name: string): void {
  if (name.startsWith('__')) err(pos, `Name "${name}" must not begin with "__", which is reserved by GraphQL introspection.`);
}

function validateTypeRef(schema: Schema, t: GType | null, pos: Pos | undefined): void {
  if (!t || !schema.types.has(typeName(t))) err(t?.pos ?? pos, `Undefined type ${typeName(t)}.`);
}

function validateArgs(schema: Schema, args: GArgumentDefinition[], current: GDirectiveDefinition | undefined): void {
  for (const arg of args) {
    validateName(arg.pos, arg.Name);
    validateTypeRef(schema, arg.Type, arg.pos);
    const def = schema.types.get(typeName(arg.Type))!;
    if (!isInputKind(def.Kind)) {
      err(arg.pos, `cannot use ${typeString(arg.Type)} as argument ${arg.Name} because ${def.Kind} is not a valid input type`);
    }
    validateDirectives(schema, arg.Directives, 'ARGUMENT_DEFINITION', current);
  }
}

function validateDirectives(schema: Schema, dirs: GDirective[], location: string, current: GDirectiveDefinition | undefined): void {
  for (const dir of dirs) {
    validateName(dir.pos, dir.Name);
    if (current && dir.Name === current.Name) err(dir.pos, `Directive ${current.Name} cannot refer to itself.`);
    const def = schema.directives.get(dir.Name);
    if (!def) err(dir.pos, `Undefined directive ${dir.Name}.`);
    if (!def!.Locations.includes(location)) err(dir.pos, `Directive ${dir.Name} is not applicable on ${location}.`);
  }
}

const fieldFor = (fields: GFieldDefinition[], name: string) => fields.find((f) => f.Name === name);

function validateDefinition(schema: Schema, def: GDefinition): void {
  for (const field of def.Fields) {
    validateName(field.pos, field.Name);
    validateTypeRef(schema, field.Type, field.pos);
    validateArgs(schema, field.Arguments, undefined);
    validateDirectives(schema, field.Directives, def.Kind === 'INPUT_OBJECT' ? 'INPUT_FIELD_DEFINITION' : 'FIELD_DEFINITION', undefined);
  }
  for (const t of def.Types) {
    const td = schema.types.get(t);
    if (!td) err(def.pos, `Undefined type "${t}".`);
    if (td!.Kind !== 'OBJECT') err(def.pos, `${def.Kind} type "${t}" must be OBJECT.`);
  }
  for (const i of def.Interfaces) validateImplements(schema, def, i);
  switch (def.Kind) {
    case 'OBJECT':
    case 'INTERFACE':
      if (def.Fields.length === 0) err(def.pos, `${def.Kind} ${def.Name}: must define one or more fields.`);
      for (const f of def.Fields) {
        const t = schema.types.get(typeName(f.Type));
        if (t && t.Kind === 'INPUT_OBJECT') {
          err(f.pos, `${def.Kind} ${def.Name}: field must be one of SCALAR, OBJECT, INTERFACE, UNION, ENUM.`);
        }
      }
      break;
    case 'ENUM':
      if (def.EnumValues.length === 0) err(def.pos, `${def.Kind} ${def.Name}: must define one or more unique enum values.`);
      for (const v of def.EnumValues) {
        if (v.Name === 'true' || v.Name === 'false' || v.Name === 'null') err(def.pos, `${def.Kind} ${def.Name}: non-enum value ${v.Name}.`);
      }
      break;
    case 'INPUT_OBJECT':
      if (def.Fields.length === 0) err(def.pos, `${def.Kind} ${def.Name}: must define one or more input fields.`);
      for (const f of def.Fields) {
        const t = schema.types.get(typeName(f.Type));
        if (t && !isInputKind(t.Kind)) err(f.pos, `${t.Kind} ${f.Name}: field must be one of SCALAR, ENUM, INPUT_OBJECT.`);
      }
      break;
  }
  for (let i = 0; i < def.Fields.length; i++) {
    for (let j = i + 1; j < def.Fields.length; j++) {
      if (def.Fields[i].Name === def.Fields[j].Name) err(def.Fields[j].pos, `Field ${def.Name}.${def.Fields[j].Name} can only be defined once.`);
    }
  }
  if (!def.BuiltIn) validateName(def.pos, def.Name);
  validateDirectives(schema, def.Directives, def.Kind, undefined);
}

function isCovariant(schema: Schema, required: GType | null, actual: GType | null): boolean {
  if (!required || !actual) return false;
  if (required.NonNull && !actual.NonNull) return false;
  if (required.NamedType !== '') {
    if (required.NamedType === actual.NamedType) return true;
    return (schema.possibleTypes.get(required.NamedType) ?? []).some((p) => p.Name === actual.NamedType);
  }
  if (required.Elem && !actual.Elem) return false;
  return isCovariant(schema, required.Elem, actual.Elem);
}

/** gqlparser's Type.IsCompatible: same names and nesting, and `a` non-null wherever `b` requires it. */
export function isCompatible(a: GType | null, b: GType | null): boolean {
  if (!a || !b) return a === b;
  if (a.NamedType !== b.NamedType) return false;
  if (a.Elem && !b.Elem) return false;
  if (a.Elem && !isCompatible(a.Elem, b.Elem)) return false;
  if (b.NonNull) return a.NonNull;
  return true;
}

function validateImplements(schema: Schema, def: GDefinition, intfName: string): void {
  const intf = schema.types.get(intfName);
  if (!intf) err(def.pos, `Undefined type "${intfName}".`);
  if (intf!.Kind !== 'INTERFACE') err(def.pos, `"${intfName}" is a non interface type ${intf!.Kind}.`);
  for (const req of intf!.Fields) {
    const found = fieldFor(def.Fields, req.Name);
    if (!found) err(def.pos, `For ${def.Name} to implement ${intf!.Name} it must have a field called ${req.Name}.`);
    if (!isCovariant(schema, req.Type, found!.Type)) {
      err(found!.pos, `For ${def.Name} to implement ${intf!.Name} the field ${req.Name} must have type ${typeString(req.Type)}.`);
    }
    for (const reqArg of req.Arguments) {
      const foundArg = found!.Arguments.find((a) => a.Name === reqArg.Name);
      if (!foundArg) {
        err(found!.pos, `For ${def.Name} to implement ${intf!.Name} the field ${req.Name} must have the same arguments but it is missing ${reqArg.Name}.`);
      }
      if (!isCompatible(reqArg.Type, foundArg!.Type)) {
        err(foundArg!.pos, `For ${def.Name} to implement ${intf!.Name} the field ${req.Name} must have the same arguments but ${reqArg.Name} has the wrong type.`);
      }
    }
    for (const a of found!.Arguments) {
      if (!req.Arguments.some((r) => r.Name === a.Name) && a.Type?.NonNull && !a.DefaultValue) {
        err(a.pos, `For ${def.Name} to implement ${intf!.Name} any additional arguments on ${found!.Name} must be optional or have a default value but ${a.Name} is required.`);
      }
    }
  }
  for (const t of intf!.Interfaces) {
    if (!def.Interfaces.includes(t)) {
      if (t === def.Name) err(def.pos, `Type ${def.Name} cannot implement ${intfName} because it would create a circular reference.`);
      err(def.pos, `Type ${def.Name} must implement ${t} because it is implemented by ${intfName}.`);
    }
  }
}
