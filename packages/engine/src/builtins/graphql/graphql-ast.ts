/**
 * graphql-js documents ↔ the JSON OPA exchanges with Rego: the JSON of gqlparser's Go structs
 * (field names are the Go names), pruned of positions, nulls and empty collections. A Rego
 * object maps back onto graphql-js nodes as Go's json.Unmarshal would fill the structs (unknown
 * keys ignored, missing ones zero). Go fields graphql-js has no place for (`Used`,
 * `ExpectedTypeHasDefault`, `Location`, `BuiltIn`) are kept beside the nodes so they round-trip.
 */
import {
  Kind,
  type DefinitionNode,
  type DirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  type NamedTypeNode,
  type NameNode,
  type SelectionNode,
  type StringValueNode,
  type TypeNode,
  type ValueNode,
  type VariableDefinitionNode,
} from 'graphql';
import type { PlainObject, Value } from '../../value/types.js';

/** gqlparser's ast.ValueKind numbering. */
const VK = { Variable: 0, Int: 1, Float: 2, String: 3, Block: 4, Boolean: 5, Null: 6, Enum: 7, List: 8, Object: 9 } as const;

/** gqlparser's definition kinds ↔ graphql-js definition and extension node kinds. */
const DEF_KINDS: [string, Kind, Kind][] = [
  ['SCALAR', Kind.SCALAR_TYPE_DEFINITION, Kind.SCALAR_TYPE_EXTENSION],
  ['OBJECT', Kind.OBJECT_TYPE_DEFINITION, Kind.OBJECT_TYPE_EXTENSION],
  ['INTERFACE', Kind.INTERFACE_TYPE_DEFINITION, Kind.INTERFACE_TYPE_EXTENSION],
  ['UNION', Kind.UNION_TYPE_DEFINITION, Kind.UNION_TYPE_EXTENSION],
  ['ENUM', Kind.ENUM_TYPE_DEFINITION, Kind.ENUM_TYPE_EXTENSION],
  ['INPUT_OBJECT', Kind.INPUT_OBJECT_TYPE_DEFINITION, Kind.INPUT_OBJECT_TYPE_EXTENSION],
];

type GoFields = { Used?: boolean; ExpectedTypeHasDefault?: boolean; Location?: string; BuiltIn?: boolean };
const goFields = new WeakMap<object, GoFields>();

// ---- graphql-js → OPA JSON ------------------------------------------------------------------

type Out = Record<string, unknown>;
const desc = (d: StringValueNode | undefined): string => d?.value ?? '';
const names = (ns: readonly { name: NameNode }[] | undefined): string[] => (ns ?? []).map((n) => n.name.value);

function typeOut(t: TypeNode | undefined): Out | null {
  if (!t) return null;
  if (t.kind === Kind.NON_NULL_TYPE) return { ...typeOut(t.type), NonNull: true };
  if (t.kind === Kind.LIST_TYPE) return { NamedType: '', Elem: typeOut(t.type), NonNull: false };
  return { NamedType: t.name.value, Elem: null, NonNull: false };
}

function valueOut(v: ValueNode | undefined): Out | null {
  if (!v) return null;
  const go = goFields.get(v);
  const make = (Kind: number, Raw: string, Children: Out[] = []): Out => ({ Raw, Children, Kind, ExpectedTypeHasDefault: go?.ExpectedTypeHasDefault ?? false });
  switch (v.kind) {
    case Kind.VARIABLE:
      return make(VK.Variable, v.name.value);
    case Kind.INT:
      return make(VK.Int, v.value);
    case Kind.FLOAT:
      return make(VK.Float, v.value);
    case Kind.STRING:
      return make(v.block ? VK.Block : VK.String, v.value);
    case Kind.BOOLEAN:
      return make(VK.Boolean, String(v.value));
    case Kind.NULL:
      return make(VK.Null, 'null');
    case Kind.ENUM:
      return make(VK.Enum, v.value);
    case Kind.LIST:
      return make(VK.List, '', v.values.map((e) => ({ Name: '', Value: valueOut(e) })));
    case Kind.OBJECT:
      return make(VK.Object, '', v.fields.map((f) => ({ Name: f.name.value, Value: valueOut(f.value) })));
  }
}

const argsOut = (args: readonly { name: NameNode; value: ValueNode }[] | undefined): Out[] =>
  (args ?? []).map((a) => ({ Name: a.name.value, Value: valueOut(a.value) }));
const directivesOut = (ds: readonly DirectiveNode[] | undefined): Out[] =>
  (ds ?? []).map((d) => ({ Name: d.name.value, Arguments: argsOut(d.arguments), Location: goFields.get(d)?.Location ?? '' }));
const varDefsOut = (vs: readonly VariableDefinitionNode[] | undefined): Out[] =>
  (vs ?? []).map((v) => ({
    Variable: v.variable.name.value,
    Type: typeOut(v.type),
    DefaultValue: valueOut(v.defaultValue),
    Directives: directivesOut(v.directives),
    Used: goFields.get(v)?.Used ?? false,
  }));

function selectionsOut(sels: readonly SelectionNode[] | undefined): Out[] {
  return (sels ?? []).map((s): Out => {
    if (s.kind === Kind.FIELD) {
      const name = s.name.value;
      const SelectionSet = selectionsOut(s.selectionSet?.selections);
      return { Alias: s.alias?.value ?? name, Name: name, Arguments: argsOut(s.arguments), Directives: directivesOut(s.directives), SelectionSet };
    }
    if (s.kind === Kind.FRAGMENT_SPREAD) return { Name: s.name.value, Directives: directivesOut(s.directives) };
    return { TypeCondition: s.typeCondition?.name.value ?? '', Directives: directivesOut(s.directives), SelectionSet: selectionsOut(s.selectionSet.selections) };
  });
}

const inputValuesOut = (vs: readonly InputValueDefinitionNode[] | undefined): Out[] =>
  (vs ?? []).map((a) => ({ Description: desc(a.description), Name: a.name.value, DefaultValue: valueOut(a.defaultValue), Type: typeOut(a.type), Directives: directivesOut(a.directives) }));
const fieldDefsOut = (fs: readonly (FieldDefinitionNode | InputValueDefinitionNode)[] | undefined): Out[] =>
  (fs ?? []).map((f) => ({
    Description: desc(f.description),
    Name: f.name.value,
    Arguments: inputValuesOut('arguments' in f ? f.arguments : undefined),
    DefaultValue: valueOut('defaultValue' in f ? f.defaultValue : undefined),
    Type: typeOut(f.type),
    Directives: directivesOut(f.directives),
  }));

function definitionOut(def: DefinitionNode): Out | undefined {
  const kind = DEF_KINDS.find(([, d, e]) => d === def.kind || e === def.kind)?.[0];
  if (!kind || !('name' in def) || !def.name) return undefined;
  const d = def as DefinitionNode & Record<string, unknown>;
  const fields = d.fields as readonly (FieldDefinitionNode | InputValueDefinitionNode)[] | undefined;
  return {
    Kind: kind,
    Description: desc(d.description as StringValueNode | undefined),
    Name: def.name.value,
    Directives: directivesOut(d.directives as readonly DirectiveNode[] | undefined),
    Interfaces: names(d.interfaces as readonly NamedTypeNode[] | undefined),
    Fields: fieldDefsOut(fields),
    Types: names(d.types as readonly NamedTypeNode[] | undefined),
    EnumValues: ((d.values as readonly { name: NameNode; description?: StringValueNode; directives?: readonly DirectiveNode[] }[] | undefined) ?? []).map((e) => ({
      Description: desc(e.description),
      Name: e.name.value,
      Directives: directivesOut(e.directives),
    })),
    BuiltIn: goFields.get(def)?.BuiltIn ?? false,
  };
}

/** OPA's JSON of a query document. */
export function queryToValue(doc: DocumentNode): Value {
  const Operations: Out[] = [];
  const Fragments: Out[] = [];
  for (const def of doc.definitions) {
    if (def.kind === Kind.OPERATION_DEFINITION) {
      Operations.push({
        Operation: def.operation,
        Name: def.name?.value ?? '',
        VariableDefinitions: varDefsOut(def.variableDefinitions),
        Directives: directivesOut(def.directives),
        SelectionSet: selectionsOut(def.selectionSet.selections),
      });
    } else if (def.kind === Kind.FRAGMENT_DEFINITION) {
      Fragments.push({
        Name: def.name.value,
        VariableDefinition: varDefsOut(def.variableDefinitions),
        TypeCondition: def.typeCondition.name.value,
        Directives: directivesOut(def.directives),
        SelectionSet: selectionsOut(def.selectionSet.selections),
      });
    }
  }
  return prune({ Operations, Fragments }) ?? Object.create(null);
}

/** OPA's JSON of a schema document. */
export function schemaToValue(doc: DocumentNode): Value {
  const out: Record<string, Out[]> = { Schema: [], SchemaExtension: [], Directives: [], Definitions: [], Extensions: [] };
  for (const def of doc.definitions) {
    if (def.kind === Kind.SCHEMA_DEFINITION || def.kind === Kind.SCHEMA_EXTENSION) {
      out[def.kind === Kind.SCHEMA_DEFINITION ? 'Schema' : 'SchemaExtension'].push({
        Description: def.kind === Kind.SCHEMA_DEFINITION ? desc(def.description) : '',
        Directives: directivesOut(def.directives),
        OperationTypes: (def.operationTypes ?? []).map((t) => ({ Operation: t.operation, Type: t.type.name.value })),
      });
    } else if (def.kind === Kind.DIRECTIVE_DEFINITION) {
      out.Directives.push({
        Description: desc(def.description),
        Name: def.name.value,
        Arguments: inputValuesOut(def.arguments),
        Locations: def.locations.map((l) => l.value),
        IsRepeatable: def.repeatable,
      });
    } else {
      const d = definitionOut(def);
      if (d) out[def.kind.endsWith('Extension') ? 'Extensions' : 'Definitions'].push(d);
    }
  }
  return prune(out) ?? Object.create(null);
}

/** Drops nulls, empty arrays and empty objects, as OPA does before handing the JSON to Rego. */
function prune(x: unknown): Value | undefined {
  if (x === null || x === undefined) return undefined;
  if (typeof x === 'string' || typeof x === 'boolean' || typeof x === 'number') return x;
  if (Array.isArray(x)) {
    const out = x.map(prune).filter((v): v is Value => v !== undefined);
    return out.length > 0 ? out : undefined;
  }
  if (typeof x !== 'object') return undefined;
  const out: PlainObject = Object.create(null);
  let n = 0;
  for (const [k, e] of Object.entries(x as Record<string, unknown>)) {
    const v = prune(e);
    if (v === undefined) continue;
    out[k] = v;
    n++;
  }
  return n > 0 ? out : undefined;
}

export { DEF_KINDS, VK, goFields };
