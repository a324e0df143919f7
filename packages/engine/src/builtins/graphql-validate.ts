/**
 * Validation of an executable document against a schema, following gqlparser's walker and rule
 * messages. The walker resolves definitions as it goes (fields, arguments, variables, fragment
 * spreads followed once per operation) and every rule reports through `report`; the caller uses
 * the first error. Not implemented: OverlappingFieldsCanBeMerged and the "Did you mean"
 * suggestions that gqlparser appends to some messages.
 */
import type { Pos } from './graphql-lexer.js';
import { goQuote } from './graphql-lexer.js';
import {
  VK,
  typeName,
  typeString,
  type GArgument,
  type GArgumentDefinition,
  type GDefinition,
  type GDirective,
  type GFieldDefinition,
  type GFragment,
  type GOperation,
  type GQueryDocument,
  type GSelection,
  type GType,
  type GValue,
  type GVariableDefinition,
} from './graphql-ast.js';
import { isCompatible, isInputKind, type Schema } from './graphql-schema.js';

export interface QueryError {
  message: string;
  pos?: Pos;
}

const isComposite = (d: GDefinition) => d.Kind === 'OBJECT' || d.Kind === 'INTERFACE' || d.Kind === 'UNION';
const isLeaf = (d: GDefinition) => d.Kind === 'SCALAR' || d.Kind === 'ENUM';

/** gqlparser's Value.String(). */
export function valueText(v: GValue | null): string {
  if (!v) return '<nil>';
  switch (v.Kind) {
    case VK.Variable:
      return '$' + v.Raw;
    case VK.String:
    case VK.Block:
      return goQuote(v.Raw);
    case VK.List:
      return '[' + v.Children.map((c) => valueText(c.Value)).join(', ') + ']';
    case VK.Object:
      return '{' + v.Children.map((c) => `${c.Name}: ${valueText(c.Value)}`).join(', ') + '}';
    default:
      return v.Raw;
  }
}

const TYPENAME_FIELD: GFieldDefinition = {
  Description: '',
  Name: '__typename',
  Arguments: [],
  DefaultValue: null,
  Type: { NamedType: 'String', Elem: null, NonNull: true },
  Directives: [],
};

class Validator {
  readonly errors: QueryError[] = [];
  private op: GOperation | undefined;
  private used = new Set<GVariableDefinition>();
  private visitedSpreads = new Set<string>();

  constructor(
    readonly schema: Schema,
    readonly doc: GQueryDocument,
  ) {}

  report(message: string, pos?: Pos): void {
    this.errors.push({ message, pos });
  }

  fragment(name: string): GFragment | undefined {
    return this.doc.Fragments.find((f) => f.Name === name);
  }

  run(): QueryError[] {
    this.documentRules();
    for (const op of this.doc.Operations) {
      this.visitedSpreads = new Set();
      this.walkOperation(op);
    }
    for (const frag of this.doc.Fragments) {
      this.visitedSpreads = new Set();
      this.walkFragmentDefinition(frag);
    }
    return this.errors;
  }

  private documentRules(): void {
    const { Operations: ops, Fragments: frags } = this.doc;
    for (const op of ops) if (op.Name === '' && ops.length > 1) this.report('This anonymous operation must be the only defined operation.', op.pos);
    this.unique(ops.filter((o) => o.Name !== ''), (o) => o.Name, (n) => `There can be only one operation named "${n}".`);
    this.unique(frags, (f) => f.Name, (n) => `There can be only one fragment named "${n}".`);

    const reachable = new Set<string>();
    const visit = (sels: GSelection[]) => {
      for (const s of sels) {
        if (s.sel === 'spread') {
          if (reachable.has(s.Name)) continue;
          reachable.add(s.Name);
          const f = this.fragment(s.Name);
          if (f) visit(f.SelectionSet);
        } else if (s.SelectionSet) {
          visit(s.SelectionSet);
        }
      }
    };
    for (const op of ops) visit(op.SelectionSet);
    for (const f of frags) if (!reachable.has(f.Name)) this.report(`Fragment "${f.Name}" is never used.`, f.pos);

    for (const f of frags) this.checkCycles(f);
  }

  private checkCycles(start: GFragment): void {
    const path: string[] = [];
    const seen = new Set<string>();
    const walk = (sels: GSelection[]): boolean => {
      for (const s of sels) {
        if (s.sel === 'spread') {
          if (s.Name === start.Name) {
            const via = path.length > 0 ? ` via ${path.join(', ')}` : '';
            this.report(`Cannot spread fragment "${start.Name}" within itself${via}.`, s.pos);
            return true;
          }
          if (seen.has(s.Name)) continue;
          seen.add(s.Name);
          const f = this.fragment(s.Name);
          if (!f) continue;
          path.push(s.Name);
          if (walk(f.SelectionSet)) return true;
          path.pop();
        } else if (walk(s.SelectionSet)) {
          return true;
        }
      }
      return false;
    };
    walk(start.SelectionSet);
  }

  private unique<T>(items: T[], key: (t: T) => string, msg: (k: string) => string, pos?: (t: T) => Pos | undefined): void {
    const seen = new Set<string>();
    for (const it of items) {
      const k = key(it);
      if (seen.has(k)) this.report(msg(k), pos ? pos(it) : (it as { pos?: Pos }).pos);
      seen.add(k);
    }
  }

  private walkOperation(op: GOperation): void {
    this.op = op;
    this.used = new Set();
    this.unique(op.VariableDefinitions, (v) => v.Variable, (n) => `There can be only one variable named "$${n}".`);
    for (const v of op.VariableDefinitions) this.variableDefinition(v);
    const root = op.Operation === 'mutation' ? this.schema.mutation : op.Operation === 'subscription' ? this.schema.subscription : this.schema.query;
    const loc = op.Operation === 'mutation' ? 'MUTATION' : op.Operation === 'subscription' ? 'SUBSCRIPTION' : 'QUERY';
    if (!root) this.report(`Schema does not support operation type "${op.Operation || 'query'}"`, op.pos);
    for (const v of op.VariableDefinitions) {
      const def = this.schema.types.get(typeName(v.Type));
      if (v.DefaultValue) this.walkValue(v.DefaultValue, v.Type, def);
      this.walkDirectives(v.Directives, 'VARIABLE_DEFINITION');
    }
    this.walkDirectives(op.Directives, loc);
    this.walkSelectionSet(root, op.SelectionSet);
    if (op.Operation === 'subscription' && op.SelectionSet.length > 1) {
      this.report(op.Name ? `Subscription "${op.Name}" must select only one top level field.` : 'Anonymous Subscription must select only one top level field.', op.pos);
    }
    for (const v of op.VariableDefinitions) {
      if (this.used.has(v)) continue;
      this.report(op.Name ? `Variable "$${v.Variable}" is never used in operation "${op.Name}".` : `Variable "$${v.Variable}" is never used.`, v.pos);
    }
    this.op = undefined;
  }

  private variableDefinition(v: GVariableDefinition): void {
    const name = typeName(v.Type);
    const def = this.schema.types.get(name);
    if (!def) {
      this.report(`Unknown type "${name}".`, v.Type?.pos ?? v.pos);
      return;
    }
    if (!isInputKind(def.Kind)) this.report(`Variable "$${v.Variable}" cannot be non-input type "${typeString(v.Type)}".`, v.pos);
  }

  private walkFragmentDefinition(f: GFragment): void {
    const def = this.schema.types.get(f.TypeCondition);
    this.typeCondition(f.TypeCondition, f.pos, `Fragment "${f.Name}" cannot condition on non composite type "${f.TypeCondition}".`);
    this.walkDirectives(f.Directives, 'FRAGMENT_DEFINITION');
    this.walkSelectionSet(def, f.SelectionSet);
  }

  private typeCondition(name: string, pos: Pos | undefined, compositeMsg: string): void {
    if (name === '') return;
    const def = this.schema.types.get(name);
    if (!def) this.report(`Unknown type "${name}".`, pos);
    else if (!isComposite(def)) this.report(compositeMsg, pos);
  }

  private walkSelectionSet(parent: GDefinition | undefined, sels: GSelection[]): void {
    for (const s of sels) this.walkSelection(parent, s);
  }

  private walkSelection(parent: GDefinition | undefined, s: GSelection): void {
    if (s.sel === 'field') {
      const def = s.Name === '__typename' ? TYPENAME_FIELD : parent?.Fields.find((f) => f.Name === s.Name);
      const next = def ? this.schema.types.get(typeName(def.Type)) : undefined;
      this.walkArguments(s.Arguments, def?.Arguments, (a) => `Unknown argument "${a}" on field "${parent?.Name}.${s.Name}".`);
      this.walkDirectives(s.Directives, 'FIELD');
      this.walkSelectionSet(next, s.SelectionSet);
      if (parent && !def) this.report(`Cannot query field "${s.Name}" on type "${parent.Name}".`, s.pos);
      if (def) {
        for (const ad of def.Arguments) {
          if (ad.Type?.NonNull && !ad.DefaultValue && !s.Arguments.some((a) => a.Name === ad.Name)) {
            this.report(`Field "${s.Name}" argument "${ad.Name}" of type "${typeString(ad.Type)}" is required, but it was not provided.`, s.pos);
          }
        }
      }
      if (next) {
        if (isLeaf(next) && s.SelectionSet.length > 0) {
          this.report(`Field "${s.Name}" must not have a selection since type "${typeString(def!.Type)}" has no subfields.`, s.pos);
        } else if (!isLeaf(next) && s.SelectionSet.length === 0) {
          this.report(`Field "${s.Name}" of type "${typeString(def!.Type)}" must have a selection of subfields.`, s.pos);
        }
      }
      return;
    }
    if (s.sel === 'inline') {
      const def = s.TypeCondition !== '' ? this.schema.types.get(s.TypeCondition) : parent;
      this.typeCondition(s.TypeCondition, s.pos, `Fragment cannot condition on non composite type "${s.TypeCondition}".`);
      this.walkDirectives(s.Directives, 'INLINE_FRAGMENT');
      if (def && parent && s.TypeCondition !== '' && !this.overlap(parent, def)) {
        this.report(`Fragment cannot be spread here as objects of type "${parent.Name}" can never be of type "${def.Name}".`, s.pos);
      }
      this.walkSelectionSet(def, s.SelectionSet);
      return;
    }
    const frag = this.fragment(s.Name);
    const def = frag ? this.schema.types.get(frag.TypeCondition) : undefined;
    this.walkDirectives(s.Directives, 'FRAGMENT_SPREAD');
    if (!frag) {
      this.report(`Unknown fragment "${s.Name}".`, s.pos);
      return;
    }
    if (def && parent && !this.overlap(parent, def)) {
      this.report(`Fragment "${s.Name}" cannot be spread here as objects of type "${parent.Name}" can never be of type "${def.Name}".`, s.pos);
    }
    if (!this.visitedSpreads.has(frag.Name)) {
      this.visitedSpreads.add(frag.Name);
      this.walkSelectionSet(def, frag.SelectionSet);
    }
  }

  /** The concrete object types a composite type may be. */
  private possible(d: GDefinition): Set<string> {
    if (d.Kind === 'OBJECT') return new Set([d.Name]);
    return new Set((this.schema.possibleTypes.get(d.Name) ?? []).map((x) => x.Name));
  }

  private overlap(a: GDefinition, b: GDefinition): boolean {
    if (!isComposite(a) || !isComposite(b)) return true;
    const pa = this.possible(a);
    for (const n of this.possible(b)) if (pa.has(n)) return true;
    return false;
  }

  private walkArguments(args: GArgument[], defs: GArgumentDefinition[] | undefined, unknown: (name: string) => string): void {
    this.unique(args, (a) => a.Name, (n) => `There can be only one argument named "${n}".`);
    for (const a of args) {
      const ad = defs?.find((d) => d.Name === a.Name);
      if (defs && !ad) this.report(unknown(a.Name), a.pos);
      if (a.Value) this.walkValue(a.Value, ad?.Type ?? null, ad ? this.schema.types.get(typeName(ad.Type)) : undefined);
    }
  }

  private walkDirectives(dirs: GDirective[], location: string): void {
    const seen = new Set<string>();
    for (const d of dirs) {
      const def = this.schema.directives.get(d.Name);
      this.walkArguments(d.Arguments, def?.Arguments, (a) => `Unknown argument "${a}" on directive "@${d.Name}".`);
      if (!def) {
        this.report(`Unknown directive "@${d.Name}".`, d.pos);
        continue;
      }
      if (!def.Locations.includes(location)) this.report(`Directive "@${d.Name}" may not be used on ${location}.`, d.pos);
      for (const ad of def.Arguments) {
        if (ad.Type?.NonNull && !ad.DefaultValue && !d.Arguments.some((a) => a.Name === ad.Name)) {
          this.report(`Directive "@${d.Name}" argument "${ad.Name}" of type "${typeString(ad.Type)}" is required, but it was not provided.`, d.pos);
        }
      }
      if (!def.IsRepeatable && seen.has(d.Name)) this.report(`The directive "@${d.Name}" can only be used once at this location.`, d.pos);
      seen.add(d.Name);
    }
  }

  private walkValue(v: GValue, expected: GType | null, def: GDefinition | undefined): void {
    let varDef: GVariableDefinition | undefined;
    if (v.Kind === VK.Variable && this.op) {
      varDef = this.op.VariableDefinitions.find((x) => x.Variable === v.Raw);
      if (varDef) this.used.add(varDef);
    }
    if (v.Kind === VK.Object) {
      this.unique(v.Children, (c) => c.Name, (n) => `There can be only one input field named "${n}".`);
      for (const c of v.Children) {
        const fd = def?.Fields.find((f) => f.Name === c.Name);
        if (c.Value) this.walkValue(c.Value, fd ? fd.Type : null, fd ? this.schema.types.get(typeName(fd.Type)) : undefined);
      }
    }
    if (v.Kind === VK.List) {
      for (const c of v.Children) {
        if (!c.Value) continue;
        if (expected?.Elem) this.walkValue(c.Value, expected.Elem, def);
        else this.walkValue(c.Value, null, undefined);
      }
    }
    if (v.Kind === VK.Variable && this.op && !varDef) {
      this.report(this.op.Name ? `Variable "$${v.Raw}" is not defined by operation "${this.op.Name}".` : `Variable "$${v.Raw}" is not defined.`, v.pos);
    }
    if (expected && def) this.valueOfCorrectType(v, expected, def);
    if (v.Kind === VK.Variable && expected && varDef && varDef.Type) {
      const want: GType = { ...expected };
      if (varDef.DefaultValue && varDef.DefaultValue.Kind !== VK.Null && expected.NonNull) want.NonNull = false;
      if (!isCompatible(varDef.Type, want)) {
        this.report(`Variable "$${v.Raw}" of type "${typeString(varDef.Type)}" used in position expecting type "${typeString(expected)}".`, v.pos);
      }
    }
  }

  private valueOfCorrectType(v: GValue, expected: GType, def: GDefinition): void {
    const mismatch = () => this.report(`Expected value of type "${typeString(expected)}", found ${valueText(v)}.`, v.pos);
    if (v.Kind === VK.Null) {
      if (expected.NonNull) mismatch();
      return;
    }
    if (v.Kind === VK.Variable) return;
    if (v.Kind === VK.List) {
      if (!expected.Elem) mismatch();
      return;
    }
    if (expected.Elem) {
      // A single value is accepted where a list is expected (input coercion).
      this.valueOfCorrectType(v, expected.Elem, def);
      return;
    }
    const builtin = ['Int', 'Float', 'String', 'Boolean', 'ID'];
    if (def.Kind === 'SCALAR' && !builtin.includes(def.Name)) return;
    const oneOf = (...names: string[]) => names.includes(def.Name);
    switch (v.Kind) {
      case VK.Int:
        if (!oneOf('Int', 'Float', 'ID')) mismatch();
        return;
      case VK.Float:
        if (!oneOf('Float')) mismatch();
        return;
      case VK.String:
      case VK.Block:
        if (def.Kind === 'ENUM') this.report(`Enum "${typeString(expected)}" cannot represent non-enum value: ${valueText(v)}.`, v.pos);
        else if (!oneOf('String', 'ID')) mismatch();
        return;
      case VK.Enum:
        if (def.Kind !== 'ENUM') mismatch();
        else if (!def.EnumValues.some((e) => e.Name === v.Raw)) this.report(`Value "${valueText(v)}" does not exist in "${typeString(expected)}" enum.`, v.pos);
        return;
      case VK.Boolean:
        if (!oneOf('Boolean')) mismatch();
        return;
      case VK.Object:
        if (def.Kind !== 'INPUT_OBJECT') {
          mismatch();
          return;
        }
        for (const f of def.Fields) {
          if (f.Type?.NonNull && !f.DefaultValue && !v.Children.some((c) => c.Name === f.Name)) {
            this.report(`Field "${def.Name}.${f.Name}" of required type "${typeString(f.Type)}" was not provided.`, v.pos);
          }
        }
        for (const c of v.Children) {
          if (!def.Fields.some((f) => f.Name === c.Name)) this.report(`Field "${c.Name}" is not defined by type "${def.Name}".`, c.pos ?? v.pos);
        }
        return;
    }
  }
}

export function validateQueryDocument(schema: Schema, doc: GQueryDocument): QueryError[] {
  return new Validator(schema, doc).run();
}
