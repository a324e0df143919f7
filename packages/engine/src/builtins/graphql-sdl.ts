/**
 * The SDL (schema document) part of the GraphQL parser, with gqlparser's rules: descriptions
 * only before definitions, non-empty field/value lists, extensions that must add something.
 */
import { Parser } from './graphql-parser.js';
import type {
  GArgumentDefinition,
  GDefinition,
  GDirectiveDefinition,
  GFieldDefinition,
  GSchemaDefinition,
  GSchemaDocument,
} from './graphql-ast.js';

const DIRECTIVE_LOCATIONS = new Set([
  'QUERY',
  'MUTATION',
  'SUBSCRIPTION',
  'FIELD',
  'FRAGMENT_DEFINITION',
  'FRAGMENT_SPREAD',
  'INLINE_FRAGMENT',
  'VARIABLE_DEFINITION',
  'SCHEMA',
  'SCALAR',
  'OBJECT',
  'FIELD_DEFINITION',
  'ARGUMENT_DEFINITION',
  'INTERFACE',
  'UNION',
  'ENUM',
  'ENUM_VALUE',
  'INPUT_OBJECT',
  'INPUT_FIELD_DEFINITION',
]);

class SchemaParser extends Parser {
  // ---- schema documents --------------------------------------------------------------------

  schemaDocument(): GSchemaDocument {
    const doc: GSchemaDocument = { Schema: [], SchemaExtension: [], Directives: [], Definitions: [], Extensions: [] };
    while (this.peek().kind !== 'EOF') {
      const description = this.description();
      const t = this.peek();
      if (t.kind !== 'Name') this.unexpected();
      switch (t.value) {
        case 'scalar':
        case 'type':
        case 'interface':
        case 'union':
        case 'enum':
        case 'input':
          doc.Definitions.push(this.typeDefinition(description, false));
          break;
        case 'schema':
          this.expectKeyword('schema');
          doc.Schema.push(this.schemaDefinition(description, false));
          break;
        case 'directive':
          doc.Directives.push(this.directiveDefinition(description));
          break;
        case 'extend':
          if (description !== '' && this.prev) this.unexpected(this.prev);
          this.extension(doc);
          break;
        default:
          this.unexpected();
      }
    }
    return doc;
  }

  description(): string {
    const t = this.peek();
    return t.kind === 'String' || t.kind === 'BlockString' ? this.next().value : '';
  }

  schemaDefinition(description: string, extension: boolean): GSchemaDefinition {
    const pos = this.peek().pos;
    const def: GSchemaDefinition = { Description: description, Directives: this.directives(true), OperationTypes: [], pos };
    this.some('{', '}', () => {
      const opPos = this.peek().pos;
      const Operation = this.operationType();
      this.expect(':');
      def.OperationTypes.push({ Operation, Type: this.name(), pos: opPos });
    });
    if (extension && def.Directives.length === 0 && def.OperationTypes.length === 0) this.unexpected();
    return def;
  }

  typeDefinition(description: string, extension: boolean): GDefinition {
    const keyword = this.next().value;
    const pos = this.peek().pos;
    const kinds: Record<string, string> = {
      scalar: 'SCALAR',
      type: 'OBJECT',
      interface: 'INTERFACE',
      union: 'UNION',
      enum: 'ENUM',
      input: 'INPUT_OBJECT',
    };
    const def: GDefinition = {
      Kind: kinds[keyword],
      Description: description,
      Name: this.name(),
      Directives: [],
      Interfaces: [],
      Fields: [],
      Types: [],
      EnumValues: [],
      BuiltIn: false,
      pos,
    };
    if (keyword === 'type' || keyword === 'interface') def.Interfaces = this.implementsInterfaces();
    def.Directives = this.directives(true);
    switch (keyword) {
      case 'type':
      case 'interface':
        this.some('{', '}', () => def.Fields.push(this.fieldDefinition()));
        break;
      case 'union':
        def.Types = this.unionMembers();
        break;
      case 'enum':
        this.some('{', '}', () => {
          const epos = this.peek().pos;
          const Description = this.description();
          const Name = this.name();
          def.EnumValues.push({ Description, Name, Directives: this.directives(true), pos: epos });
        });
        break;
      case 'input':
        this.some('{', '}', () => def.Fields.push(this.inputValueDefinition()));
        break;
    }
    if (extension) {
      const empty =
        def.Directives.length === 0 &&
        def.Interfaces.length === 0 &&
        def.Fields.length === 0 &&
        def.Types.length === 0 &&
        def.EnumValues.length === 0;
      if (empty) this.unexpected();
    }
    return def;
  }

  implementsInterfaces(): string[] {
    const out: string[] = [];
    if (this.peek().value === 'implements') {
      this.next();
      this.skip('&');
      out.push(this.name());
      while (this.skip('&')) out.push(this.name());
    }
    return out;
  }

  unionMembers(): string[] {
    const out: string[] = [];
    if (this.skip('=')) {
      this.skip('|');
      out.push(this.name());
      while (this.skip('|')) out.push(this.name());
    }
    return out;
  }

  fieldDefinition(): GFieldDefinition {
    const pos = this.peek().pos;
    const Description = this.description();
    const Name = this.name();
    const Arguments = this.argumentDefinitions();
    this.expect(':');
    const Type = this.typeReference();
    return { Description, Name, Arguments, DefaultValue: null, Type, Directives: this.directives(true), pos };
  }

  argumentDefinitions(): GArgumentDefinition[] {
    const out: GArgumentDefinition[] = [];
    this.some('(', ')', () => {
      const d = this.inputValueDefinition();
      out.push({ Description: d.Description, Name: d.Name, DefaultValue: d.DefaultValue, Type: d.Type, Directives: d.Directives, pos: d.pos });
    });
    return out;
  }

  inputValueDefinition(): GFieldDefinition {
    const pos = this.peek().pos;
    const Description = this.description();
    const Name = this.name();
    this.expect(':');
    const Type = this.typeReference();
    const DefaultValue = this.skip('=') ? this.valueLiteral(true) : null;
    return { Description, Name, Arguments: [], DefaultValue, Type, Directives: this.directives(true), pos };
  }

  extension(doc: GSchemaDocument): void {
    this.expectKeyword('extend');
    const t = this.peek();
    switch (t.kind === 'Name' ? t.value : '') {
      case 'schema':
        this.next();
        doc.SchemaExtension.push(this.schemaDefinition('', true));
        return;
      case 'scalar':
      case 'type':
      case 'interface':
      case 'union':
      case 'enum':
      case 'input':
        doc.Extensions.push(this.typeDefinition('', true));
        return;
      default:
        this.unexpected();
    }
  }

  directiveDefinition(description: string): GDirectiveDefinition {
    this.expectKeyword('directive');
    this.expect('@');
    const pos = this.peek().pos;
    const Name = this.name();
    const Arguments = this.argumentDefinitions();
    let IsRepeatable = false;
    if (this.peek().kind === 'Name' && this.peek().value === 'repeatable') {
      IsRepeatable = true;
      this.next();
    }
    this.expectKeyword('on');
    this.skip('|');
    const Locations = [this.directiveLocation()];
    while (this.skip('|')) Locations.push(this.directiveLocation());
    return { Description: description, Name, Arguments, Locations, IsRepeatable, pos };
  }

  directiveLocation(): string {
    const t = this.expect('Name');
    if (DIRECTIVE_LOCATIONS.has(t.value)) return t.value;
    this.unexpected(t);
  }
}

export function parseSchemaDocument(source: string): GSchemaDocument {
  return new SchemaParser(source).schemaDocument();
}
