/**
 * GraphQL documents in the shape of gqlparser's Go structs, because OPA exposes those structs'
 * JSON as Rego values: field names are the Go names, and a JSON object from Rego maps back onto
 * the same shape. Lower-case properties (`sel`, `pos`) are internal and never serialized.
 */
import type { Pos } from './graphql-lexer.js';
import { isObject, objectEntries, type PlainObject, type Value } from '../value/types.js';

export const enum VK {
  Variable = 0,
  Int = 1,
  Float = 2,
  String = 3,
  Block = 4,
  Boolean = 5,
  Null = 6,
  Enum = 7,
  List = 8,
  Object = 9,
}

export interface GValue {
  Raw: string;
  Children: GChild[];
  Kind: number;
  ExpectedTypeHasDefault: boolean;
  pos?: Pos;
}
export interface GChild {
  Name: string;
  Value: GValue | null;
  pos?: Pos;
}
export interface GType {
  NamedType: string;
  Elem: GType | null;
  NonNull: boolean;
  pos?: Pos;
}
export interface GArgument {
  Name: string;
  Value: GValue | null;
  pos?: Pos;
}
export interface GDirective {
  Name: string;
  Arguments: GArgument[];
  Location: string;
  pos?: Pos;
}
export interface GVariableDefinition {
  Variable: string;
  Type: GType | null;
  DefaultValue: GValue | null;
  Directives: GDirective[];
  Used: boolean;
  pos?: Pos;
}
export interface GField {
  sel: 'field';
  Alias: string;
  Name: string;
  Arguments: GArgument[];
  Directives: GDirective[];
  SelectionSet: GSelection[];
  pos?: Pos;
}
export interface GFragmentSpread {
  sel: 'spread';
  Name: string;
  Directives: GDirective[];
  pos?: Pos;
}
export interface GInlineFragment {
  sel: 'inline';
  TypeCondition: string;
  Directives: GDirective[];
  SelectionSet: GSelection[];
  pos?: Pos;
}
export type GSelection = GField | GFragmentSpread | GInlineFragment;

export interface GOperation {
  Operation: string;
  Name: string;
  VariableDefinitions: GVariableDefinition[];
  Directives: GDirective[];
  SelectionSet: GSelection[];
  pos?: Pos;
}
export interface GFragment {
  Name: string;
  VariableDefinition: GVariableDefinition[];
  TypeCondition: string;
  Directives: GDirective[];
  SelectionSet: GSelection[];
  pos?: Pos;
}
export interface GQueryDocument {
  Operations: GOperation[];
  Fragments: GFragment[];
}

export interface GArgumentDefinition {
  Description: string;
  Name: string;
  DefaultValue: GValue | null;
  Type: GType | null;
  Directives: GDirective[];
  pos?: Pos;
}
export interface GFieldDefinition {
  Description: string;
  Name: string;
  Arguments: GArgumentDefinition[];
  DefaultValue: GValue | null;
  Type: GType | null;
  Directives: GDirective[];
  pos?: Pos;
}
export interface GEnumValue {
  Description: string;
  Name: string;
  Directives: GDirective[];
  pos?: Pos;
}
export interface GDefinition {
  Kind: string;
  Description: string;
  Name: string;
  Directives: GDirective[];
  Interfaces: string[];
  Fields: GFieldDefinition[];
  Types: string[];
  EnumValues: GEnumValue[];
  BuiltIn: boolean;
  pos?: Pos;
}
export interface GDirectiveDefinition {
  Description: string;
  Name: string;
  Arguments: GArgumentDefinition[];
  Locations: string[];
  IsRepeatable: boolean;
  pos?: Pos;
}
export interface GOperationType {
  Operation: string;
  Type: string;
  pos?: Pos;
}
export interface GSchemaDefinition {
  Description: string;
  Directives: GDirective[];
  OperationTypes: GOperationType[];
  pos?: Pos;
}
export interface GSchemaDocument {
  Schema: GSchemaDefinition[];
  SchemaExtension: GSchemaDefinition[];
  Directives: GDirectiveDefinition[];
  Definitions: GDefinition[];
  Extensions: GDefinition[];
}

// ---- to Rego values (OPA prunes positions, nulls and empty collections) ---------------------

/** JSON of a document as OPA returns it: no positions, no nulls, no empty arrays/objects. */
export function astToValue(x: unknown): Value {
  return prune(x) ?? Object.create(null);
}

function prune(x: unknown): Value | undefined {
  if (x === null || x === undefined) return undefined;
  if (typeof x === 'string' || typeof x === 'boolean' || typeof x === 'number') return x;
  if (Array.isArray(x)) {
    const out: Value[] = [];
    for (const e of x) {
      const v = prune(e);
      if (v !== undefined) out.push(v);
    }
    return out.length > 0 ? out : undefined;
  }
  if (typeof x === 'object') {
    const out: PlainObject = Object.create(null);
    let n = 0;
    for (const [k, e] of Object.entries(x as Record<string, unknown>)) {
      if (!/^[A-Z]/.test(k)) continue;
      const v = prune(e);
      if (v === undefined) continue;
      out[k] = v;
      n++;
    }
    return n > 0 ? out : undefined;
  }
  return undefined;
}

// ---- from Rego values (as Go's json.Unmarshal would fill the structs) -----------------------

type Obj = Record<string, Value>;

function asObj(v: Value | undefined): Obj | undefined {
  if (v === undefined || !isObject(v)) return undefined;
  const o: Obj = {};
  for (const [k, e] of objectEntries(v)) if (typeof k === 'string') o[k] = e;
  return o;
}
const str = (v: Value | undefined): string => (typeof v === 'string' ? v : '');
const bool = (v: Value | undefined): boolean => v === true;
const num = (v: Value | undefined): number => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : 0);
function list<T>(v: Value | undefined, f: (o: Obj) => T): T[] {
  if (!Array.isArray(v)) return [];
  const out: T[] = [];
  for (const e of v) {
    const o = asObj(e);
    if (o) out.push(f(o));
  }
  return out;
}
const strList = (v: Value | undefined): string[] => (Array.isArray(v) ? v.filter((e): e is string => typeof e === 'string') : []);
function opt<T>(v: Value | undefined, f: (o: Obj) => T): T | null {
  const o = asObj(v);
  return o ? f(o) : null;
}

export function valueFrom(o: Obj): GValue {
  return {
    Raw: str(o.Raw),
    Children: list(o.Children, (c) => ({ Name: str(c.Name), Value: opt(c.Value, valueFrom) })),
    Kind: num(o.Kind),
    ExpectedTypeHasDefault: bool(o.ExpectedTypeHasDefault),
  };
}
export function typeFrom(o: Obj): GType {
  return { NamedType: str(o.NamedType), Elem: opt(o.Elem, typeFrom), NonNull: bool(o.NonNull) };
}
const argumentFrom = (o: Obj): GArgument => ({ Name: str(o.Name), Value: opt(o.Value, valueFrom) });
const directiveFrom = (o: Obj): GDirective => ({
  Name: str(o.Name),
  Arguments: list(o.Arguments, argumentFrom),
  Location: str(o.Location),
});
const varDefFrom = (o: Obj): GVariableDefinition => ({
  Variable: str(o.Variable),
  Type: opt(o.Type, typeFrom),
  DefaultValue: opt(o.DefaultValue, valueFrom),
  Directives: list(o.Directives, directiveFrom),
  Used: bool(o.Used),
});

/** Selections carry no type tag in JSON; the present keys tell them apart. */
function selectionFrom(o: Obj): GSelection {
  const has = (k: string) => o[k] !== undefined && o[k] !== null;
  const directives = list(o.Directives, directiveFrom);
  if (has('Alias') || has('Arguments') || (has('Name') && has('SelectionSet'))) {
    const name = str(o.Name);
    return {
      sel: 'field',
      Alias: has('Alias') ? str(o.Alias) : name,
      Name: name,
      Arguments: list(o.Arguments, argumentFrom),
      Directives: directives,
      SelectionSet: list(o.SelectionSet, selectionFrom),
    };
  }
  if (has('Name')) return { sel: 'spread', Name: str(o.Name), Directives: directives };
  return { sel: 'inline', TypeCondition: str(o.TypeCondition), Directives: directives, SelectionSet: list(o.SelectionSet, selectionFrom) };
}

export function queryDocumentFrom(v: Value): GQueryDocument {
  const o = asObj(v) ?? {};
  return {
    Operations: list(o.Operations, (x) => ({
      Operation: str(x.Operation),
      Name: str(x.Name),
      VariableDefinitions: list(x.VariableDefinitions, varDefFrom),
      Directives: list(x.Directives, directiveFrom),
      SelectionSet: list(x.SelectionSet, selectionFrom),
    })),
    Fragments: list(o.Fragments, (x) => ({
      Name: str(x.Name),
      VariableDefinition: list(x.VariableDefinition, varDefFrom),
      TypeCondition: str(x.TypeCondition),
      Directives: list(x.Directives, directiveFrom),
      SelectionSet: list(x.SelectionSet, selectionFrom),
    })),
  };
}

const argDefFrom = (o: Obj): GArgumentDefinition => ({
  Description: str(o.Description),
  Name: str(o.Name),
  DefaultValue: opt(o.DefaultValue, valueFrom),
  Type: opt(o.Type, typeFrom),
  Directives: list(o.Directives, directiveFrom),
});
const fieldDefFrom = (o: Obj): GFieldDefinition => ({
  Description: str(o.Description),
  Name: str(o.Name),
  Arguments: list(o.Arguments, argDefFrom),
  DefaultValue: opt(o.DefaultValue, valueFrom),
  Type: opt(o.Type, typeFrom),
  Directives: list(o.Directives, directiveFrom),
});
const definitionFrom = (o: Obj): GDefinition => ({
  Kind: str(o.Kind),
  Description: str(o.Description),
  Name: str(o.Name),
  Directives: list(o.Directives, directiveFrom),
  Interfaces: strList(o.Interfaces),
  Fields: list(o.Fields, fieldDefFrom),
  Types: strList(o.Types),
  EnumValues: list(o.EnumValues, (e) => ({ Description: str(e.Description), Name: str(e.Name), Directives: list(e.Directives, directiveFrom) })),
  BuiltIn: bool(o.BuiltIn),
});
const schemaDefFrom = (o: Obj): GSchemaDefinition => ({
  Description: str(o.Description),
  Directives: list(o.Directives, directiveFrom),
  OperationTypes: list(o.OperationTypes, (t) => ({ Operation: str(t.Operation), Type: str(t.Type) })),
});

export function schemaDocumentFrom(v: Value): GSchemaDocument {
  const o = asObj(v) ?? {};
  return {
    Schema: list(o.Schema, schemaDefFrom),
    SchemaExtension: list(o.SchemaExtension, schemaDefFrom),
    Directives: list(o.Directives, (d) => ({
      Description: str(d.Description),
      Name: str(d.Name),
      Arguments: list(d.Arguments, argDefFrom),
      Locations: strList(d.Locations),
      IsRepeatable: bool(d.IsRepeatable),
    })),
    Definitions: list(o.Definitions, definitionFrom),
    Extensions: list(o.Extensions, definitionFrom),
  };
}

/** Type reference text (`[String!]!`). */
export function typeString(t: GType | null): string {
  if (!t) return '';
  const inner = t.Elem ? `[${typeString(t.Elem)}]` : t.NamedType;
  return t.NonNull ? inner + '!' : inner;
}

/** The named type at the bottom of a type reference. */
export function typeName(t: GType | null): string {
  if (!t) return '';
  return t.Elem ? typeName(t.Elem) : t.NamedType;
}
