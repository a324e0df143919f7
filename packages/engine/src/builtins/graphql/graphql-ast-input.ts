/**
 * OPA JSON (gqlparser's Go structs, as Rego objects) → graphql-js documents, for the builtins
 * that accept an AST object instead of text. Filled as Go's json.Unmarshal would: unknown keys
 * ignored, missing ones zero (so a value without `Kind` is a variable, Go's ValueKind 0).
 * Nodes built here carry no locations; errors about them have no position.
 */
import {
  Kind,
  OperationTypeNode,
  type ConstDirectiveNode,
  type DefinitionNode,
  type DirectiveDefinitionNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  type NamedTypeNode,
  type NameNode,
  type OperationTypeDefinitionNode,
  type SelectionNode,
  type StringValueNode,
  type TypeNode,
  type ValueNode,
  type VariableDefinitionNode,
} from 'graphql';
import { isObject, objectEntries, type Value } from '../../value/types.js';
import { DEF_KINDS, VK, goFields } from './graphql-ast.js';
import { GraphQLFailure } from './graphql-syntax.js';

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
function list<T>(v: Value | undefined, f: (o: Obj) => T | undefined): T[] {
  if (!Array.isArray(v)) return [];
  const out: T[] = [];
  for (const e of v) {
    const o = asObj(e);
    const x = o && f(o);
    if (x !== undefined) out.push(x);
  }
  return out;
}
const strList = (v: Value | undefined): string[] => (Array.isArray(v) ? v.filter((e): e is string => typeof e === 'string') : []);

const name = (value: string): NameNode => ({ kind: Kind.NAME, value });
const named = (value: string): NamedTypeNode => ({ kind: Kind.NAMED_TYPE, name: name(value) });
const description = (v: Value | undefined): StringValueNode | undefined => (str(v) !== '' ? { kind: Kind.STRING, value: str(v) } : undefined);

/** Stores the Go-only fields of `o` for the JSON output (see graphql-ast.ts). */
function keep<T extends object>(node: T, o: Obj, keys: ('Used' | 'ExpectedTypeHasDefault' | 'Location' | 'BuiltIn')[]): T {
  const fields: Record<string, boolean | string> = {};
  for (const k of keys) {
    if (k === 'Location') fields[k] = str(o[k]);
    else fields[k] = bool(o[k]);
  }
  goFields.set(node, fields);
  return node;
}

function valueFrom(o: Obj): ValueNode {
  const raw = str(o.Raw);
  const children = list(o.Children, (c) => {
    const v = asObj(c.Value);
    return v && { name: str(c.Name), value: valueFrom(v) };
  });
  let node: ValueNode;
  switch (num(o.Kind)) {
    case VK.Int:
      node = { kind: Kind.INT, value: raw };
      break;
    case VK.Float:
      node = { kind: Kind.FLOAT, value: raw };
      break;
    case VK.String:
      node = { kind: Kind.STRING, value: raw };
      break;
    case VK.Block:
      node = { kind: Kind.STRING, value: raw, block: true };
      break;
    case VK.Boolean:
      node = { kind: Kind.BOOLEAN, value: raw === 'true' };
      break;
    case VK.Null:
      node = { kind: Kind.NULL };
      break;
    case VK.Enum:
      node = { kind: Kind.ENUM, value: raw };
      break;
    case VK.List:
      node = { kind: Kind.LIST, values: children.map((c) => c.value) };
      break;
    case VK.Object:
      node = { kind: Kind.OBJECT, fields: children.map((c) => ({ kind: Kind.OBJECT_FIELD, name: name(c.name), value: c.value })) };
      break;
    default:
      node = { kind: Kind.VARIABLE, name: name(raw) };
  }
  return keep(node, o, ['ExpectedTypeHasDefault']);
}
const optValue = (v: Value | undefined) => {
  const o = asObj(v);
  return o ? valueFrom(o) : undefined;
};

function typeFrom(v: Value | undefined): TypeNode {
  const o = asObj(v) ?? {};
  const elem = asObj(o.Elem);
  const inner = elem ? { kind: Kind.LIST_TYPE, type: typeFrom(elem) } as const : named(str(o.NamedType));
  return bool(o.NonNull) ? { kind: Kind.NON_NULL_TYPE, type: inner } : inner;
}

const argumentsFrom = (v: Value | undefined) =>
  list(v, (a) => ({ kind: Kind.ARGUMENT, name: name(str(a.Name)), value: optValue(a.Value) ?? { kind: Kind.NULL } }) as const);
const directivesFrom = (v: Value | undefined): ConstDirectiveNode[] =>
  list(v, (d) => keep({ kind: Kind.DIRECTIVE, name: name(str(d.Name)), arguments: argumentsFrom(d.Arguments) } as ConstDirectiveNode, d, ['Location']));
const varDefsFrom = (v: Value | undefined): VariableDefinitionNode[] =>
  list(v, (d) =>
    keep(
      {
        kind: Kind.VARIABLE_DEFINITION as const,
        variable: { kind: Kind.VARIABLE as const, name: name(str(d.Variable)) },
        type: typeFrom(d.Type),
        defaultValue: optValue(d.DefaultValue) as VariableDefinitionNode['defaultValue'],
        directives: directivesFrom(d.Directives),
      },
      d,
      ['Used'],
    ),
  );

/** Selections carry no type tag in JSON; the keys present tell them apart (as before Go unmarshals into its interface). */
function selectionsFrom(v: Value | undefined): SelectionNode[] {
  return list(v, (o): SelectionNode => {
    const has = (k: string) => o[k] !== undefined && o[k] !== null;
    const directives = directivesFrom(o.Directives);
    const selectionSet = { kind: Kind.SELECTION_SET, selections: selectionsFrom(o.SelectionSet) } as const;
    if (has('Alias') || has('Arguments') || (has('Name') && has('SelectionSet'))) {
      const fieldName = str(o.Name);
      const alias = has('Alias') ? str(o.Alias) : fieldName;
      return {
        kind: Kind.FIELD,
        alias: alias !== fieldName ? name(alias) : undefined,
        name: name(fieldName),
        arguments: argumentsFrom(o.Arguments),
        directives,
        selectionSet: selectionSet.selections.length > 0 ? selectionSet : undefined,
      };
    }
    if (has('Name')) return { kind: Kind.FRAGMENT_SPREAD, name: name(str(o.Name)), directives };
    const cond = str(o.TypeCondition);
    return { kind: Kind.INLINE_FRAGMENT, typeCondition: cond !== '' ? named(cond) : undefined, directives, selectionSet };
  });
}

function operationType(v: Value | undefined): OperationTypeNode | undefined {
  const s = str(v);
  if (s === 'query') return OperationTypeNode.QUERY;
  if (s === 'mutation') return OperationTypeNode.MUTATION;
  if (s === 'subscription') return OperationTypeNode.SUBSCRIPTION;
  return undefined;
}

export function queryFromValue(v: Value): DocumentNode {
  const o = asObj(v) ?? {};
  const definitions: DefinitionNode[] = [
    ...list(o.Operations, (x): DefinitionNode => ({
      kind: Kind.OPERATION_DEFINITION,
      operation: operationType(x.Operation) ?? OperationTypeNode.QUERY,
      name: str(x.Name) !== '' ? name(str(x.Name)) : undefined,
      variableDefinitions: varDefsFrom(x.VariableDefinitions),
      directives: directivesFrom(x.Directives),
      selectionSet: { kind: Kind.SELECTION_SET, selections: selectionsFrom(x.SelectionSet) },
    })),
    ...list(o.Fragments, (x): DefinitionNode => ({
      kind: Kind.FRAGMENT_DEFINITION,
      name: name(str(x.Name)),
      variableDefinitions: varDefsFrom(x.VariableDefinition),
      typeCondition: named(str(x.TypeCondition)),
      directives: directivesFrom(x.Directives),
      selectionSet: { kind: Kind.SELECTION_SET, selections: selectionsFrom(x.SelectionSet) },
    })),
  ];
  return { kind: Kind.DOCUMENT, definitions };
}

const inputValuesFrom = (v: Value | undefined): InputValueDefinitionNode[] =>
  list(v, (a) => ({
    kind: Kind.INPUT_VALUE_DEFINITION,
    description: description(a.Description),
    name: name(str(a.Name)),
    type: typeFrom(a.Type),
    defaultValue: optValue(a.DefaultValue) as InputValueDefinitionNode['defaultValue'],
    directives: directivesFrom(a.Directives),
  }));
const fieldDefsFrom = (v: Value | undefined): FieldDefinitionNode[] =>
  list(v, (f) => ({
    kind: Kind.FIELD_DEFINITION,
    description: description(f.Description),
    name: name(str(f.Name)),
    arguments: inputValuesFrom(f.Arguments),
    type: typeFrom(f.Type),
    directives: directivesFrom(f.Directives),
  }));

function definitionFrom(o: Obj, extension: boolean): DefinitionNode {
  const entry = DEF_KINDS.find(([k]) => k === str(o.Kind));
  if (!entry) throw new GraphQLFailure(`Error in gqlparser SchemaDocument to Schema conversion: input: unknown kind ${JSON.stringify(str(o.Kind))} of type ${str(o.Name)}`);
  const [k, defKind, extKind] = entry;
  const common = { name: name(str(o.Name)), directives: directivesFrom(o.Directives), description: extension ? undefined : description(o.Description) };
  const parts: Record<string, unknown> = {};
  if (k === 'OBJECT' || k === 'INTERFACE') {
    parts.interfaces = strList(o.Interfaces).map(named);
    parts.fields = fieldDefsFrom(o.Fields);
  } else if (k === 'UNION') {
    parts.types = strList(o.Types).map(named);
  } else if (k === 'ENUM') {
    parts.values = list(o.EnumValues, (e) => ({
      kind: Kind.ENUM_VALUE_DEFINITION,
      description: description(e.Description),
      name: name(str(e.Name)),
      directives: directivesFrom(e.Directives),
    }));
  } else if (k === 'INPUT_OBJECT') {
    parts.fields = inputValuesFrom(o.Fields);
  }
  return keep({ kind: extension ? extKind : defKind, ...common, ...parts } as DefinitionNode, o, ['BuiltIn']);
}

function schemaDefFrom(o: Obj, extension: boolean): DefinitionNode {
  const operationTypes = list(o.OperationTypes, (t): OperationTypeDefinitionNode | undefined => {
    const operation = operationType(t.Operation);
    return operation && { kind: Kind.OPERATION_TYPE_DEFINITION, operation, type: named(str(t.Type)) };
  });
  const directives = directivesFrom(o.Directives);
  if (extension) return { kind: Kind.SCHEMA_EXTENSION, directives, operationTypes };
  return { kind: Kind.SCHEMA_DEFINITION, description: description(o.Description), directives, operationTypes };
}

export function schemaFromValue(v: Value): DocumentNode {
  const o = asObj(v) ?? {};
  const definitions: DefinitionNode[] = [
    ...list(o.Schema, (s) => schemaDefFrom(s, false)),
    ...list(o.SchemaExtension, (s) => schemaDefFrom(s, true)),
    ...list(o.Directives, (d): DirectiveDefinitionNode => ({
      kind: Kind.DIRECTIVE_DEFINITION,
      description: description(d.Description),
      name: name(str(d.Name)),
      arguments: inputValuesFrom(d.Arguments),
      repeatable: bool(d.IsRepeatable),
      locations: strList(d.Locations).map(name),
    })),
    ...list(o.Definitions, (d) => definitionFrom(d, false)),
    ...list(o.Extensions, (d) => definitionFrom(d, true)),
  ];
  return { kind: Kind.DOCUMENT, definitions };
}
